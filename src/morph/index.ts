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
  if (scratch.forms.length < n) {
    const size = Math.max(n, 2 * scratch.forms.length);
    // Filled by a loop into a literal: `new Array(size).fill` gives a holey array whose kind its
    // allocation site changes after the first one, a shape met first in the timed pass.
    const forms: string[] = [];
    for (let i = 0; i < size; i++) forms.push(' ');
    scratch.forms = forms;
    scratch.bare = new Uint8Array(size);
  }
  const forms = scratch.forms;
  // Only word tokens are analysed; punctuation and numbers keep their place for the rules to see.
  for (let i = 0; i < n; i++) {
    const k = tokens[i].kind;
    forms[i] = k === 'word' || k === 'punct' || k === 'number' ? tokens[i].text : ' ';
  }
  const out = new Array(n);
  // Punctuation and numbers analysed as their own text already hold morphology.unknown(text).
  const bare = scratch.bare;
  bare.fill(0, 0, n);
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

// The stage's lists of forms and of bare tokens, reused from document to document (morph does not
// nest, and nothing keeps them past the call): longer than the document at hand, read up to n.
const scratch = { forms: [] as string[], bare: new Uint8Array(0) };

export { Morphology } from './morphology.js';
export { analyseSentence } from './context.js';
