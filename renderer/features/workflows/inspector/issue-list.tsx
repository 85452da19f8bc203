import type { WorkflowIssueShape } from '../../../../shared/domain/workflows.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';

/** The engine's problems with what the form shows, at its top, in the manager's language. */
export function IssueList({ issues }: { issues: readonly WorkflowIssueShape[] }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  if (issues.length === 0) return null;
  return (
    <ul className="inspector-issues" aria-label={t('inspector.issues')}>
      {issues.map((issue, index) => (
        <li key={index} className={`problem ${issue.severity}`}>
          <span className="visually-hidden">
            {issue.severity === 'error' ? t('inspector.error') : t('inspector.warning')}:{' '}
          </span>
          {issue.text[locale]}
        </li>
      ))}
    </ul>
  );
}
