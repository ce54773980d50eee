/**
 * Text for a terminal: control characters other than tab and line feed (C0, DEL, C1: ESC starts
 * the sequences that set a window's title, clear the screen or make a link) and the bidi
 * overrides and isolates (which reverse what follows them) written as visible `\u001b` escapes.
 * Article text and file names are the attacker's in a newsroom, and `--format text` and the
 * messages on stderr print them.
 * @example
 * visible('a\u001b[2Jb'); // 'a\\u001b[2Jb'
 */
export function visible(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : s;
}

const CLASS = '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]';
const UNSAFE = new RegExp(CLASS);
const UNSAFE_ALL = new RegExp(CLASS, 'g');
