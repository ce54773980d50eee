import type Az from 'az';
import type { MorphTok } from '../doc.js';
import { interned } from '../interned.js';

type Parse = Az.Parse;

/** Case bits, so a preposition can govern a set of cases. */
export const CASE = { nomn: 1, gent: 2, datv: 4, accs: 8, ablt: 16, loct: 32 } as const;
export type CaseName = keyof typeof CASE;
const CASES = Object.keys(CASE) as CaseName[];
// A tag with no grammemes, for readings built by rutext itself.
const EMPTY_INFO: TagInfo = { pos: 'NOUN', posId: 1, list: Object.freeze(['Fixd']), key: 'NOUN,Fixd', flags: 0, cas: 0, num: 1, gen: 0, per: 0, id: -1, abbr: false };
export { EMPTY_INFO as AS_IS_INFO };

/**
 * Flag bits of a candidate, precomputed once per (form, parse) so the context rules only test bits.
 * They fill bits 0–15: a packed candidate keeps its POS number above them (POS_SHIFT), so a new
 * flag means moving POS_SHIFT up (a test checks the two do not overlap).
 */
export const F = {
  Name: 1 << 0,
  Surn: 1 << 1,
  Patr: 1 << 2,
  Geox: 1 << 3,
  Orgn: 1 << 4,
  Trad: 1 << 5,
  /** NOUN or pronoun noun. */
  Noun: 1 << 6,
  /** Agreeing modifier: full adjective, full participle, possessive/pronominal adjective, ordinal. */
  Adj: 1 << 7,
  /** Finite verb, infinitive, gerund, short participle, short adjective, predicative: not a case form. */
  Verbal: 1 << 8,
  Anim: 1 << 9,
  Fixd: 1 << 10,
  Past: 1 << 11,
  Numr: 1 << 12,
  Prep: 1 << 13,
  /** Part of the dictionary (not a guess from the suffix). */
  Known: 1 << 14,
  /** A capitalised word the dictionary lacks, taken as it stands (a name that does not decline). */
  AsIs: 1 << 15,
} as const;
export const PROPER = F.Name | F.Surn | F.Patr | F.Geox | F.Orgn | F.Trad | F.AsIs;
export const PERSON = F.Name | F.Surn | F.Patr;
/** Forms that take case: what a preposition can govern and what agrees. */
export const NOMINAL = F.Noun | F.Adj | F.Numr;

/**
 * What the rules read from a tag; az's tags are shared frozen objects, so this is computed once per
 * tag. `id` numbers the tag objects (a tag list's hash), `abbr` is the tag's Abbr grammeme.
 */
export interface TagInfo { pos: string; posId: number; list: readonly string[]; key: string; flags: number; cas: number; num: number; gen: number; per: number; id: number; abbr: boolean }
const tagInfos = new WeakMap<object, TagInfo>();
let tagCount = 0;

/**
 * Parts of speech by a small number, so a cached candidate keeps its POS inside one number
 * (`C_BITS`, above the F bits) rather than as a pointer. 0 is "none"; a POS az may add later
 * gets the next number.
 */
const POS_NAMES: string[] = [
  '', 'NOUN', 'ADJF', 'ADJS', 'COMP', 'VERB', 'INFN', 'PRTF', 'PRTS', 'GRND', 'NUMR', 'ADVB', 'NPRO', 'PRED', 'PREP', 'CONJ', 'PRCL', 'INTJ',
];
const POS_IDS = new Map<string, number>(POS_NAMES.map((p, i) => [p, i]));
/**
 * The number of a POS (see POS_NAMES).
 * @example
 * posName(posIdOf('VERB')); // 'VERB'
 */
export function posIdOf(pos: string): number {
  let id = POS_IDS.get(pos);
  if (id === undefined) {
    id = POS_NAMES.length;
    POS_NAMES.push(pos);
    POS_IDS.set(pos, id);
  }
  return id;
}

/**
 * The POS named by a number, as the canonical literal: comparing it with a literal compares pointers.
 * @example
 * posName(POS.VERB); // 'VERB'
 */
export function posName(id: number): string {
  return POS_NAMES[id] ?? '';
}

/** POS numbers the context rules test. */
export const POS = {
  NOUN: posIdOf('NOUN'), ADJS: posIdOf('ADJS'), VERB: posIdOf('VERB'), PRTS: posIdOf('PRTS'), ADVB: posIdOf('ADVB'), PRCL: posIdOf('PRCL'),
} as const;

/** The grammemes of a tag as a flat list without the POS, and its bits (shared per tag: read-only). */
export function tagInfo(t: Az.Tag): TagInfo {
  let info = tagInfos.get(t);
  if (info !== undefined) return info;
  // az's POS strings come from String.split, so comparing them with a literal compares characters;
  // the table's literal compares by reference.
  const posId = posIdOf(t.POS ?? '');
  const pos = posName(posId);
  let flags = 0;
  if (t.Name) flags |= F.Name;
  if (t.Surn) flags |= F.Surn;
  if (t.Patr) flags |= F.Patr;
  if (t.Geox) flags |= F.Geox;
  if (t.Orgn) flags |= F.Orgn;
  if (t.Trad) flags |= F.Trad;
  if (t.anim) flags |= F.Anim;
  if (t.Fixd) flags |= F.Fixd;
  if (t.past) flags |= F.Past;
  if (pos === 'NOUN' || pos === 'NPRO') flags |= F.Noun;
  else if (pos === 'ADJF' || pos === 'PRTF') flags |= F.Adj;
  else if (pos === 'NUMR') flags |= F.Numr;
  else if (pos === 'PREP') flags |= F.Prep;
  else if (pos === 'VERB' || pos === 'INFN' || pos === 'GRND' || pos === 'PRTS' || pos === 'ADJS' || pos === 'PRED') flags |= F.Verbal;
  let cas = 0;
  // Indexed loops, not for…of: a fresh process runs this in the interpreter for every tag of its
  // first article, where for…of allocates an iterator result per item.
  for (let i = 0; i < CASES.length; i++) if (t[CASES[i]]) { cas = CASE[CASES[i]]; break; }
  if (cas === 0 && t.voct) cas = CASE.nomn;
  // Frozen: shared read-only, and every frozen array has the same map whatever it holds (a list
  // made empty, or before V8 learnt what this literal's arrays hold, is no other array shape).
  const list: string[] = [];
  const key = t.toString();
  const parts = key.split(/[ ,]/);
  for (let i = 0; i < parts.length; i++) if (parts[i] && parts[i] !== pos) list.push(interned(parts[i]));
  info = {
    pos,
    posId,
    list: Object.freeze(list),
    key,
    flags,
    cas,
    num: t.sing ? 1 : t.plur ? 2 : 0,
    gen: t.masc ? 1 : t.femn ? 2 : t.neut ? 3 : t.ms_f || t['ms-f'] ? 4 : 0,
    per: t['1per'] ? 1 : t['2per'] ? 2 : t['3per'] ? 3 : 0,
    id: tagCount++,
    abbr: !!t.Abbr,
  };
  tagInfos.set(t, info);
  return info;
}

/** An az parse as parseInfo reads it: a dictionary reading has its paradigm and form number. */
type Reading = Parse & { formIdx?: number };

// TagInfo by az's tag number (a paradigm lists its forms' tag numbers), filled as tags are met.
let infoByTagIndex: Array<TagInfo | undefined> = [];

/**
 * tagInfo(p.tag): for a dictionary reading found by the tag's number in az's tag table (a read
 * from an array, where the tag object itself is one of thousands of shapes and a WeakMap key).
 * @example
 * parseInfo(az('стали')[0]).pos; // 'VERB'
 */
export function parseInfo(p: Parse): TagInfo {
  const { paradigm, formCnt, formIdx } = p as Reading;
  if (paradigm === undefined || formCnt === undefined || formIdx === undefined) return tagInfo(p.tag);
  const index = paradigm[formCnt + formIdx];
  let info = infoByTagIndex[index];
  if (info === undefined) {
    info = tagInfo(p.tag);
    if (index >= infoByTagIndex.length) {
      const grown = new Array<TagInfo | undefined>(Math.max(index + 1, 2 * infoByTagIndex.length)).fill(undefined);
      for (let i = 0; i < infoByTagIndex.length; i++) grown[i] = infoByTagIndex[i];
      infoByTagIndex = grown;
    }
    infoByTagIndex[index] = info;
  }
  return info;
}

/** Where a cached form finds its parses again when a candidate's MorphTok is first asked for. */
export interface ParseSource { parses(form: string): readonly Parse[] }

/**
 * How a form's candidate analyses are kept: STRIDE numbers per candidate in one flat array of
 * numbers (FormInfo.data), not an object each. A hundred thousand forms stay cached with two or
 * three candidates each; as numbers in one array they cost a fifth of the memory, and the GC has
 * nothing to trace.
 */
export const STRIDE = 5;
/** log of az's probability (or the override lexicon's), floored. */
export const C_LOGP = 0;
/** The F bits, and the POS number (POS_NAMES) from bit POS_SHIFT up. */
const C_BITS = 1;
/** CASE bits, 0 when the form has no case. */
export const C_CAS = 2;
/** Number (bits 0–1: 1 sing, 2 plur), gender (bits 2–4: 1 masc, 2 femn, 3 neut, 4 ms-f), person (bits 5–6). */
const C_NGP = 3;
/** Where the candidate's parse is among `parses(form)`, −1 for a reading rutext made itself. */
export const C_PARSE = 4;
export const POS_SHIFT = 16;
const FLAG_MASK = (1 << POS_SHIFT) - 1;

/**
 * The candidates of one form before they are packed, as parallel arrays filled by index with a
 * count: computeCandidates refills one Drafts per form seen for the first time (some eighty
 * thousand per pass over RT_1), where an object per reading and an array per form were garbage
 * at once. Only the packed numbers (FormInfo.data) and the MorphToks made outlive the form's turn.
 *
 * @example
 * const d = new Drafts();
 * d.add(parseInfo(p), p.score, F.Known, undefined, 0);
 * d.sortByLogp();
 */
export class Drafts {
  /** Number of drafts held; entries from `count` on are left over from earlier forms. */
  count = 0;
  info: TagInfo[];
  /** log of the score, floored (as C_LOGP). */
  logp: Float64Array;
  flags: Int32Array;
  cas: Int32Array;
  /** Where the reading is among the form's parses, −1 for one rutext made itself. */
  parse: Int32Array;
  made: Array<MorphTok | undefined>;

  constructor(capacity = 16) {
    const n = Math.max(1, capacity);
    this.info = new Array<TagInfo>(n).fill(EMPTY_INFO);
    this.logp = new Float64Array(n);
    this.flags = new Int32Array(n);
    this.cas = new Int32Array(n);
    this.parse = new Int32Array(n);
    this.made = new Array<MorphTok | undefined>(n).fill(undefined);
  }

  /** Empties the list (the arrays are kept for the next form). */
  clear(): void {
    this.count = 0;
  }

  /**
   * Adds a candidate reading.
   * @param score az's probability (or the lexicon's); `cas` (−1: the tag's) overrides the tag's case bits.
   */
  add(info: TagInfo, score: number, extraFlags: number, made: MorphTok | undefined, parse: number, cas = -1): void {
    const k = this.count;
    if (k === this.logp.length) this.grow();
    this.info[k] = info;
    this.logp[k] = Math.log(Math.max(score, 1e-4));
    this.flags[k] = info.flags | extraFlags;
    this.cas[k] = cas < 0 ? info.cas : cas;
    this.parse[k] = parse;
    this.made[k] = made;
    this.count = k + 1;
  }

  /**
   * Orders the drafts by logp, highest first, ties in their order: what a stable sort with
   * `(a, b) => b.logp - a.logp` gives. With a logp that is not a number (where that comparator is
   * no consistent order) the built-in sort runs that comparator, so the order is still the same.
   */
  sortByLogp(): void {
    const n = this.count;
    const logp = this.logp;
    let finite = true;
    for (let i = 0; i < n; i++) if (logp[i] !== logp[i]) finite = false;
    if (!finite) {
      const order: number[] = [];
      for (let i = 0; i < n; i++) order.push(i);
      order.sort((a, b) => logp[b] - logp[a]);
      this.permute(order);
      return;
    }
    for (let i = 1; i < n; i++) {
      const x = logp[i];
      let j = i - 1;
      if (logp[j] >= x) continue;
      const info = this.info[i], flags = this.flags[i], cas = this.cas[i], parse = this.parse[i], made = this.made[i];
      for (; j >= 0 && logp[j] < x; j--) this.move(j, j + 1);
      this.set(j + 1, info, x, flags, cas, parse, made);
    }
  }

  private move(from: number, to: number): void {
    this.set(to, this.info[from], this.logp[from], this.flags[from], this.cas[from], this.parse[from], this.made[from]);
  }

  private set(k: number, info: TagInfo, logp: number, flags: number, cas: number, parse: number, made: MorphTok | undefined): void {
    this.info[k] = info;
    this.logp[k] = logp;
    this.flags[k] = flags;
    this.cas[k] = cas;
    this.parse[k] = parse;
    this.made[k] = made;
  }

  private permute(order: readonly number[]): void {
    const info = this.info.slice(0, order.length), logp = this.logp.slice(0, order.length);
    const flags = this.flags.slice(0, order.length), cas = this.cas.slice(0, order.length);
    const parse = this.parse.slice(0, order.length), made = this.made.slice(0, order.length);
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      this.set(k, info[i], logp[i], flags[i], cas[i], parse[i], made[i]);
    }
  }

  private grow(): void {
    const n = this.logp.length * 2;
    const info = new Array<TagInfo>(n).fill(EMPTY_INFO), made = new Array<MorphTok | undefined>(n).fill(undefined);
    for (let i = 0; i < this.count; i++) {
      info[i] = this.info[i];
      made[i] = this.made[i];
    }
    this.info = info;
    this.made = made;
    this.logp = grown(new Float64Array(n), this.logp);
    this.flags = grown(new Int32Array(n), this.flags);
    this.cas = grown(new Int32Array(n), this.cas);
    this.parse = grown(new Int32Array(n), this.parse);
  }
}

function grown<A extends Float64Array | Int32Array>(to: A, from: A): A {
  to.set(from);
  return to;
}

/**
 * Writes draft k's STRIDE numbers into `data` from offset o (FormInfo.data's layout).
 */
export function packAt(d: Drafts, k: number, data: number[], o: number): void {
  const info = d.info[k];
  data[o + C_LOGP] = d.logp[k];
  data[o + C_BITS] = d.flags[k] | (info.posId << POS_SHIFT);
  data[o + C_CAS] = d.cas[k];
  data[o + C_NGP] = info.num | (info.gen << 2) | (info.per << 5);
  data[o + C_PARSE] = d.parse[k];
}

/**
 * The F bits of the candidate at offset o (k × STRIDE for candidate k) of `data` (FormInfo.data);
 * posAt, numAt, genAt and perAt read the other packed numbers the same way.
 * @example
 * (flagsAt(info.data, 0) & F.Noun) !== 0; // the first candidate is a noun
 */
export function flagsAt(data: readonly number[], o: number): number {
  return data[o + C_BITS] & FLAG_MASK;
}

/** The POS number (POS) of the candidate at offset o. */
export function posAt(data: readonly number[], o: number): number {
  return data[o + C_BITS] >>> POS_SHIFT;
}

/** Number of the candidate at offset o: 1 sing, 2 plur, 0 none. */
export function numAt(data: readonly number[], o: number): number {
  return data[o + C_NGP] & 3;
}

/** Gender of the candidate at offset o: 1 masc, 2 femn, 3 neut, 4 common (ms-f), 0 none. */
export function genAt(data: readonly number[], o: number): number {
  return (data[o + C_NGP] >> 2) & 7;
}

/** Person of the candidate at offset o: 1, 2, 3 for finite verbs and personal pronouns, else 0. */
export function perAt(data: readonly number[], o: number): number {
  return data[o + C_NGP] >> 5;
}

/** The form whose candidates a Candidate view reads. */
export interface CandidateSource { readonly data: readonly number[]; tok(k: number): MorphTok }

/**
 * One possible analysis of a word form, as the public API shows it: a view over the form's
 * packed numbers (see STRIDE). Its MorphTok (and so the lemma, the costly part) is built only
 * when the candidate is first chosen or asked for.
 */
export class Candidate {
  private readonly o: number;
  constructor(private readonly source: CandidateSource, private readonly k: number) {
    this.o = k * STRIDE;
  }

  /** OpenCorpora part of speech ('' when unknown). */
  get pos(): string { return posName(posAt(this.source.data, this.o)); }
  /** log of az's probability (or the override lexicon's), floored. */
  get logp(): number { return this.source.data[this.o + C_LOGP]; }
  /** CASE bits, 0 when the form has no case. */
  get cas(): number { return this.source.data[this.o + C_CAS]; }
  /** 1 sing, 2 plur, 0 none. */
  get num(): number { return numAt(this.source.data, this.o); }
  /** 1 masc, 2 femn, 3 neut, 4 common (ms-f), 0 none. */
  get gen(): number { return genAt(this.source.data, this.o); }
  /** 1, 2, 3 for finite verbs and personal pronouns, else 0. */
  get per(): number { return perAt(this.source.data, this.o); }
  /** F bits. */
  get flags(): number { return flagsAt(this.source.data, this.o); }
  /** The MorphTok emitted when this candidate is chosen (shared, read-only). */
  get tok(): MorphTok { return this.source.tok(this.k); }
}

/**
 * Whether the candidate at offset a of `da` and the one at b of `db` agree in case, number and
 * (in the singular) gender.
 */
export function agreesAt(da: readonly number[], a: number, db: readonly number[], b: number): boolean {
  if ((da[a + C_CAS] & db[b + C_CAS]) === 0) return false;
  const na = numAt(da, a), nb = numAt(db, b);
  if (na !== 0 && nb !== 0 && na !== nb) return false;
  if (na === 2 || nb === 2) return true;
  const ga = genAt(da, a), gb = genAt(db, b);
  return ga === 0 || gb === 0 || ga === gb || ga === 4 || gb === 4;
}
