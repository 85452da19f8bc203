import { writeFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { OsVoice, ProcessRunner } from './os-voice.js';
import {
  osVoiceFor,
  synthesizeSpeech,
  SpeechSynthesisError,
  type SpeechOptions,
} from './speech-synthesizer.js';
import { writeWav } from './wav-writer.js';

const rms = (pcm: Int16Array): number =>
  Math.sqrt(pcm.reduce((sum, x) => sum + x * x, 0) / pcm.length) / 32768;

/** Whatever the host, these speak with espeak-ng only (unit tests start no processes). */
const espeakOnly: SpeechOptions = { osVoice: undefined };

/** Real espeak-ng (WebAssembly), as the engine renders text prompts offline. */
describe('text prompts', () => {
  it.each([
    ['ko', '안녕하세요, 스위치보드입니다. 상담원 연결은 1번을 눌러 주세요.'],
    ['en', 'Welcome to Switchboard. For sales, press 1.'],
  ] as const)('speaks %s text as 8 kHz audio that is not silent', async (language, text) => {
    const prompt = await synthesizeSpeech(text, language, espeakOnly);
    expect(prompt.voice).toBe(`espeak-ng:${language}`);
    expect(prompt.durationMs).toBeGreaterThan(1500);
    expect(prompt.durationMs).toBeLessThan(10_000);
    expect(rms(prompt.pcm)).toBeGreaterThan(0.02);
  });

  it('speaks text that starts with a dash as text, not as an option', async () => {
    const prompt = await synthesizeSpeech('-w /etc/passwd', 'en', espeakOnly);
    expect(prompt.durationMs).toBeGreaterThan(500);
  });

  it('refuses empty and overlong text with a clear error', async () => {
    await expect(synthesizeSpeech('   ', 'ko', espeakOnly)).rejects.toThrow(SpeechSynthesisError);
    await expect(synthesizeSpeech('가'.repeat(2001), 'ko', espeakOnly)).rejects.toThrow(
      /at most 2000 characters/,
    );
  });
});

/** One second of a 440 Hz tone at 22.05 kHz, as an OS voice would write it. */
const osWav = writeWav(
  Int16Array.from({ length: 22050 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 22050))),
  22050,
);

function fakeOsVoice(voices: Partial<Record<'ko' | 'en', string>>, speak = async () => osWav) {
  return {
    engine: 'sapi',
    voiceFor: vi.fn(async (language: 'ko' | 'en') => voices[language]),
    synthesize: vi.fn(speak),
  } satisfies OsVoice;
}

describe('text prompts with an OS voice', () => {
  it('speaks with the OS voice of the language and says which voice spoke', async () => {
    const osVoice = fakeOsVoice({ ko: 'Microsoft Heami Desktop' });
    const prompt = await synthesizeSpeech('  상담원 연결은 1번  ', 'ko', { osVoice });
    expect(osVoice.synthesize).toHaveBeenCalledWith('상담원 연결은 1번', 'Microsoft Heami Desktop');
    expect(prompt.voice).toBe('sapi:Microsoft Heami Desktop');
    expect(prompt.osVoiceError).toBeUndefined();
    expect(prompt.durationMs).toBeCloseTo(1000, 0);
    expect(rms(prompt.pcm)).toBeGreaterThan(0.1);
  });

  it('uses espeak-ng, quietly, for a language the OS has no voice for', async () => {
    const osVoice = fakeOsVoice({ ko: 'Microsoft Heami Desktop' });
    const prompt = await synthesizeSpeech('For sales, press 1.', 'en', { osVoice });
    expect(osVoice.synthesize).not.toHaveBeenCalled();
    expect(prompt.voice).toBe('espeak-ng:en');
    expect(prompt.osVoiceError).toBeUndefined();
    expect(prompt.durationMs).toBeGreaterThan(500);
  });

  it.each([
    [
      'the voices cannot be listed',
      { voiceFor: async () => Promise.reject(new Error('powershell.exe was not found')) },
    ],
    ['the voice fails', { synthesize: async () => Promise.reject(new Error('exited with code 1')) }],
    ['the voice writes no WAV file', { synthesize: async () => new TextEncoder().encode('<html>') }],
  ])('falls back to espeak-ng and reports why when %s', async (_case, failure) => {
    const osVoice: OsVoice = { ...fakeOsVoice({ ko: 'Microsoft Heami Desktop' }), ...failure };
    const prompt = await synthesizeSpeech('안녕하세요', 'ko', { osVoice });
    expect(prompt.voice).toBe('espeak-ng:ko');
    expect(prompt.osVoiceError).toMatch(/^sapi: ./);
    expect(prompt.durationMs).toBeGreaterThan(300);
  });

  it('checks the text before asking the OS voice', async () => {
    const osVoice = fakeOsVoice({ ko: 'Microsoft Heami Desktop' });
    await expect(synthesizeSpeech(' ', 'ko', { osVoice })).rejects.toThrow(SpeechSynthesisError);
    expect(osVoice.voiceFor).not.toHaveBeenCalled();
  });
});

describe('the OS voice of each platform', () => {
  const run: ProcessRunner = async () => ({ stdout: '', stderr: '' });

  it('is SAPI on Windows, say on macOS, and none elsewhere', () => {
    expect(osVoiceFor('win32', run)?.engine).toBe('sapi');
    expect(osVoiceFor('darwin', run)?.engine).toBe('say');
    expect(osVoiceFor('linux', run)).toBeUndefined();
  });

  it('renders a Windows prompt through PowerShell end to end', async () => {
    const commands: string[] = [];
    const powershell: ProcessRunner = async (file, _args, { env = {} }) => {
      const wavFile = env['SWITCHBOARD_TTS_WAV'];
      commands.push(wavFile ? 'speak' : 'list');
      if (!wavFile) return { stdout: 'ko-KR\tMicrosoft Heami Desktop\r\n', stderr: '' };
      await writeFile(wavFile, osWav);
      return { stdout: '', stderr: '' };
    };
    const prompt = await synthesizeSpeech('안녕하세요', 'ko', { osVoice: osVoiceFor('win32', powershell) });
    expect(prompt.voice).toBe('sapi:Microsoft Heami Desktop');
    expect(commands).toEqual(['list', 'speak']);
  });
});
