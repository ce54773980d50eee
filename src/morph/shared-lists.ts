/**
 * One shared copy per distinct list, for the lists a hundred thousand cached forms would otherwise
 * each hold: their candidates' numbers (FormInfo.data: some thirteen thousand distinct lists on
 * RT's hundred thousand forms) and their parses' tags (FormInfo.tags). A list is found by a hash of
 * its items in an open-addressing table and compared item by item, with no key built for it.
 */
import { hashStart, hashStep, nonZero } from '../hash.js';

/**
 * The table: hashes (bit 0 set; 0 marks an empty slot) and lists, probed linearly. Past `limit`
 * lists it starts afresh: lists in use stay valid, later equal ones get a new copy.
 *
 * @example
 * const shared = t.intern(h, numbers, sameNumbers, (xs) => xs.slice());
 */
export class SharedLists<L> {
  private hashes = new Int32Array(MIN_CAPACITY);
  private lists = new Array<L | undefined>(MIN_CAPACITY).fill(undefined);
  private count = 0;
  constructor(private readonly limit: number) {}

  /**
   * The list kept that `same` finds equal to `item` (searched among those of hash h), or else
   * `make(item)`, kept and returned.
   */
  intern<T>(h: number, item: T, same: (list: L, item: T) => boolean, make: (item: T) => L): L {
    for (let s = this.first(h); this.hashes[s] !== 0; s = this.next(s)) {
      if (this.hashes[s] === h && same(this.lists[s]!, item)) return this.lists[s]!;
    }
    if (this.count >= this.limit) this.reset(MIN_CAPACITY);
    else if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    const list = make(item);
    this.place(h, list);
    this.count++;
    return list;
  }

  private first(h: number): number { return h & (this.hashes.length - 1); }
  private next(s: number): number { return (s + 1) & (this.hashes.length - 1); }

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

/**
 * SharedLists of arrays, each compared item by item with Object.is (so 0 and -0 stay apart), found
 * from the first `count` items of an array at hand: a reused scratch array, not kept; `copy`
 * makes the list kept when there is none yet.
 *
 * @example
 * const lists = new SharedArrays<number>(1000, (xs, n) => xs.slice(0, n));
 * lists.of(h, [1, 2, 9], 2) === lists.of(h, [1, 2], 2); // true
 */
export class SharedArrays<T> extends SharedLists<readonly T[]> {
  /** The items looked up: one object reused, not one per call. */
  private readonly probe: Probe<T> = { items: [], count: 0 };
  private readonly make: (p: Probe<T>) => readonly T[];

  constructor(limit: number, copy: (items: readonly T[], count: number) => readonly T[]) {
    super(limit);
    this.make = (p) => copy(p.items, p.count);
  }

  /** The shared copy of items[0, count), whose hash is h. */
  of(h: number, items: readonly T[], count: number): readonly T[] {
    const p = this.probe;
    p.items = items;
    p.count = count;
    const list = this.intern(h, p, sameItems, this.make);
    p.items = [];
    return list;
  }
}

interface Probe<T> { items: readonly T[]; count: number }

function sameItems<T>(a: readonly T[], p: Probe<T>): boolean {
  const b = p.items;
  if (a.length !== p.count) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

// A copy of exactly the right length: an array grown by push keeps room to spare.
const numberLists = new SharedArrays<number>(50_000, (numbers, count) => numbers.slice(0, count));

/**
 * The shared copy of a list of numbers, its first `count` (all by default): compared with
 * Object.is, so 0 and -0 stay apart. The array given is not kept, so a caller may pass a reused
 * scratch array longer than its list.
 *
 * @example
 * const a = sharedNumbers([0, 1, 2]);
 * sharedNumbers([0, 1, 2]) === a; // true
 * sharedNumbers([0, 1, 2, 9], 3) === a; // true
 */
export function sharedNumbers(numbers: readonly number[], count = numbers.length): readonly number[] {
  let h = hashStart(0) ^ count;
  // The hash only has to spread the lists (equality is tested number by number): a number's
  // integer part and its first fractional bits are enough (NaN and ±Infinity all give 0).
  for (let i = 0; i < count; i++) h = hashStep(h, (numbers[i] * 4096) | 0);
  return numberLists.of(nonZero(h), numbers, count);
}
