/**
 * Deterministic PRNG (mulberry32): the training scripts shuffle with it so a rerun writes the
 * same model byte for byte, and the fuzz and chaos scripts draw their edits and kill times from
 * it. Plain JavaScript so that the scripts node runs without tsx can import it too (rng.d.mts
 * gives its type).
 * @example
 * const next = rng(42); next(); // a number in [0, 1), the same on every run
 */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
