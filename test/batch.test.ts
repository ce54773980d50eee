import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync, writeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readLines } from '../src/cli/lines.js';
import { WORKER_YOUNG_GENERATION_MB, workerPool } from '../src/cli/pool.js';
import { clock, progressLine } from '../src/cli/progress.js';
import { makeProcessor } from '../src/cli/job.js';
import { outputId } from '../src/cli/resume.js';
import { ensureBuilt, expectExit, repoRoot, runCli } from './global-setup.js';

const tmp = mkdtempSync(join(tmpdir(), 'rutext-batch-'));
const broken = join(repoRoot, 'test/data/cli/broken.jsonl');
const expected = readFileSync(join(repoRoot, 'test/data/cli/broken.expected.tsv'), 'utf8').split('\n')
  .filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'))
  .map(([line, id, outcome]) => ({ line: Number(line), id: JSON.parse(id) as string | number, outcome }));

const article = readFileSync(join(repoRoot, 'fixtures/article.txt'), 'utf8');
const paragraphs = article.split('\n').filter((p) => p.trim().length > 40);

/** N documents made from the sample article's paragraphs (different lengths and mixes), as JSON lines. */
function corpus(n: number, prefix: string): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = 1 + (i % paragraphs.length);
    const text = [...paragraphs.slice(i % paragraphs.length), ...paragraphs].slice(0, k).join('\n');
    lines.push(JSON.stringify({ id: `${prefix}-${i}`, text, n: i }));
  }
  return lines.join('\n') + '\n';
}

type Out = { id: string | number; error?: string; schemaVersion?: number; [k: string]: unknown };
const parseOut = (s: string): Out[] => s.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Out);

beforeAll(() => ensureBuilt(), 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('readLines', () => {
  const collect = async (chunks: Array<string | Buffer>): Promise<Array<[string, number, boolean]>> => {
    const out: Array<[string, number, boolean]> = [];
    for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)))))
      out.push([l.text, l.bytes, l.ended]);
    return out;
  };
  test('lines split across chunks, CRLF, a BOM, no final break', async () => {
    expect(await collect(['\uFEFFab', 'c\r\n\nde', 'f\ng'])).toEqual([['abc', 8, true], ['', 1, true], ['def', 4, true], ['g', 1, false]]);
  });
  test('a multi-byte character cut between chunks', async () => {
    const b = Buffer.from('ёж\n');
    expect(await collect([b.subarray(0, 1), b.subarray(1)])).toEqual([['ёж', 5, true]]);
  });
  test('pulls the next chunk only when the consumer wants the next line (backpressure)', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.from(`{"id":${i}}\n{"id":${i}.5}\n`);
      }
    }
    const it = readLines(source());
    expect((await it.next()).value?.text).toBe('{"id":0}');
    expect((await it.next()).value?.text).toBe('{"id":0.5}');
    expect(pulled).toBe(1);
    expect((await it.next()).value?.text).toBe('{"id":1}');
    expect(pulled).toBe(2);
    await it.return(undefined);
  });
  test('a final line break does not make an empty line', async () => {
    expect(await collect(['a\nb\n'])).toEqual([['a', 2, true], ['b', 2, true]]);
  });
  test('a line over the limit comes without its text, flagged; the lines around it are whole', async () => {
    const lines = async (chunks: string[], max: number): Promise<Array<[string, number, boolean, boolean]>> => {
      const out: Array<[string, number, boolean, boolean]> = [];
      for await (const l of readLines(Readable.from(chunks.map((c) => Buffer.from(c))), { maxBytes: max })) out.push([l.text, l.bytes, l.ended, l.tooLong]);
      return out;
    };
    // At the limit (4 bytes) a line is kept; one byte more and it is not, in one chunk or across several.
    expect(await lines(['abcd\nabcde\nxy\n'], 4)).toEqual([['abcd', 5, true, false], ['', 6, true, true], ['xy', 3, true, false]]);
    expect(await lines(['ab', 'cd', 'e', 'fgh\nxy', '\n'], 4)).toEqual([['', 9, true, true], ['xy', 3, true, false]]);
    expect(await lines(['ab', 'cd\nabcdefgh'], 4)).toEqual([['abcd', 5, true, false], ['', 8, false, true]]);
    // Bytes, not characters: ё is two.
    expect(await lines(['ёё\nёёё\n'], 4)).toEqual([['ёё', 5, true, false], ['', 7, true, true]]);
  });
  test('of a line over the limit, its first headBytes bytes are kept: across chunks, at the end, after a BOM', async () => {
    const heads = async (chunks: Array<string | Buffer>, o: { maxBytes: number; headBytes: number }): Promise<Array<[string, number, boolean, boolean]>> => {
      const out: Array<[string, number, boolean, boolean]> = [];
      for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), o)) out.push([l.text, l.bytes, l.ended, l.tooLong]);
      return out;
    };
    expect(await heads(['ab', 'cdef', 'gh\nxy\n'], { maxBytes: 4, headBytes: 3 })).toEqual([['abc', 9, true, true], ['xy', 3, true, false]]);
    expect(await heads(['xy\nabcdefgh'], { maxBytes: 5, headBytes: 5 })).toEqual([['xy', 3, true, false], ['abcde', 8, false, true]]);
    // A head never holds more than the limit, and a BOM goes as it does from a kept line.
    expect(await heads(['abcdefgh'], { maxBytes: 4, headBytes: 5 })).toEqual([['abcd', 8, false, true]]);
    expect(await heads(['\uFEFFabcdefgh\n'], { maxBytes: 4, headBytes: 10 })).toEqual([['a', 12, true, true]]);
    expect(await heads(['\uFEFFabcdefgh\n'], { maxBytes: 6, headBytes: 6 })).toEqual([['abc', 12, true, true]]);
  });
  test('of a line over the limit, its last byte is known (before a \\r), however the chunks fall', async () => {
    const lastBytes = async (chunks: string[]): Promise<number[]> => {
      const out: number[] = [];
      for await (const l of readLines(Readable.from(chunks.map((c) => Buffer.from(c))), { maxBytes: 2 })) out.push(l.lastByte);
      return out;
    };
    expect(await lastBytes(['abc}\nab\nxyz'])).toEqual([0x7d, -1, 0x7a]);
    expect(await lastBytes(['ab', 'c', '}', '\r\n'])).toEqual([0x7d]);
    expect(await lastBytes(['abc}\r', '\n'])).toEqual([0x7d]);
  });
});

describe('progress', () => {
  test('a bar with percentage, rate and ETA when the total is known', () => {
    expect(progressLine({ done: 500, failed: 2, skipped: 0, unitsDone: 50, unitsSkipped: 0, unitsTotal: 100 }, 10, true))
      .toBe('[############------------]  50.0% 500 docs (2 failed) 50.0 docs/s ETA 0:10');
  });
  test('no total: documents and rate only; skipped units do not speed up the ETA', () => {
    expect(progressLine({ done: 30, failed: 0, skipped: 0, unitsDone: 0, unitsSkipped: 0, unitsTotal: null }, 3, false)).toBe('30 docs 10.0 docs/s');
    // Half was skipped, a quarter done in 10 s: the remaining quarter takes 10 s more.
    expect(progressLine({ done: 5, failed: 0, skipped: 9, unitsDone: 75, unitsSkipped: 50, unitsTotal: 100 }, 10, false)).toBe(' 75.0% 5 docs 9 skipped 0.5 docs/s ETA 0:10');
  });
  test.each([[0, '0:00'], [59.6, '1:00'], [3725, '1:02:05']])('clock(%d) = %s', (s, c) => expect(clock(s)).toBe(c));
});

describe('worker pool', () => {
  const script = new URL('./data/cli/crash-worker.mjs', import.meta.url);
  const opts = { tokens: false, fields: null, textField: 'text', idField: 'id' };

  test('a worker that dies costs only the job it was on; the queued jobs go to a fresh worker', async () => {
    const fatal: Error[] = [];
    const pool = workerPool(script, 1, opts, (err) => fatal.push(err), 8);
    const jobs = ['a', 'b', 'CRASH', 'c', 'd'].map((text, i) => pool.run({ id: `j${i}`, text }));
    const results = await Promise.all(jobs);
    await pool.close();
    expect(results.map((r) => JSON.parse(r.out))).toEqual([
      { id: 'j0', echo: 'a' }, { id: 'j1', echo: 'b' }, { id: 'j2', error: 'worker died: exit code 3' }, { id: 'j3', echo: 'c' }, { id: 'j4', echo: 'd' },
    ]);
    expect(results.map((r) => r.failed)).toEqual([false, false, true, false, false]);
    expect(fatal).toEqual([]);
  });

  test('each worker runs with its young generation bounded (WORKER_YOUNG_GENERATION_MB)', async () => {
    const pool = workerPool(script, 1, opts, () => {}, 8);
    const r = await pool.run({ id: 'l', text: 'LIMITS' });
    await pool.close();
    expect(JSON.parse(r.out).limits.maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_GENERATION_MB);
  });

  test('workers that cannot start stop the run instead of respawning for ever', async () => {
    const fatal = new Promise<Error>((resolve) => {
      const pool = workerPool(script, 2, { ...opts, failAtLoad: true } as typeof opts, (err) => { void pool.close(); resolve(err); });
      void pool.run({ id: 'x', text: 'x' });
    });
    expect((await fatal).message).toMatch(/batch workers keep dying \(cannot load resources\)/);
  });
});

describe('outputId', () => {
  test.each([
    ['{"id":"a\\"b","x":1}', '"a\\"b"'],
    ['{"id":12,"error":"empty line"}', '12'],
    ['{"x":1,"id":"late"}', '"late"'],
    ['{"id":"torn","quo', undefined],
    ['not json', undefined],
    ['{"no":"id"}', undefined],
  ])('%s', (line, key) => expect(outputId(line)).toBe(key));
});

describe('rutext batch over broken lines', () => {
  test.each([0, 1, 2])('exactly one output line per input line, in order (--workers %d)', (workers) => {
    const r = runCli(['batch', broken, '--workers', String(workers)]);
    const out = parseOut(r.stdout);
    expect(r.stdout.split('\n').length - 1).toBe(expected.length);
    expect(out.map((o) => o.id)).toEqual(expected.map((e) => e.id));
    out.forEach((o, i) => {
      if (expected[i].outcome === 'ok') {
        expect(o.error).toBeUndefined();
        expect(o.schemaVersion).toBe(1);
      } else {
        expect(o.error).toContain(expected[i].outcome);
        expect(Object.keys(o)).toEqual(['id', 'error']);
      }
    });
    expectExit(r, 1); // some documents failed
    expect(r.stderr).toMatch(/rutext batch: 13 documents, 8 failed/);
  });

  test('other input fields pass through; --fields keeps only some layers', () => {
    const out = parseOut(runCli(['batch', broken, '--fields', 'quotes,themes', '--quiet']).stdout);
    expect(out[0]).toMatchObject({ id: 'ok-1', source: 'kazinform' });
    expect(Object.keys(out[0])).toEqual(['id', 'source', 'schemaVersion', 'quotes', 'themes']);
    expect(out[0].text).toBeUndefined();
  }, 300_000);

  test('--fields runs only the stages the kept layers need; the layers kept are the full run\'s', () => {
    const opts = { tokens: false, textField: 'text', idField: 'id' };
    const full = JSON.parse(makeProcessor({ ...opts, fields: null })({ id: 'x', text: article }).out) as Record<string, unknown>;
    for (const fields of [['entities'], ['quotes', 'speakers'], ['themes']] as const) {
      const part = JSON.parse(makeProcessor({ ...opts, fields: [...fields] })({ id: 'x', text: article }).out) as Record<string, unknown>;
      expect(part).toEqual({ id: 'x', schemaVersion: 1, ...Object.fromEntries(fields.map((f) => [f, full[f]])) });
    }
  });

  test('stdin, --quiet, and exit 0 when every document is fine', () => {
    const input = corpus(5, 's');
    const r = runCli(['batch', '-', '--quiet', '--workers', '1'], { input });
    expectExit(r, 0);
    expect(r.stderr).toBe('');
    expect(parseOut(r.stdout).map((o) => o.id)).toEqual(['s-0', 's-1', 's-2', 's-3', 's-4']);
    expect(parseOut(runCli(['batch', '--quiet'], { input }).stdout)).toHaveLength(5);
  }, 300_000);

  test.each([0, 1])('--low-memory changes nothing but when V8 collects (--workers %d)', (workers) => {
    const input = corpus(6, 'm');
    const plain = runCli(['batch', '-', '--quiet', '--workers', String(workers)], { input });
    const low = runCli(['batch', '-', '--quiet', '--low-memory', '--workers', String(workers)], { input });
    expectExit(low, 0);
    expect(low.stderr).toBe('');
    expect(parseOut(low.stdout).map((o) => o.id)).toEqual(['m-0', 'm-1', 'm-2', 'm-3', 'm-4', 'm-5']);
    expect(low.stdout).toBe(plain.stdout);
  }, 300_000);

  test('--text-field and --id-field read other schemas; --tokens adds tokens', () => {
    const input = JSON.stringify({ url: 'u1', content: 'Партиям предстоит стать опорой.' }) + '\n';
    const [o] = parseOut(runCli(['batch', '--text-field', 'content', '--id-field', 'url', '--tokens', '-q'], { input }).stdout);
    expect(o.id).toBe('u1');
    expect((o.tokens as unknown[]).length).toBe(5);
    expect(o.content).toBeUndefined();
    const [q] = parseOut(runCli(['batch', '--text-field', 'content', '--tokens', '--fields', 'quotes', '-q'], { input }).stdout);
    expect(Object.keys(q)).toEqual(['id', 'url', 'schemaVersion', 'tokens', 'quotes']);
    expect((q.tokens as unknown[]).length).toBe(5);
  }, 300_000);
});

describe('rutext batch: a line longer than one string can hold', () => {
  test('is an error line, and the run goes on', () => {
    // A whole JSON array on one line, ~553 MB: a string cannot hold it (2^29 − 24 characters), and
    // reading it once ended the run.
    const path = join(tmp, 'long-line.jsonl');
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, '{"id":"a","text":"Песков заявил: «Всё хорошо»."}\n[{"id":"b","text":"');
      const block = Buffer.alloc(1 << 24, 0x61);
      for (let i = 0; i < 33; i++) writeSync(fd, block);
      writeSync(fd, '"}]\n{"id":"c","text":"Песков сказал, что всё хорошо."}\n');
    } finally {
      closeSync(fd);
    }
    try {
      const r = runCli(['batch', path, '--fields', 'quotes', '--workers', '0', '--quiet']);
      expectExit(r, 1);
      const out = parseOut(r.stdout);
      expect(out.map((o) => o.id)).toEqual(['a', 2, 'c']);
      expect(out[1].error).toMatch(/^line longer than 536870888 bytes/);
      expect((out[2].quotes as unknown[]).length).toBe(1);
    } finally {
      rmSync(path, { force: true });
    }
  }, 120_000);
});

describe('rutext batch at scale', () => {
  const input = join(tmp, 'corpus.jsonl');
  beforeAll(() => writeFileSync(input, corpus(40, 'd')));

  test('workers 0, 1 and 2 give byte-identical output, the same as analyze', () => {
    const outs = [0, 1, 2].map((w) => runCli(['batch', input, '--workers', String(w), '-q']));
    for (const r of outs) expectExit(r, 0);
    expect(outs[1].stdout).toBe(outs[0].stdout);
    expect(outs[2].stdout).toBe(outs[0].stdout);
    const out = parseOut(outs[2].stdout);
    expect(out.map((o) => o.id)).toEqual(Array.from({ length: 40 }, (_, i) => `d-${i}`));
    const first = JSON.parse(readFileSync(input, 'utf8').split('\n')[3]) as { text: string };
    const single = JSON.parse(runCli(['analyze'], { input: first.text }).stdout) as object;
    expect({ ...out[3], id: undefined, n: undefined }).toEqual({ ...single, id: undefined, n: undefined });
  }, 300_000);

  test('a folder of .txt files: id = path under the folder, in name order, unreadable and non-.txt handled', () => {
    const dir = join(tmp, 'texts');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'b.txt'), paragraphs[1]);
    writeFileSync(join(dir, 'a.txt'), paragraphs[0]);
    writeFileSync(join(dir, 'sub', 'c.txt'), paragraphs[2]);
    writeFileSync(join(dir, 'notes.md'), 'ignored');
    const r = runCli(['batch', dir, '--fields', 'quotes']);
    expectExit(r, 0);
    expect(parseOut(r.stdout).map((o) => o.id)).toEqual(['a.txt', 'b.txt', 'sub/c.txt']);
    expect(r.stderr).toMatch(/3 documents/);
  }, 300_000);
});

describe('rutext batch --resume', () => {
  test('a torn last line is cut off and redone; done ids are not redone', () => {
    const input = join(tmp, 'torn.jsonl');
    writeFileSync(input, corpus(6, 't'));
    const out = join(tmp, 'torn.out.jsonl');
    expectExit(runCli(['batch', input, '-o', out, '-q']), 0);
    const complete = readFileSync(out, 'utf8');
    const lines = complete.split('\n');
    // As if killed while writing line 4: lines 1–3 intact, half of line 4.
    writeFileSync(out, lines.slice(0, 3).join('\n') + '\n' + lines[3].slice(0, 100));
    const r = runCli(['batch', input, '-o', out, '--resume']);
    expectExit(r, 0);
    expect(r.stderr).toMatch(/cut a torn last line/);
    expect(r.stderr).toMatch(/3 documents, 3 skipped/);
    expect(readFileSync(out, 'utf8')).toBe(complete);
    // Nothing left to do: nothing appended.
    const again = runCli(['batch', input, '-o', out, '--resume']);
    expect(again.stderr).toMatch(/0 documents, 6 skipped/);
    expect(readFileSync(out, 'utf8')).toBe(complete);
  }, 300_000);

  test('repeated ids (and a line number equal to an id) are counted, not merged', () => {
    const out = join(tmp, 'broken.out.jsonl');
    runCli(['batch', broken, '-o', out, '-q']);
    const complete = readFileSync(out, 'utf8');
    const lines = complete.split('\n');
    writeFileSync(out, lines.slice(0, 7).join('\n') + '\n'); // up to line 7, id 7; line 9 also has id 7
    const r = runCli(['batch', broken, '-o', out, '--resume', '-q']);
    expectExit(r, 1);
    expect(readFileSync(out, 'utf8')).toBe(complete);
  }, 300_000);

  test('an output file with a foreign line is not appended to', () => {
    const out = join(tmp, 'foreign.jsonl');
    writeFileSync(out, '{"id":"a"}\nhello\n{"id":"b"}\n');
    const r = runCli(['batch', broken, '-o', out, '--resume']);
    expectExit(r, 2);
    expect(r.stderr).toMatch(/line 2 is not a rutext output line/);
    expect(readFileSync(out, 'utf8')).toBe('{"id":"a"}\nhello\n{"id":"b"}\n');
  }, 300_000);

  test('a run killed midway (SIGKILL) and resumed: every input id exactly once, in input order', async () => {
    const n = 400;
    const input = join(tmp, 'kill.jsonl');
    writeFileSync(input, corpus(n, 'k'));
    const out = join(tmp, 'kill.out.jsonl');
    const child = spawn(process.execPath, [join(repoRoot, 'bin/rutext.js'), 'batch', input, '-o', out, '--workers', '2', '-q'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const lineCount = (): number => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').length - 1 : 0);
    const t0 = Date.now();
    while (lineCount() < 10 && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const before = readFileSync(out, 'utf8');
    const linesBefore = before.split('\n').length - 1;
    expect(linesBefore).toBeGreaterThanOrEqual(10);
    expect(linesBefore).toBeLessThan(n); // killed midway, not after the end
    const sizeBefore = statSync(out).size;

    const r = runCli(['batch', input, '-o', out, '--resume', '--workers', '2']);
    expectExit(r, 0);
    expect(r.stderr).toMatch(new RegExp(`${n - linesBefore} documents, ${linesBefore} skipped`));
    const after = readFileSync(out, 'utf8');
    // What the killed run finished is kept byte for byte (only a torn last line may go).
    expect(after.startsWith(before.slice(0, before.lastIndexOf('\n') + 1))).toBe(true);
    expect(statSync(out).size).toBeGreaterThan(sizeBefore);
    const ids = parseOut(after).map((o) => o.id);
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => `k-${i}`));
    expect(parseOut(after).every((o) => o.error === undefined && o.schemaVersion === 1)).toBe(true);
    // …and identical to an uninterrupted run.
    const clean = runCli(['batch', input, '--workers', '1', '-q']).stdout;
    expect(after).toBe(clean);
  }, 600_000);

  test('Ctrl-C (SIGINT) finishes the documents in flight, exits 130, and --resume completes the run', async () => {
    const input = join(tmp, 'kill.jsonl');
    const out = join(tmp, 'int.out.jsonl');
    const child = spawn(process.execPath, [join(repoRoot, 'bin/rutext.js'), 'batch', input, '-o', out, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const lineCount = (): number => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').length - 1 : 0);
    const t0 = Date.now();
    while (lineCount() < 5 && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    const partial = readFileSync(out, 'utf8');
    expect(partial.endsWith('\n')).toBe(true); // nothing torn: the run stopped cleanly
    const done = partial.split('\n').length - 1;
    expect(done).toBeLessThan(400);
    const r = runCli(['batch', input, '-o', out, '--resume', '-q']);
    expectExit(r, 0);
    expect(parseOut(readFileSync(out, 'utf8')).map((o) => o.id)).toEqual(Array.from({ length: 400 }, (_, i) => `k-${i}`));
  }, 600_000);

  test('appending a torn line by hand to a finished output is repaired', () => {
    const out = join(tmp, 'kill.out.jsonl');
    const complete = readFileSync(out, 'utf8');
    appendFileSync(out, '{"id":"k-9","schemaVer');
    const r = runCli(['batch', join(tmp, 'kill.jsonl'), '-o', out, '--resume', '-q']);
    expectExit(r, 0);
    expect(readFileSync(out, 'utf8')).toBe(complete);
  }, 300_000);
});
