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

/** Background document frequencies: how many of `docs` background news texts hold each key. */
export interface Background {
  docs: number;
  df: Map<string, number>;
  /** Items seen fewer times than this were pruned from the table; an absent key counts as rarer. */
  minDf: number;
  /**
   * Keyphraseness from the tuning set's editor keywords: key → [documents holding it, documents
   * whose editors tagged it]. Only keys held by at least two such documents are listed.
   */
  tagged: Map<string, [number, number]>;
  /** Share of candidate occurrences that editors tagged, over the whole tuning set: the prior. */
  taggedPrior: number;
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
  const df = new Map<string, number>();
  let docs = 0;
  let minDf = 1;
  let text = '';
  try {
    text = readFileSync(new URL('./df.tsv', import.meta.url), 'utf8');
  } catch {
    text = '';
  }
  const tagged = new Map<string, [number, number]>();
  let taggedPrior = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    const key = cols[0];
    const n = Number(cols[1]);
    if (key === '#docs') docs = n;
    else if (key === '#mindf') minDf = n;
    else if (key === '#taggedprior') taggedPrior = n;
    else if (!key.startsWith('#')) {
      df.set(key, n);
      if (cols.length >= 4) tagged.set(key, [Number(cols[2]), Number(cols[3])]);
    }
  }
  background = { docs, df, minDf, tagged, taggedPrior };
  return background;
}
