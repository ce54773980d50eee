import { readRows } from '../data-file.js';

/**
 * The Snowball stemmer for Russian (snowball.tartarus.org/algorithms/russian/stemmer.html), as the
 * snowball-stemmers package runs it, written over plain string indices. The package's generated
 * code (a Java port compiled to JavaScript: a string buffer, argument arrays, getters per field)
 * costs some 6 µs per new word; this gives the same stems (test/morph-russian-stem.test.ts
 * compares the two) for a fraction of that.
 *
 * All of the algorithm's steps take endings off the end of the word, inside RV (after its first
 * vowel), so a stem is the word cut at an index that only moves left.
 *
 * @example
 * russianStem('красивыми'); // 'красив'
 * russianStem('стали');     // 'стал'
 */
export function russianStem(word: string): string {
  const n = word.length;
  let rv = 0;
  while (rv < n && !isVowel(word.charCodeAt(rv))) rv++;
  // No vowel: RV is empty, nothing is taken off.
  if (rv >= n) return word;
  rv++;
  const r2 = regionR2(word, rv);

  const t = (tables ??= loadTables());
  let end = n;
  // Step 1: a perfective gerund, or else (after an optional reflexive ending) an adjectival, verb or noun ending.
  let at = cut(word, end, rv, t.gerund);
  if (at !== NONE) {
    end = at;
  } else {
    at = cut(word, end, rv, t.reflexive);
    if (at !== NONE) end = at;
    at = cut(word, end, rv, t.adjective);
    if (at !== NONE) {
      end = at;
      at = cut(word, end, rv, t.participle);
      if (at !== NONE) end = at;
    } else {
      at = cut(word, end, rv, t.verb);
      if (at === NONE) at = cut(word, end, rv, t.noun);
      if (at !== NONE) end = at;
    }
  }
  // Step 2: a final и.
  if (end - 1 >= rv && word.charCodeAt(end - 1) === I) end--;
  // Step 3: a derivational ending, in R2.
  at = cut(word, end, rv, t.derivational);
  if (at !== NONE && at >= r2) end = at;
  // Step 4: a superlative ending (then нн → н), or нн → н, or a final ь.
  const k = longest(word, end, rv, t.tidy);
  if (k === t.superlative || k === t.superlativeShort) {
    end -= t.tidy.list[k].length;
    if (end - 2 >= rv && word.charCodeAt(end - 1) === N && word.charCodeAt(end - 2) === N) end--;
  } else if (k === t.doubleN) {
    if (end - 2 >= rv && word.charCodeAt(end - 2) === N) end--;
  } else if (k === t.softSign) {
    end--;
  }
  return end === n ? word : word.slice(0, end);
}

const NONE = -1;
const I = 0x438, N = 0x43d, A = 0x430, YA = 0x44f;

/** а е и о у ы э ю я: the vowels of the algorithm (ё is not one; the caller has made it е). */
function isVowel(c: number): boolean {
  return c === 0x430 || c === 0x435 || c === 0x438 || c === 0x43e || c === 0x443 || c === 0x44b || c === 0x44d || c === 0x44e || c === 0x44f;
}

/** Start of R2: past a non-vowel, a vowel and a non-vowel after RV (word length when the word ends first). */
function regionR2(word: string, rv: number): number {
  const n = word.length;
  let j = rv;
  while (j < n && isVowel(word.charCodeAt(j))) j++;
  if (j >= n) return n;
  j++;
  while (j < n && !isVowel(word.charCodeAt(j))) j++;
  if (j >= n) return n;
  j++;
  while (j < n && isVowel(word.charCodeAt(j))) j++;
  if (j >= n) return n;
  return j + 1;
}

/** Whether the letter before `at` is а or я, inside RV. */
function afterAorYa(word: string, at: number, rv: number): boolean {
  if (at - 1 < rv) return false;
  const c = word.charCodeAt(at - 1);
  return c === A || c === YA;
}

/** The index in `endings` of the longest one that ends the word at `end` and lies inside RV, or NONE. */
function longest(word: string, end: number, rv: number, endings: Endings): number {
  if (end <= rv) return NONE;
  const last = word.charCodeAt(end - 1);
  for (let k = 0; k < endings.list.length; k++) {
    const s = endings.list[k];
    if (endings.last[k] === last && end - s.length >= rv && word.endsWith(s, end)) return k;
  }
  return NONE;
}

/**
 * Where the word is cut when the longest of `endings` at `end` is taken off, or NONE: when that
 * ending is one that must follow а or я and does not, nothing is taken off (no shorter one either).
 */
function cut(word: string, end: number, rv: number, endings: Endings): number {
  const k = longest(word, end, rv, endings);
  if (k === NONE) return NONE;
  const at = end - endings.list[k].length;
  return endings.afterAorYa[k] && !afterAorYa(word, at, rv) ? NONE : at;
}

/** A list of endings, longest first, which of them must follow а or я, and their last letters (tested first). */
interface Endings { list: string[]; afterAorYa: boolean[]; last: number[] }

/** The ending lists of russian-stem.tsv by group, longest ending first (the algorithm takes the longest that matches). */
function readEndings(): Map<string, Endings> {
  const rows = new Map<string, Array<readonly [string, boolean]>>();
  for (const [group, after, list] of readRows(new URL('./russian-stem.tsv', import.meta.url))) {
    let all = rows.get(group);
    if (all === undefined) rows.set(group, (all = []));
    for (const e of list.split(' ')) if (e.length > 0) all.push([e, after === 'yes']);
  }
  const out = new Map<string, Endings>();
  for (const [group, all] of rows) {
    all.sort((a, b) => b[0].length - a[0].length);
    out.set(group, { list: all.map((e) => e[0]), afterAorYa: all.map((e) => e[1]), last: all.map((e) => e[0].charCodeAt(e[0].length - 1)) });
  }
  return out;
}

/** The ending lists by step, and the positions of step 4's endings in its list. */
interface Tables {
  gerund: Endings; adjective: Endings; participle: Endings; reflexive: Endings; verb: Endings; noun: Endings;
  derivational: Endings; tidy: Endings; superlative: number; superlativeShort: number; doubleN: number; softSign: number;
}

// Read on first use, not on import: a missing file is then the first analysis's DataFileError.
let tables: Tables | undefined;

function loadTables(): Tables {
  const groups = readEndings();
  const group = (name: string): Endings => {
    const g = groups.get(name);
    if (g === undefined) throw new Error(`russian-stem.tsv: no '${name}' endings`);
    return g;
  };
  const tidy = group('tidy');
  return {
    gerund: group('gerund'), adjective: group('adjective'), participle: group('participle'), reflexive: group('reflexive'),
    verb: group('verb'), noun: group('noun'), derivational: group('derivational'), tidy,
    superlative: tidy.list.indexOf('ейше'), superlativeShort: tidy.list.indexOf('ейш'), doubleN: tidy.list.indexOf('н'), softSign: tidy.list.indexOf('ь'),
  };
}
