/**
 * Property-based robustness of the whole pipeline (issue 8): for arbitrary strings `analyze` never
 * throws, every span lies inside the text, tokens tile the non-space characters, quote segments lie
 * in the body, and the output is deterministic. A failure here names a counterexample: fix the stage,
 * do not loosen the property.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze, createAnalyzer } from '../src/index.js';
import type { Analysis, Span } from '../src/index.js';
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
  fc.constantFrom('\u007f', '\u0085', '\u200b', '\u200d', '\u2028', '\u2029', '\ufeff', '\u00ad', '\u202e'),
);
const words = fc.constantFrom(
  'сказал', 'заявил', 'отметил', 'Путин', 'Токаев', 'Касым-Жомарт', 'президент', 'глава', 'государства', 'партии',
  'в', 'и', 'что', 'не', 'Москва', 'Казахстане', 'ООО', '«Газпром»', 'т.е.', 'т. д.', 'г.', 'ул.', 'Н.', 'А.',
  'США', 'Оскар-2025', 'из-за', '3,5', '500 000', '2024', 'https://example.com/a?b=1', 'user@mail.ru', '#тег',
  '@ник', 'ЦБ', 'по', 'его', 'словам', 'Он', 'она', 'подчеркнул', 'сообщил', 'Reuters', 'iPhone', 'ё', 'Ёлка',
);
const quotes = fc.constantFrom('«', '»', '„', '“', '”', '"', "'", '‘', '’', '‹', '›');
const dashes = fc.constantFrom('—', '–', '-', '―', '‐', ' — ', ' – ', ', — ', '», — ');
const spaces = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u2028', '\u3000');
const punct = fc.constantFrom('.', ',', '!', '?', '…', ':', ';', '(', ')', '[', ']', '...', '?!', '*', '/', '%', '№');
const emoji = fc.constantFrom('🔥', '❄️', '👨‍👩‍👧', '🇷🇺', '1️⃣', '👍🏽', '‼️', '🌡', '©', '™');
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
const edit = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constant('insert' as const), fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(quotes, dashes, spaces, punct, emoji, loneSurrogate, control, words, fragment)) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('cut' as const), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 40 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('twice' as const), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 300 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('upper' as const), fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(0)) },
);
const editedSample = fc.array(edit, { minLength: 1, maxLength: 60 }).map((edits) => {
  let t = sample;
  for (const [kind, where, what] of edits) {
    const at = Math.floor(where * t.length);
    if (kind === 'insert') t = t.slice(0, at) + what + t.slice(at);
    else if (kind === 'cut') t = t.slice(0, at) + t.slice(at + (what as number));
    else if (kind === 'twice') t = t.slice(0, at) + t.slice(at, at + (what as number)) + t.slice(at);
    else t = t.slice(0, at).toUpperCase() + t.slice(at);
  }
  return t;
});

// ---- checks ------------------------------------------------------------------------------------

/** Every span of an Analysis, labelled by where it sits, so a failure says which layer broke. */
function spansOf(a: Analysis): Array<[string, Span]> {
  const out: Array<[string, Span]> = [['body', a.body]];
  a.boilerplate.forEach((s, i) => out.push([`boilerplate[${i}]`, s]));
  a.paragraphs.forEach((s, i) => out.push([`paragraphs[${i}]`, s]));
  a.sentences.forEach((s, i) => out.push([`sentences[${i}]`, s]));
  (a.tokens ?? []).forEach((s, i) => out.push([`tokens[${i}]`, s]));
  a.entities.forEach((e) => e.mentions.forEach((m, i) => out.push([`entity ${e.id} mentions[${i}]`, m])));
  a.quotes.forEach((q) => {
    out.push([`quote ${q.id}`, q]);
    q.segments.forEach((s, i) => out.push([`quote ${q.id} segments[${i}]`, s]));
    out.push([`quote ${q.id} cue`, q.cue]);
    if (q.speaker?.mention) out.push([`quote ${q.id} speaker mention`, q.speaker.mention]);
  });
  a.themes.forEach((t) => t.spans.forEach((s, i) => out.push([`theme ${t.phrase} spans[${i}]`, s])));
  return out;
}

function badSpans(text: string, a: Analysis): string[] {
  return spansOf(a)
    .filter(([, s]) => !(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length))
    .map(([where, s]) => `${where} [${s.start}, ${s.end}) outside [0, ${text.length}]`);
}

/** Token problems: overlaps, disorder, and non-space characters no token covers. */
function tokenProblems(text: string, a: Analysis): string[] {
  const tokens = a.tokens ?? [];
  const problems: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].start < tokens[i - 1].end) problems.push(`tokens[${i - 1}] [${tokens[i - 1].start}, ${tokens[i - 1].end}) overlaps tokens[${i}] [${tokens[i].start}, ${tokens[i].end})`);
  }
  const covered = new Uint8Array(text.length);
  for (const t of tokens) for (let k = Math.max(0, t.start); k < Math.min(text.length, t.end); k++) covered[k] = 1;
  for (let k = 0; k < text.length; k++) {
    if (!covered[k] && !/\s/u.test(text[k])) {
      problems.push(`character ${k} (U+${text.charCodeAt(k).toString(16).padStart(4, '0')}) is in no token`);
      if (problems.length > 5) break;
    }
  }
  return problems;
}

function quoteSegmentsOutsideBody(a: Analysis): string[] {
  const out: string[] = [];
  for (const q of a.quotes) {
    q.segments.forEach((s, i) => {
      if (s.start < a.body.start || s.end > a.body.end) out.push(`quote ${q.id} segments[${i}] [${s.start}, ${s.end}) outside body [${a.body.start}, ${a.body.end})`);
    });
  }
  return out;
}

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
      expect([...badSpans(text, a), ...tokenProblems(text, a), ...quoteSegmentsOutsideBody(a)]).toEqual([]);
    }), runs);
  });

  test('deterministic across analyzers: a warm analyzer answers as a fresh one', () => {
    const warm = createAnalyzer();
    warm.analyze(sample);
    fc.assert(fc.property(editedSample, (text) => {
      expect(warm.analyze(text, { tokens: true })).toEqual(createAnalyzer().analyze(text, { tokens: true }));
    }), runs);
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

  test('body and boilerplate are disjoint and made of whole paragraphs', () => {
    fc.assert(fc.property(fc.oneof(anyText, fc.array(fc.oneof(sampleSlice, newsish), { maxLength: 6 }).map((xs) => xs.join('\n'))), (text) => {
      const doc = new Doc(text);
      layout(doc);
      const problems: string[] = [];
      for (const b of doc.boilerplate) {
        if (!(b.end <= doc.body.start || b.start >= doc.body.end)) problems.push(`boilerplate [${b.start}, ${b.end}) overlaps body`);
        if (!doc.paragraphs.some((p) => p.start === b.start)) problems.push(`boilerplate [${b.start}, ${b.end}) starts mid-paragraph`);
      }
      if (doc.paragraphs.length > 0 && !doc.paragraphs.some((p) => p.start === doc.body.start)) problems.push('body starts mid-paragraph');
      expect(problems).toEqual([]);
    }), { numRuns: RUNS.numRuns * 3 });
  });
});
