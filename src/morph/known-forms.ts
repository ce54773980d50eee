import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataFileError, readDataFile } from '../data-file.js';
import { buildKeyTable, KeyTable, unitsText } from '../key-table.js';
import { dictionaryFingerprint } from './az.js';
import { C_LOGP, STRIDE } from './candidate.js';

/**
 * One form's analysis as the table keeps it: what Morphology would compute for it, from which
 * formInfoFromData makes its FormInfo again without az.
 */
export interface KnownForm {
  form: string;
  /** Its first candidate's lemma (the MorphTok made with the candidates). */
  lemma: string;
  /** az's tag number of each of its parses, in az's order (tagAt). */
  tags: readonly number[];
  /** Its candidates' packed numbers (FormInfo.data). */
  data: readonly number[];
}

/**
 * The analyses of the most frequent word forms of Russian news, prebuilt (scripts/build-known-forms.ts,
 * `models/known-forms.bin`): a new form found here skips az's parse, the choice of candidates and
 * the lemma rules, the costliest part of a first look at a word (most of the first article's
 * morphology, and a share of every later one's). Read as typed-array views of the file; each row is
 * decoded when its form is first met.
 *
 * @example
 * const known = loadKnownForms();
 * const r = known?.row('заявил') ?? -1;
 * r >= 0 && known!.lemma(r); // 'заявить'
 */
export class KnownForms {
  constructor(
    /** dictionaryFingerprint() of the az the table was built with: its rows hold only for that one. */
    readonly fingerprint: number,
    private readonly keys: KeyTable,
    /** Per row, where its lemma starts in `lemmaUnits` (none: the form itself); one more for the end of the last. */
    private readonly lemmaStarts: Int32Array,
    private readonly lemmaUnits: Uint16Array,
    /** Per row, where its tag numbers start in `tagNumbers`; one more for the end. */
    private readonly tagStarts: Int32Array,
    private readonly tagNumbers: Uint16Array,
    /** Per row, its list of packed numbers (an index of dataStarts). */
    private readonly rowData: Int32Array,
    /** Per distinct list of packed numbers, its first candidate (in `logp` and `ints`); one more for the end. */
    private readonly dataStarts: Int32Array,
    /** Per candidate, its log-probability (the one packed number that is not an integer). */
    private readonly logp: Float64Array,
    /** Per candidate, its other STRIDE − 1 packed numbers, in their order. */
    private readonly ints: Int32Array,
  ) {}

  /** Number of forms. */
  get size(): number {
    return this.keys.size;
  }

  /** The row of a form, or −1. */
  row(form: string): number {
    return this.keys.row(form);
  }

  /** The form of a row. */
  form(row: number): string {
    return this.keys.key(row);
  }

  /** The lemma of the row's first candidate. */
  lemma(row: number): string {
    const from = this.lemmaStarts[row], to = this.lemmaStarts[row + 1];
    return from === to ? this.keys.key(row) : unitsText(this.lemmaUnits, from, to);
  }

  /** Number of the row's parses (and tags). */
  tagCount(row: number): number {
    return this.tagStarts[row + 1] - this.tagStarts[row];
  }

  /** az's tag number of parse i of a row. */
  tagNumber(row: number, i: number): number {
    return this.tagNumbers[this.tagStarts[row] + i];
  }

  /** A copy of the row's packed numbers into `into` (from 0); returns how many. */
  dataInto(row: number, into: number[]): number {
    const d = this.rowData[row];
    const from = this.dataStarts[d], to = this.dataStarts[d + 1];
    const logp = this.logp, ints = this.ints;
    let o = 0;
    for (let c = from; c < to; c++, o += STRIDE) {
      for (let i = 0, j = 0; i < STRIDE; i++) into[o + i] = i === C_LOGP ? logp[c] : ints[(STRIDE - 1) * c + j++];
    }
    return o;
  }

  /** The whole row (for checks and tools; the morphology reads it piece by piece). */
  entry(row: number): KnownForm {
    const tags: number[] = [];
    for (let i = 0; i < this.tagCount(row); i++) tags.push(this.tagNumber(row, i));
    const data: number[] = [];
    data.length = this.dataInto(row, data);
    return { form: this.form(row), lemma: this.lemma(row), tags, data };
  }
}

const BIN_MAGIC = 0x464b5452; // 'RTKF'
const BIN_VERSION = 1;
/** magic, version, slots, rows, data lists, candidates, tag numbers, key units, lemma units, az's dictionary fingerprint (uint32 each). */
const BIN_HEADER = 40;

/** The header's counts, from which every section's place in the file follows. */
interface Counts { slots: number; rows: number; lists: number; candidates: number; tagCount: number; units: number; lemmaUnits: number }

/** Byte offsets of the file's sections, and its size; one function so writer and reader agree. */
function sections(c: Counts) {
  const intsAt = BIN_HEADER + 8 * c.candidates;
  const slotsAt = intsAt + 4 * (STRIDE - 1) * c.candidates;
  const keyStartsAt = slotsAt + 4 * c.slots;
  const lemmaStartsAt = keyStartsAt + 4 * (c.rows + 1);
  const tagStartsAt = lemmaStartsAt + 4 * (c.rows + 1);
  const rowDataAt = tagStartsAt + 4 * (c.rows + 1);
  const dataStartsAt = rowDataAt + 4 * c.rows;
  const tagsAt = dataStartsAt + 4 * (c.lists + 1);
  const unitsAt = tagsAt + 2 * c.tagCount;
  const lemmasAt = unitsAt + 2 * c.units;
  return { logpAt: BIN_HEADER, intsAt, slotsAt, keyStartsAt, lemmaStartsAt, tagStartsAt, rowDataAt, dataStartsAt, tagsAt, unitsAt, lemmasAt, size: lemmasAt + 2 * c.lemmaUnits };
}

/**
 * The prebuilt file of a table of known forms: little-endian header (BIN_HEADER), then per
 * candidate its log-probability (float64) and its other packed numbers (int32), the key table's
 * slots and per-row key starts, the per-row lemma starts, tag starts and data lists, the data
 * lists' starts (int32), the tag numbers (uint16), the keys' and the lemmas' UTF-16 code units.
 * Lists of numbers that several forms share are stored once; a lemma that is the form itself is
 * not stored. `fingerprint`: dictionaryFingerprint() of the az the rows were computed with.
 * @example
 * decodeKnownForms(encodeKnownForms([{ form: 'и', lemma: 'и', tags: [12], data: [0, 15, 0, 0, 0] }], dictionaryFingerprint())).row('и'); // 0
 */
export function encodeKnownForms(entries: readonly KnownForm[], fingerprint: number): Uint8Array {
  const rows = entries.length;
  const { slots, keyStarts, units } = buildKeyTable(entries.map((e) => e.form));
  const lists = new Map<string, number>();
  const listOf: number[] = [];
  const logp: number[] = [];
  const ints: number[] = [];
  const dataStarts: number[] = [];
  for (const e of entries) {
    if (e.data.length % STRIDE !== 0) throw new Error(`known forms: ${e.form} has ${e.data.length} packed numbers, not a multiple of ${STRIDE}`);
    if (e.lemma === '') throw new Error(`known forms: ${e.form} has an empty lemma`);
    const key = e.data.map((x) => (Object.is(x, -0) ? '-0' : String(x))).join(',');
    let d = lists.get(key);
    if (d === undefined) {
      d = dataStarts.length;
      lists.set(key, d);
      dataStarts.push(logp.length);
      e.data.forEach((x, i) => {
        if (i % STRIDE === C_LOGP) logp.push(x);
        else if ((x | 0) === x && !Object.is(x, -0)) ints.push(x);
        else throw new Error(`known forms: ${e.form}'s packed number ${x} is not an int32`);
      });
    }
    listOf.push(d);
  }
  dataStarts.push(logp.length);
  const lemmaOf = (e: KnownForm): string => (e.lemma === e.form ? '' : e.lemma);
  const tagCount = entries.reduce((sum, e) => sum + e.tags.length, 0);
  const lemmaUnits = entries.reduce((sum, e) => sum + lemmaOf(e).length, 0);
  const n = slots.length;
  const c: Counts = { slots: n, rows, lists: dataStarts.length - 1, candidates: logp.length, tagCount, units: units.length, lemmaUnits };
  const { logpAt, intsAt, slotsAt, keyStartsAt, lemmaStartsAt, tagStartsAt, rowDataAt, dataStartsAt, tagsAt, unitsAt, lemmasAt, size } = sections(c);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  [BIN_MAGIC, BIN_VERSION, c.slots, c.rows, c.lists, c.candidates, c.tagCount, c.units, c.lemmaUnits, fingerprint].forEach((v, i) => dv.setUint32(4 * i, v, true));
  logp.forEach((x, i) => dv.setFloat64(logpAt + 8 * i, x, true));
  ints.forEach((x, i) => dv.setInt32(intsAt + 4 * i, x, true));
  slots.forEach((v, i) => dv.setInt32(slotsAt + 4 * i, v, true));
  keyStarts.forEach((v, i) => dv.setInt32(keyStartsAt + 4 * i, v, true));
  let tag = 0, lemma = 0;
  entries.forEach((e, r) => {
    dv.setInt32(lemmaStartsAt + 4 * r, lemma, true);
    dv.setInt32(tagStartsAt + 4 * r, tag, true);
    dv.setInt32(rowDataAt + 4 * r, listOf[r], true);
    for (const t of e.tags) {
      if (!(Number.isInteger(t) && t >= 0 && t < 0x10000)) throw new Error(`known forms: tag number ${t} of ${e.form} is not a uint16`);
      dv.setUint16(tagsAt + 2 * tag++, t, true);
    }
    const l = lemmaOf(e);
    for (let i = 0; i < l.length; i++) dv.setUint16(lemmasAt + 2 * lemma++, l.charCodeAt(i), true);
  });
  dv.setInt32(lemmaStartsAt + 4 * rows, lemma, true);
  dv.setInt32(tagStartsAt + 4 * rows, tag, true);
  dataStarts.forEach((v, i) => dv.setInt32(dataStartsAt + 4 * i, v, true));
  units.forEach((u, i) => dv.setUint16(unitsAt + 2 * i, u, true));
  return out;
}

/**
 * Reads a file written by encodeKnownForms: the arrays are views of the file's bytes (copied once
 * if the buffer is not 8-byte aligned). Throws a DataFileError on a file of another format or size.
 * @example
 * decodeKnownForms(readFileSync('models/known-forms.bin')).size; // 20 000 or so
 */
export function decodeKnownForms(buf: Uint8Array, file = fileURLToPath(KNOWN_FORMS_URL)): KnownForms {
  if ((buf.byteOffset & 7) !== 0) buf = new Uint8Array(buf);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const bad = (why: string): Error => new DataFileError(file, new Error(`${why}; rebuild it with npm run build:known-forms`));
  if (buf.byteLength < BIN_HEADER || dv.getUint32(0, true) !== BIN_MAGIC) throw bad('not a table of known forms');
  if (dv.getUint32(4, true) !== BIN_VERSION) throw bad(`version ${dv.getUint32(4, true)}, expected ${BIN_VERSION}`);
  const [n, rows, lists, candidates, tagCount, units, lemmaUnits] = [8, 12, 16, 20, 24, 28, 32].map((o) => dv.getUint32(o, true));
  const { logpAt, intsAt, slotsAt, keyStartsAt, lemmaStartsAt, tagStartsAt, rowDataAt, dataStartsAt, tagsAt, unitsAt, lemmasAt, size } = sections({ slots: n, rows, lists, candidates, tagCount, units, lemmaUnits });
  if (n < 16 || (n & (n - 1)) !== 0 || buf.byteLength !== size) throw bad('truncated or damaged');
  const at = buf.byteOffset, b = buf.buffer;
  const ints = (from: number, length: number): Int32Array => new Int32Array(b, at + from, length);
  return new KnownForms(
    dv.getUint32(36, true),
    new KeyTable(ints(slotsAt, n), ints(keyStartsAt, rows + 1), new Uint16Array(b, at + unitsAt, units)),
    ints(lemmaStartsAt, rows + 1),
    new Uint16Array(b, at + lemmasAt, lemmaUnits),
    ints(tagStartsAt, rows + 1),
    new Uint16Array(b, at + tagsAt, tagCount),
    ints(rowDataAt, rows),
    ints(dataStartsAt, lists + 1),
    new Float64Array(b, at + logpAt, candidates),
    ints(intsAt, (STRIDE - 1) * candidates),
  );
}

/** The shipped table, in the package's models folder. */
export const KNOWN_FORMS_URL = new URL('../../models/known-forms.bin', import.meta.url);

let shipped: KnownForms | null | undefined;

/**
 * The shipped table of known forms, loaded once, lazily; null when the file is not there (a
 * checkout before `npm run build:known-forms`) or was built with another az's dictionaries (az's
 * own tag numbers and analyses differ there): the morphology then computes every form, with the
 * same results. A file that is there but damaged is a DataFileError.
 * @example
 * loadKnownForms()?.row('сказал'); // its row, or -1 (null: no table)
 */
export function loadKnownForms(): KnownForms | null {
  if (shipped !== undefined) return shipped;
  const file = fileURLToPath(KNOWN_FORMS_URL);
  shipped = existsSync(file) ? usable(decodeKnownForms(readDataFile(file), file)) : null;
  return shipped;
}

/**
 * A table if it was built with the az loaded now, else null.
 * @example
 * usable(decodeKnownForms(bytes))?.row('и');
 */
export function usable(table: KnownForms): KnownForms | null {
  return table.fingerprint === dictionaryFingerprint() ? table : null;
}
