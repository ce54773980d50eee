import type { Tok } from '../doc.js';
import type { TokenKind } from '../types.js';
import * as chars from './chars.js';
import { readWordSet } from '../data-file.js';
import { isAsciiDigit } from '../letters.js';
import { tagEndAt } from '../markup.js';

// Local copies: some loaders (tsx, ts-jest) turn imported bindings into getter calls, which would
// cost a function call per character in the scanner.
const {
  astralClass, bmpTable, DIGIT, EMOJI, EMOJI_PART, EMOJI_TEXT, FORMAT, HIGH_SURROGATE, LETTER,
  LOW_SURROGATE, MARK, PUNCT, SPACE, SYMBOL,
} = chars;

/*
 * The tokenizer follows razdel's model: the text is cut into atoms (a run of letters and digits,
 * one punctuation mark, one emoji sequence, one other character) and small named rules join an
 * atom to the token before it when nothing but the rule's delimiter stands between them
 * (`Касым-Жомарт`, `3,5`, `Christie’s`, `...`). Only one rule joins across a space: thousands
 * groups (`500 000`). The scanner reads the text once, by character code; it allocates nothing
 * but the Tok objects and their text.
 */

const HYPHEN = 0x2d, HYPHEN_U = 0x2010, NB_HYPHEN = 0x2011;
const APOSTROPHE = 0x27, RIGHT_SINGLE = 0x2019, MODIFIER_APOSTROPHE = 0x2bc;
const DOT = 0x2e, COMMA = 0x2c, COLON = 0x3a, SLASH = 0x2f, UNDERSCORE = 0x5f;
const AT = 0x40, HASH = 0x23, STAR = 0x2a, AMP = 0x26, SEMICOLON = 0x3b, PLUS = 0x2b;
const EXCLAIM = 0x21, QUESTION = 0x3f, BACKTICK = 0x60;
const OPEN_PAREN = 0x28, CLOSE_PAREN = 0x29, NEWLINE = 0x0a, LESS = 0x3c;
const VS16 = 0xfe0f, VS15 = 0xfe0e, ZWJ = 0x200d, KEYCAP = 0x20e3, BOM = 0xfeff;

let urlRe: RegExp | undefined;
let domainRe: RegExp | undefined;
// Lengths are capped so that a pattern never scans far past a link's plausible end.
const EMAIL_RE = /[\p{L}\p{N}_%+-]{1,64}(?:\.[\p{L}\p{N}_%+-]{1,64}){0,8}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}])/uy;
const ENTITY_RE = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});/iy;

/*
 * Two cheap scans say where the email and domain patterns cannot match, so that they run (and V8
 * compiles them: their \p{L} classes cost ~9 ms of a fresh process's first analysis) only where
 * they might. Both are looser than their pattern: they stop only at an ASCII character the pattern
 * cannot cross, and let every other character through. A scan starts only where a link may (see
 * linkMayStart), so the text is read at most a bounded stretch per token.
 */

/** An ASCII letter or digit. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isAsciiDigit(c);
}

/** Letters, digits and `_ % + - .` of ASCII: what an email's local part may hold. */
function isLocalPartAscii(c: number): boolean {
  return isAsciiAlnum(c) || c === UNDERSCORE || c === 0x25 || c === PLUS || c === HYPHEN || c === DOT;
}

/** Whether an @ follows i within an email's longest local part (64 × 9 characters and 8 dots). */
function mayBeEmail(text: string, i: number): boolean {
  const end = Math.min(text.length, i + 585);
  for (let k = i; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === AT) return true;
    if (c < 0x80 && !isLocalPartAscii(c)) return false;
  }
  return false;
}

/** Whether a dot follows i within a domain's longest label (63 characters of letters, digits, hyphens). */
function mayBeDomain(text: string, i: number): boolean {
  const end = Math.min(text.length, i + 64);
  for (let k = i + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === DOT) return true;
    if (c < 0x80 && !isAsciiAlnum(c) && c !== HYPHEN) return false;
  }
  return false;
}

/** Loads the TLD list once and builds the two link patterns from it. */
function linkPatterns(): [RegExp, RegExp] {
  if (urlRe === undefined || domainRe === undefined) {
    const tlds = [...tldSet()];
    const label = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
    const tail = '[^\\s<>"«»\\[\\]{}|\\\\^`]{0,500}';
    urlRe = new RegExp(`(?:(?:https?|ftp)://|www\\.)${tail}`, 'iuy');
    domainRe = new RegExp(`(?:${label}\\.){1,8}(?:${tlds.join('|')})(?![\\p{L}\\p{N}])(?::\\d{1,5})?(?:/${tail})?`, 'iuy');
  }
  return [urlRe, domainRe];
}

let tlds: Set<string> | undefined;

/** The TLD list as a set (for `.РФ` standing alone). */
function tldSet(): Set<string> {
  if (tlds === undefined) {
    tlds = readWordSet(new URL('./tlds.txt', import.meta.url));
  }
  return tlds;
}

/** Marks whose runs are one token (`~~~~`, `----`, `____`); not brackets, quotes, `.!?` (own rules). */
function repeatable(code: number): boolean {
  switch (code) {
    case 0x28: case 0x29: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0xab: case 0xbb: case 0x201e:
    case 0x201c: case 0x201d: case 0x22: case DOT: case EXCLAIM: case QUESTION: case 0x2026:
      return false;
    default:
      return true;
  }
}

/** Characters a link does not end with (sentence punctuation and closing marks after it). */
function isLinkTrailer(code: number): boolean {
  return code === DOT || code === COMMA || code === COLON || code === SEMICOLON || code === EXCLAIM ||
    code === QUESTION || code === CLOSE_PAREN || code === APOSTROPHE || code === 0x22 || code === 0xbb ||
    code === 0x201d || code === RIGHT_SINGLE || code === 0x2026;
}

function isHyphen(code: number): boolean {
  return code === HYPHEN || code === HYPHEN_U || code === NB_HYPHEN;
}

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_SINGLE || code === MODIFIER_APOSTROPHE;
}

/** Spaces a thousands separator may be: plain, no-break, narrow no-break, thin. */
function isGroupSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

function isSkinTone(cp: number): boolean {
  return cp >= 0x1f3fb && cp <= 0x1f3ff;
}

function isRegional(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

function isTag(cp: number): boolean {
  return cp >= 0xe0020 && cp <= 0xe007f;
}

const RE_PUNCT_CHAR = /^\p{P}$/u;

/**
 * A token as the tokenizer makes it: a class rather than an object literal, because V8 tracks
 * literals by allocation site and, seeing a document's tokens alive at every young-generation
 * collection, starts allocating them straight in the old generation, where they pile up as
 * garbage until a full collection.
 */
class Token implements Tok {
  constructor(public start: number, public end: number, public text: string, public kind: TokenKind) {}
}

class Scanner {
  private readonly T = bmpTable();
  /** Open round brackets on the current line: `)))` closes them or is a smiley. */
  private parenDepth = 0;
  /** The last run of one bracket measured (parenRunEnd): its bracket and [start, end). */
  private runCode = 0;
  private runStart = 0;
  private runEnd = 0;
  readonly tokens: Tok[] = [];

  constructor(private readonly text: string) {}

  /** Class of the code point at j (0 past the end); lone surrogates are symbols. */
  cls(j: number): number {
    const text = this.text;
    if (j >= text.length) return 0;
    const code = text.charCodeAt(j);
    const c = this.T[code];
    if (c === HIGH_SURROGATE) {
      const low = j + 1 < text.length ? text.charCodeAt(j + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) return astralClass(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      return SYMBOL;
    }
    if (c === LOW_SURROGATE) return SYMBOL;
    return c;
  }

  /** Length in code units of the code point at j. */
  width(j: number): number {
    const code = this.text.charCodeAt(j);
    if (code >= 0xd800 && code <= 0xdbff && j + 1 < this.text.length) {
      const low = this.text.charCodeAt(j + 1);
      if (low >= 0xdc00 && low <= 0xdfff) return 2;
    }
    return 1;
  }

  cp(j: number): number {
    return this.text.codePointAt(j) ?? 0;
  }

  push(start: number, end: number, kind: TokenKind): void {
    this.tokens.push(new Token(start, end, this.text.slice(start, end), kind));
  }

  run(): Tok[] {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      const c = this.cls(i);
      if (c === SPACE) {
        if (code === NEWLINE) this.parenDepth = 0;
        i++;
        continue;
      }
      i = this.token(i, c);
    }
    return this.tokens;
  }

  /** Scans one token starting at i (class c); returns its end after pushing it. */
  token(i: number, c: number): number {
    if (c === EMOJI || c === EMOJI_TEXT || c === EMOJI_PART || this.keycapAt(i)) {
      const emojiEnd = this.emojiRun(i);
      if (emojiEnd > i) {
        this.push(i, emojiEnd, 'emoji');
        return emojiEnd;
      }
    }
    if (c === LETTER || c === DIGIT) return this.word(i);
    if (c === FORMAT && this.formatOpensWord(i)) return this.word(i);
    if (c === PUNCT || this.text.charCodeAt(i) === BACKTICK) return this.punct(i);
    // A symbol, an orphan mark or format character, a lone surrogate: one code point plus the
    // marks on it; `²`/`³` right after a word was taken by the word.
    const first = this.text.charCodeAt(i);
    if (first === 0x3d) {
      const smiley = this.emoticon(i); // =)
      if (smiley > i) {
        this.push(i, smiley, 'emoji');
        return smiley;
      }
    }
    if (first === LESS) {
      // joinTag: `<p>`, `</p>`, `<br />` left in scraped text are one symbol, not `p` or `br` words
      const tag = tagEndAt(this.text, i);
      if (tag > i) {
        this.push(i, tag, 'symbol');
        return tag;
      }
    }
    let end = i + this.width(i);
    if (c === SYMBOL && first < 0xd800) while (this.text.charCodeAt(end) === first) end++; // joinRepeated: ~~~~ ====
    end = this.marks(end);
    const kind: TokenKind = c === EMOJI_TEXT && RE_PUNCT_CHAR.test(String.fromCharCode(first)) ? 'punct' : 'symbol';
    this.push(i, end, kind);
    return end;
  }

  /** A keycap emoji (1️⃣, #️⃣) starts at i. */
  keycapAt(i: number): boolean {
    const text = this.text;
    const code = text.charCodeAt(i);
    if (!(isAsciiDigit(code) || code === HASH || code === STAR)) return false;
    const next = text.charCodeAt(i + 1);
    return next === KEYCAP || (next === VS16 && text.charCodeAt(i + 2) === KEYCAP);
  }

  /** Skips combining marks (accents, variation selectors) that belong to what precedes j. */
  marks(j: number): number {
    while (j < this.text.length && this.cls(j) === MARK) j += this.width(j);
    return j;
  }

  // ---- words and numbers ------------------------------------------------------------------

  /** Letters, digits and the joins between them: hyphens, apostrophes, decimals, thousands. */
  word(start: number): number {
    const text = this.text;
    let j = start;
    let hasLetter = false;
    /** Digits of the current run of digits, for the thousands rule. */
    let digitRun = 0;
    /** The token so far is digits in thousands groups only (`1`, `500 000`). */
    let plainGroups = true;
    const T = this.T;
    let firstAtom = true;
    /** Digit groups joined by hyphens so far (a phone number), so no later hyphen is a range. */
    let numberChain = false;
    for (;;) {
      // The atom: letters, digits, marks, and invisible format characters between them.
      for (;;) {
        // Never past the end: T[NaN] would turn this load, and with it the whole loop, generic.
        if (j >= text.length) break;
        const unit = text.charCodeAt(j);
        let c = T[unit];
        let w = 1;
        if (c >= HIGH_SURROGATE) {
          c = this.cls(j);
          w = this.width(j);
        }
        if (c === LETTER) {
          hasLetter = true;
          plainGroups = false;
          digitRun = 0;
        } else if (c === DIGIT) {
          digitRun++;
        } else if (c === MARK) {
          // stays in the word (stress accents: бо́льшая)
        } else if (c === FORMAT) {
          // soft hyphen, zero-width space or joiner inside a word or at its end: the word's
          const k = this.formatRunEnd(j);
          if (!this.formatGlues(k)) break;
          j = k;
          continue;
        } else if (unit === BOM && this.isWordChar(j + 1)) {
          // U+FEFF is whitespace to JavaScript's \s, but inside a word it is a zero-width no-break space
        } else break;
        j += w;
      }
      const code = j < text.length ? text.charCodeAt(j) : 0;
      if (firstAtom) {
        firstAtom = false;
        if (code === DOT || code === COLON || code === AT || code === UNDERSCORE || code === HYPHEN || code === PLUS) {
          const link = this.link(start, j, code);
          if (link > start) return link;
        }
      }
      const prev = this.cls(j - 1);
      const next = this.cls(j + 1);
      if (isHyphen(code) && (next === LETTER || next === DIGIT) &&
          !(next === DIGIT && !hasLetter && !numberChain && this.numberRange(j + 1))) {
        // joinHyphen: Касым-Жомарт, из-за, Оскар-2025, 28-летний, ТМА-11, 8-800-555-35-35
        if (next === DIGIT && !hasLetter) numberChain = true;
        j++;
        plainGroups = false;
        digitRun = 0;
        continue;
      }
      if (isHyphen(code) && hasLetter && this.suspendedHyphen(j + 1)) {
        // joinSuspendedHyphen: «теле- и радиоканалы»: the hyphen stays with its word
        j++;
        break;
      }
      if (code === UNDERSCORE && (next === LETTER || next === DIGIT)) {
        // joinUnderscore: snake_case, hotel_grafit
        j++;
        plainGroups = false;
        digitRun = 0;
        continue;
      }
      if (isApostrophe(code) && prev === LETTER && next === LETTER) {
        // joinApostrophe: Christie’s, О’Рейли, д'Артаньян
        j++;
        continue;
      }
      if (!hasLetter && digitRun > 0 && next === DIGIT &&
          (code === DOT || code === COMMA || code === COLON || code === SLASH)) {
        // joinDecimal: 3,5  1.5  24.01.2025  19:28  3:0  1/2
        j++;
        plainGroups = false;
        digitRun = 0;
        continue;
      }
      if (plainGroups && digitRun >= 1 && digitRun <= 3 && isGroupSpace(code) && this.thousandsGroup(j + 1)) {
        // joinThousands: 500 000, 1 250 000
        j++;
        digitRun = 0;
        continue;
      }
      if (hasLetter && (code === 0xb2 || code === 0xb3)) {
        // joinSuperscript: км², м³
        j++;
        continue;
      }
      break;
    }
    j = this.marks(j);
    this.push(start, j, hasLetter ? 'word' : 'number');
    return j;
  }

  /**
   * The invisible format characters before k (where their run ends) belong to the word they touch: web copy leaves
   * zero-width spaces and soft hyphens at a word's edges as well as inside it, and a symbol token
   * of its own would stand between a first name and a surname. Not before an emoji, whose ZWJ
   * sequences are the emoji's.
   */
  formatGlues(k: number): boolean {
    const after = this.cls(k);
    return after !== EMOJI && after !== EMOJI_TEXT && after !== EMOJI_PART && !this.keycapAt(k);
  }

  /** The end of the run of format characters at j. */
  formatRunEnd(j: number): number {
    while (this.cls(j) === FORMAT) j += this.width(j);
    return j;
  }

  /** A run of format characters at i, then a letter or digit: the word starts at i. */
  formatOpensWord(i: number): boolean {
    const k = this.formatRunEnd(i);
    // As `word` reads it: a format run before a keycap (\u202e1⃣) is not the word's, and `word`
    // would end where it started, an empty token the loop would push for ever.
    return (this.cls(k) === LETTER || this.cls(k) === DIGIT) && this.formatGlues(k);
  }

  isWordChar(j: number): boolean {
    const c = this.cls(j);
    return c === LETTER || c === DIGIT || c === MARK;
  }

  /**
   * splitRange: `2007-2008`, `5-6 лет` are two numbers and a dash (as the treebanks have them);
   * a third group (`8-800-555`) makes a phone or code number, one token.
   */
  numberRange(j: number): boolean {
    const text = this.text;
    while (this.cls(j) === DIGIT) j++;
    return !(isHyphen(text.charCodeAt(j)) && this.cls(j + 1) === DIGIT) && this.cls(j) !== LETTER;
  }

  /** After `теле-`: a space, then `и`/`или`/`либо` and a space (`теле- и радио`). */
  suspendedHyphen(j: number): boolean {
    const text = this.text;
    if (text.charCodeAt(j) !== 0x20) return false;
    const w = text.charCodeAt(j + 1);
    if (w !== 0x438) return false; // и
    if (text.charCodeAt(j + 2) === 0x20) return true;
    return (text.startsWith('или ', j + 1) || text.startsWith('либо ', j + 1));
  }

  /** Exactly three digits at j, not followed by another digit or a letter. */
  thousandsGroup(j: number): boolean {
    const text = this.text;
    if (!(isAsciiDigit(text.charCodeAt(j)) && isAsciiDigit(text.charCodeAt(j + 1)) && isAsciiDigit(text.charCodeAt(j + 2)))) return false;
    const after = this.cls(j + 3);
    return after !== DIGIT && after !== LETTER;
  }

  // ---- links ---------------------------------------------------------------------------------

  /**
   * A url, a bare domain (Lenta.ru) or an email starting at i, whose first run of letters ends at
   * j before `code`; pushes it and returns its end, or returns i. The patterns run only when that
   * character is one a link continues with, so ordinary words never pay for them.
   */
  link(i: number, j: number, code: number): number {
    const text = this.text;
    if (!this.linkMayStart(i)) return i;
    const after = this.cls(j + 1);
    if (after === SPACE || after === 0) return i;
    if (code === HYPHEN && after !== LETTER && after !== DIGIT) return i;
    EMAIL_RE.lastIndex = i;
    if (mayBeEmail(text, i) && EMAIL_RE.test(text)) {
      this.push(i, EMAIL_RE.lastIndex, 'email');
      return EMAIL_RE.lastIndex;
    }
    if (code !== DOT && code !== COLON && code !== HYPHEN) return i;
    const [url, domain] = linkPatterns();
    if (code !== HYPHEN) {
      url.lastIndex = i;
      if (url.test(text)) return this.pushLink(i, url.lastIndex);
    }
    if (code !== COLON && mayBeDomain(text, i)) {
      domain.lastIndex = i;
      if (domain.test(text)) return this.pushLink(i, domain.lastIndex);
    }
    return i;
  }

  pushLink(start: number, end: number): number {
    end = this.trimLink(start, end);
    this.push(start, end, 'url');
    return end;
  }

  /**
   * Links are looked for only where one can begin: after a space or an opening mark, not inside
   * a run like `a.b.c`. This also keeps the patterns (whose length is capped) from rescanning a
   * long run of dots at every letter.
   */
  linkMayStart(i: number): boolean {
    if (i === 0) return true;
    const c = this.cls(i - 1);
    if (c === SPACE) return true;
    if (c !== PUNCT && c !== SYMBOL) return false;
    const code = this.text.charCodeAt(i - 1);
    return !(code === DOT || code === HYPHEN || code === SLASH || code === AT || code === UNDERSCORE || code === COLON ||
      code === QUESTION || code === AMP || code === 0x3d || code === HASH || code === 0x25 || code === PLUS || code === 0x7e);
  }

  /** Drops sentence punctuation from a link's end; keeps `)` that closes a `(` inside it. */
  trimLink(start: number, end: number): number {
    const text = this.text;
    while (end > start + 1 && isLinkTrailer(text.charCodeAt(end - 1))) {
      if (text.charCodeAt(end - 1) === CLOSE_PAREN) {
        let open = 0;
        for (let k = start; k < end - 1; k++) {
          const c = text.charCodeAt(k);
          if (c === OPEN_PAREN) open++;
          else if (c === CLOSE_PAREN) open--;
        }
        if (open > 0) break;
      }
      end--;
    }
    return end;
  }

  // ---- punctuation -------------------------------------------------------------------------

  punct(i: number): number {
    const text = this.text;
    const n = text.length;
    const code = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const prevCls = i > 0 ? this.cls(i - 1) : SPACE;
    let j = i + 1;
    let kind: TokenKind = 'punct';
    const afterTag = code === HASH && this.tokens.length > 0 && this.tokens[this.tokens.length - 1].end === i &&
      this.tokens[this.tokens.length - 1].kind === 'hashtag';
    if ((code === HASH || code === AT) && (afterTag || (prevCls !== LETTER && prevCls !== DIGIT)) && (this.isWordChar(i + 1) || next === UNDERSCORE)) {
      // hashtag / mention: #безумных, @screened-32, @ivan.petrov
      j = this.handle(i + 1, code === AT);
      this.push(i, j, code === HASH ? 'hashtag' : 'mention');
      return j;
    }
    if (code === DOT) {
      // joinDots: ... (and longer runs)
      while (j < n && text.charCodeAt(j) === DOT) j++;
      if (j === i + 1 && prevCls === SPACE) {
        const zone = this.zoneName(i + 1);
        if (zone > i + 1) {
          this.push(i, zone, 'url');
          return zone;
        }
      }
    } else if (code === EXCLAIM || code === QUESTION) {
      // joinEndings: ?! !!! ?.. !..
      while (j < n && (text.charCodeAt(j) === EXCLAIM || text.charCodeAt(j) === QUESTION)) j++;
      if (j + 1 < n && text.charCodeAt(j) === DOT && text.charCodeAt(j + 1) === DOT) {
        while (j < n && text.charCodeAt(j) === DOT) j++;
      }
    } else if ((code === COLON || code === SEMICOLON) && this.emoticon(i) > i) {
      j = this.emoticon(i);
      kind = 'emoji';
    } else if (code === CLOSE_PAREN || code === OPEN_PAREN) {
      // joinSmiley: `))))` or `((` that close no bracket is a smiley, one token
      const k = this.parenRunEnd(i, code);
      if (code === OPEN_PAREN) {
        if (k - i >= 2 && (k >= n || this.cls(k) === SPACE || this.cls(k) === PUNCT)) j = k;
        else this.parenDepth += 1;
      } else if (k - i >= 2 && this.parenDepth === 0) {
        j = k;
      } else if (this.parenDepth > 0) {
        this.parenDepth--;
      }
    } else if (code === AMP) {
      // joinEntity: &#39; &quot; left in scraped text
      ENTITY_RE.lastIndex = i;
      if (ENTITY_RE.test(text)) {
        j = ENTITY_RE.lastIndex;
        kind = 'symbol';
        // a doubled entity is one mark, as `''` is: &#39;&#39;
        if (text.startsWith(text.slice(i, j), j)) j += j - i;
      }
    } else if (code >= 0xd800) {
      j = i + this.width(i);
    } else if (repeatable(code)) {
      // joinRepeated: -- `` '' ~~~~ ____ ・・・ ***: a run of one mark is one token
      while (j < n && text.charCodeAt(j) === code) j++;
    }
    j = this.marks(j);
    this.push(i, j, kind);
    return j;
  }

  /**
   * The end of the run of brackets `code` that holds i. Remembered for the run: each bracket of a
   * run that is no smiley is a token of its own, and measuring the run again from each made
   * `((((…текст…))))` quadratic (100 000 brackets: 6 s).
   */
  private parenRunEnd(i: number, code: number): number {
    if (code !== this.runCode || i < this.runStart || i >= this.runEnd) {
      const text = this.text;
      let k = i + 1;
      while (k < text.length && text.charCodeAt(k) === code) k++;
      this.runCode = code;
      this.runStart = i;
      this.runEnd = k;
    }
    return this.runEnd;
  }

  /** zoneName: `.РФ`, `.ru` after a space — a domain zone named on its own; returns its end or j. */
  zoneName(j: number): number {
    let k = j;
    while (this.cls(k) === LETTER && k - j <= 12) k++;
    if (k === j || this.isWordChar(k)) return j;
    return tldSet().has(this.text.slice(j, k).toLowerCase()) ? k : j;
  }

  /** `:)`, `:-(`, `;)`, `:D` starting at i; returns its end or i. */
  emoticon(i: number): number {
    const text = this.text;
    if (i > 0 && this.cls(i - 1) === DIGIT) return i;
    const n = text.length;
    // Reads stay within the text (a read past its end deoptimises): `:` may be its last character.
    let j = i + 1;
    if (j < n && text.charCodeAt(j) === HYPHEN) j++;
    const c = j < n ? text.charCodeAt(j) : -1;
    if (c === CLOSE_PAREN || c === OPEN_PAREN) {
      if (c === CLOSE_PAREN && this.parenDepth > 0) return i;
      while (j < n && text.charCodeAt(j) === c) j++;
      return this.isWordChar(j) ? i : j;
    }
    if ((c === 0x44 || c === 0x50) && !this.isWordChar(j + 1)) return j + 1; // D P
    return i;
  }

  /** The name after # or @: letters, digits, `_`; a mention may have inner `.` and `-`. */
  handle(j: number, mention: boolean): number {
    const text = this.text;
    for (;;) {
      while (this.isWordChar(j) || text.charCodeAt(j) === UNDERSCORE) j += this.width(j);
      const code = text.charCodeAt(j);
      if (mention && (code === DOT || code === HYPHEN) && (this.isWordChar(j + 1) || text.charCodeAt(j + 1) === UNDERSCORE)) {
        j++;
        continue;
      }
      return j;
    }
  }

  // ---- emoji -------------------------------------------------------------------------------

  /** End of a run of emoji sequences starting at i (joinEmojiRun: 😍😍😍), or i if none. */
  emojiRun(i: number): number {
    let j = this.emoji(i);
    if (j === i) return i;
    for (let k = this.emoji(j); k > j; k = this.emoji(j)) j = k;
    return j;
  }

  /**
   * One emoji sequence at i: a pictograph with its variation selector, skin tone, keycap or tag
   * sequence, ZWJ-joined with the next one (👩‍👩‍👧), a flag of two regional indicators, or a
   * keycap (1️⃣). Returns its end, or i when there is none.
   */
  emoji(i: number): number {
    const text = this.text;
    let j = this.emojiBase(i);
    if (j === i) return i;
    // Iterative, not recursive: a ZWJ chain can be as long as the text.
    for (;;) {
      const code = text.charCodeAt(j);
      const cp = this.cp(j);
      if (code === VS16 || code === VS15 || code === KEYCAP) j++;
      else if (isSkinTone(cp) || isTag(cp)) j += 2;
      else if (code === ZWJ) {
        const k = this.emojiBase(j + 1);
        if (k === j + 1) return j + 1; // a dangling ZWJ stays with the emoji
        j = k;
      } else return j;
    }
  }

  /** End of one emoji without its modifiers (a pictograph, a flag, a keycap) at i, or i. */
  emojiBase(i: number): number {
    const text = this.text;
    if (i >= text.length) return i;
    const code = text.charCodeAt(i);
    if (isAsciiDigit(code) || code === HASH || code === STAR) {
      // keycap: 1️⃣ or 1⃣; a bare digit before an emoji (1🌡) is a number
      let k = i + 1;
      if (text.charCodeAt(k) === VS16) k++;
      return text.charCodeAt(k) === KEYCAP ? k + 1 : i;
    }
    const c = this.cls(i);
    const w = this.width(i);
    if (c === EMOJI) return i + w;
    if (c === EMOJI_TEXT) {
      const after = text.charCodeAt(i + w);
      return after === VS16 || isSkinTone(this.cp(i + w)) ? i + w : i;
    }
    if (c === EMOJI_PART) {
      const cp = this.cp(i);
      if (isRegional(cp) && isRegional(this.cp(i + w))) return i + w + 2; // a flag
      return isTag(cp) ? i : i + w; // tags only follow a base
    }
    return i;
  }
}

/**
 * Splits text into tokens. Every character that is not whitespace (JavaScript `\s`) belongs to
 * exactly one token; tokens are in order and never overlap. Never throws.
 * @example
 * tokenize('Касым-Жомарт Токаев: «3,5 млрд»').map((t) => t.text);
 * // ['Касым-Жомарт', 'Токаев', ':', '«', '3,5', 'млрд', '»']
 */
export function tokenize(text: string): Tok[] {
  return new Scanner(text).run();
}
