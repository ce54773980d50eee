import { readFileSync } from 'node:fs';

/**
 * The rows of a data file (`.tsv`, `.txt`) shipped beside the code: fields split on tabs, blank
 * lines and `#` comment lines skipped, trailing white space dropped. Every lexicon of every stage
 * is read through here, so they all share one format.
 * @example
 * readRows(new URL('./roles.tsv', import.meta.url))[0]; // ['президент', 'президент', 'head_of_state']
 */
export function readRows(url: URL): string[][] {
  const rows: string[][] = [];
  for (const line of readFileSync(url, 'utf8').split('\n')) {
    const t = line.trimEnd();
    if (t.length === 0 || t.startsWith('#')) continue;
    rows.push(t.split('\t'));
  }
  return rows;
}

/**
 * The first field of each row of a data file, as a set (a word list).
 * @example
 * readWordSet(new URL('./openers.txt', import.meta.url)).has('однако'); // true
 */
export function readWordSet(url: URL): Set<string> {
  return new Set(readRows(url).map((r) => r[0].trim()));
}
