/**
 * Letter-case tests the stages ask of token texts, without building lower- or upper-case copies
 * for the common Latin and Cyrillic letters (other scripts take the full rule).
 */

/**
 * Whether a UTF-16 code is an ASCII digit 0–9 (NaN, past a string's end, is none): what `/\d/`
 * matches, without a regular expression.
 *
 * @example
 * isAsciiDigit('7'.charCodeAt(0)); // true
 * isAsciiDigit('٧'.charCodeAt(0)); // false (Arabic-Indic)
 */
export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * `s[0] !== s[0].toLowerCase()` (a first letter with a lower-case form), without building a
 * string for the common Latin and Cyrillic letters.
 *
 * @example
 * startsUpper('Биби'); // true
 */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0x400 && c < 0x460) return c < 0x430; // Ѐ-Я upper, а-џ lower
  return s[0] !== s[0].toLowerCase();
}

const UPPER_LETTER = /^\p{Lu}/u;

/**
 * `/^\p{Lu}/u.test(s)`, without the regex for the common Latin and Cyrillic letters.
 *
 * @example
 * startsWithCapital('Биби'); // true
 */
export function startsWithCapital(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0x400 && c < 0x460) return c < 0x430;
  return UPPER_LETTER.test(s);
}

/**
 * `s === s.toLowerCase()`, without building the lower-case copy for Latin and Cyrillic words.
 *
 * @example
 * isLowerCase('заявила'); // true
 */
export function isLowerCase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) return false;
    } else if (c >= 0x400 && c < 0x460) {
      if (c < 0x430) return false;
    } else return s === s.toLowerCase(); // other scripts: the full rule
  }
  return true;
}

/**
 * `s === s.toUpperCase()`, without building the upper-case copy for Latin and Cyrillic words.
 *
 * @example
 * isUpperCase('ООН'); // true
 */
export function isUpperCase(s: string): boolean {
  return isUpperCaseFrom(s, 0);
}

/**
 * `s.slice(from) === s.slice(from).toUpperCase()`, without building either copy for Latin and
 * Cyrillic words.
 *
 * @example
 * isUpperCaseFrom('Москва', 1); // false
 * isUpperCaseFrom('мОСКВА', 1); // true
 */
export function isUpperCaseFrom(s: string, from: number): boolean {
  for (let k = from; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) return false;
    } else if (c >= 0x400 && c < 0x460) {
      if (c >= 0x430) return false;
    } else {
      // other scripts: the full rule
      const rest = from === 0 ? s : s.slice(from);
      return rest === rest.toUpperCase();
    }
  }
  return true;
}

/**
 * `ё` read as `е` (how lemmas and keys are compared), without a copy when the text has none.
 *
 * @example
 * foldYo('ещё'); // 'еще'
 */
export function foldYo(s: string): string {
  return s.includes('ё') ? s.replace(/ё/g, 'е') : s;
}

/**
 * The string in lower case, itself when it is so already: most words in running text are, and
 * toLowerCase copies a Cyrillic string even when nothing changes.
 * @example
 * lowerCased('москва'); // the same string, no copy
 * lowerCased('Москва'); // 'москва'
 */
export function lowerCased(s: string): string {
  return isLowerCase(s) ? s : s.toLowerCase();
}

/**
 * A word in capitals as a name is written, its first letter capital and the rest lower case.
 * @example
 * titleCased('РЕБРИК'); // 'Ребрик'
 */
export function titleCased(s: string): string {
  return s.length === 0 ? s : s[0] + s.slice(1).toLowerCase();
}

/**
 * A character's lower-case code for ASCII and basic Cyrillic (Latin and Russian letters, Ѐ–џ),
 * −1 for any other character: a letter compared case-blind without building a lower-case copy.
 *
 * @example
 * lowerCode('Д'.charCodeAt(0)) === 'д'.charCodeAt(0); // true
 */
export function lowerCode(c: number): number {
  return c >= 0 && c < LOWER_CODES.length ? LOWER_CODES[c] : -1;
}

// lowerCode's answers below U+0460 as a table: one read, where a chain of range tests left its
// rare branches (Ё, Ѐ–Џ) for a deoptimisation in every caller the first time a text has one.
const LOWER_CODES = new Int32Array(0x460).fill(-1);
for (let c = 0; c < 0x80; c++) LOWER_CODES[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
for (let c = 0x400; c < 0x410; c++) LOWER_CODES[c] = c + 0x50;
for (let c = 0x410; c < 0x430; c++) LOWER_CODES[c] = c + 0x20;
for (let c = 0x430; c < 0x460; c++) LOWER_CODES[c] = c;
