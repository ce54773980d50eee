import { bestFirst } from '../src/themes/best-first.js';

interface Item { score: number; at: number; id: number }
const byScore = (a: Item, b: Item): number => b.score - a.score || a.at - b.at;

/** A small deterministic generator: the same cases on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('bestFirst', () => {
  test('gives the order of a stable sort, ties included, however far the caller reads', () => {
    const rnd = lcg(7);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(rnd() * 60);
      // Few distinct scores and positions, so that ties on both are common.
      const items: Item[] = Array.from({ length: n }, (_, id) => ({ score: Math.floor(rnd() * 5) / 2, at: Math.floor(rnd() * 4), id }));
      const expected = [...items].sort(byScore).map((x) => x.id);
      const head = Math.floor(rnd() * 25);
      const read = Math.floor(rnd() * (n + 2));
      const got: number[] = [];
      for (const x of bestFirst([...items], head, byScore)) {
        if (got.length >= read) break;
        got.push(x.id);
      }
      expect(got).toEqual(expected.slice(0, read));
    }
  });

  test('reads the head without sorting the rest', () => {
    const items = [5, 1, 4, 2, 3];
    const it = bestFirst(items, 2, (a, b) => b - a)[Symbol.iterator]();
    expect([it.next().value, it.next().value]).toEqual([5, 4]);
    expect(items).toEqual([5, 1, 4, 2, 3]);
    expect([...it]).toEqual([3, 2, 1]);
  });
});
