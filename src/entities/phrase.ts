import type Az from 'az';
import type { Morphology } from '../morph/morphology.js';
import type { EntityType } from '../types.js';
import type { Case, Gender } from './grammar.js';
import { detached } from '../morph/cache.js';
import { CASES, caseOf, gendersOf, hasGrammeme, isPlural, posOf } from './grammar.js';
import { caseAllowed, casePenalty, isKnown, type MentionContext, nominalForm, parses, type Unit } from './mentionContext.js';
import { guessNameNominative } from './nameEndings.js';
import { likelyCases, PER_GENDERS } from './personName.js';
import { startsUpper } from '../letters.js';
import { ADJ_POS, AGREEMENT_KEYS, FIRST_ADJECTIVE, agreementIndex, agreementKey, tagFacts } from './wordFacts.js';
import { BoundedCache } from '../morph/cache.js';

type Parse = Az.Parse;

// Places and organisations: a head noun, the adjectives before it that agree with it, and a tail
// (Министерства иностранных дел, Верховного суда Пакистана) that stays as written.

// Head words per entity type before the cache starts afresh. An entry holds ~570 bytes and a
// thousand articles ask for ~4 700 words, so this bounds a long batch at ~11 MB per type (at
// 200 000 it could have reached ~110 MB) while a run of a few thousand articles never clears it.
const OPTION_CACHE_LIMIT = 20_000;


function isAdjective(u: Unit, morphology: Morphology): boolean {
  return !u.fixed && (tagFacts(morphology, u.text).flags & FIRST_ADJECTIVE) !== 0;
}

/** True when `u` can be an adjective agreeing with the word after it (Черного моря, Голубой поток). */
function modifies(u: Unit, next: Unit, morphology: Morphology): boolean {
  if (u.fixed) return false;
  // The agreement keys of its adjective readings (Fixd ones aside) against those of the next word's
  // noun and adjective readings (an adjective there agrees whatever its gender).
  const facts = tagFacts(morphology, u.text);
  if (facts.adjectives === 0) return false;
  if (next.fixed) return (facts.flags & FIRST_ADJECTIVE) !== 0; // британского МИД
  return (facts.adjectives & tagFacts(morphology, next.text).heads) !== 0;
}

function agrees(adj: Parse, c: Case, plural: boolean, gender: Gender | undefined): boolean {
  if (!ADJ_POS.has(posOf(adj) ?? '') || caseOf(adj) !== c) return false;
  if (plural) return isPlural(adj);
  if (isPlural(adj)) return false;
  return gender === undefined || gendersOf(adj).includes(gender);
}

// An adjective's nominative agreeing with a head (its case, number, gender) depends on the word and
// that agreement key only, and so does an adjective's lemma: kept per form, in a short array
// indexed by the key (AGREEMENT_KEYS for the lemma; null where there is none), so the parses and
// az's inflection are not asked again.
const adjectiveForms = new WeakMap<Morphology, BoundedCache<Array<string | null | undefined>>>();
const ADJECTIVE_FORMS_LIMIT = 20_000;
const LEMMA_SLOT = AGREEMENT_KEYS;

function adjectiveFormsOf(text: string, morphology: Morphology): Array<string | null | undefined> {
  let cache = adjectiveForms.get(morphology);
  if (cache === undefined) adjectiveForms.set(morphology, (cache = new BoundedCache(ADJECTIVE_FORMS_LIMIT)));
  let slots = cache.get(text);
  if (slots === undefined) cache.set(text, (slots = []));
  return slots;
}

/** The nominative of an adjective agreeing with a head of case `c`, number and gender; undefined when no reading agrees. */
function agreeingForm(text: string, c: Case, plural: boolean, gender: Gender | undefined, morphology: Morphology): string | undefined {
  const slots = adjectiveFormsOf(text, morphology);
  const k = agreementIndex(c, plural, gender);
  let f = slots[k];
  if (f === undefined) {
    const a = parses(morphology, text).find((x) => agrees(x, c, plural, gender));
    const form = a === undefined ? undefined : nominalForm(text, a, { plural, gender });
    slots[k] = f = form === undefined ? null : detached(form); // cached across documents
  }
  return f ?? undefined;
}

/** The lemma (masculine singular nominative) of a word's first adjective reading with a case. */
function adjectiveLemma(text: string, morphology: Morphology): string | undefined {
  const slots = adjectiveFormsOf(text, morphology);
  let f = slots[LEMMA_SLOT];
  if (f === undefined) {
    const p = parses(morphology, text).find((x) => ADJ_POS.has(posOf(x) ?? '') && caseOf(x) !== undefined);
    const form = p === undefined ? undefined : nominalForm(text, p, { plural: false, gender: 'masc' });
    slots[LEMMA_SLOT] = f = form === undefined ? null : detached(form);
  }
  return f ?? undefined;
}

interface Option { c: Case; plural: boolean; gender: Gender | undefined; form: string | undefined; score: number }

// Per morphology and entity type, by the word (no key string built per look-up).
const optionCache = new WeakMap<Morphology, Map<EntityType, Map<string, Option[]>>>();

/** headOptions' least score for a reading the dictionary knows as a place or body. */
const KNOWN_NAME_SCORE = 0.8;

/** Per case (CASES' order), the best score of a head's options: scratch, filled anew per mention. */
const caseScores = new Float64Array(CASES.length);

/** The readings of a place's or organisation's head word, in every case (cached per word and type). */
function headOptions(text: string, type: EntityType, morphology: Morphology): Option[] {
  let byType = optionCache.get(morphology);
  if (byType === undefined) optionCache.set(morphology, (byType = new Map()));
  let cache = byType.get(type);
  if (cache === undefined) byType.set(type, (cache = new Map()));
  let options = cache.get(text);
  if (options !== undefined) return options;
  if (cache.size > OPTION_CACHE_LIMIT) cache.clear();
  options = [];
  const typeTag = type === 'LOC' ? 'Geox' : 'Orgn';
  const headParses = parses(morphology, text);
  const known = headParses.some((p) => isKnown(p) && posOf(p) === 'NOUN' && !hasGrammeme(p, 'Fixd'));
  for (const p of headParses) {
    const c = caseOf(p);
    if (c === undefined) continue;
    const pos = posOf(p);
    if (hasGrammeme(p, 'Fixd')) {
      // An indeclinable name (Минобороны, Перу) is the same in every case: kept as written.
      if (pos === 'NOUN' && isKnown(p) && (hasGrammeme(p, typeTag) || hasGrammeme(p, 'Geox') || hasGrammeme(p, 'Orgn'))) {
        options.push({ c, plural: false, gender: gendersOf(p)[0], form: undefined, score: 1 + Math.min(p.score, 1) * 0.1 });
      }
      continue;
    }
    let score = pos === 'NOUN' ? (hasGrammeme(p, typeTag) ? 1 : hasGrammeme(p, 'Geox') || hasGrammeme(p, 'Orgn') ? KNOWN_NAME_SCORE : 0.6) : ADJ_POS.has(pos ?? '') ? 0.4 : 0.1;
    if (!isKnown(p)) score = Math.min(score, 0.3);
    score += Math.min(p.score, 1) * 0.1;
    const plural = isPlural(p);
    if (plural && !hasGrammeme(p, 'Pltm')) score -= 0.2; // names of places and bodies are mostly singular
    options.push({ c, plural, gender: gendersOf(p)[0], form: c === 'nomn' ? undefined : nominalForm(text, p), score });
  }
  if (!known && /[иоуеэ]$/.test(text) && startsUpper(text)) {
    // Foreign names in a vowel other than а/я do not decline (в Эймсбери, из Карачи, в Осло).
    for (const c of CASES) options.push({ c, plural: false, gender: undefined, form: c === 'nomn' ? undefined : text, score: 0.45 });
  }
  if (!known && startsUpper(text)) {
    // A name the dictionary does not know (Лахоре, Пешаваре): endings as for personal names, or as written.
    for (const g of PER_GENDERS) {
      for (const c of CASES) {
        const f = c === 'nomn' ? undefined : guessNameNominative(text, g, c);
        if (c === 'nomn' || f !== undefined) options.push({ c, plural: false, gender: g, form: f, score: c === 'nomn' ? 0.5 : 0.55 });
      }
    }
  }
  // Cached across documents: neither key nor forms may keep the article they were cut from.
  for (const o of options) if (o.form !== undefined) o.form = detached(o.form);
  cache.set(detached(text), options);
  return options;
}

/**
 * The nominative of the head noun of a place's or organisation's name and of the adjectives that
 * agree with it; the words after the head are left out of the map (they stay as written).
 *
 * @example
 * phraseForms(units, context, 'ORG', morphology); // Map { Европейской → 'Европейская', комиссией → 'комиссия' }
 */
export function phraseForms(units: Unit[], context: MentionContext, type: EntityType, morphology: Morphology): Map<Unit, string> {
  const forms = new Map<Unit, string>();
  let h = 0;
  while (h < units.length - 1 && modifies(units[h], units[h + 1], morphology)) h++;
  if (h === units.length - 1 && isAdjective(units[h], morphology)) h++;
  if (h === units.length) {
    // Adjectives alone (британской, российских) name their lemma: masculine singular.
    for (const u of units) {
      const f = adjectiveLemma(u.text, morphology);
      if (f !== undefined) forms.set(u, f);
    }
    return forms;
  }
  const head = units[h];
  const mods = units.slice(0, h);
  if (head.fixed) {
    // An abbreviation does not decline; adjectives before it keep their own gender (британского МИД).
    for (const m of mods) {
      const adj: Parse[] = [];
      for (const x of parses(morphology, m.text)) if (ADJ_POS.has(posOf(x) ?? '') && caseOf(x) !== undefined && caseAllowed(caseOf(x)!, context)) adj.push(x);
      const p = adj.find((x) => gendersOf(x)[0] === 'masc') ?? adj[0];
      const f = p === undefined || caseOf(p) === 'nomn' ? undefined : nominalForm(m.text, p, { plural: isPlural(p), gender: gendersOf(p)[0] });
      if (f !== undefined) forms.set(m, f);
    }
    return forms;
  }
  let best: Option | undefined;
  let bestScore = 0;
  caseScores.fill(-Infinity);
  // Each modifier's adjective readings as agreement keys: asked once per option below.
  const modKeys: number[] = [];
  for (const m of mods) modKeys.push(tagFacts(morphology, m.text).anyAdjectives);
  const options = headOptions(head.text, type, morphology);
  // A case the context rules out for every reading was read wrongly there (`через Украину, и
  // Киеву придётся`: the coordination is of clauses, not of the names): then any case of a
  // reading as a known place or body goes (not a guess, which would decline `Шальке`).
  let anyAllowed = false;
  for (const o of options) if (caseAllowed(o.c, context)) { anyAllowed = true; break; }
  for (const o of options) {
    if (anyAllowed ? !caseAllowed(o.c, context) : o.score < KNOWN_NAME_SCORE) continue;
    let score = o.score + (o.c === 'nomn' ? 0.05 : 0) - casePenalty(o.c, context);
    if (o.form !== undefined && o.form !== head.text && !/[аяуюыи]$/.test(o.form) && context.counts.has(o.form.replace(/ё/g, 'е'))) score += 0.4;
    const ci = CASES.indexOf(o.c);
    if ((context.coordinated & (1 << ci)) !== 0) score += 0.3; // в Москве и Питере: coordinated names share their case
    const key = agreementKey(o.c, o.plural, o.gender);
    for (const keys of modKeys) if ((keys & key) !== 0) score += 0.5;
    if (score > caseScores[ci]) caseScores[ci] = score;
    if (best === undefined || score > bestScore) { best = o; bestScore = score; }
  }
  if (best !== undefined) context.chosen = likelyCases(caseScores, bestScore);
  if (best === undefined || best.c === 'nomn') return forms;
  if (best.form !== undefined) forms.set(head, best.form);
  const { c, plural, gender } = best;
  const key = agreementKey(c, plural, gender);
  mods.forEach((m, k) => {
    if ((modKeys[k] & key) === 0) return;
    const f = agreeingForm(m.text, c, plural, gender, morphology);
    if (f !== undefined) forms.set(m, f);
  });
  return forms;
}
