import { describe, expect, it } from 'vitest';
import { synthesizeSpeech, SpeechSynthesisError } from './speech-synthesizer.js';

/** Real espeak-ng (WebAssembly), as the engine renders text prompts offline. */
describe('text prompts', () => {
  const rms = (pcm: Int16Array): number =>
    Math.sqrt(pcm.reduce((sum, x) => sum + x * x, 0) / pcm.length) / 32768;

  it.each([
    ['ko', '안녕하세요, 스위치보드입니다. 상담원 연결은 1번을 눌러 주세요.'],
    ['en', 'Welcome to Switchboard. For sales, press 1.'],
  ] as const)('speaks %s text as 8 kHz audio that is not silent', async (language, text) => {
    const prompt = await synthesizeSpeech(text, language);
    expect(prompt.durationMs).toBeGreaterThan(1500);
    expect(prompt.durationMs).toBeLessThan(10_000);
    expect(rms(prompt.pcm)).toBeGreaterThan(0.02);
  });

  it('speaks text that starts with a dash as text, not as an option', async () => {
    const prompt = await synthesizeSpeech('-w /etc/passwd', 'en');
    expect(prompt.durationMs).toBeGreaterThan(500);
  });

  it('refuses empty and overlong text with a clear error', async () => {
    await expect(synthesizeSpeech('   ', 'ko')).rejects.toThrow(SpeechSynthesisError);
    await expect(synthesizeSpeech('가'.repeat(2001), 'ko')).rejects.toThrow(/at most 2000 characters/);
  });
});
