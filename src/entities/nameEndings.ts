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

const codesOf = (letters: string): Set<number> => new Set([...letters].map((ch) => ch.charCodeAt(0)));
const VOWEL_CODES = codesOf(VOWELS);
const K_CODES = codesOf(K_LETTERS);
const NOT_CONSONANT_CODES = codesOf(`${VOWELS}ьъй`);

/** Whether a letter of a lower-cased word (`ch`, its code) is of the rule's class: C consonant, V vowel, K velar or hushing. */
function classMatches(cls: EndingRule['cls'], ch: number): boolean {
  if (cls === '') return true;
  if (!((ch >= 0x430 && ch <= 0x44f) || ch === 0x451)) return false; // а-я, ё
  if (cls === 'V') return VOWEL_CODES.has(ch);
  if (cls === 'K') return K_CODES.has(ch);
  return !NOT_CONSONANT_CODES.has(ch);
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
    // lower.charCodeAt(…) is NaN past the end, which no class takes (as the letter's absence before).
    if (!classMatches(r.cls, lower.charCodeAt(stemEnd - 1))) continue;
    const upper = word.length > 1 && word === word.toUpperCase();
    return word.slice(0, stemEnd) + (upper ? r.nominative.toUpperCase() : r.nominative);
  }
  return undefined;
}
