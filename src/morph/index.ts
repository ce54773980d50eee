import type { Doc } from '../doc.js';
import { analyseInto } from './context.js';
import type { Morphology } from './morphology.js';

/**
 * Morphology stage: fills `doc.morph` parallel to `doc.tokens`, choosing each word's analysis in
 * the context of its sentence (see context.ts); non-word tokens get an analysis-less MorphTok.
 *
 * @example
 * morph(doc, ctx.morphology);
 * doc.morph[i].lemma; // 'сенат' for 'сенате'
 */
export function morph(doc: Doc, morphology: Morphology): void {
  const tokens = doc.tokens;
  const n = tokens.length;
  // Only word tokens are analysed; punctuation and numbers keep their place for the rules to see.
  const forms = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const k = tokens[i].kind;
    forms[i] = k === 'word' || k === 'punct' || k === 'number' ? tokens[i].text : ' ';
  }
  const out = new Array(n);
  // Punctuation and numbers analysed as their own text already hold morphology.unknown(text).
  const bare = new Uint8Array(n);
  // Each token gets the morphology cache's copy of its text: the later stages key their caches by
  // token text, and one shared string per form (hashed once) is both smaller and faster to look up.
  // analyseInto writes each form's cached copy over it in `forms` (this stage's own array).
  const cached = forms;
  let covered = 0;
  for (const s of doc.sentences) {
    if (s.tokStart > covered) analyseInto(forms, morphology, covered, s.tokStart, out, covered, bare, cached);
    analyseInto(forms, morphology, s.tokStart, s.tokEnd, out, s.tokStart, bare, cached);
    covered = Math.max(covered, s.tokEnd);
  }
  if (covered < n) analyseInto(forms, morphology, covered, n, out, covered, bare, cached);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const k = t.kind;
    if (k === 'word' || k === 'punct' || k === 'number') t.text = cached[i];
    if (k !== 'word' && !(bare[i] === 1 && (k === 'punct' || k === 'number'))) out[i] = morphology.unknown(t.text);
  }
  doc.morph = out;
}

export { Morphology } from './morphology.js';
export { analyseSentence } from './context.js';
