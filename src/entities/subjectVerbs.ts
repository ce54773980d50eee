import type { Doc } from '../doc.js';
import { readRows } from '../data-file.js';
import { foldYo } from '../letters.js';

let verbs: Set<string> | undefined;

/**
 * The lemmas (ё folded) marked `subj` in the quotes stage's cue lexicon: verbs of saying that take
 * no person as their direct object, so that a name right after one is its subject. Read from the
 * quotes stage's file rather than listed again here.
 */
function subjectVerbs(): Set<string> {
  if (verbs === undefined) {
    verbs = new Set();
    for (const [kind, lemma, flags = ''] of readRows(new URL('../quotes/cues.tsv', import.meta.url))) {
      if (kind === 'verb' && flags.split(',').includes('subj')) verbs.add(foldYo(lemma));
    }
  }
  return verbs;
}

/**
 * Token `i` is a finite verb of saying marked `subj` in src/quotes/cues.tsv (`рассказал`,
 * `говорит`; not the infinitive of `следует отметить`), so a name right after it is its subject.
 *
 * @example
 * isSubjectVerb(doc, 2); // true for `рассказал` in `Об этом рассказал Диего Марадона`
 */
export function isSubjectVerb(doc: Doc, i: number): boolean {
  const m = doc.morph[i];
  return m !== undefined && m.pos === 'VERB' && subjectVerbs().has(foldYo(m.lemma));
}
