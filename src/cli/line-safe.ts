/**
 * JSON text with the characters that JSON.stringify leaves raw but a reader may act on written as
 * `\u` escapes: U+2028, U+2029 and U+0085 (NEL), at which some line readers break a line (Python's
 * `str.splitlines()`), and the C1 controls and bidi controls, which a terminal acts on when the
 * JSON is printed there (JSON.stringify already escapes the C0 controls, ESC among them). The JSON
 * means the same, and a JSON-lines file stays one document per line for every reader.
 * @example
 * lineSafe(JSON.stringify('a\u2028b')); // '"a\\u2028b"'
 */
export function lineSafe(json: string): string {
  return UNSAFE.test(json) ? json.replace(UNSAFE_ALL, codeEscape) : json;
}

/**
 * A one-code-unit character as its `\\u` escape (JSON's, and what a terminal user can read).
 * @example
 * codeEscape('\u001b'); // '\\u001b'
 */
export function codeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const CLASS = '[\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const UNSAFE = new RegExp(CLASS);
const UNSAFE_ALL = new RegExp(CLASS, 'g');
