import type Az from 'az';
import type { Doc, MentionSpan } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import type { EntityType } from '../types.js';
import { oneSpaceAfter, tagHas, wordSetOf } from './grammar.js';
import { isLowerCase, startsUpper } from '../letters.js';
import type { Span } from './hygiene.js';
import { startsRole } from './roles.js';
import { isKnown, knownAs, PAST_FEMININE, PAST_MASCULINE, tagFacts } from './wordFacts.js';
import { nameParticles } from './nameParticles.js';

/*
 * The tagger reads a city standing for its government as the one who acts (`Киев ввёл санкции`,
 * `Пентагон заявил`) and tags it a person. The dictionary knows such words as places (Geox) or
 * bodies (Orgn) and, unlike `Королёв` or `Орёл`, never as a first name, surname or patronymic, nor
 * as an adjective (a surname's shape): a one-word person span whose dictionary readings are so is
 * that place or body, unless a name goes on after it or a person's noun stands before it. Guessed readings do not count (az guesses
 * `Алеппо` to be a man's name).
 */

/** A first name's, surname's or patronymic's tag. */
function personTag(t: Az.Tag): boolean {
  return tagHas(t, 'Name') || tagHas(t, 'Surn') || tagHas(t, 'Patr');
}

const PLACE_OR_BODY = ['Geox', 'Orgn'];

/** The type the dictionary gives a word that it knows as a place or body and never as a person's name. */
function dictionaryType(form: string, morphology: Morphology): EntityType | undefined {
  // The form's cached tags first: most words are no place or body, and their parses may have to
  // be made again by az (0.5 % of a pass over RT_0 went to that).
  if (!knownAs(morphology, form, PLACE_OR_BODY)) return undefined;
  let type: EntityType | undefined;
  for (const p of morphology.parses(form)) {
    if (!isKnown(p)) continue;
    const t = p.tag;
    // An adjective's shape is a surname's too (`Дзержинский` is a town and Felix Dzerzhinsky).
    if (personTag(t) || t.POS === 'ADJF') return undefined;
    if (tagHas(t, 'Geox')) type = 'LOC';
    else if (tagHas(t, 'Orgn')) type ??= 'ORG';
  }
  return type;
}

/**
 * True when the word at token j goes on a person's name: a name particle or a capitalised word one
 * space after (`Стефани де Мюро`: a first name that is also a place).
 */
function nameGoesOn(doc: Doc, j: number): boolean {
  const t = doc.tokens[j];
  if (t === undefined || t.kind !== 'word' || !oneSpaceAfter(doc, j - 1)) return false;
  return startsUpper(t.text) || nameParticles().has(t.text);
}

/** True when a lower-case noun of a kind of place (place-nouns.tsv) stands right before token i (`провинции Алеппо`). */
function placeNounBefore(doc: Doc, i: number): boolean {
  const t = doc.tokens[i - 1];
  return t !== undefined && t.kind === 'word' && isLowerCase(t.text) && wordSetOf('place-nouns.tsv').has(doc.morph[i - 1].lemma);
}

/**
 * True when a role's first word (roles.tsv) stands right before token i, the place noun: the name
 * after `губернатора штата`, `мэр города` is the office holder's (`губернатора штата Ньюсома`), not the place.
 */
function roleBefore(doc: Doc, i: number): boolean {
  const t = doc.tokens[i - 1];
  return t !== undefined && t.kind === 'word' && startsRole(doc.morph[i - 1].lemma);
}

/** True when a man's or woman's past-tense verb follows at token j: the name is its subject (`по островам Абэ предложил`). */
function verbAfter(doc: Doc, j: number, morphology: Morphology): boolean {
  const t = doc.tokens[j];
  return t !== undefined && t.kind === 'word' && (tagFacts(morphology, t.text).flags & (PAST_MASCULINE | PAST_FEMININE)) !== 0;
}

/** True when a lower-case animate noun stands right before token i (`Генерал Маккензи`, `генерал Маккензи`). */
function personNounBefore(doc: Doc, i: number, morphology: Morphology): boolean {
  const t = doc.tokens[i - 1];
  if (t === undefined || t.kind !== 'word') return false;
  return tagFacts(morphology, t.text.toLowerCase()).animate !== 0;
}

/** The place's or body's type of a one-word person span that is one (see retypeKnownPlaces), else undefined. */
function placeType(doc: Doc, s: Span, morphology: Morphology): EntityType | undefined {
  if (s.type !== 'PER' || s.tokEnd - s.tokStart !== 1 || nameGoesOn(doc, s.tokEnd)) return undefined;
  const form = doc.tokens[s.tokStart].text;
  if (placeNounBefore(doc, s.tokStart) && !verbAfter(doc, s.tokEnd, morphology) && !knownPersonName(form, morphology) && !roleBefore(doc, s.tokStart - 1)) return 'LOC';
  return personNounBefore(doc, s.tokStart, morphology) ? undefined : dictionaryType(form, morphology);
}

/**
 * The spans with each one-word person span that the dictionary knows only as a place or a body
 * given that type, and each one right after a noun of a kind of place (`провинции Алеппо`) a
 * place, unless the dictionary knows it as a person's name or a role's word stands before the
 * noun (`губернатора штата Ньюсома`).
 *
 * @example
 * retypeKnownPlaces(doc, [{ tokStart: 0, tokEnd: 1, type: 'PER' }], morphology); // [{ …, type: 'LOC' }] for `Киев ввёл санкции`
 */
export function retypeKnownPlaces(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const type = placeType(doc, s, morphology);
    if (type === undefined) { out?.push(s); continue; }
    out ??= spans.slice(0, k);
    out.push({ tokStart: s.tokStart, tokEnd: s.tokEnd, type });
  }
  return out ?? spans;
}

const PERSON_NAME = ['Name', 'Surn', 'Patr'];

/** True when a known parse of the form reads it as a first name, surname or patronymic. */
function knownPersonName(form: string, morphology: Morphology): boolean {
  return knownAs(morphology, form, PERSON_NAME);
}

/**
 * A one-word person mention that the document also names as a place or body, in the same
 * nominative and more often, takes that type, when the dictionary does not know the word
 * as a person's name: the
 * tagger read `Африна` after `провинции Алеппо` as a surname in one sentence and as the place in
 * another. `Пушкин`, `Саркози`, `Владимир` stay persons (the dictionary knows them so). Changes
 * the mentions' types in place, before they are clustered.
 *
 * @example
 * joinPlaceTypes(names, morphology); // `Африн` PER beside `Африн` LOC → both LOC
 */
export function joinPlaceTypes(doc: Doc, names: MentionSpan[], morphology: Morphology): void {
  let places: Map<string, MentionSpan['type']> | undefined;
  // Per nominative: place or body mentions minus one-word person mentions.
  let balance: Map<string, number> | undefined;
  for (const m of names) {
    if (m.type === 'PER' || m.kind !== 'name') continue;
    (places ??= new Map()).set(m.normal, m.type);
    (balance ??= new Map()).set(m.normal, (balance.get(m.normal) ?? 0) + 1);
  }
  if (places === undefined || balance === undefined) return;
  for (const m of names) {
    if (m.type === 'PER' && m.tokEnd - m.tokStart === 1 && balance.has(m.normal)) balance.set(m.normal, balance.get(m.normal)! - 1);
  }
  for (const m of names) {
    if (m.type !== 'PER' || m.tokEnd - m.tokStart !== 1) continue;
    const type = places.get(m.normal);
    // The person readings outnumber the place's (`Неймар` tagged a place once): they stay.
    if (type === undefined || balance.get(m.normal)! <= 0 || knownPersonName(doc.tokens[m.tokStart].text, morphology)) continue;
    m.type = type;
  }
}
