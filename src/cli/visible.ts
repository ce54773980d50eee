import { codeEscape } from './line-safe.js';

/**
 * Text for a terminal: control characters other than tab and line feed (C0, DEL, C1: ESC starts
 * the sequences that set a window's title, clear the screen or make a link) and the bidi
 * controls (overrides, isolates and marks, which reorder what follows them) written as visible
 * `\u001b` escapes. Article text and file names are the attacker's in a newsroom, and
 * `--format text` and the messages on stderr print them. `oneLine` escapes tab and line feed too,
 * for a name inside a message (a file name with a line break could fake a line of its own).
 * @example
 * visible('a\u001b[2Jb');            // 'a\\u001b[2Jb'
 * visible('a\nb.txt', { oneLine: true }); // 'a\\u000ab.txt'
 */
export function visible(s: string, o: { oneLine?: boolean } = {}): string {
  const [test, all] = o.oneLine === true ? ONE_LINE : TEXT;
  return test.test(s) ? s.replace(all, codeEscape) : s;
}

const CONTROLS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const TEXT = [new RegExp(`[${CONTROLS}${BIDI}]`), new RegExp(`[${CONTROLS}${BIDI}]`, 'g')] as const;
const ONE_LINE = [new RegExp(`[\\t\\n${CONTROLS}${BIDI}]`), new RegExp(`[\\t\\n${CONTROLS}${BIDI}]`, 'g')] as const;
