import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Agent } from '../../../../shared/domain/agents.js';
import type { StoredPrompt } from '../../../../shared/domain/prompts.js';
import type { Team } from '../../../../shared/domain/teams.js';
import { useAppStore } from '../../../stores/app-store.js';
import type { EditorStore } from '../editor/editor-store.js';

/** What the forms refer to besides the workflow: teams, agents and the prompt library. */
export interface InspectorData {
  store: EditorStore;
  teams: readonly Team[];
  agents: readonly Agent[];
  prompts: readonly StoredPrompt[];
  /** A recording just uploaded joins the list at once, without reloading it. */
  addPrompt(prompt: StoredPrompt): void;
}

const InspectorContext = createContext<InspectorData | null>(null);

/**
 * Loads the teams, agents and prompts once when the inspector opens (fresh, since they may have
 * changed since the workflow list loaded) and hands them to every form below.
 */
export function InspectorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  const api = useAppStore((s) => s.api);
  const knownTeams = useAppStore((s) => s.teams);
  const [teams, setTeams] = useState<readonly Team[] | null>(null);
  const [agents, setAgents] = useState<readonly Agent[]>([]);
  const [prompts, setPrompts] = useState<readonly StoredPrompt[]>([]);

  useEffect(() => {
    let cancelled = false;
    // Each list on its own: one failing (an older engine, a missing right) leaves the others.
    const load = <T,>(call: Promise<T>, set: (value: T) => void) =>
      call.then((value) => !cancelled && set(value)).catch(() => undefined);
    void load(api.call('teams.list'), setTeams);
    void load(api.call('agents.list'), setAgents);
    void load(api.call('prompts.list'), setPrompts);
    return () => {
      cancelled = true;
    };
  }, [api]);

  // Newest first, as prompts.list orders them.
  const addPrompt = useCallback(
    (prompt: StoredPrompt) => setPrompts((list) => [prompt, ...list.filter((p) => p.id !== prompt.id)]),
    [],
  );

  return (
    <InspectorContext.Provider value={{ store, teams: teams ?? knownTeams, agents, prompts, addPrompt }}>
      {children}
    </InspectorContext.Provider>
  );
}

export function useInspector(): InspectorData {
  const data = useContext(InspectorContext);
  if (!data) throw new Error('useInspector must be used within InspectorProvider');
  return data;
}
