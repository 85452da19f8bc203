import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pickVoice, withTempDir, type InstalledVoice, type OsVoice, type ProcessRunner } from './os-voice.js';
import type { SpeechLanguage } from './speech-synthesizer.js';

/** Absolute: an app started from the Finder has a minimal PATH, and no PATH entry may stand in for it. */
const SAY = '/usr/bin/say';

/**
 * macOS's default voice of each language comes first: in alphabetical order English would start
 * with novelty voices ("Albert", "Bad News") and Korean with the Eloquence ones ("Eddy (…)").
 */
const PREFERRED_VOICES: Record<SpeechLanguage, readonly string[]> = { ko: ['Yuna'], en: ['Samantha'] };

/**
 * One `say -v '?'` line: the name (it may hold spaces and parentheses, "Eddy (English (US))"), the
 * locale with an underscore, then '#' and a sample sentence.
 */
const VOICE_LINE = /^(.+?)\s+([a-z]{2,3}_[A-Za-z0-9]+)\s+#/;

export function parseSayVoices(output: string): InstalledVoice[] {
  return output.split('\n').flatMap((line) => {
    const match = VOICE_LINE.exec(line);
    return match?.[1] && match[2] ? [{ name: match[1], locale: match[2].replace('_', '-') }] : [];
  });
}

/** macOS voices through `say`, which writes WAV files itself. */
export class SayVoice implements OsVoice {
  readonly engine = 'say';
  private installed: Promise<InstalledVoice[]> | undefined;

  constructor(private readonly run: ProcessRunner) {}

  async voiceFor(language: SpeechLanguage): Promise<string | undefined> {
    this.installed ??= this.run(SAY, ['-v', '?'], {}).then(({ stdout }) => parseSayVoices(stdout));
    return pickVoice(await this.installed, language, PREFERRED_VOICES[language]);
  }

  async synthesize(text: string, voice: string): Promise<Uint8Array> {
    return withTempDir(async (dir) => {
      const textFile = join(dir, 'prompt.txt');
      const wavFile = join(dir, 'prompt.wav');
      await writeFile(textFile, text, 'utf8');
      // The text goes in by file (-f): as an argument, a prompt starting with "-" would be an option.
      await this.run(
        SAY,
        ['-v', voice, '-o', wavFile, '--file-format=WAVE', '--data-format=LEI16@22050', '-f', textFile],
        {},
      );
      return readFile(wavFile);
    });
  }
}
