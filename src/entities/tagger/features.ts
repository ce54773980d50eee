import { isLineBreak } from '../../layout/lines.js';
import type { Doc, MorphTok, Tok } from '../../doc.js';
import type Az from 'az';
import type { Morphology } from '../../morph/morphology.js';
import { detached } from '../../morph/cache.js';
import type { TokenKind } from '../../types.js';
import { clusterOf, clustersGeneration } from './clusters.js';
import { hashRange, hashStart, hashStep, hashSteps, hashString, mix, slotOf } from '../../hash.js';
import { foldYo, isUpperCase, startsUpper } from '../../letters.js';

/**
 * Feature extraction for the NER tagger. Training (scripts/train-ner.ts) and tagging call the
 * same functions on a Doc that went through the same layout/segment/morph stages, so the two
 * see identical features.
 *
 * Per token we keep N_ATTR attribute hashes (lower-cased form, lemma, shape, affixes, POS+case,
 * proper-name grammemes, …): those read from the chosen analysis are cached per MorphTok object,
 * the rest per word form, and a form's cache row keeps both (for the analysis it had last).
 * A feature is mix(attribute hash, template id); its bucket is the low `bits` bits.
 */

const A_LOWER = 0, A_LEMMA = 1, A_SHAPE = 2, A_SUF2 = 3, A_SUF3 = 4, A_SUF4 = 5, A_PRE3 = 6,
  A_POS = 7, A_POSCASE = 8, A_PROPER = 9, A_CAP = 10, A_NUMGEN = 11, A_SUF1 = 12, A_AMBIG = 13, A_CL_COARSE = 14, A_CL_FINE = 15;
/** Attributes per token. */
export const N_ATTR = 16;

/** Grammemes that mark proper names and abbreviations in OpenCorpora. */
const PROPER = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad', 'Abbr', 'Init', 'Fixd'];
const CASES = new Set(['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'voct', 'gen2', 'acc2', 'loc2']);
const NUMGEN = new Set(['sing', 'plur', 'masc', 'femn', 'neut', 'ms-f']);

/** Attributes of the positions before the text and after it. */
const PAD_BEFORE = paddingAttrs('<s>');
const PAD_AFTER = paddingAttrs('</s>');

function paddingAttrs(marker: string): Uint32Array {
  const a = new Uint32Array(N_ATTR);
  for (let k = 0; k < N_ATTR; k++) a[k] = hashString(marker, k + 1);
  return a;
}

/**
 * A compact word shape: each character as its class (X/x Cyrillic, L/l Latin, d digit, the
 * character itself otherwise), runs of one class collapsed: 'Токаев' → 'Xx', 'МИД' → 'X', 'COVID-19' → 'L-d'.
 * @example
 * shapeOf('Касым-Жомарт'); // 'Xx-Xx'
 */
export function shapeOf(w: string): string {
  let out = '';
  let last = -1;
  for (let i = 0; i < w.length; i += charWidth(w, i)) {
    const c = shapeClassAt(w, i);
    if (c !== last) out += String.fromCodePoint(c);
    last = c;
  }
  return out;
}

/** hashString(shapeOf(w), 3), without building the shape. */
function shapeHash(w: string): number {
  let h = hashStart(3);
  let last = -1;
  for (let i = 0; i < w.length; i += charWidth(w, i)) {
    const c = shapeClassAt(w, i);
    if (c !== last) {
      if (c > 0xffff) h = hashStep(hashStep(h, 0xd800 + ((c - 0x10000) >> 10)), 0xdc00 + ((c - 0x10000) & 0x3ff));
      else h = hashStep(h, c);
    }
    last = c;
  }
  return h >>> 0;
}

/** Code units of the character at w[i]: 2 for a surrogate pair, else 1. */
function charWidth(w: string, i: number): number {
  return w.codePointAt(i)! > 0xffff ? 2 : 1;
}

const SHAPE_DIGIT = 0x64, SHAPE_CYR_UPPER = 0x58, SHAPE_CYR_LOWER = 0x78, SHAPE_LAT_UPPER = 0x4c, SHAPE_LAT_LOWER = 0x6c; // d X x L l

/**
 * The shape class (see shapeOf) of the character at w[i], as the code point of its one-character
 * class string. ASCII and the Russian alphabet are decided here, other characters by Unicode
 * properties.
 */
function shapeClassAt(w: string, i: number): number {
  const u = w.charCodeAt(i);
  if (u < 0x80) {
    if (u >= 0x30 && u <= 0x39) return SHAPE_DIGIT;
    if (u >= 0x41 && u <= 0x5a) return SHAPE_LAT_UPPER;
    if (u >= 0x61 && u <= 0x7a) return SHAPE_LAT_LOWER;
    return u;
  }
  if ((u >= 0x410 && u <= 0x42f) || u === 0x401) return SHAPE_CYR_UPPER;
  if ((u >= 0x430 && u <= 0x44f) || u === 0x451) return SHAPE_CYR_LOWER;
  const ch = String.fromCodePoint(w.codePointAt(i)!);
  let c: string;
  if (ch >= '0' && ch <= '9') c = 'd';
  else if (/\p{Script=Cyrillic}/u.test(ch)) c = ch === ch.toLowerCase() ? 'x' : 'X';
  else if (/\p{L}/u.test(ch)) c = ch === ch.toLowerCase() ? 'l' : 'L';
  else c = ch;
  return c.codePointAt(0)!;
}

/** The capitalisation class of a token: its kind for non-words, else low/UP/UPLONG/Init/Title. */
function capClass(t: Tok): string {
  const w = t.text;
  if (t.kind !== 'word') return t.kind;
  if (!startsUpper(w)) return 'low';
  if (w.length > 1 && isUpperCase(w)) return w.length <= 5 ? 'UP' : 'UPLONG';
  return w.length === 1 ? 'Init' : 'Title';
}

/** hashString(s, seed) for the few strings an attribute takes over and over (kinds, classes). */
class SmallHashes {
  private readonly known = new Map<string, number>();
  constructor(private readonly seed: number) {}
  of(s: string): number {
    let h = this.known.get(s);
    if (h === undefined) this.known.set(s, h = hashString(s, this.seed));
    return h;
  }
}

/** The attributes read from the chosen analysis (the others are the form's). */
const MORPH_ATTRS = [A_LEMMA, A_POS, A_POSCASE, A_PROPER, A_NUMGEN];
const N_MORPH = MORPH_ATTRS.length;

/**
 * Writes the attributes read from analysis m of token t into out[base + A_…] (the others are
 * left alone). The POS falls back to the token kind when the analysis has none. The joined
 * strings (`NOUN|gent`, `Name,Surn,`) are hashed as they are read, not built; all but the lemma's
 * depend on the POS and the tag list only, and come from tagAttrsOf.
 */
function computeMorphAttrs(t: Tok, m: MorphTok, out: Uint32Array, base: number): void {
  const pos = m.pos ?? (t.kind === 'word' ? 'UNKN' : t.kind);
  const e = tagAttrsOf(pos, m.tags);
  out[base + A_LEMMA] = hashString(m.lemma, 2);
  out[base + A_POS] = e.pos;
  out[base + A_POSCASE] = e.posCase;
  out[base + A_PROPER] = e.proper;
  out[base + A_NUMGEN] = e.numGen;
}

/** The analysis attributes a POS and a tag list give (as int32: the same bits in a Uint32Array, and small integers). */
class TagAttrs {
  constructor(
    readonly posName: string, readonly pos: number, readonly posCase: number, readonly proper: number,
    readonly numGen: number,
  ) {}
}

/**
 * TagAttrs by tag list. The morphology hands out one frozen list per tag (morph/candidate.ts
 * tagInfo), shared by every form and analysis with that tag, so the list object stands for its
 * items: some 1 500 lists stand for the ~80 000 analyses a pass over RT_1 computes attributes
 * for. A list not frozen (made by a caller) could change, so it is never kept. The POS is kept
 * and compared: a list is met with one POS in practice, but nothing forbids another. Emptied when
 * full rather than evicting: lists made for unknown words must not pile up.
 */
const tagAttrs = new Map<readonly string[], TagAttrs>();
/** Entries of tagAttrs (and of ambiguityHashes) before it is emptied. */
export const TAG_LIST_LIMIT = 1 << 14;

function tagAttrsOf(pos: string, tags: readonly string[]): TagAttrs {
  const e = tagAttrs.get(tags);
  if (e !== undefined && e.posName === pos) return e;
  const made = computeTagAttrs(pos, tags);
  if (Object.isFrozen(tags)) {
    if (tagAttrs.size >= TAG_LIST_LIMIT) tagAttrs.clear();
    tagAttrs.set(tags, made);
  }
  return made;
}

function computeTagAttrs(pos: string, tags: readonly string[]): TagAttrs {
  let caseTag = '-';
  let proper = hashStart(10);
  let numGen = hashStep(hashSteps(hashStart(12), pos), BAR);
  // An indexed loop: for…of over a frozen tag list allocates per item (see themes/candidates.ts hasAny).
  for (let k = 0; k < tags.length; k++) {
    const g = tags[k];
    if (CASES.has(g)) caseTag = g;
    else if (PROPER.includes(g)) proper = hashStep(hashSteps(proper, g), COMMA);
    else if (NUMGEN.has(g)) numGen = hashStep(hashSteps(numGen, g), COMMA);
  }
  return new TagAttrs(
    pos, hashString(pos, 8) | 0, hashSteps(hashStep(hashSteps(hashStart(9), pos), BAR), caseTag) | 0, proper | 0,
    numGen | 0,
  );
}

/**
 * Test access to the caches keyed by list objects.
 * @internal
 */
export const listCachesForTests = {
  tagAttrsSize: (): number => tagAttrs.size,
  ambiguitySize: (): number => ambiguityHashes.size,
  clear(): void {
    tagAttrs.clear();
    ambiguityHashes.clear();
  },
};

const COMMA = 0x2c, BAR = 0x7c;

/**
 * Distinct forms per cache generation. Two generations are kept and a form found in the old one
 * moves to the young one, so a working set a little over the limit does not empty the cache.
 * A generation is 3.6 MB of typed arrays and a 1 MB array of references at 1 << 15 (twice that at
 * 1 << 16); over RT_1 the smaller one computes 11 % more rows (82 272 vs 73 847 of 365 473 looked
 * up) and the scores of nearly all rows are still found by their ids (row-scores.ts).
 */
const FORM_LIMIT = 1 << 15;
/** Rows a generation's references have room for at first (growRefs). */
const FIRST_ROWS = 1 << 11;

const capHashes = new SmallHashes(11);
const kindAmbiguity = new SmallHashes(14);
const kindCoarse = new SmallHashes(15);
const kindFine = new SmallHashes(16);

/**
 * Writes the form attributes of token t into out[base + A_…] (the others are left alone); h is
 * lowers[] of t, which is the A_LOWER attribute.
 */
function computeFormAttrs(t: Tok, h: number, morphology: Morphology | undefined, out: Uint32Array, base: number): void {
  const lower = lowerNormalised(t.text);
  const n = lower.length;
  out[base + A_LOWER] = h;
  out[base + A_SHAPE] = shapeHash(t.text);
  // Affixes hashed in place: hashRange(lower, a, b, seed) is hashString(lower.slice(a, b), seed).
  out[base + A_SUF2] = hashRange(lower, n > 2 ? n - 2 : 0, n, 4);
  out[base + A_SUF3] = hashRange(lower, n > 3 ? n - 3 : 0, n, 5);
  out[base + A_SUF4] = hashRange(lower, n > 4 ? n - 4 : 0, n, 6);
  out[base + A_PRE3] = hashRange(lower, 0, n > 3 ? 3 : n, 7);
  out[base + A_CAP] = capHashes.of(capClass(t));
  out[base + A_SUF1] = hashRange(lower, n > 0 ? n - 1 : 0, n, 13);
  out[base + A_AMBIG] = t.kind === 'word' && morphology !== undefined ? ambiguityHash(t.text, morphology) : kindAmbiguity.of(t.kind);
  const cl = t.kind === 'word' ? clusterOf(lower) : -1;
  out[base + A_CL_COARSE] = cl < 0 ? kindCoarse.of(t.kind) : mix(cl >>> 16, 15);
  out[base + A_CL_FINE] = cl < 0 ? kindFine.of(t.kind) : mix(cl & 0xffff, 16);
}

/** Lower case with ё as е: the form the word clusters and the A_LOWER attribute use. */
function lowerNormalised(text: string): string {
  if (isPlainLower(text)) return text;
  return foldYo(text.toLowerCase());
}

/**
 * One cache generation: row numbers by token text, a whole attribute row (N_ATTR values) per
 * form in one flat array. The form attributes are fixed; the analysis attributes (lemma, POS, …)
 * are those of morphOf(row), the analysis the form had last: a form mostly keeps its analysis,
 * so the row is copied as is. The attributes of the analysis it had before are kept beside the
 * row: a form that changes analysis mostly goes back and forth between two (`стали` VERB and
 * NOUN), and the row swaps them. (A WeakMap of attributes per MorphTok found only one change in
 * five, and held ~80 000 objects of five boxed numbers each.)
 */
class FormGeneration {
  /**
   * Open addressing over row numbers + 1 (0: empty), probed from the hash of the lower-cased
   * text that extractFeatures computes for every token anyway (`lowers`): no string hashing here.
   */
  private readonly slots = new Int32Array(FORM_SLOTS);
  /**
   * Per row its text, kind, analysis and previous analysis (REF_…), side by side: a lookup reads
   * the first three, and from one array they mostly come in one cache line.
   */
  private refs: Array<string | MorphTok | undefined> = new Array<string | MorphTok | undefined>(FIRST_ROWS * REFS).fill(undefined);
  readonly vals = new Uint32Array(FORM_LIMIT * N_ATTR);
  /** Per row the N_MORPH analysis attributes (MORPH_ATTRS order) of the previous analysis. */
  readonly prevVals = new Uint32Array(FORM_LIMIT * N_MORPH);
  /** Per row the row id (see newRowId) of its attributes with the current analysis, then with the previous one. */
  readonly ids = new Int32Array(FORM_LIMIT);
  readonly prevIds = new Int32Array(FORM_LIMIT);
  size = 0;

  /** The row of t with its kind, or -1; h is lowers[] of t. */
  rowOf(t: Tok, h: number): number {
    const row = this.find(t.text, h);
    return row < 0 || this.refs[row * REFS + REF_KIND] !== t.kind ? -1 : row;
  }

  /** The row of a text (any kind), or -1. */
  find(text: string, h: number): number {
    const slots = this.slots, refs = this.refs;
    for (let s = formSlot(h); ; s = (s + 1) & (FORM_SLOTS - 1)) {
      const r = slots[s];
      if (r === 0) return -1;
      if (refs[(r - 1) * REFS + REF_TEXT] === text) return r - 1;
    }
  }

  /** A new row for a text not here, of that kind (the caller checks there is room). */
  add(text: string, h: number, kind: TokenKind): number {
    const slots = this.slots;
    let s = formSlot(h);
    while (slots[s] !== 0) s = (s + 1) & (FORM_SLOTS - 1);
    const row = this.size++;
    slots[s] = row + 1;
    const at = row * REFS;
    if (at === this.refs.length) this.growRefs();
    // A token's text may be a slice of its article: a copy, so the cache does not keep articles alive.
    const refs = this.refs;
    refs[at + REF_TEXT] = detached(text);
    refs[at + REF_KIND] = kind;
    refs[at + REF_MORPH] = undefined;
    refs[at + REF_PREV] = undefined;
    return row;
  }

  /**
   * Doubles the references' array, up to FORM_LIMIT rows. It starts at FIRST_ROWS: filled at its
   * full size (1 MB), it was memory first touched in every process's first analysis, whose page
   * faults cost start-up ~3 ms on the reference machine; a generation grows once in its life
   * (clear() keeps its size), so the outgrown arrays are garbage only then.
   */
  private growRefs(): void {
    const refs = this.refs;
    const grown = new Array<string | MorphTok | undefined>(Math.min(2 * refs.length, FORM_LIMIT * REFS)).fill(undefined);
    for (let k = 0; k < refs.length; k++) grown[k] = refs[k];
    this.refs = grown;
  }

  setKind(row: number, kind: TokenKind): void {
    this.refs[row * REFS + REF_KIND] = kind;
  }

  /** The analysis the row's attributes were read from, if any. */
  morphOf(row: number): MorphTok | undefined {
    return this.refs[row * REFS + REF_MORPH] as MorphTok | undefined;
  }

  /**
   * Makes m the row's analysis (t its token), its attributes those of m: swapped in when m was
   * the previous analysis, else computed.
   */
  switchMorph(row: number, t: Tok, m: MorphTok): void {
    const refs = this.refs, vals = this.vals, prevVals = this.prevVals, ids = this.ids;
    const at = row * REFS, r = row * N_ATTR, p = row * N_MORPH;
    const cur = refs[at + REF_MORPH];
    const id = ids[row];
    if (refs[at + REF_PREV] === m) {
      for (let k = 0; k < N_MORPH; k++) {
        const v = vals[r + MORPH_ATTRS[k]];
        vals[r + MORPH_ATTRS[k]] = prevVals[p + k];
        prevVals[p + k] = v;
      }
      ids[row] = this.prevIds[row];
    } else {
      if (cur !== undefined) for (let k = 0; k < N_MORPH; k++) prevVals[p + k] = vals[r + MORPH_ATTRS[k]];
      computeMorphAttrs(t, m, vals, r);
      ids[row] = newRowId();
    }
    this.prevIds[row] = id;
    refs[at + REF_PREV] = cur;
    refs[at + REF_MORPH] = m;
  }

  /** Forgets the row's analyses: its analysis attributes are to be computed on its next use. */
  clearMorphs(row: number): void {
    this.refs[row * REFS + REF_MORPH] = undefined;
    this.refs[row * REFS + REF_PREV] = undefined;
    // No analysis, no row id: none left over from the row's previous use.
    this.ids[row] = this.prevIds[row] = 0;
  }

  /** Copies row `from` of another generation (same text and kind) into row `row`. */
  copyRow(row: number, other: FormGeneration, from: number): void {
    // Element by element: a subarray to copy from would be an object per row.
    copyValues(other.vals, from * N_ATTR, this.vals, row * N_ATTR, N_ATTR);
    copyValues(other.prevVals, from * N_MORPH, this.prevVals, row * N_MORPH, N_MORPH);
    this.ids[row] = other.ids[from];
    this.prevIds[row] = other.prevIds[from];
    this.refs[row * REFS + REF_MORPH] = other.refs[from * REFS + REF_MORPH];
    this.refs[row * REFS + REF_PREV] = other.refs[from * REFS + REF_PREV];
  }

  clear(): void {
    this.slots.fill(0);
    // Emptied in place: a list grown again by push after each turn of the generations left ~5 MB of
    // outgrown backing stores (large objects, freed only by a full collection) per turn.
    this.refs.fill(undefined, 0, this.size * REFS);
    this.size = 0;
  }
}

const REF_TEXT = 0, REF_KIND = 1, REF_MORPH = 2, REF_PREV = 3, REFS = 4;

/** Copies count values from[at…] to to[o…] (the arrays are distinct). */
function copyValues(from: Uint32Array, at: number, to: Uint32Array, o: number, count: number): void {
  for (let k = 0; k < count; k++) to[o + k] = from[at + k];
}

/** Slots of a FormGeneration's table: a power of two, at most 25 % full. */
const FORM_BITS = 17;
const FORM_SLOTS = 1 << FORM_BITS;

function formSlot(h: number): number {
  return slotOf(h, 32 - FORM_BITS);
}

/**
 * Attribute rows by token text (no object per form). A row remembers its token kind; the same
 * text with another kind (rare) rewrites the row.
 */
class FormCache {
  private young: FormGeneration | undefined;
  private old: FormGeneration | undefined;
  private clusters = -1;

  /** Forgets everything when the cluster table was reloaded since the last document. */
  sync(clusters: number): void {
    if (clusters !== this.clusters) {
      this.clear();
      this.clusters = clusters;
    }
  }

  clear(): void {
    this.young?.clear();
    this.old?.clear();
  }

  /**
   * Writes the N_ATTR attribute hashes of token t, analysed as m, into out[base…] and returns
   * their row id; h is lowers[] of t.
   */
  write(t: Tok, h: number, m: MorphTok, morphology: Morphology | undefined, out: Uint32Array, base: number): number {
    let young = this.young;
    if (young === undefined) young = this.young = new FormGeneration();
    let row = young.rowOf(t, h);
    if (row < 0) {
      row = this.insert(t, h, morphology);
      young = this.young!;
    }
    if (young.morphOf(row) !== m) young.switchMorph(row, t, m);
    const vals = young.vals;
    const r = row * N_ATTR;
    for (let k = 0; k < N_ATTR; k++) out[base + k] = vals[r + k];
    return young.ids[row];
  }

  /** A young row for t, filled from the old generation or computed; returns its number. */
  private insert(t: Tok, h: number, morphology: Morphology | undefined): number {
    let young = this.young!;
    let row = young.find(t.text, h);
    if (row < 0) {
      if (young.size >= FORM_LIMIT) {
        // The old generation's arrays are reused for the new young one.
        const spare = this.old ?? new FormGeneration();
        spare.clear();
        this.old = young;
        young = this.young = spare;
      }
      row = young.add(t.text, h, t.kind);
    } else {
      young.setKind(row, t.kind);
    }
    const old = this.old;
    const oldRow = old === undefined ? -1 : old.rowOf(t, h);
    if (old !== undefined && oldRow >= 0) {
      young.copyRow(row, old, oldRow);
    } else {
      computeFormAttrs(t, h, morphology, young.vals, row * N_ATTR);
      young.clearMorphs(row);
    }
    return row;
  }
}

/** The ambiguity class needs the morphology: attributes computed without one are kept apart. */
const formsWithMorph = new FormCache();
const formsWithoutMorph = new FormCache();

/*
 * Row ids. Every attribute row the form caches compute gets a number of its own, kept with the
 * row while its attributes stay as computed (copied to the young generation, swapped back with a
 * previous analysis): rows with the same id hold the same attributes. A decoder keys what it
 * derives from a row by the id (row-scores.ts), one integer, instead of the row's 16 values.
 * Two rows with equal attributes may have different ids (a form computed again after it left the
 * cache): that costs a recomputation, never a wrong score.
 */

/** The ids of the padding rows (PAD_BEFORE, PAD_AFTER); the form caches' rows count on from FIRST_ROW_ID. */
const PAD_BEFORE_ID = 1, PAD_AFTER_ID = 2, FIRST_ROW_ID = 3;
/**
 * Ids handed out before the count restarts (see restartRowIds): half of the Int32Array's range, so
 * the ids handed out while a document's rows are still being filled cannot overflow it.
 */
const ROW_ID_LIMIT = 1 << 30;
let nextRowId = FIRST_ROW_ID;
let rowIdEpoch = 0;

function newRowId(): number {
  return nextRowId++;
}

/**
 * Which run of row ids is current: it changes when the ids restart, and tables keyed by row ids
 * must then be emptied.
 * @example
 * if (rowIdsEpoch() !== kept) table.clear();
 */
export function rowIdsEpoch(): number {
  return rowIdEpoch;
}

/**
 * Restarts the row ids (after ROW_ID_LIMIT of them, millions of articles): the form caches
 * are emptied, so no row keeps an id of the previous run, and rowIdsEpoch changes.
 * @example
 * restartRowIds(); // features extracted before are not to be decoded by row ids afterwards
 * @internal exported for the tests, which cannot hand out 2^30 ids
 */
export function restartRowIds(): void {
  formsWithMorph.clear();
  formsWithoutMorph.clear();
  nextRowId = FIRST_ROW_ID;
  rowIdEpoch++;
}

/**
 * hashString(class, 14) of the word's ambiguity class: the POS and proper-name grammemes of all
 * its dictionary parses (the chosen parse may hide that `Маск` can be a surname), sorted and
 * joined with commas. A class is a set of a few dozen possible parts, so it is computed as a bit
 * set of them, and each set's hash once.
 */
function ambiguityHash(form: string, morphology: Morphology): number {
  const tags = morphology.tags(form);
  // Cached by list object as tagAttrs is: the morphology interns the lists (morph/shared-lists.ts)
  // and freezes them, so one list stands for every form with the same parse tags (some 9 400
  // lists for RT_1's 95 000 word forms).
  let h = ambiguityHashes.get(tags);
  if (h === undefined) {
    h = computeAmbiguityHash(tags);
    if (Object.isFrozen(tags)) {
      if (ambiguityHashes.size >= TAG_LIST_LIMIT) ambiguityHashes.clear();
      ambiguityHashes.set(tags, h);
    }
  }
  return h;
}

/** ambiguityHash by the list of a form's parse tags. */
const ambiguityHashes = new Map<readonly Az.Tag[], number>();

function computeAmbiguityHash(tags: readonly Az.Tag[]): number {
  if (tags.length === 1) return tagParts(tags[0]).hash;
  let set = 0;
  for (let k = 0; k < tags.length && k < 8; k++) {
    const bits = tagParts(tags[k]).bits;
    if (bits < 0) return hashString(ambiguityClass(tags), 14);
    set |= bits;
  }
  let h = classHashes.get(set);
  if (h === undefined) classHashes.set(set, h = hashString(classOfBits(set), 14));
  return h;
}

/** The hash of each ambiguity class met, by its bit set of parts. */
const classHashes = new Map<number, number>();

/** The ambiguity class (see ambiguityHash) as a string. */
function ambiguityClass(tags: readonly Az.Tag[]): string {
  const parts = new Set<string>();
  for (let k = 0; k < tags.length && k < 8; k++) for (const p of tagParts(tags[k]).parts) parts.add(p);
  return [...parts].sort().join(',');
}

/**
 * What one tag adds to an ambiguity class: its POS and proper-name grammemes, the hash of them
 * sorted and joined (the class of a form with this one tag), and their bit set (partBits; -1 when
 * the parts ran out of bits).
 */
interface TagParts { parts: readonly string[]; hash: number; bits: number }

/** A bit per part of an ambiguity class (POS, grammeme), given in the order met: 31 at most. */
const partBits = new Map<string, number>();
const partNames: string[] = [];

function bitOfPart(part: string): number {
  let b = partBits.get(part);
  if (b === undefined) {
    if (partNames.length >= 31) return -1;
    partBits.set(part, b = 1 << partNames.length);
    partNames.push(part);
  }
  return b;
}

/** The class string of a bit set of parts. */
function classOfBits(set: number): string {
  const parts: string[] = [];
  for (let k = 0; k < partNames.length; k++) if ((set & (1 << k)) !== 0) parts.push(partNames[k]);
  return parts.sort().join(',');
}

/**
 * Per tag object (the dictionary's tags are shared between forms; a WeakMap, so tags made for
 * one word go with it): tag.toString() builds a new string on every call.
 */
const tagPartsCache = new WeakMap<Az.Tag, TagParts>();

function tagParts(tag: Az.Tag): TagParts {
  let e = tagPartsCache.get(tag);
  if (e === undefined) {
    const parts = new Set<string>([String(tag.POS)]);
    const str = tag.toString();
    for (const g of PROPER) if (str.includes(g)) parts.add(g);
    const list = [...parts];
    let bits = 0;
    for (const p of list) {
      const b = bitOfPart(p);
      bits = b < 0 || bits < 0 ? -1 : bits | b;
    }
    e = { parts: list, hash: hashString([...list].sort().join(','), 14), bits };
    tagPartsCache.set(tag, e);
  }
  return e;
}

/** Bumped whenever templates change: a model trained with other features is refused. */
export const FEATURE_VERSION = 6;

/** Number of static (label-independent) features per token. */
export const N_STATIC = 72;
/** Number of features that depend on the previous labels. */
export const N_DYNAMIC = 7;

/** Template ids, one per feature template (kept stable: the model's buckets depend on them). */
let templateSeq = 100;
const T = () => templateSeq++;
const T_BIAS = T();
const T_CUR = Array.from({ length: N_ATTR }, T);
const CTX_ATTRS = [A_LOWER, A_LEMMA, A_SHAPE, A_POSCASE, A_PROPER, A_SUF3, A_CAP, A_AMBIG, A_CL_FINE];
const CTX_OFFSETS = [-2, -1, 1, 2];
const T_CTX = CTX_OFFSETS.map(() => CTX_ATTRS.map(T));
const T_BI_LOWER_L = T(), T_BI_LOWER_R = T(), T_BI_SHAPE_L = T(), T_BI_SHAPE_R = T();
const T_BI_PROPER_L = T(), T_BI_PROPER_R = T(), T_BI_POSCASE_L = T(), T_BI_POSCASE_R = T();
const T_SENT_CAP = T(), T_SENT_LOWER = T(), T_DOC_CAPSEEN = T(), T_LEMMA_PROPER = T(), T_QUOTE = T();
const T_LEMMA_L_CAP = T(), T_LEMMA_L_PROPER = T(), T_CAP_LEMMA_R = T(), T_LEMMA_LL_CAP = T(), T_CASE_AGREE_L = T(), T_CASE_AGREE_R = T();
const T_P1 = T(), T_P1P2 = T(), T_P1_SHAPE = T(), T_P1_LOWER = T(), T_P1_PROPER = T(), T_P1_CAP = T(), T_P1_POSCASE = T();

/**
 * Per-document feature state: attribute rows for the tokens and the document-level flags the
 * feature templates read. Attribute rows and static feature buckets are computed per token on
 * demand (most tokens are never scored, see `startable`, nor next to a scored one), or for all
 * tokens at once when training.
 */
export interface DocFeatures {
  n: number;
  bits: number;
  /**
   * (n + 4) × N_ATTR attribute hashes: two padding rows, the tokens, two padding rows. A token's
   * row is filled by staticFeatures / dynamicFeatures before they read it (all rows when eager).
   */
  attrs: Uint32Array;
  /**
   * (n + 4) row ids, one per row of attrs (see newRowId): equal ids, equal rows. Filled with the
   * rows; valid while rowIdsEpoch() is `epoch`.
   */
  rowIds: Int32Array;
  epoch: number;
  sentStart: Uint8Array;
  /** Per token: 1 when its lower-cased form is capitalised elsewhere mid-sentence, +2 when seen in lower case. */
  docCap: Uint8Array;
  inQuote: Uint8Array;
  /**
   * 1 where a mention may start: the token begins with a capital letter or a digit. Elsewhere,
   * after an O, the decoder answers O without scoring (names are capitalised; this skips most
   * tokens, and training applies the same rule).
   */
  startable: Uint8Array;
  /** n × N_STATIC buckets when extracted eagerly (training), else null. */
  buckets: Uint32Array | null;
  /** Fills the rows not filled yet; null when all are. */
  rows: RowFiller | null;
}

/** Fills attribute rows of one document on demand. */
export class RowFiller {
  private readonly filled: Uint8Array;

  constructor(
    private readonly doc: Doc, private readonly forms: FormCache,
    private readonly morphology: Morphology | undefined, private readonly attrs: Uint32Array,
    private readonly ids: Int32Array, private readonly lowers: Uint32Array, filled?: Uint8Array,
    private readonly repeats = new RepeatIndex(),
  ) {
    this.filled = filled ?? new Uint8Array(doc.tokens.length);
    repeats.reset(doc.tokens.length);
  }

  /** Fills every row. */
  all(): void {
    for (let i = 0; i < this.filled.length; i += 5) this.around(i + 2);
  }

  /** Fills the rows of tokens i − 2 … i + 2 (those the templates of token i read). */
  around(i: number): void {
    const filled = this.filled;
    const to = Math.min(i + 3, filled.length);
    for (let j = Math.max(i - 2, 0); j < to; j++) {
      if (filled[j] === 0) {
        const first = this.repeats.firstOf(this.doc, j, this.lowers[j]);
        const at = (j + 2) * N_ATTR;
        if (first >= 0) {
          this.attrs.copyWithin(at, (first + 2) * N_ATTR, (first + 3) * N_ATTR);
          this.ids[j + 2] = this.ids[first + 2];
        } else {
          this.ids[j + 2] = this.forms.write(this.doc.tokens[j], this.lowers[j], this.doc.morph[j], this.morphology, this.attrs, at);
        }
        filled[j] = 1;
      }
    }
  }
}

/**
 * An open-addressing table of int32 keys and values for one document, reused across documents: a
 * slot belongs to the current document when its stamp is the current one, so emptying it costs
 * nothing. Only the first 2^bits slots are used, bits fitting the document: a short document after
 * a long one probes a small, cached part of the arrays.
 */
class StampedTable {
  protected keys = new Int32Array(0);
  protected values = new Int32Array(0);
  protected stamps = new Int32Array(0);
  protected stamp = 0;
  protected shift = 32;
  protected mask = 0;

  /** Empties the table, with room for n entries. */
  reset(n: number): this {
    let bits = 6;
    while (1 << bits < 2 * n) bits++;
    if (1 << bits > this.keys.length || this.stamp === 0x7fffffff) {
      this.keys = new Int32Array(1 << bits);
      this.values = new Int32Array(1 << bits);
      this.stamps = new Int32Array(1 << bits);
      this.stamp = 0;
    }
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.stamp++;
    return this;
  }
}

/**
 * The tokens of one document whose rows are filled, by text, kind and analysis: a form repeated
 * in the document (44 % of the rows filled in news) copies the row of its first occurrence, near
 * in memory, instead of looking it up in the form cache (whose row it is: the row is a function
 * of the three). Open addressing over token numbers keyed by their lowers[] hash, reused from one
 * document to the next (a slot is the current document's when its stamp is the current one).
 */
class RepeatIndex extends StampedTable {
  /** An earlier token of doc with the text, kind and analysis of token j (h: its lowers[]), or −1 after adding j. */
  firstOf(doc: Doc, j: number, h: number): number {
    const keys = this.keys, toks = this.values, stamps = this.stamps, stamp = this.stamp;
    const key = h | 0;
    const tokens = doc.tokens, t = tokens[j], m = doc.morph[j];
    let s = slotOf(key, this.shift);
    for (; stamps[s] === stamp; s = (s + 1) & this.mask) {
      if (keys[s] !== key) continue;
      const k = toks[s];
      const u = tokens[k];
      if (u.text === t.text && u.kind === t.kind && doc.morph[k] === m) return k;
    }
    stamps[s] = stamp;
    keys[s] = key;
    toks[s] = j;
    return -1;
  }
}

/** The RepeatIndex of the documents extracted into the shared scratch arrays. */
const sharedRepeats = new RepeatIndex();

/**
 * The per-document arrays of extractFeatures, kept from one document to the next when the caller
 * is done with a document's features before asking for the next one's (the tagger is): a document
 * allocated some 70 bytes per token, all garbage after tagging. Documents of more than
 * SCRATCH_LIMIT tokens get arrays of their own, so what is kept stays small.
 */
class Scratch {
  private attrs = new Uint32Array(0);
  private ids = new Int32Array(0);
  private bytes = new Uint8Array(0);
  private lowers = new Uint32Array(0);
  private cap = -1;

  /** Arrays for n tokens (see DocArrays). */
  take(n: number): DocArrays {
    if (n > SCRATCH_LIMIT) return newDocArrays(n);
    if (n > this.cap) {
      const cap = Math.max(n, 2 * this.cap, 1024);
      this.attrs = new Uint32Array((cap + 4) * N_ATTR);
      this.ids = new Int32Array(cap + 4);
      this.bytes = new Uint8Array(5 * cap);
      this.lowers = new Uint32Array(cap);
      this.cap = cap;
    }
    const flags = byteArrays(this.bytes, n);
    flags[3].fill(0);
    flags[4].fill(0);
    return { attrs: this.attrs.subarray(0, (n + 4) * N_ATTR), ids: this.ids.subarray(0, n + 4), lowers: this.lowers.subarray(0, n), flags, shared: true };
  }
}

/** Documents of more tokens than this get per-document arrays of their own, not the kept scratch ones. */
export const SCRATCH_LIMIT = 20_000;

/**
 * The arrays extractFeatures fills for n tokens: attrs (n + 4 rows), their ids, lowers, and 5 byte
 * arrays of n (docCap, inQuote, startable, sentStart, RowFiller's filled; the last two zeroed).
 */
interface DocArrays { attrs: Uint32Array; ids: Int32Array; lowers: Uint32Array; flags: Uint8Array[]; shared: boolean }

function newDocArrays(n: number): DocArrays {
  return {
    attrs: new Uint32Array((n + 4) * N_ATTR), ids: new Int32Array(n + 4), lowers: new Uint32Array(n),
    flags: byteArrays(new Uint8Array(5 * n), n), shared: false,
  };
}

/** Five consecutive views of n bytes over buf. */
function byteArrays(buf: Uint8Array, n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let k = 0; k < 5; k++) out.push(buf.subarray(k * n, (k + 1) * n));
  return out;
}

const scratch = new Scratch();

/**
 * Extracts what the feature templates need from a Doc after segment + morph. With `reuse`, the
 * arrays are shared scratch: the result is valid until the next call with `reuse` (not with eager).
 * @example
 * const f = extractFeatures(doc, 20, ctx.morphology, true);
 * f.buckets!.length === doc.tokens.length * N_STATIC; // true
 */
export function extractFeatures(doc: Doc, bits: number, morphology?: Morphology, eager = false, reuse = false): DocFeatures {
  const toks = doc.tokens;
  const n = toks.length;
  if (nextRowId > ROW_ID_LIMIT - n) restartRowIds();
  const mem = reuse && !eager ? scratch.take(n) : newDocArrays(n);
  const [docCap, inQuote, startable, sentStart, filled] = mem.flags;
  const attrs = mem.attrs;
  attrs.set(PAD_BEFORE, 0);
  attrs.set(PAD_BEFORE, N_ATTR);
  attrs.set(PAD_AFTER, (n + 2) * N_ATTR);
  attrs.set(PAD_AFTER, (n + 3) * N_ATTR);
  const ids = mem.ids;
  ids[0] = ids[1] = PAD_BEFORE_ID;
  ids[n + 2] = ids[n + 3] = PAD_AFTER_ID;
  const forms = morphology !== undefined ? formsWithMorph : formsWithoutMorph;
  forms.sync(clustersGeneration());

  // Sentence starts: the segmenter's sentences, plus any token after a line break or a full stop.
  for (const s of doc.sentences) if (s.tokStart < n) sentStart[s.tokStart] = 1;
  if (n > 0) sentStart[0] = 1;
  // One pass over the tokens: sentence starts, startable, quotes, and the A_LOWER hash of each,
  // computed here without the row. Words seen capitalised somewhere else than at a sentence start
  // are a document-level hint that a sentence-initial capital is a name.
  const lowers = mem.lowers;
  const seen = seenFlags.reset(n);
  const text = doc.text;
  let q = 0, prevEnd = 0, prevStop = false;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    const tx = t.text;
    if (i > 0 && (prevStop || hasNewline(text, prevEnd, t.start))) sentStart[i] = 1;
    const code = tx.charCodeAt(0);
    const upper = startsUpper(tx);
    startable[i] = upper || (code >= 48 && code <= 57) ? 1 : 0;
    const h = lowers[i] = lowerHash(tx);
    if (t.kind === 'word') {
      if (upper) { if (!sentStart[i]) seen.add(h, CAP_SEEN); } else seen.add(h, LOW_SEEN);
    }
    // Inside guillemets/quotes: names of organisations and media often are.
    const single = tx.length === 1;
    if (single) q = quoteAfter(code, q);
    if (sentStart[i]) q = 0;
    inQuote[i] = q;
    prevEnd = t.end;
    prevStop = single && isFullStop(code);
  }
  for (let i = 0; i < n; i++) docCap[i] = seen.get(lowers[i]);
  const rows = new RowFiller(doc, forms, morphology, attrs, ids, lowers, filled, mem.shared ? sharedRepeats : undefined);
  const f: DocFeatures = { n, bits, attrs, rowIds: ids, epoch: rowIdEpoch, sentStart, docCap, inQuote, startable, buckets: null, rows };
  if (eager) {
    rows.all();
    f.rows = null;
    const buckets = new Uint32Array(n * N_STATIC);
    for (let i = 0; i < n; i++) staticFeatures(f, i, buckets, i * N_STATIC);
    f.buckets = buckets;
  }
  return f;
}

/** True when lowerNormalised(text) is text: only а…я (no ё), caseless characters and ASCII other than A…Z. */
function isPlainLower(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80 ? u >= 0x41 && u <= 0x5a : (u < 0x430 || u > 0x44f) && !isCaseless(u)) return false;
  }
  return true;
}

/**
 * True for non-ASCII code units that lower-casing leaves alone and that are frequent in news
 * tokens: Latin-1 punctuation (« » ° …), general punctuation (— – “ ” …), currency signs.
 */
function isCaseless(u: number): boolean {
  return (u >= 0x80 && u <= 0xbf) || (u >= 0x2000 && u <= 0x206f) || (u >= 0x20a0 && u <= 0x20cf);
}

/** hashString(lowerNormalised(text), 1), the A_LOWER attribute, without building the string for Russian and ASCII words. */
function lowerHash(text: string): number {
  let h = hashStart(1);
  for (let i = 0; i < text.length; i++) {
    let u = text.charCodeAt(i);
    if (u < 0x80) { if (u >= 0x41 && u <= 0x5a) u += 0x20; } else if (u >= 0x410 && u <= 0x44f) {
      if (u <= 0x42f) u += 0x20;
    } else if (u === 0x401 || u === 0x451) u = 0x435; // Ё, ё → е
    else if (!isCaseless(u)) return hashString(lowerNormalised(text), 1);
    h = hashStep(h, u);
  }
  return h >>> 0;
}

const CAP_SEEN = 1, LOW_SEEN = 2;

/** Flags per 32-bit hash for one document. */
class SeenFlags extends StampedTable {
  add(hash: number, flag: number): void {
    const s = this.slot(hash);
    if (this.stamps[s] !== this.stamp) {
      this.stamps[s] = this.stamp;
      this.keys[s] = hash;
      this.values[s] = 0;
    }
    this.values[s] |= flag;
  }

  get(hash: number): number {
    const s = this.slot(hash);
    return this.stamps[s] === this.stamp ? this.values[s] : 0;
  }

  /** The slot of the hash, or the empty slot where it would go. */
  private slot(hash: number): number {
    const mask = this.mask;
    const key = hash | 0;
    let s = slotOf(key, this.shift);
    while (this.stamps[s] === this.stamp && this.keys[s] !== key) s = (s + 1) & mask;
    return s;
  }
}

const seenFlags = new SeenFlags();

/** True for the code of a one-character token that ends a sentence: . ! ? … */
function isFullStop(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
}

/** The inside-quotes flag after a one-character token: « “ „ open, » ” close, " toggles. */
function quoteAfter(code: number, q: number): number {
  if (code === 0xab || code === 0x201c || code === 0x201e) return 1;
  if (code === 0xbb || code === 0x201d) return 0;
  return code === 0x22 ? q ^ 1 : q;
}

let viewed: Uint32Array | undefined;
let signedView: Int32Array = new Int32Array(0);

/**
 * The attribute hashes of f as int32 (same bits). Read as uint32, a hash above 2³¹ is a heap
 * number wherever it is passed to mix() not inlined: an allocation per feature.
 */
function signedAttrs(f: DocFeatures): Int32Array {
  const a = f.attrs;
  if (a !== viewed) {
    viewed = a;
    signedView = new Int32Array(a.buffer, a.byteOffset, a.length);
  }
  return signedView;
}

/**
 * The attribute rows of f as int32, those of tokens i − 2 … i + 2 (what the templates of token i
 * read) filled: token j's row starts at (j + 2) · N_ATTR.
 */
export function attrsAround(f: DocFeatures, i: number): Int32Array {
  if (f.rows !== null) f.rows.around(i);
  return signedAttrs(f);
}

/*
 * The static features come in groups by what they read, so that a decoder can score a group once
 * per distinct attribute row instead of once per token (see row-scores.ts): a token's own row,
 * a neighbour's row, the own row with a flag of the token, and the rest. Within a token the
 * features are a set: their order in staticFeatures is not part of the model.
 */

/** Features that read only the token's own row: the bias, each attribute, lemma with proper-name grammemes. */
export const N_OWN = N_ATTR + 2;
/** Features per neighbour (CONTEXT_OFFSETS) that read only the neighbour's row. */
export const N_CONTEXT = CTX_ATTRS.length;
/** Token i + CONTEXT_OFFSETS[d] is the neighbour d of token i. */
export const CONTEXT_OFFSETS: readonly number[] = CTX_OFFSETS;
/** Features that read the own row and one flag of the token (sentence start, inside quotes). */
export const N_FLAGGED = 3;
/** Features that read two or three rows, or document flags. */
export const N_JOINED = 15;

/** Writes the N_OWN buckets of the row at a[base…] into out[o…]. */
export function ownFeatures(a: Int32Array, base: number, mask: number, out: Uint32Array, o: number): void {
  out[o++] = mix(T_BIAS, 1) & mask;
  for (let k = 0; k < N_ATTR; k++) out[o++] = mix(a[base + k], T_CUR[k]) & mask;
  out[o] = mix(mix(a[base + A_LEMMA], a[base + A_PROPER]), T_LEMMA_PROPER) & mask;
}

/** Writes the N_CONTEXT buckets of the row at a[base…] as neighbour d (see CONTEXT_OFFSETS) into out[o…]. */
export function contextFeatures(a: Int32Array, base: number, d: number, mask: number, out: Uint32Array, o: number): void {
  const ts = T_CTX[d];
  for (let c = 0; c < CTX_ATTRS.length; c++) out[o++] = mix(a[base + CTX_ATTRS[c]], ts[c]) & mask;
}

/** Writes the N_FLAGGED buckets of the row at a[base…] for a token with sentence-start flag ss and quote flag q. */
export function flaggedFeatures(a: Int32Array, base: number, ss: number, q: number, mask: number, out: Uint32Array, o: number): void {
  out[o] = mix(mix(a[base + A_CAP], ss), T_SENT_CAP) & mask;
  out[o + 1] = mix(mix(a[base + A_LOWER], ss), T_SENT_LOWER) & mask;
  out[o + 2] = mix(mix(q, a[base + A_CAP]), T_QUOTE) & mask;
}

/** Writes the N_JOINED buckets of token i (rows of a as returned by attrsAround) into out[o…]. */
export function joinedFeatures(f: DocFeatures, a: Int32Array, i: number, mask: number, out: Uint32Array, o: number): void {
  const base = (i + 2) * N_ATTR;
  const prev = base - N_ATTR, next = base + N_ATTR;
  out[o++] = mix(mix(a[prev + A_LOWER], a[base + A_LOWER]), T_BI_LOWER_L) & mask;
  out[o++] = mix(mix(a[base + A_LOWER], a[next + A_LOWER]), T_BI_LOWER_R) & mask;
  out[o++] = mix(mix(a[prev + A_SHAPE], a[base + A_SHAPE]), T_BI_SHAPE_L) & mask;
  out[o++] = mix(mix(a[base + A_SHAPE], a[next + A_SHAPE]), T_BI_SHAPE_R) & mask;
  out[o++] = mix(mix(a[prev + A_PROPER], a[base + A_PROPER]), T_BI_PROPER_L) & mask;
  out[o++] = mix(mix(a[base + A_PROPER], a[next + A_PROPER]), T_BI_PROPER_R) & mask;
  out[o++] = mix(mix(a[prev + A_POSCASE], a[base + A_CAP]), T_BI_POSCASE_L) & mask;
  out[o++] = mix(mix(a[base + A_CAP], a[next + A_POSCASE]), T_BI_POSCASE_R) & mask;
  out[o++] = mix(mix(f.docCap[i], f.sentStart[i] * 2 + (a[base + A_CAP] & 1)), T_DOC_CAPSEEN) & mask;
  // The word before a capitalised one says much (`в` Москве, `компании` X, `президент` Y).
  out[o++] = mix(mix(a[prev + A_LEMMA], a[base + A_CAP]), T_LEMMA_L_CAP) & mask;
  out[o++] = mix(mix(a[prev + A_LEMMA], a[base + A_PROPER]), T_LEMMA_L_PROPER) & mask;
  out[o++] = mix(mix(a[base + A_CAP], a[next + A_LEMMA]), T_CAP_LEMMA_R) & mask;
  out[o++] = mix(mix(mix(a[prev - N_ATTR + A_LEMMA], a[prev + A_LEMMA]), a[base + A_CAP]), T_LEMMA_LL_CAP) & mask;
  // Parts of one name agree in case (Касым-Жомарта Токаева); a genitive after a noun starts a new one.
  out[o++] = mix(mix(a[prev + A_POSCASE], a[base + A_POSCASE]), T_CASE_AGREE_L) & mask;
  out[o] = mix(mix(a[base + A_POSCASE], a[next + A_POSCASE]), T_CASE_AGREE_R) & mask;
}

if (N_OWN + CTX_OFFSETS.length * N_CONTEXT + N_FLAGGED + N_JOINED !== N_STATIC) throw new Error('tagger: feature groups do not add up to N_STATIC');

/** Writes the N_STATIC label-independent feature buckets of token i into out[o…]. */
export function staticFeatures(f: DocFeatures, i: number, out: Uint32Array, o: number): void {
  const mask = (1 << f.bits) - 1;
  const a = attrsAround(f, i);
  const base = (i + 2) * N_ATTR;
  ownFeatures(a, base, mask, out, o);
  o += N_OWN;
  for (let d = 0; d < CTX_OFFSETS.length; d++, o += N_CONTEXT) contextFeatures(a, base + CTX_OFFSETS[d] * N_ATTR, d, mask, out, o);
  flaggedFeatures(a, base, f.sentStart[i], f.inQuote[i], mask, out, o);
  joinedFeatures(f, a, i, mask, out, o + N_FLAGGED);
}

/** A line break between two tokens (a lone CR too: old Mac line ends). */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isLineBreak(text.charCodeAt(k))) return true;
  return false;
}

/**
 * Writes the N_DYNAMIC buckets of the features that depend on the two previous labels into out[o…].
 */
export function dynamicFeatures(f: DocFeatures, i: number, p1: number, p2: number, out: Uint32Array, o = 0): void {
  const mask = (1 << f.bits) - 1;
  const a = attrsAround(f, i);
  labelFeatures(p1, p2, mask, out, o);
  labelRowFeatures(a, (i + 2) * N_ATTR, p1, mask, out, o + N_LABEL_ONLY);
}

/** Dynamic features that read the labels alone (the rest read the own row too). */
export const N_LABEL_ONLY = 2;

/** Writes the N_LABEL_ONLY buckets for previous labels p1, p2 into out[o…]. */
export function labelFeatures(p1: number, p2: number, mask: number, out: Uint32Array, o: number): void {
  const l1 = p1 + 1;
  out[o] = mix(l1, T_P1) & mask;
  out[o + 1] = mix(mix(l1, p2 + 1), T_P1P2) & mask;
}

/** Writes the N_DYNAMIC − N_LABEL_ONLY buckets of the row at a[base…] after label p1 into out[o…]. */
export function labelRowFeatures(a: Int32Array, base: number, p1: number, mask: number, out: Uint32Array, o: number): void {
  const l1 = p1 + 1;
  out[o] = mix(mix(a[base + A_SHAPE], l1), T_P1_SHAPE) & mask;
  out[o + 1] = mix(mix(a[base + A_LOWER], l1), T_P1_LOWER) & mask;
  out[o + 2] = mix(mix(a[base + A_PROPER], l1), T_P1_PROPER) & mask;
  out[o + 3] = mix(mix(a[base + A_CAP], l1), T_P1_CAP) & mask;
  out[o + 4] = mix(mix(a[base + A_POSCASE], l1), T_P1_POSCASE) & mask;
}

/** The bucket of the always-on bias feature (the trainer adds per-label offsets there). */
export function biasBucket(bits: number): number {
  return mix(T_BIAS, 1) & ((1 << bits) - 1);
}
