import type Az from 'az';
import type { Morphology } from '../morph/morphology.js';
import { BoundedCache } from '../morph/cache.js';
import { CASES, type Case, type Gender, caseOf, gendersOf, hasGrammeme, isPlural, usableParses } from './grammar.js';

type Parse = Az.Parse;

// What the normaliser and the hygiene rules read of a word's parses, kept per form as a few small
// numbers. The parses themselves are bulky, so the morphology keeps them for a few thousand forms
// only, and a name's neighbours asked again in a later article would send az over the word again;
// these facts stay for the last 50 000 to 100 000 forms asked, at a few dozen bytes each.

/**
 * The facts of one word form. `flags` holds the FACT_* bits; the three agreement masks hold
 * `agreementKey` bits (case × number × gender) and `animate` holds `genderCaseSlot` bits.
 */
export interface WordFacts {
  flags: number;
  /** Keys an adjective or participle reading with a case agrees with (Fixd readings left out). */
  adjectives: number;
  /** As `adjectives`, Fixd readings included. */
  anyAdjectives: number;
  /** Keys of the noun and adjective readings with a case, as the word after an adjective. */
  heads: number;
  /** (gender, case) slots of the singular animate noun readings: an apposition's (христианке Асии Биби). */
  animate: number;
}

/** The first usable parse is a noun. */
export const FIRST_NOUN = 1;
/** The first usable parse is an adjective or participle (ADJF, PRTF). */
export const FIRST_ADJECTIVE = 2;
/** Some usable parse is the dictionary's (or the override lexicon's), no guess by suffix. */
export const ANY_KNOWN = 4;
/** Some known parse is a first name, surname, patronymic, place or organisation. */
export const KNOWN_NAMED = 8;
/** Some known parse is a surname in the nominative singular. */
export const KNOWN_SURNAME_NOMINATIVE = 16;
/** Some usable parse is a first name or a surname. */
export const NAME_OR_SURNAME = 32;
/** A hyphenated word the dictionary knows whole as a name, place or organisation (see `knownAsWhole`). */
export const KNOWN_WHOLE = 64;

const ADJ_POS = new Set(['ADJF', 'PRTF']);
const GENDER_INDEX: Record<Gender, number> = { masc: 0, femn: 1, neut: 2 };
const CASE_INDEX = new Map<Case, number>(CASES.map((c, k) => [c, k]));

/**
 * The (gender, case) pair as a small number, 0‥17; masculine and feminine (a person's) are 0‥11.
 *
 * @example
 * genderCaseSlot('femn', 'gent'); // 7
 */
export function genderCaseSlot(g: Gender, c: Case): number {
  return GENDER_INDEX[g] * CASES.length + CASE_INDEX.get(c)!;
}

/**
 * The bit of a (case, number, gender) reading in the agreement masks: an adjective agrees with a
 * noun of its case and number and, in the singular, of one of its genders; `gender` undefined
 * (a noun without gender, or an adjective as the head) agrees with any singular adjective of the case.
 *
 * @example
 * (facts.adjectives & agreementKey('gent', false, 'femn')) !== 0; // Европейской agrees with комиссии
 */
export function agreementKey(c: Case, plural: boolean, gender: Gender | undefined): number {
  return 1 << agreementIndex(c, plural, gender);
}

/**
 * The bit number of `agreementKey`, 0‥29.
 *
 * @example
 * agreementIndex('nomn', true, undefined); // 0
 */
export function agreementIndex(c: Case, plural: boolean, gender: Gender | undefined): number {
  const sub = plural ? 0 : gender === undefined ? 1 : 2 + GENDER_INDEX[gender];
  return CASE_INDEX.get(c)! * 5 + sub;
}

/** One more than the largest `agreementIndex`. */
export const AGREEMENT_KEYS = 30;

/** The keys an adjective reading agrees with: its case in its number, and in the singular any gender it has. */
function adjectiveKeys(p: Parse, c: Case): number {
  if (isPlural(p)) return agreementKey(c, true, undefined);
  let keys = agreementKey(c, false, undefined);
  for (const g of gendersOf(p)) keys |= agreementKey(c, false, g);
  return keys;
}

const cacheOf = new WeakMap<Morphology, BoundedCache<WordFacts>>();
const FACTS_LIMIT = 50_000;

/**
 * The facts of a word form, from its usable parses (typo corrections dropped); cached per form.
 *
 * @example
 * (wordFacts(morphology, 'комиссией').flags & FIRST_NOUN) !== 0; // true
 */
export function wordFacts(morphology: Morphology, form: string): WordFacts {
  let cache = cacheOf.get(morphology);
  if (cache === undefined) cacheOf.set(morphology, (cache = new BoundedCache(FACTS_LIMIT)));
  let facts = cache.get(form);
  if (facts === undefined) {
    facts = factsOf(form, usableParses(morphology.parses(form)));
    cache.set(form, facts);
  }
  return facts;
}

/**
 * True for a dictionary (or override-lexicon) parse, false for az's guesses by suffix or prefix.
 *
 * @example
 * isKnown(morphology.parses('Казахстане')[0]); // true: a dictionary word
 */
export function isKnown(p: Parse): boolean {
  const parser = (p as { parser?: string }).parser;
  return parser === undefined || parser === 'Dictionary' || parser === 'Override' || parser === 'PrefixKnown';
}

function factsOf(form: string, ps: readonly Parse[]): WordFacts {
  let flags = 0;
  let adjectives = 0;
  let anyAdjectives = 0;
  let heads = 0;
  let animate = 0;
  const firstPos = ps[0]?.tag.POS;
  if (firstPos === 'NOUN') flags |= FIRST_NOUN;
  if (ADJ_POS.has(firstPos ?? '')) flags |= FIRST_ADJECTIVE;
  for (const p of ps) {
    const pos = p.tag.POS;
    const c = caseOf(p);
    const known = isKnown(p);
    if (known) {
      flags |= ANY_KNOWN;
      if (hasGrammeme(p, 'Name') || hasGrammeme(p, 'Surn') || hasGrammeme(p, 'Patr') || hasGrammeme(p, 'Geox') || hasGrammeme(p, 'Orgn')) flags |= KNOWN_NAMED;
      if (hasGrammeme(p, 'Surn') && !isPlural(p) && c === 'nomn') flags |= KNOWN_SURNAME_NOMINATIVE;
    }
    if (hasGrammeme(p, 'Surn') || hasGrammeme(p, 'Name')) flags |= NAME_OR_SURNAME;
    if (c === undefined) continue;
    if (ADJ_POS.has(pos ?? '')) {
      const keys = adjectiveKeys(p, c);
      anyAdjectives |= keys;
      if (!hasGrammeme(p, 'Fixd')) adjectives |= keys;
      heads |= agreementKey(c, isPlural(p), undefined);
    } else if (pos === 'NOUN') {
      heads |= agreementKey(c, isPlural(p), gendersOf(p)[0]);
      if (hasGrammeme(p, 'anim') && !isPlural(p)) for (const g of gendersOf(p)) animate |= 1 << genderCaseSlot(g, c);
    }
  }
  if (form.includes('-') && knownAsWhole(form, ps)) flags |= KNOWN_WHOLE;
  return { flags, adjectives, anyAdjectives, heads, animate };
}

/**
 * A hyphenated word the dictionary knows whole as a name, place or organisation. az also "knows"
 * unknown hyphenated words by analogy with their last part; only a whole-word parse whose first
 * part is kept in the lemma counts.
 */
function knownAsWhole(word: string, ps: readonly Parse[]): boolean {
  for (const p of ps) {
    // A guess by suffix (Азию-Биби as a fixed name, or as the genitive of Азию-Бибя) says nothing about the whole.
    if (!isKnown(p)) continue;
    if (p.score > 0 && (hasGrammeme(p, 'Name') || hasGrammeme(p, 'Surn') || hasGrammeme(p, 'Geox') || hasGrammeme(p, 'Orgn'))) {
      const lemma = p.normalize()?.word;
      if (typeof lemma === 'string' && lemma.split('-')[0] === word.toLowerCase().split('-')[0]) return true;
    }
  }
  return false;
}
