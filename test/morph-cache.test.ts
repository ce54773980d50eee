import fc from 'fast-check';
import { BoundedCache, detached } from '../src/morph/cache.js';
import { Morphology } from '../src/morph/morphology.js';

/** The cache's contract, as two Maps: what BoundedCache must answer, whatever its layout. */
class TwoMaps<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const y = this.young.get(key);
    if (y !== undefined) return y;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }
  set(key: string, value: V): void {
    // A key the young generation holds only takes the new value.
    if (!this.young.has(key) && this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

describe('BoundedCache', () => {
  it('answers what was set', () => {
    const c = new BoundedCache<number>(1000);
    for (let i = 0; i < 500; i++) c.set(`слово${i}`, i);
    for (let i = 0; i < 500; i++) expect(c.get(`слово${i}`)).toBe(i);
    expect(c.get('нет')).toBeUndefined();
  });

  it('keeps two generations and drops the older one', () => {
    const c = new BoundedCache<number>(3);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5], ['f', 6]] as const) c.set(k, v);
    // a, b, c are the old generation, d, e, f the young one.
    expect(c.get('a')).toBe(1); // moves a up: the young one (d, e, f) is full, so it turns old
    expect(c.get('b')).toBeUndefined(); // dropped with the old generation
    expect(c.get('d')).toBe(4);
  });

  it('agrees with two Maps on any sequence of gets and sets', () => {
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 60 }), fc.integer());
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.array(op, { maxLength: 400 }), (limit, ops) => {
      const c = new BoundedCache<number>(limit);
      const ref = new TwoMaps<number>(limit);
      for (const [isSet, k, v] of ops) {
        const key = `к${k}`;
        if (isSet) { c.set(key, v); ref.set(key, v); } else if (c.get(key) !== ref.get(key)) return false;
      }
      for (let k = 0; k <= 60; k++) if (c.get(`к${k}`) !== ref.get(`к${k}`)) return false;
      return true;
    }), { numRuns: 300 });
  });

  it('keeps its table within two full generations', () => {
    // 200 entries at most: growing at 3/4 full alone would take 512 slots.
    const c = new BoundedCache<number>(100);
    for (let i = 0; i < 1000; i++) c.set(`слово${i}`, i);
    expect(c.capacity).toBe(256);
    expect(c.get('слово799')).toBeUndefined();
    for (let i = 900; i < 1000; i++) expect(c.get(`слово${i}`)).toBe(i); // the young generation
    expect(c.get('слово800')).toBe(800); // the old one
  });

  it('finds an entry set by setDetached through an equal string', () => {
    const c = new BoundedCache<string>(10);
    const long = detached('Североатлантического');
    c.setDetached(long, long);
    expect(c.get('Североатлантического')).toBe(long);
  });
});

describe('Morphology caches', () => {
  // The caches only memoise: a word asked again after it left them (its parses, stem and form
  // facts computed afresh) gets the same answers. cacheLimit 100 bounds every per-form cache.
  it('answer the same after a word was evicted', () => {
    const m = new Morphology({ cacheLimit: 100 });
    const words = ['Токаева', 'комиссией', 'заявила', 'Москве', 'стали'];
    const answers = (w: string): string => JSON.stringify({
      parses: m.parses(w).map((p) => [String(p.tag), p.score, p.normalize().word]),
      stem: m.stem(w),
      tags: m.tags(w).map(String),
      best: m.best(w),
    });
    const first = words.map(answers);
    const parsesBefore = m.parses(words[0]);
    // Enough other forms to push the words out of both generations of every cache.
    for (let i = 0; i < 400; i++) {
      const other = `слов${'абвгдежзиклмнопрстуфхцчшщ'[i % 25]}${'аоуеи'[Math.floor(i / 25) % 5]}${Math.floor(i / 125)}`;
      m.parses(other);
      m.stem(other);
      m.best(other);
    }
    expect(m.parses(words[0])).not.toBe(parsesBefore); // computed afresh: it had left the cache
    expect(words.map(answers)).toEqual(first);
  });
});
