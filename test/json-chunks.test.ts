/**
 * jsonChunks must write what JSON.stringify writes (with U+2028, U+2029 and U+0085 escaped), byte for byte, in pieces of bounded size: the
 * CLI writes every analysis through it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createAnalyzer } from '../src/index.js';
import { jsonChunks } from '../src/cli/json-chunks.js';
import { lineSafe } from '../src/cli/line-safe.js';

/** What jsonChunks must write: JSON.stringify's text, with U+2028, U+2029, U+0085, C1 and bidi controls escaped (line-safe.ts). */
function json(v: unknown, indent = 0): string | undefined {
  const s = JSON.stringify(v, null, indent);
  return s === undefined ? s : lineSafe(s);
}

test('U+2028, U+2029 and U+0085 are escaped, so a JSON line stays one line for every line reader; C1 and bidi controls too, for a terminal', () => {
  const v = { text: 'a\u2028b\u2029c\u0085d\u009b31m\u202eе\u007f' };
  const out = [...jsonChunks(v)].join('');
  expect(out).toBe('{"text":"a\\u2028b\\u2029c\\u0085d\\u009b31m\\u202eе\\u007f"}');
  expect(JSON.parse(out)).toEqual(v);
});

const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const RUNS = { numRuns: Number(process.env.RUTEXT_FC_RUNS ?? 200) };

const joined = (v: unknown, indent?: number, size?: number): string => [...jsonChunks(v, indent, size)].join('');

class Point { constructor(readonly x: number, readonly y = undefined) {} }

describe('jsonChunks', () => {
  const analysis = createAnalyzer().analyze(sample, { tokens: true });

  test.each([0, 2, 4])('the sample article with tokens, indent %i: the same text as JSON.stringify', (indent) => {
    expect(joined(analysis, indent)).toBe(json(analysis, indent));
    expect(joined(analysis, indent, 1)).toBe(json(analysis, indent));
  });

  test('pieces stay near the size asked for, and a long analysis comes in many', () => {
    const size = 2000;
    const chunks = [...jsonChunks(analysis, 0, size)];
    // A chunk ends with the piece that took it to the size; the longest piece is one token or quote.
    const longestElement = Math.max(...Object.values(analysis).flatMap((v) => (Array.isArray(v) ? v.map((e) => JSON.stringify(e).length) : [0])));
    expect(chunks.length).toBeGreaterThan(JSON.stringify(analysis).length / (size + longestElement + 64));
    for (const c of chunks) expect(c.length).toBeLessThan(size + longestElement + 64);
  });

  test.each<[string, unknown]>([
    ['empty object', {}],
    ['empty array', []],
    ['empty containers inside', { a: [], b: {}, c: [[], {}], d: [{}] }],
    ['undefined, functions and symbols: left out of objects, null in arrays', { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1, Symbol('t'), 1], e: 2 }],
    ['every key without JSON', { a: undefined, b: undefined }],
    ['an array of only undefined', [undefined, undefined]],
    ['nesting deeper than the split', { a: [{ b: [{ c: [1, { d: 'x\ny' }] }] }] }],
    ['strings with line breaks and quotes', { 'ключ\n"': ['строка\nс "кавычками"\u2028', '\u0000'] }],
    ['a Date and other toJSON owners', { d: new Date(0), e: [new Date(86_400_000)], f: { toJSON: () => ({ g: [1, 2] }) } }],
    ['toJSON is given the key (the index in an array), at every depth', {
      a: { toJSON: (k: string) => `key=${k}` },
      b: [{ toJSON: (k: string) => `key=${k}` }, { toJSON: (k: string) => ({ nested: [k, { toJSON: (k2: string) => k2 }] }) }],
      c: { d: [{ e: { toJSON: (k: string) => k } }] },
      f: { toJSON: (): undefined => undefined },
      g: [{ toJSON: (): undefined => undefined }],
    }],
    ['a class instance (written whole)', { p: new Point(1), q: [new Point(2)] }],
    ['toJSON at the top', { toJSON: (k: string) => ({ top: k, a: [1] }) }],
    ['a function with a toJSON', { f: Object.assign(() => 1, { toJSON: (k: string) => `fn ${k}` }), g: [Object.assign(() => 2, { toJSON: () => 2 })] }],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { a: [1, { b: 2 }] })],
    ['numbers JSON cannot hold', { a: [NaN, Infinity, -0], b: -Infinity }],
    ['top-level primitives', 'строка'],
    ['null', null],
    ['a number', 42],
  ])('%s', (_name, value) => {
    for (const indent of [0, 2]) {
      for (const size of [1, 5, 1 << 20]) expect(joined(value, indent, size)).toBe(json(value, indent));
    }
  });

  test('BigInts with a toJSON of their own, as JSON.stringify treats them', () => {
    const proto = BigInt.prototype as unknown as { toJSON?: (this: bigint, k: string) => string };
    proto.toJSON = function (this: bigint, k: string) { return `${this.toString()}n@${k}`; };
    try {
      const v = { a: 1n, b: [2n, { c: 3n }] };
      for (const indent of [0, 2]) expect(joined(v, indent, 3)).toBe(json(v, indent));
      expect(joined(5n)).toBe(json(5n));
    } finally {
      delete proto.toJSON;
    }
  });

  test('a value without JSON yields nothing, where JSON.stringify gives undefined', () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
    expect([...jsonChunks(() => 1)]).toEqual([]);
  });

  test('any JSON-able value, any indent and piece size: the same text', () => {
    fc.assert(
      fc.property(fc.anything({
        maxDepth: 4, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withDate: true,
        withTypedArray: true, withMap: true, withSet: true, withObjectString: true,
      }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 64 }), (v, indent, size) => {
        // (undefined at the top: no pieces, where JSON.stringify gives undefined)
        expect(joined(v, indent, size)).toBe(json(v, indent) ?? '');
      }),
      RUNS,
    );
  });

  test('an element that cannot be written throws, as JSON.stringify does', () => {
    const v = { a: [1, { toJSON: (): never => { throw new RangeError('Invalid string length'); } }] };
    expect(() => joined(v)).toThrow(RangeError);
    expect(() => JSON.stringify(v)).toThrow(RangeError);
  });

  test.each([-1, 1.5, 11])('indent %p is an error', (indent) => {
    expect(() => [...jsonChunks({}, indent)]).toThrow(/indent must be an integer 0–10/);
  });

  test.each([0, -5, NaN])('size %p is an error', (size) => {
    expect(() => [...jsonChunks({}, 0, size)]).toThrow(/size must be positive/);
  });
});
