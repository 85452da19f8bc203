/**
 * What the engine's default call handler logged about each call (`call received`,
 * `digit received`, `call ended` on stderr), for tests to assert on.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { EngineProcess } from './engine-process.js';

export interface LoggedCall {
  callId: string;
  caller: string;
  dialled: string;
  /** Every `digit received` for the call, in order, as "<digit>/<via>" ("4/info"). */
  digits: string[];
  /** The `call ended` entry's reason, once logged. */
  endReason: string | undefined;
}

const ENTRY = /^\S+ INFO (call received|digit received|call ended) (\{.*\})$/;

function field(entry: Record<string, unknown>, name: string): string {
  const value = entry[name];
  return typeof value === 'string' ? value : '';
}

/** The calls in an engine log (or a slice of it), in the order they arrived. */
export function loggedCalls(log: string): LoggedCall[] {
  const calls = new Map<string, LoggedCall>();
  for (const line of log.split('\n')) {
    const match = ENTRY.exec(line.trim());
    if (!match) continue;
    const entry = JSON.parse(match[2] ?? '{}') as Record<string, unknown>;
    const callId = field(entry, 'callId');
    if (match[1] === 'call received') {
      calls.set(callId, {
        callId,
        caller: field(entry, 'caller'),
        dialled: field(entry, 'dialled'),
        digits: [],
        endReason: undefined,
      });
      continue;
    }
    const call = calls.get(callId);
    if (!call) continue; // its start is outside this slice of the log
    if (match[1] === 'digit received') call.digits.push(`${field(entry, 'digit')}/${field(entry, 'via')}`);
    else call.endReason = field(entry, 'reason');
  }
  return [...calls.values()];
}

/**
 * Waits until the engine's log (from offset `since`) holds exactly one call from `caller` that
 * satisfies `done`, and returns it. Throws with the log on timeout or if there are more calls.
 */
export async function waitForLoggedCall(
  engine: EngineProcess,
  since: number,
  caller: string,
  done: (call: LoggedCall) => boolean,
  timeoutMs = 5000,
): Promise<LoggedCall> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const calls = loggedCalls(engine.stderr().slice(since)).filter((c) => c.caller === caller);
    if (calls.length > 1) {
      throw new Error(`${calls.length} calls from ${caller}, expected one:\n${engine.stderr().slice(since)}`);
    }
    const call = calls[0];
    if (call && done(call)) return call;
    if (Date.now() >= deadline) {
      throw new Error(
        `no matching call from ${caller} in the engine log within ${timeoutMs} ms ` +
          `(${JSON.stringify(call)}):\n${engine.stderr().slice(since)}`,
      );
    }
    await sleep(25);
  }
}
