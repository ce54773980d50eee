import { readFileSync } from 'node:fs';
import type { MorphTok } from '../src/doc.js';
import { Context } from '../src/context.js';
import { decodeGreedy } from '../src/entities/tagger/decode.js';
import { extractFeatures, N_ATTR, restartRowIds, rowIdsEpoch } from '../src/entities/tagger/features.js';
import { DEFAULT_MODEL_URL, labelsWith, loadModel } from '../src/entities/tagger/index.js';
import type { SparseModel } from '../src/entities/tagger/model.js';
import { prepared } from './prepared.js';

/*
 * The decoder keys the scores it keeps per attribute row by the row's id (row-scores.ts): that
 * is exact only if one id never stands for two different rows.
 */

const ctx = new Context();
const model = loadModel(DEFAULT_MODEL_URL).first as SparseModel;
const article = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');

/** Records the row of every id met; fails on an id met with another row. Returns the rows read. */
function checkIds(rowsById: Map<number, string>, attrs: Uint32Array, ids: Int32Array): number {
  for (let j = 0; j < ids.length; j++) {
    const row = [...attrs.subarray(j * N_ATTR, (j + 1) * N_ATTR)].join(',');
    const known = rowsById.get(ids[j]);
    if (known === undefined) rowsById.set(ids[j], row);
    else expect(row).toBe(known);
  }
  return ids.length;
}

describe('tagger row ids', () => {
  test('one id, one attribute row: across documents, analyses going back and forth, word kinds', () => {
    const verb: MorphTok = { lemma: 'стать', pos: 'VERB', tags: ['VERB', 'perf', 'intr', 'plur', 'past', 'indc'] };
    const noun: MorphTok = { lemma: 'сталь', pos: 'NOUN', tags: ['NOUN', 'inan', 'femn', 'sing', 'gent'] };
    const rowsById = new Map<number, string>();
    let rows = 0;
    const texts = [article, 'Они стали сильнее.', 'Маск заявил, что стали больше.', article, 'стали 2024 стали'];
    for (let round = 0; round < 3; round++) {
      for (const text of texts) {
        for (const m of [undefined, verb, noun, verb]) {
          const doc = prepared(text, ctx);
          if (m !== undefined) doc.tokens.forEach((t, i) => { if (t.text === 'стали') doc.morph[i] = m; });
          const f = extractFeatures(doc, model.bits, ctx.morphology, true);
          rows += checkIds(rowsById, f.attrs, f.rowIds);
        }
      }
    }
    // Rows met again come back under the ids they had.
    expect(rowsById.size).toBeLessThan(rows / 10);
  });

  test('after the ids restart: features extracted before are decoded without them, the same labels', () => {
    const doc = prepared(article, ctx);
    const expected = [...labelsWith({ first: model }, doc, ctx.morphology)];
    const before = extractFeatures(doc, model.bits, ctx.morphology);
    const epoch = rowIdsEpoch();
    restartRowIds();
    expect(rowIdsEpoch()).not.toBe(epoch);
    expect([...decodeGreedy(before, model)]).toEqual(expected);
    expect([...labelsWith({ first: model }, doc, ctx.morphology)]).toEqual(expected);
    expect([...labelsWith({ first: model }, doc, ctx.morphology)]).toEqual(expected);
  });
});
