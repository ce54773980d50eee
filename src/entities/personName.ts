import type { Morphology } from '../morph/morphology.js';
import type { Case, Gender } from './grammar.js';
import { CASES, caseOf, gendersOf, hasGrammeme, isPlural } from './grammar.js';
import { caseAllowed, casePenalty, isKnown, type MentionContext, nominalForm, parses, type Unit } from './mentionContext.js';
import { familyPlural, writtenUnchanged } from './documentForms.js';
import { isFemaleName } from './femaleNames.js';
import { guessNameNominative } from './nameEndings.js';

// Personal names: every (gender, case) reading of each part of the name is weighed — the
// dictionary's, a guess by ending for names it does not know, the word as written (a nominative
// or an indeclinable name) — and the parts must agree on one gender and case.

/** The genders a person's name can have. */
export const PER_GENDERS: Gender[] = ['masc', 'femn'];

const NAME_TAGS = ['Name', 'Surn', 'Patr'];

const READING_KEYS: Record<Gender, Record<Case, string>> = (() => {
  const out = {} as Record<Gender, Record<Case, string>>;
  for (const g of ['masc', 'femn', 'neut'] as const) {
    out[g] = {} as Record<Case, string>;
    for (const c of CASES) out[g][c] = `${g}|${c}`;
  }
  return out;
})();

/** `gender|case`, one shared string per pair: the scoring loops look these up thousands of times per document. */
function readingKey(g: Gender, c: Case): string {
  return READING_KEYS[g][c];
}

/** Form and weight of a unit read as a given (gender, case). */
interface Reading { form: string; weight: number }

/** A reading before the document is known: `vocabKey` is set when the text writing the form elsewhere should count. */
interface RawReading { key: string; form: string; weight: number; vocabKey: string | undefined }

const rawCache = new WeakMap<Morphology, Map<string, RawReading[]>>();

const RAW_CACHE_LIMIT = 200_000;

// The readings depend on the word and on document-wide evidence only (the vocabulary and counts,
// one pair per document): a name mentioned again in the same document reuses them. Keyed by the
// document's vocabulary set, so they go with the document.
const docReadings = new WeakMap<Set<string>, Map<string, Map<string, Reading>>>();

function personReadings(u: Unit, isLast: boolean, multi: boolean, context: MentionContext, morphology: Morphology): Map<string, Reading> {
  const vocab = context.vocab;
  const cacheKey = `${u.text}|${isLast ? 1 : 0}${multi ? 1 : 0}`;
  let perDoc = docReadings.get(vocab);
  if (perDoc === undefined) docReadings.set(vocab, (perDoc = new Map()));
  const done = perDoc.get(cacheKey);
  if (done !== undefined) return done;
  const computed = scoredReadings(u, isLast, multi, context, morphology);
  perDoc.set(cacheKey, computed);
  return computed;
}

function scoredReadings(u: Unit, isLast: boolean, multi: boolean, context: MentionContext, morphology: Morphology): Map<string, Reading> {
  const vocab = context.vocab;
  let cache = rawCache.get(morphology);
  if (cache === undefined) rawCache.set(morphology, (cache = new Map()));
  // Only `surname` (last of several parts) changes the raw readings: share them between the other three.
  const rawKey = `${u.text}|${isLast && multi ? 1 : 0}`;
  let raw = cache.get(rawKey);
  if (raw === undefined) {
    if (cache.size > RAW_CACHE_LIMIT) cache.clear();
    raw = rawPersonReadings(u, isLast, multi, morphology);
    cache.set(rawKey, raw);
  }
  const out = new Map<string, Reading>();
  // Written the same wherever it stands (Ватцке after a preposition and as a subject): it does not decline.
  const unchanged = writtenUnchanged(u.text, context.counts, vocab);
  for (const r of raw) {
    // A form the text itself writes elsewhere (Маск beside Маска) is the likelier nominative.
    let weight = r.vocabKey !== undefined && vocab.has(r.vocabKey) ? r.weight + 0.4 : r.weight;
    if (unchanged && r.form === u.text) weight += 0.6;
    const best = out.get(r.key);
    if (best === undefined || best.weight < weight) out.set(r.key, { form: r.form, weight });
  }
  return out;
}

function rawPersonReadings(u: Unit, isLast: boolean, multi: boolean, morphology: Morphology): RawReading[] {
  const out: RawReading[] = [];
  const put = (g: Gender, c: Case, form: string, weight: number) => {
    // Only for forms no oblique case shares (Маск, not Мухаммеда).
    const vocabKey = form !== u.text && !/[аяуюыи]$/.test(form) ? form.replace(/ё/g, 'е') : undefined;
    out.push({ key: readingKey(g, c), form, weight, vocabKey });
  };
  const capital = u.text[0] !== u.text[0].toLowerCase();
  for (const p of parses(morphology, u.text)) {
    const c = caseOf(p);
    if (c === undefined || isPlural(p)) continue;
    let w: number;
    if (p.tag.POS === 'NOUN') {
      if (NAME_TAGS.some((g) => hasGrammeme(p, g))) w = 1;
      else if (hasGrammeme(p, 'Geox') || hasGrammeme(p, 'Orgn')) w = 0.2;
      else if (hasGrammeme(p, 'anim')) w = 0.5;
      else w = 0.2; // a thing's name as a surname (Маска, Трампа) is no better than a guess
    } else if (p.tag.POS === 'ADJF') w = capital ? 0.7 : 0.5;
    else continue;
    if (!isKnown(p)) w = Math.min(w * 0.5, 0.2); // az's guesses by suffix: a foreign name is no common noun
    const nom = nominalForm(u.text, p);
    if (nom === undefined) continue;
    for (const g of gendersOf(p)) if (g !== 'neut') put(g, c, nom, w);
  }
  // Keys the dictionary itself reads (Дню as день): its paradigm beats a guess by ending.
  const dictionaryKeys = new Set<string>();
  for (const p of parses(morphology, u.text)) {
    const c = caseOf(p);
    if (c !== undefined && isKnown(p) && !isPlural(p)) for (const g of gendersOf(p)) dictionaryKeys.add(readingKey(g, c));
  }
  const adjectivalFeminine = /(?:ская|цкая)$/.test(u.text.toLowerCase()) && !dictionaryKeys.has('masc|gent');
  if (capital) {
    for (const g of PER_GENDERS) {
      for (const c of CASES) {
        if (c === 'nomn' || dictionaryKeys.has(readingKey(g, c))) continue;
        if (g === 'masc' && adjectivalFeminine) continue; // Чиповская is no genitive of Чиповскай
        const guess = guessNameNominative(u.text, g, c);
        if (guess === undefined) continue;
        // The dictionary knows women's first names; a feminine guess for a word it reads otherwise
        // (Трампу as Трампа) needs a feminine surname's shape.
        if (g === 'femn' && dictionaryKeys.size > 0 && !/(?:ова|ева|ёва|ина|ына|ская|цкая|ия)$/.test(guess)) continue;
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
  const live = units.filter((u) => !u.fixed);
  if (live.length === 0) return forms;
  // A family in the plural (Скрипалей beside Скрипаль): the plural nominative, Скрипали.
  const plural = live.length === 1 && units.length === 1
    ? familyPlural(live[0].text, context.vocab, !parses(morphology, live[0].text).some(isKnown), context.cases?.includes('ablt') === true)
    : undefined;
  if (plural !== undefined) return forms.set(live[0], plural);
  const readings = live.map((u, k) => personReadings(u, k === live.length - 1, live.length > 1, context, morphology));
  // What the rest of the document says about this person's gender (a verb after another mention).
  let vote = 0;
  for (const u of live) vote += context.votes.get(morphology.stem(u.text)) ?? 0;
  let best: { g: Gender; c: Case; score: number } | undefined;
  for (const g of PER_GENDERS) {
    const voteBonus = (vote > 0 && g === 'femn') || (vote < 0 && g === 'masc') ? 0.3 : 0;
    for (const c of CASES) {
      if (!caseAllowed(c, context)) continue;
      let score = (g === 'masc' ? 0.1 : 0) - casePenalty(c, context, true); // news mention men more often; breaks Касым-Жомарта ties
      if (c === 'nomn') score += 0.05;
      const key = readingKey(g, c);
      for (const r of readings) score += r.get(key)?.weight ?? 0;
      score += voteBonus;
      // Only oblique: a nominative noun before a name mostly governs it (адвокат Асии Биби).
      if (c !== 'nomn' && context.hint.some((p) => caseOf(p) === c && gendersOf(p).includes(g))) score += 0.3;
      if (c === 'nomn' && context.verbAfter === g) score += 0.4;
      if (c === 'nomn' && context.verbBefore === g) score += 0.25;
      if (best === undefined || score > best.score) best = { g, c, score };
    }
  }
  if (best === undefined || best.c === 'nomn') return forms;
  live.forEach((u, k) => {
    const r = readings[k].get(readingKey(best!.g, best!.c));
    if (r !== undefined) forms.set(u, r.form);
  });
  return forms;
}
