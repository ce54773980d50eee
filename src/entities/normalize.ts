import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import type { EntityType } from '../types.js';
import { contextOf, coordinatedAfterName, type MentionContext, type Unit } from './mentionContext.js';
import { personForms } from './personName.js';
import { phraseForms } from './phrase.js';
import { isLowerCase, isUpperCase, titleCased } from '../letters.js';
import { freshList } from '../fresh-list.js';
import { abbreviationOf } from './hygiene.js';
import { FIRST_ADJECTIVE, KNOWN_SURNAME_NOMINATIVE, KNOWN_WHOLE, tagFacts, wordFacts } from './wordFacts.js';
import { nameParticles } from './nameParticles.js';

/**
 * The nominative of the mention `doc.tokens[tokStart..tokEnd)`: `Касым-Жомарта Токаева` →
 * `Касым-Жомарт Токаев`, `в Казахстане` → `Казахстан`, `Европейской комиссией` → `Европейская
 * комиссия`, `Министерства иностранных дел` → `Министерство иностранных дел`. The case is chosen
 * from all the words together (a name's parts agree, adjectives agree with their noun) and from a
 * preposition before the mention; only the head noun and the adjectives before it inflect.
 * Abbreviations, Latin words and indeclinable names stay as written.
 *
 * @example
 * normalizeMention(doc, 5, 7, 'PER', ctx.morphology); // 'Илон Маск' for 'Илона Маска'
 */
export function normalizeMention(doc: Doc, tokStart: number, tokEnd: number, type: EntityType, morphology: Morphology): string {
  const units = unitsOf(doc, tokStart, tokEnd, type, morphology);
  const common = units.every((u) => isLowerCase(u.text));
  const person = type === 'PER' && !common;
  const context = contextOf(doc, tokStart, tokEnd, morphology, person);
  const chosen = chosenOf(doc);
  context.coordinated = coordinatedCases(doc, tokStart, chosen);
  // A document names the same person or place again, mostly in the same surroundings.
  const text = doc.text.slice(doc.tokens[tokStart].start, doc.tokens[tokEnd - 1].end);
  const normalised = normalisedOf(doc);
  let earlier = normalised.get(text);
  if (earlier !== undefined) {
    for (const e of earlier) {
      if (!sameMention(doc, e, tokStart, tokEnd, type, context)) continue;
      if (e.chosen !== 0) chosen.set(tokEnd, e.chosen);
      return e.normal;
    }
  }
  const forms = person ? personForms(units, context, morphology) : phraseForms(units, context, type, morphology);
  if (type !== 'PER') {
    if (units.length === 1) keepSurnameSingular(units[0], forms, morphology);
    keepAbbreviations(units, forms);
  }
  const normal = assemble(doc, tokStart, tokEnd, units, forms);
  const { cases, hintSlots, verbBefore, verbAfter, coordinated, roleCases } = context;
  if (context.chosen !== 0) chosen.set(tokEnd, context.chosen);
  if (earlier === undefined) normalised.set(text, (earlier = freshList())); // not a literal: see fresh-list.ts
  earlier.push(new Normalised(tokStart, tokEnd, type, cases, hintSlots, verbBefore, verbAfter, coordinated, context.chosen, roleCases, normal));
  return normal;
}

/**
 * The nominative singular of a coordinated adjective with the head it shares (hygiene's rule 10):
 * `Донецкой` or `Луганской` with `народных республик` → `Донецкая народная республика`,
 * `Луганская народная республика`; `Центрального` with `военных округов` → `Центральный военный
 * округ`; `Северной` with `Америке` → `Северная Америка`. The adjective and the lower-case
 * adjectives before the head take the head noun's gender; what follows the head stays as written.
 * Undefined when a word does not inflect (the caller falls back to the words as a mention).
 *
 * @example
 * sharedHeadNominative(doc, 4, { from: 7, to: 9 }, ctx.morphology); // 'Донецкая народная республика'
 */
export function sharedHeadNominative(doc: Doc, adjective: number, shared: { from: number; to: number }, morphology: Morphology): string | undefined {
  let n = -1;
  for (let i = shared.from; i < shared.to && n < 0; i++) if (doc.morph[i].pos === 'NOUN') n = i;
  if (n < 0) return undefined;
  const tags = doc.morph[n].tags;
  const gender = tags.includes('masc') ? 'masc' : tags.includes('femn') ? 'femn' : tags.includes('neut') ? 'neut' : undefined;
  if (gender === undefined) return undefined;
  const words: string[] = [];
  for (const i of [adjective, ...Array.from({ length: n - shared.from }, (_, k) => shared.from + k)]) {
    const form = morphology.inflect(doc.tokens[i].text, ['nomn', 'sing', gender]);
    if (form === undefined) return undefined;
    words.push(form);
  }
  const noun = morphology.inflect(doc.tokens[n].text, ['nomn', 'sing'], doc.morph[n]);
  if (noun === undefined) return undefined;
  words.push(noun);
  if (n + 1 < shared.to) words.push(doc.text.slice(doc.tokens[n + 1].start, doc.tokens[shared.to - 1].end));
  return words.join(' ');
}

/**
 * A mention already normalised in a document: where it stands, its type, what its surroundings
 * said (the document-wide evidence is the same for all its mentions), and its nominative.
 */
class Normalised {
  // A class rather than an object literal: V8 pretenured the literal during the first documents
  // (see fresh-list.ts), so a document's records died in the old generation; `new` has no
  // allocation site and always allocates young.
  constructor(
    readonly tokStart: number,
    readonly tokEnd: number,
    readonly type: EntityType,
    readonly cases: MentionContext['cases'],
    readonly hintSlots: number,
    readonly verbBefore: MentionContext['verbBefore'],
    readonly verbAfter: MentionContext['verbAfter'],
    readonly coordinated: MentionContext['coordinated'],
    readonly chosen: MentionContext['chosen'],
    readonly roleCases: number,
    readonly normal: string,
  ) {}
}

// Per document, by the mention's text.
const normalisedCache = new WeakMap<Doc, Map<string, Normalised[]>>();

function normalisedOf(doc: Doc): Map<string, Normalised[]> {
  let m = normalisedCache.get(doc);
  if (m === undefined) normalisedCache.set(doc, (m = new Map()));
  return m;
}

// Per document: the likely cases of each name mention, by the token after it (normalizeMention
// is asked in text order, so a name's coordinated neighbour before it is known).
const chosenCases = new WeakMap<Doc, Map<number, number>>();

function chosenOf(doc: Doc): Map<number, number> {
  let m = chosenCases.get(doc);
  if (m === undefined) chosenCases.set(doc, (m = new Map()));
  return m;
}

/**
 * The likely cases of a name that this one is coordinated with by и/или right before it
 * (Олега Сенцова и Романа Сущенко, Москвы и Питера): bits in CASES' order, 0 when there is none.
 */
function coordinatedCases(doc: Doc, tokStart: number, chosen: Map<number, number>): number {
  if (chosen.size === 0 || !coordinatedAfterName(doc, tokStart)) return 0;
  return chosen.get(tokStart - 1) ?? 0;
}

/**
 * True when the mention `doc.tokens[tokStart..tokEnd)` (of the same text as `e`) normalises as
 * `e` did: the same type, tokens (texts, kinds, spaces between) and surroundings.
 */
function sameMention(doc: Doc, e: Normalised, tokStart: number, tokEnd: number, type: EntityType, context: MentionContext): boolean {
  if (e.type !== type || e.tokEnd - e.tokStart !== tokEnd - tokStart || e.cases !== context.cases || e.hintSlots !== context.hintSlots) return false;
  if (e.verbBefore !== context.verbBefore || e.verbAfter !== context.verbAfter || e.coordinated !== context.coordinated || e.roleCases !== context.roleCases) return false;
  const toks = doc.tokens;
  for (let k = 0; k < tokEnd - tokStart; k++) {
    const a = toks[e.tokStart + k];
    const b = toks[tokStart + k];
    if (a.text !== b.text || a.kind !== b.kind) return false;
    if (k > 0 && (a.start > toks[e.tokStart + k - 1].end) !== (b.start > toks[tokStart + k - 1].end)) return false;
  }
  return true;
}

/**
 * A capitalised word in -ов/-ев/-ин/-ын that the dictionary knows as a surname in the nominative
 * stays that surname, not a genitive plural (`Бирюков` is no form of the village `Бирюки`),
 * whatever type it got; `Нидерландов`, no surname, still becomes `Нидерланды`.
 */
function keepSurnameSingular(u: Unit, forms: Map<Unit, string>, morphology: Morphology): void {
  const form = forms.get(u);
  if (form === undefined || !/^\p{Lu}.*(?:ов|ев|ёв|ин|ын)$/u.test(u.text) || !/[иы]$/.test(form)) return;
  if ((wordFacts(morphology, u.text).flags & KNOWN_SURNAME_NOMINATIVE) !== 0) forms.delete(u);
}

/**
 * An abbreviation with a case ending (`МИДа`, `МИДе`) that the mention's nominative inflects is the
 * abbreviation (`МИД`): the dictionary reads it as the noun `мид`, which gave `Мид`; alone, it is
 * the abbreviation even when the dictionary has no form for it (`ВЦИОМа`). One in a tail left as
 * written stays so (`Учебный театр ГИТИСа`, `Дело ЮКОСа`).
 */
function keepAbbreviations(units: Unit[], forms: Map<Unit, string>): void {
  for (const u of units) {
    if (u.part >= 0 || (units.length > 1 && !forms.has(u))) continue;
    const a = abbreviationOf(u.text);
    if (a !== u.text) forms.set(u, a);
  }
}

function isFixedWord(w: string): boolean {
  if (!hasCyrillicLetter(w)) return true; // Latin, digits
  if (w.length > 1 && isUpperCase(w)) return true; // МИД, ЕС
  return w.length === 1; // an initial
}

const CYRILLIC_LETTER = /[а-яё]/i;
/** A word in capitals long enough to be no abbreviation of a person's name (`РЕБРИК`, not `ИП`). */
const CAPS_SURNAME = /^[А-ЯЁ]{4,}$/;
const LOWER_WORD = /^\p{Ll}{4,}$/u;

/** `/[а-яё]/i.test(w)`, without the regex for Latin and basic Cyrillic words. */
function hasCyrillicLetter(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if ((c >= 0x410 && c <= 0x44f) || c === 0x451 || c === 0x401) return true;
    if (c >= 0x80 && (c < 0x400 || c >= 0x460)) return CYRILLIC_LETTER.test(w); // other scripts: the regex's own case folding
  }
  return false;
}

function unitsOf(doc: Doc, tokStart: number, tokEnd: number, type: EntityType, morphology: Morphology): Unit[] {
  const units: Unit[] = [];
  for (let i = tokStart; i < tokEnd; i++) {
    const t = doc.tokens[i];
    if (t.kind !== 'word') continue;
    if (t.text.includes('-') && (wordFacts(morphology, t.text).flags & KNOWN_WHOLE) === 0) {
      // Names decline part by part (Рис-Могга, Азию-Биби) except particles (Саифа-ул-Мулука);
      // a place declines its first part only when a particle follows (Франкфурте-на-Майне).
      const parts = t.text.split('-');
      // A compound adjective declines as one word (Китайско-пакистанского → Китайско-пакистанский,
      // Военно-морских → Военно-морские), not part by part.
      const compound = type !== 'PER' && parts.length === 2 && LOWER_WORD.test(parts[1]) && (tagFacts(morphology, t.text).flags & FIRST_ADJECTIVE) !== 0;
      const particle = !compound && parts.some((p, k) => k > 0 && p.length > 0 && p === p.toLowerCase());
      if (type === 'PER' || particle) {
        parts.forEach((p, k) => {
          const lowerPart = k > 0 && p === p.toLowerCase();
          const fixed = p.length === 0 || isFixedWord(p) || lowerPart || (type !== 'PER' && k > 0);
          units.push({ tok: i, part: k, text: p, fixed });
        });
        if (type !== 'PER') units.splice(units.length - parts.length + 1); // the fixed tail stays in assemble
        continue;
      }
      units.push({ tok: i, part: -1, text: t.text, fixed: isFixedWord(t.text) });
    } else {
      // A person's surname in capitals after the first name (`Иваном САПРЫКИНЫМ`, a byline's style)
      // declines as the name it is, written with a capital only.
      if (type === 'PER' && units.length > 0 && CAPS_SURNAME.test(t.text)) {
        units.push({ tok: i, part: -1, text: titleCased(t.text), fixed: false });
        continue;
      }
      // A person's lower-case particle (ван, фон, бен) stays as written: no case of its own.
      units.push({ tok: i, part: -1, text: t.text, fixed: isFixedWord(t.text) || (type === 'PER' && nameParticles().has(t.text)) });
    }
  }
  return units;
}

/** The mention as written, each unit replaced by its form where it has one. `units` are in token order (as `unitsOf` gives them). */
function assemble(doc: Doc, tokStart: number, tokEnd: number, units: Unit[], forms: Map<Unit, string>): string {
  let out = '';
  let k = 0; // the next unit
  for (let i = tokStart; i < tokEnd; i++) {
    const t = doc.tokens[i];
    if (i > tokStart && t.start > doc.tokens[i - 1].end) out += ' ';
    if (k < units.length && units[k].tok === i && units[k].part < 0) { out += forms.get(units[k]) ?? units[k].text; k++; }
    else if (k < units.length && units[k].tok === i) {
      // A hyphenated word declined part by part: the parts without a unit stay as written.
      const pieces = t.text.split('-');
      for (; k < units.length && units[k].tok === i; k++) pieces[units[k].part] = forms.get(units[k]) ?? units[k].text;
      out += pieces.join('-');
    } else out += t.text;
  }
  return out;
}
