import type { MorphTok } from '../src/doc.js';
import { Context } from '../src/context.js';
import { extractFeatures, N_ATTR } from '../src/entities/tagger/features.js';
import { hashString } from '../src/hash.js';
import { prepared } from './prepared.js';

/*
 * The tagger caches attribute rows per word form and keeps the analysis attributes of a form's
 * current and previous analysis. These tests hold the cached rows to the attributes' definitions,
 * written out here as plainly as possible.
 */

const ctx = new Context();

/** Positions of the attributes read from the analysis, in the order of expectedMorphAttrs. */
const A_LEMMA = 1, A_POS = 7, A_POSCASE = 8, A_PROPER = 9, A_NUMGEN = 11, A_AMBIG = 13;
const MORPH_ATTRS = [A_LEMMA, A_POS, A_POSCASE, A_PROPER, A_NUMGEN];

const PROPER = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad', 'Abbr', 'Init', 'Fixd'];
const CASES = new Set(['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'voct', 'gen2', 'acc2', 'loc2']);
const NUMGEN = new Set(['sing', 'plur', 'masc', 'femn', 'neut', 'ms-f']);

/** Lemma, POS, POS|case, proper-name grammemes, POS|number and gender: their strings hashed. */
function expectedMorphAttrs(m: MorphTok, kind: string): number[] {
  let caseTag = '-';
  let proper = '';
  let numgen = '';
  for (const g of m.tags) {
    if (CASES.has(g)) caseTag = g;
    else if (PROPER.includes(g)) proper += g + ',';
    else if (NUMGEN.has(g)) numgen += g + ',';
  }
  const pos = m.pos ?? (kind === 'word' ? 'UNKN' : kind);
  return [hashString(m.lemma, 2), hashString(pos, 8), hashString(pos + '|' + caseTag, 9), hashString(proper, 10), hashString(pos + '|' + numgen, 12)];
}

/** The attribute row of token i of a document whose token `at` is given analysis m. */
function rowWith(text: string, at: number, m: MorphTok | undefined, i = at): number[] {
  const doc = prepared(text, ctx);
  if (m !== undefined) doc.morph[at] = m;
  const f = extractFeatures(doc, 18, ctx.morphology, true);
  return [...f.attrs.subarray((i + 2) * N_ATTR, (i + 3) * N_ATTR)];
}

describe('tagger form cache', () => {
  const verb: MorphTok = { lemma: 'стать', pos: 'VERB', tags: ['VERB', 'perf', 'intr', 'plur', 'past', 'indc'] };
  const nounGen: MorphTok = { lemma: 'сталь', pos: 'NOUN', tags: ['NOUN', 'inan', 'femn', 'sing', 'gent'] };
  const nounPlur: MorphTok = { lemma: 'сталь', pos: 'NOUN', tags: ['NOUN', 'inan', 'femn', 'plur', 'nomn'] };
  const name: MorphTok = { lemma: 'сталь', pos: 'NOUN', tags: ['NOUN', 'anim', 'Surn', 'Name', 'femn', 'sing', 'Fixd', 'gent'] };
  const unknown: MorphTok = { lemma: 'стали', pos: undefined, tags: [] };

  test('a form going back and forth between analyses gets each analysis\'s attributes', () => {
    const text = 'Они стали сильнее.';
    const sequence = [verb, nounGen, verb, nounPlur, nounGen, verb, name, verb, unknown, name, unknown, nounPlur, nounPlur];
    const rows = sequence.map((m) => rowWith(text, 1, m));
    for (let k = 0; k < sequence.length; k++) {
      expect(MORPH_ATTRS.map((a) => rows[k][a])).toEqual(expectedMorphAttrs(sequence[k], 'word'));
      // The form's own attributes do not depend on the analysis.
      for (let a = 0; a < N_ATTR; a++) if (!MORPH_ATTRS.includes(a)) expect(rows[k][a]).toBe(rows[0][a]);
    }
  });

  test('the chosen analyses of a real text: cached rows, first and repeated, match the definitions', () => {
    const text = 'Маск заявил, что стали больше. Маск и Токаев встретились в Москве, где стали дешевле.';
    for (let round = 0; round < 2; round++) {
      const doc = prepared(text, ctx);
      const f = extractFeatures(doc, 18, ctx.morphology, true);
      for (let i = 0; i < doc.tokens.length; i++) {
        const row = f.attrs.subarray((i + 2) * N_ATTR, (i + 3) * N_ATTR);
        expect(MORPH_ATTRS.map((a) => row[a])).toEqual(expectedMorphAttrs(doc.morph[i], doc.tokens[i].kind));
      }
    }
  });

  test('the ambiguity class: POS and proper-name grammemes of all parses, sorted and joined', () => {
    const words = ['Маск', 'стали', 'при', 'Москве', 'Токаева', 'мой', 'Алматы', 'печь', 'три', 'COVID'];
    const doc = prepared(words.join(' '), ctx);
    const f = extractFeatures(doc, 18, ctx.morphology, true);
    for (let i = 0; i < doc.tokens.length; i++) {
      const t = doc.tokens[i];
      if (t.kind !== 'word') continue;
      const tags = ctx.morphology.tags(t.text);
      const parts = new Set<string>();
      for (let k = 0; k < tags.length && k < 8; k++) {
        parts.add(String(tags[k].POS));
        for (const g of PROPER) if (tags[k].toString().includes(g)) parts.add(g);
      }
      expect(f.attrs[(i + 2) * N_ATTR + A_AMBIG]).toBe(hashString([...parts].sort().join(','), 14));
    }
  });
});
