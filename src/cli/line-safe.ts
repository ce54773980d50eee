/**
 * JSON text with the characters some line readers break lines at written as escapes: U+2028 and
 * U+2029 (which JSON.stringify leaves raw) and U+0085 (NEL). The JSON means the same; a JSON-lines
 * file stays one document per line for Python's `str.splitlines()` and its kind, not only for `\n`.
 * @example
 * lineSafe(JSON.stringify('a\u2028b')); // '"a\\u2028b"'
 */
export function lineSafe(json: string): string {
  return BREAKS.test(json) ? json.replace(BREAKS_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

const BREAKS = /[\u0085\u2028\u2029]/;
const BREAKS_ALL = /[\u0085\u2028\u2029]/g;
