import type { Doc, Tok } from '../doc.js';
import type { TokenKind } from '../types.js';

// Placeholder segmenter: word runs with inner hyphens, numbers, single other characters.
const TOKEN_RE = /(\p{L}[\p{L}\p{M}\d]*(?:[-‐][\p{L}\d]+)*)|(\d+(?:[.,]\d+)*)|(\S)/gu;

/** Segmentation stage: tokens and sentences. */
export function segment(doc: Doc): void {
  const text = doc.text;
  const tokens: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const kind: TokenKind = m[1] ? 'word' : m[2] ? 'number' : /\p{P}/u.test(m[0]) ? 'punct' : 'symbol';
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind });
  }
  doc.tokens = tokens;
  const sentences: Doc['sentences'] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const lineBreak = next !== undefined && text.slice(t.end, next.start).includes('\n');
    if (next === undefined || lineBreak || (/^[.!?…]$/.test(t.text) && /^\p{Lu}/u.test(next.text))) {
      sentences.push({ start: tokens[first].start, end: t.end, tokStart: first, tokEnd: i + 1 });
      first = i + 1;
    }
  }
  doc.sentences = sentences;
}
