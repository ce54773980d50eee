import { readFileSync } from 'node:fs';
import { Context } from '../src/context.js';
import { prepared } from './prepared.js';
import { decodeGreedy } from '../src/entities/tagger/decode.js';
import {
  attrsAround, CONTEXT_OFFSETS, contextFeatures, dynamicFeatures, extractFeatures, flaggedFeatures, joinedFeatures,
  labelFeatures, labelRowFeatures, N_ATTR, N_CONTEXT, N_DYNAMIC, N_FLAGGED, N_JOINED, N_LABEL_ONLY, N_OWN, N_STATIC,
  ownFeatures, staticFeatures,
} from '../src/entities/tagger/features.js';
import { DEFAULT_MODEL_URL, labelsWith, loadModel } from '../src/entities/tagger/index.js';
import { N_LABELS } from '../src/entities/tagger/labels.js';
import { rowOffset, type SparseModel } from '../src/entities/tagger/model.js';
import { RowScores, STRIDE } from '../src/entities/tagger/row-scores.js';

const ctx = new Context();
const model = loadModel(DEFAULT_MODEL_URL).first as SparseModel;
const mask = (1 << model.bits) - 1;

const article = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const sentences = readFileSync(new URL('./data/tagger/sentences.tsv', import.meta.url), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t')[0]);

/** Integer label scores of some buckets, added one by one as the flat decoder does. */
function scoresOf(buckets: ArrayLike<number>): number[] {
  const s = new Array<number>(N_LABELS).fill(0);
  for (let k = 0; k < buckets.length; k++) {
    const r = rowOffset(model.rank, buckets[k]);
    if (r >= 0) for (let l = 0; l < N_LABELS; l++) s[l] += model.weights[r + l];
  }
  return s;
}

describe('NER tagger: scores per attribute row', () => {
  test('the feature groups are the static and dynamic features, each once', () => {
    const doc = prepared(article, ctx);
    const f = extractFeatures(doc, model.bits, ctx.morphology);
    const stat = new Uint32Array(N_STATIC), dyn = new Uint32Array(N_DYNAMIC);
    const parts = new Uint32Array(N_STATIC + N_DYNAMIC);
    for (let i = 0; i < doc.tokens.length; i++) {
      staticFeatures(f, i, stat, 0);
      dynamicFeatures(f, i, 1, 0, dyn);
      const a = attrsAround(f, i);
      const base = (i + 2) * N_ATTR;
      let o = 0;
      ownFeatures(a, base, mask, parts, o);
      o += N_OWN;
      for (let d = 0; d < CONTEXT_OFFSETS.length; d++, o += N_CONTEXT) contextFeatures(a, base + CONTEXT_OFFSETS[d] * N_ATTR, d, mask, parts, o);
      flaggedFeatures(a, base, f.sentStart[i], f.inQuote[i], mask, parts, o);
      joinedFeatures(f, a, i, mask, parts, o += N_FLAGGED);
      labelFeatures(1, 0, mask, parts, o += N_JOINED);
      labelRowFeatures(a, base, 1, mask, parts, o + N_LABEL_ONLY);
      expect([...parts].sort()).toEqual([...stat, ...dyn].sort());
    }
  });

  test('the decoder on row scores labels as the flat decoder on all features', () => {
    for (const text of [article, ...sentences]) {
      const doc = prepared(text, ctx);
      const flat = decodeGreedy(extractFeatures(doc, model.bits, ctx.morphology, true), model);
      expect([...labelsWith({ first: model }, doc, ctx.morphology)]).toEqual([...flat]);
    }
  });

  test('entries hold the summed scores of their rows, across changes of generation', () => {
    const doc = prepared(article, ctx);
    const f = extractFeatures(doc, model.bits, ctx.morphology);
    const rs = new RowScores(model, 7); // a new generation every few tokens
    rs.sync(f.epoch);
    const buckets = new Uint32Array(N_OWN);
    let rotations = 0;
    for (let i = 0; i < doc.tokens.length; i++) {
      const a = attrsAround(f, i);
      if (rs.makeRoom(2)) rotations++;
      const own = rs.ownOf(rs.entry(f.rowIds[i + 2]), a, (i + 2) * N_ATTR);
      ownFeatures(a, (i + 2) * N_ATTR, mask, buckets, 0);
      expect([...rs.sums.subarray(own, own + N_LABELS)]).toEqual(scoresOf(buckets));
      const d = i % CONTEXT_OFFSETS.length;
      const j = i + 2 + CONTEXT_OFFSETS[d];
      const ctxAt = rs.neighbourOf(rs.entry(f.rowIds[j]), d, a, j * N_ATTR);
      contextFeatures(a, j * N_ATTR, d, mask, buckets, 0);
      expect([...rs.sums.subarray(ctxAt, ctxAt + N_LABELS)]).toEqual(scoresOf(buckets.subarray(0, N_CONTEXT)));
    }
    expect(rotations).toBeGreaterThan(10);
    const lab = rs.labelSums.subarray((1 * N_LABELS + 0) * STRIDE, (1 * N_LABELS + 0) * STRIDE + N_LABELS);
    labelFeatures(1, 0, mask, buckets, 0);
    expect([...lab]).toEqual(scoresOf(buckets.subarray(0, N_LABEL_ONLY)));
  });
});
