/**
 * Script code inside the body: a web page's player or counter set-up that a scraper kept as text
 * (RT: `jwplayer.key="…";` ⏎ `jwplayer("js-mediaplayer-…").setup({ advertising: (function() {` …,
 * in 47 of the 1 999 kw articles of RT_1 and NG_0). Its words are no names or themes of the article
 * (`Article`, `CLICK PAUSE` came out as organisations). Found by shape, as the other regions are:
 *
 * - a script line: its first letter Latin, Latin letters at least twice its Cyrillic ones, and the
 *   marks of code (`{ } ; = ( )`) three or more, a brace or `=` among them, and at least one per 40
 *   characters; or a comment line starting with `//`; or a line `shape.ts` classes as code whose
 *   first letter is Latin;
 * - a block: two script lines or more in a row, or one line of `shape.ts`'s code class.
 *
 * English prose has too few of those marks per character; Russian prose too few Latin letters.
 */
import { classify, isAsciiLetter, Shape } from './shape.js';
import type { Line } from './lines.js';

/** A code block as line indices [from, to], inclusive. */
export interface CodeBlock { from: number; to: number }

/** At least one code mark per this many characters of a script line. */
const CHARS_PER_MARK = 40;
const MIN_MARKS = 3;

/**
 * The code blocks among lines [first, last] (the body's lines), in order.
 * @example
 * const lines = splitLines('Текст статьи.\njwplayer.key="abc==";\njwplayer("p").setup({ a: 1 });\nЕщё текст.');
 * findCode(text, lines, 0, lines.length - 1); // [{ from: 1, to: 2 }]
 */
export function findCode(text: string, lines: readonly Line[], first: number, last: number): CodeBlock[] {
  const out: CodeBlock[] = [];
  let k = first;
  while (k <= last) {
    if (!scriptLine(text, lines[k])) { k++; continue; }
    let end = k;
    while (end + 1 <= last && scriptLine(text, lines[end + 1])) end++;
    if (end > k || classify(text, lines[k]) === Shape.Code) out.push({ from: k, to: end });
    k = end + 1;
  }
  return out;
}

/** One line of script code (see the module's comment). */
function scriptLine(text: string, line: Line): boolean {
  const { start, end } = line;
  if (end - start >= 2 && text.charCodeAt(start) === 0x2f && text.charCodeAt(start + 1) === 0x2f) return true;
  // A line whose first letter is Cyrillic is prose (code starts with a Latin name or a mark): most
  // lines of a Russian text end here, without the count below.
  let i = start;
  while (i < end && !isLetter(text.charCodeAt(i))) i++;
  if (i < end && text.charCodeAt(i) >= 0x400) return false;
  let latin = 0;
  let cyrillic = 0;
  let marks = 0;
  let braces = 0;
  for (i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiLetter(c)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c === 0x7b || c === 0x7d || c === 0x3d) { marks++; braces++; }
    else if (c === 0x3b || c === 0x28 || c === 0x29) marks++;
  }
  if (latin < 2 * cyrillic || latin === 0) return false;
  // (A brace or an equals sign among them: English prose has parentheses and semicolons too.)
  if (marks >= MIN_MARKS && braces > 0 && marks * CHARS_PER_MARK >= end - start) return true;
  return classify(text, line) === Shape.Code;
}

/** A Latin (ASCII) or Cyrillic letter. */
function isLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x400 && c <= 0x4ff);
}
