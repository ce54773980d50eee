import type { Doc } from '../doc.js';
import { startsUpper } from '../letters.js';
import type { Span } from './hygiene.js';

/*
 * One person, one label. The tagger reads each occurrence of a word on its own, so a surname it
 * tagged within a full name (`Дональд Туск`) can go untagged where the word stands alone at a
 * sentence's start (`Туск рассказал, что…`): there the capital says nothing, and the dictionary may
 * read the word as something else (az knows `туск` as a verb, `Асафов` as the genitive plural of
 * the name `Асаф`). A lone capitalised word written exactly as the last word of a person's span
 * elsewhere in the same document is that person's mention too.
 */

/** Shortest surname taken: two letters are initials or abbreviations more often than names. */
const MIN_LETTERS = 3;

/**
 * The spans (sorted by start, not overlapping) with a PER span added over each untagged word that
 * repeats the last word of a person's span of two words or more (a first name and a surname), when
 * no other capitalised word stands right before or after it. Spans of one word vouch for nothing:
 * that is what the tagger doubted.
 *
 * @example
 * // `Дональд Туск прилетел. Туск рассказал, что…`: PER `Дональд Туск` → PER `Дональд Туск`, PER `Туск`
 * withRepeatedSurnames(doc, spans);
 */
export function withRepeatedSurnames(doc: Doc, spans: Span[]): Span[] {
  let surnames: Set<string> | undefined;
  for (const s of spans) {
    if (s.type !== 'PER' || s.tokEnd - s.tokStart < 2) continue;
    const t = doc.tokens[s.tokEnd - 1];
    if (t.kind === 'word' && t.text.length >= MIN_LETTERS && startsUpper(t.text) && !isAllCaps(t.text)) (surnames ??= new Set()).add(t.text);
  }
  if (surnames === undefined) return spans;
  const tokens = doc.tokens;
  let out: Span[] | undefined;
  let k = 0; // the first span not ending before token i
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !surnames.has(t.text)) continue;
    while (k < spans.length && spans[k].tokEnd <= i) {
      out?.push(spans[k]);
      k++;
    }
    if (k < spans.length && spans[k].tokStart <= i) continue; // inside a span already
    if (capitalisedWord(doc, i - 1) || capitalisedWord(doc, i + 1)) continue;
    (out ??= spans.slice(0, k)).push({ tokStart: i, tokEnd: i + 1, type: 'PER' });
  }
  if (out === undefined) return spans;
  for (; k < spans.length; k++) out.push(spans[k]);
  return out;
}

function capitalisedWord(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return t !== undefined && t.kind === 'word' && startsUpper(t.text);
}

function isAllCaps(w: string): boolean {
  return w === w.toUpperCase();
}
