import { readTsv } from './grammar.js';

let all: Set<string> | undefined;
let surname: Set<string> | undefined;
let conjunction: Set<string> | undefined;

/** The sets from one read of name-particles.tsv. */
function load(): void {
  const rows = readTsv('name-particles.tsv');
  all = new Set(rows.map((r) => r[0]));
  surname = new Set(rows.filter((r) => r[1] === 'surname').map((r) => r[0]));
  conjunction = new Set(rows.filter((r) => r[2] === 'conjunction').map((r) => r[0]));
}

/**
 * The lower-case words of name-particles.tsv that stand inside personal names (`ван`, `де`,
 * `ибн`, `аль`): mention hygiene never trims them off a person's span.
 *
 * @example
 * nameParticles().has('фон'); // true
 */
export function nameParticles(): Set<string> {
  if (all === undefined) load();
  return all!;
}

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
  if (surname === undefined) load();
  return surname!.has(word);
}

/**
 * True for a particle that is also a conjunction (name-particles.tsv marks it `conjunction`): `да`
 * joins two people as often as it starts a surname (`Мельгарехо да Денис Давыдов`, `Леонардо да
 * Винчи`).
 *
 * @example
 * isConjunctionParticle('да'); // true
 * isConjunctionParticle('ван'); // false
 */
export function isConjunctionParticle(word: string): boolean {
  if (conjunction === undefined) load();
  return conjunction!.has(word);
}
