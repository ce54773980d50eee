import type Az from 'az';
import { readRows } from '../data-file.js';

type Parse = Az.Parse;

const usableCache = new WeakMap<Parse[], Parse[]>();

/**
 * A word's parses without az's typo and stutter corrections (it reads an unknown `Рааба` as
 * `раба`), which would rename the entity. Cached per parse list.
 *
 * @example
 * usableParses(morphology.parses('Рааба')); // without the typo reading 'раба'
 */
export function usableParses(all: Parse[]): Parse[] {
  let u = usableCache.get(all);
  if (u === undefined) {
    u = all.filter((p) => !(p.typosCnt > 0) && !(p.stutterCnt > 0));
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
  const c = p.tag.CAse;
  return typeof c === 'string' ? CASE_OF[c] : undefined;
}

export type Gender = 'masc' | 'femn' | 'neut';

const MASC: Gender[] = ['masc'];
const FEMN: Gender[] = ['femn'];
const NEUT: Gender[] = ['neut'];
const BOTH: Gender[] = ['masc', 'femn'];
const NONE: Gender[] = [];

/**
 * Gender grammemes of a parse ('Ms-f' gives both masculine and feminine). Shared arrays: do not modify.
 *
 * @example
 * gendersOf(morphology.parses('Анны')[0]); // ['femn']
 */
export function gendersOf(p: Parse): readonly Gender[] {
  const t = p.tag;
  if (t.masc) return MASC;
  if (t.femn) return FEMN;
  if (t.neut) return NEUT;
  if (t['Ms-f']) return BOTH;
  return NONE;
}

/**
 * True for a plural parse.
 *
 * @example
 * isPlural(morphology.parses('Штатов')[0]); // true
 */
export function isPlural(p: Parse): boolean {
  return p.tag.plur === true;
}

const grammemeCache = new WeakMap<Parse, string[]>();

/**
 * The grammemes of a parse, POS included, as a list (cached per parse object).
 *
 * @example
 * grammemes(morphology.parses('Токаева')[0]); // ['NOUN', 'anim', 'masc', 'Sgtm', 'Surn', 'sing', 'gent']
 */
export function grammemes(p: Parse): string[] {
  let g = grammemeCache.get(p);
  if (g === undefined) {
    g = p.tag.toString().split(/[ ,]/).filter((x) => x.length > 0);
    grammemeCache.set(p, g);
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
  return p.tag[g] === true;
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
  const want: string[] = ['nomn'];
  for (const g of grammemes(p)) {
    if (DROP.has(g) || g === p.tag.POS) continue;
    if (override !== undefined && (g === 'sing' || g === 'plur' || g === 'masc' || g === 'femn' || g === 'neut' || g === 'Ms-f')) continue;
    want.push(g);
  }
  if (override !== undefined) {
    if (override.plural) want.push('plur');
    else {
      want.push('sing');
      if (override.gender !== undefined) want.push(override.gender);
    }
  }
  let r = p.inflect(want);
  if (!r) r = p.inflect(override === undefined ? ['nomn', isPlural(p) ? 'plur' : 'sing'] : want.slice(0, 1).concat(want.slice(-2)));
  return r && typeof r.word === 'string' ? r.word : undefined;
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
  if (!orig.includes('ё') && !orig.includes('Ё')) out = out.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  const op = orig.split('-');
  const np = out.split('-');
  if (op.length === np.length && op.length > 1) return np.map((p, i) => casePart(op[i], p)).join('-');
  return casePart(orig, out);
}

function casePart(orig: string, out: string): string {
  if (orig.length === 0 || out.length === 0) return out;
  if (orig.length > 1 && orig === orig.toUpperCase() && orig !== orig.toLowerCase()) return out.toUpperCase();
  const first = orig[0];
  const rest = out.slice(1).toLowerCase();
  return (first !== first.toLowerCase() ? out[0].toUpperCase() : out[0].toLowerCase()) + rest;
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

let prepCases: Map<string, Case[]> | undefined;

/**
 * Cases a preposition governs (`в` → loct, accs), or undefined when the word is none.
 *
 * @example
 * casesAfterPreposition('из'); // ['gent']
 */
export function casesAfterPreposition(word: string): readonly Case[] | undefined {
  if (prepCases === undefined) {
    prepCases = new Map();
    for (const [w, cases] of readTsv('prepositions.tsv')) prepCases.set(w, cases.split(' ') as Case[]);
  }
  return prepCases.get(word.toLowerCase());
}
