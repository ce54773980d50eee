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
    [() => analyze(undefined as unknown as string), 'rutext: text must be a string, got undefined'],
    [() => analyze(5 as unknown as string), 'rutext: text must be a string, got the number 5'],
    [() => analyze('x', new Map([['tokens', true]]) as never), 'rutext: options must be an object like { tokens, maxThemes, layers }, got a Map'],
    [() => createAnalyzer(new Date() as never), 'rutext: options must be an object like { tokens, maxThemes, layers }, got a Date'],
    [() => analyze('x', { maxThemes: '3' } as never), 'rutext: options.maxThemes must be a non-negative integer, got the string "3"'],
  ])('the messages name the value (%#)', (call, message) => {
    expect(call).toThrow(new TypeError(message));
  });

  test('an analyzer keeps a copy of its options: changing the object afterwards changes nothing', () => {
    const text = 'Касым-Жомарт Токаев заявил, что партии играют важную роль. Президент Казахстана отметил рост.';
    const o: { maxThemes: number; layers?: string[] } = { maxThemes: 1 };
    const a = createAnalyzer(o as never);
    const before = a.analyze(text);
    o.maxThemes = -1;
    o.layers = ['nope'];
    expect(a.analyze(text)).toEqual(before);
    expect(before.themes).toHaveLength(1);
    const layers = ['entities'];
    const b = createAnalyzer({ layers: layers as never });
    layers.push('quotes');
    expect(b.analyze(sample).quotes).toEqual([]);
  });

  test('an option given as undefined in a call is not given: the analyzer\'s stays', () => {
    const a = createAnalyzer({ tokens: true, maxThemes: 0 });
    const r = a.analyze('Партиям предстоит стать опорой.', { tokens: undefined, maxThemes: undefined });
    expect(r.tokens).toBeDefined();
    expect(r.themes).toEqual([]);
    // A call's own value still replaces the analyzer's.
    expect(a.analyze('Партиям предстоит стать опорой.', { tokens: false }).tokens).toBeUndefined();
  });

  test('what one Analysis holds is its own: changing it changes no later result', () => {
    const a = createAnalyzer();
    for (const text of ['', '12 345 — !!!', sample]) {
      const first = a.analyze(text);
      const again = JSON.parse(JSON.stringify(first)) as typeof first;
      first.language.code = 'xxx';
      first.language.isRussian = !first.language.isRussian;
      for (const s of first.speakers) {
        // A speaker's roles are a copy of its entity's, not the same list.
        expect(s.roles).not.toBe(first.entities.find((e) => e.id === s.entityId)!.roles);
        s.roles.push('changed');
      }
      expect(a.analyze(text)).toEqual(again);
      expect(createAnalyzer().analyze(text)).toEqual(again);
    }
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

describe('script code a scraper kept inside the body', () => {
  const text = readFileSync(new URL('./data/layout/code-in-body.txt', import.meta.url), 'utf8');
  const a = createAnalyzer().analyze(text);
  const code = a.boilerplate.filter((b) => b.kind === 'code');

  test('is boilerplate of kind code, and the article goes on around it', () => {
    expect(code).toHaveLength(2);
    expect(a.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Австрия']));
  });

  test('names no one and gives no theme', () => {
    const inCode = (s: { start: number }) => code.some((b) => s.start >= b.start && s.start < b.end);
    expect(a.entities.flatMap((e) => e.mentions).filter(inCode)).toEqual([]);
    expect(a.themes.flatMap((t) => t.spans).filter(inCode)).toEqual([]);
    expect(a.entities.map((e) => e.name)).not.toContain('Article');
  });
});

describe('photo credits inside the body', () => {
  const text = readFileSync(new URL('./data/layout/credits-in-body.txt', import.meta.url), 'utf8');
  const a = createAnalyzer().analyze(text);
  const credits = a.boilerplate.filter((b) => b.kind === 'credit');
  const inCredit = (s: { start: number }) => credits.some((b) => s.start >= b.start && s.start < b.end);

  test('name no one of the article and give no theme', () => {
    expect(credits).toHaveLength(3);
    expect(a.entities.flatMap((e) => e.mentions).filter(inCredit)).toEqual([]);
    expect(a.themes.flatMap((t) => t.spans).filter(inCredit)).toEqual([]);
    expect(a.entities.map((e) => e.name)).not.toContain('Wikimedia');
  });

  test('a name after a credit, on the next line, is still the article\'s', () => {
    expect(a.entities.flatMap((e) => e.mentions).map((m) => m.text)).toEqual(expect.arrayContaining(['Клэппер', 'Максим Блинов']));
  });
});
