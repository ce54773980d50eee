/**
 * How the CLI writes its output when an analysis is too long for one string, when one cannot be
 * made, and when the output path is wrong: no crash, no document lost, no input overwritten.
 */
import { linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { analyzeCommand } from '../src/cli/analyze-command.js';
import { makeProcessor } from '../src/cli/job.js';
import type { Analyzer } from '../src/analyze.js';
import type { Analysis } from '../src/types.js';
import { ensureBuilt, expectExit, repoRoot, runCli } from './global-setup.js';

const tmp = mkdtempSync(join(tmpdir(), 'rutext-out-'));
const article = join(repoRoot, 'fixtures/article.txt');

beforeAll(() => ensureBuilt(), 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A value whose JSON cannot be made: what JSON.stringify throws past V8's longest string. */
const tooLong = { toJSON: (): never => { throw new RangeError('Invalid string length'); } };

/**
 * An analyzer that answers by the text: `fine` → a small analysis; `boom` → throws; `half` → an
 * analysis whose first quote (over 1 MB of JSON) can be written but whose second cannot.
 */
const fake = {
  analyze(text: string): Analysis {
    if (text === 'boom') throw new Error('boom');
    const quotes = text === 'half' ? ['x'.repeat(1_100_000), tooLong] : [];
    return { schemaVersion: 1, text, quotes } as unknown as Analysis;
  },
} as unknown as Analyzer;

function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('rutext analyze: writing', () => {
  test('an analysis that cannot be made or written is reported; the other files are still written, each on its own line', async () => {
    const inputs = [file('1.txt', 'fine'), file('2.txt', 'boom'), file('3.txt', 'half'), file('4.txt', 'fine')];
    const out = join(tmp, 'out.jsonl');
    const stderr: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { stderr.push(String(s)); return true; });
    let code: number;
    try {
      code = await analyzeCommand([...inputs, '-o', out], 'analyze', fake);
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(1);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines).toHaveLength(4); // three lines and the empty rest after the last break
    expect(JSON.parse(lines[0])).toEqual({ schemaVersion: 1, text: 'fine', quotes: [] });
    // The half-written document's line is ended, so the next one still parses.
    expect(lines[1].startsWith('{"schemaVersion":1,"text":"half","quotes":["xxx')).toBe(true);
    expect(JSON.parse(lines[2])).toEqual({ schemaVersion: 1, text: 'fine', quotes: [] });
    expect(lines[3]).toBe('');
    expect(stderr.join('')).toContain(`cannot analyse ${inputs[1]}: boom`);
    expect(stderr.join('')).toMatch(new RegExp(`cannot write the analysis of ${inputs[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Invalid string length \\(.*split the text`));
  });

  test('output is the same whether written in one piece or many (several files, indented)', async () => {
    const inputs = [article, file('s.txt', 'Песков заявил: «Всё хорошо».')];
    const out = join(tmp, 'pretty.json');
    expect(await analyzeCommand([...inputs, '--pretty', '--tokens', '-o', out])).toBe(0);
    const { createAnalyzer } = await import('../src/index.js');
    const a = createAnalyzer();
    const expected = inputs.map((f) => JSON.stringify(a.analyze(readFileSync(f, 'utf8'), { tokens: true }), null, 2) + '\n').join('');
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  test('-o naming an input is a usage error, and the input is left as it was', () => {
    const input = file('same.txt', 'Песков заявил: «Всё хорошо».');
    const link = join(tmp, 'same-link.txt');
    linkSync(input, link);
    for (const o of [input, join(tmp, '.', 'same.txt'), link]) {
      const r = runCli(['analyze', article, input, '-o', o]);
      expectExit(r, 2);
      expect(r.stderr).toContain('--output must not be an input file');
      expect(readFileSync(input, 'utf8')).toBe('Песков заявил: «Всё хорошо».');
    }
  });

  test('-o naming the file stdin reads is a usage error too (analyze and batch), and the file is left as it was', () => {
    const input = file('stdin.txt', 'Песков заявил: «Всё хорошо».');
    for (const args of [['analyze', '-o', input], ['analyze', '-', '-o', input], ['batch', '-o', input, '--quiet']]) {
      const r = runCli(args, { stdinFile: input });
      expectExit(r, 2);
      expect(r.stderr).toContain('--output must not be');
      expect(r.stderr).toContain('stdin reads it');
      expect(readFileSync(input, 'utf8')).toBe('Песков заявил: «Всё хорошо».');
    }
    // Another file on stdin is fine.
    const out = join(tmp, 'from-stdin.json');
    expectExit(runCli(['analyze', '-o', out], { stdinFile: input }), 0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  test('-o in a folder that does not exist fails at once, before any analysis', async () => {
    const r = runCli(['analyze', article, '-o', join(tmp, 'no', 'such', 'dir', 'out.json')]);
    expectExit(r, 2);
    expect(r.stderr).toMatch(/cannot write .*out\.json: ENOENT/);
    // Before any analysis: an analyzer that throws when used is never called.
    const never = { analyze: (): never => { throw new Error('analysed'); } } as unknown as Analyzer;
    await expect(analyzeCommand([article, '-o', join(tmp, 'no', 'out.json')], 'analyze', never)).rejects.toThrow(/cannot write .*ENOENT/);
  });
});

describe('rutext batch: a document whose output is too long for one line', () => {
  test('is an error line with its id; the documents after it are still analysed', () => {
    const run = makeProcessor({ tokens: false, fields: null, textField: 'text', idField: 'id' }, {
      analyze: (text: string) => ({ schemaVersion: 1, quotes: text === 'long' ? [tooLong] : [] }) as unknown as Analysis,
    } as unknown as Analyzer);
    const long = run({ id: 'b', text: 'long' });
    expect(long.failed).toBe(true);
    expect(JSON.parse(long.out)).toEqual({ id: 'b', error: expect.stringMatching(/^output too long for one line \(Invalid string length\): split the text/) });
    expect(run({ id: 'c', text: 'fine' })).toEqual({ out: '{"id":"c","schemaVersion":1,"quotes":[]}', failed: false });
  });
});
