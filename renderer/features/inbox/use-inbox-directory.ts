import { useEffect, useState } from 'react';
import type { Agent } from '../../../shared/domain/agents.js';
import type { CatalogueTag } from '../../../shared/domain/tags.js';
import type { Team } from '../../../shared/domain/teams.js';
import { useAppStore } from '../../stores/app-store.js';
import { useApiEvent } from './use-api-event.js';

/** Who and what the inbox's filters and pickers offer: teams, agents, the tag catalogue. */
export interface InboxDirectory {
  teams: readonly Team[];
  agents: readonly Agent[];
  tags: readonly CatalogueTag[];
}

/** Loaded once per connection; agents and tags then follow their events. */
export function useInboxDirectory(onError: (error: unknown) => void): InboxDirectory {
  const api = useAppStore((s) => s.api);
  const connected = useAppStore((s) => s.connection === 'connected');
  const [directory, setDirectory] = useState<InboxDirectory>({ teams: [], agents: [], tags: [] });

  useEffect(() => {
    if (!connected) return;
    let live = true;
    Promise.all([api.call('teams.list'), api.call('agents.list'), api.call('tags.list')])
      .then(([teams, agents, tags]) => {
        if (live) setDirectory({ teams, agents, tags });
      })
      .catch(onError);
    return () => {
      live = false;
    };
  }, [api, connected, onError]);

  useApiEvent('agents.changed', (agent) =>
    setDirectory((d) => ({
      ...d,
      agents: d.agents.some((a) => a.id === agent.id)
        ? d.agents.map((a) => (a.id === agent.id ? agent : a))
        : [...d.agents, agent],
    })),
  );
  useApiEvent('tags.changed', (tags) => setDirectory((d) => ({ ...d, tags })));
  return directory;
}
