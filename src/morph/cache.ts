import { hashString, nonZero } from '../hash.js';

/**
 * A string-keyed cache of two generations: when the young one holds `limit` entries it becomes
 * the old one and the previous old one is dropped; a hit in the old one moves to the young one.
 * Frequent words thus stay, memory stays bounded over a long batch, and the hot path keeps no
 * LRU bookkeeping.
 *
 * Both generations live in one open-addressing table (linear probing) with each key's hash kept in
 * an Int32Array beside it, and a bit saying which generation the entry belongs to: a lookup is one
 * probe sequence, mostly within one cache line of hashes, where two Maps cost a young miss and then
 * an old lookup, each walking a bucket and an entry. A hit in the old generation only flips its bit.
 *
 * @example
 * const c = new BoundedCache<number>(100_000);
 * c.set('слово', 1);
 * c.get('слово'); // 1
 */
export class BoundedCache<V> {
  /** Per slot: the key's hash with bit 0 set (0 is an empty slot). */
  private hashes = new Int32Array(MIN_CAPACITY);
  /** Per slot: 1 when the entry belongs to the young generation. */
  private young = new Uint8Array(MIN_CAPACITY);
  private keys: Array<string | undefined> = new Array<string | undefined>(MIN_CAPACITY).fill(undefined);
  private values: Array<V | undefined> = new Array<V | undefined>(MIN_CAPACITY).fill(undefined);
  private youngCount = 0;
  private count = 0;
  /**
   * The table never grows past this: it holds at most two generations (2 × limit entries), which
   * fill at most 7/8 of it. Growing at 3/4 alone would double a 100 000-form cache's table to
   * 524 288 slots (11 MB instead of 5.5) once both generations are nearly full.
   */
  private readonly maxCapacity: number;
  constructor(private readonly limit: number) {
    let c = MIN_CAPACITY;
    while (c * 7 < limit * 16) c *= 2;
    this.maxCapacity = c;
  }

  /** Slots in the table (for tests of its bound). */
  get capacity(): number {
    return this.hashes.length;
  }

  get(key: string): V | undefined {
    const h = hashOf(key);
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const x = hashes[s];
      if (x === 0) return undefined;
      if (x === h && this.keys[s] === key) {
        const v = this.values[s];
        if (this.young[s] === 0) this.promote(s, v);
        return v;
      }
    }
  }

  /** An old entry asked for again: it joins the young generation (which may first have to turn old). */
  private promote(s: number, v: V | undefined): void {
    if (this.youngCount >= this.limit) {
      const key = this.keys[s]!;
      this.rotate();
      this.insert(key, hashOf(key), v as V);
    } else {
      this.young[s] = 1;
      this.youngCount++;
    }
  }

  set(key: string, value: V): void {
    this.setDetached(detached(key), value);
  }

  /** set() for a key that is already `detached()` (so it is not copied twice). */
  setDetached(key: string, value: V): void {
    const h = hashOf(key);
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const x = hashes[s];
      if (x === 0) break;
      if (x === h && this.keys[s] === key) {
        if (this.young[s] === 1) {
          this.values[s] = value;
          return;
        }
        // An old entry set again moves to the young generation, as get() would move it.
        if (this.youngCount < this.limit) {
          this.values[s] = value;
          this.young[s] = 1;
          this.youngCount++;
          return;
        }
        break;
      }
    }
    if (this.youngCount >= this.limit) this.rotate();
    this.insert(key, h, value);
  }

  /** Adds a key that is not in the table. */
  private insert(key: string, h: number, value: V): void {
    if ((this.count + 1) * 4 > this.hashes.length * 3 && this.hashes.length < this.maxCapacity) this.rebuild(this.hashes.length * 2, true);
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let s = h & mask;
    while (hashes[s] !== 0) s = (s + 1) & mask;
    hashes[s] = h;
    this.keys[s] = key;
    this.values[s] = value;
    this.young[s] = 1;
    this.youngCount++;
    this.count++;
  }

  /** The young generation becomes the old one; the old one is dropped (the table keeps its size: a young one will fill it again). */
  private rotate(): void {
    this.rebuild(this.hashes.length, false);
  }

  /**
   * Copies the entries kept into fresh arrays of `capacity` slots: all of them when `keepOld`,
   * else the young ones only, which become the old generation.
   */
  private rebuild(capacity: number, keepOld: boolean): void {
    const { hashes, young, keys, values } = this;
    const nh = new Int32Array(capacity);
    const ny = new Uint8Array(capacity);
    const nk = new Array<string | undefined>(capacity).fill(undefined);
    const nv = new Array<V | undefined>(capacity).fill(undefined);
    const mask = capacity - 1;
    let count = 0;
    let youngCount = 0;
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      if (h === 0 || (!keepOld && young[i] === 0)) continue;
      let s = h & mask;
      while (nh[s] !== 0) s = (s + 1) & mask;
      nh[s] = h;
      nk[s] = keys[i];
      nv[s] = values[i];
      if (keepOld && young[i] === 1) { ny[s] = 1; youngCount++; }
      count++;
    }
    this.hashes = nh;
    this.young = ny;
    this.keys = nk;
    this.values = nv;
    this.count = count;
    this.youngCount = youngCount;
  }
}

const MIN_CAPACITY = 16;

/** The key's hash as the table keeps it (never 0: 0 marks an empty slot). */
function hashOf(s: string): number {
  return nonZero(hashString(s, 0));
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
