import type { Morphology } from '../morph/morphology.js';
import type { Case, Gender } from './grammar.js';
import { BoundedCache, detached } from '../morph/cache.js';
import { CASES, caseOf, gendersOf, hasGrammeme, isPlural, posOf, readTsv } from './grammar.js';
import { caseAllowed, casePenalty, documentVote, isKnown, type MentionContext, nominalForm, parses, type Unit } from './mentionContext.js';
import { ANY_KNOWN, genderCaseSlot, wordFacts } from './wordFacts.js';
import { familyPlural, mayBeFamilyPlural, writtenUnchanged } from './documentForms.js';
import { isEastAsianFamilyName, mayBeEastAsianPart, SYLLABLE_MAX, syllableCount } from './eastAsianNames.js';
import { isFemaleName } from './femaleNames.js';
import { guessNameNominative } from './nameEndings.js';
import { isSurnameParticle } from './nameParticles.js';
import { foldYo, startsUpper } from '../letters.js';

// Personal names: every (gender, case) reading of each part of the name is weighed — the
// dictionary's, a guess by ending for names it does not know, the word as written (a nominative
// or an indeclinable name) — and the parts must agree on one gender and case.

/** How far below the best a case may score and still be one a coordinated name may share. */
const CLOSE_CASE = 0.3;

/** Per case (CASES' order), the best score of a mention's readings: scratch, filled anew per mention. */
const caseScores = new Float64Array(CASES.length);
const ALL_CASES = (1 << CASES.length) - 1;

/**
 * The cases (bits in CASES' order) scoring within CLOSE_CASE of the best, for a name coordinated
 * with this one: a masculine genitive and accusative alike (Льва Ребета). 0 when all six do (an
 * indeclinable name with nothing to govern it: Франческо Тотти), which says nothing; a
 * preposition's case alone (с участием Арьена Роббена) says much.
 *
 * @example
 * likelyCases(Float64Array.of(0.2, 2.1, 0.2, 2.1, 0.2, -0.4), 2.1); // 0b1010: genitive, accusative
 */
export function likelyCases(scores: Float64Array, best: number): number {
  let mask = 0;
  let all = 0;
  for (let k = 0; k < scores.length; k++) {
    if (scores[k] === -Infinity) continue;
    all |= 1 << k;
    if (scores[k] >= best - CLOSE_CASE) mask |= 1 << k;
  }
  return all === ALL_CASES && mask === all ? 0 : mask;
}

/** A nominative's bonus for a word written as the subject of a verb of saying: more than a guessed genitive's lead (Марадон 0.6, Марадона 0.15). */
const SUBJECT_NOMINATIVE = 0.5;
/** The nominative's index in CASES: a slot's case is its index modulo CASES.length (see slotOf). */
const NOMINATIVE = CASES.indexOf('nomn');

/** The unit stands right after a surname particle of the name, in either letter case (Винсента ван | Гога, Ван | Гога). */
function afterParticle(units: Unit[], u: Unit): boolean {
  const k = units.indexOf(u);
  return k > 0 && isSurnameParticle(units[k - 1].text.toLowerCase());
}

/** Below a guess by ending (0.6) on its own, above it when the text writes the form (+0.4). */
const FLEETING_WEIGHT = 0.3;

let fleeting: { form: RegExp; cases: Map<string, Case[]> } | undefined;

/**
 * The oblique forms of a surname in -ок after a consonant, its о dropped (fleeting-o.tsv): a
 * pattern giving the stem before к and the ending, and the cases of each ending.
 */
function fleetingO(): { form: RegExp; cases: Map<string, Case[]> } {
  if (fleeting === undefined) {
    const cases = new Map<string, Case[]>();
    for (const [c, ending] of readTsv('fleeting-o.tsv')) {
      const list = cases.get(ending);
      if (list === undefined) cases.set(ending, [c as Case]);
      else list.push(c as Case);
    }
    fleeting = { form: new RegExp(`^(\\p{Lu}\\p{Ll}*[бвгджзлмнпрстфхцчшщ])к(${[...cases.keys()].join('|')})$`, 'u'), cases };
  }
  return fleeting;
}

/** The genders a person's name can have. */
export const PER_GENDERS: Gender[] = ['masc', 'femn'];

const NAME_TAGS = ['Name', 'Surn', 'Patr'];

/** A woman's form of a surname (Петрова, Галина, Чиповская): no man's nominative in the а-declension. */
const WOMANS_SURNAME = /(?:ова|ева|ёва|ина|ына|ая|яя)$/;
/**
 * Endings of the а-declension's oblique cases that a name as written rarely has: -ы after a
 * consonant (Дуды), -и after г, к, х and the hushing letters or in -ии (Балеги, Лурии), -у or -ю
 * after a consonant (Дзюбу; not Шоу), -ой/-ою (Дудой). Not -е, which Конте, Шойбле, Гессе end in,
 * nor -ей (Джей).
 */
const A_OBLIQUE = /(?:[бвгджзклмнпрстфхцчшщ]ы|[гкхжшчщ]и|ии|[бвгджзклмнпрстфхцчшщ][ую]|ой|ою)$/;
/** The endings of A_OBLIQUE no undeclined first name has either (Халифы, Джумой). */
const A_OBLIQUE_ANYWHERE = /(?:[бвгджзклмнпрстфхцчшщ]ы|ой|ою)$/;
/** Polish and Croatian -ски/-цки/-чки (Просинечки, Любецки) and Romanian -ску/-цку (Чаушеску, Луческу) do not decline. */
const UNDECLINED_ENDING = /(?:ски|цки|чки|ску|цку)$/;
/** Last letters (а я у ю ы и) of forms that some oblique case shares: `/[аяуюыи]$/`. */
const OBLIQUE_LAST = new Set([...'аяуюыи'].map((ch) => ch.charCodeAt(0)));

/** The (gender, case) pair as a small number, 0‥17; masculine and feminine (a person's) are 0‥11. */
const slotOf = genderCaseSlot;

/** Form and weight of a unit read as each (gender, case) slot; no form where it has no such reading. */
interface Readings { forms: Array<string | undefined>; weights: number[] }

// One pair of arrays per word and document: array literals of the slots' length (PERSON_SLOTS),
// cheaper to make than a typed array or a filled one.
const noForms = (): Array<string | undefined> => [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
const noWeights = (): number[] => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * The readings of a unit before the document is known (compact: a cache keeps one per word form),
 * as one flat array: first the word's ending class (ENDS_A … bits, for the readings of the
 * word as written, which `asWrittenWeight` works out when scoring), then a (form, code) pair per
 * other reading, where the code holds the reading's slot, its weight (an index into `WEIGHTS`)
 * and whether the text writing the form elsewhere should count (VOCAB: the form is its own key;
 * VOCAB_YO: the key is the form with ё folded).
 */
type RawReadings = Array<string | number>;

// The weights the readings take, each the very number `put` was given (so scores add up as before):
// a handful of values (1, 0.7, 0.6 …), far fewer than the 256 a code has room for.
const WEIGHTS: number[] = [];
const SLOT_BITS = 4;
const WEIGHT_SHIFT = SLOT_BITS;
const WEIGHT_MASK = 0xff;
const VOCAB = 1 << 12;
const VOCAB_YO = 1 << 13;
/** A reading that does not count in the last of several parts, a surname's place (Сергея Галина). */
const FIRST_NAME = 1 << 14;
/** The dictionary's man's first name and no surname (Гога): after a surname particle (Винсента ван Гога) no better than a guess. */
const GIVEN_ONLY = 1 << 15;
/** Read only in a surname's place (a man's reading of a word in the а-declension: Дуды). */
const SURNAME_ONLY = 1 << 16;
const GIVEN_AFTER_PARTICLE = 0.6;

// Where a unit stands in the name, which weighs its readings: a surname is the last of several
// parts; one after a surname particle (ван, де, фон) is surely a surname.
const OTHER_PLACE = 0, SURNAME = 1, AFTER_PARTICLE = 2;
type Place = typeof OTHER_PLACE | typeof SURNAME | typeof AFTER_PARTICLE;

function weightIndex(w: number): number {
  let k = WEIGHTS.indexOf(w);
  if (k < 0) { k = WEIGHTS.length; WEIGHTS.push(w); }
  return k;
}

// The ending classes of a word that the weights of its readings as written depend on.
const ENDS_A = 1, CONSONANT = 2, OBLIQUE_END = 4, FEM_OBLIQUE = 8, FEM_SURNAME = 16;

// Per morphology, by the word: the raw readings (they do not depend on where the word stands in the name).
const rawCache = new WeakMap<Morphology, BoundedCache<RawReadings>>();

// Words per cache generation (two are kept). An entry holds ~360 bytes; over RT_1 (9 941 distinct
// words asked) two generations of 5 000 miss 392 times more than an unbounded map, for 30 % less memory.
const RAW_CACHE_LIMIT = 5_000;

// The readings depend on the word and on document-wide evidence only (the vocabulary and counts,
// one pair per document): a name mentioned again in the same document reuses them. Keyed by the
// document's word counts, so they go with the document; one map by the word per `Place`.
const docReadings = new WeakMap<Map<string, number>, Array<Map<string, Readings>>>();

/** The document's readings (`docReadings`) by the word, one map per `Place`. */
function documentReadings(context: MentionContext): Array<Map<string, Readings>> {
  let perDoc = docReadings.get(context.counts);
  if (perDoc === undefined) docReadings.set(context.counts, (perDoc = [new Map(), new Map(), new Map()]));
  return perDoc;
}

function personReadings(u: Unit, place: Place, perDoc: Array<Map<string, Readings>>, context: MentionContext, morphology: Morphology): Readings {
  const byWord = perDoc[place];
  const done = byWord.get(u.text);
  if (done !== undefined) return done;
  const computed = scoredReadings(u, place, context, morphology);
  byWord.set(u.text, computed);
  return computed;
}

function scoredReadings(u: Unit, place: Place, context: MentionContext, morphology: Morphology): Readings {
  const surname = place !== OTHER_PLACE;
  const vocab = context.counts;
  let cache = rawCache.get(morphology);
  if (cache === undefined) rawCache.set(morphology, (cache = new BoundedCache(RAW_CACHE_LIMIT)));
  let raw = cache.get(u.text);
  if (raw === undefined) {
    raw = rawPersonReadings(u, morphology);
    cache.set(u.text, raw);
  }
  const out: Readings = { forms: noForms(), weights: noWeights() };
  // Written the same wherever it stands (Ватцке after a preposition and as a subject): it does not decline.
  const unchanged = writtenUnchanged(u.text, vocab);
  for (let k = 1; k < raw.length; k += 2) {
    const form = raw[k] as string;
    const code = raw[k + 1] as number;
    if (surname ? (code & FIRST_NAME) !== 0 : (code & SURNAME_ONLY) !== 0) continue;
    // A form the text itself writes elsewhere (Маск beside Маска) is the likelier nominative.
    let weight = WEIGHTS[(code >> WEIGHT_SHIFT) & WEIGHT_MASK];
    if (place === AFTER_PARTICLE && (code & GIVEN_ONLY) !== 0) weight = Math.min(weight, GIVEN_AFTER_PARTICLE);
    if ((code & VOCAB) !== 0 ? vocab.has(form) : (code & VOCAB_YO) !== 0 && vocab.has(foldYo(form))) weight += 0.4;
    if (unchanged && form === u.text) weight += 0.6;
    keep(out, code & ((1 << SLOT_BITS) - 1), form, weight);
  }
  // As written: a nominative, or a name that does not decline (Биби, Мэй, Меркель, Шевченко); the
  // more so as the subject of a verb of saying somewhere in the document (рассказал Диего Марадона).
  const weights = asWrittenWeights(raw[0] as number, surname);
  const subject = context.subjects.size > 0 && context.subjects.has(foldYo(u.text)) ? SUBJECT_NOMINATIVE : 0;
  for (let slot = 0; slot < PERSON_SLOTS; slot++) {
    keep(out, slot, u.text, (unchanged ? weights[slot] + 0.6 : weights[slot]) + (slot % CASES.length === NOMINATIVE ? subject : 0));
  }
  return out;
}

// Slots 0‥11 are (masc, nomn) ‥ (masc, loct), (femn, nomn) ‥ (femn, loct), the order `put` used.
const PERSON_SLOTS = PER_GENDERS.length * CASES.length;
// Per ending class and `surname`: the weights of the readings as written, by slot.
const writtenWeights: Array<Float64Array | undefined> = [];

function asWrittenWeights(cls: number, surname: boolean): Float64Array {
  const key = cls * 2 + (surname ? 1 : 0);
  let w = writtenWeights[key];
  if (w === undefined) {
    w = new Float64Array(PERSON_SLOTS);
    for (const g of PER_GENDERS) for (const c of CASES) w[slotOf(g, c)] = asWrittenWeight(cls, surname, g, c);
    writtenWeights[key] = w;
  }
  return w;
}

/** Keeps the reading in its slot when it is the first there or weighs more than the one kept. */
function keep(out: Readings, slot: number, form: string, weight: number): void {
  if (out.forms[slot] === undefined || out.weights[slot] < weight) { out.forms[slot] = form; out.weights[slot] = weight; }
}

/** The ending class of a word: the ENDS_A … FEM_SURNAME bits. */
function writtenClass(text: string): number {
  const lower = text.toLowerCase();
  const last = lower[lower.length - 1];
  let cls = 0;
  if (last === 'а' || last === 'я') cls |= ENDS_A;
  if (!'аеёиоуыэюя'.includes(last)) cls |= CONSONANT;
  // Names that do not decline end in и, о, е, э (Биби, Шевченко); у, ю, ы are mostly case endings.
  if (last === 'у' || last === 'ю' || last === 'ы' || lower.endsWith('ии')) cls |= OBLIQUE_END;
  // Футиной, Быковской: a woman's surname in an oblique case far more often than a man's in -ой.
  if (/(?:ов|ев|ин|ын|ск|цк)ой$/.test(lower)) cls |= FEM_OBLIQUE;
  if (WOMANS_SURNAME.test(lower)) cls |= FEM_SURNAME;
  return cls;
}

/** The weight of a word read as written in (g, c), by its ending class; `surname`: the last of several parts. */
function asWrittenWeight(cls: number, surname: boolean, g: Gender, c: Case): number {
  const endsA = (cls & ENDS_A) !== 0;
  const consonant = (cls & CONSONANT) !== 0;
  const obliqueEnd = (cls & OBLIQUE_END) !== 0;
  if (c === 'nomn') {
    if (g === 'masc') return (cls & FEM_OBLIQUE) !== 0 ? 0.2 : consonant ? 0.5 : endsA ? 0.15 : obliqueEnd ? 0.1 : 0.3;
    return endsA ? (surname && (cls & FEM_SURNAME) === 0 ? 0.2 : 0.5) : consonant ? (surname ? 0.4 : 0.15) : obliqueEnd ? 0.15 : 0.4;
  }
  if (g === 'masc') return consonant || endsA ? 0.05 : obliqueEnd ? 0.1 : 0.3;
  return endsA ? 0.05 : consonant ? (surname ? 0.4 : 0.15) : obliqueEnd ? 0.1 : 0.3;
}

function rawPersonReadings(u: Unit, morphology: Morphology): RawReadings {
  const raw: RawReadings = [writtenClass(u.text)];
  const put = (g: Gender, c: Case, form: string, weight: number, only = 0) => {
    // Only for forms no oblique case shares (Маск, not Мухаммеда).
    const vocab = form !== u.text && !OBLIQUE_LAST.has(form.charCodeAt(form.length - 1)) ? (foldYo(form) === form ? VOCAB : VOCAB_YO) : 0;
    // Cached across documents: forms cut from the text (the word as written) must not keep it.
    raw.push(detached(form), slotOf(g, c) | (weightIndex(weight) << WEIGHT_SHIFT) | vocab | only);
  };
  const capital = startsUpper(u.text);
  // Keys the dictionary itself reads (Дню as день): its paradigm beats a guess by ending (below).
  let dictionaryKeys = 0; // a bit per slot
  let hasNameReading = false;
  // Indexed loops, not for…of: the gender lists are shared frozen arrays, over which V8's for…of
  // allocates an iterator result per item even in optimised code.
  const ps = parses(morphology, u.text);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const c = caseOf(p);
    if (c === undefined || isPlural(p)) continue;
    if (isKnown(p)) {
      const known = gendersOf(p);
      for (let k = 0; k < known.length; k++) dictionaryKeys |= 1 << slotOf(known[k], c);
    }
    let w: number;
    let only = 0;
    const pos = posOf(p);
    if (pos === 'NOUN') {
      if (NAME_TAGS.some((g) => hasGrammeme(p, g))) {
        w = 1;
        hasNameReading = true;
        if (hasGrammeme(p, 'Name') && !hasGrammeme(p, 'Surn') && hasGrammeme(p, 'masc')) only = GIVEN_ONLY;
      }
      else if (hasGrammeme(p, 'Geox') || hasGrammeme(p, 'Orgn')) w = 0.2;
      else if (hasGrammeme(p, 'anim')) w = 0.5;
      else w = 0.2; // a thing's name as a surname (Маска, Трампа) is no better than a guess
    } else if (pos === 'ADJF') w = capital ? 0.7 : 0.5;
    else continue;
    if (!isKnown(p)) w = Math.min(w * 0.5, 0.2); // az's guesses by suffix: a foreign name is no common noun
    const genders = gendersOf(p);
    if (!genders.includes('masc') && !genders.includes('femn')) continue; // no person's reading: spare the inflection
    const nom = nominalForm(u.text, p);
    if (nom === undefined) continue;
    for (let k = 0; k < genders.length; k++) if (genders[k] !== 'neut') put(genders[k], c, nom, w, only);
  }
  if (!capital) return raw;
  const adjectivalFeminine = /(?:ская|цкая)$/.test(u.text.toLowerCase()) && (dictionaryKeys & (1 << slotOf('masc', 'gent'))) === 0;
  // The feminine guesses, by case (the nominative: the word itself): asked again for the list of women's names below.
  const feminine: Array<string | undefined> = [];
  for (const c of CASES) feminine.push(c === 'nomn' ? u.text : guessNameNominative(u.text, 'femn', c));
  // Loops, not forEach: put is a new closure per word, and a forEach callback that calls it sees
  // a different callee each time (its optimised code is dropped for 'wrong call target').
  for (const g of PER_GENDERS) {
    for (let k = 0; k < CASES.length; k++) {
      const c = CASES[k];
      if (c === 'nomn' || (dictionaryKeys & (1 << slotOf(g, c))) !== 0) continue;
      if (g === 'masc' && adjectivalFeminine) continue; // Чиповская is no genitive of Чиповскай
      const guess = g === 'femn' ? feminine[k] : guessNameNominative(u.text, g, c);
      if (guess === undefined) continue;
      // The dictionary knows women's first names; a feminine guess for a word it reads otherwise
      // (Трампу as Трампа) needs a feminine surname's shape.
      if (g === 'femn' && dictionaryKeys !== 0 && !/(?:ова|ева|ёва|ина|ына|ская|цкая|ия)$/.test(guess)) continue;
      put(g, c, guess, 0.6);
    }
  }
  // A man's surname of the а-declension declines as a woman's does (Анджея Дуды, Джона Подесты,
  // Хосепа Гвардиолы): in a surname's place, a man's reading with the woman's nominative, where the
  // dictionary knows no name in the word and the word ends as only an oblique case of that
  // declension does (A_OBLIQUE). Not a woman's form of a surname in -ов/-ин/-ский (Петровой is no man's).
  // -ы and -ой count in a first name's place too (Халифы Хафтара, Николы Максимовича); -и, -у, -ю
  // only in a surname's, at less weight (Сейду Думбия, Тессу Вирту do not decline).
  const lower = u.text.toLowerCase();
  if (!hasNameReading && A_OBLIQUE.test(lower) && !UNDECLINED_ENDING.test(lower)) {
    const clear = A_OBLIQUE_ANYWHERE.test(lower);
    for (let k = 0; k < CASES.length; k++) {
      const nom = feminine[k];
      if (k === NOMINATIVE || nom === undefined || !/[ая]$/.test(nom) || WOMANS_SURNAME.test(nom) || (dictionaryKeys & (1 << slotOf('masc', CASES[k]))) !== 0) continue;
      put('masc', CASES[k], nom, clear ? 0.5 : 0.3, clear ? 0 : SURNAME_ONLY);
    }
  }
  // A man's surname with a fleeting о (Знарок, Знарка): the form without the ending (Знарк) is the
  // guess above; the one with о weighs less, and wins only where the text writes it (+0.4).
  const { form, cases } = fleetingO();
  const oblique = form.exec(u.text);
  if (oblique !== null) {
    const nom = oblique[1] + 'ок';
    for (const c of cases.get(oblique[2])!) if ((dictionaryKeys & (1 << slotOf('masc', c))) === 0) put('masc', c, nom, FLEETING_WEIGHT);
  }
  // Women's names the dictionary reads as a man's (Асию as Асий's accusative, Алина as the rare
  // Алин's genitive): the list decides where a first name stands; in a surname's place the word
  // may be a man's surname (Сергея Галина).
  for (let k = 0; k < CASES.length; k++) {
    const nom = feminine[k];
    if (nom !== undefined && isFemaleName(nom)) put('femn', CASES[k], nom, 1.3, FIRST_NAME);
  }
  return raw;
}

/**
 * A name of several parts that starts with an East Asian family name as written, every part before
 * the last one syllable long (Ким Чен Ына, Си Цзиньпина; not a tagger's span that runs on into the
 * next name, `Си Цзиньпине Пекин`) and every part shaped like such a name's (not `Дэн Байлсма`).
 */
function isEastAsianName(units: Unit[]): boolean {
  if (units.length < 2 || units[0].part >= 0 || !isEastAsianFamilyName(units[0].text)) return false;
  for (let k = 1; k < units.length - 1; k++) if (units[k].text.length > SYLLABLE_MAX) return false;
  for (let k = 1; k < units.length; k++) if (!mayBeEastAsianPart(units[k].text)) return false;
  return true;
}

/** Every part between the family name and the last is one syllable (Ким Чен Ына; not Ли Харви Освальда). */
function syllablePerWord(units: Unit[]): boolean {
  if (units.length < 3) return false;
  for (let k = 1; k < units.length - 1; k++) if (syllableCount(units[k].text) !== 1) return false;
  return true;
}

/**
 * Last letters no declining last part of such a name has in the nominative: vowels (a part ending
 * in one does not decline: Чжу, Бинцзе) and hushing or hissing consonants (`Чжу` is no dative of `Чж`).
 */
const NO_DECLINING_FINAL = new Set([...'аеёиоуыэюяжшщчцх'].map((ch) => ch.charCodeAt(0)));

/** The weight of a guess by ending (rawPersonReadings): the least a last part cut from its ending weighs. */
const CUT_ENDING = 0.6;

/**
 * The readings of the last part of an East Asian name (Ыном, Цзиньпина, Чжу): only a man's name
 * ending in a consonant declines (Ким Чен Ына; Ким Ё Чжон does not), so a reading as another
 * nominative is kept only when that nominative is a man's and ends in a consonant that can end
 * such a part (not `Чжу` as the dative of `Чж`, `Бинцзе` as that of `Бинцза`); elsewhere the part
 * reads as written. A new object: `readings` is the document's shared entry for the word.
 */
function eastAsianLastPart(text: string, readings: Readings, syllableWords: boolean): Readings {
  const out: Readings = { forms: noForms(), weights: noWeights() };
  const written = asWrittenWeights(writtenClass(text), true);
  // A name written a syllable a word (Ким Чен Ын) ends in one syllable too: a last part of two
  // (Ира, Иром, Зунга) is that syllable and a case ending, whatever Russian word it also spells
  // (the woman's name Ира, the noun ир, whose weak reading also keeps the guess by ending out), so
  // it reads as written only where nothing else does.
  const oneSyllable = !syllableWords || syllableCount(text) === 1;
  for (let slot = 0; slot < PERSON_SLOTS; slot++) {
    const form = readings.forms[slot];
    const masculine = slot < CASES.length;
    // A woman's reading is the part as written, weighed as any word so written: the dictionary's
    // Russian woman's name (Мао Дуня: Дуня) is not what this part is.
    if (form !== undefined && masculine && (form === text || !NO_DECLINING_FINAL.has(form.charCodeAt(form.length - 1)))) {
      out.forms[slot] = form;
      out.weights[slot] = oneSyllable ? readings.weights[slot] : form === text ? 0 : Math.max(readings.weights[slot], CUT_ENDING);
    } else {
      out.forms[slot] = text;
      out.weights[slot] = oneSyllable ? written[slot] : 0;
    }
  }
  return out;
}

/**
 * The nominative of each part of a personal name whose (gender, case) reading scores best.
 * Parts already in the nominative are left out of the map.
 *
 * @example
 * personForms(units, context, morphology); // Map { Илона → 'Илон', Маска → 'Маск' }
 */
export function personForms(units: Unit[], context: MentionContext, morphology: Morphology): Map<Unit, string> {
  const forms = new Map<Unit, string>();
  const live: Unit[] = [];
  // Ким Чен Ыном, Си Цзиньпина: only the last part of such a name declines, and its first part,
  // read as a nominative Russian name, would otherwise outvote the last part's case ending.
  const eastAsian = isEastAsianName(units);
  for (let k = 0; k < units.length; k++) {
    if (!units[k].fixed && !(eastAsian && k < units.length - 1)) live.push(units[k]);
  }
  if (live.length === 0) return forms;
  // A family in the plural (Скрипалей beside Скрипаль): the plural nominative, Скрипали.
  const plural = live.length === 1 && units.length === 1 && mayBeFamilyPlural(live[0].text)
    ? familyPlural(live[0].text, context.counts, (wordFacts(morphology, live[0].text).flags & ANY_KNOWN) === 0, context.cases?.includes('ablt') === true)
    : undefined;
  if (plural !== undefined) return forms.set(live[0], plural);
  const perDoc = documentReadings(context);
  const readings: Readings[] = [];
  const lastPlace: Place = !(live.length > 1 || eastAsian) ? OTHER_PLACE : afterParticle(units, live[live.length - 1]) ? AFTER_PARTICLE : SURNAME;
  for (let k = 0; k < live.length; k++) readings.push(personReadings(live[k], k === live.length - 1 ? lastPlace : OTHER_PLACE, perDoc, context, morphology));
  if (eastAsian && live.length > 0) readings[live.length - 1] = eastAsianLastPart(live[live.length - 1].text, readings[live.length - 1], syllablePerWord(units));
  // What the rest of the document says about this person's gender (a verb after another mention).
  let vote = 0;
  for (const u of live) vote += documentVote(u.text, context, morphology);
  // The best (gender, case) reading so far: its slot (-1: none yet), case and score.
  let bestSlot = -1;
  let bestCase: Case = 'nomn';
  let bestScore = 0;
  caseScores.fill(-Infinity);
  for (const g of PER_GENDERS) {
    const voteBonus = (vote > 0 && g === 'femn') || (vote < 0 && g === 'masc') ? 0.3 : 0;
    for (let ci = 0; ci < CASES.length; ci++) {
      const c = CASES[ci];
      if (!caseAllowed(c, context)) continue;
      let score = (g === 'masc' ? 0.1 : 0) - casePenalty(c, context, true); // news mention men more often; breaks Касым-Жомарта ties
      if (c === 'nomn') score += 0.05;
      const slot = slotOf(g, c);
      for (const r of readings) if (r.forms[slot] !== undefined) score += r.weights[slot];
      score += voteBonus;
      // Only oblique: a nominative noun before a name mostly governs it (адвокат Асии Биби).
      if (c !== 'nomn' && (context.hintSlots & (1 << slot)) !== 0) score += 0.3;
      // A role with its complement before the name (спикер Совета Федерации): an apposition, in the role's case.
      if ((context.roleCases & (1 << ci)) !== 0) score += 0.3;
      if (c === 'nomn' && context.verbAfter === g) score += 0.4;
      if (c === 'nomn' && context.verbBefore === g) score += 0.25;
      // Coordinated names share their case (Олега Сенцова и Романа Сущенко), whatever their genders.
      if ((context.coordinated & (1 << ci)) !== 0) score += 0.4;
      if (score > caseScores[ci]) caseScores[ci] = score;
      if (bestSlot < 0 || score > bestScore) { bestSlot = slot; bestCase = c; bestScore = score; }
    }
  }
  if (bestSlot >= 0) context.chosen = likelyCases(caseScores, bestScore);
  if (bestSlot < 0 || bestCase === 'nomn') return forms;
  live.forEach((u, k) => {
    const form = readings[k].forms[bestSlot];
    if (form !== undefined) forms.set(u, form);
  });
  return forms;
}
