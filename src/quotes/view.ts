import type { Context } from '../context.js';
import type { Doc } from '../doc.js';
import type { Quotation } from './marks.js';
import { foldYo, startsWithCapital } from '../letters.js';
import { isLineBreak } from '../layout/lines.js';
import { isTagToken } from '../markup.js';
import { firstEndingAfter } from '../spans.js';



/** View.shape of a word token. */
const WORD = -1;

/**
 * The longest piece of a sentence the patterns read as one, in tokens (and how far an attribution
 * clause may run): a longer sentence is read as pieces of REACH tokens, as if cut there. The
 * patterns scan from a cue to its piece's ends, once per cue: in a "sentence" of tens of thousands
 * of tokens with a cue every few (30 000 `Президент заявил: ` in a row, no full stop) that was
 * quadratic, 90 s. The longest sentence of the 2 998 kw articles has 452 tokens, so no real
 * sentence is cut.
 */
export const REACH = 500;

/**
 * Read-only helpers over a document for the quote patterns: token lookup by offset, token
 * properties through doc.morph, which quotation (if any) holds a token. Built once per document.
 */
export class View {
  readonly text: string;
  readonly n: number;
  /** Sentence index of each token. */
  readonly sentOf: Int32Array;
  /** Index of the quotation whose marks enclose the token (marks included), else -1. */
  readonly quoteOf: Int32Array;
  /** Tokens already claimed as cue or attribution by an earlier pattern. */
  readonly used: Uint8Array;
  /** First and last body token (end exclusive). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** 1 where a line break separates token i-1 from token i. */
  private readonly nl: Uint8Array;
  /**
   * Per token: WORD, or a one-character mark's code + 1 (not a word or a number), else 0. The
   * patterns test every token for a word or a mark, often several times: reading this array, not
   * the token objects, keeps those scans in one small block of memory.
   */
  private readonly shape: Int32Array;
  /** Each token's sentence clipped to its paragraph and cut every REACH tokens, as [pieceStart, pieceEnd). */
  private readonly pieceStart: Int32Array;
  private readonly pieceEnd: Int32Array;
  /** Lemmas with ё folded, for the lexicon lookups; filled on first use. */
  private readonly yoCache: Array<string | undefined>;
  /** Lower-cased token texts; filled on first use (the patterns ask for the same tokens often). */
  private readonly lowerCache: Array<string | undefined>;

  constructor(readonly doc: Doc, readonly ctx: Context, readonly quotations: Quotation[]) {
    this.text = doc.text;
    const toks = doc.tokens;
    this.n = toks.length;
    this.sentOf = new Int32Array(this.n).fill(-1);
    doc.sentences.forEach((s, si) => {
      for (let i = s.tokStart; i < s.tokEnd && i < this.n; i++) this.sentOf[i] = si;
    });
    this.quoteOf = new Int32Array(this.n).fill(-1);
    quotations.forEach((q, qi) => {
      for (let i = this.tokAt(q.open); i < this.n && toks[i].start <= q.close; i++) this.quoteOf[i] = qi;
    });
    this.used = new Uint8Array(this.n);
    this.bodyStart = this.tokAt(doc.body.start);
    this.bodyEnd = this.tokAt(doc.body.end);
    this.nl = new Uint8Array(this.n);
    this.shape = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const t = toks[i];
      if (t.kind === 'word') this.shape[i] = WORD;
      else if (t.kind !== 'number' && t.text.length === 1) this.shape[i] = t.text.charCodeAt(0) + 1;
      if (i === 0) continue;
      for (let k = toks[i - 1].end; k < t.start; k++) if (isLineBreak(this.text.charCodeAt(k))) { this.nl[i] = 1; break; }
    }
    this.yoCache = new Array<string | undefined>(this.n);
    this.lowerCache = new Array<string | undefined>(this.n);
    this.pieceStart = new Int32Array(this.n);
    this.pieceEnd = new Int32Array(this.n);
    let start = 0;
    const sentOf = this.sentOf;
    for (let i = 0; i < this.n; i++) {
      if (i > 0 && (sentOf[i] !== sentOf[i - 1] || sentOf[i] < 0 || i - start >= REACH || (this.nl[i] === 1 && this.paragraphBreak(i - 1, i)))) {
        this.pieceEnd.fill(i, start, i);
        start = i;
      }
      this.pieceStart[i] = start;
    }
    this.pieceEnd.fill(this.n, start, this.n);
  }

  /** Index of the first token that ends after the offset (n when none). */
  tokAt(offset: number): number {
    return firstEndingAfter(this.doc.tokens, offset);
  }

  /** The lemma of token i with ё folded to е (lexicon keys are folded the same way). */
  lemmaYo(i: number): string {
    let y = this.yoCache[i];
    if (y === undefined) {
      const l = this.lemma(i);
      y = foldYo(l);
      this.yoCache[i] = y;
    }
    return y;
  }

  str(i: number): string { return this.doc.tokens[i].text; }

  /** Token i is the opening mark of a quotation (not a mark nested inside one). */
  opensQuotation(i: number): boolean {
    const q = this.quoteOf[i];
    return q >= 0 && this.quotations[q].open === this.doc.tokens[i].start;
  }
  lower(i: number): string {
    let low = this.lowerCache[i];
    if (low === undefined) {
      low = this.doc.tokens[i].text.toLowerCase();
      this.lowerCache[i] = low;
    }
    return low;
  }

  /** `lower(i)` with ё folded to е, as the cue lexicon's words are. */
  lowerYo(i: number): string { return foldYo(this.lower(i)); }
  lemma(i: number): string { return this.doc.morph[i]?.lemma ?? this.lower(i); }
  pos(i: number): string | undefined { return this.doc.morph[i]?.pos; }
  has(i: number, grammeme: string): boolean { return this.doc.morph[i]?.tags.includes(grammeme) ?? false; }
  isWord(i: number): boolean { return this.shape[i] === WORD; }
  /** Token i is a one-character mark (not a word or a number) among `chars`. */
  isPunct(i: number, chars: string): boolean {
    const c = this.shape[i] - 1;
    if (c < 0) return false;
    for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
    return false;
  }
  /** Token i is an HTML tag left in scraped text (`</p>`, `<br>`: the tokenizer makes each one symbol). */
  isTag(i: number): boolean { return isTagToken(this.doc.tokens[i]); }
  isDash(i: number): boolean { return this.isPunct(i, '—–-') || this.doc.tokens[i].text === '--'; }
  isCapital(i: number): boolean { return startsWithCapital(this.doc.tokens[i].text); }

  /** True when a line break separates tokens i and j (i < j). */
  lineBreak(i: number, j: number): boolean {
    for (let k = i + 1; k <= j; k++) if (this.nl[k]) return true;
    return false;
  }

  /** Token range [start, end) of the piece holding token i: its sentence, clipped to its paragraph, cut every REACH tokens. */
  sentence(i: number): [number, number] {
    return [this.pieceStart[i], this.pieceEnd[i]];
  }

  /** A line break that ends a paragraph, not one that web copy left inside a sentence. */
  paragraphBreak(i: number, j: number): boolean {
    if (!this.lineBreak(i, j)) return false;
    return this.isPunct(i, '.!?…:»"') || this.isCapital(j) || this.isDash(j) || this.isPunct(j, '«"„');
  }

  /** Every az parse of token i may be nominative, or the word is unknown to the dictionary. */
  canBeNominative(i: number): boolean {
    const m = this.doc.morph[i];
    if (m === undefined || m.pos === undefined || m.pos === 'LATN' || m.pos === 'UNKN') return true;
    if (m.tags.includes('nomn')) return true;
    // A capitalised word inside a sentence is likely a name whatever az guesses («Пучков» is not «пучок»).
    if (this.isCapital(i) && i > 0 && this.sentOf[i - 1] === this.sentOf[i] && !this.isPunct(i - 1, '.!?…')) return true;
    for (const t of this.ctx.morphology.tags(this.str(i))) if (t.nomn === true) return true;
    return false;
  }
}
