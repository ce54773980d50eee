import fc from 'fast-check';
import { nonZero } from '../src/hash.js';
import { SharedLists, sharedNumbers } from '../src/morph/shared-lists.js';

describe('sharedNumbers', () => {
  it('gives one copy per distinct list', () => {
    const a = sharedNumbers([-0.5, 1, 2, 3, 0]);
    expect(sharedNumbers([-0.5, 1, 2, 3, 0])).toBe(a);
    expect(a).toEqual([-0.5, 1, 2, 3, 0]);
    expect(sharedNumbers([-0.5, 1, 2, 3])).not.toBe(a);
  });

  it('keeps 0 and -0 apart and finds NaN again', () => {
    expect(Object.is(sharedNumbers([-0])[0], -0)).toBe(true);
    expect(Object.is(sharedNumbers([0])[0], 0)).toBe(true);
    expect(sharedNumbers([NaN, 1])).toBe(sharedNumbers([NaN, 1]));
  });

  it('returns a list equal to the one given, not the given array itself', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer(), fc.double())), (xs) => {
      const s = sharedNumbers(xs);
      return s !== xs && s.length === xs.length && s.every((x, i) => Object.is(x, xs[i])) && sharedNumbers(xs.slice()) === s;
    }), { numRuns: 2000 });
  });

  it('interns the first count numbers of a longer array as it interns that slice', () => {
    const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, NaN));
    fc.assert(fc.property(fc.array(number), fc.array(number), (xs, rest) => {
      const scratch = xs.concat(rest);
      const s = sharedNumbers(scratch, xs.length);
      return s === sharedNumbers(xs.slice()) && s.length === xs.length && s !== scratch && scratch.length === xs.length + rest.length;
    }), { numRuns: 2000 });
  });
});

describe('SharedLists', () => {
  /** The list named `name` as the table holds it, added when absent (hash: its length, so all collide). */
  function shared(t: SharedLists<string[]>, name: string): string[] {
    const h = nonZero(name.length);
    return t.intern(h, name, (list, n) => list[0] === n, (n) => [n]);
  }

  it('finds lists again through colliding hashes and as the table grows', () => {
    const t = new SharedLists<string[]>(10_000);
    const made = Array.from({ length: 3000 }, (_, i) => shared(t, `w${i % 7}-${i}`));
    for (let i = 0; i < 3000; i++) expect(shared(t, `w${i % 7}-${i}`)).toBe(made[i]);
  });

  it('starts afresh past its limit', () => {
    const t = new SharedLists<string[]>(2);
    const a = shared(t, 'a');
    shared(t, 'b');
    shared(t, 'c'); // the third: the table starts afresh
    expect(shared(t, 'a')).not.toBe(a);
    expect(shared(t, 'a')).toEqual(['a']);
  });
});
