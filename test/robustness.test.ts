/**
 * The bad inputs DESIGN.md names (empty or whitespace text, non-Russian text, binary garbage,
 * unbalanced quotation marks, lone surrogates, a 10 MB article) each give a valid Analysis. The
 * 10 MB case asserts on the output's validity, never on time: a generous timeout only keeps a
 * quadratic stage from hanging the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/index.js';
import type { Analysis } from '../src/index.js';
import { badSpans, problemsOf, quoteSegmentsOutsideBody, textMismatches } from './invariants.js';

const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');

function expectValid(text: string, a: Analysis): void {
  expect(a.schemaVersion).toBe(1);
  expect(typeof a.language.code).toBe('string');
  expect(a.language.confidence).toBeGreaterThanOrEqual(0);
  expect(a.language.confidence).toBeLessThanOrEqual(1);
  for (const k of ['boilerplate', 'paragraphs', 'sentences', 'entities', 'quotes', 'speakers', 'themes'] as const) {
    expect(Array.isArray(a[k])).toBe(true);
  }
  // The tokens' own checks (cover, no overlap) where they were asked for.
  const problems = a.tokens === undefined ? [...badSpans(text, a), ...quoteSegmentsOutsideBody(a), ...textMismatches(text, a)] : problemsOf(text, a);
  expect(problems.slice(0, 10)).toEqual([]);
  // The output is plain data: it survives JSON, as the command line prints it.
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
}

describe('bad text yields a valid Analysis', () => {
  test.each([
    ['empty', ''],
    ['spaces', '     '],
    ['whitespace of every kind', ' \t\n\r\n\v\f\u00a0\u2028\u2029\u3000\ufeff'],
  ])('%s: empty layers, not Russian', (_n, text) => {
    const a = analyze(text, { tokens: true });
    expectValid(text, a);
    expect(a.language).toEqual({ code: 'und', isRussian: false, confidence: 0 });
    expect(a.paragraphs).toEqual([]);
    expect(a.sentences).toEqual([]);
    expect(a.tokens).toEqual([]);
    expect(a.entities).toEqual([]);
    expect(a.quotes).toEqual([]);
    expect(a.themes).toEqual([]);
  });

  test.each([
    ['English', 'The president said on Tuesday that the parties play a defining role in the political system. "This is a good sign," he added.'],
    ['Ukrainian', 'Президент наголосив, що партії відіграють визначальну роль у формуванні політичної системи. «Це добрий знак», — сказав він.'],
    ['Kazakh', 'Президент партиялардың саяси жүйені қалыптастырудағы рөлі айқындаушы екенін атап өтті. «Бұл жақсы белгі», — деді ол.'],
    ['Chinese', '总统表示，政党在政治体系的形成中发挥着决定性作用。“这是一个好兆头，”他说。'],
  ])('non-Russian text: %s', (_n, text) => {
    const a = analyze(text, { tokens: true });
    expectValid(text, a);
    expect(a.language.isRussian).toBe(false);
  });

  test.each([
    // fast-check's counterexample: a quoted name right after the text's first word, a lower-case noun
    // (rule 12 asks the word before a quoted title whether it is on the same line as the one before it).
    ['a quoted name after the first word', ' ф\n„Путин“сказал“ — сказал Токаев «—», — сказал Токаев. \n'],
    ['a quoted name after a first noun', 'газета «Правда» сообщила, что выборы прошли.'],
  ])('%s: a valid analysis', (_n, text) => {
    expectValid(text, analyze(text, { tokens: true }));
  });

  test('binary garbage', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256);
    const latin1 = String.fromCharCode(...bytes);
    const asUtf8 = Buffer.from(bytes).toString('utf8'); // full of U+FFFD
    for (const text of [latin1, asUtf8, '\u0000'.repeat(1000)]) {
      const a = analyze(text, { tokens: true });
      expectValid(text, a);
      expect(a.language.isRussian).toBe(false);
    }
  });

  test.each([
    ['opening guillemets only', '«Партиям предстоит стать опорой, — сказал Токаев. «Это добрый знак, — добавил он.'],
    ['closing only', 'Партиям предстоит стать опорой», — сказал Токаев». Это добрый знак»»'],
    ['mixed marks', '„Партиям предстоит“ стать «опорой» общества", — сказал "Токаев. “Это добрый знак'],
    ['nested and broken', '«Он сказал: „мы придём» и ушёл“, — заявил президент «Казахстана.'],
    ['a quote mark on every line', '«\n»\n«\n„\n"\n“\n'],
  ])('unbalanced quotation marks: %s', (_n, text) => {
    expectValid(text, analyze(text, { tokens: true }));
  });

  test.each([
    ['high surrogate alone', 'Президент \uD83D сказал: «Это \uD83D добрый знак».'],
    ['low surrogate alone', '\uDE00Президент сказал: «Это добрый знак\uDE00».'],
    ['reversed pair', 'Касым-Жомарт \uDE00\uD83D Токаев заявил, что «партии \uDC00\uD800 важны».'],
    ['at the ends', '\uD800' + sample.slice(0, 300) + '\uDBFF'],
  ])('lone surrogates: %s', (_n, text) => {
    const a = analyze(text, { tokens: true });
    expectValid(text, a);
    // JSON output keeps the offsets usable: every token's text is the slice it claims.
    for (const t of a.tokens ?? []) expect(t.text).toBe(text.slice(t.start, t.end));
  });

  test('control characters and invisible format characters', () => {
    const text = 'Президент\u0000 заявил\u0007, что\u200b «партии\u200d важны»\u001b[0m.\u202eОн\u00ad добавил: «Это знак».';
    expectValid(text, analyze(text, { tokens: true }));
  });
});

/**
 * `analyze(text)` in a child process killed after `deadlineMs`: a stage that is quadratic would block
 * jest's (synchronous) test forever, and a jest timeout cannot interrupt synchronous code, so a slow
 * stage fails the test instead of hanging the suite. Returns 'ok' and the analysis, or what went wrong.
 */
function analyzeInChild(text: string, deadlineMs: number): { outcome: string; analysis?: Analysis } {
  const dir = mkdtempSync(join(tmpdir(), 'rutext-child-'));
  try {
    const input = join(dir, 'input.txt');
    const output = join(dir, 'analysis.json');
    const child = join(dir, 'child.mts');
    writeFileSync(input, text);
    const index = new URL('../src/index.ts', import.meta.url).href;
    writeFileSync(child, [
      "import { readFileSync, writeFileSync } from 'node:fs';",
      `import { analyze } from ${JSON.stringify(index)};`,
      'const [input, output] = process.argv.slice(2);',
      "writeFileSync(output, JSON.stringify(analyze(readFileSync(input, 'utf8'))));",
    ].join('\n'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, input, output], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      timeout: deadlineMs,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const outcome = run.error ? `${run.error.message} (signal ${run.signal})` : run.status === 0 ? 'ok' : `exit ${run.status}: ${run.stderr.slice(-2000)}`;
    return outcome === 'ok' ? { outcome, analysis: JSON.parse(readFileSync(output, 'utf8')) as Analysis } : { outcome };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a 10 MB article', () => {
  // The sample article, a paragraph with unbalanced quotes, emoji and a list, repeated past 10 MB.
  const extra = [
    '«Мы продолжим работу, — сказал министр. — Но сроки пока не определены.',
    'Он напомнил, что в прошлом году на программу выделили 3,5 млрд рублей 🔥',
    '— Когда начнётся строительство?',
    '— В следующем году, если парламент одобрит бюджет», — ответил он.',
  ].join('\n');
  const unit = `${sample}\n${extra}\n`;
  const text = unit.repeat(Math.ceil(10_000_000 / unit.length));

  // A linear pipeline needs well under half of it (see analyzeInChild).
  const DEADLINE_MS = 240_000;

  test('completes with a valid, Russian analysis whose body is nearly the whole text', () => {
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const { outcome, analysis: a } = analyzeInChild(text, DEADLINE_MS);
    expect(outcome).toBe('ok');
    expectValid(text, a!);
    expect(a!.language.code).toBe('rus');
    expect(a!.body.start).toBe(0);
    expect((a!.body.end - a!.body.start) / text.length).toBeGreaterThan(0.9);
    expect(a!.paragraphs.length).toBe(text.split('\n').filter((l) => l.trim()).length);
    expect(a!.sentences.length).toBeGreaterThan(10_000);
  }, DEADLINE_MS + 60_000);
});

/** A surname no dictionary knows, different for each k < 65 536: four syllables and -ов. */
function madeUpSurname(k: number): string {
  const syllables = ['ка', 'ло', 'ми', 'ра', 'ту', 'не', 'во', 'жу', 'ше', 'ба', 'ди', 'го', 'ре', 'сы', 'фа', 'ха'];
  let s = '';
  for (let j = 0; j < 4; j++, k >>= 4) s += syllables[k & 15];
  return `${s[0].toUpperCase()}${s.slice(1)}ов`;
}

describe('texts that once took minutes', () => {
  // Each in a child process with a deadline (analyzeInChild), as they would block the suite else;
  // each takes a second or two now, and took from 90 s to hours (or all memory) before.
  // [name, text, quotes it must still find]
  const cases: Array<[string, string, number]> = [
    // Runs of one letter made the dictionary search branch at every doubled letter (stutters, as
    // in гооол): one word of 1 000 а took 44 s and 5 GB, 10 000 ran out of memory.
    ['words of 10 000 to 20 000 letters', `${[
      'а'.repeat(20_000),
      Array.from({ length: 10_000 }, () => 'а').join('-'),
      `Г${'о'.repeat(20_000)}л`,
      'а\u0301'.repeat(10_000),
      'в'.repeat(20_000),
    ].join(' ')}. Он сказал: «Это добрый знак».`, 1],
    // One "sentence" of 360 000 tokens with a cue every three: the quote patterns read from each
    // cue to the sentence's ends (30 000 cues: 90 s).
    ['a cue every three words of a sentence with no end', 'Президент заявил: '.repeat(120_000), 1],
    // A run of short quotations does not end an attribution clause, which then ran to the body's
    // end from each of them (8 000: 7 s).
    ['32 000 short quotations after cues', 'заявил «Известиям», что '.repeat(32_000), 1],
    // Each bracket of a run that is no smiley measured the whole run again (40 000: 4 s).
    ['200 000 nested brackets', `${'('.repeat(200_000)}текст${')'.repeat(200_000)}`, 0],
    // Each name's gender vote walked every voted word of the document (8 000 names: 3.7 s, 32 000: 119 s).
    ['a list of 32 000 names, each with its verb', Array.from({ length: 32_000 }, (_, k) => `${madeUpSurname(k)} заявил.`).join(' '), 0],
    // Each line ending in `>` looked back for a tag's `<` as far as the text's start (200 000 lines: 90 s).
    ['200 000 lines ending in ->', 'Подробнее ->\n'.repeat(200_000), 0],
    // Each name mention of a text with rewritten tokens (soft hyphens in its words) walked the list
    // of them from the text's start (40 000 sentences: 43 s).
    ['180 000 names hyphenated with soft hyphens', 'Пес\u00adков, Мед\u00adведев и Лав\u00adров в Моск\u00adве. '.repeat(60_000), 0],
  ];

  test.each(cases)('%s: a valid analysis', (_name, text, quotes) => {
    const { outcome, analysis: a } = analyzeInChild(text, 60_000);
    expect(outcome).toBe('ok');
    expectValid(text, a!);
    expect(a!.sentences.length).toBeGreaterThan(0);
    expect(a!.quotes.length).toBeGreaterThanOrEqual(quotes);
  }, 120_000);
});
