import type Az from 'az';
import type { Morphology } from '../morph/morphology.js';
import { BoundedCache } from '../morph/cache.js';
import { normalWord } from '../morph/lemma.js';
import { lowerCode } from '../letters.js';
import { CASES, type Case, type Gender, caseOfTag, gendersOfTag, isPluralTag, posOfTag, tagHas, usableParses } from './grammar.js';

type Parse = Az.Parse;

// What the normaliser and the hygiene rules read of a word's parses, kept as a few small numbers.
// Most of it is read from the tags of the parses, which the morphology keeps for every form it
// has seen (shared lists: forms of one kind share one), so those facts are kept per tag list, a
// few thousand of them, and need no az run even when the parses have left their small cache.
// Whether a reading is the dictionary's or a guess is not in its tag: those facts ("known") are
// read from the parses, kept per form for the last 20 000 to 40 000 forms asked.

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
/** The first usable parse is a singular past-tense verb, masculine (заявил). */
export const PAST_MASCULINE = 128;
/** The first usable parse is a singular past-tense verb, feminine (заявила). */
export const PAST_FEMININE = 256;
/** Some usable parse is a singular past-tense verb. */
export const SOME_PAST_SINGULAR = 512;
/** The flags `tagFacts` gives: those read from the tags alone. */
export const TAG_FLAGS = FIRST_NOUN | FIRST_ADJECTIVE | NAME_OR_SURNAME | PAST_MASCULINE | PAST_FEMININE | SOME_PAST_SINGULAR;

/** The parts of speech that agree with a noun as its adjective (full adjectives and participles). */
export const ADJ_POS: ReadonlySet<string> = new Set(['ADJF', 'PRTF']);
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
function adjectiveKeys(t: Az.Tag, c: Case): number {
  if (isPluralTag(t)) return agreementKey(c, true, undefined);
  let keys = agreementKey(c, false, undefined);
  const genders = gendersOfTag(t); // an indexed loop: see factsOfTags
  for (let k = 0; k < genders.length; k++) keys |= agreementKey(c, false, genders[k]);
  return keys;
}

const cacheOf = new WeakMap<Morphology, BoundedCache<WordFacts>>();
const FACTS_LIMIT = 20_000;

/**
 * All the facts of a word form, from its usable parses (typo corrections dropped); cached per
 * form. Needs the parses (az again for a form whose parses left their cache): for the flags
 * `tagFacts` gives, ask that.
 *
 * @example
 * (wordFacts(morphology, 'стол').flags & ANY_KNOWN) !== 0; // true
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

// Per tag list (the morphology shares one list between the forms of one kind): the facts of a
// form whose parses are all usable. Weak: a list the morphology drops takes its entry with it.
const byTags = new WeakMap<readonly Az.Tag[], WordFacts>();

/**
 * The facts of a word form that its tags give (the TAG_FLAGS flags, the agreement and apposition
 * masks), without its parses for nearly every form: those of a form whose parses are all usable
 * are shared by its tag list; a form az may have read with a stutter corrected (see
 * `mayStutter`) is checked once, and one that az did read so gets its `wordFacts` (other flags
 * set too).
 *
 * @example
 * (tagFacts(morphology, 'комиссией').flags & FIRST_NOUN) !== 0; // true
 */
export function tagFacts(morphology: Morphology, form: string): WordFacts {
  return usableFacts(morphology, form, listFacts(morphology, form));
}

/**
 * The gender of the form's first usable parse when that is a singular past-tense verb (заявила →
 * 'femn'); undefined for any other (a neuter one too).
 *
 * @example
 * pastSingularGender(morphology, 'заявила'); // 'femn'
 */
export function pastSingularGender(morphology: Morphology, form: string): Gender | undefined {
  const all = listFacts(morphology, form);
  // No reading at all is one (most forms): no need to know which readings are usable.
  if ((all.flags & SOME_PAST_SINGULAR) === 0) return undefined;
  const flags = usableFacts(morphology, form, all).flags;
  return (flags & PAST_MASCULINE) !== 0 ? 'masc' : (flags & PAST_FEMININE) !== 0 ? 'femn' : undefined;
}

/** The facts of all the form's parses, as if all were usable: those of its tag list. */
function listFacts(morphology: Morphology, form: string): WordFacts {
  const tags = morphology.tags(form);
  let facts = byTags.get(tags);
  if (facts === undefined) byTags.set(tags, (facts = factsOfTags(tags)));
  return facts;
}

/** `all` (the form's `listFacts`) when all its parses are usable, else the facts of those that are. */
function usableFacts(morphology: Morphology, form: string, all: WordFacts): WordFacts {
  return mayStutter(form) && !allUsable(morphology, form) ? wordFacts(morphology, form) : all;
}

/**
 * False when az cannot have read the form with a stutter corrected: it reads a doubled letter
 * (гоол) or one repeated after a hyphen (д-да) as one, and nothing else; typo corrections are
 * off in its default settings. Such a form's parses are all usable (`usableParses`).
 *
 * @example
 * mayStutter('Путина'); // false
 * mayStutter('Россия'); // true
 */
export function mayStutter(form: string): boolean {
  let prev = -1;
  let beforePrev = -1;
  for (let k = 0; k < form.length; k++) {
    const c = lowerCode(form.charCodeAt(k));
    if (c < 0) return true; // another script, or a stress mark az never sees: not ruled out here
    if (c === prev || (prev === HYPHEN && c === beforePrev)) return true;
    beforePrev = prev;
    prev = c;
  }
  return false;
}

const HYPHEN = 0x2d;

// Per form that may stutter: 1 when all its parses are usable, 0 when not.
const usableOf = new WeakMap<Morphology, BoundedCache<number>>();

function allUsable(morphology: Morphology, form: string): boolean {
  let cache = usableOf.get(morphology);
  if (cache === undefined) usableOf.set(morphology, (cache = new BoundedCache(FACTS_LIMIT)));
  let v = cache.get(form);
  if (v === undefined) {
    const all = morphology.parses(form);
    v = usableParses(all) === all ? 1 : 0;
    cache.set(form, v);
  }
  return v === 1;
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

/**
 * Whether the dictionary (not az's guess) reads the form with one of the grammemes `gs`: the
 * form's cached tags are asked first, so most words are answered without their parses (which az
 * may have to make again).
 *
 * @example
 * knownAs(morphology, 'Елена', ['Name']);                // true
 * knownAs(morphology, 'Алеппо', ['Name', 'Surn', 'Patr']); // false: only guessed as a name
 */
export function knownAs(morphology: Morphology, form: string, gs: readonly string[]): boolean {
  let some = false;
  for (const t of morphology.tags(form)) if (tagHasOne(t, gs)) { some = true; break; }
  if (!some) return false;
  for (const p of morphology.parses(form)) if (isKnown(p) && tagHasOne(p.tag, gs)) return true;
  return false;
}

function tagHasOne(t: Az.Tag, gs: readonly string[]): boolean {
  for (const g of gs) if (tagHas(t, g)) return true;
  return false;
}

/** The facts of the usable parses `ps` of a form: those of their tags, and those of the dictionary's readings. */
function factsOf(form: string, ps: readonly Parse[]): WordFacts {
  const tags: Az.Tag[] = [];
  // Indexed loops: see factsOfTags.
  for (let i = 0; i < ps.length; i++) tags.push(ps[i].tag);
  const facts = factsOfTags(tags);
  let flags = facts.flags;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (!isKnown(p)) continue;
    const t = p.tag;
    flags |= ANY_KNOWN;
    if (tagHas(t, 'Name') || tagHas(t, 'Surn') || tagHas(t, 'Patr') || tagHas(t, 'Geox') || tagHas(t, 'Orgn')) flags |= KNOWN_NAMED;
    if (tagHas(t, 'Surn') && !isPluralTag(t) && caseOfTag(t) === 'nomn') flags |= KNOWN_SURNAME_NOMINATIVE;
  }
  if (form.includes('-') && knownAsWhole(form, ps)) flags |= KNOWN_WHOLE;
  facts.flags = flags;
  return facts;
}

/** The TAG_FLAGS flags and the masks of the tags of a form's usable parses, in their order. */
function factsOfTags(tags: readonly Az.Tag[]): WordFacts {
  let flags = 0;
  let adjectives = 0;
  let anyAdjectives = 0;
  let heads = 0;
  let animate = 0;
  const first = tags.length > 0 ? tags[0] : undefined;
  const firstPos = first !== undefined ? posOfTag(first) : undefined;
  if (firstPos === 'NOUN') flags |= FIRST_NOUN;
  if (ADJ_POS.has(firstPos ?? '')) flags |= FIRST_ADJECTIVE;
  if (first !== undefined && firstPos === 'VERB' && tagHas(first, 'past') && !isPluralTag(first)) {
    const g = gendersOfTag(first)[0];
    if (g === 'masc') flags |= PAST_MASCULINE;
    else if (g === 'femn') flags |= PAST_FEMININE;
  }
  // Indexed loops, not for…of: the tag and gender lists are shared frozen arrays, over which V8's
  // for…of allocates an iterator result per item even in optimised code.
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const pos = posOfTag(t);
    const c = caseOfTag(t);
    if (tagHas(t, 'Surn') || tagHas(t, 'Name')) flags |= NAME_OR_SURNAME;
    if (pos === 'VERB' && tagHas(t, 'past') && !isPluralTag(t)) flags |= SOME_PAST_SINGULAR;
    if (c === undefined) continue;
    if (ADJ_POS.has(pos ?? '')) {
      const keys = adjectiveKeys(t, c);
      anyAdjectives |= keys;
      if (!tagHas(t, 'Fixd')) adjectives |= keys;
      heads |= agreementKey(c, isPluralTag(t), undefined);
    } else if (pos === 'NOUN') {
      heads |= agreementKey(c, isPluralTag(t), gendersOfTag(t)[0]);
      // Not an abbreviation's reading: az reads the conjunction и also as и. о. (исполняющий
      // обязанности), which made every name after и an apposition of a man's, in every case.
      if (tagHas(t, 'anim') && !isPluralTag(t) && !tagHas(t, 'Abbr')) {
        const genders = gendersOfTag(t);
        for (let k = 0; k < genders.length; k++) animate |= 1 << genderCaseSlot(genders[k], c);
      }
    }
  }
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
    const t = p.tag;
    if (p.score > 0 && (tagHas(t, 'Name') || tagHas(t, 'Surn') || tagHas(t, 'Geox') || tagHas(t, 'Orgn'))) {
      const lemma = normalWord(p);
      if (typeof lemma === 'string' && lemma.split('-')[0] === word.toLowerCase().split('-')[0]) return true;
    }
  }
  return false;
}
