import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import { startsUpper } from '../letters.js';
import type { Span } from './hygiene.js';

/*
 * A body named after a person (`МГУ им. М.В. Ломоносова`, `Театр имени Вахтангова`) comes from the
 * tagger as two spans: the body up to `им.` and the eponym as a person, which often runs on into the
 * next name (`М.В. Ломоносова Владимир Бушуев`, the rector). The eponym is part of the body's name:
 * the body's span takes it, and the person's span keeps only what follows it.
 */

/** Words before an eponym: `им.`, `имени`, and a saint's `св.` (`Университет св. Иоанна`). */
const IMENI = new Set(['им', 'имени', 'св']);
/** Words of an eponym: a first name, a patronymic and a surname at most. */
const MAX_EPONYM_WORDS = 3;

function isImeni(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (t === undefined || t.kind !== 'word' || !IMENI.has(t.text.toLowerCase())) return false;
  // `им` without its full stop is the pronoun (`Кремль им Алексея Навального не отдаст`).
  return t.text.length > 2 || doc.tokens[i + 1]?.text === '.';
}

/** An initial: one capital letter and a full stop right after it. */
function initialAt(doc: Doc, i: number): boolean {
  const t = doc.tokens[i], dot = doc.tokens[i + 1];
  return t !== undefined && dot !== undefined && t.kind === 'word' && t.text.length === 1 && startsUpper(t.text) && dot.text === '.' && dot.start === t.end;
}

/** True when token i is a capitalised word with a genitive reading (`Ломоносова`, `Шевченко`), on the line of token i - 1. */
function genitiveNameAt(doc: Doc, i: number, morphology: Morphology): boolean {
  const t = doc.tokens[i];
  if (t === undefined || t.kind !== 'word' || !startsUpper(t.text)) return false;
  if (doc.text.slice(doc.tokens[i - 1].end, t.start).includes('\n')) return false;
  return morphology.tags(t.text).some((g) => g.gent === true);
}

function givenNameAt(doc: Doc, i: number, morphology: Morphology): boolean {
  return morphology.tags(doc.tokens[i].text).some((g) => g.Name === true && g.gent === true);
}

function patronymicAt(doc: Doc, i: number, morphology: Morphology): boolean {
  return morphology.tags(doc.tokens[i].text).some((g) => g.Patr === true && g.gent === true);
}

/** The end of the eponym starting at token j (after `им.`/`имени`), or -1 when none is there. */
function eponymEnd(doc: Doc, j: number, morphology: Morphology): number {
  let k = j;
  while (initialAt(doc, k)) k += 2;
  // After initials, or without a first name, the surname alone (`им. Чехова | Олега Табакова`, the
  // theatre's head after it); after a first name, a patronymic and then the surname.
  let words = 0;
  while (words < MAX_EPONYM_WORDS && genitiveNameAt(doc, k, morphology)) {
    const given = k === j && words === 0 && givenNameAt(doc, k, morphology);
    k++; words++;
    if (!given && !(words > 1 && patronymicAt(doc, k - 1, morphology))) break;
  }
  return words === 0 ? -1 : k;
}

/**
 * The spans with each place's or body's span before `им.`/`имени` and an eponym taking the
 * eponym in; a span the eponym overlaps keeps what follows it, one inside it goes.
 *
 * @example
 * // `МГУ им` ORG + `М.В. Ломоносова Владимир Бушуев` PER → `МГУ им. М.В. Ломоносова` ORG + `Владимир Бушуев` PER
 * joinEponyms(doc, spans, morphology);
 */
export function joinEponyms(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    let j = -1;
    if (s.type !== 'PER') {
      if (isImeni(doc, s.tokEnd - 1)) j = s.tokEnd;
      else if (isImeni(doc, s.tokEnd)) j = s.tokEnd + 1;
    }
    // `им.`, `св.`: the abbreviation's full stop.
    if (j > 0 && doc.tokens[j - 1].text.length === 2 && doc.tokens[j]?.text === '.' && doc.tokens[j].start === doc.tokens[j - 1].end) j++;
    const end = j > 0 ? eponymEnd(doc, j, morphology) : -1;
    if (end < 0) { out?.push(s); continue; }
    out ??= spans.slice(0, k);
    out.push({ tokStart: s.tokStart, tokEnd: end, type: s.type });
    // The spans the eponym reaches into.
    while (k + 1 < spans.length && spans[k + 1].tokStart < end) {
      const t = spans[++k];
      if (t.tokEnd > end && doc.tokens[end].kind === 'word' && startsUpper(doc.tokens[end].text)) out.push({ tokStart: end, tokEnd: t.tokEnd, type: t.type });
    }
  }
  return out ?? spans;
}
