import type { QueueSnapshot } from '../../../shared/domain/queues.js';
import { useT } from '../../i18n/use-t.js';
import { formatDuration, secondsSince } from './duration-format.js';
import { useNow } from './use-now.js';

/**
 * The live board: for each team, the calls waiting (longest first, their wait ticking on one
 * shared clock) and the members with what they are doing now.
 */
export function QueueBoard({ queues }: { queues: readonly QueueSnapshot[] | null }) {
  const t = useT();
  const now = useNow();
  return (
    <section className="queue-board" aria-labelledby="queue-board-title">
      <h2 id="queue-board-title" className="visually-hidden">
        {t('inbox.board.title')}
      </h2>
      {queues === null ? (
        <p className="muted">{t('inbox.loading')}</p>
      ) : queues.length === 0 ? (
        <p className="muted">{t('inbox.board.noTeams')}</p>
      ) : (
        <ul className="queue-teams">
          {queues.map((queue) => (
            <li key={queue.teamId} className="queue-team">
              <div className="queue-team-head">
                <h3>{queue.teamName}</h3>
                <span className={queue.calls.length > 0 ? 'badge' : 'badge badge-muted'}>
                  {t('inbox.board.waiting', { count: queue.calls.length })}
                </span>
                {queue.estimatedWaitSec !== null && (
                  <span className="muted">
                    {t('inbox.board.estimate', { wait: formatDuration(queue.estimatedWaitSec) })}
                  </span>
                )}
              </div>
              {queue.calls.length > 0 && (
                <ol className="queue-calls" aria-label={t('inbox.board.calls', { team: queue.teamName })}>
                  {queue.calls.map((call) => (
                    <li key={call.callId}>
                      <span className="mono">{call.caller}</span>
                      <span className="muted">{t(`inbox.board.call.${call.state}`)}</span>
                      <span className="queue-wait mono">
                        <span className="visually-hidden">{t('inbox.board.waited')} </span>
                        {formatDuration(secondsSince(call.queuedAt, now))}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              <ul className="queue-agents" aria-label={t('inbox.board.agents', { team: queue.teamName })}>
                {queue.agents.length === 0 && <li className="muted">{t('inbox.board.noAgents')}</li>}
                {queue.agents.map((agent) => (
                  <li key={agent.agentId} className={`agent-chip agent-${agent.status}`}>
                    <span className="agent-dot" aria-hidden="true" />
                    {agent.name}
                    <span className="agent-status">{t(`inbox.agent.${agent.status}`)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
