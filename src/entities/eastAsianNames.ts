import { wordSetOf } from './grammar.js';

/**
 * The longest syllable (Чжуан, Цзюнь) of such a name written apart: Korean given names are written
 * a syllable a word (Чен Ын), a longer word is a Chinese given name written whole (Сяопин) or no
 * part of such a name.
 */
export const SYLLABLE_MAX = 5;

/**
 * True for a Chinese, Korean or Vietnamese family name of `east-asian-names.tsv`, written exactly
 * as listed (undeclined, capitalised): a person's name that starts with one declines its last part
 * only in Russian (`Ким Чен Ыном` → `Ким Чен Ын`).
 *
 * @example
 * isEastAsianFamilyName('Си'); // true
 * isEastAsianFamilyName('Кима'); // false (declined: a Russian first name)
 */
export function isEastAsianFamilyName(written: string): boolean {
  return wordSetOf('east-asian-names.tsv').has(written);
}

/** Consonants that start a syllable together as Russian writes these names (Чжэ, Цзян, Нгуен, Хван, Чхве, Тхань, Ккот). */
const INITIAL_PAIRS = new Set(['чж', 'цз', 'дж', 'нг', 'хв', 'кв', 'гв', 'тх', 'кх', 'пх', 'чх', 'кк', 'тт', 'пп', 'сс', 'чч']);
/** Consonants that end a syllable (Ын, Ир, Хёк, Соль, Ким, Чонг): one may stand before the next syllable's pair (Бинцзе). */
const FINALS = 'нркмлпт';
const CONSONANTS = 'бвгджзклмнпрстфхцчшщ';

/** Where a run of consonants stands in a word: its start, its inside, its end. */
const START = 0, INSIDE = 1, END = 2;

function runFits(run: string, at: number): boolean {
  if (run.length <= 1) return true;
  if (at === START) return INITIAL_PAIRS.has(run) || run === 'нгх';
  if (at === END) return run === 'нг';
  if (run.length === 2) return true; // a syllable's end and the next one's start (Дундун, Цзиньпин)
  if (run.startsWith('нг')) return run.length === 3 || INITIAL_PAIRS.has(run.slice(2));
  return run.length === 3 && FINALS.includes(run[0]) && INITIAL_PAIRS.has(run.slice(1));
}

/**
 * Whether a word can be a part of a Chinese, Korean or Vietnamese name as Russian writes them, in
 * any case form: its runs of consonants (ь, ъ left out; й a vowel's end) are a syllable's start, a
 * syllable's end before the next start, or a syllable's end. A Western name that starts with a
 * word of the list (Дэн Байлсма, Ли Харви Освальд) has a run no such name has (лсм, льд), and it
 * declines like any other name.
 *
 * @example
 * mayBeEastAsianPart('Цзиньпина'); // true
 * mayBeEastAsianPart('Байлсма'); // false (лсм)
 */
export function mayBeEastAsianPart(word: string): boolean {
  const lower = word.toLowerCase();
  let run = '';
  let at = START;
  for (let k = 0; k < lower.length; k++) {
    const ch = lower[k];
    if (ch === 'ь' || ch === 'ъ') continue;
    if (CONSONANTS.includes(ch)) { run += ch; continue; }
    if (!runFits(run, at)) return false;
    run = '';
    at = ch === '-' ? START : INSIDE;
  }
  return runFits(run, run.length === lower.length ? START : END);
}

/** Vowel letters, й among them: it ends a syllable's vowel (Хуэй, Кайши), never starts one here. */
const VOWELS = new Set([...'аеёиоуыэюяй'].map((ch) => ch.charCodeAt(0)));

/**
 * The runs of vowels in a word, a syllable each in a Chinese, Korean or Vietnamese name (Чжэ 1,
 * Хуэй 1, Ына 2); ь and ъ neither end nor start one.
 * @example
 * syllableCount('Хуэй'); // 1
 * syllableCount('Ына'); // 2
 */
export function syllableCount(word: string): number {
  let groups = 0;
  let inVowels = false;
  for (let k = 0; k < word.length; k++) {
    const ch = word.charCodeAt(k);
    const c = ch >= 0x410 && ch <= 0x42f ? ch + 0x20 : ch === 0x401 ? 0x451 : ch; // lower case
    if (c === 0x44c || c === 0x44a) continue;
    const vowel = VOWELS.has(c);
    if (vowel && !inVowels) groups++;
    inVowels = vowel;
  }
  return groups;
}
