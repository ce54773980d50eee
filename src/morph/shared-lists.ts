/**
 * One shared copy per distinct list, for the lists a hundred thousand cached forms would otherwise
 * each hold: their candidates' numbers (FormInfo.data: some thirteen thousand distinct lists on
 * RT's hundred thousand forms) and their parses' tags (FormInfo.tags). A list is found by a hash of
 * its items in an open-addressing table and compared item by item, with no key built for it.
 */

/**
 * The table: hashes (bit 0 set; 0 marks an empty slot) and lists, probed linearly. Past `limit`
 * lists it starts afresh: lists in use stay valid, later equal ones get a new copy.
 *
 * @example
 * for (let s = t.first(h); t.hashAt(s) !== 0; s = t.next(s)) if (t.hashAt(s) === h && same(t.at(s))) return t.at(s);
 * return t.add(h, copy);
 */
export class SharedLists<L> {
  private hashes = new Int32Array(MIN_CAPACITY);
  private lists = new Array<L | undefined>(MIN_CAPACITY).fill(undefined);
  private count = 0;
  constructor(private readonly limit: number) {}

  /** The first slot to look at for hash h. */
  first(h: number): number { return h & (this.hashes.length - 1); }
  /** The slot after s. */
  next(s: number): number { return (s + 1) & (this.hashes.length - 1); }
  /** The hash in slot s, 0 when it is empty (the end of a search). */
  hashAt(s: number): number { return this.hashes[s]; }
  /** The list in slot s (not empty). */
  at(s: number): L { return this.lists[s]!; }

  /** Adds a list that a search for its hash did not find; returns it. */
  add(h: number, list: L): L {
    if (this.count >= this.limit) this.reset(MIN_CAPACITY);
    else if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    this.place(h, list);
    this.count++;
    return list;
  }

  private reset(capacity: number): void {
    this.hashes = new Int32Array(capacity);
    this.lists = new Array<L | undefined>(capacity).fill(undefined);
    this.count = 0;
  }

  private grow(): void {
    const { hashes, lists } = this;
    this.reset(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) {
      if (hashes[i] !== 0) { this.place(hashes[i], lists[i]!); this.count++; }
    }
  }

  private place(h: number, list: L): void {
    let s = this.first(h);
    while (this.hashes[s] !== 0) s = this.next(s);
    this.hashes[s] = h;
    this.lists[s] = list;
  }
}

const MIN_CAPACITY = 1024;

/** One step of FNV-1a over a 32-bit item; start from FNV_START, finish with hashEnd. */
export function hashStep(h: number, item: number): number {
  return Math.imul(h ^ item, 0x01000193);
}
export const FNV_START = 0x811c9dc5;
/** The final mix, with bit 0 set so that 0 marks an empty slot. */
export function hashEnd(h: number): number {
  return (h ^ (h >>> 16)) | 1;
}

const numberLists = new SharedLists<readonly number[]>(50_000);

/**
 * The shared copy of a list of numbers (compared with Object.is, so 0 and -0 stay apart); the
 * list given is not kept (the caller may reuse it).
 *
 * @example
 * const a = sharedNumbers([0, 1, 2]);
 * sharedNumbers([0, 1, 2]) === a; // true
 */
export function sharedNumbers(numbers: readonly number[]): readonly number[] {
  let h = FNV_START ^ numbers.length;
  // The hash only has to spread the lists (equality is tested number by number): a number's
  // integer part and its first fractional bits are enough (NaN and ±Infinity all give 0).
  for (let i = 0; i < numbers.length; i++) h = hashStep(h, (numbers[i] * 4096) | 0);
  h = hashEnd(h);
  const t = numberLists;
  for (let s = t.first(h); t.hashAt(s) !== 0; s = t.next(s)) {
    if (t.hashAt(s) === h && sameNumbers(t.at(s), numbers)) return t.at(s);
  }
  // A copy of exactly the right length: an array grown by push keeps room to spare.
  return t.add(h, numbers.slice());
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
