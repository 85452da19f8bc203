import { useId } from 'react';
import type { Agent } from '../../../shared/domain/agents.js';
import { useT } from '../../i18n/use-t.js';

/** Who follows up on a call or a message: one of the agents, or nobody. */
export function AssigneeSelect({
  agents,
  value,
  disabled,
  onChange,
}: {
  agents: readonly Agent[];
  value: string | null;
  disabled?: boolean;
  onChange(assigneeId: string | null): void;
}) {
  const t = useT();
  const id = useId();
  return (
    <span className="inline-field">
      <label htmlFor={id}>{t('inbox.assignee')}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{t('inbox.nobody')}</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </select>
    </span>
  );
}
