import { readTsv } from './grammar.js';

let names: Set<string> | undefined;

/**
 * True for a woman's first name of `female-names.tsv` (in the nominative, any letter case):
 * names in -ия/-ея/-ья that the dictionary lacks or reads as a man's (`Асия`, not `Асий`).
 *
 * @example
 * isFemaleName('Асия'); // true
 * isFemaleName('Андрей'); // false
 */
export function isFemaleName(nominative: string): boolean {
  if (names === undefined) names = new Set(readTsv('female-names.tsv').map((r) => r[0].toLowerCase().replace(/ё/g, 'е')));
  return names.has(nominative.toLowerCase().replace(/ё/g, 'е'));
}
