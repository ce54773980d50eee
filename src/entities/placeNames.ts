import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import type { EntityType } from '../types.js';
import { tagHas, wordSetOf } from './grammar.js';
import { startsUpper } from '../letters.js';
import type { Span } from './hygiene.js';
import { isKnown, tagFacts } from './wordFacts.js';

/*
 * The tagger reads a city standing for its government as the one who acts (`Киев ввёл санкции`,
 * `Пентагон заявил`) and tags it a person. The dictionary knows such words as places (Geox) or
 * bodies (Orgn) and, unlike `Королёв` or `Орёл`, never as a first name, surname or patronymic, nor
 * as an adjective (a surname's shape): a one-word person span whose dictionary readings are so is
 * that place or body, unless a name goes on after it or a person's noun stands before it. Guessed readings do not count (az guesses
 * `Алеппо` to be a man's name).
 */

/** The type the dictionary gives a word that it knows as a place or body and never as a person's name. */
function dictionaryType(form: string, morphology: Morphology): EntityType | undefined {
  let type: EntityType | undefined;
  for (const p of morphology.parses(form)) {
    if (!isKnown(p)) continue;
    const t = p.tag;
    // An adjective's shape is a surname's too (`Дзержинский` is a town and Felix Dzerzhinsky).
    if (tagHas(t, 'Name') || tagHas(t, 'Surn') || tagHas(t, 'Patr') || t.POS === 'ADJF') return undefined;
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
  if (t === undefined || t.kind !== 'word' || t.start !== doc.tokens[j - 1].end + 1 || doc.text.charCodeAt(t.start - 1) !== 0x20) return false;
  return startsUpper(t.text) || wordSetOf('name-particles.tsv').has(t.text);
}

/** True when a lower-case animate noun stands right before token i (`Генерал Маккензи`, `генерал Маккензи`). */
function personNounBefore(doc: Doc, i: number, morphology: Morphology): boolean {
  const t = doc.tokens[i - 1];
  if (t === undefined || t.kind !== 'word') return false;
  return tagFacts(morphology, t.text.toLowerCase()).animate !== 0;
}

/**
 * The spans with each one-word person span that the dictionary knows only as a place or a body
 * given that type.
 *
 * @example
 * retypeKnownPlaces(doc, [{ tokStart: 0, tokEnd: 1, type: 'PER' }], morphology); // [{ …, type: 'LOC' }] for `Киев ввёл санкции`
 */
export function retypeKnownPlaces(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const type = s.type === 'PER' && s.tokEnd - s.tokStart === 1 && !nameGoesOn(doc, s.tokEnd) && !personNounBefore(doc, s.tokStart, morphology)
      ? dictionaryType(doc.tokens[s.tokStart].text, morphology) : undefined;
    if (type === undefined) { out?.push(s); continue; }
    out ??= spans.slice(0, k);
    out.push({ tokStart: s.tokStart, tokEnd: s.tokEnd, type });
  }
  return out ?? spans;
}
