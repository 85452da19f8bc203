import ESpeakNg, { type EspeakModule } from 'espeak-ng';
import { convertWavToTelephone, type TelephonePrompt } from './prompt-converter.js';

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

/**
 * Text prompts, rendered offline with espeak-ng compiled to WebAssembly (GPL-3.0, as the
 * project is): Korean and English with nothing to install. The text goes in as a file of the
 * emscripten file system, never as an argument, so a prompt starting with "-" cannot become an
 * option. OS voices (Windows SAPI, macOS `say`) are the next step where present.
 */
export async function synthesizeSpeech(text: string, language: SpeechLanguage): Promise<TelephonePrompt> {
  const spoken = text.trim();
  if (spoken === '') throw new SpeechSynthesisError('A text prompt needs some text to speak');
  if (spoken.length > MAX_TEXT_LENGTH) {
    throw new SpeechSynthesisError(`A text prompt may be at most ${MAX_TEXT_LENGTH} characters long`);
  }
  let wav: Uint8Array;
  try {
    const espeak = await ESpeakNg({
      arguments: ['-w', 'prompt.wav', '-v', language, '-f', 'prompt.txt'],
      preRun: [(module: EspeakModule) => module.FS.writeFile('prompt.txt', spoken)],
    });
    wav = espeak.FS.readFile('prompt.wav');
  } catch (error) {
    throw new SpeechSynthesisError(
      `Speech synthesis failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return convertWavToTelephone(wav, `${language} text prompt`);
}
