import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import { oneSpaceAfter, readTsv } from './grammar.js';
import type { Span } from './hygiene.js';
import { nameTypeOf, restName } from './media.js';
import { startsUpper } from '../letters.js';

/*
 * `Соединённые Штаты`, `Соединённое Королевство`: names made of common words, which the tagger
 * reads by their shape. At a sentence's start it leaves the capitalised participle out and takes
 * the plural `Штаты` for a person (the normaliser then makes it `Штата`); mid-sentence it runs the
 * name on into the person after it (`Соединённых Штатов Дональд Трамп`). A span that starts at
 * such a head (fixed-places.tsv) or its participle is the place: the participle before it taken in,
 * typed LOC, and ended after the head unless a capitalised genitive noun goes on (`Штаты Америки`);
 * a capitalised rest, also after an `и` (`Соединённые Штаты и Великобритания`), stays a name of its own.
 */

interface FixedPlace { number: 'sing' | 'plur'; before: string; alone: boolean }

let table: Map<string, FixedPlace> | undefined;

function fixedPlaces(): Map<string, FixedPlace> {
  if (table === undefined) {
    const read = new Map<string, FixedPlace>();
    for (const [head, number, before, alone] of readTsv('fixed-places.tsv')) read.set(head, { number: number as FixedPlace['number'], before, alone: alone === 'yes' });
    table = read;
  }
  return table;
}

function capitalWordAt(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return t !== undefined && t.kind === 'word' && startsUpper(t.text);
}

/** The place of fixed-places.tsv whose head is token i, capitalised and in the name's number. */
function headAt(doc: Doc, i: number): FixedPlace | undefined {
  if (!capitalWordAt(doc, i)) return undefined;
  const p = fixedPlaces().get(doc.morph[i].lemma);
  return p !== undefined && doc.morph[i].tags.includes(p.number) ? p : undefined;
}

/** True when token i is the capitalised word (its lemma `before`) one space before the head at i + 1. */
function partBefore(doc: Doc, i: number, p: FixedPlace): boolean {
  return i >= 0 && capitalWordAt(doc, i) && doc.morph[i].lemma === p.before && oneSpaceAfter(doc, i);
}

/**
 * The spans with each one that starts at a fixed place's head or the word before it (fixed-places.tsv)
 * made that place: `Штаты` PER → `Соединённые Штаты` LOC (the participle before taken in),
 * `Штатов Дональд Трамп` PER → `Соединённых Штатов` LOC + `Дональд Трамп` PER.
 *
 * @example
 * fixPlaceNames(doc, [{ tokStart: 1, tokEnd: 2, type: 'PER' }], morphology); // LOC [0, 2) for `Соединённые Штаты заявили`
 */
export function fixPlaceNames(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    let start = s.tokStart, head = s.tokStart;
    let p = headAt(doc, head);
    if (p === undefined && s.tokEnd - s.tokStart > 1) {
      head = s.tokStart + 1;
      p = headAt(doc, head);
      if (p !== undefined && !partBefore(doc, s.tokStart, p)) p = undefined;
    }
    if (p === undefined) { out?.push(s); continue; }
    const prev = out !== undefined ? out[out.length - 1] : spans[k - 1];
    // The participle untagged, or tagged a name of its own (`Соединённых` LOC + `Штатов …` PER).
    const ownSpan = prev !== undefined && prev.tokStart === head - 1 && prev.tokEnd === head;
    if (start === head && partBefore(doc, head - 1, p) && (prev === undefined || prev.tokEnd < head || ownSpan)) start = head - 1;
    if (start === head && !p.alone) { out?.push(s); continue; }
    out ??= spans.slice(0, k);
    if (ownSpan && start === head - 1) out.pop();
    let end = head + 1;
    // `Соединённые Штаты Америки`: a capitalised genitive noun goes on in the name.
    if (end < s.tokEnd && capitalWordAt(doc, end) && doc.morph[end].pos === 'NOUN' && doc.morph[end].tags.includes('gent')) end++;
    out.push({ tokStart: start, tokEnd: end, type: 'LOC' });
    const r = end < s.tokEnd ? restName(doc, end, s.tokEnd) : -1;
    if (r >= 0) out.push({ tokStart: r, tokEnd: s.tokEnd, type: nameTypeOf(doc, r, morphology) });
  }
  return out ?? spans;
}
