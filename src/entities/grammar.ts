import { isLineBreak } from '../layout/lines.js';
import type { Doc } from '../doc.js';
import type Az from 'az';
import { readRows, readWordSet } from '../data-file.js';
import { lowerCased, startsUpper } from '../letters.js';
import { posIdOf, posName } from '../morph/candidate.js';
import { type DictionaryReading, formWord, isDictionaryReading, nearestFormWith } from '../morph/lemma.js';
import { isCorrection, tagOf } from '../morph/morphology.js';

type Parse = Az.Parse;

const usableCache = new WeakMap<Parse[], Parse[]>();

/**
 * A word's parses without az's typo and stutter corrections (it reads an unknown `Рааба` as
 * `раба`), which would rename the entity. Cached per parse list that has such readings; do not modify.
 *
 * @example
 * usableParses(morphology.parses('Рааба')); // without the typo reading 'раба'
 */
export function usableParses(all: Parse[]): Parse[] {
  // Most words have no such reading: the list itself, no copy and no cache entry.
  let clean = true;
  for (let k = 0; k < all.length && clean; k++) clean = !isCorrection(all[k]);
  if (clean) return all;
  let u = usableCache.get(all);
  if (u === undefined) {
    // A loop, not filter: a filter in optimised code makes an empty result a small-integer array,
    // which the loops over parse lists have not met (see the note in entities/index.ts).
    u = [];
    for (const p of all) if (!isCorrection(p)) u.push(p);
    usableCache.set(all, u);
  }
  return u;
}

/**
 * The six main cases; az's second genitive/locative/accusative fold into them.
 *
 * @example
 * CASES.includes('gent'); // true
 */
export const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'] as const;
export type Case = (typeof CASES)[number];

const CASE_OF: Record<string, Case> = {
  nomn: 'nomn', gent: 'gent', gen1: 'gent', gen2: 'gent', datv: 'datv', accs: 'accs', acc2: 'accs',
  ablt: 'ablt', loct: 'loct', loc1: 'loct', loc2: 'loct', voct: 'nomn',
};
const CASE_GRAMMEMES = new Set(Object.keys(CASE_OF));
/** Grammemes dropped before asking az for the nominative: case, and animacy (accusative-only). */
const DROP = new Set([...CASE_GRAMMEMES, 'anim', 'inan', 'Infr', 'Slng', 'Arch', 'Litr', 'Erro', 'Dist', 'V-ey', 'V-oy', 'V-ej', 'V-bi', 'V-sh', 'V-be', 'V-en', 'V-ie']);

/**
 * The case of a parse, folded to the six main ones; undefined for parses without case.
 *
 * @example
 * caseOf(morphology.parses('Казахстане')[0]); // 'loct'
 */
export function caseOf(p: Parse): Case | undefined {
  return caseOfTag(tagOf(p));
}

/**
 * `caseOf` for a tag (as `morphology.tags(form)` gives them).
 *
 * @example
 * caseOfTag(morphology.tags('Казахстане')[0]); // 'loct'
 */
export function caseOfTag(t: Az.Tag): Case | undefined {
  return CASE_BY_CODE[tagCode(t) & CASE_MASK];
}

/**
 * A case's bit in the masks `caseBits` makes (CASES' order).
 *
 * @example
 * caseBit('nomn'); // 1
 */
export function caseBit(c: Case): number {
  return 1 << CASES.indexOf(c);
}

/**
 * The cases of a form's readings as bits in CASES' order (0: none), the singular ones only with
 * `singular` (one person's: `Александр` is then no genitive plural of `Александра`), the first
 * names' only with `firstNames`.
 *
 * @example
 * caseBits(morphology.tags('Дмитрий'), true, true); // 0b1: the nominative
 */
export function caseBits(tags: readonly Az.Tag[], singular = false, firstNames = false): number {
  let bits = 0;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if ((singular && isPluralTag(t)) || (firstNames && !tagHas(t, 'Name'))) continue;
    const c = caseOfTag(t);
    if (c !== undefined) bits |= caseBit(c);
  }
  return bits;
}

export type Gender = 'masc' | 'femn' | 'neut';

// Frozen: shared, and frozen arrays have one map whatever they hold, so the loops over
// gendersOf's answers meet one array shape (an unfrozen [] would be another, met late).
const MASC: readonly Gender[] = Object.freeze(['masc']);
const FEMN: readonly Gender[] = Object.freeze(['femn']);
const NEUT: readonly Gender[] = Object.freeze(['neut']);
const BOTH: readonly Gender[] = Object.freeze(['masc', 'femn']);
const NONE: readonly Gender[] = Object.freeze([]);

/**
 * Gender grammemes of a parse ('Ms-f' gives both masculine and feminine). Shared arrays: do not modify.
 *
 * @example
 * gendersOf(morphology.parses('Анны')[0]); // ['femn']
 */
export function gendersOf(p: Parse): readonly Gender[] {
  return gendersOfTag(tagOf(p));
}

/**
 * `gendersOf` for a tag. Shared arrays: do not modify.
 *
 * @example
 * gendersOfTag(morphology.tags('Анны')[0]); // ['femn']
 */
export function gendersOfTag(t: Az.Tag): readonly Gender[] {
  return GENDERS_BY_CODE[(tagCode(t) >> GENDER_SHIFT) & GENDER_MASK];
}

/**
 * True for a plural parse.
 *
 * @example
 * isPlural(morphology.parses('Штатов')[0]); // true
 */
export function isPlural(p: Parse): boolean {
  return (tagCode(tagOf(p)) & PLURAL) !== 0;
}

/**
 * `isPlural` for a tag.
 *
 * @example
 * isPluralTag(morphology.tags('Штатов')[0]); // true
 */
export function isPluralTag(t: Az.Tag): boolean {
  return (tagCode(t) & PLURAL) !== 0;
}

// Keyed by the tag, not the parse: az shares one tag object between all the parses of a
// paradigm cell, so a new word's parses mostly find their grammemes already split.
const grammemeCache = new WeakMap<object, string[]>();

/**
 * The grammemes of a parse, POS included, as a list (cached per tag object; do not modify).
 *
 * @example
 * grammemes(morphology.parses('Токаева')[0]); // ['NOUN', 'anim', 'masc', 'Sgtm', 'Surn', 'sing', 'gent']
 */
export function grammemes(p: Parse): string[] {
  const tag = tagOf(p);
  let g = grammemeCache.get(tag);
  if (g === undefined) {
    g = tag.toString().split(/[ ,]/).filter((x) => x.length > 0);
    grammemeCache.set(tag, g);
  }
  return g;
}

/**
 * True when the parse carries the grammeme (az sets each as a flag on the tag).
 *
 * @example
 * hasGrammeme(morphology.parses('Токаева')[0], 'Surn'); // true
 */
export function hasGrammeme(p: Parse, g: string): boolean {
  return tagHas(tagOf(p), g);
}

/**
 * `hasGrammeme` for a tag.
 *
 * @example
 * tagHas(morphology.tags('Токаева')[0], 'Surn'); // true
 */
export function tagHas(t: Az.Tag, g: string): boolean {
  const bit = GRAMMEME_BITS.get(g);
  return bit !== undefined ? (tagCode(t) & bit) !== 0 : t[g] === true;
}

// What the stage asks of a tag, as bits of one number per tag: az's tags have thousands of
// shapes, so each question read from the tag itself is a slow property look-up, while a tag's
// number is one WeakMap look-up for all of them. Tags are frozen: a number stays right.
const CASE_MASK = 7; // 0: no case; k + 1: CASES[k]
const CASE_BY_CODE: ReadonlyArray<Case | undefined> = [undefined, ...CASES, undefined];
const PLURAL = 1 << 3;
const GENDER_SHIFT = 4;
const GENDER_MASK = 7;
const GENDERS_BY_CODE: ReadonlyArray<readonly Gender[]> = [NONE, MASC, FEMN, NEUT, BOTH, NONE, NONE, NONE];
/** The grammemes `tagHas` answers from the number (`tag[g] === true`), bits 7 up. */
const CODED_GRAMMEMES = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'anim', 'Fixd', 'Pltm', 'past'];
const GRAMMEME_BITS = new Map<string, number>(CODED_GRAMMEMES.map((g, k) => [g, 1 << (7 + k)]));
// The part of speech, bits 16 up: its number in the morph stage's table (0: none).
const POS_SHIFT = 16;
const tagCodes = new WeakMap<Az.Tag, number>();

/**
 * The part of speech of a tag (`tag.POS`).
 *
 * @example
 * posOfTag(morphology.tags('комиссией')[0]); // 'NOUN'
 */
export function posOfTag(t: Az.Tag): string | undefined {
  const k = tagCode(t) >>> POS_SHIFT;
  return k === 0 ? undefined : posName(k);
}

/**
 * The part of speech of a parse (`parse.tag.POS`).
 *
 * @example
 * posOf(morphology.parses('комиссией')[0]); // 'NOUN'
 */
export function posOf(p: Parse): string | undefined {
  return posOfTag(tagOf(p));
}

/** The number of a tag (see above), made the first time the tag is asked about. */
function tagCode(t: Az.Tag): number {
  let code = tagCodes.get(t);
  if (code === undefined) {
    const c = t.CAse;
    const name = typeof c === 'string' ? CASE_OF[c] : undefined;
    code = name === undefined ? 0 : CASES.indexOf(name) + 1;
    if (t.plur === true) code |= PLURAL;
    const genders = t.masc ? 1 : t.femn ? 2 : t.neut ? 3 : t['Ms-f'] ? 4 : 0;
    code |= genders << GENDER_SHIFT;
    for (const [g, bit] of GRAMMEME_BITS) if (t[g] === true) code |= bit;
    if (t.POS !== undefined) code |= posIdOf(t.POS) << POS_SHIFT;
    tagCodes.set(t, code);
  }
  return code;
}

/**
 * The form of a parse in the nominative, keeping everything else (gender, number, aspect…).
 * az's `inflect(['nomn'])` alone falls back to the paradigm's first form, which turns a feminine
 * surname masculine (`Токаевой` → `токаев`); asking for all the other grammemes keeps it
 * (`токаева`). `override` replaces number/gender for agreement (an adjective taking its noun's).
 *
 * @example
 * nominativeOf(morphology.parses('Европейской')[0]); // 'европейская'
 */
export function nominativeOf(p: Parse, override?: { plural: boolean; gender?: Gender }): string | undefined {
  if (caseOf(p) === 'nomn' && override === undefined) return p.word;
  const want = override === undefined ? nominativeGrammemes(p) : overrideGrammemes(p, override);
  if (isDictionaryReading(p)) {
    // Spelt from az's tables rather than by az's inflect, which would build a parse per call and
    // add a field to p (see lemma.ts).
    let cell = override === undefined ? nominativeCell(p, want) : nearestFormWith(p, want);
    if (cell < 0) cell = nearestFormWith(p, override === undefined ? (isPlural(p) ? NOMN_PLUR : NOMN_SING) : want.slice(0, 1).concat(want.slice(-2)));
    return cell < 0 ? undefined : formWord(p, cell);
  }
  let r = p.inflect(want);
  if (!r) r = p.inflect(override === undefined ? ['nomn', isPlural(p) ? 'plur' : 'sing'] : want.slice(0, 1).concat(want.slice(-2)));
  return r && typeof r.word === 'string' ? r.word : undefined;
}

const NOMN_PLUR = Object.freeze(['nomn', 'plur']);
const NOMN_SING = Object.freeze(['nomn', 'sing']);

// The grammemes asked for depend on the tag only: cached per (shared) tag object. az reads them, never writes.
const wantCache = new WeakMap<object, string[]>();

/** `nomn` and every grammeme of the parse but case, POS, animacy and spelling variants. */
function nominativeGrammemes(p: Parse): string[] {
  const tag = tagOf(p);
  let want = wantCache.get(tag);
  if (want === undefined) {
    want = ['nomn'];
    for (const g of grammemes(p)) if (!DROP.has(g) && g !== tag.POS) want.push(g);
    wantCache.set(tag, want);
  }
  return want;
}

// The cell of the parse's paradigm with the grammemes of `nominativeGrammemes` (one list per tag),
// in the variant block of the parse's own form (see nearestFormWith): it depends on (tag, paradigm,
// form) only, and is kept here (-1: none). Bounded: dropped whole past CELL_CACHE_LIMIT entries.
let cellCache = new WeakMap<object, Map<number, number>>();
let cellCacheSize = 0;
const CELL_CACHE_LIMIT = 200_000;

function nominativeCell(p: DictionaryReading, want: string[]): number {
  const paradigm = p.paradigmIdx;
  const tag = tagOf(p);
  let cells = cellCache.get(tag);
  if (cells === undefined) {
    if (cellCacheSize > CELL_CACHE_LIMIT) { cellCache = new WeakMap(); cellCacheSize = 0; }
    cellCache.set(tag, (cells = new Map()));
  }
  const key = paradigm * 65_536 + p.formIdx;
  let cell = cells.get(key);
  if (cell === undefined) {
    cells.set(key, (cell = nearestFormWith(p, want)));
    cellCacheSize++;
  }
  return cell;
}

/** As `nominativeGrammemes`, number and gender replaced by the override's. */
function overrideGrammemes(p: Parse, override: { plural: boolean; gender?: Gender }): string[] {
  const want: string[] = ['nomn'];
  for (const g of grammemes(p)) {
    if (DROP.has(g) || g === tagOf(p).POS) continue;
    if (g === 'sing' || g === 'plur' || g === 'masc' || g === 'femn' || g === 'neut' || g === 'Ms-f') continue;
    want.push(g);
  }
  if (override.plural) want.push('plur');
  else {
    want.push('sing');
    if (override.gender !== undefined) want.push(override.gender);
  }
  return want;
}

/**
 * Gives `out` the letter case of `orig`: all-caps stays all-caps, a capital first letter stays
 * capital; hyphenated parts are matched part by part (`Касым-Жомарта` → `Касым-Жомарт`). `ё` comes
 * back as `е` when the text spelled the word without it.
 *
 * @example
 * matchCase('Касым-Жомарта', 'касым-жомарт'); // 'Касым-Жомарт'
 */
export function matchCase(orig: string, out: string): string {
  if ((out.includes('ё') || out.includes('Ё')) && !orig.includes('ё') && !orig.includes('Ё')) out = out.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  if (!orig.includes('-')) return casePart(orig, out); // one part: nothing to match part by part
  const op = orig.split('-');
  const np = out.split('-');
  if (op.length === np.length && op.length > 1) {
    const parts: string[] = [];
    for (let i = 0; i < np.length; i++) parts.push(casePart(op[i], np[i]));
    return parts.join('-');
  }
  return casePart(orig, out);
}

function casePart(orig: string, out: string): string {
  if (orig.length === 0 || out.length === 0) return out;
  if (orig.length > 1 && isAllCaps(orig)) return out.toUpperCase();
  if (isBasicLowerCase(out)) {
    // az's forms are lower case: the common case needs at most its first letter raised.
    if (!startsUpper(orig)) return out;
    return String.fromCharCode(upperCode(out.charCodeAt(0))) + out.slice(1);
  }
  const first = orig[0];
  const rest = out.slice(1).toLowerCase();
  return (first !== first.toLowerCase() ? out[0].toUpperCase() : out[0].toLowerCase()) + rest;
}

/** `s === s.toUpperCase() && s !== s.toLowerCase()`: no lower-case letter and some capital one. */
function isAllCaps(s: string): boolean {
  let capital = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) return false;
      if (c >= 0x41 && c <= 0x5a) capital = true;
    } else if (c >= 0x400 && c < 0x460) {
      if (c >= 0x430) return false;
      capital = true;
    } else return s === s.toUpperCase() && s !== s.toLowerCase(); // other scripts: the full rule
  }
  return capital;
}

/** True when every character is ASCII but A-Z, or a lower-case basic Cyrillic letter (а-я, ѐ-џ). */
function isBasicLowerCase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80 ? c >= 0x41 && c <= 0x5a : c < 0x430 || c >= 0x460) return false;
  }
  return true;
}

/** The upper-case code of a character `isBasicLowerCase` accepts. */
function upperCode(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x20;
  if (c >= 0x430 && c < 0x450) return c - 0x20;
  if (c >= 0x450 && c < 0x460) return c - 0x50;
  return c;
}

/**
 * Rows of a tab-separated data file beside this module, comments (#) and blank lines skipped.
 *
 * @example
 * readTsv('roles.tsv')[0]; // ['президент', 'президент', 'head_of_state']
 */
export function readTsv(name: string): string[][] {
  return readRows(new URL(`./${name}`, import.meta.url));
}

const wordSets = new Map<string, Set<string>>();

/**
 * The word list of a data file beside this module (the first field of each row), read on first use.
 *
 * @example
 * wordSetOf('name-particles.tsv').has('фон'); // true
 */
export function wordSetOf(name: string): Set<string> {
  let set = wordSets.get(name);
  if (set === undefined) wordSets.set(name, (set = readWordSet(new URL(`./${name}`, import.meta.url))));
  return set;
}

let prepCases: Map<string, Case[]> | undefined;
/** The first words of the two-word prepositions (по, со, в …), so that most word pairs are never joined to be looked up. */
let compoundFirsts: Set<string> | undefined;

function prepositions(): Map<string, Case[]> {
  if (prepCases === undefined) {
    prepCases = new Map();
    compoundFirsts = new Set();
    for (const [w, cases] of readTsv('prepositions.tsv')) {
      prepCases.set(w, cases.split(' ') as Case[]);
      const space = w.indexOf(' ');
      if (space > 0) compoundFirsts.add(w.slice(0, space));
    }
  }
  return prepCases;
}

/**
 * Cases a preposition governs (`в` → loct, accs), or undefined when the word is none.
 *
 * @example
 * casesAfterPreposition('из'); // ['gent']
 */
export function casesAfterPreposition(word: string): readonly Case[] | undefined {
  return prepositions().get(lowerCased(word));
}

/**
 * Cases a two-word preposition governs (`по данным` → gent), or undefined when the pair is none.
 *
 * @example
 * casesAfterCompound('По', 'данным'); // ['gent']
 */
export function casesAfterCompound(first: string, second: string): readonly Case[] | undefined {
  const map = prepositions();
  const f = lowerCased(first);
  return compoundFirsts!.has(f) ? map.get(`${f} ${lowerCased(second)}`) : undefined;
}

/**
 * A line break (LF, a lone CR, U+2028/2029: layout's isLineBreak) between two tokens, without
 * copying the gap.
 *
 * @example
 * lineBreakBetween('а\nб', 1, 2); // true
 */
export function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isLineBreak(text.charCodeAt(k))) return true;
  return false;
}

/**
 * True when tokens i and i + 1 are separated by one plain space: no punctuation, no line break
 * (the words of one name as the text writes them).
 *
 * @example
 * oneSpaceAfter(doc, 0); // true for `The Washington`, false for `Post.\nThe`
 */
export function oneSpaceAfter(doc: Doc, i: number): boolean {
  const a = doc.tokens[i], b = doc.tokens[i + 1];
  return a !== undefined && b !== undefined && b.start === a.end + 1 && doc.text.charCodeAt(a.end) === 0x20;
}

