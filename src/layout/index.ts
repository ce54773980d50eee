/**
 * Layout stage: the first look at the raw text. Paragraphs (one per non-blank line), the article
 * body versus the boilerplate pasted around it, and the language of the body.
 */
import type { Doc } from '../doc.js';
import type { Span } from '../types.js';
import { findRegions } from './boilerplate.js';
import { findPromos } from './promos.js';
import { findCode, type CodeBlock } from './code.js';
import { findCredits } from './credits.js';
import { detectLanguage } from './language.js';
import { splitLines } from './lines.js';

/**
 * Adds `paragraphs`, `body`, `boilerplate` (the regions before and after the body, and the
 * promotion blocks, script code and photo credits inside it), `promos`, `asides` and `language` to the document. Linear in the text, never throws on
 * any string.
 * @example
 * const doc = new Doc(articleWithMostReadList);
 * layout(doc);
 * doc.body;        // { start: 0, end: 1723 }
 * doc.boilerplate; // [{ start: 1724, end: 2701, kind: 'list' }]
 */
export function layout(doc: Doc): void {
  const text = doc.text;
  const lines = splitLines(text);
  doc.paragraphs = lines.map((l) => ({ start: l.start, end: l.end }));
  if (lines.length === 0) {
    doc.body = { start: 0, end: 0 };
    doc.boilerplate = [];
    doc.language = detectLanguage(text, 0, 0);
    return;
  }
  const regions = findRegions(text, lines);
  let first = 0;
  let last = lines.length - 1;
  doc.boilerplate = regions.map((r) => {
    if (r.from === 0) first = r.to + 1;
    else last = r.from - 1;
    return { start: lines[r.from].start, end: lines[r.to].end, kind: r.kind };
  });
  doc.body = { start: lines[first].start, end: lines[last].end };
  doc.promos = [];
  for (const p of findPromos(text, lines, first, last)) doc.promos.push({ start: lines[p.from].start, end: lines[p.to].end });
  // Regions of the body that are no prose of the article: script code and photo credits, in order.
  const code = findCode(text, lines, first, last);
  const asides: Array<Span & { kind: string }> = [];
  let c = 0;
  for (const credit of findCredits(text, lines, first, last)) {
    while (c < code.length && lines[code[c].to].end <= credit.start) asides.push(codeRegion(code[c++]));
    if (c < code.length && lines[code[c].from].start <= credit.start) continue; // a credit inside a code block is code
    asides.push({ start: credit.start, end: credit.end, kind: 'credit' });
  }
  while (c < code.length) asides.push(codeRegion(code[c++]));
  doc.asides = asides.map((a) => ({ start: a.start, end: a.end }));
  if (doc.promos.length > 0 || asides.length > 0) {
    for (const p of doc.promos) doc.boilerplate.push({ start: p.start, end: p.end, kind: 'promo' });
    for (const a of asides) doc.boilerplate.push(a);
    doc.boilerplate.sort((a, b) => a.start - b.start);
  }
  doc.language = detectLanguage(text, doc.body.start, doc.body.end);

  function codeRegion(b: CodeBlock): Span & { kind: string } {
    return { start: lines[b.from].start, end: lines[b.to].end, kind: 'code' };
  }
}
