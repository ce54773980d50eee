import { CASE, type CaseName } from './candidate.js';
import { readRows } from '../data-file.js';

/**
 * Weights of the context rules (context.ts), added to a candidate's log-probability. Each rule
 * reads at most a few neighbouring tokens, so choosing parses stays linear in sentence length.
 */
export const WEIGHTS = {
  /** A capitalised word inside a sentence: its Name/Surn/Patr/Geox/Orgn readings. */
  capProper: 1.5,
  /** … the same for readings az guessed from the suffix of a word it does not know (weaker evidence). */
  capProperGuess: 0.5,
  /** A capitalised word opening a sentence (or a quote): proper readings, slightly. */
  capInitialProper: 0.3,
  /** A capitalised word inside a sentence: readings that are neither proper nor nouns. */
  capCommon: -0.7,
  /** … and, for a word the dictionary lacks, guesses that are neither names nor nouns (Тезей is not a comparative). */
  capGuessNotNoun: -2.0,
  /** Names, surnames, patronymics and capitalised words the dictionary lacks, in the plural: rare (Алматы is a city, not Алматы pl.). */
  properPlural: -3.5,
  /** After a preposition (maybe past modifiers): a case form in a case it governs … */
  prepCase: 1.5,
  /** … in a case it does not govern … */
  prepWrongCase: -1.5,
  /** … and, right after it, a reading with no case at all ('из стали' is steel, not 'стать'). */
  prepNoCase: -6,
  /** в/на/из + capitalised word: a place … */
  placeAfterPrep: 1.5,
  /** … rather than a person ('в Астане' is not the locative of the name Астан). */
  personAfterPlacePrep: -1.5,
  /** An adjective or participle and the next word agreeing in case, number and gender (both readings gain). */
  agreement: 2.0,
  /** A first name and a surname or patronymic next to it agreeing in case and gender ('Илона Маска'). */
  nameChain: 2.5,
  /** A personal pronoun and the verb after it agreeing in person and number ('я мою', 'она сказала'). */
  pronounVerb: 3.5,
  /** A short adjective where the same form is also a verb form or short participle (стояла, открыт). */
  shortAdjective: -1.0,
  /**
   * A word of prepositions.tsv: its noun readings, where az has no frequencies to tell (`перед`
   * is rarely the noun `перёд`, which az lists first). A tie-break, not evidence; a preposition
   * that is also an adverb (`вокруг`, `вдоль`) keeps az's order, which the NER tagger learnt.
   */
  nounOfPreposition: -0.5,
  /** A substantivised adjective (NOUN) where the form is also an adjective: the adjective, unless context says. */
  adjectivalNoun: -1.0,
  /** How far (in log-probability) below a neighbour's best a reading may be and still count for agreement. */
  margin: 2.5,
} as const;

/** A preposition's governed cases as CASE bits, and whether a capitalised word after it is likely a place. */
export interface Government { cases: number; place: boolean }

let prepositions: Map<string, Government> | undefined;

/** prepositions.tsv, read once: lower-case preposition → what it governs. */
export function governments(): Map<string, Government> {
  if (prepositions === undefined) {
    prepositions = new Map();
    for (const [word, cases, flag] of readRows(new URL('./prepositions.tsv', import.meta.url))) {
      let bits = 0;
      for (const c of cases.split(',')) bits |= CASE[c as CaseName] ?? 0;
      prepositions.set(word, { cases: bits, place: flag === 'place' });
    }
  }
  return prepositions;
}

/** Personal pronouns: person, number (1 sing, 2 plur) and, for past-tense agreement, gender (0 any). */
export const PRONOUNS: ReadonlyMap<string, { per: number; num: number; gen: number }> = new Map([
  ['я', { per: 1, num: 1, gen: 0 }],
  ['ты', { per: 2, num: 1, gen: 0 }],
  ['он', { per: 3, num: 1, gen: 1 }],
  ['она', { per: 3, num: 1, gen: 2 }],
  ['оно', { per: 3, num: 1, gen: 3 }],
  ['мы', { per: 1, num: 2, gen: 0 }],
  ['вы', { per: 2, num: 2, gen: 0 }],
  ['они', { per: 3, num: 2, gen: 0 }],
]);
