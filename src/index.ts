/**
 * rutext: Russian news articles to structured data.
 * @example
 * import { analyze } from 'rutext';
 * const a = analyze('«Это добрый знак», — сказал Касым-Жомарт Токаев.');
 * a.quotes.map((q) => `${q.speaker?.name ?? '—'}: ${q.text}`); // → ['Касым-Жомарт Токаев: Это добрый знак']
 */
export { analyze, createAnalyzer } from './analyze.js';
export type { Analyzer } from './analyze.js';
export { LAYERS } from './types.js';
export { DataFileError } from './data-file-error.js';
export type {
  Analysis, AnalyzeOptions, Entity, EntityType, Language, Layer, Mention, Quote, QuoteSpeaker, Span, Speaker, Theme, Token, TokenKind,
} from './types.js';
