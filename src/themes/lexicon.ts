import { readFileSync } from 'node:fs';
import { readWordSet } from '../data-file.js';

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

/**
 * `df.tsv` kept as its text, with one Map from each key to its row number and the offset of each
 * row's tab after the key; the counts are read from the text when first asked and kept in typed
 * arrays (frequent keys recur in every article). Building no per-row strings or arrays beyond the
 * key makes loading the 15 000-row table (on the first analysis) a quarter of the cost of splitting
 * every line. A key listed twice takes its last line.
 */
class BackgroundTable implements Background {
  docs = 0;
  minDf = 1;
  taggedPrior = 0;
  private readonly rows = new Map<string, number>();
  /** Per row number: the offset of the tab after its key. */
  private readonly tabs: Int32Array;
  /** Per row number: df, held (-1: no keyphraseness counts) and tagged, read on first use. */
  private readonly counts: Float64Array;
  private readonly countsRead: Uint8Array;
  readonly df: Lookup<number> = { get: (key) => { const r = this.row(key); return r < 0 ? undefined : this.dfAt(r); } };
  readonly tagged: Lookup<readonly [number, number]> = {
    get: (key) => { const r = this.row(key); return r < 0 || this.heldAt(r) < 0 ? undefined : [this.heldAt(r), this.taggedAt(r)]; },
  };

  constructor(private readonly text: string) {
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

let background: Background | undefined;

/**
 * The shipped document-frequency table (`df.tsv`, built by `npm run build:df`), loaded once, lazily.
 * A missing table gives an empty background (every key equally rare), so the stage still works.
 *
 * @example
 * const bg = loadBackground();
 * Math.log((bg.docs + 1) / ((bg.df.get('партия') ?? 0) + 1)); // idf of партия
 */
export function loadBackground(): Background {
  if (background !== undefined) return background;
  let text = '';
  try {
    text = readFileSync(new URL('./df.tsv', import.meta.url), 'utf8');
  } catch {
    text = '';
  }
  background = new BackgroundTable(text);
  return background;
}
