/**
 * Themes: F1@10 against the editors' keywords of kw/*.jsonlines (EVAL.md), side by side with three
 * baselines computed in this script from the same tokens and lemmas:
 *   - TF-IDF over lemmas (nouns, adjectives, verbs, adverbs, unknown words; df from the same
 *     background corpus as build-df),
 *   - TextRank over noun and adjective lemmas (Mihalcea & Tarau 2004: window 3, d = 0.85),
 *   - noun-phrase frequency, the RuTermExtract approach (adjective + noun, noun + genitive, single
 *     nouns, ranked by count).
 * Every system reads title + content, the title as the first paragraph. kw/russia_today_1 is the
 * tuning set (and part of the background corpus, including the keyphraseness counts); ng_0 and
 * russia_today_0 are reported. A second rutext row turns keyphraseness off (an ablation).
 * THEMES_EVAL_DOCS limits the documents per set (default: all).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import snowball from 'snowball-stemmers';
import { runPipeline } from '../../src/pipeline.js';
import { Context } from '../../src/context.js';
import type { Doc } from '../../src/doc.js';
import { themes, themeWeights } from '../../src/themes/index.js';
import { themeStopwords } from '../../src/themes/lexicon.js';
import { backgroundTexts } from '../build-df.js';
import { f3, table } from './data.js';

export interface KwDoc { title: string; content: string; keywords: string[] }

const stemmer = snowball.newStemmer('russian');

/** Lower-case, ё→е, Snowball-stem word by word: the EVAL.md comparison key. */
export function compareKey(phrase: string): string {
  return phrase.toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter((w) => w !== '').map((w) => stemmer.stem(w)).join(' ');
}

/** The text every system reads: the title as the first paragraph, then the content. */
export function kwText(d: KwDoc): string {
  return `${d.title ?? ''}\n${d.content ?? ''}`;
}

export function readKw(path: string, limit = Infinity): KwDoc[] {
  const out: KwDoc[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    out.push(JSON.parse(line) as KwDoc);
    if (out.length >= limit) break;
  }
  return out;
}

/** P@10, R and F1 of one document's predictions (EVAL.md): a hit equals a gold keyword word by word. */
export function prf(predicted: string[], gold: string[]): { p: number; r: number; f: number } {
  const goldKeys = new Set(gold.map(compareKey).filter((k) => k !== ''));
  const top = predicted.slice(0, 10).map(compareKey);
  const hitKeys = new Set<string>();
  let hits = 0;
  for (const k of top) {
    if (goldKeys.has(k) && !hitKeys.has(k)) {
      hitKeys.add(k);
      hits++;
    }
  }
  const p = top.length > 0 ? hits / 10 : 0;
  const r = goldKeys.size > 0 ? hits / goldKeys.size : 0;
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

const require = createRequire(import.meta.url);
let baselineStop: Set<string> | undefined;
/** Baselines get a generic stop list (natural's Russian list) plus the themes stage's own. */
function stopSet(): Set<string> {
  if (baselineStop === undefined) {
    const words = (require('natural/lib/natural/util/stopwords_ru.js') as { words: string[] }).words;
    baselineStop = new Set([...words.map((w) => w.replace(/ё/g, 'е')), ...themeStopwords()]);
  }
  return baselineStop;
}

const TFIDF_POS = new Set(['NOUN', 'ADJF', 'VERB', 'INFN', 'ADVB', 'PRTF']);
const TEXTRANK_POS = new Set(['NOUN', 'ADJF']);

/**
 * The lemma sequence the baselines see: body words, lower-cased, ё→е, with their POS. The body as
 * the themes stage reads it, promotion blocks included (see the themes stage), so that every
 * system reads the same words.
 */
function lemmas(doc: Doc): Array<{ lemma: string; pos: string | undefined; tok: number }> {
  const out: Array<{ lemma: string; pos: string | undefined; tok: number }> = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    if (t.kind !== 'word' || t.start < doc.body.start || t.end > doc.body.end) continue;
    const m = doc.morph[i];
    const lemma = (typeof m.lemma === 'string' ? m.lemma : t.text).toLowerCase().replace(/ё/g, 'е');
    out.push({ lemma, pos: m.pos, tok: i });
  }
  return out;
}

/** Lemma document frequencies over the background corpus, for the TF-IDF baseline. */
export function lemmaDf(data: string, ctx: Context): { docs: number; df: Map<string, number> } {
  const df = new Map<string, number>();
  const texts = backgroundTexts(data);
  for (const { text } of texts) {
    const doc = runPipeline(text, ctx, 0);
    const seen = new Set(lemmas(doc).map((l) => l.lemma));
    for (const l of seen) df.set(l, (df.get(l) ?? 0) + 1);
  }
  return { docs: texts.length, df };
}

export function tfidfBaseline(doc: Doc, bg: { docs: number; df: Map<string, number> }): string[] {
  const stop = stopSet();
  const tf = new Map<string, number>();
  for (const { lemma, pos } of lemmas(doc)) {
    if (lemma.length < 2 || stop.has(lemma) || (pos !== undefined && !TFIDF_POS.has(pos))) continue;
    tf.set(lemma, (tf.get(lemma) ?? 0) + 1);
  }
  const scored = [...tf].map(([l, n]) => [l, n * Math.log((bg.docs + 1) / ((bg.df.get(l) ?? 0) + 1))] as const);
  return scored.sort((a, b) => b[1] - a[1]).slice(0, 10).map(([l]) => l);
}

export function textRankBaseline(doc: Doc): string[] {
  const stop = stopSet();
  const seq = lemmas(doc).filter(({ lemma, pos }) => lemma.length >= 2 && !stop.has(lemma) && pos !== undefined && TEXTRANK_POS.has(pos)).map((l) => l.lemma);
  const index = new Map<string, number>();
  for (const l of seq) if (!index.has(l)) index.set(l, index.size);
  const n = index.size;
  if (n === 0) return [];
  const adj: Array<Set<number>> = Array.from({ length: n }, () => new Set<number>());
  const WINDOW = 3;
  for (let i = 0; i < seq.length; i++) {
    const a = index.get(seq[i])!;
    for (let j = i + 1; j < Math.min(seq.length, i + WINDOW); j++) {
      const b = index.get(seq[j])!;
      if (a !== b) { adj[a].add(b); adj[b].add(a); }
    }
  }
  let score = new Float64Array(n).fill(1);
  for (let iter = 0; iter < 30; iter++) {
    const next = new Float64Array(n).fill(0.15);
    for (let a = 0; a < n; a++) {
      if (adj[a].size === 0) continue;
      const share = (0.85 * score[a]) / adj[a].size;
      for (const b of adj[a]) next[b] += share;
    }
    score = next;
  }
  const words = [...index.keys()];
  return words.map((w, k) => [w, score[k]] as const).sort((x, y) => y[1] - x[1]).slice(0, 10).map(([w]) => w);
}

export function nounPhraseBaseline(doc: Doc): string[] {
  const stop = stopSet();
  const counts = new Map<string, { n: number; first: number }>();
  const add = (p: string, at: number) => {
    const c = counts.get(p);
    if (c) c.n++;
    else counts.set(p, { n: 1, first: at });
  };
  const seq = lemmas(doc);
  for (let k = 0; k < seq.length; k++) {
    const { lemma, pos, tok } = seq[k];
    if (stop.has(lemma)) continue;
    if (pos === 'NOUN') add(lemma, tok);
    const next = seq[k + 1];
    if (next === undefined || next.tok !== tok + 1 || stop.has(next.lemma) || next.pos !== 'NOUN') continue;
    if (pos === 'ADJF' || (pos === 'NOUN' && doc.morph[next.tok].tags.includes('gent'))) add(`${lemma} ${next.lemma}`, tok);
  }
  return [...counts].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).slice(0, 10).map(([p]) => p);
}

export type System = (doc: Doc) => string[];

/** The themes stage rerun on a finished document with some weights changed (an ablation). */
function withWeights(change: Partial<typeof themeWeights>, doc: Doc, ctx: Context): string[] {
  const saved = { ...themeWeights };
  const kept = doc.themes;
  Object.assign(themeWeights, change);
  try {
    themes(doc, ctx, 10);
    return doc.themes.map((t) => t.phrase);
  } finally {
    Object.assign(themeWeights, saved);
    doc.themes = kept;
  }
}

/** Mean P@10, R, F1 of each system over the documents; the pipeline runs once per document. */
export function evaluate(docs: KwDoc[], systems: Record<string, System>, ctx: Context): Record<string, { p: number; r: number; f: number }> {
  const sums: Record<string, { p: number; r: number; f: number }> = {};
  for (const name of Object.keys(systems)) sums[name] = { p: 0, r: 0, f: 0 };
  for (const d of docs) {
    const doc = runPipeline(kwText(d), ctx, 10);
    for (const [name, system] of Object.entries(systems)) {
      const s = prf(system(doc), d.keywords);
      sums[name].p += s.p;
      sums[name].r += s.r;
      sums[name].f += s.f;
    }
  }
  for (const s of Object.values(sums)) {
    s.p /= Math.max(docs.length, 1);
    s.r /= Math.max(docs.length, 1);
    s.f /= Math.max(docs.length, 1);
  }
  return sums;
}

export default async function (data: string): Promise<string> {
  const limit = Number(process.env.THEMES_EVAL_DOCS ?? Infinity) || Infinity;
  const ctx = new Context();
  const bg = lemmaDf(data, ctx);
  const systems: Record<string, System> = {
    'rutext themes': (doc) => doc.themes.map((t) => t.phrase),
    'rutext themes, no keyphraseness': (doc) => withWeights({ taggedPower: 0 }, doc, ctx),
    'TF-IDF (lemmas)': (doc) => tfidfBaseline(doc, bg),
    'TextRank (lemmas)': textRankBaseline,
    'noun-phrase frequency': nounPhraseBaseline,
  };
  const sets: Array<[string, string]> = [
    ['ng_0 (reported)', 'ng_0'],
    ['russia_today_0 (reported)', 'russia_today_0'],
    ['russia_today_1 (tuning set)', 'russia_today_1'],
  ];
  const rows: Array<Array<string | number>> = [];
  const ratios: string[] = [];
  for (const [label, file] of sets) {
    const docs = readKw(join(data, 'kw', `${file}.jsonlines`), limit);
    const res = evaluate(docs, systems, ctx);
    for (const [name, s] of Object.entries(res)) rows.push([label, docs.length, name, f3(s.p), f3(s.r), f3(s.f)]);
    const best = Math.max(...Object.entries(res).filter(([n]) => !n.startsWith('rutext')).map(([, s]) => s.f));
    ratios.push(`${label}: ${(res['rutext themes'].f / best).toFixed(2)} × the best baseline`);
  }
  return [
    '## themes',
    '',
    'F1@10 against the editors\' keywords (EVAL.md: top 10, word by word after lower-casing, ё→е, Snowball; P@10, R = hits ÷ gold, F1 averaged per document). Each system reads title + content, the title as the first paragraph. Background frequencies: kw/russia_today_1, bsnlp raw, NEREL, factRuEval texts (never ng_0 or russia_today_0); keyphraseness (how often editors tagged a phrase where it occurred) from kw/russia_today_1 only, so its row there is not a held-out figure.',
    '',
    table(['set', 'docs', 'system', 'P@10', 'R', 'F1@10'], rows),
    '',
    ratios.join('; '),
  ].join('\n');
}
