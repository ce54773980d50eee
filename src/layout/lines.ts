/**
 * Lines of the raw text: the unit the layout stage reasons about. A news text puts one paragraph on
 * a line, so every non-blank line becomes a paragraph and the boilerplate detector classifies lines.
 */

import { freshList } from '../fresh-list.js';
import { withoutTags } from '../markup.js';

/** One non-blank line (or a sentence's pieces joined), trimmed at both ends of spaces and HTML tags (offsets into the original text). */
export interface Line {
  start: number;
  end: number;
  /** True when at least one blank line separates this line from the previous non-blank one. */
  gapBefore: boolean;
}

/** A Line made by a constructor, not an object literal (see fresh-list.ts). */
class TextLine implements Line {
  constructor(public start: number, public end: number, public gapBefore: boolean) {}
}

/**
 * Whitespace as `String.prototype.trim` sees it, by code unit, so that paragraph edges agree with
 * what every later stage (and a user calling `.trim()`) calls whitespace.
 */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Line terminators: LF, CR (alone or in CRLF), and the Unicode line/paragraph separators. The
 * stages after layout ask it of the gap between two tokens, so that text with old Mac line ends
 * (a lone CR) breaks its lines where LF text does.
 * @example
 * isLineBreak('\r'.charCodeAt(0)); // true
 */
export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}
const isBreak = isLineBreak;

/** A line that cannot open a paragraph: it starts with a lower-case Cyrillic letter or closing punctuation. */
function opensMidSentence(c: number): boolean {
  return (c >= 0x430 && c <= 0x44f) || c === 0x451 || c === 0x2c || c === 0x3b || c === 0x29 || c === 0x5d || c === 0xbb;
}

/** Longest line taken for a link's text split out of its sentence (`пройти по \nссылке\n и нажать`). */
const MAX_ANCHOR = 40;

/**
 * Whether the line [s, e) continues the previous one rather than opening a paragraph. Web copies break
 * a sentence around each link's text: the piece after the break starts lower-case or with a comma, or
 * is a short anchor after a line left hanging with a trailing space and no final punctuation.
 */
function continues(text: string, prev: Line, prevTrailingSpace: boolean, s: number, e: number): boolean {
  if (opensMidSentence(text.charCodeAt(s))) return true;
  if (!prevTrailingSpace || e - s > MAX_ANCHOR) return false;
  const last = text.charCodeAt(prev.end - 1);
  return !(last === 0x2e || last === 0x21 || last === 0x3f || last === 0x2026 || last === 0x3a);
}

/**
 * Splits the text into its non-blank lines, trimmed, joining the pieces of a sentence a web copy broke
 * around its links; one linear pass, no regex.
 * @example
 * splitLines(' a\n\n b ') // [{ start: 1, end: 2, gapBefore: false }, { start: 5, end: 6, gapBefore: true }]
 */
export function splitLines(text: string): Line[] {
  const lines = freshList<Line>(); // not a literal: see fresh-list.ts
  const n = text.length;
  let i = 0;
  let blankRun = false;
  let prevTrailingSpace = false;
  while (i < n) {
    let j = i;
    while (j < n && !isBreak(text.charCodeAt(j))) j++;
    let s = i;
    let e = j;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    const trailingSpace = e < j;
    // HTML tags around a line of scraped text (`<p>…</p>`, `…<br>`) are not its text; a line of
    // tags only is a blank line.
    if (e > s && (text.charCodeAt(s) === 0x3c || text.charCodeAt(e - 1) === 0x3e)) [s, e] = withoutTags(text, s, e);
    if (e > s) {
      const prev = lines.length > 0 ? lines[lines.length - 1] : undefined;
      if (prev !== undefined && !blankRun && continues(text, prev, prevTrailingSpace, s, e)) {
        prev.end = e;
      } else {
        lines.push(new TextLine(s, e, blankRun && lines.length > 0));
      }
      prevTrailingSpace = trailingSpace;
      blankRun = false;
    } else if (lines.length > 0) {
      blankRun = true;
    }
    // CRLF is one terminator, not a blank line between CR and LF.
    if (j < n && text.charCodeAt(j) === 0x0d && j + 1 < n && text.charCodeAt(j + 1) === 0x0a) j++;
    i = j + 1;
  }
  return lines;
}
