import type Az from 'az';
import type { MorphTok } from '../doc.js';
import { lemmaOf } from './lemma.js';

type Parse = Az.Parse;

/** Case bits, so a preposition can govern a set of cases. */
export const CASE = { nomn: 1, gent: 2, datv: 4, accs: 8, ablt: 16, loct: 32 } as const;
export type CaseName = keyof typeof CASE;
const CASES = Object.keys(CASE) as CaseName[];
// A tag with no grammemes, for readings built by rutext itself.
const EMPTY_INFO = { pos: 'NOUN', list: ['Fixd'], key: 'NOUN,Fixd', flags: 0, cas: 0, num: 1, gen: 0, per: 0 };
export { EMPTY_INFO as AS_IS_INFO };

/** Flag bits of a candidate, precomputed once per (form, parse) so the context rules only test bits. */
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

/** What the rules read from a tag; az's tags are shared frozen objects, so this is computed once per tag. */
interface TagInfo { pos: string; list: string[]; key: string; flags: number; cas: number; num: number; gen: number; per: number }
const tagInfos = new WeakMap<object, TagInfo>();
const POS_LITERALS = new Map<string, string>([
  'NOUN', 'ADJF', 'ADJS', 'COMP', 'VERB', 'INFN', 'PRTF', 'PRTS', 'GRND', 'NUMR', 'ADVB', 'NPRO', 'PRED', 'PREP', 'CONJ', 'PRCL', 'INTJ',
].map((p) => [p, p]));

const grammemeNames = new Map<string, string>();

/**
 * The engine's canonical copy of a grammeme name. The stages test `tags.includes('gent')` per
 * token; against canonical strings that is a pointer comparison, against strings from
 * String.split it compares characters. A property key is always canonical.
 */
function interned(name: string): string {
  let s = grammemeNames.get(name);
  if (s === undefined) {
    s = Object.keys({ [name]: 0 })[0];
    grammemeNames.set(name, s);
  }
  return s;
}

/** The grammemes of a tag as a flat list without the POS, and its bits (shared per tag: read-only). */
export function tagInfo(t: Az.Tag): TagInfo {
  let info = tagInfos.get(t);
  if (info !== undefined) return info;
  // az's POS strings come from String.split, so comparing them with a literal compares characters;
  // the literal itself compares by reference in the context rules' per-token tests.
  const pos = POS_LITERALS.get(t.POS ?? '') ?? t.POS ?? '';
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
  for (const c of CASES) if (t[c]) { cas = CASE[c]; break; }
  if (cas === 0 && t.voct) cas = CASE.nomn;
  const list: string[] = [];
  for (const part of t.toString().split(/[ ,]/)) if (part && part !== pos) list.push(interned(part));
  info = {
    pos,
    list,
    key: t.toString(),
    flags,
    cas,
    num: t.sing ? 1 : t.plur ? 2 : 0,
    gen: t.masc ? 1 : t.femn ? 2 : t.neut ? 3 : t.ms_f || t['ms-f'] ? 4 : 0,
    per: t['1per'] ? 1 : t['2per'] ? 2 : t['3per'] ? 3 : 0,
  };
  tagInfos.set(t, info);
  return info;
}

/** Where a candidate finds its parse again when its MorphTok is first asked for. */
export interface ParseSource { parses(form: string): readonly Parse[] }

/**
 * One possible analysis of a word form, with what the context rules need as numbers and bits.
 * Its MorphTok (and so the lemma, the costly part) is built only when the candidate is first
 * chosen or asked for. It keeps no az parse (a cached form would hold a dozen parse objects
 * for good): the parse is looked up again by its position among the form's parses.
 */
export class Candidate {
  /** OpenCorpora part of speech ('' when unknown). */
  readonly pos: string;
  /** log of az's probability (or the override lexicon's), floored. */
  readonly logp: number;
  /** CASE bits, 0 when the form has no case. */
  readonly cas: number;
  /** 1 sing, 2 plur, 0 none. */
  readonly num: number;
  /** 1 masc, 2 femn, 3 neut, 4 common (ms-f), 0 none. */
  readonly gen: number;
  /** 1, 2, 3 for finite verbs and personal pronouns, else 0. */
  readonly per: number;
  readonly flags: number;
  private made: MorphTok | undefined;

  /**
   * @param source, form, index where the parse is (`source.parses(form)[index]`), for a
   *   candidate whose MorphTok is not given as `made`.
   */
  constructor(
    info: TagInfo, score: number, extraFlags: number, made: MorphTok | undefined,
    private source: ParseSource | undefined, private readonly form: string, private readonly index: number,
    cas?: number,
  ) {
    this.pos = info.pos;
    this.logp = Math.log(Math.max(score, 1e-4));
    this.cas = cas ?? info.cas;
    this.num = info.num;
    this.gen = info.gen;
    this.per = info.per;
    this.flags = info.flags | extraFlags;
    this.made = made;
  }

  /** The MorphTok emitted when this candidate is chosen (shared, read-only). */
  get tok(): MorphTok {
    if (this.made === undefined) {
      const p = this.source!.parses(this.form)[this.index];
      this.made = { lemma: lemmaOf(p), pos: p.tag.POS, tags: tagInfo(p.tag).list };
      this.source = undefined;
    }
    return this.made;
  }
}

/** Whether two case forms agree in case, number and (in the singular) gender. */
export function agrees(a: Candidate, b: Candidate): boolean {
  if ((a.cas & b.cas) === 0) return false;
  if (a.num !== 0 && b.num !== 0 && a.num !== b.num) return false;
  if (a.num === 2 || b.num === 2) return true;
  return a.gen === 0 || b.gen === 0 || a.gen === b.gen || a.gen === 4 || b.gen === 4;
}
