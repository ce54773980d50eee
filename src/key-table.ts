import { hashString, slotOf } from './hash.js';

/**
 * String keys of a prebuilt table (a file read as typed-array views), found by an open-addressing
 * hash table stored with them: no Map of thousands of keys built, no UTF-8 decoded, when the file
 * is loaded. Keys are kept as UTF-16 code units and hashed by them (FNV-1a), so a key looked up is
 * compared without encoding it. The themes' background table and morphology's table of known
 * forms keep their keys so.
 *
 * @example
 * const { slots, keyStarts, units } = buildKeyTable(['мир', 'труд']);
 * new KeyTable(slots, keyStarts, units).row('труд'); // 1
 */
export class KeyTable {
  private readonly shift: number;

  constructor(
    /** Per slot, a row + 1 (0 = empty); a power of two long. */
    private readonly slots: Int32Array,
    /** Per row, where its key starts in `units`; one more entry for the end of the last. */
    private readonly keyStarts: Int32Array,
    private readonly units: Uint16Array,
  ) {
    this.shift = 32 - Math.log2(slots.length);
  }

  /** Number of keys. */
  get size(): number {
    return this.keyStarts.length - 1;
  }

  /** The row of a key, or −1. */
  row(key: string): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let s = slotOf(hashString(key, 0), this.shift); slots[s] !== 0; s = (s + 1) & mask) {
      if (this.keyIs(slots[s] - 1, key)) return slots[s] - 1;
    }
    return -1;
  }

  /** The key of a row (for checks and tools; lookups compare in place). */
  key(row: number): string {
    return unitsText(this.units, this.keyStarts[row], this.keyStarts[row + 1]);
  }

  private keyIs(row: number, key: string): boolean {
    const from = this.keyStarts[row];
    if (this.keyStarts[row + 1] - from !== key.length) return false;
    const units = this.units;
    for (let i = 0; i < key.length; i++) if (units[from + i] !== key.charCodeAt(i)) return false;
    return true;
  }
}

/**
 * The arrays of a KeyTable for `keys` (row r is keys[r]; a key listed twice is found at its first
 * row): a slot table at least twice the rows + 1, rounded up to a power of two.
 * @example
 * buildKeyTable(['мир']).units.length; // 3
 */
export function buildKeyTable(keys: readonly string[]): { slots: Int32Array; keyStarts: Int32Array; units: Uint16Array } {
  let bits = 4;
  while (1 << bits < 2 * (keys.length + 1)) bits++;
  const n = 1 << bits;
  const slots = new Int32Array(n);
  const keyStarts = new Int32Array(keys.length + 1);
  const units = new Uint16Array(keys.reduce((sum, k) => sum + k.length, 0));
  let unit = 0;
  keys.forEach((key, r) => {
    let s = slotOf(hashString(key, 0), 32 - bits);
    while (slots[s] !== 0) s = (s + 1) & (n - 1);
    slots[s] = r + 1;
    keyStarts[r] = unit;
    for (let i = 0; i < key.length; i++) units[unit++] = key.charCodeAt(i);
  });
  keyStarts[keys.length] = unit;
  return { slots, keyStarts, units };
}

/**
 * The string of UTF-16 code units units[from, to): by `apply`, which reads the typed array as it
 * is, where a spread would walk it through an iterator (an object per unit in cold code).
 * @example
 * unitsText(new Uint16Array([0x43c, 0x438, 0x440]), 0, 3); // 'мир'
 */
export function unitsText(units: Uint16Array, from: number, to: number): string {
  // In pieces: `apply` passes each unit as an argument, and a call takes only so many.
  let text = '';
  for (let at = from; at < to; at += 8192) text += String.fromCharCode.apply(null, units.subarray(at, Math.min(to, at + 8192)) as unknown as number[]);
  return text;
}
