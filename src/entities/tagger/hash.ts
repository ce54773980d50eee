/**
 * Integer hashing for the tagger's features. Features are never built as strings at run time:
 * each token attribute is hashed once (and cached per word form), and a feature is the mix of
 * that hash with its template id, so extraction allocates nothing per token.
 */

/**
 * FNV-1a over UTF-16 code units, seeded so equal strings of different attributes differ.
 * @example
 * hashString('москва', 1) !== hashString('москва', 2); // true
 */
export function hashString(s: string, seed: number): number {
  return hashRange(s, 0, s.length, seed);
}

/**
 * hashString of s.slice(from, to), without the slice.
 * @example
 * hashRange('москва', 3, 6, 4) === hashString('ква', 4); // true
 */
export function hashRange(s: string, from: number, to: number, seed: number): number {
  let h = hashStart(seed);
  for (let i = from; i < to; i++) h = hashStep(h, s.charCodeAt(i));
  return h >>> 0;
}

/** The FNV-1a state before any code unit, for a seed (see hashString; finish with `>>> 0`). */
export function hashStart(seed: number): number {
  return (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
}

/** One FNV-1a step: the state after one more UTF-16 code unit. */
export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/**
 * Combines two 32-bit values into a well-spread 32-bit hash (murmur3 finaliser). The bits are
 * returned as a signed int32: it is masked or stored in a Uint32Array (same bits either way), and
 * a signed value stays a small integer where an unsigned one above 2³¹ would be boxed on the heap
 * (some 6 000 allocations per article).
 * @example
 * mix(hashString('x', 0), 7) & 0xfffff; // a bucket
 */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x7f4a7c15, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
