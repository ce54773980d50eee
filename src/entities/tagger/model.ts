import { N_LABELS } from './labels.js';

/** Anything that scores a feature bucket for every label. */
export interface Weights {
  readonly bits: number;
  /** Adds the bucket's weight for each label to `scores`. */
  add(bucket: number, scores: Float64Array): void;
}

// 'RTN2' as bytes. The first format ('RTNE') held bucket ids where this one holds the bitmap.
const MAGIC = 0x324e5452;
const HEADER_BYTES = 24;

/** Header of a model file; all little-endian uint32 except `scale` (float32). */
export interface ModelHeader { featureVersion: number; bits: number; labels: number; rows: number; scale: number }

/**
 * The shipped model: a sparse table of int16 weights, one row of N_LABELS per non-zero bucket,
 * rows in ascending bucket order. File layout: magic, featureVersion, bits, labels, rows,
 * scale (float32), then the rank bitmap (int32, see `rank`), then rows × labels int16 weights.
 *
 * A bucket finds its row through a rank bitmap instead of a 2^bits array of row offsets: one bit
 * per bucket says whether it has a row, and the row number is the count of set bits before it.
 * That is 256 KB for 2^20 buckets (the flat index took 4 MB), so it stays in the CPU cache
 * while the decoder looks up ~80 features per token. The file holds the bitmap itself, read as
 * a view: the first format held the rows' bucket ids, and building the bitmap from them (a loop
 * over 134 000 rows, in a process that has compiled nothing yet) took ~9 ms of every start-up.
 *
 * @example
 * const m = SparseModel.fromBuffer(readFileSync('models/ner.bin'));
 * m.add(12345, scores);
 */
export class SparseModel implements Weights {
  readonly bits: number;
  readonly featureVersion: number;
  /**
   * Per 32 buckets, two int32: the number of rows before them, then their presence bits
   * (bit k for bucket 32·w + k). See rowOffset.
   */
  readonly rank: Int32Array;
  /** Quantised weights, N_LABELS per row; multiply by `scale`. */
  readonly weights: Int16Array;
  readonly scale: number;

  private constructor(h: ModelHeader, rank: Int32Array, weights: Int16Array) {
    this.bits = h.bits;
    this.featureVersion = h.featureVersion;
    this.scale = h.scale;
    this.weights = weights;
    this.rank = rank;
  }

  add(bucket: number, scores: Float64Array): void {
    const r = rowOffset(this.rank, bucket);
    if (r < 0) return;
    const w = this.weights;
    const s = this.scale;
    for (let l = 0; l < N_LABELS; l++) scores[l] += w[r + l] * s;
  }

  /**
   * Parses a model file; throws on a malformed or incompatible one. The weights stay a view of
   * `buf` where they are aligned, so the buffer must not change afterwards.
   */
  static fromBuffer(buf: Uint8Array): SparseModel {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    if (buf.byteLength < HEADER_BYTES || dv.getUint32(0, true) !== MAGIC) throw new Error('tagger: not a rutext NER model');
    const h: ModelHeader = {
      featureVersion: dv.getUint32(4, true),
      bits: dv.getUint32(8, true),
      labels: dv.getUint32(12, true),
      rows: dv.getUint32(16, true),
      scale: dv.getFloat32(20, true),
    };
    if (h.labels !== N_LABELS) throw new Error(`tagger: model has ${h.labels} labels, expected ${N_LABELS}`);
    if (h.bits < 1 || h.bits > 30) throw new Error(`tagger: model has ${h.bits} bucket bits, expected 1…30`);
    const rankLength = rankLengthOf(h.bits);
    const need = HEADER_BYTES + rankLength * 4 + h.rows * h.labels * 2;
    if (buf.byteLength !== need) throw new Error(`tagger: model file is ${buf.byteLength} bytes, expected ${need}`);
    const rank = int32View(buf, HEADER_BYTES, rankLength);
    // The bitmap's ends are checked, not each of its 32 768 words: walking them in a process that
    // has compiled nothing yet took ~5 ms, half of what reading the bitmap saves. A file cut short
    // or shifted fails here (as the size check above), and the weights are not checked either.
    const last = rankLength - 2;
    const count = rank[last] + popCount(rank[last + 1]);
    if (rank[0] !== 0 || count !== h.rows) throw new Error(`tagger: model rank bitmap counts ${count} rows, the header ${h.rows}`);
    return new SparseModel(h, rank, int16View(buf, HEADER_BYTES + rankLength * 4, h.rows * h.labels));
  }
}

/** Int32 values in the rank bitmap of 2^bits buckets: two per 32 buckets (at least two). */
function rankLengthOf(bits: number): number {
  return 2 * Math.max(1, 2 ** bits / 32);
}

/**
 * The rank bitmap (see SparseModel.rank) of ascending bucket ids, in one pass over them: each
 * word's row count is the index of its first row; throws if the ids are not ascending.
 */
function rankOf(buckets: readonly number[], bits: number): Int32Array {
  const size = 2 ** bits;
  const words = rankLengthOf(bits) / 2;
  const rank = new Int32Array(2 * words);
  const n = buckets.length;
  let last = -1;
  let w = 0;
  for (let r = 0; r < n; r++) {
    const b = buckets[r];
    if (b <= last || b >= size) throw new Error('tagger: model buckets out of order or out of range');
    last = b;
    const bw = b >>> 5;
    while (w < bw) rank[2 * ++w] = r;
    rank[2 * w + 1] |= 1 << (b & 31);
  }
  while (w < words - 1) rank[2 * ++w] = n;
  return rank;
}

/**
 * Offset in `weights` of the row of a bucket, or −1 when the model has none.
 * @example
 * const r = rowOffset(m.rank, bucket); // m.weights[r … r + N_LABELS − 1] when r >= 0
 */
export function rowOffset(rank: Int32Array, bucket: number): number {
  const w = (bucket >>> 5) << 1;
  const present = rank[w + 1];
  const bit = 1 << (bucket & 31);
  if ((present & bit) === 0) return -1;
  return (rank[w] + popCount(present & (bit - 1))) * N_LABELS;
}

/** Number of set bits of a 32-bit integer. */
function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The int32 values at buf[from…]: a view when aligned, else a copy. */
function int32View(buf: Uint8Array, from: number, count: number): Int32Array {
  const start = buf.byteOffset + from;
  if ((start & 3) === 0) return new Int32Array(buf.buffer, start, count);
  return new Int32Array(Uint8Array.prototype.slice.call(buf, from, from + count * 4).buffer);
}

/**
 * The int16 weights at buf[from…]: a view of the file's bytes when aligned (no copy of the
 * 1.9 MB at start-up), else a copy.
 */
function int16View(buf: Uint8Array, from: number, count: number): Int16Array {
  const start = buf.byteOffset + from;
  if ((start & 1) === 0) return new Int16Array(buf.buffer, start, count);
  return new Int16Array(Uint8Array.prototype.slice.call(buf, from, from + count * 2).buffer);
}

/**
 * Serialises dense weights (bucket-major, N_LABELS per bucket) into the model file format,
 * dropping buckets whose largest |weight| is below `minWeight` and quantising to int16.
 */
export function encodeModel(dense: Float64Array | Float32Array, bits: number, featureVersion: number, minWeight: number): Uint8Array {
  const nb = 1 << bits;
  let maxAbs = 0;
  const keep: number[] = [];
  for (let b = 0; b < nb; b++) {
    let m = 0;
    for (let l = 0; l < N_LABELS; l++) m = Math.max(m, Math.abs(dense[b * N_LABELS + l]));
    if (m >= minWeight && m > 0) { keep.push(b); maxAbs = Math.max(maxAbs, m); }
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const rows = keep.length;
  const rank = rankOf(keep, bits);
  const out = new Uint8Array(HEADER_BYTES + rank.length * 4 + rows * N_LABELS * 2);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, featureVersion, true);
  dv.setUint32(8, bits, true);
  dv.setUint32(12, N_LABELS, true);
  dv.setUint32(16, rows, true);
  dv.setFloat32(20, scale, true);
  const realScale = dv.getFloat32(20, true);
  let o = HEADER_BYTES;
  for (let w = 0; w < rank.length; w++) { dv.setInt32(o, rank[w], true); o += 4; }
  for (const b of keep) {
    for (let l = 0; l < N_LABELS; l++) {
      dv.setInt16(o, Math.max(-32767, Math.min(32767, Math.round(dense[b * N_LABELS + l] / realScale))), true);
      o += 2;
    }
  }
  return out;
}

const PACK_MAGIC = 0x4b504e52; // 'RNPK'

/**
 * Packs a tagger's models into one file: magic, count, then per model its byte length and bytes.
 * Today a pack holds one model; the container leaves room for a second pass or a fallback.
 */
export function packModels(models: Uint8Array[]): Uint8Array {
  const total = 8 + models.reduce((s, m) => s + 4 + m.byteLength, 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, PACK_MAGIC, true);
  dv.setUint32(4, models.length, true);
  let o = 8;
  for (const m of models) {
    dv.setUint32(o, m.byteLength, true);
    out.set(m, o + 4);
    o += 4 + m.byteLength;
  }
  return out;
}

/** Unpacks a file written by packModels. */
export function unpackModels(buf: Uint8Array): SparseModel[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 8 || dv.getUint32(0, true) !== PACK_MAGIC) throw new Error('tagger: not a rutext NER model pack');
  const n = dv.getUint32(4, true);
  const out: SparseModel[] = [];
  let o = 8;
  for (let k = 0; k < n; k++) {
    const len = dv.getUint32(o, true);
    out.push(SparseModel.fromBuffer(buf.subarray(o + 4, o + 4 + len)));
    o += 4 + len;
  }
  return out;
}
