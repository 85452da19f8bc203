import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { ProcessRunner, RunOptions } from './os-voice.js';
import { parseSapiVoices, SapiVoice } from './sapi-voice.js';
import { writeWav } from './wav-writer.js';

/** What LIST_VOICES_SCRIPT prints on a Windows 11 PC with the Korean speech pack: CRLF lines. */
const WINDOWS_VOICES = [
  'en-US\tMicrosoft David Desktop',
  'en-GB\tMicrosoft Hazel Desktop',
  'ko-KR\tMicrosoft Heami Desktop',
  'en-US\tMicrosoft Zira Desktop',
  '',
].join('\r\n');

const wav = writeWav(new Int16Array(2205).fill(1000), 22050);

interface Call {
  file: string;
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  /** What the text file held while PowerShell ran. */
  text?: string;
}

/** PowerShell as the scripts expect it: lists voices, or writes a WAV where the environment says. */
function fakePowerShell(voiceList = WINDOWS_VOICES) {
  const calls: Call[] = [];
  const run: ProcessRunner = async (file, args, { env = {} }: RunOptions) => {
    const call: Call = { file, args, env };
    calls.push(call);
    const textFile = env['SWITCHBOARD_TTS_TEXT'];
    const wavFile = env['SWITCHBOARD_TTS_WAV'];
    if (textFile === undefined || wavFile === undefined) return { stdout: voiceList, stderr: '' };
    call.text = await readFile(textFile, 'utf8');
    await writeFile(wavFile, wav);
    return { stdout: '', stderr: '' };
  };
  return { run, calls };
}

const script = (call: Call | undefined): string => call?.args.at(-1) ?? '';

describe('Windows voices (SAPI through PowerShell)', () => {
  it('reads the voice list PowerShell prints', () => {
    expect(parseSapiVoices(WINDOWS_VOICES)).toEqual([
      { locale: 'en-US', name: 'Microsoft David Desktop' },
      { locale: 'en-GB', name: 'Microsoft Hazel Desktop' },
      { locale: 'ko-KR', name: 'Microsoft Heami Desktop' },
      { locale: 'en-US', name: 'Microsoft Zira Desktop' },
    ]);
    // A voice of the invariant culture has an empty culture name; it speaks no language of ours.
    expect(parseSapiVoices('\tSome Voice\r\nno tab here\r\n')).toEqual([]);
  });

  it('lists the installed voices once, with Windows PowerShell and no profile, and picks by culture', async () => {
    const { run, calls } = fakePowerShell();
    const sapi = new SapiVoice(run);
    expect(await sapi.voiceFor('ko')).toBe('Microsoft Heami Desktop');
    expect(await sapi.voiceFor('en')).toBe('Microsoft David Desktop');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.file).toBe('powershell.exe');
    expect(calls[0]?.args.slice(0, -1)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-Command',
    ]);
    expect(script(calls[0])).toContain('GetInstalledVoices()');
  });

  it('has no voice for a language without an installed one', async () => {
    const { run } = fakePowerShell('en-US\tMicrosoft Zira Desktop\r\n');
    expect(await new SapiVoice(run).voiceFor('ko')).toBeUndefined();
  });

  it('remembers a failed listing instead of starting PowerShell for every prompt', async () => {
    let runs = 0;
    const sapi = new SapiVoice(async () => {
      runs++;
      throw new Error('powershell.exe was not found');
    });
    await expect(sapi.voiceFor('ko')).rejects.toThrow('not found');
    await expect(sapi.voiceFor('en')).rejects.toThrow('not found');
    expect(runs).toBe(1);
  });

  it('passes text by a UTF-8 file and voice and paths by environment, never on the command line', async () => {
    const { run, calls } = fakePowerShell();
    const sapi = new SapiVoice(run);
    const hostile = `-Command "'; Remove-Item C:\\ -Recurse; '" $(calc) 상담원 연결은\n1번`;
    expect(new Uint8Array(await sapi.synthesize(hostile, 'Microsoft Heami Desktop'))).toEqual(wav);
    await sapi.synthesize('Welcome to Switchboard.', 'Microsoft Zira Desktop');

    const [first, second] = calls;
    expect(first?.text).toBe(hostile);
    expect(second?.text).toBe('Welcome to Switchboard.');
    // The same constant script both times: nothing of the text or the voice is in it.
    expect(first?.args).toEqual(second?.args);
    expect(first?.args.join(' ')).not.toContain('상담원');
    expect(first?.env['SWITCHBOARD_TTS_VOICE']).toBe('Microsoft Heami Desktop');
    expect(script(first)).toContain('$speech.SelectVoice($env:SWITCHBOARD_TTS_VOICE)');
    expect(script(first)).toContain('SetOutputToWaveFile($env:SWITCHBOARD_TTS_WAV, $format)');
    expect(script(first)).toContain(
      'Speak([System.IO.File]::ReadAllText($env:SWITCHBOARD_TTS_TEXT, [System.Text.Encoding]::UTF8))',
    );
    // Windows command-line quoting would have to escape double quotes; there are none to escape.
    expect(script(first)).not.toMatch(/["\n]/);
    for (const path of [first?.env['SWITCHBOARD_TTS_TEXT'], first?.env['SWITCHBOARD_TTS_WAV']]) {
      expect(path?.startsWith(tmpdir())).toBe(true);
      expect(existsSync(path ?? '')).toBe(false);
    }
  });

  it('removes its temporary files when PowerShell fails', async () => {
    let textFile = '';
    const sapi = new SapiVoice(async (_file, _args, { env = {} }) => {
      textFile = env['SWITCHBOARD_TTS_TEXT'] ?? '';
      throw new Error('powershell.exe exited with code 1: SelectVoice: no voice of that name');
    });
    await expect(sapi.synthesize('안녕하세요', 'Microsoft Heami Desktop')).rejects.toThrow(
      'exited with code 1',
    );
    expect(textFile).not.toBe('');
    expect(existsSync(textFile)).toBe(false);
  });
});
