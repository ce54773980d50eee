/**
 * The shape of one line, judged without reading its words: how long it is, how it starts (a number,
 * a bullet, an emoji), how it ends (sentence punctuation or not), whether it has letters at all.
 * Sidebars, menus and share counters are made of lines whose shape no article paragraph has.
 */
import type { Line } from './lines.js';
import { isSpace } from './lines.js';
import { isAsciiDigit } from '../letters.js';

/** What a line looks like. */
export enum Shape {
  /** A paragraph of running text: long, or ending like a sentence. */
  Text,
  /** A short line ending like a sentence (`Почему это важно?`): text, but could be a headline. */
  ShortText,
  /** A list item that continues a sentence (starts lower-case, or ends with `,` `;`): article content. */
  Continuation,
  /** A short line with no final punctuation: a headline, a caption, a list entry. */
  Short,
  /** Only punctuation or symbols: `-`, `***`, `———`. */
  Separator,
  /** Digits with next to no letters: `- 2756`, `24.01.2025 10:15`, `VK 12`. */
  Counter,
  /** Starts with a number, bullet or emoji and then a capital: `1🌡Прогноз…`, `• Новости`. */
  Item,
  /** One or two words, or several short items split by `|` `·` `•` `/`: a menu. */
  Menu,
  /** A short lead-in ending with a colon: `Читайте также:`. */
  Label,
  /** A bare web address or e-mail. */
  Link,
  /** Script or style code a copy picked up with the page: `jwplayer(…).setup({`. */
  Code,
}

/** Shapes that an article paragraph almost never has; two of them make a region boilerplate. */
export function isStrong(s: Shape): boolean {
  return s >= Shape.Separator;
}

/** A line longer than this is running text whatever its shape: no sidebar line is this long. */
const LONG_LINE = 300;
/** At most this long, a line ending like a sentence may still be a headline. */
const SHORT_TEXT = 100;
/** A line ending with a colon is a sidebar's label up to this many words. */
const LABEL_WORDS = 3;
/** A line without final punctuation longer than this is text that lost its full stop. */
const MAX_HEADLINE = 200;

const EMOJI_AT = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/uy;
const LETTER_AT = /\p{L}/uy;
const UPPER_AT = /[\p{Lu}\p{Lt}]/uy;

/** An ASCII (Latin) letter's code. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isLetterAt(text: string, i: number, c: number): boolean {
  if (isAsciiLetter(c) || (c >= 0x400 && c <= 0x52f)) return true;
  if (c < 0xc0) return false;
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(text);
}

/** Bullets and dashes that open list lines. */
function isBullet(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7 || c === 0x2a || c === 0x25aa
    || c === 0x25ba || c === 0x25b6 || c === 0x2023 || c === 0x2043 || c === 0x25cf || c === 0x25e6 || c === 0x3e
    || c === 0xbb;
}

/** Opening quotation marks and brackets that may stand before a headline's first letter. */
function isOpener(c: number): boolean {
  return c === 0x22 || c === 0xab || c === 0x201e || c === 0x201c || c === 0x27 || c === 0x28 || c === 0x5b;
}

/** Closing quotation marks and brackets to look past when reading how a line ends. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0xbb || c === 0x201c || c === 0x201d || c === 0x27 || c === 0x29 || c === 0x5d;
}

/** Variation selectors, zero-width joiners and skin tones that continue an emoji. */
function isEmojiTail(c: number): boolean {
  return c === 0xfe0f || c === 0xfe0e || c === 0x200d || c === 0x20e3 || (c >= 0xdc00 && c <= 0xdfff);
}

/**
 * Skips a leading list marker (`12.`, `3)`, `-`, `•`, an emoji, or a number glued to an emoji) and
 * the spaces after it; returns the first offset after the marker, or `start` when there is none.
 */
function skipMarker(text: string, start: number, end: number): number {
  let i = start;
  let marked = false;
  let digits = 0;
  while (i < end && digits < 3 && isAsciiDigit(text.charCodeAt(i))) { i++; digits++; }
  if (digits > 0) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x29) { i++; marked = true; }
  }
  const afterDigits = i;
  // Emoji after a number (`1🌡`) or on their own (`‼️`), possibly several.
  for (let k = 0; k < 4 && i < end; k++) {
    EMOJI_AT.lastIndex = i;
    if (!EMOJI_AT.test(text)) break;
    i = EMOJI_AT.lastIndex;
    while (i < end && isEmojiTail(text.charCodeAt(i))) i++;
    marked = true;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
  }
  if (!marked && digits === 0 && i < end && isBullet(text.charCodeAt(i))) {
    i++;
    marked = true;
  }
  if (!marked && digits > 0) {
    // `1 Headline`: a bare number then a space is a marker only when a capital follows.
    if (afterDigits < end && isSpace(text.charCodeAt(afterDigits))) marked = true;
  }
  if (!marked) return start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Counts `|`, `·`, `•` separators between menu entries, and ` / `, ` > `, ` » `, ` → ` between breadcrumbs. */
function menuSeparators(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c || c === 0xb7 || c === 0x2022 || c === 0xa6) n++;
    else if ((c === 0x2f || c === 0x3e || c === 0xbb || c === 0x203a || c === 0x2192)
      && isSpace(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i + 1))) n++;
  }
  return n;
}

/** Braces, semicolons and equals signs in this share of a line's first characters: code, not prose. */
const CODE_MARKS = 6;

function looksLikeCode(text: string, start: number, end: number): boolean {
  let marks = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x7d || c === 0x3b || c === 0x3d) marks++;
  }
  return marks >= CODE_MARKS && marks * 25 >= end - start;
}

const LINK = /^(?:https?:\/\/|www\.)\S+$|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/iu;

/**
 * Classifies one trimmed line by its shape.
 * @example
 * classify('- 2756', { start: 0, end: 6, gapBefore: false }) // Shape.Counter
 */
export function classify(text: string, line: Line): Shape {
  const { start, end } = line;
  const len = end - start;
  if (looksLikeCode(text, start, Math.min(end, start + LONG_LINE))) return Shape.Code;
  if (len > LONG_LINE) return Shape.Text;
  let letters = 0;
  let digits = 0;
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isLetterAt(text, i, c)) {
      letters++;
      if (!inWord) { words++; inWord = true; }
    } else {
      if (isAsciiDigit(c)) digits++;
      if (isSpace(c)) inWord = false;
    }
  }
  if (letters === 0) return digits === 0 ? Shape.Separator : Shape.Counter;
  if (words === 1 && len <= 200 && LINK.test(text.slice(start, end))) return Shape.Link;
  // A number with a name or a unit word or two: `2756 просмотров`, `24 января 2025`, `Telegram 45`.
  if (digits > 0 && letters <= 15 && len <= 40 && (words <= 1 || (words <= 3 && letters <= 3 * digits))) return Shape.Counter;

  // How the line ends, looking past closing quotes and brackets.
  let e = end - 1;
  while (e > start && isCloser(text.charCodeAt(e))) e--;
  const last = text.charCodeAt(e);
  const terminal = last === 0x2e || last === 0x21 || last === 0x3f || last === 0x2026;
  if (last === 0x2c || last === 0x3b) return Shape.Continuation;

  // `© 2024 Редакция.` ends like a sentence but is a footer.
  if (text.charCodeAt(start) === 0xa9) return Shape.Counter;
  const body = skipMarker(text, start, end);
  if (body > start && body < end) {
    let b = body;
    while (b < end && isOpener(text.charCodeAt(b))) b++;
    UPPER_AT.lastIndex = b;
    const upper = UPPER_AT.test(text);
    LETTER_AT.lastIndex = b;
    const letter = LETTER_AT.test(text);
    if (letter && !upper) return Shape.Continuation;
    const dash = isBullet(text.charCodeAt(start));
    // `— Мы не согласны, — сказал он.` is dialogue, not a list entry.
    if (upper && !(terminal && (dash || len > SHORT_TEXT))) return Shape.Item;
  }
  // `Читайте также:` labels a sidebar; `Министр назвал главные задачи:` is a sentence.
  if (last === 0x3a) return words <= LABEL_WORDS ? Shape.Label : Shape.ShortText;
  if (!terminal && menuSeparators(text, start, end) >= 2) return Shape.Menu;
  if (!terminal && words <= 2 && len <= 30 && digits === 0) return Shape.Menu;
  if (!terminal) return len <= MAX_HEADLINE ? Shape.Short : Shape.Text;
  return len <= SHORT_TEXT ? Shape.ShortText : Shape.Text;
}
