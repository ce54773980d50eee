/**
 * Photo credits inside the body: `©` and the names whose picture it is, to the end of its raw line (`©
 * Wikimedia Commons/Public Domain`, `© РИА Новости / Максим Блинов`; a caption may stand before it
 * on the line, `Harrier GR3 © Wikimedia`): 645 in the 2 998 kw articles. The agency and the
 * photographer are no people or bodies of the article, and their words no themes; the tagger read
 * `Wikimedia` as a person, and a later `он` took it.
 */
import { isLineBreak, isSpace, type Line } from './lines.js';
import type { Span } from '../types.js';

/** The longest credit, in words after the mark: a longer stretch opened by `©` is prose (a copyright notice). */
const MAX_WORDS = 12;
const COPYRIGHT = '©';

/**
 * The credits among lines [first, last] (the body's lines), in order.
 * @example
 * const text = 'Текст статьи.\nHarrier GR3 © Wikimedia\nЕщё текст.';
 * findCredits(text, splitLines(text), 0, 2); // [{ start: 26, end: 37 }]
 */
export function findCredits(text: string, lines: readonly Line[], first: number, last: number): Span[] {
  const out: Span[] = [];
  if (first > last) return out;
  const end = lines[last].end;
  let k = first;
  // Each mark once, found by indexOf (most texts have none); the lines walked in step.
  for (let at = text.indexOf(COPYRIGHT, lines[first].start); at >= 0 && at < end; at = text.indexOf(COPYRIGHT, at + 1)) {
    while (k <= last && lines[k].end <= at) k++;
    if (k > last) break;
    const line = lines[k];
    if (at < line.start) continue; // between lines (a blank line's spaces)
    if (at > line.start && !isSpace(text.charCodeAt(at - 1))) continue; // inside a word
    // To the end of the text's own line: a paragraph splitter may have joined the next line to it
    // (` © Jim Young ⏎С другой стороны, …`: a trailing space before the break).
    let stop = at + 1;
    while (stop < line.end && !isLineBreak(text.charCodeAt(stop))) stop++;
    while (isSpace(text.charCodeAt(stop - 1))) stop--;
    if (wordsIn(text, at + 1, stop) > MAX_WORDS) continue;
    out.push({ start: at, end: stop });
    at = stop;
  }
  return out;
}

function wordsIn(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end && words <= MAX_WORDS; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
