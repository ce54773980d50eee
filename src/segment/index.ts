import type { Doc } from '../doc.js';
import { readTokens } from './reading.js';
import { sentenize } from './sentences.js';
import { tokenize } from './tokenize.js';

export { tokenize } from './tokenize.js';
export { sentenize } from './sentences.js';
export { readTokens, wordReading } from './reading.js';

/**
 * Segmentation stage: fills `doc.tokens` (every non-whitespace character of the whole text, body
 * and boilerplate alike, in exactly one token; a token written with invisible characters, decomposed
 * letters or Latin look-alikes gets its reading as `text`, listed in `doc.rewritten`) and `doc.sentences` (token ranges; no sentence
 * crosses a line break that ends a line, nor the edges of the article body). Never throws.
 * @example
 * const doc = new Doc('«Хорошо!» — сказал он. Т. е. 3,5 млрд долл.');
 * segment(doc);
 * doc.tokens.map((t) => t.text);   // ['«', 'Хорошо', '!', '»', '—', 'сказал', 'он', '.', 'Т', '.', 'е', '.', '3,5', 'млрд', 'долл', '.']
 * doc.sentences.length;             // 2
 */
export function segment(doc: Doc): void {
  const text = doc.text;
  doc.tokens = tokenize(text);
  // Before the sentences, whose rules read the tokens' texts (capitals, abbreviations).
  const rewritten = readTokens(text, doc.tokens);
  if (rewritten.length > 0) doc.rewritten = rewritten;
  const forced: number[] = [];
  if (doc.body.start > 0) forced.push(doc.body.start);
  if (doc.body.end > doc.body.start && doc.body.end < text.length) forced.push(doc.body.end);
  doc.sentences = sentenize(text, doc.tokens, forced);
}
