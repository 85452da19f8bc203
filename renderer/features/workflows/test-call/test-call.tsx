import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Team } from '../../../../shared/domain/teams.js';
import type { SimulationStateShape } from '../../../../shared/domain/workflows.js';
import type { Prompt } from '../../../../shared/workflow/prompt.js';
import type { Translate } from '../../../i18n/translate.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import type { EditorStore } from '../editor/editor-store.js';
import { defaultCallSettings, startParams, type CallSettings } from './call-settings.js';
import { CallSettingsForm } from './call-settings-form.js';
import { simulationDecorations } from './simulation-decorations.js';
import { formatElapsed, transcriptLines } from './transcript-lines.js';
import { TranscriptView } from './transcript-view.js';
import { useOfficeTimeZone } from './use-office-time-zone.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
type Key = (typeof KEYS)[number];
const isKey = (key: string): key is Key => (KEYS as readonly string[]).includes(key);
/** The wait buttons, for prompts to finish and timeouts to fire. */
const WAITS_MS = [5_000, 30_000];
const results = ['ended-by-workflow', 'caller-hung-up', 'connected', 'back-to-queue', 'failed'] as const;

type Phase = 'idle' | 'saving' | 'starting';

/**
 * A virtual phone on the draft: set who calls and when, call, press keys, wait out timeouts, and
 * read (or hear) what the call says; the canvas shows the step it is in and the path so far.
 * Test calls run the engine's real interpreter on virtual time and never reach the analytics.
 */
export function TestCall({ store }: { store: EditorStore }) {
  const t = useT();
  const api = useAppStore((s) => s.api);
  const locale = useAppStore((s) => s.locale);
  const timeZone = useOfficeTimeZone();
  const definition = useStore(store, (s) => s.definition);
  const [teams, setTeams] = useState<Team[]>([]);
  const [settings, setSettings] = useState<CallSettings>(defaultCallSettings);
  const [simulation, setSimulation] = useState<SimulationStateShape | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);
  /** The test call requests answer for; a reply for an older one is dropped. */
  const current = useRef<string | null>(null);
  /** Requests go one after another, so keys pressed fast arrive in order. */
  const queue = useRef<Promise<void>>(Promise.resolve());
  const audio = useRef<HTMLAudioElement | null>(null);
  const audioCache = useRef(new Map<string, string>());

  useEffect(() => {
    let cancelled = false;
    api.call('teams.list').then(
      (list) => !cancelled && setTeams(list),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    store.getState().setDecorations(simulation ? simulationDecorations(simulation, definition) : null);
  }, [store, simulation, definition]);
  // Closing the panel clears the canvas and ends the call.
  useEffect(
    () => () => {
      store.getState().setDecorations(null);
      audio.current?.pause();
      const id = current.current;
      current.current = null;
      if (id) void api.call('simulator.hangup', { id }).catch(() => undefined);
    },
    [store, api],
  );

  const run = (request: () => Promise<SimulationStateShape | null>) => {
    queue.current = queue.current.then(async () => {
      try {
        const state = await request();
        if (state && state.id === current.current) setSimulation(state);
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    });
  };

  const start = (placed: CallSettings) =>
    run(async () => {
      const previous = current.current;
      current.current = null;
      if (previous) await api.call('simulator.hangup', { id: previous }).catch(() => undefined);
      setSimulation(null);
      try {
        setPhase('saving');
        await store.getState().save();
        const { saveState, saveError } = store.getState();
        if (saveState === 'failed') throw new Error(t('testCall.notSaved', { message: saveError ?? '' }));
        setPhase('starting');
        const { workflowId } = store.getState();
        const params = startParams(
          workflowId,
          placed,
          teams.map((team) => team.id),
          timeZone,
        );
        const state = await api.call('simulator.start', params);
        current.current = state.id;
        return state;
      } finally {
        setPhase('idle');
      }
    });

  const active = simulation !== null && simulation.result === null;
  const withCall = (request: (id: string) => Promise<SimulationStateShape>) => {
    const id = current.current;
    if (id && active) run(() => request(id));
  };
  const press = (digit: Key) => withCall((id) => api.call('simulator.press', { id, digit }));
  const advance = (ms: number) => withCall((id) => api.call('simulator.advance', { id, ms }));
  const hangUp = () => withCall((id) => api.call('simulator.hangup', { id }));

  const play = async (prompt: Prompt) => {
    try {
      const key = JSON.stringify(prompt);
      let url = audioCache.current.get(key);
      if (!url) {
        const rendered = await api.call('prompts.preview', { prompt });
        url = `data:audio/wav;base64,${rendered.wavBase64}`;
        audioCache.current.set(key, url);
      }
      audio.current?.pause();
      audio.current = new Audio(url);
      await audio.current.play();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !isKey(event.key)) return;
    if (event.target instanceof Element && event.target.closest('input, select, textarea')) return;
    event.preventDefault();
    press(event.key);
  };

  const teamNames = useMemo(() => new Map(teams.map((team) => [team.id, team.name])), [teams]);
  const lines = useMemo(
    () => (simulation ? transcriptLines(simulation.transcript, { teams: teamNames }) : []),
    [simulation, teamNames],
  );
  const clock = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
    [locale, timeZone],
  );
  const stepName = (id: string) => {
    const step = definition.steps.find((s) => s.id === id);
    return step ? step.name.trim() || t(`step.${step.kind}`) : id;
  };

  let status = '';
  if (phase === 'saving') status = t('testCall.saving');
  else if (phase === 'starting') status = t('testCall.status.starting', { time: clock.format(new Date()) });
  else if (simulation && simulation.result) {
    status = t('testCall.status.ended', {
      result: resultText(simulation.result, t),
      elapsed: formatElapsed(simulation.elapsedMs),
    });
  } else if (simulation) {
    status = t('testCall.status.inStep', {
      step: simulation.stepId ? stepName(simulation.stepId) : '—',
      elapsed: formatElapsed(simulation.elapsedMs),
      time: clock.format(new Date(simulation.now)),
    });
  }

  return (
    <div className="test-call" tabIndex={0} onKeyDown={onKeyDown}>
      <CallSettingsForm settings={settings} teams={teams} timeZone={timeZone} onChange={setSettings} />
      <div className="button-row test-call-controls">
        {active ? (
          <button type="button" className="button danger" onClick={hangUp}>
            {t('testCall.hangUp')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={phase !== 'idle'}
            onClick={() => start(settings)}
          >
            {t('testCall.call')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={simulation === null || phase !== 'idle'}
          onClick={() => start(settings)}
        >
          {t('testCall.restart')}
        </button>
      </div>
      <p className="test-call-status" role="status">
        {status}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
      <div className="keypad" role="group" aria-label={t('testCall.keypad')} aria-describedby="keypad-hint">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="button keypad-key"
            disabled={!active}
            onClick={() => press(key)}
          >
            {key}
          </button>
        ))}
      </div>
      <p className="field-hint" id="keypad-hint">
        {t('testCall.keypadHint')}
      </p>
      <div className="button-row">
        {WAITS_MS.map((ms) => (
          <button key={ms} type="button" className="button" disabled={!active} onClick={() => advance(ms)}>
            {t('testCall.wait', { seconds: ms / 1000 })}
          </button>
        ))}
      </div>
      <TranscriptView lines={lines} onPlay={(prompt) => void play(prompt)} />
    </div>
  );
}

function resultText(result: { kind: string } & Record<string, unknown>, t: Translate): string {
  const kind = results.find((known) => known === result.kind);
  if (!kind) return result.kind;
  return t(`testCall.result.${kind}`, {
    message: typeof result.message === 'string' ? result.message : '',
  });
}
