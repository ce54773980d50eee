/**
 * Promotion blocks inside the body: a site's link to another of its articles, pasted between two
 * paragraphs of this one (RT: `Также по теме` ⏎ a headline ⏎ the other article's lead, cut off
 * with `...`). Their headline and lead are another article's words: quotes and names there are
 * not this article's (the themes stage still reads them: the editors chose the link on the
 * article's topic). Found by shape, as the edge regions are (boilerplate.ts), never
 * by the label's words:
 *
 * - a label: one to four words, starting with a capital, with no punctuation at all;
 * - a headline: 3 to 25 words, starting with a capital, a digit or a quotation mark, with no
 *   final punctuation (a headline has none);
 * - a teaser: at least 8 words, cut off: it ends with `...` (or `....`, `…`);
 * - and the body goes on before and after it.
 *
 * Over the kw corpora's 2 998 articles this shape finds RT's `Также по теме` blocks (see the
 * README's Layout section for the counts) and nothing in NG's verse, whose short lines end with
 * commas or start in lower case.
 */
import { isSpace, type Line } from './lines.js';

/** A promotion block as line indices [from, to], inclusive. */
export interface Promo { from: number; to: number }

const LABEL_WORDS = 4;
const HEADLINE_MIN = 3;
const HEADLINE_MAX = 25;
const TEASER_MIN = 8;
const CREDIT_WORDS = 6;
const CREDIT_END = /[.!?:;,…»"]$/u;

/**
 * The promotion blocks among lines [first, last] (the body's lines), in order.
 * @example
 * const lines = splitLines(text);
 * findPromos(text, lines, 0, lines.length - 1); // [{ from: 7, to: 9 }]: label, headline, teaser
 */
export function findPromos(text: string, lines: readonly Line[], first: number, last: number): Promo[] {
  const out: Promo[] = [];
  // The body goes on before and after a promotion block: a title, a lead and a first paragraph cut
  // off (an RSS item, a teaser) have the same shape and are the article, or its start.
  for (let k = first + 3; k < last; k++) {
    if (!isTeaser(text, lines[k]) || !isHeadline(text, lines[k - 1]) || !isLabel(text, lines[k - 2])) continue;
    out.push({ from: k - 2, to: k });
  }
  return out;
}

/** Words separated by white space (as `trim` sees it, lines.ts). */
function words(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const LABEL = /^\p{Lu}[\p{L}\p{M}\s-]*$/u;
const HEADLINE_START = /^[\p{Lu}\d«"„“]/u;
const FINAL = /[.!?:;,…"]$/u;
const CUT_OFF = /\S(?:\.{3,4}|…)$/u;

function isLabel(text: string, line: Line): boolean {
  // The paragraph splitter may have joined the label to a photo credit above it (`РИА Новости ⏏
  // Также по теме`): a short line without final punctuation, not a sentence of the article.
  const cut = lastBreak(text, line);
  if (cut >= line.start) {
    const credit = text.slice(line.start, cut).trim();
    if (words(credit) > CREDIT_WORDS || CREDIT_END.test(credit)) return false;
  }
  const s = text.slice(cut + 1, line.end).trim();
  return s.length <= 60 && LABEL.test(s) && words(s) <= LABEL_WORDS;
}

function isHeadline(text: string, line: Line): boolean {
  const s = text.slice(line.start, line.end);
  if (s.length > 300 || !HEADLINE_START.test(s) || FINAL.test(s)) return false;
  const n = words(s);
  return n >= HEADLINE_MIN && n <= HEADLINE_MAX;
}

function lastBreak(text: string, line: Line): number {
  for (let i = line.end - 1; i >= line.start; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i;
  }
  return line.start - 1;
}

function isTeaser(text: string, line: Line): boolean {
  const s = text.slice(Math.max(line.start, line.end - 5), line.end);
  return CUT_OFF.test(s) && words(text.slice(line.start, line.end)) >= TEASER_MIN;
}
