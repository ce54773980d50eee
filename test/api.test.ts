import { readFileSync } from 'node:fs';
import { analyze, createAnalyzer } from '../src/index.js';

const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');

describe('public API', () => {
  test('analyze returns schema version 1 with every layer', () => {
    const a = analyze(sample);
    expect(a.schemaVersion).toBe(1);
    expect(a.language.code).toBe('rus');
    expect(a.language.isRussian).toBe(true);
    for (const k of ['boilerplate', 'paragraphs', 'sentences', 'entities', 'quotes', 'speakers', 'themes'] as const) {
      expect(Array.isArray(a[k])).toBe(true);
    }
    expect(a.tokens).toBeUndefined();
  });

  test('tokens only when asked for', () => {
    const a = createAnalyzer().analyze('Партиям предстоит стать опорой.', { tokens: true });
    expect(a.tokens!.map((t) => t.lemma).slice(0, 2)).toEqual(['партия', 'предстоять']);
  });

  test.each([
    [() => analyze(42 as unknown as string), /text/],
    [() => analyze(undefined as unknown as string), /text/],
    [() => analyze('x', { colour: true } as never), /options\.colour/],
    [() => analyze('x', 'fast' as never), /options/],
    [() => analyze('x', { tokens: 'yes' } as never), /options\.tokens/],
    [() => createAnalyzer([] as never), /options/],
  ])('wrong arguments throw a TypeError naming the argument (%#)', (call, name) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(name);
  });

  test.each([
    ['empty', ''],
    ['whitespace', ' \n\t \n'],
    ['binary', String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37) % 256))],
    ['lone surrogates', 'a\uD800b\uDC00 «Привет'],
    ['english', 'The president said the parties play a defining role.'],
  ])('bad text never throws: %s', (_name, text) => {
    const a = analyze(text);
    expect(a.schemaVersion).toBe(1);
    expect(a.body.start).toBeGreaterThanOrEqual(0);
    expect(a.body.end).toBeLessThanOrEqual(text.length);
  });
});
