import {
  attrsAround, dynamicFeatures, flaggedFeatures, joinedFeatures, labelRowFeatures, N_ATTR, N_DYNAMIC, N_FLAGGED,
  N_JOINED, N_LABEL_ONLY, N_STATIC, rowIdsEpoch, SCRATCH_LIMIT, staticFeatures, type DocFeatures,
} from './features.js';
import { allowed, N_LABELS } from './labels.js';
import { rowOffset, SparseModel, type Weights } from './model.js';
import { RowScores, STRIDE } from './row-scores.js';

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
  if (w instanceof SparseModel) {
    return f.buckets === null && f.bits === w.bits && f.epoch === rowIdsEpoch() ? decodeByRows(f, w) : decodeSparse(f, w);
  }
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

/** Static then dynamic buckets of the token being scored. */
const feats = new Uint32Array(N_STATIC + N_DYNAMIC);
/** Offsets in the model's weights of the rows of `feats` that the model has. */
const rows = new Int32Array(N_STATIC + N_DYNAMIC);

/**
 * decodeGreedy specialised for the shipped int16 model: integer sums in locals, no per-feature
 * calls. Labels are compared on the integer sums (the scale is positive, so the order is the same).
 */
function decodeSparse(f: DocFeatures, m: SparseModel): Uint8Array {
  const out = new Uint8Array(f.n);
  const rank = m.rank, weights = m.weights;
  const eager = f.buckets;
  let p1 = 0, p2 = 0;
  for (let i = 0; i < f.n; i++) {
    if (p1 === 0 && f.startable[i] === 0) {
      p2 = 0;
      continue;
    }
    if (eager === null) staticFeatures(f, i, feats, 0);
    else feats.set(eager.subarray(i * N_STATIC, (i + 1) * N_STATIC));
    dynamicFeatures(f, i, p1, p2, feats, N_STATIC);
    // Rows first, then their weights: the row lookups stay in cache, and the weight loads
    // (mostly cache misses) are independent of each other, so the CPU overlaps them.
    let found = 0;
    for (let k = 0; k < N_STATIC + N_DYNAMIC; k++) {
      const r = rowOffset(rank, feats[k]);
      if (r >= 0) rows[found++] = r;
    }
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let k = 0; k < found; k++) {
      const r = rows[k];
      s0 += weights[r]; s1 += weights[r + 1]; s2 += weights[r + 2]; s3 += weights[r + 3];
      s4 += weights[r + 4]; s5 += weights[r + 5]; s6 += weights[r + 6];
    }
    const best = bestAllowed(p1, s0, s1, s2, s3, s4, s5, s6);
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
  return out;
}

/**
 * The label with the highest score among those BIO allows after p1 (the first on ties):
 * O and every B-* always, I-X only after B-X or I-X. `allowed` written out for the 7 labels of
 * labels.ts (SparseModel.fromBuffer refuses models with another label count).
 */
function bestAllowed(p1: number, s0: number, s1: number, s2: number, s3: number, s4: number, s5: number, s6: number): number {
  let best = 0, bestScore = s0;
  if (s1 > bestScore) { best = 1; bestScore = s1; }
  if (s2 > bestScore && (p1 === 1 || p1 === 2)) { best = 2; bestScore = s2; }
  if (s3 > bestScore) { best = 3; bestScore = s3; }
  if (s4 > bestScore && (p1 === 3 || p1 === 4)) { best = 4; bestScore = s4; }
  if (s5 > bestScore) { best = 5; bestScore = s5; }
  if (s6 > bestScore && (p1 === 5 || p1 === 6)) best = 6;
  return best;
}

/**
 * Distinct attribute rows per generation whose group scores are kept per model: 5.7 MB per full
 * generation, two generations. 1 << 16 is faster again on a second pass over 1 000 articles
 * (their ~80 000 rows all fit) for twice the memory.
 */
const ROW_SCORES_LIMIT = 1 << 15;
const rowScores = new WeakMap<SparseModel, RowScores>();

/** Buckets of the features that are not scored per row. */
const rest = new Uint32Array(N_FLAGGED + N_JOINED + N_DYNAMIC - N_LABEL_ONLY);
/** Per position of the document (padding included): its RowScores entry, or −1 before it is looked up. */
let entries = new Int32Array(0);

/**
 * decodeSparse for lazily extracted features: the groups of features that read one attribute row
 * come summed per distinct row from RowScores, the label-only ones per label pair; only the rest
 * is looked up per token. The sums are integers, so the totals are those of decodeSparse.
 */
function decodeByRows(f: DocFeatures, m: SparseModel): Uint8Array {
  let rs = rowScores.get(m);
  if (rs === undefined) rowScores.set(m, rs = new RowScores(m, ROW_SCORES_LIMIT));
  rs.sync(f.epoch);
  const n = f.n;
  const out = new Uint8Array(n);
  // Kept for the next document unless it is a long one (as the feature scratch arrays are).
  if (entries.length < n + 4 && n <= SCRATCH_LIMIT) entries = new Int32Array(Math.max(n + 4, 2 * entries.length));
  const ent = entries.length >= n + 4 ? entries : new Int32Array(n + 4);
  ent.fill(-1, 0, n + 4);
  let sums = rs.sums;
  const labelSums = rs.labelSums;
  const rank = m.rank, weights = m.weights;
  const mask = (1 << m.bits) - 1;
  const startable = f.startable, sentStart = f.sentStart, inQuote = f.inQuote, ids = f.rowIds;
  let p1 = 0, p2 = 0;
  for (let i = 0; i < n; i++) {
    if (p1 === 0 && startable[i] === 0) {
      p2 = 0;
      continue;
    }
    const a = attrsAround(f, i);
    if (rs.makeRoom(5)) {
      ent.fill(-1, 0, n + 4);
      sums = rs.sums;
    }
    // Positions i … i + 4 are tokens i − 2 … i + 2.
    for (let j = i; j < i + 5; j++) if (ent[j] < 0) ent[j] = rs.entry(ids[j]);
    const own = rs.ownOf(ent[i + 2], a, (i + 2) * N_ATTR);
    const c0 = rs.neighbourOf(ent[i], 0, a, i * N_ATTR), c1 = rs.neighbourOf(ent[i + 1], 1, a, (i + 1) * N_ATTR);
    const c2 = rs.neighbourOf(ent[i + 3], 2, a, (i + 3) * N_ATTR), c3 = rs.neighbourOf(ent[i + 4], 3, a, (i + 4) * N_ATTR);
    const lab = (p1 * N_LABELS + p2) * STRIDE;
    let s0 = sums[own] + sums[c0] + sums[c1] + sums[c2] + sums[c3] + labelSums[lab];
    let s1 = sums[own + 1] + sums[c0 + 1] + sums[c1 + 1] + sums[c2 + 1] + sums[c3 + 1] + labelSums[lab + 1];
    let s2 = sums[own + 2] + sums[c0 + 2] + sums[c1 + 2] + sums[c2 + 2] + sums[c3 + 2] + labelSums[lab + 2];
    let s3 = sums[own + 3] + sums[c0 + 3] + sums[c1 + 3] + sums[c2 + 3] + sums[c3 + 3] + labelSums[lab + 3];
    let s4 = sums[own + 4] + sums[c0 + 4] + sums[c1 + 4] + sums[c2 + 4] + sums[c3 + 4] + labelSums[lab + 4];
    let s5 = sums[own + 5] + sums[c0 + 5] + sums[c1 + 5] + sums[c2 + 5] + sums[c3 + 5] + labelSums[lab + 5];
    let s6 = sums[own + 6] + sums[c0 + 6] + sums[c1 + 6] + sums[c2 + 6] + sums[c3 + 6] + labelSums[lab + 6];
    const base = (i + 2) * N_ATTR;
    flaggedFeatures(a, base, sentStart[i], inQuote[i], mask, rest, 0);
    joinedFeatures(f, a, i, mask, rest, N_FLAGGED);
    labelRowFeatures(a, base, p1, mask, rest, N_FLAGGED + N_JOINED);
    let found = 0;
    for (let k = 0; k < rest.length; k++) {
      const r = rowOffset(rank, rest[k]);
      if (r >= 0) rows[found++] = r;
    }
    for (let k = 0; k < found; k++) {
      const r = rows[k];
      s0 += weights[r]; s1 += weights[r + 1]; s2 += weights[r + 2]; s3 += weights[r + 3];
      s4 += weights[r + 4]; s5 += weights[r + 5]; s6 += weights[r + 6];
    }
    const best = bestAllowed(p1, s0, s1, s2, s3, s4, s5, s6);
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
  return out;
}
