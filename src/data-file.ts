import { readFileSync } from 'node:fs';
import type { NonSharedBuffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { DataFileError } from './data-file-error.js';
import { interned } from './interned.js';

export { DataFileError };

/** Whether an error is a DataFileError, also one copied from a worker thread (another realm's Error). */
export function isDataFileError(e: unknown): boolean {
  return e instanceof DataFileError || (typeof e === 'object' && e !== null && (e as Error).name === 'DataFileError');
}

/** Rethrows a DataFileError: for the catch blocks that keep odd input from failing an analysis. */
export function passDataFileError(e: unknown): void {
  if (isDataFileError(e)) throw e;
}

/**
 * The bytes of a data file shipped with the package, or a DataFileError.
 * @example
 * readDataFile(new URL('../models/ner.bin', import.meta.url)).length; // 2128912
 */
export function readDataFile(url: URL | string): NonSharedBuffer {
  try {
    return readFileSync(url);
  } catch (e) {
    throw new DataFileError(typeof url === 'string' ? url : fileURLToPath(url), e);
  }
}

/**
 * The text (UTF-8) of a data file shipped with the package, or a DataFileError.
 * @example
 * readDataText(new URL('./cues.tsv', import.meta.url)).startsWith('#'); // true
 */
export function readDataText(url: URL | string): string {
  return readDataFile(url).toString('utf8');
}

/**
 * The rows of a data file (`.tsv`, `.txt`) shipped beside the code: fields split on tabs, blank
 * lines and `#` comment lines skipped, trailing white space dropped. Every lexicon of every stage
 * is read through here, so they all share one format.
 * @example
 * readRows(new URL('./quotes/roles.tsv', import.meta.url))[0]; // ['PER', 'президент'] (from src/data-file.ts)
 */
export function readRows(url: URL): string[][] {
  const rows: string[][] = [];
  for (const line of readDataText(url).split('\n')) {
    const t = line.trimEnd();
    if (t.length === 0 || t.startsWith('#')) continue;
    const fields = t.split('\t');
    for (let k = 0; k < fields.length; k++) if (ASCII_CODE.test(fields[k])) fields[k] = interned(fields[k]);
    rows.push(fields);
  }
  return rows;
}

/**
 * A field that is a code (`PER`, `head_of_state`, `yes`) rather than a word of the text: the rules
 * compare codes with literals, so they are read as the literals' own strings (interned).
 */
const ASCII_CODE = /^[A-Za-z_]{1,24}$/;

/**
 * The first field of each row of a data file, as a set (a word list).
 * @example
 * readWordSet(new URL('./segment/openers.txt', import.meta.url)).has('однако'); // true
 */
export function readWordSet(url: URL): Set<string> {
  return new Set(readRows(url).map((r) => r[0].trim()));
}
