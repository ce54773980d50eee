import fc from 'fast-check';
import type { MorphTok } from '../src/doc.js';
import { AS_IS_INFO, CASE, Drafts, F, POS_SHIFT, STRIDE, type TagInfo, packAt } from '../src/morph/candidate.js';

/** A made-up tag: only the fields the drafts read differ. */
function tag(id: number, posId: number, flags: number, cas: number): TagInfo {
  return { ...AS_IS_INFO, posId, flags, cas, num: id % 3, gen: id % 5, per: id % 4, id };
}

const TAGS = [tag(0, 1, F.Noun, CASE.nomn), tag(1, 2, F.Adj, CASE.gent | CASE.accs), tag(2, 5, F.Verbal, 0), tag(3, 1, F.Noun | F.Name, CASE.loct)];

interface Entry { tag: number; score: number; extra: number; parse: number; cas: number; made: boolean }

const entry = fc.record({
  tag: fc.integer({ min: 0, max: TAGS.length - 1 }),
  // Few distinct scores, so ties (where the order must stay as given) are common.
  score: fc.oneof(fc.constantFrom(0, 1e-5, 0.02, 0.5, 1, 2), fc.double({ min: 0, max: 3, noNaN: true })),
  extra: fc.constantFrom(0, F.Known, F.AsIs | F.Fixd),
  parse: fc.integer({ min: -1, max: 40 }),
  cas: fc.constantFrom(-1, CASE.datv, CASE.nomn | CASE.gent | CASE.datv | CASE.accs | CASE.ablt | CASE.loct),
  made: fc.boolean(),
});

const toks = new Map<number, MorphTok>();
function tokOf(i: number): MorphTok {
  let t = toks.get(i);
  if (t === undefined) toks.set(i, (t = { lemma: `l${i}`, pos: 'NOUN', tags: [] }));
  return t;
}

/** What a draft holds, as a plain object: the reference the Drafts are compared with. */
function plain(e: Entry, i: number) {
  const info = TAGS[e.tag];
  return { info, logp: Math.log(Math.max(e.score, 1e-4)), flags: info.flags | e.extra, cas: e.cas < 0 ? info.cas : e.cas, parse: e.parse, made: e.made ? tokOf(i) : undefined };
}

function fill(d: Drafts, es: readonly Entry[]): void {
  d.clear();
  es.forEach((e, i) => d.add(TAGS[e.tag], e.score, e.extra, e.made ? tokOf(i) : undefined, e.parse, e.cas));
}

function contents(d: Drafts) {
  const out = [];
  for (let k = 0; k < d.count; k++) out.push({ info: d.info[k], logp: d.logp[k], flags: d.flags[k], cas: d.cas[k], parse: d.parse[k], made: d.made[k] });
  return out;
}

describe('Drafts', () => {
  it('holds what was added, past its initial capacity', () => {
    const es: Entry[] = [];
    for (let i = 0; i < 37; i++) es.push({ tag: i % TAGS.length, score: (i % 7) / 7, extra: i % 2 ? F.Known : 0, parse: i, cas: i % 3 ? -1 : CASE.datv, made: i % 4 === 0 });
    const d = new Drafts(2);
    fill(d, es);
    expect(d.count).toBe(37);
    expect(contents(d)).toEqual(es.map(plain));
  });

  it('sorts by logp as a stable sort does, ties in their order', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 20 }), (es) => {
      const d = new Drafts(4);
      fill(d, es);
      d.sortByLogp();
      const expected = es.map(plain).sort((a, b) => b.logp - a.logp);
      expect(contents(d)).toEqual(expected);
    }), { numRuns: 1000 });
  });

  it('sorts as the built-in sort with the same comparator when a score is NaN', () => {
    const es: Entry[] = [0.5, NaN, 1, 0.02, NaN, 2, 0.5].map((score, i) => ({ tag: i % TAGS.length, score, extra: 0, parse: i, cas: -1, made: false }));
    const d = new Drafts();
    fill(d, es);
    d.sortByLogp();
    const expected = es.map(plain).sort((a, b) => b.logp - a.logp);
    expect(contents(d).map((x) => x.parse)).toEqual(expected.map((x) => x.parse));
  });

  it('gives the same when reused as a fresh one', () => {
    const shared = new Drafts(1);
    fc.assert(fc.property(fc.array(entry, { maxLength: 12 }), fc.boolean(), (es, sort) => {
      const fresh = new Drafts();
      fill(fresh, es);
      fill(shared, es);
      if (sort) {
        fresh.sortByLogp();
        shared.sortByLogp();
      }
      expect(shared.count).toBe(fresh.count);
      expect(contents(shared)).toEqual(contents(fresh));
      const a: number[] = [], b: number[] = [9, 9, 9];
      for (let k = 0; k < fresh.count; k++) {
        packAt(fresh, k, a, k * STRIDE);
        packAt(shared, k, b, k * STRIDE);
      }
      expect(b.slice(0, a.length)).toEqual(a);
    }), { numRuns: 500 });
  });

  it('packs a draft as FormInfo.data lays out its numbers', () => {
    const d = new Drafts();
    const info = TAGS[1];
    d.add(info, 0.5, F.Known, undefined, 3);
    const data: number[] = [];
    packAt(d, 0, data, 0);
    expect(data).toEqual([Math.log(0.5), info.flags | F.Known | (info.posId << POS_SHIFT), info.cas, info.num | (info.gen << 2) | (info.per << 5), 3]);
  });
});
