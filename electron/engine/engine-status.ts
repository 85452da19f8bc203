import type { EngineStatus, LineStatus } from '../../shared/domain/engine-status.js';
import type { Registration } from '../../shared/domain/line.js';
import type { StoredLine } from './store/line-repository.js';

type EngineState = EngineStatus['state'];

/**
 * Holds what the status bar shows and tells listeners on every change. Registration states
 * are owned by the SIP user agent (telephony core); until it runs a line is "not registered".
 */
export class EngineStatusBoard {
  private state: EngineState = 'starting';
  private readonly registrations = new Map<string, Registration>();
  private lines: StoredLine[] = [];
  private readonly listeners = new Set<(status: EngineStatus) => void>();

  onChange(listener: (status: EngineStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setState(state: EngineState): void {
    if (state === this.state) return;
    this.state = state;
    this.changed();
  }

  setLines(lines: StoredLine[]): void {
    this.lines = lines;
    const ids = new Set(lines.map((line) => line.id));
    for (const id of this.registrations.keys()) if (!ids.has(id)) this.registrations.delete(id);
    this.changed();
  }

  setRegistration(lineId: string, registration: Registration): void {
    this.registrations.set(lineId, registration);
    this.changed();
  }

  registrationOf(line: StoredLine): Registration {
    if (!line.enabled) return { state: 'disabled' };
    return this.registrations.get(line.id) ?? { state: 'not_registered' };
  }

  snapshot(): EngineStatus {
    const lines: LineStatus[] = this.lines.map((line) => ({
      lineId: line.id,
      displayName: line.displayName,
      registration: this.registrationOf(line),
    }));
    return { state: this.state, lines };
  }

  private changed(): void {
    const status = this.snapshot();
    for (const listener of this.listeners) listener(status);
  }
}
