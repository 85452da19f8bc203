import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { ProcessRunner } from './os-voice.js';
import { parseSayVoices, SayVoice } from './say-voice.js';
import { writeWav } from './wav-writer.js';

/** Modelled on `say -v '?'` of recent macOS: alphabetical, names padded to a column, a sample after '#'. */
const MAC_VOICES = `Albert              en_US    # Hello! My name is Albert.
Alice               it_IT    # Ciao! Mi chiamo Alice.
Bad News            en_US    # Hello! My name is Bad News.
Daniel              en_GB    # Hello! My name is Daniel.
Eddy (English (US)) en_US    # Hello! My name is Eddy.
Eddy (Korean (South Korea)) ko_KR    # 안녕하세요! 제 이름은 Eddy입니다.
Kyoko               ja_JP    # こんにちは! 私の名前はKyokoです。
Paulina             es_MX    # ¡Hola! Me llamo Paulina.
Samantha            en_US    # Hello! My name is Samantha.
Yuna                ko_KR    # 안녕하세요. 제 이름은 유나입니다.
Zuzana              cs_CZ    # Dobrý den! Jmenuji se Zuzana.
`;

const wav = writeWav(new Int16Array(2205).fill(1000), 22050);

interface Call {
  file: string;
  args: readonly string[];
  /** What the -f file held while `say` ran. */
  text?: string;
}

/** `say` as its manual describes it: lists voices for `-v ?`, else speaks -f into -o. */
function fakeSay(voiceList = MAC_VOICES) {
  const calls: Call[] = [];
  const run: ProcessRunner = async (file, args) => {
    const call: Call = { file, args };
    calls.push(call);
    if (args[1] === '?') return { stdout: voiceList, stderr: '' };
    const textFile = args[args.indexOf('-f') + 1] ?? '';
    const wavFile = args[args.indexOf('-o') + 1] ?? '';
    call.text = await readFile(textFile, 'utf8');
    await writeFile(wavFile, wav);
    return { stdout: '', stderr: '' };
  };
  return { run, calls };
}

describe('macOS voices (say)', () => {
  it('reads names with spaces and parentheses and their locales from the voice list', () => {
    const voices = parseSayVoices(MAC_VOICES);
    expect(voices).toHaveLength(11);
    expect(voices).toContainEqual({ name: 'Bad News', locale: 'en-US' });
    expect(voices).toContainEqual({ name: 'Eddy (Korean (South Korea))', locale: 'ko-KR' });
    expect(voices).toContainEqual({ name: 'Yuna', locale: 'ko-KR' });
    expect(parseSayVoices('\nnot a voice line\n')).toEqual([]);
  });

  it("lists the voices once and picks macOS's default voice of each language", async () => {
    const { run, calls } = fakeSay();
    const say = new SayVoice(run);
    expect(await say.voiceFor('ko')).toBe('Yuna');
    expect(await say.voiceFor('en')).toBe('Samantha');
    expect(calls).toEqual([{ file: '/usr/bin/say', args: ['-v', '?'] }]);
  });

  it('falls back to the first voice of the language when the default one is missing', async () => {
    const withoutDefaults = MAC_VOICES.split('\n')
      .filter((line) => !/^(Samantha|Yuna) /.test(line))
      .join('\n');
    const say = new SayVoice(fakeSay(withoutDefaults).run);
    expect(await say.voiceFor('ko')).toBe('Eddy (Korean (South Korea))');
    expect(await say.voiceFor('en')).toBe('Albert');
  });

  it('has no voice for a language without an installed one', async () => {
    const say = new SayVoice(fakeSay('Kyoko               ja_JP    # こんにちは!\n').run);
    expect(await say.voiceFor('ko')).toBeUndefined();
  });

  it('speaks the text from a file into a 22.05 kHz 16-bit WAV file, and cleans up', async () => {
    const { run, calls } = fakeSay();
    const text = '-o /etc/passwd "상담원" $(say hi)';
    expect(new Uint8Array(await new SayVoice(run).synthesize(text, 'Yuna'))).toEqual(wav);
    const call = calls[0];
    const textFile = call?.args[call.args.indexOf('-f') + 1] ?? '';
    const wavFile = call?.args[call.args.indexOf('-o') + 1] ?? '';
    expect(call?.file).toBe('/usr/bin/say');
    expect(call?.args).toEqual([
      '-v',
      'Yuna',
      '-o',
      wavFile,
      '--file-format=WAVE',
      '--data-format=LEI16@22050',
      '-f',
      textFile,
    ]);
    expect(call?.text).toBe(text);
    for (const path of [textFile, wavFile]) {
      expect(path.startsWith(tmpdir())).toBe(true);
      expect(existsSync(path)).toBe(false);
    }
  });

  it('removes its temporary files when say fails', async () => {
    let textFile = '';
    const say = new SayVoice(async (_file, args) => {
      textFile = args[args.indexOf('-f') + 1] ?? '';
      throw new Error('say exited with code 1: Voice `Yuna` not found.');
    });
    await expect(say.synthesize('안녕하세요', 'Yuna')).rejects.toThrow('exited with code 1');
    expect(textFile).not.toBe('');
    expect(existsSync(textFile)).toBe(false);
  });
});
