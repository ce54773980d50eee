import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import type { EntityType } from '../types.js';
import { caseOf, hasGrammeme, isPlural } from './grammar.js';
import { contextOf, isKnown, parses, type Unit } from './mentionContext.js';
import { personForms } from './personName.js';
import { phraseForms } from './phrase.js';
import { isLowerCase } from '../letters.js';

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
  const forms = person ? personForms(units, context, morphology) : phraseForms(units, context, type, morphology);
  if (type !== 'PER' && units.length === 1) keepSurnameSingular(units[0], forms, morphology);
  return assemble(doc, tokStart, tokEnd, units, forms);
}

/**
 * A capitalised word in -ов/-ев/-ин/-ын that the dictionary knows as a surname in the nominative
 * stays that surname, not a genitive plural (`Бирюков` is no form of the village `Бирюки`),
 * whatever type it got; `Нидерландов`, no surname, still becomes `Нидерланды`.
 */
function keepSurnameSingular(u: Unit, forms: Map<Unit, string>, morphology: Morphology): void {
  const form = forms.get(u);
  if (form === undefined || !/^\p{Lu}.*(?:ов|ев|ёв|ин|ын)$/u.test(u.text) || !/[иы]$/.test(form)) return;
  if (parses(morphology, u.text).some((p) => isKnown(p) && hasGrammeme(p, 'Surn') && !isPlural(p) && caseOf(p) === 'nomn')) forms.delete(u);
}

function isFixedWord(w: string): boolean {
  if (!hasCyrillicLetter(w)) return true; // Latin, digits
  if (w.length > 1 && isUpperCase(w)) return true; // МИД, ЕС
  return w.length === 1; // an initial
}

const CYRILLIC_LETTER = /[а-яё]/i;

/** `/[а-яё]/i.test(w)`, without the regex for Latin and basic Cyrillic words. */
function hasCyrillicLetter(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if ((c >= 0x410 && c <= 0x44f) || c === 0x451 || c === 0x401) return true;
    if (c >= 0x80 && (c < 0x400 || c >= 0x460)) return CYRILLIC_LETTER.test(w); // other scripts: the regex's own case folding
  }
  return false;
}

/** `w === w.toUpperCase()`, without the copy for Latin and basic Cyrillic words. */
function isUpperCase(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) return false;
    } else if (c >= 0x400 && c < 0x460) {
      if (c >= 0x430) return false;
    } else return w === w.toUpperCase(); // other scripts: the full rule
  }
  return true;
}

function unitsOf(doc: Doc, tokStart: number, tokEnd: number, type: EntityType, morphology: Morphology): Unit[] {
  const units: Unit[] = [];
  for (let i = tokStart; i < tokEnd; i++) {
    const t = doc.tokens[i];
    if (t.kind !== 'word') continue;
    if (t.text.includes('-') && !knownAsWhole(t.text, morphology)) {
      // Names decline part by part (Рис-Могга, Азию-Биби) except particles (Саифа-ул-Мулука);
      // a place declines its first part only when a particle follows (Франкфурте-на-Майне).
      const parts = t.text.split('-');
      const particle = parts.some((p, k) => k > 0 && p.length > 0 && p === p.toLowerCase());
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
      units.push({ tok: i, part: -1, text: t.text, fixed: isFixedWord(t.text) });
    }
  }
  return units;
}

function knownAsWhole(word: string, morphology: Morphology): boolean {
  for (const p of parses(morphology, word)) {
    // A guess by suffix (Азию-Биби as a fixed name, or as the genitive of Азию-Бибя) says nothing about the whole.
    if (!isKnown(p)) continue;
    if (p.score > 0 && (hasGrammeme(p, 'Name') || hasGrammeme(p, 'Surn') || hasGrammeme(p, 'Geox') || hasGrammeme(p, 'Orgn'))) {
      // az also "knows" unknown hyphenated words by analogy with their last part; only trust
      // a whole-word parse whose first part is kept in the lemma.
      const lemma = p.normalize()?.word;
      if (typeof lemma === 'string' && lemma.split('-')[0] === word.toLowerCase().split('-')[0]) return true;
    }
  }
  return false;
}

function assemble(doc: Doc, tokStart: number, tokEnd: number, units: Unit[], forms: Map<Unit, string>): string {
  const byTok = new Map<number, Unit[]>();
  for (const u of units) {
    if (u.part < 0) continue;
    let list = byTok.get(u.tok);
    if (list === undefined) byTok.set(u.tok, (list = []));
    list.push(u);
  }
  const whole = new Map<number, Unit>();
  for (const u of units) if (u.part < 0) whole.set(u.tok, u);
  let out = '';
  for (let i = tokStart; i < tokEnd; i++) {
    const t = doc.tokens[i];
    if (i > tokStart && t.start > doc.tokens[i - 1].end) out += ' ';
    const w = whole.get(i);
    const parts = byTok.get(i);
    if (w !== undefined) out += forms.get(w) ?? t.text;
    else if (parts !== undefined) {
      const pieces = t.text.split('-');
      for (const u of parts) pieces[u.part] = forms.get(u) ?? u.text;
      out += pieces.join('-');
    }
    else out += t.text;
  }
  return out;
}
