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
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Combines two 32-bit values into a well-spread 32-bit hash (murmur3 finaliser).
 * @example
 * mix(hashString('x', 0), 7); // a uint32
 */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x7f4a7c15, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
