/**
 * Public output schema, version 1. Every span is a pair of UTF-16 offsets (JavaScript string
 * indices, end-exclusive) into the original input text.
 */
export interface Span { start: number; end: number }
export type EntityType = 'PER' | 'LOC' | 'ORG';
export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'url' | 'email' | 'hashtag' | 'mention' | 'emoji';

export interface Language { code: string; isRussian: boolean; confidence: number }

export interface Token extends Span {
  text: string;
  kind: TokenKind;
  stem: string;
  lemma: string;
  pos?: string;
  tags?: string[];
}

/** One mention of an entity; `normal` is the mention put in the nominative ('Токаева' → 'Токаев'). */
export interface Mention extends Span { text: string; normal: string; kind: 'name' | 'role' | 'pronoun' }

export interface Entity {
  id: string;
  type: EntityType;
  /** Fullest nominative name in the cluster: 'Касым-Жомарт Токаев', 'Казахстан'. */
  name: string;
  mentions: Mention[];
  /** Roles in the nominative: 'президент', 'глава государства'. */
  roles: string[];
  /** False when every mention lies in boilerplate (sidebars, lists). */
  inBody: boolean;
  /** 0..1 */
  salience: number;
}

export interface QuoteSpeaker {
  name: string | null;
  type: EntityType | 'OTHER';
  entityId: string | null;
  mention: Mention | null;
}

export interface Quote extends Span {
  id: string;
  kind: 'direct' | 'indirect';
  /** The content, without quotation marks; segments joined by a space. */
  text: string;
  segments: Span[];
  cue: Span & { text: string; lemma: string };
  speaker: QuoteSpeaker | null;
}

export interface Speaker { entityId: string; name: string; type: EntityType; roles: string[]; quoteIds: string[] }

export interface Theme { phrase: string; score: number; count: number; spans: Span[] }

export interface Analysis {
  schemaVersion: 1;
  language: Language;
  body: Span;
  boilerplate: Array<Span & { kind: string }>;
  paragraphs: Span[];
  sentences: Span[];
  tokens?: Token[];
  entities: Entity[];
  quotes: Quote[];
  speakers: Speaker[];
  themes: Theme[];
}

/** The layers of an Analysis, in schema order (schemaVersion is always there). */
export const LAYERS = Object.freeze(['language', 'body', 'boilerplate', 'paragraphs', 'sentences', 'tokens', 'entities', 'quotes', 'speakers', 'themes'] as const);
/** The name of one layer of an Analysis. */
export type Layer = (typeof LAYERS)[number];

export interface AnalyzeOptions {
  /** Include the token layer (stem, lemma, pos, tags) in the output. Default false. */
  tokens?: boolean;
  /** Most themes to return. Default 10; 0 skips the themes stage. */
  maxThemes?: number;
  /**
   * The layers you need; default all. Stages that none of them needs are skipped, and the layers
   * those stages make come back empty (`[]`); a layer made on the way (the entities, for quotes) is
   * returned too. A layer you get is the same whatever else you ask
   * for: quotes and speakers need the entities (a speaker is an entity), and so do themes (names
   * are themes), so asking for them runs the entities stage too. `'tokens'` here is the same as
   * `tokens: true`.
   * @example
   * createAnalyzer({ layers: ['entities'] }); // no quote or theme search: about a fifth less work
   */
  layers?: readonly Layer[];
}
