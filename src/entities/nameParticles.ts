import { readTsv, wordSetOf } from './grammar.js';

/**
 * The lower-case words of name-particles.tsv that stand inside personal names (`ван`, `де`,
 * `ибн`, `аль`): mention hygiene never trims them off a person's span.
 *
 * @example
 * nameParticles().has('фон'); // true
 */
export function nameParticles(): Set<string> {
  return wordSetOf('name-particles.tsv');
}

let surname: Set<string> | undefined;

/**
 * True for a particle that belongs to the surname after it (`ле` of `Ле Пен`, `фон` of `фон дер
 * Ляйен`; name-particles.tsv marks them `surname`), in lower case; not for the words that link
 * names otherwise (`бен`, `ибн`: `Бен` is a first name too).
 *
 * @example
 * isSurnameParticle('ле'); // true
 * isSurnameParticle('бен'); // false
 */
export function isSurnameParticle(word: string): boolean {
  surname ??= new Set(readTsv('name-particles.tsv').filter((r) => r[1] === 'surname').map((r) => r[0]));
  return surname.has(word);
}
