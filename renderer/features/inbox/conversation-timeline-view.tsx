import type { Agent } from '../../../shared/domain/agents.js';
import type { Voicemail } from '../../../shared/domain/voicemails.js';
import type { MessageKey } from '../../i18n/messages.en.js';
import { useT } from '../../i18n/use-t.js';
import { knownCallbackResult } from './callback-state.js';
import type { StepOutcome, TimelineEntry } from './conversation-timeline.js';
import { formatDuration } from './duration-format.js';
import { TagChip } from './tag-chip.js';
import { useInboxFormat } from './use-inbox-format.js';
import { VoicemailPlayer } from './voicemail-player.js';

const stepKindKeys: Record<string, MessageKey> = {
  branch: 'step.branch',
  ivr_buttons: 'step.ivr_buttons',
  voice_message: 'step.voice_message',
  end_call: 'step.end_call',
  voicemail: 'step.voicemail',
  input_form: 'step.input_form',
  assign: 'step.assign',
  send_sms: 'step.send_sms',
  tag: 'step.tag',
  transfer: 'step.transfer',
  callback: 'step.callback',
};

/** The call's story as a list, one entry per moment (see conversation-timeline.ts). */
export function ConversationTimelineView({
  entries,
  agents,
  onVoicemailHeard,
}: {
  entries: readonly TimelineEntry[];
  agents: readonly Agent[];
  onVoicemailHeard(voicemail: Voicemail, heard: boolean): void;
}) {
  const t = useT();
  const format = useInboxFormat();
  const seconds = (ms: number) => formatDuration(ms / 1000);

  const outcomeWords = (outcome: StepOutcome): string => {
    switch (outcome.kind) {
      case 'key':
        return t('inbox.step.key', { key: outcome.key });
      case 'other':
        return outcome.text;
      default:
        return t(`inbox.step.${outcome.kind}`);
    }
  };

  const body = (entry: TimelineEntry) => {
    switch (entry.kind) {
      case 'started':
        return t('inbox.tl.started', { caller: entry.caller, dialled: entry.dialled });
      case 'step': {
        const kind = entry.stepKind ? stepKindKeys[entry.stepKind] : undefined;
        const name = entry.name ?? (kind ? t(kind) : (entry.stepKind ?? '?'));
        return (
          <>
            <strong>{name}</strong>
            {kind && entry.name && <span className="muted"> · {t(kind)}</span>}
            {entry.outcome && <span className="tl-outcome"> — {outcomeWords(entry.outcome)}</span>}
            {entry.durationMs !== null && <span className="muted"> ({seconds(entry.durationMs)})</span>}
            {entry.error && <span className="field-error"> {entry.error}</span>}
          </>
        );
      }
      case 'input':
        return (
          <>
            {t('inbox.tl.input', { label: entry.label })} <strong className="mono">{entry.value}</strong>
          </>
        );
      case 'queued':
        return t(entry.waitMs === null ? 'inbox.tl.queued' : 'inbox.tl.queuedWait', {
          team: entry.teamName ?? '—',
          wait: seconds(entry.waitMs ?? 0),
        });
      case 'answered':
        return t('inbox.tl.answered', { agent: entry.agentName ?? '—' });
      case 'transferred':
        return t(entry.attended ? 'inbox.tl.transferredAttended' : 'inbox.tl.transferred', {
          from: entry.from ?? '—',
          to: entry.to,
        });
      case 'ended':
        return entry.talkMs === null
          ? t('inbox.tl.ended')
          : t('inbox.tl.endedTalk', { talk: seconds(entry.talkMs) });
      case 'tag':
        return (
          <>
            {t('inbox.tl.tagged', {
              by:
                entry.tag.addedBy === null
                  ? t('inbox.tl.byWorkflow')
                  : (agents.find((a) => a.id === entry.tag.addedBy)?.name ?? t('inbox.tl.byUser')),
            })}{' '}
            <TagChip name={entry.tag.tag} color={entry.tag.color} />
          </>
        );
      case 'voicemail':
        return (
          <>
            {t('inbox.tl.voicemail', { length: seconds(entry.voicemail.durationMs) })}
            <VoicemailPlayer
              voicemail={entry.voicemail}
              label={t('inbox.vm.player', { caller: entry.voicemail.caller })}
              onHeard={(heard) => onVoicemailHeard(entry.voicemail, heard)}
            />
          </>
        );
      case 'callback': {
        const { callback } = entry;
        const known = knownCallbackResult(callback.lastResult);
        return t('inbox.tl.callback', {
          status: t(`inbox.cb.status.${callback.status}`),
          attempts: callback.attempts,
          result: known ? t(`inbox.cb.result.${known}`) : (callback.lastResult ?? '—'),
        });
      }
    }
  };

  return (
    <ol className="timeline" aria-label={t('inbox.timeline')}>
      {entries.map((entry, index) => (
        <li key={index} className={`tl tl-${entry.kind}`}>
          <time dateTime={entry.at} className="tl-time mono">
            {format.time(entry.at)}
          </time>
          <div className="tl-body">{body(entry)}</div>
        </li>
      ))}
    </ol>
  );
}
