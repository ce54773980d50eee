import { readFileSync } from 'node:fs';
import { Context } from '../src/context.js';
import { prepared } from './prepared.js';
import { spansOf, tagMentions, taggerAvailable } from '../src/entities/tagger/index.js';
import { allowed, LABELS } from '../src/entities/tagger/labels.js';
import { extractFeatures, N_STATIC, shapeOf, staticFeatures } from '../src/entities/tagger/features.js';
import { encodeModel, packModels, SparseModel, unpackModels } from '../src/entities/tagger/model.js';
import { N_LABELS } from '../src/entities/tagger/labels.js';

const ctx = new Context();

function mentions(text: string): Array<[string, string]> {
  const doc = prepared(text, ctx);
  return tagMentions(doc, ctx).map((s) => [text.slice(doc.tokens[s.tokStart].start, doc.tokens[s.tokEnd - 1].end), s.type]);
}

const cases = readFileSync(new URL('./data/tagger/sentences.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t') as [string, string, string]);

describe('NER tagger', () => {
  test('the shipped model loads', () => {
    expect(taggerAvailable()).toBe(true);
  });

  test.each(cases)('%s → %s (%s)', (text, surface, type) => {
    expect(mentions(text)).toContainEqual([surface, type]);
  });

  test('spans are sorted, non-overlapping token ranges inside the document', () => {
    const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
    const doc = prepared(text, ctx);
    const spans = tagMentions(doc, ctx);
    expect(spans.length).toBeGreaterThan(5);
    let last = 0;
    for (const s of spans) {
      expect(s.tokStart).toBeGreaterThanOrEqual(last);
      expect(s.tokEnd).toBeGreaterThan(s.tokStart);
      expect(s.tokEnd).toBeLessThanOrEqual(doc.tokens.length);
      expect(['PER', 'LOC', 'ORG']).toContain(s.type);
      last = s.tokEnd;
    }
  });

  test('the sample article: Токаев is a person, Казахстан and Алматы places', () => {
    const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
    const found = mentions(text);
    expect(found).toContainEqual(['Касым-Жомарт Токаев', 'PER']);
    expect(found).toContainEqual(['Казахстане', 'LOC']);
    expect(found).toContainEqual(['Алматы', 'LOC']);
  });

  test('cached form rows and reused scratch arrays give the features of a fresh eager extraction', () => {
    const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
    const doc = prepared(text, ctx);
    const first = tagMentions(doc, ctx);
    expect(tagMentions(doc, ctx)).toEqual(first); // second time from the form cache
    const eager = extractFeatures(doc, 18, ctx.morphology, true);
    const lazy = extractFeatures(doc, 18, ctx.morphology, false, true);
    const out = new Uint32Array(N_STATIC);
    for (let i = 0; i < doc.tokens.length; i++) {
      staticFeatures(lazy, i, out, 0);
      expect([...out]).toEqual([...eager.buckets!.subarray(i * N_STATIC, (i + 1) * N_STATIC)]);
    }
  });

  test('empty and name-less texts give no mentions', () => {
    expect(mentions('')).toEqual([]);
    expect(mentions('и в на по')).toEqual([]);
  });

  test('BIO decoding helpers', () => {
    const id = (l: string) => LABELS.indexOf(l as (typeof LABELS)[number]);
    expect(allowed(id('O'), id('I-PER'))).toBe(false);
    expect(allowed(id('B-PER'), id('I-PER'))).toBe(true);
    expect(allowed(id('I-LOC'), id('I-ORG'))).toBe(false);
    expect(spansOf(Uint8Array.from([0, id('B-PER'), id('I-PER'), id('B-LOC'), 0, id('B-ORG')]))).toEqual([
      { tokStart: 1, tokEnd: 3, type: 'PER' },
      { tokStart: 3, tokEnd: 4, type: 'LOC' },
      { tokStart: 5, tokEnd: 6, type: 'ORG' },
    ]);
    expect(shapeOf('Касым-Жомарт')).toBe('Xx-Xx');
    expect(shapeOf('COVID-19')).toBe('L-d');
  });

  test('model files: int16 round trip, pruning, and refusal of foreign bytes', () => {
    const bits = 4;
    const dense = new Float64Array((1 << bits) * N_LABELS);
    dense[3 * N_LABELS + 1] = 2.5;
    dense[3 * N_LABELS + 5] = -1.25;
    dense[7 * N_LABELS + 0] = 0.01; // below the pruning threshold: bucket 7 is dropped
    const [m] = unpackModels(packModels([encodeModel(dense, bits, 1, 0.05)]));
    const scores = new Float64Array(N_LABELS);
    m.add(3, scores);
    expect(scores[1]).toBeCloseTo(2.5, 3);
    expect(scores[5]).toBeCloseTo(-1.25, 3);
    scores.fill(0);
    m.add(7, scores);
    expect([...scores]).toEqual(new Array(N_LABELS).fill(0));
    expect(() => SparseModel.fromBuffer(new Uint8Array(64))).toThrow(/not a rutext NER model/);
    expect(() => unpackModels(new Uint8Array(64))).toThrow(/model pack/);
  });

  test('model files: the rank bitmap is the file\'s, and a header that disagrees with it is refused', () => {
    const bits = 6; // 64 buckets: two words of the bitmap
    const dense = new Float64Array((1 << bits) * N_LABELS);
    for (const b of [0, 31, 32, 40, 63]) dense[b * N_LABELS + 2] = b + 1;
    const bytes = encodeModel(dense, bits, 1, 0.05);
    const m = SparseModel.fromBuffer(bytes);
    // Counts before each 32 buckets, then their presence bits: 0, 31 | 32, 40, 63.
    expect([...m.rank]).toEqual([0, (1 | (1 << 31)) | 0, 2, (1 | (1 << 8) | (1 << 31)) | 0]);
    const scores = new Float64Array(N_LABELS);
    m.add(40, scores);
    expect(scores[2]).toBeCloseTo(41, 2);
    scores.fill(0);
    m.add(41, scores);
    expect([...scores]).toEqual(new Array(N_LABELS).fill(0));
    // The header's row count (offset 16) one more than the bitmap counts: the size check would
    // pass with the weights cut to match, so the bitmap's own count is what refuses it.
    const rows = new DataView(bytes.buffer).getUint32(16, true);
    const bad = new Uint8Array(bytes.length + N_LABELS * 2);
    bad.set(bytes);
    new DataView(bad.buffer).setUint32(16, rows + 1, true);
    expect(() => SparseModel.fromBuffer(bad)).toThrow(/counts 5 rows, the header 6/);
    // The first format (bucket ids where the bitmap now is) has another magic number.
    const first = bytes.slice();
    new DataView(first.buffer).setUint32(0, 0x52544e45, true);
    expect(() => SparseModel.fromBuffer(first)).toThrow(/not a rutext NER model/);
  });
});
