import { useId } from 'react';
import { conversationOutcomes } from '../../../shared/domain/conversations.js';
import { useT } from '../../i18n/use-t.js';
import type { ConversationFilters } from './conversation-query.js';
import type { InboxDirectory } from './use-inbox-directory.js';

/** The list's filters; every change applies at once (the text a moment after typing stops). */
export function ConversationFiltersForm({
  filters,
  directory,
  onChange,
}: {
  filters: ConversationFilters;
  directory: InboxDirectory;
  onChange(filters: ConversationFilters): void;
}) {
  const t = useT();
  const id = useId();
  const set = <K extends keyof ConversationFilters>(key: K, value: ConversationFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <form
      className="inbox-filters"
      role="search"
      aria-label={t('inbox.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="inbox-filter inbox-filter-text">
        <label htmlFor={`${id}-text`}>{t('inbox.filter.text')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filters.text}
          maxLength={100}
          placeholder={t('inbox.filter.textHint')}
          onChange={(e) => set('text', e.target.value)}
        />
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${id}-from`}>{t('inbox.filter.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from}
          onChange={(e) => set('from', e.target.value)}
        />
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${id}-to`}>{t('inbox.filter.to')}</label>
        <input id={`${id}-to`} type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${id}-outcome`}>{t('inbox.filter.outcome')}</label>
        <select
          id={`${id}-outcome`}
          value={filters.outcome}
          onChange={(e) => set('outcome', e.target.value as ConversationFilters['outcome'])}
        >
          <option value="">{t('inbox.filter.any')}</option>
          {conversationOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`inbox.outcome.${outcome}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${id}-team`}>{t('inbox.filter.team')}</label>
        <select id={`${id}-team`} value={filters.teamId} onChange={(e) => set('teamId', e.target.value)}>
          <option value="">{t('inbox.filter.any')}</option>
          {directory.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${id}-agent`}>{t('inbox.filter.agent')}</label>
        <select id={`${id}-agent`} value={filters.agentId} onChange={(e) => set('agentId', e.target.value)}>
          <option value="">{t('inbox.filter.any')}</option>
          {directory.agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${id}-tag`}>{t('inbox.filter.tag')}</label>
        <select id={`${id}-tag`} value={filters.tag} onChange={(e) => set('tag', e.target.value)}>
          <option value="">{t('inbox.filter.any')}</option>
          {directory.tags.map((tag) => (
            <option key={tag.name} value={tag.name}>
              {tag.name}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-filter">
        <label htmlFor={`${id}-direction`}>{t('inbox.filter.direction')}</label>
        <select
          id={`${id}-direction`}
          value={filters.direction}
          onChange={(e) => set('direction', e.target.value as ConversationFilters['direction'])}
        >
          <option value="">{t('inbox.filter.any')}</option>
          <option value="inbound">{t('inbox.direction.inbound')}</option>
          <option value="outbound">{t('inbox.direction.outbound')}</option>
        </select>
      </div>
      <label className="inbox-filter-check">
        <input
          type="checkbox"
          checked={filters.unheardVoicemail}
          onChange={(e) => set('unheardVoicemail', e.target.checked)}
        />
        {t('inbox.filter.unheard')}
      </label>
    </form>
  );
}
