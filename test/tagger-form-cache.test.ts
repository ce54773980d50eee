import type { MorphTok } from '../src/doc.js';
import { Context } from '../src/context.js';
import { readFileSync } from 'node:fs';
import {
  extractFeatures, listCachesForTests, N_ATTR, restartRowIds, TAG_LIST_LIMIT,
} from '../src/entities/tagger/features.js';
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

  /** The ambiguity class of a word by its definition. */
  function expectedAmbiguity(form: string): number {
    const tags = ctx.morphology.tags(form);
    const parts = new Set<string>();
    for (let k = 0; k < tags.length && k < 8; k++) {
      parts.add(String(tags[k].POS));
      for (const g of PROPER) if (tags[k].toString().includes(g)) parts.add(g);
    }
    return hashString([...parts].sort().join(','), 14);
  }

  test('attributes kept by tag list and by parse-tag list equal those computed afresh, on a real article', () => {
    const article = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
    const rounds: Uint32Array[] = [];
    listCachesForTests.clear();
    for (let round = 0; round < 2; round++) {
      // Emptied form caches: every row is computed again, from the list caches in the second round.
      restartRowIds();
      const doc = prepared(article, ctx);
      const f = extractFeatures(doc, 18, ctx.morphology, true);
      for (let i = 0; i < doc.tokens.length; i++) {
        const row = f.attrs.subarray((i + 2) * N_ATTR, (i + 3) * N_ATTR);
        expect(MORPH_ATTRS.map((a) => row[a])).toEqual(expectedMorphAttrs(doc.morph[i], doc.tokens[i].kind));
        if (doc.tokens[i].kind === 'word') expect(row[A_AMBIG]).toBe(expectedAmbiguity(doc.tokens[i].text));
      }
      rounds.push(f.attrs.slice());
      expect(listCachesForTests.tagAttrsSize()).toBeGreaterThan(10);
      expect(listCachesForTests.ambiguitySize()).toBeGreaterThan(10);
    }
    expect(rounds[1]).toEqual(rounds[0]);
  });

  test('the tag-list cache empties when full, keeps no list that is not frozen, and stays right', () => {
    const lists = [verb.tags, nounGen.tags, nounPlur.tags, name.tags, ['PREP'], ['ADJF', 'Qual', 'masc', 'sing', 'nomn']];
    const n = TAG_LIST_LIMIT + 1000;
    const text = new Array<string>(n).fill('стали').join(' ');
    const doc = prepared(text, ctx);
    expect(doc.tokens.length).toBe(n);
    // A new frozen copy per token: as many distinct lists as tokens, so the cache fills and empties.
    for (let i = 0; i < n; i++) {
      const tags = Object.freeze([...lists[i % lists.length]]);
      doc.morph[i] = { lemma: i % 2 === 0 ? 'стать' : 'сталь', pos: i % 3 === 0 ? undefined : 'NOUN', tags };
    }
    listCachesForTests.clear();
    restartRowIds();
    const f = extractFeatures(doc, 18, ctx.morphology, true);
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      const want = expectedMorphAttrs(doc.morph[i], 'word');
      for (let k = 0; k < MORPH_ATTRS.length; k++) if (f.attrs[(i + 2) * N_ATTR + MORPH_ATTRS[k]] !== want[k]) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    const size = listCachesForTests.tagAttrsSize();
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThanOrEqual(n - TAG_LIST_LIMIT);

    // Lists not frozen are computed each time and never kept.
    const before = listCachesForTests.tagAttrsSize();
    const loose = prepared('стали стали стали', ctx);
    for (let i = 0; i < loose.tokens.length; i++) loose.morph[i] = { lemma: 'сталь', pos: 'NOUN', tags: [...nounGen.tags] };
    const g = extractFeatures(loose, 18, ctx.morphology, true);
    for (let i = 0; i < loose.tokens.length; i++) {
      const row = g.attrs.subarray((i + 2) * N_ATTR, (i + 3) * N_ATTR);
      expect(MORPH_ATTRS.map((a) => row[a])).toEqual(expectedMorphAttrs(loose.morph[i], 'word'));
    }
    expect(listCachesForTests.tagAttrsSize()).toBe(before);
  });

  test('rows stay right after the generations turned twice (a generation emptied and filled again)', () => {
    const article = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
    const rowsOf = (): Uint32Array => extractFeatures(prepared(article, ctx), 18, ctx.morphology, true).attrs.slice();
    restartRowIds();
    const first = rowsOf();
    // 70 000 distinct forms: more than two generations' worth, so the article's rows are dropped
    // and its generation is emptied and filled again with other forms.
    const filler = prepared(Array.from({ length: 70_000 }, (_, i) => String(i)).join(' '), ctx);
    extractFeatures(filler, 18, ctx.morphology, true);
    const doc = prepared(article, ctx);
    const again = extractFeatures(doc, 18, ctx.morphology, true).attrs.slice();
    expect(again).toEqual(first);
    for (let i = 0; i < doc.tokens.length; i++) {
      const row = again.subarray((i + 2) * N_ATTR, (i + 3) * N_ATTR);
      expect(MORPH_ATTRS.map((a) => row[a])).toEqual(expectedMorphAttrs(doc.morph[i], doc.tokens[i].kind));
    }
  });

  test('a tag list met with another POS gets that POS\'s attributes', () => {
    const tags = Object.freeze(['inan', 'femn', 'sing', 'gent']);
    for (const pos of ['NOUN', 'ADJF', undefined, 'NOUN']) {
      const m: MorphTok = { lemma: 'сталь', pos, tags };
      const row = rowWith('Они стали сильнее.', 1, m);
      expect(MORPH_ATTRS.map((a) => row[a])).toEqual(expectedMorphAttrs(m, 'word'));
    }
  });
});
