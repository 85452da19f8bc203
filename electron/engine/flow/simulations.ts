import type { Clock, TimerHandle } from '../clock.js';
import type { RunnableVersion } from './flow-interpreter.js';
import { Simulation, type SimulationDeps, type SimulationSetup } from './simulator.js';

/** Test calls kept at once: an editor has one open, a few managers a few. */
const MAX_SIMULATIONS = 20;
/** A test call nobody touched for this long is dropped. */
const IDLE_MS = 30 * 60_000;

export class SimulationNotFoundError extends Error {
  constructor(id: string) {
    super(`No test call ${id} (it ended long ago, or the engine restarted)`);
    this.name = 'SimulationNotFoundError';
  }
}

/** The editor's test calls, by id, dropped when idle or when too many are open (oldest first). */
export class Simulations {
  private readonly open = new Map<string, { simulation: Simulation; expiry: TimerHandle }>();

  constructor(
    private readonly clock: Clock,
    private readonly deps: SimulationDeps,
  ) {}

  start(version: RunnableVersion, setup: SimulationSetup): Simulation {
    while (this.open.size >= MAX_SIMULATIONS) {
      const oldest = this.open.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    const simulation = new Simulation(version, setup, this.deps);
    this.open.set(simulation.id, { simulation, expiry: this.expire(simulation.id) });
    return simulation;
  }

  /** The test call, its idle timer restarted. */
  get(id: string): Simulation {
    const entry = this.open.get(id);
    if (!entry) throw new SimulationNotFoundError(id);
    this.clock.clearTimeout(entry.expiry);
    entry.expiry = this.expire(id);
    return entry.simulation;
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.drop(id);
  }

  private expire(id: string): TimerHandle {
    return this.clock.setTimeout(() => this.drop(id), IDLE_MS);
  }

  private drop(id: string): void {
    const entry = this.open.get(id);
    if (!entry) return;
    this.clock.clearTimeout(entry.expiry);
    this.open.delete(id);
    void entry.simulation.hangup();
  }
}
