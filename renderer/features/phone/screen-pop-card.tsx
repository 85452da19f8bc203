import { useT } from '../../i18n/use-t.js';
import { formatCallTime } from './call-clock.js';
import type { ScreenPop } from './screen-pop.js';

/**
 * Who is calling and what they did in the IVR, shown while the phone rings and during the call.
 * The wait counts up to `waitEnd` (now while ringing, the answer once talking).
 */
export function ScreenPopCard({ pop, waitEnd }: { pop: ScreenPop | undefined; waitEnd: number }) {
  const t = useT();
  if (!pop) return <p className="phone-muted">{t('phone.pop.unlinked')}</p>;
  return (
    <dl className="phone-pop" aria-label={t('phone.incoming')}>
      <dt>{t('phone.pop.caller')}</dt>
      <dd className="phone-pop-caller">{pop.caller}</dd>
      <dt>{t('phone.pop.dialled')}</dt>
      <dd>{pop.dialled}</dd>
      <dt>{t('phone.pop.team')}</dt>
      <dd>{pop.teamName ?? t('phone.pop.none')}</dd>
      <dt>{t('phone.pop.wait')}</dt>
      <dd>{pop.queuedAt === null ? t('phone.pop.none') : formatCallTime(waitEnd - pop.queuedAt)}</dd>
      <dt>{t('phone.pop.path')}</dt>
      <dd>
        <ol className="phone-pop-path" data-testid="pop-path">
          {pop.path.map((step, index) => (
            <li key={index}>
              {step.name}
              {step.key !== undefined && (
                <span className="phone-key">{t('phone.pop.key', { key: step.key })}</span>
              )}
            </li>
          ))}
        </ol>
      </dd>
      <dt>{t('phone.pop.inputs')}</dt>
      <dd data-testid="pop-inputs">
        {pop.inputs.length === 0
          ? t('phone.pop.none')
          : pop.inputs.map((input) => (
              <div key={input.label}>
                {input.label}: <strong>{input.value}</strong>
              </div>
            ))}
      </dd>
      <dt>{t('phone.pop.tags')}</dt>
      <dd>{pop.tags.length === 0 ? t('phone.pop.none') : pop.tags.join(', ')}</dd>
      <dt>{t('phone.pop.earlier')}</dt>
      <dd>
        {pop.earlier.length === 0 ? (
          t('phone.pop.noEarlier')
        ) : (
          <ul className="phone-pop-earlier">
            {pop.earlier.map((c) => (
              <li key={c.id}>
                {new Date(c.startedAt).toLocaleString()} · {c.outcome}
                {c.tags.length > 0 && ` · ${c.tags.map((tag) => tag.tag).join(', ')}`}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
