/**
 * Property-based robustness of the whole pipeline (issue 8): for arbitrary strings `analyze` never
 * throws, every span lies inside the text, tokens tile the non-space characters, quote segments lie
 * in the body, and the output is deterministic. A failure here names a counterexample: fix the stage,
 * do not loosen the property.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze, createAnalyzer } from '../src/index.js';
import { badSpans, problemsOf, quoteSegmentsOutsideBody, tokenProblems } from './invariants.js';
import { applyEdits, type Edit, NOISE } from './noise.js';
import { Doc } from '../src/doc.js';
import { layout } from '../src/layout/index.js';

const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');

/**
 * Few runs, small inputs: the suite must stay fast in CI; fast-check shrinks what it finds.
 * `RUTEXT_FC_RUNS=2000 npm test -- test/property.test.ts` searches harder on a workstation.
 */
const RUNS = { numRuns: Number(process.env.RUTEXT_FC_RUNS ?? 50) };

// ---- generators --------------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(...NOISE.controls),
);
const words = fc.constantFrom(...NOISE.words);
const quotes = fc.constantFrom(...NOISE.quotes);
const dashes = fc.constantFrom(...NOISE.dashes);
const spaces = fc.constantFrom(...NOISE.spaces);
const punct = fc.constantFrom(...NOISE.punct);
const emoji = fc.constantFrom(...NOISE.emoji);
const sampleSlice = fc
  .tuple(fc.nat({ max: sample.length }), fc.nat({ max: 400 }))
  .map(([start, len]) => sample.slice(start, start + len));

/** Text made of news pieces: Cyrillic words, unbalanced quotation marks, dashes, line breaks, emoji… */
const newsish = fc
  .array(fc.oneof(
    { weight: 8, arbitrary: words },
    { weight: 6, arbitrary: spaces },
    { weight: 2, arbitrary: quotes },
    { weight: 2, arbitrary: dashes },
    { weight: 2, arbitrary: punct },
    { weight: 1, arbitrary: emoji },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 1, arbitrary: control },
    { weight: 1, arbitrary: sampleSlice },
  ), { maxLength: 120 })
  .map((parts) => parts.join(''));

/** A photo credit line, now and then after a caption or before a joined line: `Harrier © Wikimedia`. */
const credit = fc
  .tuple(fc.oneof(fc.constant(''), newsish), spaces, fc.array(fc.oneof(words, spaces, emoji), { maxLength: 16 }), fc.oneof(fc.constant(''), fc.constant(' \n'), newsish))
  .map(([caption, space, parts, after]) => `${caption}${space}© ${parts.join(' ')}${after}`);

/** Short fragments for quote content: words, spaces and now and then noise. */
const fragment = fc
  .array(fc.oneof({ weight: 8, arbitrary: words }, { weight: 4, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.oneof(quotes, dashes, punct, emoji, loneSurrogate, control, spaces) }), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.join(''));
const speaker = fc.constantFrom('Токаев', 'Касым-Жомарт Токаев', 'президент', 'глава государства', 'он', 'Путин', 'министр финансов Иван Петров', 'пресс-служба «Газпрома»');
const verb = fc.constantFrom('сказал', 'заявил', 'отметил', 'подчеркнул', 'сообщил', 'добавил', 'резюмировал', 'уточнила');

/** Sentences shaped like reported speech (so the quote layer has work), stitched with noise. */
const quoteish = fc
  .array(fc.tuple(fc.nat({ max: 8 }), fragment, fragment, speaker, verb, fc.oneof(fc.constant(''), fragment)), { minLength: 1, maxLength: 5 })
  .chain((items) => fc.tuple(fc.constant(items), fc.array(spaces, { minLength: items.length, maxLength: items.length })))
  .map(([items, seps]) => items.map(([t, a, b, sp, v, noise], i) => {
    const Sp = sp.charAt(0).toUpperCase() + sp.slice(1);
    const forms = [
      `«${a}», — ${v} ${sp}.`,
      `«${a}, — ${v} ${sp}. — ${b}».`,
      `${Sp} ${v}: «${a}».`,
      `${Sp} ${v}, что ${a}.`,
      `По словам ${sp}, ${a}.`,
      `"${a}", – ${v} ${sp}.`,
      `„${a}“ — ${v} ${sp}`,
      `«${a}\n${b}», — ${v} ${sp}.`,
      `${noise}«${a}» ${v} ${sp}${noise}`,
    ];
    return forms[t] + seps[i];
  }).join(''));

/** Arbitrary strings: any code points (astral included), any code units (lone surrogates), and news. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), loneSurrogate, control, quotes, spaces), maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  newsish,
  quoteish,
);

/**
 * The whole sample article with a few dozen edits: pieces of noise put in, stretches cut out or
 * written twice, everything before a point put in capitals. Arbitrary strings are short; these
 * keep an article's long-range structure (paragraphs, quotes across lines, speakers named once
 * and then called "он") while breaking it here and there.
 */
// An integer scaled down, not fc.double: fast-check draws doubles evenly over their bit patterns,
// which in [0, 1] are nearly all tiny, and put ~96 % of the edits at the text's first character.
const where = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constant('insert' as const), where, fc.oneof(quotes, dashes, spaces, punct, emoji, loneSurrogate, control, words, fragment)) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('cut' as const), where, fc.integer({ min: 1, max: 40 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('twice' as const), where, fc.integer({ min: 1, max: 300 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('upper' as const), where, fc.constant(0)) },
);
// size 'max': with fast-check's default size an array of up to 60 stays at about a dozen.
const editLists = fc.array(edit, { minLength: 1, maxLength: 60, size: 'max' });
const editedSample = editLists.map((edits) => applyEdits(sample, edits));

// ---- properties --------------------------------------------------------------------------------

describe('analyze on arbitrary text (fast-check)', () => {
  test('never throws and returns schema version 1', () => {
    fc.assert(fc.property(anyText, (text) => {
      const a = analyze(text, { tokens: true });
      expect(a.schemaVersion).toBe(1);
      expect(typeof a.language.isRussian).toBe('boolean');
      expect(a.language.confidence).toBeGreaterThanOrEqual(0);
      expect(a.language.confidence).toBeLessThanOrEqual(1);
    }), RUNS);
  });

  test('every span lies inside the text with start ≤ end', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(badSpans(text, analyze(text, { tokens: true }))).toEqual([]);
    }), RUNS);
  });

  test('tokens do not overlap and cover every non-space character', () => {
    fc.assert(fc.property(anyText, (text) => {
      expect(tokenProblems(text, analyze(text, { tokens: true }))).toEqual([]);
    }), RUNS);
  });

  test('the reported-speech generator gives the quote layer work', () => {
    const texts = fc.sample(quoteish, { numRuns: 40, seed: 1 });
    const withQuotes = texts.filter((t) => analyze(t).quotes.length > 0).length;
    expect(withQuotes).toBeGreaterThan(texts.length / 4);
  });

  test('quote segments lie inside the body', () => {
    fc.assert(fc.property(fc.oneof(quoteish, newsish, fc.tuple(sampleSlice, quoteish, sampleSlice).map((xs) => xs.join('\n'))), (text) => {
      expect(quoteSegmentsOutsideBody(analyze(text))).toEqual([]);
    }), RUNS);
  });

  test('deterministic: the same input twice gives deep-equal output', () => {
    fc.assert(fc.property(anyText, (text) => {
      const first = analyze(text, { tokens: true });
      const second = analyze(text, { tokens: true });
      expect(second).toEqual(first);
    }), RUNS);
  });

  test('deterministic across analyzers: caches do not change the output', () => {
    const warm = createAnalyzer();
    fc.assert(fc.property(fc.oneof(newsish, quoteish), fc.oneof(newsish, quoteish), (before, text) => {
      warm.analyze(before); // leaves whatever the caches keep
      expect(warm.analyze(text, { tokens: true })).toEqual(createAnalyzer().analyze(text, { tokens: true }));
    }), { numRuns: Math.ceil(RUNS.numRuns / 4) });
  });
});

describe('analyze on an edited whole article (fast-check)', () => {
  // A fifth of the runs: each is a whole article (a few milliseconds), not a short string.
  const runs = { numRuns: Math.max(10, Math.ceil(RUNS.numRuns / 5)) };

  test('never throws; spans, tokens and quote segments stay valid', () => {
    const analyzer = createAnalyzer();
    fc.assert(fc.property(editedSample, (text) => {
      const a = analyzer.analyze(text, { tokens: true });
      expect(problemsOf(text, a)).toEqual([]);
    }), runs);
  });

  test('deterministic across analyzers: a warm analyzer answers as a fresh one', () => {
    const warm = createAnalyzer();
    warm.analyze(sample);
    fc.assert(fc.property(editedSample, (text) => {
      expect(warm.analyze(text, { tokens: true })).toEqual(createAnalyzer().analyze(text, { tokens: true }));
    }), runs);
  });

  test('the edits reach the whole article, dozens at a time', () => {
    const lists = fc.sample(editLists, { numRuns: 100, seed: 7 });
    const positions = lists.flat().map((e) => e[1]);
    const middle = positions.filter((w) => w > 0.1 && w < 0.9).length;
    expect(middle / positions.length).toBeGreaterThan(0.6);
    const counts = lists.map((l) => l.length).sort((a, b) => a - b);
    expect(counts[counts.length >> 1]).toBeGreaterThanOrEqual(15);
  });

  test('the edits leave the article quotes to find', () => {
    const texts = fc.sample(editedSample, { numRuns: 20, seed: 7 });
    const withQuotes = texts.filter((t) => createAnalyzer().analyze(t).quotes.length > 0).length;
    expect(withQuotes).toBeGreaterThan(texts.length / 2);
  });
});

describe('layout on arbitrary text (fast-check)', () => {
  test('paragraphs are ordered, disjoint, trimmed and hold every non-space character', () => {
    fc.assert(fc.property(anyText, (text) => {
      const doc = new Doc(text);
      layout(doc);
      const ps = doc.paragraphs;
      const problems: string[] = [];
      ps.forEach((p, i) => {
        if (i > 0 && p.start < ps[i - 1].end) problems.push(`paragraphs ${i - 1} and ${i} overlap`);
        if (p.start >= p.end) problems.push(`paragraph ${i} is empty`);
        const s = text.slice(p.start, p.end);
        if (s !== s.trim()) problems.push(`paragraph ${i} is not trimmed: ${JSON.stringify(s)}`);
      });
      const inside = new Uint8Array(text.length);
      for (const p of ps) inside.fill(1, p.start, p.end);
      for (let k = 0; k < text.length; k++) if (!inside[k] && /\S/u.test(text[k])) { problems.push(`character ${k} is in no paragraph`); break; }
      expect(problems).toEqual([]);
    }), { numRuns: RUNS.numRuns * 3 });
  });

  test('body and the boilerplate at its edges are disjoint, promotion blocks, code and credits lie inside the body, all made of whole paragraphs but a credit, which lies inside one', () => {
    fc.assert(fc.property(fc.oneof(anyText, fc.array(fc.oneof(sampleSlice, newsish, credit), { maxLength: 6 }).map((xs) => xs.join('\n'))), (text) => {
      const doc = new Doc(text);
      layout(doc);
      const problems: string[] = [];
      const inner = (kind: string) => kind === 'promo' || kind === 'code' || kind === 'credit';
      for (const b of doc.boilerplate) {
        if (inner(b.kind) ? !(b.start >= doc.body.start && b.end <= doc.body.end) : !(b.end <= doc.body.start || b.start >= doc.body.end)) problems.push(`boilerplate ${b.kind} [${b.start}, ${b.end}) ${inner(b.kind) ? 'not inside' : 'overlaps'} the body`);
        if (b.kind === 'credit' ? !doc.paragraphs.some((p) => p.start <= b.start && b.end <= p.end) : !doc.paragraphs.some((p) => p.start === b.start)) problems.push(`boilerplate ${b.kind} [${b.start}, ${b.end}) ${b.kind === 'credit' ? 'crosses paragraphs' : 'starts mid-paragraph'}`);
      }
      for (let k = 1; k < doc.asides.length; k++) if (doc.asides[k].start < doc.asides[k - 1].end) problems.push(`asides overlap at ${doc.asides[k].start}`);
      if (doc.paragraphs.length > 0 && !doc.paragraphs.some((p) => p.start === doc.body.start)) problems.push('body starts mid-paragraph');
      expect(problems).toEqual([]);
    }), { numRuns: RUNS.numRuns * 3 });
  });
});
