/**
 * Word clusters for the NER tagger, learned from raw news text (kw/*.jsonlines contents, BSNLP
 * raw articles, NEREL train texts; never factRuEval or NEREL dev). Each frequent word gets a
 * vector of its neighbours (positions −2…+2, random indexing: a fixed random ±1 vector per
 * context word and position, weighted 1/√freq), normalised; spherical k-means then gives 64
 * coarse clusters and, inside each, 16 fine ones. Deterministic (seeded).
 * Run by scripts/train-ner.ts; writes models/ner-clusters.tsv.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './rng.mjs';

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const DIM = Number(process.env.RUTEXT_CLUSTER_DIM ?? 128);
const CONTEXT_VOCAB = 6000;
const OFFSETS = [-2, -1, 1, 2];


/** The raw texts, in a fixed order. */
export function rawTexts(data: string, extra: string[]): string[] {
  const texts: string[] = [...extra];
  const kw = join(data, 'kw');
  for (const f of readdirSync(kw).filter((x) => x.endsWith('.jsonlines')).sort()) {
    for (const line of readFileSync(join(kw, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { title?: string; content?: string };
      texts.push(`${o.title ?? ''}\n${o.content ?? ''}`);
    }
  }
  const bsnlp = join(data, 'bsnlp');
  for (const topic of readdirSync(bsnlp).sort()) {
    const dir = join(bsnlp, topic, 'raw', 'ru');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  return texts;
}

const norm = (w: string) => w.toLowerCase().replace(/ё/g, 'е');

/**
 * Builds the clusters and writes them to `out` (`word<TAB>coarse<TAB>fine` lines).
 * @example
 * buildClusters(rawTexts(dataDir(), []), 'models/ner-clusters.tsv', 40000);
 */
export function buildClusters(texts: string[], out: string, vocabSize: number, seed = 7): void {
  const t0 = Date.now();
  const docs: number[][] = [];
  const ids = new Map<string, number>();
  const freq: number[] = [];
  const words: string[] = [];
  for (const text of texts) {
    const seq: number[] = [];
    for (const m of text.matchAll(WORD)) {
      const w = norm(m[0]);
      let id = ids.get(w);
      if (id === undefined) { id = words.length; ids.set(w, id); words.push(w); freq.push(0); }
      freq[id]++;
      seq.push(id);
    }
    docs.push(seq);
  }
  const byFreq = words.map((_, i) => i).sort((a, b) => freq[b] - freq[a] || (words[a] < words[b] ? -1 : 1));
  const rank = new Int32Array(words.length).fill(-1);
  byFreq.forEach((id, r) => { rank[id] = r; });
  // Clustered: frequent words that contain a letter (punctuation and numbers are context only).
  const vocab = byFreq.filter((id) => /\p{L}/u.test(words[id]) && freq[id] >= 3).slice(0, vocabSize);
  const row = new Int32Array(words.length).fill(-1);
  vocab.forEach((id, r) => { row[id] = r; });
  // One random ±1 vector per (context rank, offset); rarer contexts share an 'other' vector per offset.
  const rand = rng(seed);
  const nCtx = CONTEXT_VOCAB + 1;
  const ctxVec = new Float32Array(nCtx * OFFSETS.length * DIM);
  for (let k = 0; k < ctxVec.length; k++) ctxVec[k] = rand() < 0.5 ? -1 : 1;
  const ctxWeight = new Float32Array(nCtx);
  for (let r = 0; r < CONTEXT_VOCAB && r < byFreq.length; r++) ctxWeight[r] = 1 / Math.sqrt(freq[byFreq[r]]);
  ctxWeight[CONTEXT_VOCAB] = 1e-3;
  const vec = new Float32Array(vocab.length * DIM);
  for (const seq of docs) {
    for (let i = 0; i < seq.length; i++) {
      const r = row[seq[i]];
      if (r < 0) continue;
      const base = r * DIM;
      for (let o = 0; o < OFFSETS.length; o++) {
        const j = i + OFFSETS[o];
        if (j < 0 || j >= seq.length) continue;
        const c = Math.min(rank[seq[j]], CONTEXT_VOCAB);
        const w = ctxWeight[c];
        const cv = (c * OFFSETS.length + o) * DIM;
        for (let d = 0; d < DIM; d++) vec[base + d] += w * ctxVec[cv + d];
      }
    }
  }
  normaliseRows(vec, vocab.length);
  process.stderr.write(`clusters: ${vocab.length} words, vectors in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const all = Array.from({ length: vocab.length }, (_, i) => i);
  const coarse = kmeans(vec, all, 64, 12, rand);
  const fine = new Int32Array(vocab.length);
  for (let c = 0; c < 64; c++) {
    const members = all.filter((i) => coarse[i] === c);
    if (members.length === 0) continue;
    const sub = kmeans(vec, members, Math.min(16, members.length), 8, rand);
    members.forEach((m, k) => { fine[m] = c * 16 + sub[k]; });
  }
  const lines = vocab.map((id, r) => `${words[id]}\t${coarse[r]}\t${fine[r]}`);
  writeFileSync(out, lines.join('\n') + '\n');
  process.stderr.write(`clusters: written ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

function normaliseRows(v: Float32Array, n: number): void {
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let d = 0; d < DIM; d++) s += v[r * DIM + d] ** 2;
    const k = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < DIM; d++) v[r * DIM + d] *= k;
  }
}

/** Spherical k-means over the given rows; returns each member's cluster (parallel to `members`). */
function kmeans(v: Float32Array, members: number[], k: number, iters: number, rand: () => number): Int32Array {
  const n = members.length;
  const cent = new Float32Array(k * DIM);
  // Seeds: k members picked at random (deterministic), from the more frequent half for stability.
  const pool = members.slice(0, Math.max(k, Math.floor(n / 2)));
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let p = Math.floor(rand() * pool.length);
    while (picked.has(p)) p = (p + 1) % pool.length;
    picked.add(p);
    cent.set(v.subarray(pool[p] * DIM, pool[p] * DIM + DIM), c * DIM);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < n; i++) {
      const base = members[i] * DIM;
      let best = 0, bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const cb = c * DIM;
        for (let d = 0; d < DIM; d++) s += v[base + d] * cent[cb + d];
        if (s > bestSim) { bestSim = s; best = c; }
      }
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const base = members[i] * DIM, cb = assign[i] * DIM;
      for (let d = 0; d < DIM; d++) cent[cb + d] += v[base + d];
    }
    normaliseRows(cent, k);
  }
  return assign;
}
