import { tagEndAt, tagStartBefore, withoutTags } from '../markup.js';
import { isSpaceCode } from '../segment/chars.js';
import type { Span } from '../types.js';

/** One outermost pair of quotation marks. */
export interface Quotation {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
  /** The text between the marks, trimmed of spaces; for a quotation over paragraphs, one span per paragraph. */
  parts: Span[];
}

// Character codes: reading text.charCodeAt avoids allocating a one-character string per
// Cyrillic character, which text[i] does.
const LAQUO = 0xab; // «
const RAQUO = 0xbb; // »
const LOW9 = 0x201e; // „
const LDQUO = 0x201c; // “
const RDQUO = 0x201d; // ”
const QUOT = 0x22; // "
const LSAQUO = 0x2039; // ‹
const RSAQUO = 0x203a; // ›
const SLOW9 = 0x201a; // ‚
const LSQUO = 0x2018; // ‘
const NL = 0x0a;
const CR = 0x0d;

/** The closing mark of an opening one, or -1. */
function closerOf(c: number): number {
  switch (c) {
    case LAQUO: return RAQUO;
    case LOW9: return LDQUO;
    case LDQUO: return RDQUO;
    case QUOT: return QUOT;
    case LSAQUO: return RSAQUO;
    case SLOW9: return LSQUO;
    default: return -1;
  }
}

/** A second closing mark an opening one takes: web copy closes `„` with `”` as often as with `“`. */
function altCloserOf(c: number): number {
  return c === LOW9 ? RDQUO : -1;
}

/** A line break at i: LF, or a CR not followed by LF (old Mac line ends). */
function isBreakAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === NL || (c === CR && text.charCodeAt(i + 1) !== NL);
}

/** Longest quotation we follow; an unclosed mark never swallows a whole long article. */
const MAX_LEN = 6000;

// The tokenizer's white space: a mark after an en or ideographic space opens like one after a
// plain space, as the tokens around it are read.
const isSpace = isSpaceCode;

function isFinal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026; // . ! ? …
}

/** Ends a paragraph as a sentence does: a new paragraph opening with a mark then continues the quotation. */
function endsSentence(text: string, i: number, from: number): boolean {
  let k = i - 1;
  for (;;) {
    while (k >= from && isSpace(text.charCodeAt(k))) k--;
    // `…обязательствам.</p>` and `….<br>`: the sentence ends before the tags.
    const tag = tagStartBefore(text, k + 1, from);
    if (tag < 0) break;
    k = tag - 1;
  }
  return k >= from && isFinal(text.charCodeAt(k));
}

/** The first offset from n on (before limit) that is neither a space nor in an HTML tag (`<p>«Мы…`). */
function skipSpacesAndTags(text: string, n: number, limit: number): number {
  for (;;) {
    while (n < limit && isSpace(text.charCodeAt(n))) n++;
    const tag = tagEndAt(text, n);
    if (tag < 0 || tag > limit) return n;
    n = tag;
  }
}

/** Web copy breaks lines around links and editorial notes («(… — \nRT\n)»): a short line is not a paragraph. */
function shortLine(text: string, at: number): boolean {
  let s = at;
  while (s > 0 && !isBreakAt(text, s - 1)) { s--; if (at - s > 60) return false; }
  let e = at;
  while (e < text.length && !isBreakAt(text, e)) { e++; if (e - s > 60) return false; }
  let n = 0;
  for (let k = s; k < e; k++) if (!isSpace(text.charCodeAt(k))) n++;
  return n < 40;
}

/** A straight " opens when it stands before a word and after a space, a bracket, a dash or the start. */
function straightOpens(text: string, i: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  const prevOk = prev === -1 || isSpace(prev) || prev === 0x28 || prev === 0x5b || prev === 0x2014 || prev === 0x2013 || prev === 0x2d || prev === LAQUO || prev === 0x3a;
  return prevOk && next !== -1 && !isSpace(next);
}

function straightCloses(text: string, i: number): boolean {
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  if (prev === -1 || isSpace(prev)) return false;
  return next === -1 || isSpace(next) || '.,;:!?…)]—–-»'.includes(String.fromCharCode(next));
}

/**
 * Finds the outermost quotation-mark pairs in text[start, end): « », „ “ (or „ ”), “ ”, ‹ ›, ‚ ‘, straight ".
 * Nested marks stay inside their outer pair; a quotation may run over paragraphs when each
 * paragraph opens with the mark; Russian typography that merges «…«…»» into one » is repaired by
 * closing at the last » of the paragraph.
 * @example
 * findQuotations('Он сказал: «Мы готовы».', 0, 23)[0].parts; // [{ start: 12, end: 21 }]
 */
export function findQuotations(text: string, start: number, end: number): Quotation[] {
  const out: Quotation[] = [];
  let i = start;
  // Where a failed scan for each opener stopped: no later opener of that kind can close before it
  // either, which keeps unbalanced text linear.
  let failedUpTo = -1;
  while ((i = nextOpener(text, i, end)) < end) {
    const c = text.charCodeAt(i);
    const closer = closerOf(c);
    if (closer !== -1 && i > failedUpTo && (c !== QUOT || straightOpens(text, i))) {
      const q = c === QUOT ? scanStraight(text, i, end) : scanNested(text, i, end, c, closer, altCloserOf(c));
      if (typeof q !== 'number') {
        out.push(q);
        i = q.close + 1;
        continue;
      }
      if (c !== QUOT) failedUpTo = Math.max(failedUpTo, q - 1);
    }
    i++;
  }
  return out;
}

const OPENER_RE = /[«„“"‹‚]/g;

/** The offset of the next character that may open a quotation, from i on; `end` when none is before it. */
function nextOpener(text: string, i: number, end: number): number {
  if (i >= end) return end;
  OPENER_RE.lastIndex = i;
  const m = OPENER_RE.exec(text);
  return m === null || m.index >= end ? end : m.index;
}

/** Scans one «…» (or „…“, “…”) quotation; on failure returns where the scan gave up. */
function scanNested(text: string, open: number, end: number, opener: number, closer: number, altCloser: number): Quotation | number {
  const limit = Math.min(end, open + MAX_LEN);
  const parts: Span[] = [];
  let partStart = open + 1;
  let depth = 1;
  let lastInner = -1; // a closer that took the depth from 2 to 1, in the current paragraph
  for (let k = open + 1; k < limit; k++) {
    const ch = text.charCodeAt(k);
    if (ch === closer || ch === altCloser) {
      depth--;
      if (depth === 0) {
        parts.push({ start: partStart, end: k });
        return finish(text, open, k, parts) ?? k;
      }
      if (depth === 1) lastInner = k;
    } else if (ch === opener) {
      depth++;
    } else if (ch === NL || (ch === CR && text.charCodeAt(k + 1) !== NL)) {
      const n = skipSpacesAndTags(text, k + 1, limit);
      if (text.charCodeAt(n) === opener && depth === 1 && endsSentence(text, k, partStart)) {
        // A quotation running over paragraphs: the next paragraph reopens it.
        parts.push({ start: partStart, end: k });
        partStart = n + 1;
        k = n;
        continue;
      }
      if (depth <= 2 && (!endsSentence(text, k, partStart) || shortLine(text, k - 1) || shortLine(text, n))) continue; // a line broken mid-sentence
      if (lastInner >= 0) {
        parts.push({ start: partStart, end: lastInner });
        return finish(text, open, lastInner, parts) ?? k;
      }
      return k;
    }
  }
  if (lastInner >= 0) {
    parts.push({ start: partStart, end: lastInner });
    return finish(text, open, lastInner, parts) ?? limit;
  }
  return limit;
}

function scanStraight(text: string, open: number, end: number): Quotation | number {
  const limit = Math.min(end, open + MAX_LEN);
  const parts: Span[] = [];
  let partStart = open + 1;
  for (let k = open + 1; k < limit; k++) {
    const ch = text.charCodeAt(k);
    if (ch === QUOT && straightCloses(text, k)) {
      parts.push({ start: partStart, end: k });
      return finish(text, open, k, parts) ?? k;
    }
    if (ch === NL || (ch === CR && text.charCodeAt(k + 1) !== NL)) {
      const n = skipSpacesAndTags(text, k + 1, limit);
      if (text.charCodeAt(n) === QUOT && endsSentence(text, k, partStart)) {
        parts.push({ start: partStart, end: k });
        partStart = n + 1;
        k = n;
        continue;
      }
      return k;
    }
  }
  return limit;
}

function finish(text: string, open: number, close: number, parts: Span[]): Quotation | null {
  const trimmed: Span[] = [];
  for (const p of parts) {
    let s = p.start;
    let e = p.end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s && (text.charCodeAt(s) === 0x3c || text.charCodeAt(e - 1) === 0x3e)) [s, e] = withoutTags(text, s, e);
    if (e > s) trimmed.push({ start: s, end: e });
  }
  return trimmed.length > 0 ? { open, close, parts: trimmed } : null;
}
