import { slotOf } from '../../hash.js';
import {
  contextFeatures, CONTEXT_OFFSETS, labelFeatures, N_CONTEXT, N_LABEL_ONLY, N_OWN, ownFeatures,
} from './features.js';
import { N_LABELS } from './labels.js';
import { rowOffset, type SparseModel } from './model.js';

/**
 * Label scores of feature groups that read one attribute row only (features.ts: ownFeatures, and
 * contextFeatures for each neighbour position), per distinct row, for one model.
 *
 * Most of a token's 79 features read a single row: its own or a neighbour's. A row repeats
 * (the same word form with the same analysis), so its groups are scored once and their integer
 * score sums reused: the decoder then looks up ~20 weight rows per token instead of 79, and the
 * weight rows are scattered over 1.9 MB, so each lookup is mostly a cache miss.
 *
 * Entries are found by the row's id (features.ts: DocFeatures.rowIds), which stands for the row's
 * content: rows with one id hold the same attributes, so a hit is exact; the sums are integers,
 * so adding them in another grouping gives the same totals. An entry keeps no copy of its row: a
 * group is scored from the row the caller has at hand when first asked for. Two generations, as
 * in the form cache: an entry found in the old one moves to the young one, and a full young one
 * becomes the old one.
 *
 * @example
 * const rs = new RowScores(model, 1 << 16);
 * rs.sync(f.epoch);
 * rs.makeRoom(1);
 * const e = rs.entry(f.rowIds[j]);      // the row at attrs[j · N_ATTR…]
 * const own = rs.ownOf(e, attrs, j * N_ATTR); // rs.sums[own … own + N_LABELS − 1]
 */
export class RowScores {
  /** Summed label-only features (labelFeatures) per (p1, p2): STRIDE values at (p1 · N_LABELS + p2) · STRIDE. */
  readonly labelSums: Int32Array;
  private young: ScoreGeneration;
  private old: ScoreGeneration | undefined;
  /** The run of row ids the entries belong to (features.ts: rowIdsEpoch). */
  private epoch = -1;
  private readonly mask: number;
  private readonly buckets = new Uint32Array(Math.max(N_OWN, N_CONTEXT, N_LABEL_ONLY));
  /** Offsets in the model's weights of the rows of `buckets` that the model has (sumInto). */
  private readonly rows = new Int32Array(this.buckets.length);

  /** `limit`: entries per generation. */
  constructor(private readonly model: SparseModel, readonly limit: number) {
    this.young = new ScoreGeneration(limit);
    this.mask = (1 << model.bits) - 1;
    this.labelSums = new Int32Array(N_LABELS * N_LABELS * STRIDE);
    for (let p1 = 0; p1 < N_LABELS; p1++) {
      for (let p2 = 0; p2 < N_LABELS; p2++) {
        labelFeatures(p1, p2, this.mask, this.buckets, 0);
        this.sumInto(N_LABEL_ONLY, this.labelSums, (p1 * N_LABELS + p2) * STRIDE);
      }
    }
  }

  /**
   * Score sums of the young generation: per entry SUMS_PER_ENTRY vectors of STRIDE (the own
   * group, then the neighbours'). Read it after makeRoom: a new generation brings new arrays.
   */
  get sums(): Int32Array {
    return this.young.sums;
  }

  /** Empties the table when its entries belong to another run of row ids than `epoch`. */
  sync(epoch: number): void {
    if (epoch === this.epoch) return;
    this.young.clear();
    this.old?.clear();
    this.epoch = epoch;
  }

  /**
   * Makes sure `count` entries can be added without a change of generation. Returns true when
   * that needed one: entry numbers given out before are then void.
   */
  makeRoom(count: number): boolean {
    if (this.young.size + count <= this.limit) return false;
    if (count > this.limit) throw new Error('tagger: more row scores asked at once than a generation holds');
    // The old generation's arrays are reused for the new young one.
    const spare = this.old ?? new ScoreGeneration(this.limit);
    spare.clear();
    this.old = this.young;
    this.young = spare;
    return true;
  }

  /** The entry of the row with that id in the young generation, added if new (after makeRoom). */
  entry(id: number): number {
    const young = this.young;
    const s = young.slotOf(id);
    let e = young.slots[s] - 1;
    if (e >= 0) return e;
    e = young.add(s, id);
    const old = this.old;
    if (old !== undefined) {
      const o = old.slots[old.slotOf(id)] - 1;
      if (o >= 0) {
        // Element by element: a subarray to copy from would be an object per entry.
        const from = old.sums, to = young.sums, at = o * SUMS_PER_ENTRY * STRIDE, into = e * SUMS_PER_ENTRY * STRIDE;
        for (let k = 0; k < SUMS_PER_ENTRY * STRIDE; k++) to[into + k] = from[at + k];
        young.done[e] = old.done[o];
      }
    }
    return e;
  }

  /** Offset in `sums` of the own group's scores of entry e, whose row is at a[base…]. */
  ownOf(e: number, a: Int32Array, base: number): number {
    const g = this.young;
    const at = e * SUMS_PER_ENTRY * STRIDE;
    if ((g.done[e] & OWN_DONE) === 0) {
      ownFeatures(a, base, this.mask, this.buckets, 0);
      this.sumInto(N_OWN, g.sums, at);
      g.done[e] |= OWN_DONE;
    }
    return at;
  }

  /**
   * Offset in `sums` of the scores of entry e's row (at a[base…]) as neighbour d
   * (CONTEXT_OFFSETS). Each position is scored when first asked: a row is mostly met in some
   * positions only (a fifth of the neighbour scores were never read).
   */
  neighbourOf(e: number, d: number, a: Int32Array, base: number): number {
    const g = this.young;
    const at = (e * SUMS_PER_ENTRY + 1 + d) * STRIDE;
    const bit = CONTEXT_DONE << d;
    if ((g.done[e] & bit) === 0) {
      contextFeatures(a, base, d, this.mask, this.buckets, 0);
      this.sumInto(N_CONTEXT, g.sums, at);
      g.done[e] |= bit;
    }
    return at;
  }

  /**
   * Writes the summed weights of buckets[0…count) into out[at…at + N_LABELS). Rows first, then
   * their weights into locals (as decode.ts does per token): the weight loads, mostly cache misses,
   * do not wait on one another, and `out` is written once instead of once per row.
   */
  private sumInto(count: number, out: Int32Array, at: number): void {
    const rank = this.model.rank, weights = this.model.weights, b = this.buckets, rows = this.rows;
    let found = 0;
    for (let k = 0; k < count; k++) {
      const r = rowOffset(rank, b[k]);
      if (r >= 0) rows[found++] = r;
    }
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let k = 0; k < found; k++) {
      const r = rows[k];
      s0 += weights[r]; s1 += weights[r + 1]; s2 += weights[r + 2]; s3 += weights[r + 3];
      s4 += weights[r + 4]; s5 += weights[r + 5]; s6 += weights[r + 6];
    }
    out[at] = s0; out[at + 1] = s1; out[at + 2] = s2; out[at + 3] = s3;
    out[at + 4] = s4; out[at + 5] = s5; out[at + 6] = s6;
  }
}

/** Values per score vector: N_LABELS rounded up to a power of two. */
export const STRIDE = 8;
/** Score vectors per entry: the own group, then one per neighbour position. */
const SUMS_PER_ENTRY = 1 + CONTEXT_OFFSETS.length;
/** Bits of ScoreGeneration.done: the own group, then one per neighbour position (CONTEXT_DONE << d). */
const OWN_DONE = 1, CONTEXT_DONE = 2;

if (CONTEXT_OFFSETS.length > 7) throw new Error('tagger: more neighbour positions than ScoreGeneration.done has bits');

if (N_LABELS > STRIDE) throw new Error('tagger: more labels than a score vector holds');
// sumInto adds the labels in seven locals (SparseModel.fromBuffer refuses models with another count).
if (N_LABELS !== 7) throw new Error('tagger: RowScores.sumInto is written for 7 labels');

/** One generation of RowScores: row ids (the keys), which groups are scored, their sums. */
class ScoreGeneration {
  /** Open addressing over entry numbers + 1 (0: empty). */
  readonly slots: Int32Array;
  readonly ids: Int32Array;
  readonly done: Uint8Array;
  readonly sums: Int32Array;
  size = 0;
  private readonly shift: number;

  constructor(limit: number) {
    let bits = 4;
    while (1 << bits < 2 * limit) bits++;
    this.slots = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.ids = new Int32Array(limit);
    this.done = new Uint8Array(limit);
    this.sums = new Int32Array(limit * SUMS_PER_ENTRY * STRIDE);
  }

  /** The slot of the row id, or the empty slot where it would go. */
  slotOf(id: number): number {
    const ids = this.ids, slots = this.slots, mask = slots.length - 1;
    let s = slotOf(id, this.shift);
    for (let e = slots[s]; e !== 0 && ids[e - 1] !== id; s = (s + 1) & mask, e = slots[s]);
    return s;
  }

  /** A new entry for the row id in empty slot s. */
  add(s: number, id: number): number {
    const e = this.size++;
    this.slots[s] = e + 1;
    this.ids[e] = id;
    this.done[e] = 0;
    return e;
  }

  clear(): void {
    this.slots.fill(0);
    this.size = 0;
  }
}
