import type Az from 'az';
import { grammemesOfTag, paradigmAffixes, tagGrammemes } from './az.js';
import { lowerCased } from '../letters.js';

type Parse = Az.Parse;

/**
 * An az DictionaryParse as read here: its word, the paradigm it was found in and its form there,
 * and what az's guessers put around the dictionary word (a prefix, a suffix).
 */
export interface DictionaryReading extends Parse {
  paradigm: Uint16Array;
  paradigmIdx: number;
  formCnt: number;
  formIdx: number;
  prefix: string;
  suffix: string;
}

/**
 * The lemma of one parse, by Universal Dependencies' Russian conventions (GSD, Taiga), which are
 * also what a reader expects:
 * - verb forms, participles (full and short) and gerunds → the infinitive (`сказавший` → `сказать`);
 * - short adjectives and comparatives → the full positive adjective (`известно`, `лучше` → `известный`, `хороший`),
 *   but full adjectives keep their own lexeme (`лучший`, `первый`, not `хороший`, `один`);
 * - surnames and patronymics keep their gender (`Быковской` → `быковская`, `Георгиевна`);
 * - lower-case, ё kept as the dictionary spells it.
 * OpenCorpora groups related lexemes in one paradigm (aspect pairs, первый/один, Иван/Иванович),
 * so among the forms with the lemma's grammemes the one closest in spelling to the word wins.
 *
 * A dictionary reading's forms are compared and the lemma spelt from az's paradigm table, as
 * az's `inflect(i).toString()` would spell them, without a parse per form; other parses go
 * through az's (or the override lexicon's) own inflect.
 *
 * @example
 * lemmaOf(az('Партиям')[0]); // 'партия'
 */
export function lemmaOf(p: Parse): string {
  let rule: FormRule | undefined;
  if (isDictionaryReading(p)) {
    const index = p.paradigm[p.formCnt + p.formIdx];
    rule = rulesByTagIndex[index];
    if (rule === undefined) rule = learnRule(index, p.tag);
    if (!rule.samePos) {
      const j = rule.want !== undefined ? closestIndex(p, rule) : -1;
      return lowerCased(spelling(p, j < 0 ? 0 : j)); // no such form: the paradigm's first, as normalize()
    }
    // NUMR, NPRO: az's normalize(true), the first form of the same part of speech (else the first).
    const j = firstFormOfPos(p);
    return lowerCased(spelling(p, j < 0 ? 0 : j));
  } else rule = lemmaRule(p.tag);
  let n: Parse | false = rule.want !== undefined ? closest(p, rule) : p.normalize(rule.samePos);
  if (!n) n = p.normalize();
  if (!n) n = p;
  return lowerCased(n.toString());
}

/**
 * The form of p's paradigm with all of `want` grammemes that is closest in spelling to p (so
 * within p's own lexeme where a paradigm groups several), or false. With `supr` defined, only
 * superlative forms (true) or only others (false): «синего» → синий, not синейший.
 *
 * @example
 * closestForm(az('Соединённых')[0], ['PRTF', 'nomn', 'plur', 'past', 'pssv']); // соединённые
 */
export function closestForm(p: Parse, want: string[], supr?: boolean): Parse | false {
  return closest(p, formRule(want, supr, p.tag));
}

/**
 * What the lemma of a reading with this tag is: the closest form with `want` (and Supr as
 * `supr` says, when defined, and the word's own Name/Surn/Patr bits), or the paradigm's first
 * form of the same part of speech (`samePos`), or its first form. Rules with the same request
 * are one object, which keeps the matching forms of each paradigm (`forms`, by paradigm number:
 * an array, read once per new word, where a Map would hash the number).
 */
interface FormRule {
  readonly want: string[] | undefined;
  readonly supr: boolean | undefined;
  readonly samePos: boolean;
  readonly name: boolean;
  readonly surn: boolean;
  readonly patr: boolean;
  forms: Array<readonly number[] | undefined>;
}

// The grammemes lemmaOf asks for.
const ADJ_LEMMA = ['ADJF', 'masc', 'sing', 'nomn'];
const NOUN_LEMMA = ['nomn', 'sing'];
const PLTM_LEMMA = ['nomn'];
const VERB_LEMMA = ['INFN'];
const FIRST_FORM: FormRule = plainRule(false);
const SAME_POS: FormRule = plainRule(true);

function plainRule(samePos: boolean): FormRule {
  return { want: undefined, supr: undefined, samePos, name: false, surn: false, patr: false, forms: [] };
}

// lemmaOf's rule per tag: by az's tag number for a dictionary reading (an array read, where a
// Map of numbers hashes each; az's tag numbers are below 2^16), else by tag object.
let rulesByTagIndex: Array<FormRule | undefined> = [];
const rulesByTag = new WeakMap<object, FormRule>();

/** lemmaRule(tag), kept as the rule of az's tag number `index`. */
function learnRule(index: number, tag: Az.Tag): FormRule {
  const rule = lemmaRule(tag);
  rulesByTagIndex = grownTo(rulesByTagIndex, index);
  rulesByTagIndex[index] = rule;
  return rule;
}

/**
 * `list` with room for index `i`: filled with undefined up to twice its length (or i + 1), so the
 * array stays packed (a write past its end would make it holey, or a dictionary).
 */
function grownTo<T>(list: Array<T | undefined>, i: number): Array<T | undefined> {
  if (i < list.length) return list;
  const grown = new Array<T | undefined>(Math.max(i + 1, 2 * list.length, 64)).fill(undefined);
  for (let k = 0; k < list.length; k++) grown[k] = list[k];
  return grown;
}

function lemmaRule(tag: Az.Tag): FormRule {
  let rule = rulesByTag.get(tag);
  if (rule !== undefined) return rule;
  switch (tag.POS) {
    case 'ADJF':
      rule = formRule(ADJ_LEMMA, tag.Supr !== undefined, tag);
      break;
    case 'COMP':
    case 'ADJS':
      rule = formRule(ADJ_LEMMA, false, tag);
      break;
    case 'NOUN':
      rule = formRule(tag.Surn || tag.Patr ? ['nomn', 'sing', tag.GNdr as string] : tag.Pltm ? PLTM_LEMMA : NOUN_LEMMA, undefined, tag);
      break;
    case 'VERB':
    case 'INFN':
    case 'PRTF':
    case 'PRTS':
    case 'GRND':
      rule = formRule(VERB_LEMMA, undefined, tag);
      break;
    case 'NUMR':
    case 'NPRO':
      rule = SAME_POS;
      break;
    default:
      rule = FIRST_FORM;
  }
  rulesByTag.set(tag, rule);
  return rule;
}

// Rules by their request: the wanted grammemes, `supr` and the word's Name/Surn/Patr bits.
const formRules = new Map<string, FormRule>();

function formRule(want: string[], supr: boolean | undefined, t0: Az.Tag): FormRule {
  const name = !!t0.Name, surn = !!t0.Surn, patr = !!t0.Patr;
  const key = `${want.join(',')}|${supr === undefined ? 0 : supr ? 1 : 2}${name ? 1 : 0}${surn ? 1 : 0}${patr ? 1 : 0}`;
  let rule = formRules.get(key);
  if (rule === undefined) {
    rule = { want: want.slice(), supr, samePos: false, name, surn, patr, forms: [] }; // kept: not the caller's array
    formRules.set(key, rule);
  }
  return rule;
}

/**
 * The form of p's paradigm that the rule wants whose spelling shares the longest beginning with
 * p's; false when none has them.
 */
function closest(p: Parse, rule: FormRule): Parse | false {
  if (p.formCnt === undefined || p.paradigm === undefined || p.paradigmIdx === undefined) return p.inflect(rule.want!);
  const word = p.toString();
  let best: Parse | false = false;
  let bestLen = -1;
  for (const i of matchingForms(p, p.paradigmIdx, p.paradigm, p.formCnt, rule)) {
    const f = p.inflect(i);
    if (!f) continue;
    const s = f.toString();
    let l = 0;
    while (l < s.length && l < word.length && s.charCodeAt(l) === word.charCodeAt(l)) l++;
    if (l > bestLen) { best = f; bestLen = l; }
  }
  return best;
}

/** closest() for a dictionary reading, by form number (−1 for none), no form built. */
function closestIndex(p: DictionaryReading, rule: FormRule): number {
  const { prefixes, suffixes } = affixes!;
  const P = p.paradigm;
  const n = p.formCnt;
  const word = p.toString();
  // The base (baseOf) as a range of p.word, compared in place rather than cut out.
  const w = p.word;
  baseBounds(p);
  const from = baseFrom, to = baseTo;
  let best = -1;
  let bestLen = -1;
  const forms = matchingForms(p, p.paradigmIdx, P, n, rule);
  for (let k = 0; k < forms.length; k++) {
    const i = forms[k];
    const l = sharedStart(word, prefixes[P[2 * n + i]], p.prefix, w, from, to, suffixes[P[i]], p.suffix);
    if (l > bestLen) { best = i; bestLen = l; }
  }
  return best;
}

// az's tags by their index in its tag table, learnt as paradigms are read: a paradigm is a list of
// tag indices, so its forms' tags can be tested without building each form.
let tagByIndex: Array<Az.Tag | undefined> = [];

/** The forms of a paradigm that the rule wants, computed once per paradigm and rule. */
function matchingForms(p: Parse, paradigmIdx: number, paradigm: Uint16Array, cnt: number, rule: FormRule): readonly number[] {
  let list = paradigmIdx < rule.forms.length ? rule.forms[paradigmIdx] : undefined;
  if (list !== undefined) return list;
  const out: number[] = [];
  for (let i = 0; i < cnt; i++) if (tagFits(formGrammemes(p as DictionaryReading, i), rule)) out.push(i);
  list = out;
  rule.forms = grownTo(rule.forms, paradigmIdx);
  rule.forms[paradigmIdx] = list;
  return list;
}

/** Whether a tag with these grammemes (tagGrammemes) is a form the rule wants. */
function tagFits(grams: readonly string[], rule: FormRule): boolean {
  if (!hasAll(grams, rule.want!)) return false;
  if (rule.supr !== undefined && grams.includes('Supr') !== rule.supr) return false;
  // Name, Surn and Patr lexemes share paradigms (Сергей/Сергеевич): stay within the word's own.
  return grams.includes('Patr') === rule.patr && grams.includes('Name') === rule.name && grams.includes('Surn') === rule.surn;
}

/**
 * The grammemes of form i of a dictionary reading's paradigm, from its tag string (no az Tag
 * built); from its Tag only when az's tables are not in the shape tagGrammemes reads.
 */
function formGrammemes(p: DictionaryReading, i: number): readonly string[] {
  return tagGrammemes(p.paradigm[p.formCnt + i]) ?? grammemesOfTag(formTag(p, i));
}

let affixes: { prefixes: readonly string[]; suffixes: readonly string[] } | undefined | null;

/**
 * The tag of form i of a dictionary reading's paradigm, learnt once per tag index. az's constructor
 * given an empty word reads the tag from az's table and spells nothing; az's `inflect(i)` would
 * also call `base()` on p, which caches `_base` on it and so gives the parse objects that the
 * later stages read a fifth shape (their reads of `tag` become megamorphic and deoptimise).
 */
function formTag(p: DictionaryReading, i: number): Az.Tag {
  const index = p.paradigm[p.formCnt + i];
  let t = index < tagByIndex.length ? tagByIndex[index] : undefined;
  if (t === undefined) {
    t = new (p.constructor as new (word: string, paradigmIdx: number, formIdx: number) => Parse)('', p.paradigmIdx, i).tag;
    tagByIndex = grownTo(tagByIndex, index);
    tagByIndex[index] = t;
  }
  return t;
}

/** The form `p.normalize(true)` picks: the paradigm's first with p's part of speech, −1 for none. */
function firstFormOfPos(p: DictionaryReading): number {
  // Every tag of az's table has a part of speech (a form without one would match none anyway).
  const pos = p.tag.POS;
  if (pos !== undefined) for (let i = 0; i < p.formCnt; i++) if (formGrammemes(p, i).includes(pos)) return i;
  return -1;
}

/**
 * The form az's `p.inflect(want)` picks for a dictionary reading: the paradigm's first whose tag
 * has every grammeme of `want`; −1 for none.
 *
 * @example
 * firstFormWith(az('Европейской')[0] as DictionaryReading, ['nomn', 'femn', 'sing']); // the cell of 'европейская'
 */
export function firstFormWith(p: DictionaryReading, want: readonly string[]): number {
  for (let i = 0; i < p.formCnt; i++) if (hasAll(formGrammemes(p, i), want)) return i;
  return -1;
}

/** Spelling variants and registers: a cell with one of these that the word's own form lacks (соглашенья) is no block of its own. */
const VARIANT_GRAMMEMES = ['V-ey', 'V-oy', 'V-ej', 'V-bi', 'V-sh', 'V-be', 'V-en', 'V-ie', 'Infr', 'Slng', 'Arch', 'Litr', 'Erro', 'Dist'];

/** A form with these grammemes is a spelling variant or register that the word's own form (`own`) is not. */
function variantOf(grams: readonly string[], own: Az.Tag): boolean {
  for (const g of VARIANT_GRAMMEMES) if (grams.includes(g) && !own[g]) return true;
  return false;
}

/** Every grammeme of `want` is among `grams`. */
function hasAll(grams: readonly string[], want: readonly string[]): boolean {
  for (let k = 0; k < want.length; k++) if (!grams.includes(want[k])) return false;
  return true;
}

/**
 * As `firstFormWith`, but from the variant block p's own form is in: the last cell with `want`
 * at or before p's form, else the first. A paradigm lists its variants one block after another
 * (высокий … высочайший … высший …), each starting with its masculine nominative, so az's first
 * cell would turn `Высшей` into `Высочайшая`.
 *
 * @example
 * nearestFormWith(az('Высшей')[0] as DictionaryReading, ['nomn', 'Supr', 'femn', 'sing']); // the cell of 'высшая'
 */
export function nearestFormWith(p: DictionaryReading, want: readonly string[]): number {
  let first = -1;
  let nearest = -1;
  for (let i = 0; i < p.formCnt; i++) {
    if (i > p.formIdx && first >= 0) break;
    const grams = formGrammemes(p, i);
    if (!hasAll(grams, want)) continue;
    if (first < 0) first = i;
    if (i <= p.formIdx && !variantOf(grams, p.tag)) nearest = i;
  }
  return nearest >= 0 ? nearest : first;
}

/**
 * The `word` of az's `p.inflect(i)` for a dictionary reading (form i, without the prefix and
 * suffix az's guessers put around the dictionary word), no parse built.
 *
 * @example
 * formWord(az('Партиям')[0] as DictionaryReading, 0); // 'партия'
 */
export function formWord(p: DictionaryReading, i: number): string {
  const { prefixes, suffixes } = affixes!;
  return prefixes[p.paradigm[2 * p.formCnt + i]] + baseOf(p) + suffixes[p.paradigm[i]];
}

/**
 * The `word` of az's `p.inflect(want)`, undefined when az finds no such form or its parse has
 * no word (a hyphenated pair).
 *
 * @example
 * inflectedWord(az('политических')[0], ['femn', 'sing', 'nomn']); // 'политическая'
 */
export function inflectedWord(p: Parse, want: string[]): string | undefined {
  if (isDictionaryReading(p)) {
    const i = firstFormWith(p, want);
    return i < 0 ? undefined : formWord(p, i);
  }
  const r = p.inflect(want);
  return r && typeof r.word === 'string' ? r.word : undefined;
}

/**
 * The `word` of az's `p.normalize()` (the paradigm's first form), undefined as inflectedWord.
 *
 * @example
 * normalWord(az('Партиям')[0]); // 'партия'
 */
export function normalWord(p: Parse): string | undefined {
  if (isDictionaryReading(p)) return formWord(p, 0);
  const r = p.normalize();
  return r && typeof r.word === 'string' ? r.word : undefined;
}

/** Whether p is az's DictionaryParse (and az's affix tables are at hand to spell its forms). */
export function isDictionaryReading(p: Parse): p is DictionaryReading {
  if (p.paradigm === undefined || p.formCnt === undefined || p.paradigmIdx === undefined) return false;
  const d = p as Partial<DictionaryReading>;
  if (typeof d.formIdx !== 'number' || typeof d.prefix !== 'string' || typeof d.suffix !== 'string') return false;
  if (affixes === undefined) affixes = paradigmAffixes() ?? null;
  return affixes !== null;
}

/** az's `base()` of a reading: its word without its form's paradigm prefix and suffix. */
function baseOf(p: DictionaryReading): string {
  baseBounds(p);
  return p.word.slice(baseFrom, baseTo);
}

// Where baseBounds last found a base in its word: [baseFrom, baseTo).
let baseFrom = 0;
let baseTo = 0;

/**
 * Sets baseFrom and baseTo to p's base within p.word: the word without its form's paradigm prefix
 * and suffix, bounded as `substring` bounds them (clamped to the word, swapped when reversed), as
 * az cuts it. Two numbers, not an object, because closestIndex asks once per new word.
 */
function baseBounds(p: DictionaryReading): void {
  const { prefixes, suffixes } = affixes!;
  const len = p.word.length;
  const a = Math.min(prefixes[p.paradigm[2 * p.formCnt + p.formIdx]].length, len);
  const b = Math.min(Math.max(len - suffixes[p.paradigm[p.formIdx]].length, 0), len);
  baseFrom = Math.min(a, b);
  baseTo = Math.max(a, b);
}

/** `p.inflect(j).toString()`: form j of p's paradigm, as az spells it. */
function spelling(p: DictionaryReading, j: number): string {
  const { prefixes, suffixes } = affixes!;
  return prefixes[p.paradigm[2 * p.formCnt + j]] + p.prefix + baseOf(p) + suffixes[p.paradigm[j]] + p.suffix;
}

/** How many first letters `word` shares with a + b + c.slice(from, to) + d + e (not built). */
function sharedStart(word: string, a: string, b: string, c: string, from: number, to: number, d: string, e: string): number {
  let at = 0;
  let l = 0;
  for (let k = 0; k < 5; k++) {
    const piece = k === 0 ? a : k === 1 ? b : k === 2 ? c : k === 3 ? d : e;
    const start = k === 2 ? from : 0;
    const length = k === 2 ? to - from : piece.length;
    const n = Math.min(length, word.length - at);
    let i = 0;
    while (i < n && piece.charCodeAt(start + i) === word.charCodeAt(at + i)) i++;
    l = at + i;
    if (i < length) return l;
    at = l;
  }
  return l;
}
