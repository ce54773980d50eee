/**
 * A string-keyed cache of two generations: when the young one holds `limit` entries it becomes
 * the old one and the previous old one is dropped; a hit in the old one moves to the young one.
 * Frequent words thus stay, memory stays bounded over a long batch, and the hot path keeps no
 * LRU bookkeeping.
 */
export class BoundedCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.young.get(key) ?? this.promote(key);
  }

  private promote(key: string): V | undefined {
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: V): void {
    this.setDetached(detached(key), value);
  }

  /** set() for a key that is already `detached()` (so it is not copied twice). */
  setDetached(key: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

/**
 * A string that does not keep the text it was cut from alive. V8 represents a slice of 13 or
 * more characters as a view into its parent, so a word cached from an article would hold the
 * whole article in memory for as long as the cache keeps the word; this copies such a string.
 * @example
 * cache.set(detached(token.text), value);
 */
export function detached(s: string): string {
  return s.length >= 13 ? (s + ' ').slice(0, -1) : s;
}

