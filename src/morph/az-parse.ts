/**
 * az's `Morph(word)` with its default settings, driven here rather than by az's own loop.
 *
 * For every new word form az's driver rebuilds the list of its fifteen parsers (a string slice per
 * optional one, an array concatenation per parser) and looks each dictionary reading's probability
 * up by a key built as `word + ':' + tag`. Here the parser list is resolved once, readings are
 * collected in one array, and the probability key is walked in the graph in two parts, without
 * building it. The parsers themselves, the order, the scores, the normalisation and the sort are
 * az's: test/morph.test.ts compares the two on real and made-up words.
 */
import type Az from 'az';
import { followString } from './az-lookup.js';

type Parse = Az.Parse & { parser?: string };
type ParserFn = (word: string, config: AzConfig) => Parse[];

/** The settings az passes its parsers (its `defaults`). */
interface AzConfig { parsers: string[]; normalizeScore?: boolean; forceParse?: boolean }

/** The part of az's DAWG of probabilities read here (its 'int' format: a value per key). */
export interface IntDawg {
  followByte(c: number, index: number): number;
  hasValue(index: number): boolean;
  value(index: number): number;
}

interface Step { name: string; terminal: boolean; run: ParserFn }

const MISSING = -1;
const COLON = 0x3a;

/**
 * A parse function equal to `Az.Morph(word)` with az's defaults, as they are when this is called
 * (a later `Az.Morph.setDefaults` is not seen: rutext never calls it).
 * @param morph az's Morph, initialised.
 * @param probabilities az's p_t_given_w table (the one Morph scores dictionary readings with).
 * @example
 * const parse = defaultParser(Az.Morph, probabilities);
 * parse('стали').map((p) => p.tag.toString()); // as Az.Morph('стали')
 */
export function defaultParser(morph: Az.MorphFn, probabilities: IntDawg): (word: string) => Parse[] {
  const config = defaultsOf(morph);
  const parsers = (morph as unknown as { Parsers: Record<string, ParserFn> }).Parsers;
  const steps: Step[] = [];
  for (const entry of config.parsers) {
    const terminal = !entry.endsWith('?');
    const name = terminal ? entry : entry.slice(0, -1);
    // az skips (with a warning) a parser name it does not know; it is skipped here too.
    if (name in parsers) steps.push({ name, terminal, run: parsers[name] });
  }

  /** az's probability of a dictionary reading (`word:tag` in the table, in millionths), or undefined. */
  function probability(p: Parse): number | undefined {
    let index = followString(probabilities, p.toString(), 0);
    if (index === MISSING) return undefined;
    index = probabilities.followByte(COLON, index);
    if (index === MISSING) return undefined;
    index = followString(probabilities, p.tag.toString(), index);
    return index !== MISSING && probabilities.hasValue(index) ? probabilities.value(index) : undefined;
  }

  return (word: string): Parse[] => {
    const parses: Parse[] = [];
    let matched = false;
    for (const step of steps) {
      const found = step.run(word, config);
      for (const v of found) {
        v.parser = step.name;
        if (!v.stutterCnt && !v.typosCnt) matched = true;
        parses.push(v);
      }
      if (matched && step.terminal) break;
    }
    if (parses.length === 0 && config.forceParse) return morph(word);
    let total = 0;
    for (const p of parses) {
      if (p.parser !== 'Dictionary') continue;
      const value = probability(p);
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
    parses.sort((a, b) => b.score - a.score);
    return parses;
  };
}

/** az's weight of a dictionary reading that fixed stutters or typos (1 for a clean one). */
function dictionaryScore(stutterCnt: number, typosCnt: number): number {
  return Math.pow(0.3, Math.min(stutterCnt, 1) + typosCnt);
}

/**
 * az's own defaults object, as its parsers receive it: caught by asking az for one word with the
 * Dictionary parser wrapped for that call only.
 */
function defaultsOf(morph: Az.MorphFn): AzConfig {
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
