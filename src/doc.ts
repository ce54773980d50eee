import type { EntityType, Language, Mention, Quote, Span, Theme, TokenKind, Entity } from './types.js';
import { firstEndingAfter, insideAny } from './spans.js';

const NONE: readonly number[] = [];

/** A token as the segmenter leaves it: `text` is the input's slice [start, end), or its reading (see Doc.rewritten). */
export interface Tok { start: number; end: number; text: string; kind: TokenKind }

/**
 * The morphology of one token in context. Objects are shared between equal analyses (a cache),
 * so stages must treat them as read-only.
 */
export interface MorphTok {
  /** Lower-case lemma (ё kept as the dictionary has it). Unknown words: lower-cased form. */
  lemma: string;
  /** OpenCorpora POS ('NOUN', 'ADJF', 'VERB', 'INFN', 'PRTF', 'GRND', 'NPRO', 'PREP', 'CONJ', …) or undefined. */
  pos: string | undefined;
  /** OpenCorpora grammemes of the chosen parse: 'anim', 'masc', 'sing', 'gent', 'Name', 'Surn', 'Geox', 'Orgn', … */
  tags: readonly string[];
}

/** A mention found by the entities stage (internal; token indices kept for later stages). */
export interface MentionSpan extends Mention {
  type: EntityType;
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
  /** Index into doc.entities once clustered, else -1. */
  entity: number;
  /** The mention as the stages read it (Doc.readText): `text` itself unless a token in it was rewritten. */
  reading: string;
}

/**
 * One document flowing through the pipeline. Each stage adds its layer and never edits an
 * earlier one; all spans are offsets into `text`.
 */
export class Doc {
  readonly text: string;
  language: Language = { code: 'und', isRussian: false, confidence: 0 };
  body: Span = { start: 0, end: 0 };
  boilerplate: Array<Span & { kind: string }> = [];
  /** Promotion blocks inside the body (layout/promos.ts), in order: also in `boilerplate`, as kind `promo`. */
  promos: Span[] = [];
  /**
   * Regions inside the body that are no prose of the article, in order: script code (layout/code.ts)
   * and photo credits (layout/credits.ts), also in `boilerplate` as kinds `code` and `credit`.
   * They hold no names and no themes.
   */
  asides: Span[] = [];
  paragraphs: Span[] = [];
  /** Every token of the text, body and boilerplate, in order. */
  tokens: Tok[] = [];
  /**
   * Indices of the tokens whose `text` is a reading, not the input's slice (segment/reading.ts:
   * `Пу\u00ADтин` read as `Путин`), in order; empty for most texts.
   */
  rewritten: readonly number[] = NONE;
  /** Sentences as token ranges plus character spans. */
  sentences: Array<Span & { tokStart: number; tokEnd: number }> = [];
  /** Parallel to `tokens`. */
  morph: MorphTok[] = [];
  mentions: MentionSpan[] = [];
  entities: Entity[] = [];
  quotes: Quote[] = [];
  /**
   * Entity ids whose name the entities stage left in an oblique case («Госстата»), with the
   * nominative the quotes stage found for them: their quotes and their `speakers` entry say that.
   */
  speakerNames = new Map<string, string>();
  themes: Theme[] = [];

  constructor(text: string) {
    this.text = text;
  }

  /**
   * The text of [start, end) as the stages read it: the input's slice, with every rewritten token
   * in it replaced by its reading. For names built from the input (a speaker's phrase), which
   * should not carry a soft hyphen or a Latin look-alike along; the slice itself when no token
   * was rewritten.
   * @example
   * doc.readText(m.start, m.end); // 'Путин' for 'Пу\u00ADтин'
   */
  readText(start: number, end: number): string {
    if (this.rewritten.length === 0) return this.text.slice(start, end);
    let out = '';
    let at = start;
    // From the first rewritten token ending after start (binary search): a walk from the list's
    // start would make the mentions of a long text with soft hyphens in every word quadratic.
    const list = this.rewritten;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tokens[list[mid]].end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length; k++) {
      const t = this.tokens[list[k]];
      if (t.start >= end) break;
      // A span cutting through a rewritten token keeps that token as written.
      if (t.start < start || t.end > end) continue;
      out += this.text.slice(at, t.start) + t.text;
      at = t.end;
    }
    return out + this.text.slice(at, end);
  }

  /** True when the character offset lies inside the article body, outside its promotion blocks. */
  inBody(offset: number): boolean {
    return offset >= this.body.start && offset < this.body.end && !this.inPromo(offset);
  }

  /** True when the character offset lies in a promotion block. */
  inPromo(offset: number): boolean {
    return insideAny(this.promos, offset);
  }

  /** True when the character offset lies in an aside: script code or a photo credit (no names, no themes there). */
  inAside(offset: number): boolean {
    return insideAny(this.asides, offset);
  }

  /** The index of the first promotion block ending after the offset (they are sorted and disjoint). */
  promoAfter(offset: number): number {
    return firstEndingAfter(this.promos, offset);
  }
}
