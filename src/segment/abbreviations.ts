import { readDataText } from '../data-file.js';

/** Abbreviation classes from abbreviations.tsv (see the file's header). */
export interface Abbreviations {
  head: Set<string>;
  tail: Set<string>;
  /** Two-part abbreviations as `first second`: `т е`. */
  pairHead: Set<string>;
  pairTail: Set<string>;
  initial: Set<string>;
}

let loaded: Abbreviations | undefined;

/**
 * The abbreviation lists, read once on first use.
 * @example
 * abbreviations().head.has('ул'); // true: «ул. Абая» never ends a sentence
 * abbreviations().pairTail.has('т д'); // true: «и т. д.» may end one
 */
export function abbreviations(): Abbreviations {
  if (loaded !== undefined) return loaded;
  const a: Abbreviations = { head: new Set(), tail: new Set(), pairHead: new Set(), pairTail: new Set(), initial: new Set() };
  const text = readDataText(new URL('./abbreviations.tsv', import.meta.url));
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [abbr, cls] = line.split('\t');
    const key = abbr.trim();
    switch (cls?.trim()) {
      case 'head': a.head.add(key); break;
      case 'tail': a.tail.add(key); break;
      case 'pair-head': a.pairHead.add(key); break;
      case 'pair-tail': a.pairTail.add(key); break;
      case 'initial': a.initial.add(key); break;
      default: throw new Error(`rutext: bad class in abbreviations.tsv: ${line}`);
    }
  }
  loaded = a;
  return a;
}
