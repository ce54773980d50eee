/**
 * Character classes for the segmenter's scanner. A lookup table for the Basic Multilingual Plane
 * (computed from Unicode property regexes, shipped as runs in char-classes.tsv), so the hot loop reads one byte per character
 * instead of running a regex per character; astral code points (emoji, rare scripts) go through
 * a small cached classifier.
 */

import { readFileSync } from 'node:fs';

export const SPACE = 1;
export const LETTER = 2;
export const DIGIT = 3;
/** Combining marks (stress accents, variation selectors, enclosing keycap): glue to what precedes. */
export const MARK = 4;
export const PUNCT = 5;
export const SYMBOL = 6;
/** Invisible format characters (soft hyphen, ZWJ, ZWNJ, bidi marks). */
export const FORMAT = 7;
/** A pictograph that is an emoji on its own (astral pictographs, ❤, ☀, ⌚…). */
export const EMOJI = 8;
/** A pictograph that is text unless a variation selector 16 follows (©, ®, ™, ‼, ↔…). */
export const EMOJI_TEXT = 9;
export const HIGH_SURROGATE = 10;
export const LOW_SURROGATE = 11;
/** Emoji components that are not pictographs: regional indicators, skin tones, tags. */
export const EMOJI_PART = 12;

let table: Uint8Array | undefined;
const RUNS_FILE = new URL('./char-classes.tsv', import.meta.url);

function mark(t: Uint8Array, all: string, re: RegExp, cls: number, only?: (cp: number) => boolean): void {
  re.lastIndex = 0;
  for (let m = re.exec(all); m !== null; m = re.exec(all)) {
    for (let i = m.index; i < m.index + m[0].length; i++) {
      if (only === undefined || only(i)) t[i] = cls;
    }
  }
}

/**
 * The BMP class table computed from this engine's Unicode property regexes (~15 ms): the
 * reference that `npm run build:chars` writes to char-classes.tsv and a test compares with it.
 * @example
 * buildBmpTable()['я'.charCodeAt(0)] === LETTER; // true
 */
export function buildBmpTable(): Uint8Array {
  const t = new Uint8Array(0x10000).fill(SYMBOL);
  const codes: number[] = new Array<number>(0x10000);
  // Surrogates stand in as NUL so that the string has one code unit per code point.
  for (let i = 0; i < 0x10000; i++) codes[i] = i >= 0xd800 && i <= 0xdfff ? 0 : i;
  let all = '';
  for (let i = 0; i < 0x10000; i += 4096) all += String.fromCharCode(...codes.slice(i, i + 4096));
  mark(t, all, /\p{P}+/gu, PUNCT);
  mark(t, all, /\p{L}+/gu, LETTER);
  mark(t, all, /\p{Nd}+/gu, DIGIT);
  mark(t, all, /\p{M}+/gu, MARK);
  mark(t, all, /\p{Cf}+/gu, FORMAT);
  mark(t, all, /\p{Extended_Pictographic}+/gu, EMOJI_TEXT);
  mark(t, all, /\p{Extended_Pictographic}+/gu, EMOJI, (cp) => cp >= 0x2300);
  mark(t, all, /\p{Emoji_Presentation}+/gu, EMOJI);
  mark(t, all, /\s+/gu, SPACE);
  for (let i = 0xd800; i <= 0xdbff; i++) t[i] = HIGH_SURROGATE;
  for (let i = 0xdc00; i <= 0xdfff; i++) t[i] = LOW_SURROGATE;
  t[0] = SYMBOL;
  return t;
}

/**
 * The table as runs, one line per run: the first code point (hex) and its class. Read from the
 * shipped file at start-up (under 1 ms) instead of building it.
 * @example
 * tableToRuns(buildBmpTable()).split('\n')[0]; // '0\t6'
 */
export function tableToRuns(t: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < t.length; i++) if (i === 0 || t[i] !== t[i - 1]) lines.push(`${i.toString(16)}\t${t[i]}`);
  return lines.join('\n') + '\n';
}

function tableFromRuns(text: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  const rows = text.split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
  for (let r = 0; r < rows.length; r++) {
    const from = parseInt(rows[r][0], 16);
    const to = r + 1 < rows.length ? parseInt(rows[r + 1][0], 16) : 0x10000;
    t.fill(Number(rows[r][1]), from, to);
  }
  return t;
}

/** The BMP class table (~65 KB), read once from char-classes.tsv (built here if the file is missing). */
export function bmpTable(): Uint8Array {
  if (table === undefined) {
    let runs: string | undefined;
    try { runs = readFileSync(RUNS_FILE, 'utf8'); } catch { runs = undefined; }
    table = runs !== undefined ? tableFromRuns(runs) : buildBmpTable();
  }
  return table;
}

/**
 * Whether a UTF-16 code is white space as the tokenizer reads it (the SPACE class: spaces, tabs,
 * line breaks, no-break and thin spaces); NaN, past a string's end, is not.
 * @example
 * isSpaceCode(0x202f); // true (narrow no-break space)
 * isSpaceCode('а'.charCodeAt(0)); // false
 */
export function isSpaceCode(c: number): boolean {
  return bmpTable()[c] === SPACE;
}

const astral = new Map<number, number>();
const RE_LETTER = /^\p{L}$/u;
const RE_DIGIT = /^\p{Nd}$/u;
const RE_MARK = /^\p{M}$/u;
const RE_PICTO = /^\p{Extended_Pictographic}$/u;
const RE_PUNCT = /^\p{P}$/u;
const RE_FORMAT = /^\p{Cf}$/u;

/** Class of a code point above U+FFFF. */
export function astralClass(cp: number): number {
  let c = astral.get(cp);
  if (c !== undefined) return c;
  const s = String.fromCodePoint(cp);
  if ((cp >= 0x1f1e6 && cp <= 0x1f1ff) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) c = EMOJI_PART;
  else if (RE_PICTO.test(s)) c = EMOJI;
  else if (RE_LETTER.test(s)) c = LETTER;
  else if (RE_DIGIT.test(s)) c = DIGIT;
  else if (RE_MARK.test(s)) c = MARK;
  else if (RE_PUNCT.test(s)) c = PUNCT;
  else if (RE_FORMAT.test(s)) c = FORMAT;
  else c = SYMBOL;
  if (astral.size < 4096) astral.set(cp, c);
  return c;
}
