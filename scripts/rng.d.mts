/** Deterministic PRNG (mulberry32): the same seed, the same numbers in [0, 1). See rng.mjs. */
export function rng(seed: number): () => number;
