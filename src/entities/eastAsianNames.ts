import { readTsv } from './grammar.js';

let names: Set<string> | undefined;

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
  if (names === undefined) names = new Set(readTsv('east-asian-names.tsv').map((r) => r[0]));
  return names.has(written);
}
