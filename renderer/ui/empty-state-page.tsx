import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/messages.en.js';
import { useT } from '../i18n/use-t.js';

export interface EmptyStatePageProps {
  title: MessageKey;
  lead: MessageKey;
  points: readonly MessageKey[];
  Icon: ComponentType;
}

/** A section that is not built yet: what it will be for, in a sentence and three points. */
export function EmptyStatePage({ title, lead, points, Icon }: EmptyStatePageProps) {
  const t = useT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t(title)}</h1>
      </header>
      <section className="empty-state">
        <div className="empty-icon">
          <Icon />
        </div>
        <p className="empty-lead">{t(lead)}</p>
        <span className="badge">{t('page.comingSoon')}</span>
        <h2 className="empty-subtitle">{t('page.whatYouWillDo')}</h2>
        <ul className="empty-points">
          {points.map((point) => (
            <li key={point}>{t(point)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
