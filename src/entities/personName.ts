import type { Morphology } from '../morph/morphology.js';
import type { Case, Gender } from './grammar.js';
import { detached } from '../morph/cache.js';
import { CASES, caseOf, gendersOf, hasGrammeme, isPlural } from './grammar.js';
import { caseAllowed, casePenalty, isKnown, type MentionContext, nominalForm, parses, type Unit, voteFor } from './mentionContext.js';
import { ANY_KNOWN, genderCaseSlot, wordFacts } from './wordFacts.js';
import { familyPlural, mayBeFamilyPlural, writtenUnchanged } from './documentForms.js';
import { isFemaleName } from './femaleNames.js';
import { guessNameNominative } from './nameEndings.js';
import { foldYo, startsUpper } from '../letters.js';

// Personal names: every (gender, case) reading of each part of the name is weighed — the
// dictionary's, a guess by ending for names it does not know, the word as written (a nominative
// or an indeclinable name) — and the parts must agree on one gender and case.

/** The genders a person's name can have. */
export const PER_GENDERS: Gender[] = ['masc', 'femn'];

const NAME_TAGS = ['Name', 'Surn', 'Patr'];

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
 * The readings of a unit before the document is known, parallel arrays per reading (compact: a
 * cache keeps one per word form): slot, form, weight, and `vocabKey` where the text writing the
 * form elsewhere should count.
 */
interface RawReadings { slots: Uint8Array; forms: string[]; weights: Float64Array; vocabKeys: Array<string | undefined> }

// Per morphology, two maps by the word: [not a surname, last of several parts (a surname)].
const rawCache = new WeakMap<Morphology, [Map<string, RawReadings>, Map<string, RawReadings>]>();

const RAW_CACHE_LIMIT = 100_000; // per map

// The readings depend on the word and on document-wide evidence only (the vocabulary and counts,
// one pair per document): a name mentioned again in the same document reuses them. Keyed by the
// document's word counts, so they go with the document; one map by the word per (isLast, multi).
const docReadings = new WeakMap<Map<string, number>, Array<Map<string, Readings>>>();

function personReadings(u: Unit, isLast: boolean, multi: boolean, context: MentionContext, morphology: Morphology): Readings {
  let perDoc = docReadings.get(context.counts);
  if (perDoc === undefined) docReadings.set(context.counts, (perDoc = [new Map(), new Map(), new Map(), new Map()]));
  const byWord = perDoc[(isLast ? 2 : 0) + (multi ? 1 : 0)];
  const done = byWord.get(u.text);
  if (done !== undefined) return done;
  const computed = scoredReadings(u, isLast, multi, context, morphology);
  byWord.set(u.text, computed);
  return computed;
}

function scoredReadings(u: Unit, isLast: boolean, multi: boolean, context: MentionContext, morphology: Morphology): Readings {
  const vocab = context.vocab;
  let caches = rawCache.get(morphology);
  if (caches === undefined) rawCache.set(morphology, (caches = [new Map(), new Map()]));
  // Only `surname` (last of several parts) changes the raw readings: share them between the other three.
  const cache = caches[isLast && multi ? 1 : 0];
  let raw = cache.get(u.text);
  if (raw === undefined) {
    if (cache.size > RAW_CACHE_LIMIT) cache.clear();
    raw = rawPersonReadings(u, isLast, multi, morphology);
    cache.set(detached(u.text), raw);
  }
  const out: Readings = { forms: noForms(), weights: noWeights() };
  // Written the same wherever it stands (Ватцке after a preposition and as a subject): it does not decline.
  const unchanged = writtenUnchanged(u.text, context.counts, vocab);
  for (let k = 0; k < raw.slots.length; k++) {
    // A form the text itself writes elsewhere (Маск beside Маска) is the likelier nominative.
    const vocabKey = raw.vocabKeys[k];
    const form = raw.forms[k];
    let weight = vocabKey !== undefined && vocab.has(vocabKey) ? raw.weights[k] + 0.4 : raw.weights[k];
    if (unchanged && form === u.text) weight += 0.6;
    const slot = raw.slots[k];
    if (out.forms[slot] === undefined || out.weights[slot] < weight) { out.forms[slot] = form; out.weights[slot] = weight; }
  }
  return out;
}

function rawPersonReadings(u: Unit, isLast: boolean, multi: boolean, morphology: Morphology): RawReadings {
  const slots: number[] = [];
  const forms: string[] = [];
  const weights: number[] = [];
  const vocabKeys: Array<string | undefined> = [];
  const put = (g: Gender, c: Case, form: string, weight: number) => {
    // Only for forms no oblique case shares (Маск, not Мухаммеда).
    vocabKeys.push(form !== u.text && !OBLIQUE_LAST.has(form.charCodeAt(form.length - 1)) ? foldYo(form) : undefined);
    slots.push(slotOf(g, c));
    forms.push(form);
    weights.push(weight);
  };
  const capital = startsUpper(u.text);
  // Keys the dictionary itself reads (Дню as день): its paradigm beats a guess by ending (below).
  let dictionaryKeys = 0; // a bit per slot
  for (const p of parses(morphology, u.text)) {
    const c = caseOf(p);
    if (c === undefined || isPlural(p)) continue;
    if (isKnown(p)) for (const g of gendersOf(p)) dictionaryKeys |= 1 << slotOf(g, c);
    let w: number;
    if (p.tag.POS === 'NOUN') {
      if (NAME_TAGS.some((g) => hasGrammeme(p, g))) w = 1;
      else if (hasGrammeme(p, 'Geox') || hasGrammeme(p, 'Orgn')) w = 0.2;
      else if (hasGrammeme(p, 'anim')) w = 0.5;
      else w = 0.2; // a thing's name as a surname (Маска, Трампа) is no better than a guess
    } else if (p.tag.POS === 'ADJF') w = capital ? 0.7 : 0.5;
    else continue;
    if (!isKnown(p)) w = Math.min(w * 0.5, 0.2); // az's guesses by suffix: a foreign name is no common noun
    const genders = gendersOf(p);
    if (!genders.includes('masc') && !genders.includes('femn')) continue; // no person's reading: spare the inflection
    const nom = nominalForm(u.text, p);
    if (nom === undefined) continue;
    for (const g of genders) if (g !== 'neut') put(g, c, nom, w);
  }
  const adjectivalFeminine = /(?:ская|цкая)$/.test(u.text.toLowerCase()) && (dictionaryKeys & (1 << slotOf('masc', 'gent'))) === 0;
  if (capital) {
    for (const g of PER_GENDERS) {
      for (const c of CASES) {
        if (c === 'nomn' || (dictionaryKeys & (1 << slotOf(g, c))) !== 0) continue;
        if (g === 'masc' && adjectivalFeminine) continue; // Чиповская is no genitive of Чиповскай
        const guess = guessNameNominative(u.text, g, c);
        if (guess === undefined) continue;
        // The dictionary knows women's first names; a feminine guess for a word it reads otherwise
        // (Трампу as Трампа) needs a feminine surname's shape.
        if (g === 'femn' && dictionaryKeys !== 0 && !/(?:ова|ева|ёва|ина|ына|ская|цкая|ия)$/.test(guess)) continue;
        put(g, c, guess, 0.6);
      }
    }
  }
  // Women's names the dictionary reads as a man's (Асию as Асий's accusative): the list decides.
  if (capital) {
    for (const c of CASES) {
      const nom = c === 'nomn' ? u.text : guessNameNominative(u.text, 'femn', c);
      if (nom !== undefined && isFemaleName(nom)) put('femn', c, nom, 1.3);
    }
  }
  // As written: a nominative, or a name that does not decline (Биби, Мэй, Меркель, Шевченко).
  const lower = u.text.toLowerCase();
  const last = lower[lower.length - 1];
  const endsA = last === 'а' || last === 'я';
  const consonant = !'аеёиоуыэюя'.includes(last);
  // Names that do not decline end in и, о, е, э (Биби, Шевченко); у, ю, ы are mostly case endings.
  const obliqueEnd = last === 'у' || last === 'ю' || last === 'ы' || lower.endsWith('ии');
  const surname = isLast && multi;
  // Футиной, Быковской: a woman's surname in an oblique case far more often than a man's in -ой.
  const femOblique = /(?:ов|ев|ин|ын|ск|цк)ой$/.test(lower);
  const femSurname = /(?:ова|ева|ёва|ина|ына|ая|яя)$/.test(lower);
  for (const g of PER_GENDERS) {
    for (const c of CASES) {
      let w: number;
      if (c === 'nomn') {
        if (g === 'masc') w = femOblique ? 0.2 : consonant ? 0.5 : endsA ? 0.15 : obliqueEnd ? 0.1 : 0.3;
        else w = endsA ? (surname && !femSurname ? 0.2 : 0.5) : consonant ? (surname ? 0.4 : 0.15) : obliqueEnd ? 0.15 : 0.4;
      } else if (g === 'masc') w = consonant || endsA ? 0.05 : obliqueEnd ? 0.1 : 0.3;
      else w = endsA ? 0.05 : consonant ? (surname ? 0.4 : 0.15) : obliqueEnd ? 0.1 : 0.3;
      put(g, c, u.text, w);
    }
  }
  // Cached across documents: forms cut from the text (the word as written) must not keep it.
  return { slots: new Uint8Array(slots), forms: forms.map(detached), weights: new Float64Array(weights), vocabKeys: vocabKeys.map((k) => (k === undefined ? k : detached(k))) };
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
  const live = units.filter((u) => !u.fixed);
  if (live.length === 0) return forms;
  // A family in the plural (Скрипалей beside Скрипаль): the plural nominative, Скрипали.
  const plural = live.length === 1 && units.length === 1 && mayBeFamilyPlural(live[0].text)
    ? familyPlural(live[0].text, context.vocab, (wordFacts(morphology, live[0].text).flags & ANY_KNOWN) === 0, context.cases?.includes('ablt') === true)
    : undefined;
  if (plural !== undefined) return forms.set(live[0], plural);
  const readings = live.map((u, k) => personReadings(u, k === live.length - 1, live.length > 1, context, morphology));
  // What the rest of the document says about this person's gender (a verb after another mention).
  let vote = 0;
  for (const u of live) vote += voteFor(u.text, context.votes, morphology);
  // The best (gender, case) reading so far: its slot (-1: none yet), case and score.
  let bestSlot = -1;
  let bestCase: Case = 'nomn';
  let bestScore = 0;
  for (const g of PER_GENDERS) {
    const voteBonus = (vote > 0 && g === 'femn') || (vote < 0 && g === 'masc') ? 0.3 : 0;
    for (const c of CASES) {
      if (!caseAllowed(c, context)) continue;
      let score = (g === 'masc' ? 0.1 : 0) - casePenalty(c, context, true); // news mention men more often; breaks Касым-Жомарта ties
      if (c === 'nomn') score += 0.05;
      const slot = slotOf(g, c);
      for (const r of readings) if (r.forms[slot] !== undefined) score += r.weights[slot];
      score += voteBonus;
      // Only oblique: a nominative noun before a name mostly governs it (адвокат Асии Биби).
      if (c !== 'nomn' && (context.hintSlots & (1 << slot)) !== 0) score += 0.3;
      if (c === 'nomn' && context.verbAfter === g) score += 0.4;
      if (c === 'nomn' && context.verbBefore === g) score += 0.25;
      if (bestSlot < 0 || score > bestScore) { bestSlot = slot; bestCase = c; bestScore = score; }
    }
  }
  if (bestSlot < 0 || bestCase === 'nomn') return forms;
  live.forEach((u, k) => {
    const form = readings[k].forms[bestSlot];
    if (form !== undefined) forms.set(u, form);
  });
  return forms;
}
