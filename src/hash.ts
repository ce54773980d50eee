/**
 * Integer hashing without strings: FNV-1a over UTF-16 code units, a mixer, and the slot of a hash
 * in an open-addressing table. The tagger's features are hashes (each token attribute hashed once
 * and cached per word form, a feature the mix of that hash with its template id, so extraction
 * allocates nothing per token); the prebuilt tables (clusters, background frequencies) and the
 * tagger's own tables find their slots with slotOf.
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
 * The FNV-1a state h after the code units of s: hashString(a + s, seed) continued from the state
 * after a, without building a + s.
 * @example
 * (hashSteps(hashStart(3), 'москва') >>> 0) === hashString('москва', 3); // true
 */
export function hashSteps(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/**
 * A finished hash for an open-addressing table where 0 marks an empty slot: the high half folded
 * into the low half (which picks the slot), bit 0 set so the hash is never 0.
 * @example
 * nonZero(hashString('слово', 0)) !== 0; // true
 */
export function nonZero(h: number): number {
  return (h ^ (h >>> 16)) | 1;
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

/**
 * The slot of a 32-bit hash in a table of 2^(32 − shift) slots (Fibonacci hashing: the top bits
 * of the hash times the golden ratio, well spread even for hashes that differ in low bits only).
 * @example
 * slotOf(hashString('газпром', 0), 32 - 16); // 0 … 65 535
 */
export function slotOf(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}
