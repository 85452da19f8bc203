import { describe, expect, it } from 'vitest';
import { AudioFileError } from './audio-file-error.js';
import { readWav } from './wav-reader.js';

// Fixtures are built here byte by byte, so each test shows exactly what the file holds.

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function u16(value: number): Uint8Array {
  const b = new Uint8Array(2);
  new DataView(b.buffer).setUint16(0, value, true);
  return b;
}

function u32(value: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, value, true);
  return b;
}

/** A chunk as RIFF wants it: id, size, body, pad byte if the size is odd. */
function chunk(id: string, body: Uint8Array, declaredSize = body.length): Uint8Array {
  return concat(ascii(id), u32(declaredSize), body, new Uint8Array(body.length & 1));
}

function riff(chunks: Uint8Array[], declaredSize?: number): Uint8Array {
  const body = concat(ascii('WAVE'), ...chunks);
  return concat(ascii('RIFF'), u32(declaredSize ?? body.length), body);
}

interface FmtFields {
  tag?: number;
  channels?: number;
  rate?: number;
  bits?: number;
}

function fmt({ tag = 1, channels = 1, rate = 8000, bits = 16 }: FmtFields = {}): Uint8Array {
  const blockAlign = (channels * bits) / 8;
  return chunk(
    'fmt ',
    concat(u16(tag), u16(channels), u32(rate), u32(rate * blockAlign), u16(blockAlign), u16(bits)),
  );
}

/** KSDATAFORMAT_SUBTYPE_* GUID for a format tag: {0000xxxx-0000-0010-8000-00AA00389B71}. */
const subtypeGuid = (tag: number): Uint8Array =>
  concat(u32(tag), ascii('\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71'));

function fmtExtensible(
  { channels = 2, rate = 48000, bits = 32 }: FmtFields,
  validBits: number,
  guid: Uint8Array,
): Uint8Array {
  const blockAlign = (channels * bits) / 8;
  return chunk(
    'fmt ',
    concat(
      u16(0xfffe),
      u16(channels),
      u32(rate),
      u32(rate * blockAlign),
      u16(blockAlign),
      u16(bits),
      u16(22), // cbSize
      u16(validBits),
      u32(channels === 2 ? 0x3 : 0), // front left | front right
      guid,
    ),
  );
}

type SampleKind = 'u8' | 'i16' | 'i24' | 'i32' | 'f32' | 'f64';

/** Interleaved raw values (integers as stored, or floats) to little-endian bytes. */
function samples(kind: SampleKind, values: number[]): Uint8Array {
  const width = { u8: 1, i16: 2, i24: 3, i32: 4, f32: 4, f64: 8 }[kind];
  const out = new Uint8Array(values.length * width);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    const at = i * width;
    if (kind === 'u8') view.setUint8(at, v);
    else if (kind === 'i16') view.setInt16(at, v, true);
    else if (kind === 'i24') {
      view.setUint8(at, v & 0xff);
      view.setUint8(at + 1, (v >> 8) & 0xff);
      view.setUint8(at + 2, (v >> 16) & 0xff);
    } else if (kind === 'i32') view.setInt32(at, v, true);
    else if (kind === 'f32') view.setFloat32(at, v, true);
    else view.setFloat64(at, v, true);
  });
  return out;
}

function pcm16(values: number[], fields: FmtFields = {}): Uint8Array {
  return riff([fmt({ ...fields, bits: 16 }), chunk('data', samples('i16', values))]);
}

/** Runs readWav and returns the AudioFileError it throws (fails the test on anything else). */
function errorOf(bytes: Uint8Array, name = 'prompt.wav'): AudioFileError {
  try {
    readWav(bytes, name);
  } catch (error) {
    if (error instanceof AudioFileError) return error;
    throw error;
  }
  throw new Error('expected an AudioFileError');
}

const list = (a: Float32Array | undefined): number[] => Array.from(a ?? []);

describe('readWav: sample formats', () => {
  it('decodes 16-bit PCM with full scale 32768, so 16-bit values survive a round trip', () => {
    const audio = readWav(pcm16([0, 16384, -16384, 32767, -32768, 1]), 'a.wav');
    expect(audio).toMatchObject({ sampleRate: 8000, encoding: 'pcm', bitsPerSample: 16, isTruncated: false });
    expect(audio.channels).toHaveLength(1);
    expect(list(audio.channels[0])).toEqual([0, 0.5, -0.5, 32767 / 32768, -1, 1 / 32768]);
  });

  it('decodes 8-bit PCM as unsigned around 128', () => {
    const bytes = riff([fmt({ bits: 8 }), chunk('data', samples('u8', [128, 255, 0, 192, 64]))]);
    expect(list(readWav(bytes, 'a.wav').channels[0])).toEqual([0, 127 / 128, -1, 0.5, -0.5]);
  });

  it('decodes 24-bit PCM with its sign extended', () => {
    const bytes = riff([
      fmt({ bits: 24 }),
      chunk('data', samples('i24', [0, 0x400000, -0x800000, -1, 0x7fffff])),
    ]);
    expect(list(readWav(bytes, 'a.wav').channels[0])).toEqual([
      0,
      0.5,
      -1,
      -1 / 8388608,
      Math.fround(0x7fffff / 8388608),
    ]);
  });

  it('decodes 32-bit PCM', () => {
    const bytes = riff([fmt({ bits: 32 }), chunk('data', samples('i32', [2 ** 30, -(2 ** 31), -(2 ** 29)]))]);
    expect(list(readWav(bytes, 'a.wav').channels[0])).toEqual([0.5, -1, -0.25]);
  });

  it('passes 32-bit float through unclipped, and turns NaN and Infinity into silence', () => {
    const values = [0.25, -0.75, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const bytes = riff([fmt({ tag: 3, bits: 32 }), chunk('data', samples('f32', values))]);
    const audio = readWav(bytes, 'a.wav');
    expect(audio.encoding).toBe('float');
    expect(list(audio.channels[0])).toEqual([0.25, -0.75, 1.5, 0, 0, 0]);
  });

  it('decodes 64-bit float, out-of-range doubles included', () => {
    const bytes = riff([fmt({ tag: 3, bits: 64 }), chunk('data', samples('f64', [0.125, -1, 1e300]))]);
    expect(list(readWav(bytes, 'a.wav').channels[0])).toEqual([0.125, -1, 0]);
  });

  it('decodes G.711 A-law and µ-law files (ITU-T G.711 tables)', () => {
    // µ-law 0xFF and A-law 0xD5 are the codes for (near) silence; 0x80 is µ-law's positive peak.
    const mulaw = readWav(
      riff([fmt({ tag: 7, bits: 8 }), chunk('data', Uint8Array.of(0xff, 0x80, 0x00))]),
      'u.wav',
    );
    expect(mulaw.encoding).toBe('mulaw');
    expect(list(mulaw.channels[0])).toEqual([0, 32124 / 32768, -32124 / 32768]);
    const alaw = readWav(
      riff([fmt({ tag: 6, bits: 8 }), chunk('data', Uint8Array.of(0xd5, 0xaa, 0x2a))]),
      'a.wav',
    );
    expect(alaw.encoding).toBe('alaw');
    expect(list(alaw.channels[0])).toEqual([8 / 32768, 32256 / 32768, -32256 / 32768]);
  });

  it('splits interleaved stereo and 6-channel audio into one array per channel, at any rate', () => {
    const stereo = readWav(pcm16([1, -1, 2, -2, 3, -3], { channels: 2, rate: 12345 }), 's.wav');
    expect(stereo.sampleRate).toBe(12345);
    expect(stereo.channels.map((c) => list(c).map((v) => v * 32768))).toEqual([
      [1, 2, 3],
      [-1, -2, -3],
    ]);
    const frames = [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15];
    const six = readWav(pcm16(frames, { channels: 6, rate: 96000 }), '5.1.wav');
    expect(six.channels.map((c) => list(c).map((v) => v * 32768))).toEqual([
      [0, 10],
      [1, 11],
      [2, 12],
      [3, 13],
      [4, 14],
      [5, 15],
    ]);
  });
});

describe('readWav: WAVE_FORMAT_EXTENSIBLE', () => {
  it('reads 24 valid bits in a 32-bit PCM container', () => {
    // Valid bits sit at the top of the container, so 0x00400000 << 8 is still one half.
    const bytes = riff([
      fmtExtensible({ channels: 2, bits: 32 }, 24, subtypeGuid(1)),
      chunk('data', samples('i32', [0x40000000, -0x40000000, 0x20000000, 0])),
    ]);
    const audio = readWav(bytes, 'x.wav');
    expect(audio).toMatchObject({ sampleRate: 48000, encoding: 'pcm', bitsPerSample: 32 });
    expect(audio.channels.map(list)).toEqual([
      [0.5, 0.25],
      [-0.5, 0],
    ]);
  });

  it('reads the IEEE float sub-format', () => {
    const bytes = riff([
      fmtExtensible({ channels: 1, bits: 32, rate: 44100 }, 32, subtypeGuid(3)),
      chunk('data', samples('f32', [0.5, -0.125])),
    ]);
    expect(list(readWav(bytes, 'x.wav').channels[0])).toEqual([0.5, -0.125]);
  });

  it('refuses a sub-format outside the format-tag family, naming its GUID', () => {
    // Ambisonic B-format PCM: {00000001-0721-11D3-8644-C1A9A6A8E7B3}-style GUIDs share no tail.
    const guid = concat(
      u32(1),
      u16(0x0721),
      u16(0x11d3),
      Uint8Array.of(0x86, 0x44, 0xc1, 0xa9, 0xa6, 0xa8, 0xe7, 0xb3),
    );
    const error = errorOf(riff([fmtExtensible({}, 32, guid), chunk('data', new Uint8Array(8))]));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toBe(
      'prompt.wav: the sub-format {00000001-0721-11D3-8644-C1A9A6A8E7B3} is not supported',
    );
  });

  it('refuses an extensible header too short to hold its sub-format', () => {
    const short = chunk('fmt ', concat(u16(0xfffe), u16(1), u32(8000), u32(16000), u16(2), u16(16), u16(0)));
    expect(errorOf(riff([short, chunk('data', new Uint8Array(4))])).message).toBe(
      'prompt.wav: the extensible format description is too short (18 bytes, 40 expected)',
    );
  });
});

describe('readWav: chunk layout', () => {
  it('skips LIST, fact, bext and JUNK chunks, honouring the pad byte after odd-sized ones', () => {
    const bytes = riff([
      chunk('JUNK', new Uint8Array(27)), // odd: followed by a pad byte
      fmt({ bits: 8 }),
      chunk('fact', u32(3)),
      chunk('bext', new Uint8Array(603)),
      chunk('LIST', concat(ascii('INFOINAM'), u32(5), ascii('Hello'))),
      chunk('data', samples('u8', [0, 128, 255])), // odd data chunk, then its pad byte
      chunk('LIST', concat(ascii('INFOICMT'), u32(1), ascii('x'))),
    ]);
    expect(list(readWav(bytes, 'a.wav').channels[0])).toEqual([-1, 0, 127 / 128]);
  });

  it('finds the format when it comes after the data', () => {
    const bytes = riff([chunk('data', samples('i16', [16384])), fmt()]);
    expect(list(readWav(bytes, 'a.wav').channels[0])).toEqual([0.5]);
  });

  it('takes what is there when the data chunk claims more than the file holds', () => {
    // A recording cut off mid-write: the size says 1000 bytes; 5 are present, so 2 frames.
    const bytes = riff([fmt(), chunk('data', samples('u8', [0, 0x40, 0, 0xc0, 7]), 1000)]);
    const audio = readWav(bytes.subarray(0, bytes.length - 1), 'cut.wav'); // without the pad byte
    expect(audio.isTruncated).toBe(true);
    expect(list(audio.channels[0])).toEqual([0.5, -0.5]);
  });

  it('reads streamed files whose sizes were never filled in (0xFFFFFFFF, or 0 and 0)', () => {
    const body = samples('i16', [8192, -8192, 0]);
    for (const [riffSize, dataSize] of [
      [0xffffffff, 0xffffffff],
      [0, 0],
      [1234, 0xffffffff],
    ] as const) {
      const bytes = concat(
        ascii('RIFF'),
        u32(riffSize),
        ascii('WAVE'),
        fmt(),
        ascii('data'),
        u32(dataSize),
        body,
      );
      const audio = readWav(bytes, 'stream.wav');
      expect(list(audio.channels[0])).toEqual([0.25, -0.25, 0]);
      expect(audio.isTruncated).toBe(false);
    }
  });

  it('reads a file whose data is not a whole number of frames, dropping the partial one', () => {
    const bytes = riff([fmt({ channels: 2 }), chunk('data', samples('i16', [1, 2, 3]))]);
    expect(readWav(bytes, 'a.wav').channels.map(list)).toEqual([[1 / 32768], [2 / 32768]]);
  });

  it('accepts a Node Buffer that is a view into a larger pool', () => {
    const wav = pcm16([100, 200]);
    const pool = Buffer.alloc(wav.length + 17);
    pool.set(wav, 17);
    expect(list(readWav(pool.subarray(17), 'a.wav').channels[0])).toEqual([100 / 32768, 200 / 32768]);
  });

  it('refuses, before decoding, a file longer than the caller allows', () => {
    const wav = pcm16(new Array<number>(8001).fill(0));
    expect(readWav(wav, 'a.wav', { maxDurationSeconds: 1.0002 }).channels[0]).toHaveLength(8001);
    try {
      readWav(wav, 'long.wav', { maxDurationSeconds: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AudioFileError);
      expect(error).toMatchObject({ code: 'too-long', message: 'long.wav: too long (1.01 s; at most 1 s)' });
    }
  });
});

describe('readWav: errors people can read', () => {
  const data = chunk('data', new Uint8Array(4));
  const cases: [what: string, bytes: Uint8Array, code: AudioFileError['code'], message: string][] = [
    ['an empty file', new Uint8Array(0), 'not-wav', 'prompt.wav: the file is empty'],
    [
      'an MP3 with an ID3 tag',
      concat(ascii('ID3'), Uint8Array.of(3, 0, 0)),
      'not-wav',
      "prompt.wav: not a WAV file (starts with 'ID3'; it looks like an MP3)",
    ],
    [
      'a bare MP3 frame',
      Uint8Array.of(0xff, 0xfb, 0x90, 0x64),
      'not-wav',
      'prompt.wav: not a WAV file (starts with 0xFF 0xFB 0x90 0x64; it looks like an MP3)',
    ],
    [
      'an Ogg file',
      ascii('OggS\x00\x02'),
      'not-wav',
      "prompt.wav: not a WAV file (starts with 'OggS'; it looks like an Ogg (Vorbis or Opus) file)",
    ],
    ['a text file', ascii('hello'), 'not-wav', "prompt.wav: not a WAV file (starts with 'hell')"],
    [
      'an AVI',
      concat(ascii('RIFF'), u32(4), ascii('AVI ')),
      'not-wav',
      "prompt.wav: not a WAV file (a RIFF 'AVI ' file)",
    ],
    [
      'a cut-off header',
      ascii('RIFF\x00\x00'),
      'truncated',
      'prompt.wav: the file is cut short (6 bytes, not even a WAV header)',
    ],
    [
      'RF64',
      concat(ascii('RF64'), u32(0xffffffff), ascii('WAVE')),
      'unsupported-container',
      'prompt.wav: RF64 WAV files (the format for recordings over 4 GB) are not supported; export it as a plain WAV',
    ],
    [
      'RIFX',
      concat(ascii('RIFX'), u32(0), ascii('WAVE')),
      'unsupported-container',
      'prompt.wav: big-endian (RIFX) WAV files are not supported',
    ],
    [
      '12-bit PCM',
      riff([fmt({ bits: 12 }), data]),
      'unsupported-format',
      'prompt.wav: 12-bit samples are not supported',
    ],
    [
      '16-bit float',
      riff([fmt({ tag: 3, bits: 16 }), data]),
      'unsupported-format',
      'prompt.wav: 16-bit floating-point samples are not supported',
    ],
    [
      'IMA ADPCM',
      riff([fmt({ tag: 0x11, bits: 4 }), data]),
      'unsupported-format',
      'prompt.wav: IMA ADPCM audio is not supported (save the prompt as 16-bit PCM WAV)',
    ],
    [
      'an unknown format tag',
      riff([fmt({ tag: 0x1234 }), data]),
      'unsupported-format',
      'prompt.wav: format 0x1234 audio is not supported (save the prompt as 16-bit PCM WAV)',
    ],
    [
      '0 channels',
      riff([fmt({ channels: 0 }), data]),
      'bad-header',
      'prompt.wav: the header says the file has 0 channels',
    ],
    [
      '0 Hz',
      riff([fmt({ rate: 0 }), data]),
      'bad-header',
      'prompt.wav: the header says the sample rate is 0 Hz',
    ],
    [
      'an absurd rate',
      riff([fmt({ rate: 0xffffffff }), data]),
      'unsupported-format',
      'prompt.wav: a sample rate of 4294967295 Hz is not supported (at most 768000 Hz)',
    ],
    [
      'a short fmt chunk',
      riff([chunk('fmt ', new Uint8Array(14)), data]),
      'bad-header',
      'prompt.wav: the format description is too short (14 bytes, at least 16 expected)',
    ],
    [
      'no fmt chunk',
      riff([data]),
      'bad-header',
      "prompt.wav: the format description ('fmt ' chunk) is missing",
    ],
    [
      'no data chunk',
      riff([fmt(), chunk('LIST', new Uint8Array(4))]),
      'no-audio',
      "prompt.wav: no audio data (there is no 'data' chunk)",
    ],
    [
      'an empty data chunk',
      riff([fmt(), chunk('data', new Uint8Array(0))]),
      'no-audio',
      'prompt.wav: no audio data (the data chunk is empty)',
    ],
    [
      'less than one frame',
      riff([fmt({ channels: 2 }), chunk('data', new Uint8Array(3))]),
      'no-audio',
      'prompt.wav: no audio data (the data chunk holds 3 bytes, less than one 4-byte frame)',
    ],
    [
      'a LIST chunk running past the end before any data',
      riff([fmt(), concat(ascii('LIST'), u32(0xffffffff), ascii('INFO'))]),
      'truncated',
      "prompt.wav: the file is cut short before its audio data (the 'LIST' chunk claims 4294967295 bytes, only 4 remain)",
    ],
    [
      'a fmt chunk running past the end',
      riff([concat(ascii('fmt '), u32(16), new Uint8Array(10))]),
      'truncated',
      "prompt.wav: the file is cut short before its format description (the 'fmt ' chunk claims 16 bytes, only 10 remain)",
    ],
  ];

  it.each(cases)('%s', (_what, bytes, code, message) => {
    const error = errorOf(bytes);
    expect(error).toBeInstanceOf(AudioFileError);
    expect(error.name).toBe('AudioFileError');
    expect(error.fileName).toBe('prompt.wav');
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe('readWav: hostile and broken input', () => {
  /** Mulberry32: a seeded PRNG, so a failing case can be replayed. */
  function prng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = Math.imul(s ^ (s >>> 15), s | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const seeds: [string, Uint8Array][] = [
    ['16-bit stereo', pcm16([1, 2, 3, 4, 5, 6, 7, 8], { channels: 2, rate: 44100 })],
    [
      '8-bit with LIST',
      riff([fmt({ bits: 8 }), chunk('LIST', ascii('INFOabc')), chunk('data', samples('u8', [1, 2, 3]))]),
    ],
    [
      '24-bit extensible',
      riff([
        fmtExtensible({ channels: 2, bits: 24 }, 24, subtypeGuid(1)),
        chunk('data', samples('i24', [1, 2, 3, 4])),
      ]),
    ],
    ['float64', riff([fmt({ tag: 3, bits: 64 }), chunk('data', samples('f64', [0.1, 0.2]))])],
    [
      'µ-law',
      riff([fmt({ tag: 7, bits: 8 }), chunk('fact', u32(4)), chunk('data', Uint8Array.of(1, 2, 3, 4))]),
    ],
  ];

  /** Either a sane result or an AudioFileError naming the file; anything else fails. */
  function expectSaneOutcome(bytes: Uint8Array, context: string): void {
    let audio;
    try {
      audio = readWav(bytes, 'fuzz.wav');
    } catch (error) {
      if (!(error instanceof AudioFileError) || !error.message.startsWith('fuzz.wav: ')) {
        throw new Error(`${context}: threw ${String(error)}`);
      }
      return;
    }
    const length = audio.channels[0]?.length ?? 0;
    const ok =
      audio.sampleRate >= 1 &&
      audio.sampleRate <= 768000 &&
      audio.channels.length >= 1 &&
      length >= 1 &&
      // Never more samples than the bytes could hold.
      audio.channels.length * length <= bytes.length &&
      audio.channels.every((c) => c.length === length && c.every(Number.isFinite));
    if (!ok)
      throw new Error(
        `${context}: insane result ${JSON.stringify({ ...audio, channels: audio.channels.length })}`,
      );
  }

  it('throws only AudioFileError for a file cut at every possible length', () => {
    for (const [what, wav] of seeds) {
      for (let length = 0; length < wav.length; length++)
        expectSaneOutcome(wav.subarray(0, length), `${what} cut at ${length}`);
    }
  });

  it('throws only AudioFileError for 20,000 randomly corrupted files', () => {
    const random = prng(20240611);
    const extremes = [0, 1, 2, 3, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
    for (let run = 0; run < 20_000; run++) {
      const [what, seed] = seeds[run % seeds.length]!;
      const bytes = seed.slice();
      const view = new DataView(bytes.buffer);
      const edits = 1 + Math.floor(random() * 6);
      for (let e = 0; e < edits; e++) {
        // Headers are where parsers break, so most edits land in the first 64 bytes.
        const at = Math.floor(random() * Math.min(bytes.length, random() < 0.8 ? 64 : bytes.length));
        if (random() < 0.5 && at + 4 <= bytes.length) {
          view.setUint32(at, extremes[Math.floor(random() * extremes.length)]!, true);
        } else {
          bytes[at] = Math.floor(random() * 256);
        }
      }
      const cut = random() < 0.3 ? Math.floor(random() * bytes.length) : bytes.length;
      expectSaneOutcome(bytes.subarray(0, cut), `${what} run ${run}`);
    }
  });

  it('throws only AudioFileError for random bytes behind a valid RIFF/WAVE header', () => {
    const random = prng(7);
    for (let run = 0; run < 5000; run++) {
      const tail = Uint8Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256));
      expectSaneOutcome(
        concat(ascii('RIFF'), u32(tail.length + 4), ascii('WAVE'), tail),
        `random run ${run}`,
      );
    }
  });

  it('spends time and memory in proportion to the file, not to what the header claims', () => {
    // 65535 channels of 32-bit float, a data chunk claiming 4 GB, one frame present.
    const hostile = riff([
      fmt({ tag: 3, channels: 65535, bits: 32, rate: 768000 }),
      concat(ascii('data'), u32(0xfffffff0), new Uint8Array(65535 * 4)),
    ]);
    const audio = readWav(hostile, 'h.wav');
    expect(audio.channels).toHaveLength(65535);
    expect(audio.channels[0]).toHaveLength(1);
    expect(audio.isTruncated).toBe(true);
    // 100,000 tiny chunks before the data: scanned in one linear pass.
    const many = riff([
      fmt(),
      ...new Array<Uint8Array>(100_000).fill(chunk('JUNK', new Uint8Array(2))),
      chunk('data', samples('i16', [5])),
    ]);
    expect(list(readWav(many, 'm.wav').channels[0])).toEqual([5 / 32768]);
  });
});
