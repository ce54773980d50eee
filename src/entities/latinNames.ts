import type { Doc } from '../doc.js';
import { oneSpaceAfter as spaced, wordSetOf } from './grammar.js';
import type { Span } from './hygiene.js';

/*
 * Names written in the Latin alphabet (`The Washington Post`, `Inside The Games`) come to the
 * tagger as words it mostly never saw, and it cuts them at the words it knows: `The` ORG,
 * `Washington` LOC, `Post` ORG. Russian text writes such a name as a run of capitalised Latin words,
 * so the run is one name: the spans inside it are joined, and it takes the capitalised Latin words
 * next to them (`The` before `Wall Street Journal`).
 */

const CAPITAL_LATIN = /^[A-Z][A-Za-z'’]*$/;

function capitalLatinAt(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return t !== undefined && t.kind === 'word' && CAPITAL_LATIN.test(t.text);
}

function connectorAt(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return t !== undefined && t.kind === 'word' && wordSetOf('latin-connectors.tsv').has(t.text);
}

/** True when token i is a word that may stand between two parts of one Latin name. */
function bridgeAt(doc: Doc, i: number): boolean {
  return (capitalLatinAt(doc, i) || connectorAt(doc, i)) && spaced(doc, i - 1) && spaced(doc, i);
}

/** True when every token of the span is a capitalised Latin word or a connector inside it. */
function latinOnly(doc: Doc, s: Span): boolean {
  if (!capitalLatinAt(doc, s.tokStart) || !capitalLatinAt(doc, s.tokEnd - 1)) return false;
  for (let i = s.tokStart; i < s.tokEnd; i++) if (!capitalLatinAt(doc, i) && !connectorAt(doc, i)) return false;
  return true;
}

/**
 * The spans with Latin-only spans next to each other (one space apart, or one capitalised Latin
 * word or lower-case connector between them) made one span, with a `The` before the first taken
 * in. The joined span takes its last part's type: an English name ends in its head noun
 * (`New York` LOC + `Times` ORG is a newspaper, `Wikimedia Commons` a site). Untagged words at the ends stay
 * out (but `The`), so an English headline around a tagged name does not become one.
 *
 * @example
 * // `The` ORG, `Washington` LOC, `Post` ORG → `The Washington Post` ORG
 * joinLatinNames(doc, spans);
 */
export function joinLatinNames(doc: Doc, spans: Span[]): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (!latinOnly(doc, s)) { out?.push(s); continue; }
    let type = s.type;
    let end = s.tokEnd;
    let j = k + 1;
    for (; j < spans.length; j++) {
      const t = spans[j];
      const joins = latinOnly(doc, t) && (t.tokStart === end ? spaced(doc, end - 1) : t.tokStart === end + 1 && bridgeAt(doc, end));
      if (!joins) break;
      type = t.type;
      end = t.tokEnd;
    }
    const prev = out !== undefined ? out[out.length - 1] : spans[k - 1];
    const the = s.tokStart > 0 && doc.tokens[s.tokStart - 1].text === 'The' && spaced(doc, s.tokStart - 1) && (prev === undefined || prev.tokEnd < s.tokStart);
    if (j === k + 1 && !the) { out?.push(s); continue; }
    out ??= spans.slice(0, k);
    out.push({ tokStart: the ? s.tokStart - 1 : s.tokStart, tokEnd: end, type });
    k = j - 1;
  }
  return out ?? spans;
}
