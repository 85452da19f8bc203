import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pickVoice, withTempDir, type InstalledVoice, type OsVoice, type ProcessRunner } from './os-voice.js';
import type { SpeechLanguage } from './speech-synthesizer.js';

/**
 * Windows PowerShell 5.1 runs on .NET Framework, which has System.Speech; PowerShell 7 (`pwsh`)
 * does not. It ships with every Windows 10 and 11.
 */
const POWERSHELL = 'powershell.exe';

/** Names of the environment variables that carry the voice and the file paths to the script. */
const ENV_VOICE = 'SWITCHBOARD_TTS_VOICE';
const ENV_TEXT_FILE = 'SWITCHBOARD_TTS_TEXT';
const ENV_WAV_FILE = 'SWITCHBOARD_TTS_WAV';

/*
 * The scripts are constants: the text travels in a file and the voice and paths in environment
 * variables, so nothing a user types is ever parsed as PowerShell. They are written on one line
 * and without double quotes, which Windows command-line quoting would otherwise have to escape.
 */

/** One line per enabled voice: culture, a tab, name ("ko-KR\tMicrosoft Heami Desktop"). */
const LIST_VOICES_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'Add-Type -AssemblyName System.Speech',
  '$speech = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  'try { foreach ($voice in $speech.GetInstalledVoices()) {' +
    ' if ($voice.Enabled) { $voice.VoiceInfo.Culture.Name + [char]9 + $voice.VoiceInfo.Name }' +
    ' } } finally { $speech.Dispose() }',
].join('; ');

/** Speaks the UTF-8 text file into a 22.05 kHz mono 16-bit WAV file with the named voice. */
const SPEAK_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'Add-Type -AssemblyName System.Speech',
  '$speech = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  'try {' +
    ` $speech.SelectVoice($env:${ENV_VOICE});` +
    ' $format = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo -ArgumentList 22050, ([System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen), ([System.Speech.AudioFormat.AudioChannel]::Mono);' +
    ` $speech.SetOutputToWaveFile($env:${ENV_WAV_FILE}, $format);` +
    // Speak(string) reads plain text: markup in a prompt is spoken, not obeyed (SpeakSsml would).
    ` $speech.Speak([System.IO.File]::ReadAllText($env:${ENV_TEXT_FILE}, [System.Text.Encoding]::UTF8))` +
    // Disposing closes the WAV file, writing its final sizes.
    ' } finally { $speech.Dispose() }',
].join('; ');

function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script];
}

/** Parses LIST_VOICES_SCRIPT's output; PowerShell ends its lines with CRLF. */
export function parseSapiVoices(output: string): InstalledVoice[] {
  return output.split(/\r?\n/).flatMap((line) => {
    const tab = line.indexOf('\t');
    const locale = line.slice(0, tab).trim();
    const name = line.slice(tab + 1).trim();
    return tab > 0 && locale !== '' && name !== '' ? [{ locale, name }] : [];
  });
}

/**
 * Windows voices through System.Speech.Synthesis, which sees the SAPI 5 voices ("Microsoft Heami
 * Desktop", "Microsoft Zira Desktop"), not the OneCore-only voices that Settings also lists.
 */
export class SapiVoice implements OsVoice {
  readonly engine = 'sapi';
  private installed: Promise<InstalledVoice[]> | undefined;

  constructor(private readonly run: ProcessRunner) {}

  async voiceFor(language: SpeechLanguage): Promise<string | undefined> {
    this.installed ??= this.run(POWERSHELL, powershellArgs(LIST_VOICES_SCRIPT), {}).then(({ stdout }) =>
      parseSapiVoices(stdout),
    );
    return pickVoice(await this.installed, language);
  }

  async synthesize(text: string, voice: string): Promise<Uint8Array> {
    return withTempDir(async (dir) => {
      const textFile = join(dir, 'prompt.txt');
      const wavFile = join(dir, 'prompt.wav');
      await writeFile(textFile, text, 'utf8');
      await this.run(POWERSHELL, powershellArgs(SPEAK_SCRIPT), {
        env: { [ENV_VOICE]: voice, [ENV_TEXT_FILE]: textFile, [ENV_WAV_FILE]: wavFile },
      });
      return readFile(wavFile);
    });
  }
}
