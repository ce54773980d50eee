import { readTsv } from './grammar.js';

let names: Set<string> | undefined;

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
