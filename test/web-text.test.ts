/**
 * Text as it arrives from the web (test/data/web/variants.tsv): soft hyphens and zero-width
 * characters inside words, decomposed letters, Latin look-alikes, dash and quotation-mark variants,
 * lone CR line ends, other spaces. Each variant of the clean article must give its quotes, speakers,
 * entities and themes, with every span still a slice of the variant itself.
 */
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/index.js';
import type { Analysis } from '../src/index.js';
import { problemsOf } from './invariants.js';

const clean = readFileSync(new URL('./data/web/article.txt', import.meta.url), 'utf8');

/** `\uXXXX`, `\n`, `\r`, `\t` in a data file's replacement, read as the characters. */
function unescape(s: string): string {
  return s.replace(/\\u([0-9a-fA-F]{4})|\\([nrt])/g, (_m, hex: string | undefined, c: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : c === 'n' ? '\n' : c === 'r' ? '\r' : '\t');
}

/** The variants: name → the clean article rewritten by its rows, in order. */
function variants(): Array<[string, string]> {
  const out = new Map<string, string>();
  for (const line of readFileSync(new URL('./data/web/variants.tsv', import.meta.url), 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [name, pattern, replacement] = line.split('\t');
    out.set(name, (out.get(name) ?? clean).replace(new RegExp(pattern, 'gu'), unescape(replacement)));
  }
  return [...out];
}

const CYRILLIC_OF: Record<string, string> = { M: 'М', C: 'С', e: 'е', y: 'у' };

/**
 * A quote's content as read (its text is the input's slice, written as the variant writes it):
 * invisible characters dropped, letters composed, the variants' Latin look-alikes next to a
 * Cyrillic letter in Cyrillic, spaces as one space.
 */
function content(s: string): string {
  return s.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').normalize('NFC')
    .replace(/[MCey](?=[а-яА-Я])|(?<=[а-яА-Я])[MCey]/g, (c) => CYRILLIC_OF[c])
    .replace(/\s+/g, ' ');
}

/** What the variants must keep: quotes with their speakers and cues, named entities, themes. */
function essence(a: Analysis): unknown {
  return {
    quotes: a.quotes.map((q) => `${q.kind} | ${q.speaker?.name ?? '—'} | ${q.cue.lemma} | ${content(q.text)}`),
    speakers: a.speakers.map((s) => `${s.name}: ${s.quoteIds.length}`),
    entities: a.entities.map((e) => `${e.type} ${e.name} ×${e.mentions.length}`).sort(),
    themes: a.themes.map((t) => t.phrase),
  };
}

const analyzer = createAnalyzer({ tokens: true });
const expected = essence(analyzer.analyze(clean));

test('the clean article has quotes, entities and themes to keep', () => {
  const a = analyzer.analyze(clean);
  expect(a.quotes.length).toBeGreaterThanOrEqual(8);
  expect(a.entities.some((e) => e.name === 'Владимир Путин')).toBe(true);
  expect(a.themes.length).toBeGreaterThan(5);
});

describe('web copy reads as the clean article', () => {
  test.each(variants())('%s', (_name, text) => {
    expect(text).not.toBe(clean);
    const a = analyzer.analyze(text);
    expect(problemsOf(text, a)).toEqual([]);
    expect(essence(a)).toEqual(expected);
  });
});
