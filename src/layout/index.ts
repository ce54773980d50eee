import { francAll } from 'franc';
import type { Doc } from '../doc.js';

const LANGS = ['rus', 'ukr', 'bel', 'bul', 'kaz', 'srp', 'mkd', 'eng'];

/** Layout stage (placeholder): language, paragraphs, body = whole text. */
export function layout(doc: Doc): void {
  const text = doc.text;
  const paragraphs: Doc['paragraphs'] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].trim()) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  }
  doc.paragraphs = paragraphs;
  doc.body = { start: 0, end: text.length };
  const best = francAll(text.slice(0, 5000), { only: LANGS })[0];
  const code = best && best[0] !== 'und' ? best[0] : 'und';
  doc.language = { code, isRussian: code === 'rus', confidence: best ? best[1] : 0 };
}
