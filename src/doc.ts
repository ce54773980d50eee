import type { EntityType, Language, Mention, Quote, Span, Theme, TokenKind, Entity } from './types.js';
import { firstEndingAfter } from './spans.js';

/** A token as the segmenter leaves it. */
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
  paragraphs: Span[] = [];
  /** Every token of the text, body and boilerplate, in order. */
  tokens: Tok[] = [];
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

  /** True when the character offset lies inside the article body, outside its promotion blocks. */
  inBody(offset: number): boolean {
    return offset >= this.body.start && offset < this.body.end && !this.inPromo(offset);
  }

  /** True when the character offset lies in a promotion block. */
  inPromo(offset: number): boolean {
    const k = this.promoAfter(offset);
    return k < this.promos.length && this.promos[k].start <= offset;
  }

  /** The index of the first promotion block ending after the offset (they are sorted and disjoint). */
  promoAfter(offset: number): number {
    return firstEndingAfter(this.promos, offset);
  }
}
