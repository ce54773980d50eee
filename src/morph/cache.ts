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
    // A long key cut from an article's text would keep the whole text alive: store a copy.
    if (key.length >= 13) key = (key + ' ').slice(0, -1);
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
