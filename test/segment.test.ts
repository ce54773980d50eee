import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Doc } from '../src/doc.js';
import { segment, sentenize, tokenize } from '../src/segment/index.js';
import { DIGIT, LETTER, MARK, PUNCT, SPACE, bmpTable, buildBmpTable, tableToRuns } from '../src/segment/chars.js';

/** Lines of a data file in test/data/segment, without comments and blank lines. */
function cases(name: string): string[] {
  return readFileSync(new URL(`./data/segment/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** `\n` → line break, `\|` → a literal bar (kept apart from the partition bars by a placeholder). */
const BAR = '\u0000';
function unescape(line: string): string {
  return line.replace(/\\\|/g, BAR).replace(/\\n/g, '\n');
}

/** A partition line: the text (bars removed) and its expected pieces. */
function partition(line: string, splitOnSpace: boolean): { text: string; pieces: string[] } {
  const raw = unescape(line);
  const text = raw.replace(/\|/g, '').replace(/\u0000/g, '|');
  const chunks = raw.split('|').map((c) => c.replace(/\u0000/g, '|'));
  const pieces = splitOnSpace
    ? chunks.flatMap((c) => c.split(/\s+/)).filter((c) => c !== '')
    : chunks.map((c) => c.trim()).filter((c) => c !== '');
  return { text, pieces };
}

function docOf(text: string): Doc {
  const doc = new Doc(text);
  segment(doc);
  return doc;
}

/** Invariants every segmentation must satisfy, whatever the text. */
function checkInvariants(text: string): void {
  const doc = docOf(text);
  let covered = 0;
  let last = 0;
  const rewritten = new Set(doc.rewritten);
  for (const [i, t] of doc.tokens.entries()) {
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(t.end).toBeGreaterThan(t.start);
    // A token's text is its slice, or its reading when segment listed it as rewritten.
    if (!rewritten.has(i)) expect(t.text).toBe(text.slice(t.start, t.end));
    // the gap before a token is whitespace only
    expect(/^\s*$/.test(text.slice(last, t.start))).toBe(true);
    covered += t.end - t.start;
    last = t.end;
  }
  expect(/^\s*$/.test(text.slice(last))).toBe(true);
  expect(covered).toBe(text.length - (text.match(/\s/g) ?? []).length + whitespaceInsideTokens(doc));
  // sentences partition the tokens, in order
  let next = 0;
  for (const s of doc.sentences) {
    expect(s.tokStart).toBe(next);
    expect(s.tokEnd).toBeGreaterThan(s.tokStart);
    expect(s.start).toBe(doc.tokens[s.tokStart].start);
    expect(s.end).toBe(doc.tokens[s.tokEnd - 1].end);
    next = s.tokEnd;
  }
  expect(next).toBe(doc.tokens.length);
}

/** Whitespace that a token may hold: the thousands separator of `500 000`, a U+FEFF inside a word. */
function whitespaceInsideTokens(doc: Doc): number {
  let n = 0;
  for (const t of doc.tokens) n += (doc.text.slice(t.start, t.end).match(/\s/g) ?? []).length;
  return n;
}

/** `\uXXXX` escapes in a data file, read as the characters. */
function unescapeCodes(s: string): string {
  return s.replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('segment: token readings', () => {
  test.each(cases('readings.txt'))('%s', (line) => {
    const [text, expected] = line.split('\t').map(unescapeCodes);
    const doc = docOf(text);
    expect(doc.tokens.map((t) => t.text).join(' | ')).toBe(expected);
    // A reading never moves a span; the tokens listed as rewritten are those whose text is not their slice.
    const differ = doc.tokens.flatMap((t, i) => (t.text === text.slice(t.start, t.end) ? [] : [i]));
    expect(doc.rewritten).toEqual(differ);
    for (const t of doc.tokens) expect(/\S/.test(text.slice(t.start, t.end))).toBe(true);
  });

  test('a text without the characters involved rewrites nothing', () => {
    const doc = docOf('Президент России Владимир Путин заявил: «Мы готовы». IT-компания Xiaomi — 5 %.');
    expect(doc.rewritten).toEqual([]);
  });
});

describe('segment: tokens', () => {
  test.each(cases('tokens.txt'))('%s', (line) => {
    const { text, pieces } = partition(line, true);
    // a space inside a token (500 000) is written as a plain space in the file: rejoin those
    const got = tokenize(text).map((t) => t.text);
    const expected = rejoinGroups(pieces, got);
    expect(got).toEqual(expected);
  });

  test.each(cases('kinds.txt'))('kinds: %s', (line) => {
    const [text, kinds] = unescape(line).split('\t');
    expect(tokenize(text).map((t) => t.kind).join(' ')).toBe(kinds);
  });
});

/**
 * The partition files split on whitespace, so `500 000` arrives as two pieces; where the
 * tokenizer produced one token containing a space and the pieces spell it, merge them.
 */
function rejoinGroups(pieces: string[], got: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const want = got[out.length];
    if (want !== undefined && /\s/.test(want)) {
      const parts = want.split(/\s+/);
      if (parts.every((p, j) => pieces[k + j] === p)) {
        out.push(want);
        k += parts.length - 1;
        continue;
      }
    }
    out.push(pieces[k]);
  }
  return out;
}

describe('segment: sentences', () => {
  test.each(cases('sentences.txt'))('%s', (line) => {
    const { text, pieces } = partition(line, false);
    const doc = docOf(text);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual(pieces);
  });

  test('the body edge ends a sentence', () => {
    const text = 'Первое предложение без точки а потом продолжение';
    const doc = new Doc(text);
    doc.body = { start: 0, end: text.indexOf('а потом') };
    segment(doc);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Первое предложение без точки', 'а потом продолжение']);
  });

  test('sentenize works on its own token list', () => {
    const text = 'Он пришёл. Она ушла.';
    expect(sentenize(text, tokenize(text)).map((s) => [s.tokStart, s.tokEnd])).toEqual([[0, 3], [3, 6]]);
  });
});

describe('segment: the sample article', () => {
  const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
  const doc = docOf(text);
  const sentences = doc.sentences.map((s) => text.slice(s.start, s.end));

  test('invariants hold', () => checkInvariants(text));

  test('the quotation closed by a dash and its speaker is one sentence', () => {
    expect(sentences).toContain('Это добрый знак", – сказал Касым-Жомарт Токаев.');
    expect(sentences).toContain('Всё это обеспечивает стабильность и эффективность политической системы", – резюмировал глава государства.');
  });

  test('the sidebar list: each line is a sentence, its emoji are tokens', () => {
    expect(sentences).toContain('1🌡Прогноз погоды на 24 января: до 34 градусов мороза ожидается в Астане');
    expect(sentences).toContain('- 2756');
    const from = text.indexOf('8🎬');
    const line = doc.tokens.filter((t) => t.start >= from && t.end <= text.indexOf(':', from) + 1).map((t) => t.text);
    expect(line).toEqual(['8', '🎬', '"', 'Оскар-2025', '"', ':']);
  });

  test('no sentence crosses a line', () => {
    for (const s of sentences) expect(s.includes('\n')).toBe(false);
  });
});

describe('segment: never throws, always covers', () => {
  test.each([
    [''],
    ['   \n\t  '],
    ['\uD800'],
    ['a\uDC00b'],
    ['\u0000\u0001\u001f\u007f'],
    ['\u200B\u200D\uFE0F\u20E3'],
    // A format character before a keycap: the word scanner once ended where it started, and the
    // tokenizer pushed empty tokens until the heap ran out (found by the property tests).
    ['\u202E1\u20E3'],
    ['\u200B1\uFE0F\u20E3 \u00AD#\u20E3'],
    ['\u0301начало с ударения'],
    ['((((((((((((((('],
    [')))))))'],
    ['a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a'],
    ['www.(www.(www.(www.('],
    ['1 000 000 000 000'],
    ['#@#@#@ @ # _#_ @_'],
    ['&#39;&amp;&;&#;'],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿\u200D\u200D👩'],
    ['😀'.repeat(50)],
    ['👩\u200D'.repeat(50000)],
  ])('%j', (text) => checkInvariants(text));

  test('random strings', () => {
    const alphabet = fc.constantFrom(
      'а', 'Б', 'x', '1', '0', ' ', '\n', '.', ',', '-', '—', '«', '»', '"', "'", '(', ')', '#', '@', '_', ':', '/',
      '😀', '❄', '\uFE0F', '\u200D', '\u20E3', '\u0301', '\uD83D', '\uDE00', '🇰', '🇿', '&', ';', '!', '?', '…', '\u00A0',
      'т', 'г', 'Н', 'w', 'r', 'u', '\u200B', '\u202E', '\u00AD',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        checkInvariants(text);
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => checkInvariants(text)), { numRuns: 200 });
  });

  test('a long text is segmented in one pass', () => {
    const text = 'Он сказал: «Это добрый знак». '.repeat(20000);
    const doc = docOf(text);
    expect(doc.sentences.length).toBe(40000);
  });
});

describe('segment: character classes', () => {
  test('the shipped table (char-classes.tsv) is what this Node computes; else run `npm run build:chars`', () => {
    const shipped = bmpTable();
    const built = buildBmpTable();
    let firstDiff = -1;
    for (let i = 0; i < built.length && firstDiff < 0; i++) if (shipped[i] !== built[i]) firstDiff = i;
    expect(firstDiff === -1 ? 'same' : `differs at U+${firstDiff.toString(16)}`).toBe('same');
  });

  test('runs round-trip and name the classes the scanner reads', () => {
    const runs = tableToRuns(buildBmpTable());
    expect(runs.startsWith('0\t')).toBe(true);
    const t = bmpTable();
    expect(t['я'.charCodeAt(0)]).toBe(LETTER);
    expect(t['7'.charCodeAt(0)]).toBe(DIGIT);
    expect(t['«'.charCodeAt(0)]).toBe(PUNCT);
    expect(t[' '.charCodeAt(0)]).toBe(SPACE);
    expect(t[0x301]).toBe(MARK);
  });
});
