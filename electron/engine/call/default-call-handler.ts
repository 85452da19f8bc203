import type { Logger } from '../logger.js';
import type { Call } from './call.js';

/** Two 400 ms beeps at 1 kHz: a prompt every test can recognise by its frequency. */
export function greetingTone(): Int16Array {
  const pcm = new Int16Array(8000 * 1.2);
  for (let i = 0; i < pcm.length; i++) {
    const ms = i / 8;
    const on = ms < 400 || (ms >= 800 && ms < 1200);
    pcm[i] = on ? Math.round(6000 * Math.sin((2 * Math.PI * 1000 * i) / 8000)) : 0;
  }
  return pcm;
}

/** Longest a call may stay with the default handler before the engine hangs up. */
const MAX_CALL_MS = 10 * 60_000;

/**
 * What the engine does with a call until a published workflow takes it (the workflow issue):
 * answer, play the greeting, log every key press and the entry they make (up to `#`), and let
 * the caller hang up.
 */
export async function handleWithoutWorkflow(call: Call, logger: Logger): Promise<void> {
  logger.info('call received', {
    callId: call.id,
    line: call.lineId,
    caller: call.caller,
    dialled: call.dialled,
  });
  call.onDigit((digit, via) => logger.info('digit received', { callId: call.id, digit, via }));
  const limit = setTimeout(() => void call.hangup(), MAX_CALL_MS);
  try {
    await call.answer();
    await call.play(greetingTone(), { bargeIn: true });
    const entry = await call.collectDigits({
      max: 20,
      firstDigitTimeoutMs: 30_000,
      interDigitTimeoutMs: 5000,
    });
    if (entry.status !== 'hangup') logger.info('entry collected', { callId: call.id, ...entry });
    const end = await call.ended;
    logger.info('call ended', { callId: call.id, ...end });
  } finally {
    clearTimeout(limit);
  }
}
