/**
 * az's tag table is built as az reads it (az.ts, lazyTagTable): each tag must be the tag az's own
 * loop would have built for that index (same grammemes, same string), frozen, and one object per
 * index however often it is read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadAz } from '../src/morph/az.js';

const az = loadAz();
const require = createRequire(import.meta.url);
const gramtab = JSON.parse(readFileSync(join(dirname(require.resolve('az')), '..', 'dicts', 'gramtab-opencorpora-int.json'), 'utf8')) as string[];

/** A dictionary reading's place in az's paradigm table, as az's DictionaryParse keeps it. */
interface Reading { tag: object; paradigm: ArrayLike<number>; formCnt: number; formIdx: number; parser: string; inflect(i: number): Reading | false }

const WORDS = ['стали', 'Путин', 'заявил', 'Москвы', 'президентом', 'которые', 'более', 'ЦБ', 'Касым-Жомарт', 'прочитанного', 'их'];

/** The dictionary readings of the words, and every other form of their lexemes (tags of all kinds). */
function readings(): Reading[] {
  const out: Reading[] = [];
  for (const w of WORDS) {
    for (const p of az(w) as unknown as Reading[]) {
      if (p.parser !== 'Dictionary') continue;
      out.push(p);
      for (let i = 0; i < p.formCnt; i++) {
        const f = p.inflect(i);
        if (f) out.push(f);
      }
    }
  }
  return out;
}

describe("az's tag table, built when first read", () => {
  const all = readings();

  test('the words reach hundreds of tags of every kind', () => {
    expect(new Set(all.map((r) => r.tag)).size).toBeGreaterThan(150);
  });

  test("each tag is the one az's loader builds for its index: the same string, the same grammemes", () => {
    const Tag = (all[0].tag as { constructor: new (s: string) => object }).constructor;
    const seen = new Set<object>();
    for (const r of all) {
      if (seen.has(r.tag)) continue;
      seen.add(r.tag);
      const index = r.paradigm[r.formCnt + r.formIdx];
      const expected = new Tag(gramtab[index]) as Record<string, unknown>;
      const tag = r.tag as Record<string, unknown>;
      expect(String(tag)).toBe(String(expected));
      const keys = Object.keys(tag).filter((k) => k !== 'ext');
      expect(keys).toEqual(Object.keys(expected));
      for (const k of keys) expect(tag[k]).toEqual(expected[k]);
    }
  });

  test('a tag is frozen, with its grammeme lists', () => {
    for (const r of all) {
      const tag = r.tag as { stat: string[]; flex: string[] };
      expect(Object.isFrozen(tag)).toBe(true);
      expect(Object.isFrozen(tag.stat)).toBe(true);
      expect(Object.isFrozen(tag.flex)).toBe(true);
    }
  });

  test('an index read again gives the same tag object', () => {
    for (const w of WORDS) {
      const first = az(w).map((p) => p.tag);
      const again = az(w).map((p) => p.tag);
      expect(again).toHaveLength(first.length);
      again.forEach((t, i) => expect(t).toBe(first[i]));
    }
  });
});
