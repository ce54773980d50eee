/**
 * az's `Morph(word)` with its default settings, driven here rather than by az's own loop.
 *
 * For every new word form az's driver rebuilds the list of its fifteen parsers (a string slice per
 * optional one, an array concatenation per parser), looks each dictionary reading's probability
 * up by a key built as `word + ':' + tag`, and sorts with a comparator call per comparison. Here
 * the parser list is resolved once, with rutext's versions of the costly parsers in place of
 * az's (az-parsers.ts), readings are collected in one array, the probability key is walked
 * without building it (az-probability.ts), and a short list is sorted by insertion. The parses,
 * their order, scores, normalisation and objects are az's: test/az-parsers.test.ts and
 * test/morph.test.ts compare the two on real and made-up words.
 */
import type Az from 'az';
import { type IntDawg, ReadingProbabilities } from './az-probability.js';
import { freshList } from '../fresh-list.js';
import { type AzDictionaries, type ParserConfig, type ParserFn as AnyParserFn, fastParsers } from './az-parsers.js';

type Parse = Az.Parse & { parser?: string };
type ParserFn = AnyParserFn<AzConfig>;

/** The settings az passes its parsers (its `defaults`). */
export interface AzConfig extends ParserConfig { parsers: string[]; normalizeScore?: boolean; forceParse?: boolean }

interface Step { name: string; terminal: boolean; run: ParserFn }

/**
 * A parse function equal to `Az.Morph(word)` with az's defaults, as they are when this is called
 * (a later `Az.Morph.setDefaults` is not seen: rutext never calls it).
 * @param morph az's Morph, initialised.
 * @param probabilities az's p_t_given_w table (the one Morph scores dictionary readings with).
 * @param dictionaries az's graphs and tables, for rutext's versions of its costlier parsers
 *   (az-parsers.ts); without them az's own parsers run.
 * @param config az's defaults object (azDefaults(morph)).
 * @example
 * const parse = defaultParser(Az.Morph, probabilities, dictionaries);
 * parse('стали').map((p) => p.tag.toString()); // as Az.Morph('стали')
 */
export function defaultParser(morph: Az.MorphFn, probabilities: IntDawg, dictionaries?: AzDictionaries, config: AzConfig = azDefaults(morph)): (word: string) => Parse[] {
  const parsers = (morph as unknown as { Parsers: Record<string, ParserFn> }).Parsers;
  const own = dictionaries ? fastParsers(dictionaries, parsers, config) : null;
  const steps: Step[] = [];
  for (const entry of config.parsers) {
    const terminal = !entry.endsWith('?');
    const name = terminal ? entry : entry.slice(0, -1);
    // az skips (with a warning) a parser name it does not know; it is skipped here too.
    if (name in parsers) steps.push({ name, terminal, run: own?.[name] ?? parsers[name] });
  }

  const table = new ReadingProbabilities(probabilities);

  return (word: string): Parse[] => {
    // Not a literal: see fresh-list.ts (a pretenured list would drag its parses into the old generation).
    const parses = freshList<Parse>();
    let matched = false;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s];
      const first = parses.length;
      // rutext's parsers append to `parses` (and return it); az's return a list of their own.
      const found = step.run(word, config, parses);
      if (found !== parses) for (let i = 0; i < found.length; i++) parses.push(found[i]);
      for (let i = first; i < parses.length; i++) {
        const v = parses[i];
        v.parser = step.name;
        if (!v.stutterCnt && !v.typosCnt) matched = true;
      }
      if (matched && step.terminal) break;
    }
    if (parses.length === 0 && config.forceParse) return morph(word);
    let total = 0;
    for (const p of parses) {
      if (p.parser !== 'Dictionary') continue;
      const value = table.of(p);
      // A reading the table lacks keeps the score its parser gave (as in az).
      if (value !== undefined) {
        p.score = (value / 1000000) * dictionaryScore(p.stutterCnt, p.typosCnt);
        total += p.score;
      }
    }
    if (config.normalizeScore) {
      if (total > 0) for (const p of parses) if (p.parser === 'Dictionary') p.score /= total;
      total = 0;
      for (const p of parses) if (p.parser !== 'Dictionary') total += p.score;
      if (total > 0) for (const p of parses) if (p.parser !== 'Dictionary') p.score /= total;
    }
    sortByScore(parses);
    return parses;
  };
}

/** Longest list sorted by insertion here; a longer one goes to Array.prototype.sort. */
const INSERTION_MAX = 32;

/**
 * az's `parses.sort((a, b) => b.score - a.score)`: highest score first, ties in their order (the
 * built-in sort is stable, so for finite scores its order is the only one). A short list is sorted
 * by insertion, without the built-in's comparator calls; a long one, or one with a score that is
 * not finite (where the comparator is not a consistent order), by the built-in with az's comparator.
 */
function sortByScore(parses: Parse[]): void {
  const n = parses.length;
  if (n > INSERTION_MAX || !parses.every((p) => Number.isFinite(p.score))) {
    parses.sort((a, b) => b.score - a.score);
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = parses[i];
    const score = x.score;
    let j = i - 1;
    while (j >= 0 && parses[j].score < score) {
      parses[j + 1] = parses[j];
      j--;
    }
    parses[j + 1] = x;
  }
}

/** az's weight of a dictionary reading that fixed stutters or typos (1 for a clean one). */
function dictionaryScore(stutterCnt: number, typosCnt: number): number {
  return Math.pow(0.3, Math.min(stutterCnt, 1) + typosCnt);
}

/**
 * az's own defaults object, as its parsers receive it: caught by asking az for one word with the
 * Dictionary parser wrapped for that call only.
 * @example
 * azDefaults(Az.Morph).stutter; // Infinity
 */
export function azDefaults(morph: Az.MorphFn): AzConfig {
  const parsers = (morph as unknown as { Parsers: Record<string, ParserFn> }).Parsers;
  const dictionary = parsers.Dictionary;
  let seen: AzConfig | undefined;
  parsers.Dictionary = (word, config) => { seen ??= config; return dictionary(word, config); };
  try {
    morph('слово');
  } finally {
    parsers.Dictionary = dictionary;
  }
  if (seen === undefined || !Array.isArray(seen.parsers)) throw new Error('az: could not read its default settings');
  return seen;
}
