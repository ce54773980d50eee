// What the rest of a document says about how one capitalised word declines: a name it writes
// the same way wherever it stands does not decline; a family name it writes in the singular
// (Скрипаль) makes a plural-looking form (Скрипалей) that family in the plural.

/** The words a document writes (a Set of them, or their counts): only asked whether it writes one. */
export interface Vocabulary { has(word: string): boolean }

/** Endings an inflected name may take in place of its final vowel: any of them written means the word declines. */
const SIBLING_ENDINGS = ['а', 'я', 'у', 'ю', 'ы', 'и', 'е', 'ой', 'ей', 'ом', 'ем', 'ою'];

const ADJECTIVE_GENITIVE = /(?:ск|цк|н)ого$/;

/**
 * True when a capitalised word ending in -е/-и/-о/-э is written at least twice in the document and
 * no other case form of it is: a foreign name that does not decline (`Ватцке`, `Ланге`), not the
 * dative of `Ватцка`.
 *
 * @example
 * writtenUnchanged('Ватцке', new Map([['Ватцке', 3]])); // true
 */
export function writtenUnchanged(word: string, counts: ReadonlyMap<string, number>): boolean {
  // Most words end otherwise (е, и, о, э, or ё that becomes е): ruled out before any copy.
  const last = word.charCodeAt(word.length - 1);
  if (last !== 0x435 && last !== 0x438 && last !== 0x43e && last !== 0x44d && last !== 0x451) return false;
  const w = word.replace(/ё/g, 'е');
  if (!/[еиоэ]$/.test(w) || (counts.get(w) ?? 0) < 2) return false;
  // An adjective's genitive (`Навального`, `Хабенского`): a name of that shape declines however
  // often the document writes the one case (name-endings.tsv takes it to the nominative).
  if (ADJECTIVE_GENITIVE.test(w)) return false;
  const stem = w.slice(0, -1);
  for (const e of SIBLING_ENDINGS) if (stem + e !== w && counts.has(stem + e)) return false;
  // A stem ending in -и (Асии ~ Асия) declines through its -и.
  if (w.endsWith('ии') && (counts.has(stem.slice(0, -1) + 'ия') || counts.has(stem.slice(0, -1) + 'ию'))) return false;
  return true;
}

/**
 * False when `familyPlural` is sure to find nothing: its patterns all end in -й, -м, -и or -х,
 * so most words are ruled out by their last letter (before the costlier arguments are worked out).
 *
 * @example
 * mayBeFamilyPlural('Скрипалей'); // true
 */
export function mayBeFamilyPlural(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return last === 0x439 || last === 0x43c || last === 0x438 || last === 0x445;
}

/**
 * The plural nominative of a family name written in an oblique plural case, when the document
 * writes the singular too: `Скрипалей` beside `Скрипаль` → `Скрипали`, `Ивановых` beside
 * `Иванов` → `Ивановы`. A word the dictionary does not know in consonant + -ей is such a plural
 * even alone (`дело Скрипалей`): no singular name of a man or woman ends so, bar the
 * instrumental of a woman's name in -я, which `instrumentalPossible` rules in.
 * Undefined otherwise.
 *
 * @example
 * familyPlural('Скрипалей', new Set(['Скрипаль']), true, false); // 'Скрипали'
 */
export function familyPlural(word: string, vocab: Vocabulary, unknownWord: boolean, instrumentalPossible: boolean): string | undefined {
  if (!mayBeFamilyPlural(word)) return undefined;
  const w = word.replace(/ё/g, 'е');
  let m = /^(\p{Lu}\p{Ll}+[бвгджзклмнпрстфхцчшщ])(?:ей|ям|ями|ях)$/u.exec(w);
  if (m !== null && vocab.has(m[1] + 'ь')) return word.slice(0, m[1].length) + 'и';
  m = /^(\p{Lu}\p{Ll}+[бвгджзклмнпрстфхцчшщ])ей$/u.exec(w);
  if (m !== null && unknownWord && !instrumentalPossible && !vocab.has(m[1] + 'я') && !vocab.has(m[1] + 'ю')) return word.slice(0, m[1].length) + 'и';
  m = /^(\p{Lu}\p{Ll}+(?:ов|ев|ин|ын))(?:ых|ым|ыми)$/u.exec(w);
  if (m !== null && vocab.has(m[1])) return word.slice(0, m[1].length) + 'ы';
  return undefined;
}
