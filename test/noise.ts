/**
 * Pieces of text that break news articles, and edits that put them in: what the property tests
 * (test/property.test.ts) draw from and what scripts/fuzz.ts puts into real articles.
 */

/** Noise by kind: each a list of strings to put into a text. */
export const NOISE = {
  /** News words, names, abbreviations with dots, numbers with spaces, links: what the segmenter and the stages must keep whole. */
  words: [
    'сказал', 'заявил', 'отметил', 'Путин', 'Токаев', 'Касым-Жомарт', 'президент', 'глава', 'государства', 'партии',
    'в', 'и', 'что', 'не', 'Москва', 'Казахстане', 'ООО', '«Газпром»', 'т.е.', 'т. д.', 'г.', 'ул.', 'Н.', 'А.',
    'США', 'Оскар-2025', 'из-за', '3,5', '500 000', '2024', 'https://example.com/a?b=1', 'user@mail.ru', '#тег',
    '@ник', 'ЦБ', 'по', 'его', 'словам', 'Он', 'она', 'подчеркнул', 'сообщил', 'Reuters', 'iPhone', 'ё', 'Ёлка',
  ],
  /** Quotation marks of every kind, to leave quotes unbalanced. */
  quotes: ['«', '»', '„', '“', '”', '"', "'", '‘', '’', '‹', '›'],
  /** Dashes alone and as they stand after a quote (`», — `). */
  dashes: ['—', '–', '-', '―', '‐', ' — ', ' – ', ', — ', '», — '],
  /** Spaces and line breaks, the odd ones included (no-break, line separator, ideographic). */
  spaces: [' ', ' ', ' ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u2028', '\u3000'],
  punct: ['.', ',', '!', '?', '…', ':', ';', '(', ')', '[', ']', '...', '?!', '*', '/', '%', '№'],
  /** Emoji sequences (joiners, flags, modifiers) and symbols. */
  emoji: ['🔥', '❄️', '👨‍👩‍👧', '🇷🇺', '1️⃣', '👍🏽', '‼️', '🌡', '©', '™'],
  /** Control and format characters besides C0 (which the property tests draw as a range). */
  controls: ['\u007f', '\u0085', '\u200b', '\u200d', '\u2028', '\u2029', '\ufeff', '\u00ad', '\u202e'],
} as const;

/**
 * One edit of a text, at a fraction of its length (0 ≤ where ≤ 1): put a piece in, cut `count`
 * characters out, write `count` characters twice, or put everything before the point in capitals.
 */
export type Edit =
  | readonly ['insert', number, string]
  | readonly ['cut', number, number]
  | readonly ['twice', number, number]
  | readonly ['upper', number, number];

/**
 * The text with the edits applied in order, each at its fraction of the text as it then stands.
 * @example
 * applyEdits('Он сказал.', [['insert', 0, '«'], ['upper', 1, 0]]); // '«ОН СКАЗАЛ.'
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.floor(e[1] * t.length);
    switch (e[0]) {
      case 'insert': t = t.slice(0, at) + e[2] + t.slice(at); break;
      case 'cut': t = t.slice(0, at) + t.slice(at + e[2]); break;
      case 'twice': t = t.slice(0, at) + t.slice(at, at + e[2]) + t.slice(at); break;
      case 'upper': t = t.slice(0, at).toUpperCase() + t.slice(at); break;
    }
  }
  return t;
}
