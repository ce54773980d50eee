import { existsSync } from 'node:fs';
import { readDataFile } from '../../data-file.js';
import { fileURLToPath } from 'node:url';
import { slotOf } from '../../hash.js';

/**
 * Word clusters learned without supervision from raw news text (scripts/train-ner-clusters.ts):
 * each lower-cased word (ё→е) has a coarse and a fine cluster id. They let the tagger generalise
 * from the names it saw in training to words used the same way (`Газпром` ~ `Роснефть`).
 * File: models/ner-clusters.tsv, UTF-8 lines `word<TAB>coarse<TAB>fine`.
 */
export const CLUSTERS_URL = new URL('../../../models/ner-clusters.tsv', import.meta.url);

/**
 * The same table prebuilt (`npm run build:clusters`): its hash table as
 * stored arrays, so loading is reading one file, with no line parsing or hashing at start-up.
 */
export const CLUSTERS_BIN_URL = new URL('../../../models/ner-clusters.bin', import.meta.url);

let table: ClusterTable | undefined;
let generation = 0;

/** Packs (coarse, fine) as coarse << 16 | fine; -1 for an unknown word. */
export function clusterOf(lowerNormalised: string): number {
  if (table === undefined) table = load();
  return table.get(lowerNormalised);
}

function load(): ClusterTable {
  // RUTEXT_NER_CLUSTERS: another clusters file, for training experiments beside the shipped pair.
  const other = process.env.RUTEXT_NER_CLUSTERS;
  if (other !== undefined) return parseClusters(readDataFile(other));
  // After resetClusters the trainer has just rewritten the text file: the prebuilt table is older.
  const bin = generation === 0 ? readIfPresent(fileURLToPath(CLUSTERS_BIN_URL)) : undefined;
  if (bin !== undefined) return decodeClusters(bin);
  // Neither file is a broken installation: a DataFileError names the prebuilt one, which ships.
  const text = readIfPresent(fileURLToPath(CLUSTERS_URL));
  return text !== undefined ? parseClusters(text) : decodeClusters(readDataFile(CLUSTERS_BIN_URL));
}

function readIfPresent(path: string): Uint8Array | undefined {
  return existsSync(path) ? readDataFile(path) : undefined;
}

const TAB = 9, NL = 10;
/** FNV-1a over the UTF-8 bytes of a word: its start value and one step. */
const FNV_START = 0x811c9dc5;
const fnv = (h: number, byte: number): number => Math.imul(h ^ byte, 0x01000193);

/**
 * An open-addressing hash table over UTF-8 words, each followed by a tab: the words are never
 * decoded into strings (decoding 50 000 lines and filling a Map cost ~30 ms and 5 MB of heap); a
 * word looked up is hashed and compared as UTF-8. A slot holds the byte offset of a word + 1
 * (0 = empty) and that word's packed clusters. Built from the text file (the words are its lines)
 * or read prebuilt (the words are a compact list).
 * @example
 * parseClusters(readFileSync('models/ner-clusters.tsv')).get('газпром'); // coarse << 16 | fine, or -1
 */
export class ClusterTable {
  readonly shift: number;

  constructor(readonly words: Uint8Array, readonly lines: Int32Array, readonly values: Int32Array) {
    this.shift = 32 - Math.log2(lines.length);
  }

  /** Packed clusters of a word, or -1. */
  get(word: string): number {
    const h = utf8Hash(word);
    if (h < 0) return -1;
    const lines = this.lines;
    const mask = lines.length - 1;
    for (let s = slotOf(h, this.shift); lines[s] !== 0; s = (s + 1) & mask) {
      if (this.wordIs(lines[s] - 1, word)) return this.values[s];
    }
    return -1;
  }

  /** True when the word at `line` (up to its tab) is `word`, compared as UTF-8. */
  private wordIs(line: number, word: string): boolean {
    const bytes = this.words;
    let p = line;
    for (let i = 0; i < word.length; i++) {
      const u = word.charCodeAt(i);
      if (u < 0x80) {
        if (bytes[p] !== u) return false;
        p++;
      } else if (u < 0x800) {
        if (bytes[p] !== (0xc0 | (u >> 6)) || bytes[p + 1] !== (0x80 | (u & 0x3f))) return false;
        p += 2;
      } else if (u < 0xd800 || u > 0xdbff) {
        if (bytes[p] !== (0xe0 | (u >> 12)) || bytes[p + 1] !== (0x80 | ((u >> 6) & 0x3f)) || bytes[p + 2] !== (0x80 | (u & 0x3f))) return false;
        p += 3;
      } else {
        const cp = 0x10000 + ((u - 0xd800) << 10) + (word.charCodeAt(++i) - 0xdc00);
        if (bytes[p] !== (0xf0 | (cp >> 18)) || bytes[p + 1] !== (0x80 | ((cp >> 12) & 0x3f)) ||
          bytes[p + 2] !== (0x80 | ((cp >> 6) & 0x3f)) || bytes[p + 3] !== (0x80 | (cp & 0x3f))) return false;
        p += 4;
      }
    }
    return bytes[p] === TAB;
  }
}


/**
 * Builds the table from the text file's bytes (`word<TAB>coarse<TAB>fine` lines; valid UTF-8, as
 * the trainer writes it). A later line for the same word replaces an earlier one; a line without
 * a word or two tabs is skipped.
 * @example
 * parseClusters(new TextEncoder().encode('газпром\t3\t51\n')).get('газпром'); // 3 << 16 | 51
 */
export function parseClusters(bytes: Uint8Array): ClusterTable {
  return new TextTableBuilder(bytes).table();
}

/** Fills a ClusterTable from the text file, line by line. */
class TextTableBuilder {
  private lines: Int32Array;
  private values: Int32Array;
  private shift = 0;
  private count = 0;

  constructor(private readonly bytes: Uint8Array) {
    // Sized for lines of ~32 bytes (the shipped file averages 25), grown if there are more.
    this.lines = this.values = new Int32Array(0);
    this.allocate(bytes.length >>> 5);
    for (let pos = 0; pos < bytes.length;) pos = this.readLine(pos);
  }

  table(): ClusterTable {
    return new ClusterTable(this.bytes, this.lines, this.values);
  }

  /**
   * Adds the line at bytes[pos…] when it is `word<TAB>coarse<TAB>fine` (a non-empty word);
   * returns where the next line starts. Plain decimal numbers are read here, anything else
   * goes to addLine.
   */
  private readLine(pos: number): number {
    const bytes = this.bytes;
    const end = bytes.length;
    let p = pos, h = FNV_START, c = -1;
    while (p < end && (c = bytes[p]) !== TAB && c !== NL) { h = fnv(h, c); p++; }
    if (p === pos || p === end || c !== TAB) return lineEnd(bytes, p) + 1;
    const t1 = p++;
    let coarse = 0;
    while (p < end && (c = bytes[p]) >= 48 && c <= 57) { coarse = coarse * 10 + c - 48; p++; }
    if (p === end || c !== TAB || p - t1 > 16) return this.addLine(pos);
    const t2 = p++;
    let fine = 0;
    while (p < end && (c = bytes[p]) >= 48 && c <= 57) { fine = fine * 10 + c - 48; p++; }
    if ((p < end && c !== NL) || p - t2 > 16) return this.addLine(pos);
    this.add(pos, t1, h, (coarse << 16) | fine);
    return p + 1;
  }

  /** readLine for any other line: the fields are text, the numbers read by Number() (NaN → 0). */
  private addLine(pos: number): number {
    const bytes = this.bytes;
    const nl = lineEnd(bytes, pos);
    const t1 = bytes.indexOf(TAB, pos);
    const t2 = bytes.indexOf(TAB, t1 + 1);
    if (t1 > pos && t2 > t1 && t2 < nl) {
      const text = (from: number, to: number): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(from, to));
      this.add(pos, t1, wordHash(bytes, pos, t1), (Number(text(t1 + 1, t2)) << 16) | Number(text(t2 + 1, nl)));
    }
    return nl + 1;
  }

  /** Empty slots for at least `entries` words at most half full (short probe runs). */
  private allocate(entries: number): void {
    let bits = 4;
    while (1 << bits < 2 * (entries + 1)) bits++;
    this.lines = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.count = 0;
  }

  /** Adds the word at bytes[pos, tab) with its hash and value; a later line for the same word wins. */
  private add(pos: number, tab: number, hash: number, value: number): void {
    if (2 * (this.count + 1) > this.lines.length) this.grow();
    const lines = this.lines;
    const mask = lines.length - 1;
    for (let s = slotOf(hash, this.shift); ; s = (s + 1) & mask) {
      if (lines[s] === 0) this.count++;
      else if (!this.sameWord(lines[s] - 1, pos, tab)) continue;
      lines[s] = pos + 1;
      this.values[s] = value;
      return;
    }
  }

  /** Doubles the table, re-adding its words. */
  private grow(): void {
    const { lines, values } = this;
    this.allocate(lines.length);
    for (let s = 0; s < lines.length; s++) {
      if (lines[s] === 0) continue;
      const pos = lines[s] - 1;
      const tab = this.bytes.indexOf(TAB, pos);
      this.add(pos, tab, wordHash(this.bytes, pos, tab), values[s]);
    }
  }

  /** True when the words of two lines (each up to its tab; the second ends at `end`) are equal. */
  private sameWord(a: number, b: number, end: number): boolean {
    const bytes = this.bytes;
    for (let k = 0; k < end - b; k++) if (bytes[a + k] !== bytes[b + k]) return false;
    return bytes[a + end - b] === TAB;
  }
}

const BIN_MAGIC = 0x42434e52; // 'RNCB'
const BIN_VERSION = 1;
const BIN_HEADER = 16;

/**
 * The prebuilt file of a table: little-endian uint32 magic, version, slot count and word bytes,
 * then the slots' word offsets (int32, +1, 0 = empty) and packed clusters (int32), then the words,
 * each followed by a tab, in slot order. The slots are the table's own, so a word probes the same
 * slots as in the table built from the text.
 * @example
 * writeFileSync('models/ner-clusters.bin', encodeClusters(parseClusters(readFileSync('models/ner-clusters.tsv'))));
 */
export function encodeClusters(t: ClusterTable): Uint8Array {
  const n = t.lines.length;
  const lines = new Int32Array(n);
  const chunks: Uint8Array[] = [];
  let wordBytes = 0;
  for (let s = 0; s < n; s++) {
    if (t.lines[s] === 0) continue;
    const from = t.lines[s] - 1;
    const word = t.words.subarray(from, t.words.indexOf(TAB, from) + 1);
    lines[s] = wordBytes + 1;
    chunks.push(word);
    wordBytes += word.length;
  }
  const out = new Uint8Array(BIN_HEADER + 8 * n + wordBytes);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, BIN_MAGIC, true);
  dv.setUint32(4, BIN_VERSION, true);
  dv.setUint32(8, n, true);
  dv.setUint32(12, wordBytes, true);
  for (let s = 0; s < n; s++) {
    dv.setInt32(BIN_HEADER + 4 * s, lines[s], true);
    dv.setInt32(BIN_HEADER + 4 * (n + s), t.values[s], true);
  }
  let o = BIN_HEADER + 8 * n;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

/**
 * Reads a file written by encodeClusters: the arrays are views of the file's bytes (copied
 * once if the buffer is not 4-byte aligned). Throws on a file of another format or size.
 * @example
 * decodeClusters(readFileSync('models/ner-clusters.bin')).get('газпром'); // as parseClusters gives
 */
export function decodeClusters(buf: Uint8Array): ClusterTable {
  // A copy into a buffer of its own (Buffer#slice would only make another view, still misaligned).
  if ((buf.byteOffset & 3) !== 0) buf = new Uint8Array(buf);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const bad = (why: string): Error => new Error(`tagger: ${fileURLToPath(CLUSTERS_BIN_URL)}: ${why}; rebuild it with npm run build:clusters`);
  if (buf.byteLength < BIN_HEADER || dv.getUint32(0, true) !== BIN_MAGIC) throw bad('not a prebuilt clusters table');
  if (dv.getUint32(4, true) !== BIN_VERSION) throw bad(`version ${dv.getUint32(4, true)}, expected ${BIN_VERSION}`);
  const n = dv.getUint32(8, true);
  const wordBytes = dv.getUint32(12, true);
  if (n < 16 || (n & (n - 1)) !== 0 || buf.byteLength !== BIN_HEADER + 8 * n + wordBytes) throw bad('truncated or damaged');
  const at = buf.byteOffset + BIN_HEADER;
  return new ClusterTable(
    buf.subarray(BIN_HEADER + 8 * n),
    new Int32Array(buf.buffer, at, n),
    new Int32Array(buf.buffer, at + 4 * n, n),
  );
}

/** The position of the newline ending the line that holds bytes[pos] (or the end). */
function lineEnd(bytes: Uint8Array, pos: number): number {
  const nl = bytes.indexOf(NL, pos);
  return nl < 0 ? bytes.length : nl;
}

/** FNV-1a of bytes[from, to). */
function wordHash(bytes: Uint8Array, from: number, to: number): number {
  let h = FNV_START;
  for (let p = from; p < to; p++) h = fnv(h, bytes[p]);
  return h;
}

/**
 * FNV-1a of the UTF-8 encoding of a string, as the table hashes the file's words; -1 when the
 * string holds a lone surrogate (valid UTF-8 has none, so such a word is not in the file).
 */
function utf8Hash(word: string): number {
  let h = FNV_START;
  for (let i = 0; i < word.length; i++) {
    const u = word.charCodeAt(i);
    if (u < 0x80) h = fnv(h, u);
    else if (u < 0x800) h = fnv(fnv(h, 0xc0 | (u >> 6)), 0x80 | (u & 0x3f));
    else if (u < 0xd800 || u > 0xdfff) h = fnv(fnv(fnv(h, 0xe0 | (u >> 12)), 0x80 | ((u >> 6) & 0x3f)), 0x80 | (u & 0x3f));
    else {
      const lo = word.charCodeAt(i + 1);
      if (u > 0xdbff || !(lo >= 0xdc00 && lo <= 0xdfff)) return -1;
      const cp = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
      h = fnv(fnv(fnv(fnv(h, 0xf0 | (cp >> 18)), 0x80 | ((cp >> 12) & 0x3f)), 0x80 | ((cp >> 6) & 0x3f)), 0x80 | (cp & 0x3f));
      i++;
    }
  }
  return h >>> 0;
}

/** Forgets the loaded table (the trainer rewrites the file and reloads it). */
export function resetClusters(): void {
  table = undefined;
  generation++;
}

/**
 * Counts resetClusters calls, so caches of values derived from the table know when to drop them.
 * @example
 * const g = clustersGeneration(); resetClusters(); clustersGeneration() === g + 1; // true
 */
export function clustersGeneration(): number {
  return generation;
}
