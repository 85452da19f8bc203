import { useEffect, useState } from 'react';
import type { QueueSnapshot } from '../../../shared/domain/queues.js';
import { useAppStore } from '../../stores/app-store.js';
import { applyAgentChange } from './queue-board-state.js';
import { useApiEvent } from './use-api-event.js';

/** Every team's live queue: one snapshot per connection, then only events (no polling). */
export function useQueueBoard(onError: (error: unknown) => void): readonly QueueSnapshot[] | null {
  const api = useAppStore((s) => s.api);
  const connected = useAppStore((s) => s.connection === 'connected');
  const [queues, setQueues] = useState<readonly QueueSnapshot[] | null>(null);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    api
      .call('queues.snapshot')
      .then((snapshot) => {
        if (live) setQueues(snapshot);
      })
      .catch(onError);
    return () => {
      live = false;
    };
  }, [api, connected, onError]);

  useApiEvent('queues.changed', setQueues);
  useApiEvent('agents.changed', (agent) => setQueues((q) => q && applyAgentChange(q, agent)));
  return queues;
}
