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

const numberLists = new SharedLists<readonly number[]>(50_000);

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
  h = nonZero(h);
  probe.numbers = numbers;
  probe.count = count;
  const list = numberLists.intern(h, probe, sameNumbers, copyOf);
  probe.numbers = NO_NUMBERS;
  return list;
}

const NO_NUMBERS: readonly number[] = [];

/** The list sharedNumbers looks up: one object reused, not one per call. */
const probe = { numbers: NO_NUMBERS, count: 0 };

/** A copy of exactly the right length: an array grown by push keeps room to spare. */
function copyOf(p: { numbers: readonly number[]; count: number }): readonly number[] {
  return p.numbers.slice(0, p.count);
}

function sameNumbers(a: readonly number[], p: { numbers: readonly number[]; count: number }): boolean {
  const b = p.numbers;
  if (a.length !== p.count) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
