import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDataFile, readDataText, readWordSet } from '../data-file.js';
import { buildKeyTable, KeyTable } from '../key-table.js';

let stopSet: Set<string> | undefined;

/**
 * Lemmas that are too general to be a theme or part of one (`год`, `который`, months…), from
 * `stopwords.txt`; loaded once, lazily. Lemmas are compared lower-cased with ё→е.
 *
 * @example
 * themeStopwords().has('год'); // true
 */
export function themeStopwords(): Set<string> {
  if (stopSet === undefined) {
    stopSet = readWordSet(new URL('./stopwords.txt', import.meta.url));
  }
  return stopSet;
}

/** A read-only key lookup (the part of a Map the background table offers). */
export interface Lookup<V> {
  get(key: string): V | undefined;
}

/** Background document frequencies: how many of `docs` background news texts hold each key. */
export interface Background {
  docs: number;
  df: Lookup<number>;
  /** Items seen fewer times than this were pruned from the table; an absent key counts as rarer. */
  minDf: number;
  /**
   * Keyphraseness from the tuning set's editor keywords: key → [documents holding it, documents
   * whose editors tagged it]. Only keys held by at least two such documents are listed.
   */
  tagged: Lookup<readonly [number, number]>;
  /** Share of candidate occurrences that editors tagged, over the whole tuning set: the prior. */
  taggedPrior: number;
  /**
   * The table's row of a key, or -1: one lookup gives both `dfAt` and `heldAt`/`taggedAt`, and a
   * caller may keep the row (a number) instead of looking the key up again.
   */
  row(key: string): number;
  /** Document frequency of a row (≥ 0). */
  dfAt(row: number): number;
  /** Tuning-set documents holding the row's key, or -1 when the row has no keyphraseness counts. */
  heldAt(row: number): number;
  /** Tuning-set documents whose editors tagged the row's key. */
  taggedAt(row: number): number;
}

/** The Lookup views of a Background, from its rows. */
abstract class RowTable implements Background {
  abstract docs: number;
  abstract minDf: number;
  abstract taggedPrior: number;
  abstract row(key: string): number;
  abstract dfAt(row: number): number;
  abstract heldAt(row: number): number;
  abstract taggedAt(row: number): number;
  readonly df: Lookup<number> = { get: (key) => { const r = this.row(key); return r < 0 ? undefined : this.dfAt(r); } };
  readonly tagged: Lookup<readonly [number, number]> = {
    get: (key) => { const r = this.row(key); return r < 0 || this.heldAt(r) < 0 ? undefined : [this.heldAt(r), this.taggedAt(r)]; },
  };
}

/**
 * `df.tsv` kept as its text, with one Map from each key to its row number and the offset of each
 * row's tab after the key; the counts are read from the text when first asked and kept in typed
 * arrays (frequent keys recur in every article). Building no per-row strings or arrays beyond the
 * key makes loading the 15 000-row table (on the first analysis) a quarter of the cost of splitting
 * every line. A key listed twice takes its last line.
 */
class BackgroundTable extends RowTable {
  docs = 0;
  minDf = 1;
  taggedPrior = 0;
  private readonly rows = new Map<string, number>();
  /** Per row number: the offset of the tab after its key. */
  private readonly tabs: Int32Array;
  /** Per row number: df, held (-1: no keyphraseness counts) and tagged, read on first use. */
  private readonly counts: Float64Array;
  private readonly countsRead: Uint8Array;

  constructor(private readonly text: string) {
    super();
    const tabs: number[] = [];
    for (let at = 0; at < text.length;) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', at);
      if (tab >= 0 && tab < end) {
        if (text.charCodeAt(at) !== 0x23) {
          this.rows.set(text.slice(at, tab), tabs.length);
          tabs.push(tab);
        } else this.header(text.slice(at, tab), this.column(tab, 0));
      }
      at = end + 1;
    }
    this.tabs = Int32Array.from(tabs);
    this.counts = new Float64Array(3 * tabs.length);
    this.countsRead = new Uint8Array(tabs.length);
  }

  /** Reads a row's three counts from the text into `counts`, once. */
  private read(row: number): number {
    if (this.countsRead[row] === 0) {
      const tab = this.tabs[row];
      const held = this.column(tab, 1);
      const tagged = this.column(tab, 2);
      this.counts[3 * row] = this.column(tab, 0);
      // Keyphraseness counts need both columns.
      this.counts[3 * row + 1] = Number.isNaN(held) || Number.isNaN(tagged) ? -1 : held;
      this.counts[3 * row + 2] = tagged;
      this.countsRead[row] = 1;
    }
    return 3 * row;
  }

  /** `#docs`, `#mindf`, `#taggedprior`; other `#` lines are comments. */
  private header(key: string, value: number): void {
    if (key === '#docs') this.docs = value;
    else if (key === '#mindf') this.minDf = value;
    else if (key === '#taggedprior') this.taggedPrior = value;
  }

  /**
   * The numeric column `k` (0: df) of the row whose key ends at `tab`, or NaN when the line has
   * no such column. Plain digits are read in place; anything else goes through Number.
   */
  private column(tab: number, k: number): number {
    const text = this.text;
    let from = tab + 1;
    for (let c = 0; c < k; c++) {
      const next = text.indexOf('\t', from);
      const eol = text.indexOf('\n', from);
      if (next < 0 || (eol >= 0 && next > eol)) return NaN;
      from = next + 1;
    }
    let n = 0;
    let i = from;
    for (; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x09 || ch === 0x0a) break;
      if (ch < 0x30 || ch > 0x39) return this.slowColumn(from);
      n = n * 10 + (ch - 0x30);
    }
    return i === from ? 0 : n; // Number('') is 0
  }

  private slowColumn(from: number): number {
    let end = from;
    while (end < this.text.length && this.text.charCodeAt(end) !== 0x09 && this.text.charCodeAt(end) !== 0x0a) end++;
    return Number(this.text.slice(from, end));
  }

  row(key: string): number {
    return this.rows.get(key) ?? -1;
  }

  /** Each key with its row (its last line), in order of first appearance. */
  keys(): IterableIterator<[string, number]> {
    return this.rows.entries();
  }

  dfAt(row: number): number {
    return this.counts[this.read(row)];
  }

  heldAt(row: number): number {
    return this.counts[this.read(row) + 1];
  }

  taggedAt(row: number): number {
    return this.counts[this.read(row) + 2];
  }
}

/**
 * The same table prebuilt (scripts/build-df-bin.ts): keys (a KeyTable), counts and the key table's
 * arrays stored as arrays, so loading is reading one file (no UTF-8 decoding, no line scan, no Map
 * of 15 000 keys).
 */
class PrebuiltBackground extends RowTable {
  constructor(
    readonly docs: number,
    readonly minDf: number,
    readonly taggedPrior: number,
    private readonly keys: KeyTable,
    /** Per row: df, held (-1: no keyphraseness counts), tagged. */
    private readonly counts: Float64Array,
  ) {
    super();
  }

  row(key: string): number {
    return this.keys.row(key);
  }

  dfAt(row: number): number {
    return this.counts[3 * row];
  }

  heldAt(row: number): number {
    return this.counts[3 * row + 1];
  }

  taggedAt(row: number): number {
    return this.counts[3 * row + 2];
  }
}

const BIN_MAGIC = 0x46445452; // 'RTDF'
const BIN_VERSION = 1;
/** magic, version, slots, rows, key units (uint32 each), 4 bytes of padding, docs, minDf, taggedPrior (float64). */
const BIN_HEADER = 48;

/**
 * Parses `df.tsv`'s text (the format build-df writes: `#docs`, `#mindf`, `#taggedprior` lines,
 * then `key<TAB>df[<TAB>held<TAB>tagged]` rows; a key listed twice takes its last line).
 * @example
 * parseBackground('#docs\t10\nпартия\t4\n').df.get('партия'); // 4
 */
export function parseBackground(text: string): Background {
  return new BackgroundTable(text);
}

/**
 * The prebuilt file of a table parsed from `df.tsv`: little-endian header (see BIN_HEADER), then
 * per row its counts (float64 × 3), the hash slots (int32, row + 1), per row where its key starts
 * (int32, one more for the end) and the keys (UTF-16 code units). Rows are the keys in order of
 * first appearance, each with the counts of its last line.
 * @example
 * writeFileSync('models/themes-df.bin', encodeBackground(parseBackground(readFileSync('src/themes/df.tsv', 'utf8'))));
 */
export function encodeBackground(bg: Background): Uint8Array {
  if (!(bg instanceof BackgroundTable)) throw new Error('themes: encodeBackground takes a table parsed from df.tsv');
  const keys = [...bg.keys()];
  const rows = keys.length;
  const { slots, keyStarts, units } = buildKeyTable(keys.map(([key]) => key));
  const n = slots.length;
  const countsAt = BIN_HEADER;
  const slotsAt = countsAt + 24 * rows;
  const startsAt = slotsAt + 4 * n;
  const unitsAt = startsAt + 4 * (rows + 1);
  const out = new Uint8Array(unitsAt + 2 * units.length);
  const dv = new DataView(out.buffer);
  [BIN_MAGIC, BIN_VERSION, n, rows, units.length].forEach((v, i) => dv.setUint32(4 * i, v, true));
  dv.setFloat64(24, bg.docs, true);
  dv.setFloat64(32, bg.minDf, true);
  dv.setFloat64(40, bg.taggedPrior, true);
  keys.forEach(([, textRow], r) => {
    dv.setFloat64(countsAt + 24 * r, bg.dfAt(textRow), true);
    dv.setFloat64(countsAt + 24 * r + 8, bg.heldAt(textRow), true);
    dv.setFloat64(countsAt + 24 * r + 16, bg.taggedAt(textRow), true);
  });
  slots.forEach((v, s) => dv.setInt32(slotsAt + 4 * s, v, true));
  keyStarts.forEach((v, r) => dv.setInt32(startsAt + 4 * r, v, true));
  units.forEach((u, i) => dv.setUint16(unitsAt + 2 * i, u, true));
  return out;
}

/**
 * Reads a file written by encodeBackground: the arrays are views of the file's bytes (copied once
 * if the buffer is not 8-byte aligned). Throws on a file of another format or size.
 * @example
 * decodeBackground(readFileSync('models/themes-df.bin')).df.get('парт'); // 376, as parseBackground gives (keys are stems)
 */
export function decodeBackground(buf: Uint8Array): Background {
  // A copy into a buffer of its own (Buffer#slice would only make another view, still misaligned).
  if ((buf.byteOffset & 7) !== 0) buf = new Uint8Array(buf);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const bad = (why: string): Error => new Error(`themes: ${fileURLToPath(BACKGROUND_BIN_URL)}: ${why}; rebuild it with npm run build:df-bin`);
  if (buf.byteLength < BIN_HEADER || dv.getUint32(0, true) !== BIN_MAGIC) throw bad('not a prebuilt background table');
  if (dv.getUint32(4, true) !== BIN_VERSION) throw bad(`version ${dv.getUint32(4, true)}, expected ${BIN_VERSION}`);
  const n = dv.getUint32(8, true);
  const rows = dv.getUint32(12, true);
  const units = dv.getUint32(16, true);
  const slotsAt = BIN_HEADER + 24 * rows;
  const startsAt = slotsAt + 4 * n;
  const unitsAt = startsAt + 4 * (rows + 1);
  if (n < 16 || (n & (n - 1)) !== 0 || buf.byteLength !== unitsAt + 2 * units) throw bad('truncated or damaged');
  const at = buf.byteOffset;
  return new PrebuiltBackground(
    dv.getFloat64(24, true),
    dv.getFloat64(32, true),
    dv.getFloat64(40, true),
    new KeyTable(new Int32Array(buf.buffer, at + slotsAt, n), new Int32Array(buf.buffer, at + startsAt, rows + 1), new Uint16Array(buf.buffer, at + unitsAt, units)),
    new Float64Array(buf.buffer, at + BIN_HEADER, 3 * rows),
  );
}

/** The document-frequency table as build-df writes it (beside this module in src/ and dist/). */
export const BACKGROUND_URL = new URL('./df.tsv', import.meta.url);
/** The same table prebuilt from it (scripts/build-df-bin.ts), in the package's models folder. */
export const BACKGROUND_BIN_URL = new URL('../../models/themes-df.bin', import.meta.url);

let background: Background | undefined;

/**
 * The shipped document-frequency table (`df.tsv`, built by `npm run build:df`), loaded once, lazily:
 * from its prebuilt form when that is there, else from the text. Neither is a broken installation
 * (DataFileError naming the prebuilt one, which ships): without the table every key would be
 * equally rare and the themes quietly worse. Keys are Snowball stems of lemmas.
 *
 * @example
 * const bg = loadBackground();
 * Math.log((bg.docs + 1) / ((bg.df.get('парт') ?? 0) + 1)); // idf of партия (its key: the stem of its lemma), ≈ 1.95
 */
export function loadBackground(): Background {
  if (background !== undefined) return background;
  const bin = fileURLToPath(BACKGROUND_BIN_URL);
  if (existsSync(bin) || !existsSync(BACKGROUND_URL)) {
    background = decodeBackground(readDataFile(bin));
    return background;
  }
  background = new BackgroundTable(readDataText(BACKGROUND_URL));
  return background;
}
