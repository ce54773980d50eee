/**
 * az's tag table is built as az reads it (az.ts, lazyTagTable): each tag must be the tag az's own
 * loop would have built for that index (same grammemes, same string), frozen, and one object per
 * index however often it is read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { grammemesOfTag, loadAz, tagGrammemes } from '../src/morph/az.js';

const az = loadAz();
const require = createRequire(import.meta.url);
const gramtab = JSON.parse(readFileSync(join(dirname(require.resolve('az')), '..', 'dicts', 'gramtab-opencorpora-int.json'), 'utf8')) as string[];
/** Every grammeme az knows (grammemes.json: [name, parent, …] rows). */
const grammemeNames = (JSON.parse(readFileSync(join(dirname(require.resolve('az')), '..', 'dicts', 'grammemes.json'), 'utf8')) as string[][]).map((row) => row[0]);

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

  test("every form of every paradigm has its index's tag, before and after the table is built whole", () => {
    const DictionaryParse = (all[0] as unknown as { constructor: new (w: string, paradigm: number, form: number) => Reading }).constructor;
    const byIndex = new Map<number, object>();
    const wrong: string[] = [];
    let paradigms = 0;
    for (let idx = 0; ; idx++) {
      let first: Reading;
      try { first = new DictionaryParse('', idx, 0); } catch { break; } // past the last paradigm
      if (first.paradigm === undefined) break;
      paradigms++;
      for (let i = 0; i < first.formCnt; i++) {
        const r = i === 0 ? first : new DictionaryParse('', idx, i);
        const index = r.paradigm[r.formCnt + i];
        // Plain comparisons (expect per form is seconds over ~300 000 forms); the failures are listed below.
        if (String(r.tag) !== gramtab[index].trim()) wrong.push(`${idx}/${i}: ${String(r.tag)} for ${gramtab[index]}`);
        const known = byIndex.get(index);
        if (known === undefined) byIndex.set(index, r.tag);
        else if (known !== r.tag) wrong.push(`${idx}/${i}: a second object for tag ${index}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(paradigms).toBeGreaterThan(1000);
    expect(byIndex.size).toBeGreaterThan(gramtab.length / 2);
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

describe('tagGrammemes: a tag\'s grammemes read from its string, no Tag built', () => {
  test("for every index of the table (4 880 tags), exactly the grammemes az's Tag sets (parents included)", () => {
    expect(gramtab.length).toBeGreaterThan(4000);
    const Tag = (az('слово')[0].tag as unknown as { constructor: new (s: string) => object }).constructor;
    const wrong: string[] = [];
    for (let index = 0; index < gramtab.length; index++) {
      const tag = new Tag(gramtab[index]) as Record<string, unknown>;
      // What the lemma rules asked of the Tag before: every grammeme of az's list that reads true on it.
      const expected = grammemeNames.filter((g) => !!tag[g]).sort();
      const got = [...new Set(tagGrammemes(index))].sort();
      if (got.join(',') !== expected.join(',')) wrong.push(`${index} ${gramtab[index]}: ${got.join(',')} ≠ ${expected.join(',')}`);
      // The answer for a Tag at hand (the fallback when the table cannot be read): the same set.
      const ofTag = [...grammemesOfTag(tag as never)].sort();
      if (ofTag.join(',') !== expected.join(',')) wrong.push(`${index} of its Tag: ${ofTag.join(',')}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(tagGrammemes(0)).toContain('CAse'); // a parent, not in the string
  });

  test('no answer for an index outside the table', () => {
    expect(tagGrammemes(-1)).toBeUndefined();
    expect(tagGrammemes(gramtab.length)).toBeUndefined();
  });
});
