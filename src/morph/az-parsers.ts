/**
 * rutext's versions of az's dictionary and guessing parsers (Dictionary, PrefixKnown,
 * PrefixUnknown, SuffixKnown) and of its hyphen parsers' answer for a word without a hyphen.
 *
 * az's own versions build a DictionaryParse for every reading the graphs hold and only then drop
 * the ones a filter rejects (SuffixKnown's tables hold dozens of readings per suffix, most of them
 * non-productive or names), dedupe the suffix guesses by a `word:paradigm:form` string each, and
 * decode every payload into an array; each parser lower-cases the word again. Here a reading's
 * tag is classified from the paradigm table before anything is built (its answers kept by tag
 * number), the dedupe key is a number, payloads are decoded into a reused buffer, and the word is
 * lower-cased once. What comes out is az's: its DictionaryParse objects, built by its constructor with the
 * same arguments, mutated as az mutates them, in the same order with the same scores
 * (test/az-parsers.test.ts compares them with Az.Morph on real and made-up words).
 */
import type Az from 'az';
import { readRows } from '../data-file.js';
import { codesOf, foundAt, keyOf, payloads, readPayloads, replacedTail, searchExact, stuttersOf } from './az-lookup.js';

type Parse = Az.Parse;

/** az's settings as its parsers read them (its `defaults`). */
export interface ParserConfig {
  ignoreCase?: boolean;
  replacements?: Record<string, string>;
  stutter?: number;
  typos?: number | string;
}

/**
 * A parser as az calls it. rutext's own parsers also take `into`, a list to append their parses
 * to (and return), so a driver collecting every parser's parses in one list needs no list per
 * parser; az's parsers ignore it and return a list of their own.
 */
export type ParserFn<C extends ParserConfig = ParserConfig> = (word: string, config: C, into?: Parse[]) => readonly Parse[];

/** The answer of a parser that finds nothing (frozen and shared: no list per call). */
const NO_PARSES: readonly Parse[] = Object.freeze([]);

/** The part of an az DAWG these parsers read (a view of the same bytes as az's own). */
export interface PayloadDawg {
  guide: Uint8Array;
  followByte(c: number, index: number): number;
  hasValue(index: number): boolean;
}

/** az's DictionaryParse constructor (reached through a parse it made). */
export type DictionaryParseClass = new (word: string, paradigmIdx: number, formIdx: number, stutterCnt?: number, typosCnt?: number) => Parse & { prefix: string };

/** What of az's loaded dictionaries the parsers read: views of the bytes az itself reads. */
export interface AzDictionaries {
  /** words.dawg ('words' format). */
  words: PayloadDawg;
  /** prediction-suffixes-0/1/2.dawg ('probs' format), one per entry of AZ_PREFIXES. */
  suffixTables: PayloadDawg[];
  /** paradigms.array: a count, then per paradigm its length and its numbers (suffixes, tags, prefixes). */
  paradigms: Uint16Array;
  DictionaryParse: DictionaryParseClass;
}

const MISSING = -1;
const SEPARATOR = 1;

/**
 * az's `prefixes` (a closure variable): the word beginnings its suffix tables are kept for (the
 * table prediction-suffixes-i is read for words starting with entry i), and the form prefixes a
 * paradigm's third part indexes. This and the weights below are az 0.2.3's;
 * test/az-parsers.test.ts fails if an az update changes them.
 */
export const AZ_PREFIXES: readonly string[] = Object.freeze(['', 'по', 'наи']);

/**
 * The word beginnings az's PrefixKnown parser strips to read the rest from the dictionary (its
 * `knownPrefixes`, az 0.2.3's, in its order: the order of the parses), from az-known-prefixes.tsv.
 */
function knownPrefixes(): string[] {
  return readRows(new URL('./az-known-prefixes.tsv', import.meta.url)).map((row) => row[0]);
}

/** az's weight of a suffix guess by the suffix's length (its `coeffs`). */
const SUFFIX_WEIGHTS = [0, 0.2, 0.3, 0.4, 0.5, 0.6];

// A tag's answers to isProductive() and isCapitalized(), by tag number, each asked when first
// needed (a tag's first answer is slow: thousands of tag shapes, each new to the lookups).
const UNPRODUCTIVE = 1;
const CAPITALISED = 2;
const PRODUCTIVE_ASKED = 4;
const CAPITALISED_ASKED = 8;

/**
 * rutext's Dictionary, PrefixKnown, PrefixUnknown and SuffixKnown over az's dictionaries, plus
 * the hyphen parsers' empty answer for a word without a hyphen (`others` answers the rest). They take az's
 * default settings only: with typos, ignoreCase or a replacement of more than a letter, null.
 * @param others az's own parsers (Morph.Parsers), used for what is not replaced.
 * @example
 * const parsers = fastParsers(dictionaries, (Az.Morph as unknown as { Parsers: Record<string, ParserFn<typeof defaults>> }).Parsers, defaults);
 * parsers?.SuffixKnown('бздынями', defaults); // as Az.Morph.Parsers.SuffixKnown
 */
export function fastParsers<C extends ParserConfig>(d: AzDictionaries, others: Record<string, ParserFn<C>>, config: C): Record<string, ParserFn<C>> | null {
  const search = exactSearch(config);
  if (search === null || config.ignoreCase) return null;
  const { replace, stutter } = search;
  const { words, suffixTables, paradigms, DictionaryParse } = d;
  if (suffixTables.length !== AZ_PREFIXES.length) return null;

  const spans = paradigmSpans(paradigms);
  const tagFlags = new Uint8Array(0x10000);

  /**
   * Which of the `reject` flags the tag of a paradigm's form has (−1 where az's table lookup would
   * not give a tag).
   */
  function rejected(paradigmIdx: number, formIdx: number, reject: number): number {
    if (2 * paradigmIdx >= spans.length) return -1;
    const at = spans[2 * paradigmIdx];
    const formCnt = spans[2 * paradigmIdx + 1] / 3;
    if (!Number.isInteger(formCnt) || formIdx >= formCnt) return -1;
    const tagIdx = paradigms[at + formCnt + formIdx];
    let f = tagFlags[tagIdx];
    if ((reject & UNPRODUCTIVE) !== 0 && (f & PRODUCTIVE_ASKED) === 0) {
      f |= PRODUCTIVE_ASKED | (keeps(new DictionaryParse('', paradigmIdx, formIdx).tag, UNPRODUCTIVE) ? 0 : UNPRODUCTIVE);
      tagFlags[tagIdx] = f;
    }
    if ((reject & CAPITALISED) !== 0 && (f & (CAPITALISED_ASKED | UNPRODUCTIVE & reject)) === 0) {
      f |= CAPITALISED_ASKED | (keeps(new DictionaryParse('', paradigmIdx, formIdx).tag, CAPITALISED) ? 0 : CAPITALISED);
      tagFlags[tagIdx] = f;
    }
    return f & reject;
  }

  /**
   * az's Dictionary readings of `word` (lower case) whose tag has none of the `reject` flags,
   * each scaled by `scale` and given `prefix` when one is given, appended to `out`.
   */
  function readings(word: string, reject: number, scale: number, prefix: string | undefined, out: Parse[]): void {
    const found = searchExact(words, word, replace, stutter);
    for (let r = 0; r < found; r++) {
      const index = words.followByte(SEPARATOR, foundAt(r));
      if (index === MISSING) continue;
      const n = readPayloads(words, index, 2);
      const pay = payloads();
      let key: string | undefined;
      for (let k = 0; k < n; k++) {
        const paradigmIdx = pay[2 * k];
        const formIdx = pay[2 * k + 1];
        const f = rejected(paradigmIdx, formIdx, reject);
        if (f > 0) continue;
        key ??= keyOf(r);
        const p = new DictionaryParse(key, paradigmIdx, formIdx, stuttersOf(r), 0);
        if (f < 0 && !keeps(p.tag, reject)) continue;
        if (prefix !== undefined) {
          p.score *= scale;
          p.prefix = prefix;
        }
        out.push(p);
      }
    }
  }

  const dictionary: ParserFn<C> = (word, _config, into) => {
    const capitalised = isCapitalised(word);
    const out = into ?? [];
    readings(lowerCase(word), capitalised ? 0 : CAPITALISED, 1, undefined, out);
    return out;
  };

  const prefixes = knownPrefixes();
  const prefixKnown: ParserFn<C> = (word, _config, into) => {
    word = lowerCase(word);
    const out = into ?? [];
    for (let i = 0; i < prefixes.length; i++) {
      const prefix = prefixes[i];
      if (word.length - prefix.length < 3 || !word.startsWith(prefix)) continue;
      // az asks its Dictionary parser about the rest (lower case, so names are dropped) and keeps
      // the productive readings (az cuts a copy of the word's start per prefix to compare).
      readings(word.substr(prefix.length), UNPRODUCTIVE | CAPITALISED, 0.7, prefix, out);
    }
    return out;
  };

  const prefixUnknown: ParserFn<C> = (word, _config, into) => {
    word = lowerCase(word);
    const out = into ?? [];
    for (let len = 1; len <= 5; len++) {
      if (word.length - len < 3) break;
      // az asks its Dictionary parser about the rest of the word, which drops names unless it looks
      // capitalised; cut from the lower-cased word, it never does, so names are always dropped.
      readings(word.substr(len), UNPRODUCTIVE | CAPITALISED, 0.3, word.substr(0, len), out);
    }
    return out;
  };

  const used = new ReadingSet();

  const suffixKnown: ParserFn<C> = (word, _config, into) => {
    if (word.length < 4) return into ?? NO_PARSES;
    const capitalised = isCapitalised(word);
    word = lowerCase(word);
    const reject = UNPRODUCTIVE | (capitalised ? 0 : CAPITALISED);
    const n = word.length;
    const out = into ?? [];
    let minlen = 1;
    used.clear();
    for (let i = 0; i < AZ_PREFIXES.length; i++) {
      const prefix = AZ_PREFIXES[i];
      if (prefix.length && !word.startsWith(prefix)) continue;
      const table = suffixTables[i];
      const baseLength = n - prefix.length;
      for (let len = 5; len >= minlen; len--) {
        if (len >= baseLength) continue;
        const found = searchExact(table, word.substr(n - len), replace, 0);
        const first = out.length;
        let max = 1;
        for (let r = 0; r < found; r++) {
          const index = table.followByte(SEPARATOR, foundAt(r));
          if (index === MISSING) continue;
          const count = readPayloads(table, index, 3);
          const pay = payloads();
          // The guessed form is the word with the suffix found (ё where it has е), as az spells it.
          let replaced = -1;
          let form = '';
          for (let k = 0; k < count; k++) {
            const times = pay[3 * k];
            const paradigmIdx = pay[3 * k + 1];
            const formIdx = pay[3 * k + 2];
            const f = rejected(paradigmIdx, formIdx, reject);
            if (f > 0) continue;
            if (replaced < 0) {
              replaced = replacedTail(r, len);
              form = replaced === 0 ? word : word.slice(0, n - len) + keyOf(r);
            }
            if (f < 0 && !keeps(new DictionaryParse(form, paradigmIdx, formIdx).tag, reject)) continue;
            // az dedupes by `form:paradigm:form number`; the form differs from the word only in
            // which of its last `len` (≤ 5) letters turned е → ё, so the number says the same.
            if (!used.add(paradigmIdx * 32 + replaced, formIdx)) continue;
            max = Math.max(max, times);
            const p = new DictionaryParse(form, paradigmIdx, formIdx);
            p.score = times * SUFFIX_WEIGHTS[len];
            out.push(p);
          }
        }
        if (out.length > first) {
          for (let j = first; j < out.length; j++) out[j].score /= max;
          // Check also suffixes 1 letter shorter (az's comment): a later, shorter suffix only.
          minlen = Math.max(len - 1, 1);
        }
      }
    }
    return out;
  };

  /** A hyphen parser: no answer for a word without a hyphen (all of az's need one), else az's. */
  const hyphenated = (own: ParserFn<C>): ParserFn<C> => (word, cfg, into) => (word.indexOf('-') < 0 ? into ?? NO_PARSES : own(word, cfg));

  const parsers: Record<string, ParserFn<C>> = {
    Dictionary: dictionary,
    PrefixKnown: prefixKnown,
    PrefixUnknown: prefixUnknown,
    SuffixKnown: suffixKnown,
  };
  for (const name of ['HyphenParticle', 'HyphenAdverb', 'HyphenWords']) {
    if (typeof others[name] === 'function') parsers[name] = hyphenated(others[name]);
  }
  return parsers;
}

/**
 * A test of whether az's Dictionary parser, with these settings, can read `word` (lower case) at
 * all, whatever its case setting: false when no key its search reaches (е as ё, doubled letters
 * as one) has readings, so asking az again with `ignoreCase` would find nothing. Null for the
 * settings the exact search does not take (typos, longer replacements).
 * @example
 * dictionaryProbe(words, defaults)?.('бздынь'); // false
 */
export function dictionaryProbe(words: PayloadDawg, config: ParserConfig): ((word: string) => boolean) | null {
  const search = exactSearch(config);
  if (search === null) return null;
  const { replace, stutter } = search;
  return (word) => {
    const found = searchExact(words, word, replace, stutter);
    for (let r = 0; r < found; r++) if (words.followByte(SEPARATOR, foundAt(r)) !== MISSING) return true;
    return false;
  };
}

/**
 * The settings of the exact search (searchExact) for az's parser settings: the one-letter
 * replacements as codes and the stutter count; null with typos or a longer replacement, which the
 * exact search does not take.
 */
function exactSearch(config: ParserConfig): { replace: Map<number, number> | undefined; stutter: number } | null {
  const replace = config.replacements ? codesOf(config.replacements) : undefined;
  if (config.typos || (config.replacements && replace === undefined)) return null;
  return { replace, stutter: config.stutter || 0 };
}

/** az's test of a capitalised word (its parsers' `isCapitalized`, with ignoreCase off). */
function isCapitalised(word: string): boolean {
  return word.length > 0 && lowerCaseChanges(word.charCodeAt(0)) && word.substr(1).toLocaleUpperCase() !== word.substr(1);
}

// Whether toLocaleLowerCase changes a one-code-unit string, by code unit: 0 not asked yet, 1 no, 2 yes.
const lowerChanges = new Uint8Array(0x10000);

/** `String.fromCharCode(c).toLocaleLowerCase() !== String.fromCharCode(c)`, asked once per code unit. */
function lowerCaseChanges(c: number): boolean {
  let v = lowerChanges[c];
  if (v === 0) {
    const s = String.fromCharCode(c);
    v = s.toLocaleLowerCase() !== s ? 2 : 1;
    lowerChanges[c] = v;
  }
  return v === 2;
}

// The last word lower-cased (az's parsers each lower-case the word they are given: the same one).
let lastWord = '';
let lastLower = '';

/**
 * `word.toLocaleLowerCase()`, without the call where nothing would change: a word whose every
 * code unit is one that lower-casing leaves as it is (and no surrogate, whose pairs case-map
 * together). Lower-casing depends on context only around letters that lower-casing changes (final
 * sigma, Turkish and Lithuanian dotted i), so such a word is its own lower case.
 */
function lowerCase(word: string): string {
  if (word === lastWord) return lastLower;
  let lower = word;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (lowerCaseChanges(c) || (c >= 0xd800 && c <= 0xdfff)) {
      lower = word.toLocaleLowerCase();
      break;
    }
  }
  lastWord = word;
  lastLower = lower;
  return lower;
}

/**
 * The suffix guesses a SuffixKnown call has taken, as (paradigm × 32 + е→ё letters, form)
 * pairs: a hash table with linear probing, emptied per call by a stamp.
 */
class ReadingSet {
  private size = 256;
  private a = new Int32Array(this.size);
  private b = new Int32Array(this.size);
  private stamp = new Int32Array(this.size);
  private now = 1;
  private count = 0;

  clear(): void {
    if (this.now === 0x7fffffff) {
      this.stamp.fill(0);
      this.now = 0;
    }
    this.now++;
    this.count = 0;
  }

  /** Adds a pair; false when it was there already. */
  add(a: number, b: number): boolean {
    if (2 * (this.count + 1) > this.size) this.grow();
    const mask = this.size - 1;
    let i = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
    i = (i ^ (i >>> 15)) & mask;
    while (this.stamp[i] === this.now) {
      if (this.a[i] === a && this.b[i] === b) return false;
      i = (i + 1) & mask;
    }
    this.stamp[i] = this.now;
    this.a[i] = a;
    this.b[i] = b;
    this.count++;
    return true;
  }

  private grow(): void {
    const { a, b, stamp, now } = this;
    this.size *= 2;
    this.a = new Int32Array(this.size);
    this.b = new Int32Array(this.size);
    this.stamp = new Int32Array(this.size);
    this.now = 1;
    this.count = 0;
    for (let i = 0; i < stamp.length; i++) if (stamp[i] === now) this.add(a[i], b[i]);
  }
}

/** Whether a tag has none of the `reject` flags, asked of the tag itself. */
function keeps(tag: Az.Tag, reject: number): boolean {
  const t = tag as unknown as { isProductive(): boolean; isCapitalized(): unknown };
  if ((reject & UNPRODUCTIVE) !== 0 && !t.isProductive()) return false;
  return !((reject & CAPITALISED) !== 0 && t.isCapitalized());
}

/**
 * Where each paradigm starts in az's paradigm table and how long it is (two numbers per
 * paradigm), as az slices the table when it loads it.
 */
function paradigmSpans(list: Uint16Array): Int32Array {
  const count = list[0];
  const spans = new Int32Array(2 * count);
  let pos = 1;
  for (let i = 0; i < count; i++) {
    const size = list[pos++];
    spans[2 * i] = pos;
    spans[2 * i + 1] = Math.min(size, Math.max(list.length - pos, 0)); // subarray stops at the end
    pos += size;
  }
  return spans;
}
