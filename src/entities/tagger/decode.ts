import { dynamicFeatures, N_DYNAMIC, N_STATIC, staticFeatures, type DocFeatures } from './features.js';
import { allowed, N_LABELS } from './labels.js';
import { SparseModel, type Weights } from './model.js';

/** Scratch buffers reused across calls (the tagger is synchronous, so one set per process). */
const scores = new Float64Array(N_LABELS);
const dyn = new Uint32Array(N_DYNAMIC);
const stat = new Uint32Array(N_STATIC);

/**
 * Scores every label for token i given the two previous labels; returns the best label that
 * keeps BIO well-formed. `scoresOut`, when given, receives the raw scores.
 */
export function bestLabel(f: DocFeatures, i: number, p1: number, p2: number, w: Weights, scoresOut?: Float64Array): number {
  scores.fill(0);
  let b = f.buckets;
  let from = i * N_STATIC;
  if (b === null) {
    staticFeatures(f, i, stat, 0);
    b = stat;
    from = 0;
  }
  for (let k = from, end = k + N_STATIC; k < end; k++) w.add(b[k], scores);
  dynamicFeatures(f, i, p1, p2, dyn);
  for (let k = 0; k < N_DYNAMIC; k++) w.add(dyn[k], scores);
  let best = 0;
  let bestScore = -Infinity;
  for (let l = 0; l < N_LABELS; l++) {
    if (scores[l] > bestScore && allowed(p1, l)) { best = l; bestScore = scores[l]; }
  }
  if (scoresOut) scoresOut.set(scores);
  return best;
}

/**
 * Greedy left-to-right decoding of a whole document.
 * @example
 * const labels = decodeGreedy(extractFeatures(doc, model.bits), model);
 */
export function decodeGreedy(f: DocFeatures, w: Weights): Uint8Array {
  if (w instanceof SparseModel) return decodeSparse(f, w);
  const out = new Uint8Array(f.n);
  let p1 = 0, p2 = 0;
  for (let i = 0; i < f.n; i++) {
    const l = p1 === 0 && f.startable[i] === 0 ? 0 : bestLabel(f, i, p1, p2, w);
    out[i] = l;
    p2 = p1;
    p1 = l;
  }
  return out;
}

const isum = new Int32Array(N_LABELS);

/**
 * decodeGreedy specialised for the shipped int16 model: integer sums, no per-feature calls.
 * Labels are compared on the integer sums (the scale is positive, so the order is the same).
 */
function decodeSparse(f: DocFeatures, m: SparseModel): Uint8Array {
  const out = new Uint8Array(f.n);
  const index = m.index, weights = m.weights;
  let p1 = 0, p2 = 0;
  for (let i = 0; i < f.n; i++) {
    if (p1 === 0 && f.startable[i] === 0) {
      out[i] = 0;
      p2 = p1;
      p1 = 0;
      continue;
    }
    isum.fill(0);
    let b = f.buckets;
    let from = i * N_STATIC;
    if (b === null) {
      staticFeatures(f, i, stat, 0);
      b = stat;
      from = 0;
    }
    for (let k = from, end = k + N_STATIC; k < end; k++) {
      const r = index[b[k]];
      if (r < 0) continue;
      for (let l = 0; l < N_LABELS; l++) isum[l] += weights[r + l];
    }
    dynamicFeatures(f, i, p1, p2, dyn);
    for (let k = 0; k < N_DYNAMIC; k++) {
      const r = index[dyn[k]];
      if (r < 0) continue;
      for (let l = 0; l < N_LABELS; l++) isum[l] += weights[r + l];
    }
    let best = 0;
    let bestScore = -Infinity;
    for (let l = 0; l < N_LABELS; l++) {
      if (isum[l] > bestScore && allowed(p1, l)) { best = l; bestScore = isum[l]; }
    }
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
  return out;
}
