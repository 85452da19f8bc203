/** A small deterministic PRNG (an LCG), so that fuzz tests see the same inputs on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `count` variants of `seedText`, each with 1–4 characters replaced (by one of `alphabet`) or
 * deleted: malformed input shaped like the real thing, for parsers that must never throw.
 */
export function* mutateText(
  seedText: string,
  alphabet: string[],
  count: number,
  seed: number,
): Generator<string> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) {
    const chars = [...seedText];
    for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
      const at = Math.floor(random() * chars.length);
      if (random() < 0.5) chars.splice(at, 1, alphabet[Math.floor(random() * alphabet.length)] ?? '');
      else chars.splice(at, 1);
    }
    yield chars.join('');
  }
}
