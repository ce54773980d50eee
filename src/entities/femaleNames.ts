import { readTsv } from './grammar.js';

let names: Set<string> | undefined;

/**
 * True for a woman's first name of `female-names.tsv` (in the nominative, any letter case):
 * names that the dictionary lacks or that read as a man's in an oblique case (`Асия`, not `Асий`;
 * `Алина`, not the genitive of a rare `Алин`).
 *
 * @example
 * isFemaleName('Асия'); // true
 * isFemaleName('Андрей'); // false
 */
export function isFemaleName(nominative: string): boolean {
  if (names === undefined) names = new Set(readTsv('female-names.tsv').map((r) => r[0].toLowerCase().replace(/ё/g, 'е')));
  return names.has(nominative.toLowerCase().replace(/ё/g, 'е'));
}
