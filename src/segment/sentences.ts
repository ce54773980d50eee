import type { Doc, Tok } from '../doc.js';
import { abbreviations, type Abbreviations } from './abbreviations.js';
import { readWordSet } from '../data-file.js';
import { isTagToken } from '../markup.js';

let openerSet: Set<string> | undefined;

/** Closed-class words that open a sentence glued to the previous text (openers.txt). */
function openers(): Set<string> {
  if (openerSet === undefined) {
    openerSet = readWordSet(new URL('./openers.txt', import.meta.url));
  }
  return openerSet;
}

export type Sentence = Doc['sentences'][number];

/*
 * Sentences, razdel's way: every gap after a sentence ending (`.`, `!`, `?`, `…` and their runs,
 * with any closing quotes and brackets stuck to them) is a candidate split, and small named rules
 * veto it: a lower-case word follows, an abbreviation or an initial precedes, a dash and a
 * lower-case word follow a quotation (`«Хорошо!» — сказал он`), a list number. A line break ends
 * a sentence unless the next line visibly continues it (a hard-wrapped line); headlines and list
 * lines without final punctuation end at their line break.
 */

const RE_LOWER = /^\p{Ll}/u;
const RE_UPPER = /^\p{Lu}/u;

function isLowerCode(code: number, s: string): boolean {
  if ((code >= 0x430 && code <= 0x44f) || code === 0x451 || (code >= 0x61 && code <= 0x7a)) return true;
  if ((code >= 0x410 && code <= 0x42f) || code === 0x401 || (code >= 0x41 && code <= 0x5a) || code < 0x80) return false;
  return RE_LOWER.test(s);
}

function isUpperCode(code: number, s: string): boolean {
  if ((code >= 0x410 && code <= 0x42f) || code === 0x401 || (code >= 0x41 && code <= 0x5a)) return true;
  if ((code >= 0x430 && code <= 0x44f) || code === 0x451 || code < 0x80) return false;
  return RE_UPPER.test(s);
}

/** The token begins with a lower-case letter. */
function startsLower(t: Tok): boolean {
  return t.kind === 'word' && isLowerCode(t.text.charCodeAt(0), t.text);
}

/** `.`, `!`, `?`, `…`, `...`, `?!`, `!!!`, `?..`, `‼`, `⁉`. */
function isEnding(t: Tok): boolean {
  if (t.kind !== 'punct') return false;
  const c = t.text.charCodeAt(0);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x203c || c === 0x2049;
}

const isTag = isTagToken;

const BLOCK_TAG = /^<\/?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|hr)\b/i;

/** A tag that breaks the line in a browser: a paragraph, a line break, a list item, a heading… */
function isBlockTag(t: Tok): boolean {
  return isTag(t) && BLOCK_TAG.test(t.text);
}

const ENTITY_CLOSERS = new Set(['&#39;', '&#39;&#39;', '&quot;', '&raquo;', '&rdquo;', '&#187;', '&#8221;']);

/** Closing quotes and brackets that stay with the sentence they close. */
function isCloser(t: Tok): boolean {
  if (t.kind === 'symbol') return ENTITY_CLOSERS.has(t.text);
  if (t.kind !== 'punct' || (t.text.length !== 1 && t.text !== "''")) return false;
  const c = t.text.charCodeAt(0);
  return c === 0xbb || c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x27 || c === 0x29 || c === 0x5d ||
    c === 0x7d || c === 0x201c;
}

/** Punctuation that continues the sentence when it follows an ending: `?»,` `т. д.)` `!..` */
function isDelimiter(t: Tok): boolean {
  if (t.kind !== 'punct') return false;
  const c = t.text.charCodeAt(0);
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x29 || c === 0xbb || c === 0x201d || c === 0x5d ||
    c === 0x7d || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

function isDash(t: Tok): boolean {
  if (t.kind !== 'punct' || t.text.length !== 1 && t.text !== '--') return false;
  const c = t.text.charCodeAt(0);
  return c === 0x2014 || c === 0x2013 || c === 0x2d || c === 0x2212 || c === 0x2012 || c === 0x2015;
}

function isDot(t: Tok): boolean {
  return t.kind === 'punct' && t.text === '.';
}

/**
 * What chat text puts at a sentence's end, after or instead of its stop: emoji, `)))`, `:)`,
 * hashtags, the blank braille pattern used as a spacer. It stays with the sentence before it.
 */
function isDecoration(t: Tok): boolean {
  if (t.kind === 'emoji') return !isBulletEmoji(t);
  if (t.kind === 'hashtag') return true;
  if (t.kind === 'symbol') return t.text.charCodeAt(0) === 0x2800;
  return t.kind === 'punct' && t.text.length >= 2 && (t.text.charCodeAt(0) === 0x29 || t.text.charCodeAt(0) === 0x28);
}

/** Emoji used as list bullets (1️⃣, ✅, 👉): they open the item after them, not close the one before. */
const BULLET_EMOJI = /^(?:[0-9#*]\uFE0F?\u20E3|[\u2714\u2705\u2611\u27A1\u25B6\u25AA\u{1F449}\u{1F539}\u{1F538}\u{1F4CC}\u{1F53A}\u{1F53B}]\uFE0F?)$/u;

function isBulletEmoji(t: Tok): boolean {
  return t.kind === 'emoji' && t.text.length <= 4 && BULLET_EMOJI.test(t.text);
}

const ROMAN = /^[IVXLC]+$/;
const BULLET_LETTER = /^[а-еa-f]$/i;

/** List numbering before the first word of an item: `1.`, `2)`, `IV.`, `а)`, `1.2.`. */
function isBullet(t: Tok): boolean {
  if (t.kind === 'number') return true;
  if (t.kind === 'punct') return t.text === '.' || t.text === ')';
  if (t.kind === 'word') return ROMAN.test(t.text) || BULLET_LETTER.test(t.text);
  return false;
}

const BULLET_SIZE = 20;

/** The longest headline titleRunIn looks for, in tokens. */
const TITLE_WORDS = 16;

/**
 * A sentence as the sentenizer makes it: a class rather than an object literal, for the reason
 * given at tokenize.ts's Token. V8 had marked the literal's allocation site for allocation straight
 * in the old generation (a document's sentences are alive at every young-generation collection
 * during its analysis), where every article's sentences stayed as garbage until a full collection.
 */
class SentenceSpan implements Sentence {
  constructor(public start: number, public end: number, public tokStart: number, public tokEnd: number) {}
}

class Sentenizer {
  private readonly abbr: Abbreviations = abbreviations();
  /** Index of the current sentence's first token. */
  private first = 0;
  /** Number of the last list item (`3.`) that opened a sentence on this line, or -1. */
  private lastBullet = -1;
  /** The current sentence has a word so far (an emoji after a list number does not end it). */
  private sawWord = false;
  /** The current sentence has only HTML tags so far. */
  private onlyTags = true;

  constructor(private readonly text: string, private readonly tokens: Tok[], private readonly forced: readonly number[]) {}

  run(): Sentence[] {
    const tokens = this.tokens;
    const out: Sentence[] = [];
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      if (tokens[i].kind === 'word' || tokens[i].kind === 'mention') this.sawWord = true;
      if (this.onlyTags && !isTag(tokens[i])) this.onlyTags = false;
      if (i === n - 1 || this.endsAfter(i)) {
        out.push(new SentenceSpan(tokens[this.first].start, tokens[i].end, this.first, i + 1));
        this.first = i + 1;
        this.sawWord = false;
        this.onlyTags = true;
      }
    }
    return out;
  }

  /** Whether a sentence ends between token i and token i + 1. */
  endsAfter(i: number): boolean {
    const tokens = this.tokens;
    const left = tokens[i];
    const right = tokens[i + 1];
    for (const f of this.forced) if (f > left.start && f <= right.start) return true;
    // htmlTags: tags that open a sentence are a sentence of their own, so that its first word is
    // first (`<p>По словам…`); a block tag (`<br>`, `</p>`) after text ends the sentence, as a line break would.
    if (right.kind === 'symbol' && isBlockTag(right) && !isTag(left)) return true;
    if (this.onlyTags && !isTag(right)) return true;
    const gapStart = left.end, gapEnd = right.start;
    if (gapStart === gapEnd) return false; // noSpaceAfter: т.е., конец.Начало, 3.5
    const breaks = this.newlines(gapStart, gapEnd);
    if (breaks > 0) {
      this.lastBullet = -1;
      return breaks > 1 || this.lineBreak(i);
    }
    if (this.inlineBullet(i + 1) || this.emojiBullet(i + 1)) return true;
    // The ending, behind the closing quotes and brackets stuck to it: `!»`, `.)`, `?"`.
    let e = i;
    while (e > this.first && isCloser(tokens[e]) && tokens[e - 1].end === tokens[e].start) e--;
    if (!isEnding(tokens[e])) {
      return this.smileyEnd(i) || this.linkEnd(i) || this.colonQuote(i) || this.gluedStart(i) || this.titleRunIn(i);
    }
    if (e === this.first && e === i) return false; // a sentence that is only an ending: `…` at a line start
    if (startsLower(right)) return false; // lowerRight
    if (isDelimiter(right)) return false; // delimiterRight
    if (isDecoration(right)) return false; // trailingDecoration: «Красиво! 😍😍😍» ends after the emoji
    if (isDash(right)) return !this.dashThenLower(i + 1); // dashRight: «Хорошо!» — сказал он.
    if (isDot(tokens[e])) {
      const verdict = this.abbreviation(e, right);
      if (verdict !== undefined) return verdict;
    }
    if (this.listItem(e)) {
      const num = tokens[this.first];
      if (e === this.first + 1 && num.kind === 'number' && num.text.length <= 2) this.lastBullet = Number(num.text);
      return false;
    }
    return true;
  }

  /** emojiBullet: `… годовые премии 4⃣ Отменить налоги`: a bullet emoji before a capital opens an item. */
  emojiBullet(k: number): boolean {
    const tokens = this.tokens;
    if (k === this.first || k + 1 >= tokens.length || !isBulletEmoji(tokens[k])) return false;
    const w = tokens[k + 1];
    return w.kind === 'word' && isUpperCode(w.text.charCodeAt(0), w.text);
  }

  /** linkEnd: a spelled-out link (`https://…`, `www.…`) before a capitalised word ends its sentence. */
  linkEnd(i: number): boolean {
    const left = this.tokens[i];
    const right = this.tokens[i + 1];
    if (left.kind !== 'url' || i === this.first || right.kind !== 'word' || !isUpperCode(right.text.charCodeAt(0), right.text)) return false;
    const c = left.text.charCodeAt(0);
    return (c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57) && /^(?:https?:|www\.)/i.test(left.text);
  }

  /**
   * inlineBullet: a numbered list flattened into one line, `1. Михаил … (922774 голоса) 2. Леван …`:
   * after an item `1.` opened a sentence, `2.` before a capitalised word opens the next one.
   */
  inlineBullet(k: number): boolean {
    const tokens = this.tokens;
    if (this.lastBullet < 0 || k + 2 >= tokens.length) return false;
    const n = tokens[k];
    if (n.kind !== 'number' || Number(n.text) !== this.lastBullet + 1) return false;
    if (!isDot(tokens[k + 1]) || tokens[k + 1].start !== n.end) return false;
    const w = tokens[k + 2];
    return w.kind === 'word' && isUpperCode(w.text.charCodeAt(0), w.text);
  }

  /** Line breaks (\n, \r alone, U+2028/2029) in the whitespace between two tokens. */
  newlines(from: number, to: number): number {
    const text = this.text;
    let count = 0;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x0a || c === 0x2028 || c === 0x2029 || (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) count++;
    }
    return count;
  }

  /** A single line break ends the sentence unless the next line continues a hard-wrapped one. */
  lineBreak(i: number): boolean {
    const left = this.tokens[i];
    const right = this.tokens[i + 1];
    // hardWrap: «…была\nзадержана» — a word or comma, then a lower-case word on the next line
    if (startsLower(right) && (left.kind === 'word' || left.kind === 'number' || left.text === ',')) return false;
    return true;
  }

  /** After a dash: the next word is lower case (the sentence goes on after a quotation). */
  dashThenLower(dash: number): boolean {
    const t = this.tokens[dash + 1];
    return t !== undefined && startsLower(t);
  }

  /**
   * Rules for a period after an abbreviation or an initial: false to join, true to split,
   * undefined when the word before the period is none of these.
   */
  abbreviation(dot: number, right: Tok): boolean | undefined {
    const tokens = this.tokens;
    if (dot === 0) return undefined;
    const w = tokens[dot - 1];
    if (w.kind !== 'word' || w.end !== tokens[dot].start) return undefined;
    const lw = w.text.toLowerCase();
    // pairAbbreviation: т. е. / т.е. / и т. д. / до н. э.
    if (dot >= 3 && isDot(tokens[dot - 2]) && tokens[dot - 3].kind === 'word' && tokens[dot - 3].end === tokens[dot - 2].start) {
      const key = `${tokens[dot - 3].text.toLowerCase()} ${lw}`;
      if (this.abbr.pairHead.has(key)) return false;
      if (this.abbr.pairTail.has(key)) return !this.continuesAbbreviation(right);
    }
    // initials: Н. А. Назарбаев, В.В. Путин, Дж. Буш (before the lists: `В.` is not `в.` = век)
    const c = w.text.charCodeAt(0);
    if (isUpperCode(c, w.text) && (w.text.length === 1 || (w.text.length === 2 && this.isMarkAt(w.text, 1)) || this.abbr.initial.has(lw))) return false;
    const head = this.abbr.head.has(lw);
    const tail = this.abbr.tail.has(lw);
    if (tail && (!head || this.afterNumber(dot - 1))) return !this.continuesAbbreviation(right); // tailAbbreviation
    if (head) return false; // headAbbreviation: ул. Абая, г. Астана
    return undefined;
  }

  isMarkAt(s: string, k: number): boolean {
    const c = s.charCodeAt(k);
    return c >= 0x300 && c <= 0x36f;
  }

  /** `2019 г.`, `287 с.`: the abbreviation follows a number (a year, a count). */
  afterNumber(w: number): boolean {
    if (w === 0) return false;
    const p = this.tokens[w - 1];
    return p.kind === 'number' || (p.kind === 'word' && p.text.charCodeAt(0) >= 0x30 && p.text.charCodeAt(0) <= 0x39);
  }

  /** After a tail abbreviation the sentence goes on before a number or punctuation (`тыс. 5`, `др.)`). */
  continuesAbbreviation(right: Tok): boolean {
    if (right.kind === 'number') return true;
    if (right.kind !== 'punct') return false;
    const c = right.text.charCodeAt(0);
    return !(c === 0xab || c === 0x22 || c === 0x201e || c === 0x201c || isDash(right) || c === 0x28);
  }

  /** listItem: only list numbering so far in this sentence (`1.`, `IV.`, `2.1.`). */
  listItem(e: number): boolean {
    const tokens = this.tokens;
    if (tokens[e].end - tokens[this.first].start > BULLET_SIZE) return false;
    for (let k = this.first; k <= e; k++) if (!isBullet(tokens[k])) return false;
    return true;
  }

  /**
   * colonQuote: `Он заявил: «Мы …»` — a quotation opening with a capital after a colon is a
   * sentence of its own (factRuEval's convention; the attribution stays in the sentence before).
   */
  colonQuote(i: number): boolean {
    const tokens = this.tokens;
    if (tokens[i].text !== ':' || i + 2 >= tokens.length) return false;
    const q = tokens[i + 1];
    const c = q.text.charCodeAt(0);
    if (q.text.length !== 1 || !(c === 0xab || c === 0x201e || c === 0x201c || c === 0x22)) return false;
    const w = tokens[i + 2];
    if (w.start !== q.end) return false;
    return (w.kind === 'word' && isUpperCode(w.text.charCodeAt(0), w.text)) || w.text === '...' || w.text === '…';
  }

  /**
   * gluedStart: a capitalised closed-class word right after a word, with no punctuation between,
   * starts a sentence: a headline run into its text (`Турция поможет татарам По итогам встреч`).
   * Not before a period (`В. Путин` is an initial).
   */
  gluedStart(i: number): boolean {
    const tokens = this.tokens;
    const left = tokens[i];
    const right = tokens[i + 1];
    if (right.kind !== 'word' || !isUpperCode(right.text.charCodeAt(0), right.text)) return false;
    if (!(left.kind === 'word' || left.kind === 'number' || (isCloser(left) && left.text !== ')'))) return false;
    if (right.text.length > 1 && isUpperCode(right.text.charCodeAt(1), right.text.slice(1))) return false; // ВЦИОМ, СНГ
    const after = tokens[i + 2];
    if (after === undefined || !startsLower(after)) return false;
    return openers().has(right.text.toLowerCase());
  }

  /**
   * titleRunIn: a headline run into the first sentence of the text by one space,
   * `Два в одном Звёзды отечественного рок-н-ролла встретятся…`. Mid-sentence, a capital after a
   * lower-case word is nearly always a name (`поездке Дмитрия Медведева`), so the split needs
   * evidence that the capitalised word is a common word: the text uses its stem in lower case
   * elsewhere (`звёзды`). Only in the text's first run of words, before any punctuation, after a
   * word that is not a preposition or conjunction (`в Лету`) nor part of a date (`2011 года Россия`).
   * Subheadings opening later paragraphs were tried too: there genitive names (`Место спикера
   * Палаты`) outnumbered the headlines.
   */
  titleRunIn(i: number): boolean {
    // Only the text's first TITLE_WORDS words: this keeps the text scans below bounded (linear).
    if (this.first !== 0 || i >= TITLE_WORDS) return false;
    const tokens = this.tokens;
    const left = tokens[i];
    const right = tokens[i + 1];
    if (right.kind !== 'word' || left.kind !== 'word' || right.text.length < 4) return false;
    if (!isUpperCode(right.text.charCodeAt(0), right.text) || !isLowerCode(right.text.charCodeAt(1), right.text.slice(1))) return false;
    const next = tokens[i + 2];
    if (next === undefined || next.kind !== 'word' || next.start - right.end !== 1) return false;
    if (!startsLower(left) && i !== this.first) return false;
    if (openers().has(left.text.toLowerCase())) return false;
    for (let k = this.first; k < i; k++) if (tokens[k].kind !== 'word') return false; // a title has only words
    if (i > this.first && tokens[i - 1].kind === 'number') return false;
    return this.usedInLowerCase(right.text);
  }

  /**
   * The word occurs elsewhere in the text in lower case, in the same or another inflection (its
   * last letter changed or one added): `звёзды` for `Звёзды`. Not a derived word: `японский` does
   * not make `Японии` a common noun.
   */
  usedInLowerCase(word: string): boolean {
    const lower = word.toLowerCase();
    const stem = lower.slice(0, lower.length - 1);
    const text = this.text;
    for (let at = text.indexOf(stem); at !== -1; at = text.indexOf(stem, at + 1)) {
      if (at > 0 && this.isLetterAt(at - 1)) continue;
      let end = at + stem.length;
      while (end < text.length && this.isLetterAt(end)) end++;
      if (end - at <= lower.length + 1) return true;
    }
    return false;
  }

  /** A letter, a hyphen, or what a word may hold unseen (a soft hyphen, a zero-width joiner, a combining mark). */
  isLetterAt(k: number): boolean {
    const c = this.text.charCodeAt(k);
    return c === 0x2d || isLowerCode(c, this.text[k]) || isUpperCode(c, this.text[k]) ||
      c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || (c >= 0x300 && c < 0x370);
  }

  /**
   * smileyEnd: chat text ends sentences with emoji, `)))` or hashtags (with or without a stop
   * before them) before a capitalised word or a reply's @mention.
   */
  smileyEnd(i: number): boolean {
    const left = this.tokens[i];
    if (!isDecoration(left) || !this.sawWord) return false;
    const right = this.tokens[i + 1];
    if (right.kind === 'mention') return true;
    return right.kind === 'word' && isUpperCode(right.text.charCodeAt(0), right.text);
  }
}

/**
 * Groups tokens into sentences. Every token belongs to exactly one sentence, in order.
 * `forced` lists character offsets where a sentence must end (e.g. the end of the article body).
 * @example
 * const text = '«Хорошо!» — сказал он. Н. А. Назарбаев пришёл.';
 * sentenize(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
 * // ['«Хорошо!» — сказал он.', 'Н. А. Назарбаев пришёл.']
 */
export function sentenize(text: string, tokens: Tok[], forced: readonly number[] = []): Sentence[] {
  return new Sentenizer(text, tokens, forced).run();
}
