import ESpeakNg, { type EspeakModule } from 'espeak-ng';
import { execFileRunner, type OsVoice, type ProcessRunner } from './os-voice.js';
import { convertWavToTelephone, type TelephonePrompt } from './prompt-converter.js';
import { SapiVoice } from './sapi-voice.js';
import { SayVoice } from './say-voice.js';

/** Languages the seed's offices need first; espeak-ng voice names. */
export const speechLanguages = ['ko', 'en'] as const;
export type SpeechLanguage = (typeof speechLanguages)[number];

export class SpeechSynthesisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpeechSynthesisError';
  }
}

/** Longest text one prompt may speak: a menu, not an audiobook. */
const MAX_TEXT_LENGTH = 2000;

export interface SpokenPrompt extends TelephonePrompt {
  /**
   * Who spoke it, engine and voice, for logs and the UI: 'sapi:Microsoft Heami Desktop',
   * 'say:Yuna', 'espeak-ng:ko'.
   */
  voice: string;
  /** Why espeak-ng spoke instead of an OS voice that exists for the language; absent otherwise. */
  osVoiceError?: string;
}

export interface SpeechOptions {
  /** The operating system's speech engine; undefined leaves everything to espeak-ng. */
  osVoice: OsVoice | undefined;
}

/** The speech engine of the platform, if it has one espeak-ng should give way to. */
export function osVoiceFor(platform: NodeJS.Platform, run: ProcessRunner): OsVoice | undefined {
  if (platform === 'win32') return new SapiVoice(run);
  if (platform === 'darwin') return new SayVoice(run);
  return undefined;
}

// One per process, so that the installed voices are listed once.
const systemSpeech: SpeechOptions = { osVoice: osVoiceFor(process.platform, execFileRunner) };

/**
 * Text prompts, rendered offline: by the OS voice where the platform has one for the language
 * (Windows SAPI, macOS `say`), else, or when it fails, by espeak-ng compiled to WebAssembly
 * (GPL-3.0, as the project is), which speaks Korean and English with nothing to install. The text
 * always goes in as a file, never as an argument, so a prompt starting with "-" cannot become an
 * option.
 * @throws SpeechSynthesisError for empty or overlong text, or when espeak-ng fails too.
 */
export async function synthesizeSpeech(
  text: string,
  language: SpeechLanguage,
  options: SpeechOptions = systemSpeech,
): Promise<SpokenPrompt> {
  const spoken = text.trim();
  if (spoken === '') throw new SpeechSynthesisError('A text prompt needs some text to speak');
  if (spoken.length > MAX_TEXT_LENGTH) {
    throw new SpeechSynthesisError(`A text prompt may be at most ${MAX_TEXT_LENGTH} characters long`);
  }
  const { osVoice } = options;
  let osVoiceError: string | undefined;
  if (osVoice) {
    try {
      const voice = await osVoice.voiceFor(language);
      if (voice) {
        const wav = await osVoice.synthesize(spoken, voice);
        return {
          ...convertWavToTelephone(wav, `${language} text prompt`),
          voice: `${osVoice.engine}:${voice}`,
        };
      }
    } catch (error) {
      // A prompt in espeak-ng's voice beats no prompt; the reason goes back to be logged.
      osVoiceError = `${osVoice.engine}: ${messageOf(error)}`;
    }
  }
  const prompt = convertWavToTelephone(await espeakWav(spoken, language), `${language} text prompt`);
  return { ...prompt, voice: `espeak-ng:${language}`, ...(osVoiceError ? { osVoiceError } : {}) };
}

async function espeakWav(spoken: string, language: SpeechLanguage): Promise<Uint8Array> {
  try {
    const espeak = await ESpeakNg({
      arguments: ['-w', 'prompt.wav', '-v', language, '-f', 'prompt.txt'],
      preRun: [(module: EspeakModule) => module.FS.writeFile('prompt.txt', spoken)],
    });
    return espeak.FS.readFile('prompt.wav');
  } catch (error) {
    throw new SpeechSynthesisError(`Speech synthesis failed: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
