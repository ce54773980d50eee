/**
 * Layout stage: the first look at the raw text. Paragraphs (one per non-blank line), the article
 * body versus the boilerplate pasted around it, and the language of the body.
 */
import type { Doc } from '../doc.js';
import { findRegions } from './boilerplate.js';
import { findPromos } from './promos.js';
import { findCode } from './code.js';
import { detectLanguage } from './language.js';
import { splitLines } from './lines.js';

/**
 * Adds `paragraphs`, `body`, `boilerplate` (the regions before and after the body, and the
 * promotion blocks and script code inside it) and `language` to the document. Linear in the text, never throws on
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
  doc.code = [];
  for (const c of findCode(text, lines, first, last)) doc.code.push({ start: lines[c.from].start, end: lines[c.to].end });
  if (doc.promos.length > 0 || doc.code.length > 0) {
    for (const p of doc.promos) doc.boilerplate.push({ start: p.start, end: p.end, kind: 'promo' });
    for (const c of doc.code) doc.boilerplate.push({ start: c.start, end: c.end, kind: 'code' });
    doc.boilerplate.sort((a, b) => a.start - b.start);
  }
  doc.language = detectLanguage(text, doc.body.start, doc.body.end);
}
