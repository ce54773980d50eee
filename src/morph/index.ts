import type { Doc } from '../doc.js';
import type { Morphology } from './morphology.js';

/**
 * Morphology stage: fills `doc.morph` parallel to `doc.tokens`.
 */
export function morph(doc: Doc, morphology: Morphology): void {
  const out = new Array(doc.tokens.length);
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    out[i] = t.kind === 'word' ? morphology.best(t.text) : { stem: t.text, lemma: t.text.toLowerCase(), pos: undefined, tags: [] };
  }
  doc.morph = out;
}

export { Morphology } from './morphology.js';
