import type { Case, Gender } from './grammar.js';
import { readTsv } from './grammar.js';

interface EndingRule { gender: Gender; cases: Case[]; ending: string; nominative: string; cls: '' | 'C' | 'V' | 'K' }

let rules: EndingRule[] | undefined;

const VOWELS = 'аеёиоуыэюя';
const K_LETTERS = 'гкхжшчщ';

function load(): EndingRule[] {
  if (rules === undefined) {
    rules = readTsv('name-endings.tsv').map(([gender, cases, ending, nominative]) => {
      const cls = /^[CVK]/.test(ending) ? (ending[0] as 'C' | 'V' | 'K') : '';
      return {
        gender: gender as Gender,
        cases: cases.split(' ') as Case[],
        ending: cls ? ending.slice(1) : ending,
        nominative: cls && nominative.startsWith(cls) ? nominative.slice(1) : nominative,
        cls,
      };
    });
  }
  return rules;
}

let lastWord = '';
let lastLower = '';

const byGenderCase: Partial<Record<Gender, Partial<Record<Case, EndingRule[]>>>> = {};

/** The rules of one gender and case, in file order (the first that fits wins): asked 18 times per name word. */
function rulesFor(gender: Gender, c: Case): EndingRule[] {
  const byCase = byGenderCase[gender] ?? (byGenderCase[gender] = {});
  return byCase[c] ?? (byCase[c] = load().filter((r) => r.gender === gender && r.cases.includes(c)));
}

function classMatches(cls: EndingRule['cls'], ch: string | undefined): boolean {
  if (cls === '') return true;
  if (ch === undefined) return false;
  const c = ch.toLowerCase();
  if (!/[а-яё]/.test(c)) return false;
  if (cls === 'V') return VOWELS.includes(c);
  if (cls === 'K') return K_LETTERS.includes(c);
  return !VOWELS.includes(c) && c !== 'ь' && c !== 'ъ' && c !== 'й';
}

/**
 * The nominative of a personal name the dictionary may not know, guessed from its ending, for a
 * given gender and case; undefined when no rule fits. The stem keeps its letters as written.
 *
 * @example
 * guessNameNominative('Маска', 'masc', 'gent'); // 'Маск'
 * guessNameNominative('Асию', 'femn', 'accs');  // 'Асия'
 */
export function guessNameNominative(word: string, gender: Gender, c: Case): string | undefined {
  // Asked for one word in up to 18 (gender, case) pairs in a row: lower-case it once.
  if (word !== lastWord) { lastWord = word; lastLower = word.toLowerCase(); }
  const lower = lastLower;
  for (const r of rulesFor(gender, c)) {
    if (!lower.endsWith(r.ending)) continue;
    const stemEnd = word.length - r.ending.length;
    if (stemEnd < 2) continue;
    if (!classMatches(r.cls, lower[stemEnd - 1])) continue;
    const upper = word.length > 1 && word === word.toUpperCase();
    return word.slice(0, stemEnd) + (upper ? r.nominative.toUpperCase() : r.nominative);
  }
  return undefined;
}
