/**
 * How the CLI writes its output when an analysis is too long for one string, when one cannot be
 * made, and when the output path is wrong: no crash, no document lost, no input overwritten.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { analyzeCommand } from '../src/cli/analyze-command.js';
import { makeProcessor } from '../src/cli/job.js';
import { scanOutput } from '../src/cli/resume.js';
import { sameFile } from '../src/cli/same-file.js';
import { readInput, readInputFile } from '../src/cli/read-input.js';
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
    expect(stderr.join('')).toMatch(new RegExp(`cannot write the analysis of ${inputs[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(its line is cut short\\): Invalid string length \\(.*split the text`));
  });

  test('output is the same whether written in one piece or many (several files, indented)', async () => {
    // Twelve copies of the article with tokens, indented: ~1.5 MB of JSON, more than one piece.
    const inputs = [article, file('twelve.txt', Array(12).fill(readFileSync(article, 'utf8')).join('\n\n')), file('s.txt', 'Песков заявил: «Всё хорошо».')];
    const out = join(tmp, 'pretty.json');
    expect(await analyzeCommand([...inputs, '--pretty', '--tokens', '-o', out])).toBe(0);
    const { createAnalyzer } = await import('../src/index.js');
    const a = createAnalyzer();
    const expected = inputs.map((f) => JSON.stringify(a.analyze(readFileSync(f, 'utf8'), { tokens: true }), null, 2) + '\n');
    expect(expected[1].length).toBeGreaterThan(1 << 20);
    expect(readFileSync(out, 'utf8')).toBe(expected.join(''));
  });

  test('-o naming an input is a usage error, and the input is left as it was', () => {
    const input = file('same.txt', 'Песков заявил: «Всё хорошо».');
    const link = join(tmp, 'same-link.txt');
    linkSync(input, link);
    // The same path, another spelling of it (path.join would tidy the dot away), a hard link.
    for (const o of [input, `${tmp}/./same.txt`, link]) {
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
    // Before any analysis: the analyzer is never asked.
    const analyze = jest.fn();
    await expect(analyzeCommand([article, '-o', join(tmp, 'no', 'out.json')], 'analyze', { analyze } as unknown as Analyzer)).rejects.toThrow(/cannot write .*ENOENT/);
    expect(analyze).not.toHaveBeenCalled();
  });

  const devFull = existsSync('/dev/full') ? test : test.skip;
  devFull('a write that fails (a full disk: /dev/full) is an I/O error, exit 2, for analyze and batch', () => {
    for (const args of [['analyze', article, '-o', '/dev/full'], ['analyze', article, '--format', 'text', '-o', '/dev/full'], ['batch', join(tmp, 'one.jsonl'), '--workers', '0', '--quiet', '-o', '/dev/full']]) {
      writeFileSync(join(tmp, 'one.jsonl'), '{"id":"a","text":"Песков заявил: «Всё хорошо»."}\n');
      const r = runCli(args);
      expectExit(r, 2);
      expect(r.stderr).toContain('ENOSPC');
    }
  });

  devFull('a failed write stops the run before the next analysis, not after all of them', async () => {
    const inputs = [1, 2, 3, 4, 5].map((i) => file(`full-${i}.txt`, 'fine'));
    const analyze = jest.fn(() => ({ schemaVersion: 1, quotes: [] }));
    await expect(analyzeCommand([...inputs, '-o', '/dev/full'], 'analyze', { analyze } as unknown as Analyzer)).rejects.toThrow(/ENOSPC/);
    expect(analyze).toHaveBeenCalledTimes(1);
  });

  devFull('a full stdout (> /dev/full) is an I/O error too: one line on stderr, exit 2', () => {
    writeFileSync(join(tmp, 'one.jsonl'), '{"id":"a","text":"Песков заявил: «Всё хорошо»."}\n');
    for (const args of [['analyze', article], ['analyze', article, '--format', 'text'], ['batch', join(tmp, 'one.jsonl'), '--workers', '0', '--quiet']]) {
      const full = openSync('/dev/full', 'w');
      let r;
      try {
        r = spawnSync(process.execPath, [join(repoRoot, 'bin/rutext.js'), ...args], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      } finally {
        closeSync(full);
      }
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: 'rutext: cannot write to stdout: ENOSPC: no space left on device, write\n' });
    }
  });

  test('-o /dev/null with /dev/null as input is not "the same file" (devices are never)', () => {
    expectExit(runCli(['analyze', '/dev/null', '-o', '/dev/null']), 0);
  });
});

describe('readInput', () => {
  test('reads what readFileSync reads: UTF-8 with its BOM kept, broken bytes replaced, an empty file', () => {
    for (const bytes of [Buffer.from('\uFEFFПесков заявил.'), Buffer.from([0xd0, 0x9f, 0xff, 0x41, 0xd0]), Buffer.alloc(0), Buffer.alloc(3 << 20, 0xd0)]) {
      const p = join(tmp, 'read-input.txt');
      writeFileSync(p, bytes);
      expect(readInput(p)).toBe(readFileSync(p, 'utf8'));
    }
  });

  test('a pipe read in many chunks gives what the file gives (rutext analyze on stdin)', () => {
    const big = Array(900).fill(readFileSync(article, 'utf8')).join('\n\n'); // ~4.4 MB of UTF-8
    const p = file('piped.txt', big);
    const fromFile = runCli(['analyze', p, '--fields', 'sentences']);
    const fromPipe = runCli(['analyze', '--fields', 'sentences'], { input: big });
    expectExit(fromPipe, 0);
    expect(fromPipe.stdout).toBe(fromFile.stdout);
    expect(fromPipe.stdout.length).toBeGreaterThan(100_000);
  });

  test('stops past its limit: a regular file by its size, at once; an input with no end, once read that far', () => {
    const p = file('over.txt', 'x'.repeat(2000));
    expect(() => readInput(p, 1999)).toThrow(expect.objectContaining({ code: 'ERR_STRING_TOO_LONG' }));
    expect(readInput(p, 2000)).toHaveLength(2000);
    if (existsSync('/dev/zero')) expect(() => readInput('/dev/zero', 3 << 20)).toThrow(/larger than 3145728 bytes/);
  });

  (existsSync('/dev/zero') ? test : test.skip)('rutext batch DIR: a .txt that is a link to /dev/zero is an error line; the other files are analysed', () => {
    const dir = join(tmp, 'zero-dir');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'Песков заявил: «Всё хорошо».');
    symlinkSync('/dev/zero', join(dir, 'b.txt'));
    writeFileSync(join(dir, 'c.txt'), 'Песков сказал, что всё хорошо.');
    const r = runCli(['batch', dir, '--fields', 'quotes', '--workers', '0', '--quiet']);
    expectExit(r, 1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; error?: string; quotes?: unknown[] });
    expect(out.map((o) => o.id)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(out[1].error).toMatch(/^cannot read: ERR_STRING_TOO_LONG \(larger than 536870888 bytes/);
    expect(out[2].quotes).toHaveLength(1);
  });

  test('readInputFile reads what readInput reads, and stops at the same limit', async () => {
    const p = file('read-file.txt', '\uFEFFПесков заявил.');
    expect(await readInputFile(p)).toBe(readInput(p));
    await expect(readInputFile(p, 5)).rejects.toMatchObject({ code: 'ERR_STRING_TOO_LONG' });
    if (existsSync('/dev/zero')) await expect(readInputFile('/dev/zero', 3 << 20)).rejects.toThrow(/larger than 3145728 bytes/);
  });

  // A stdin left non-blocking (by a shell job before us, or a parent sharing its pipe) fails a
  // read that finds no data yet with EAGAIN. perl (Debian's perl-base) sets O_NONBLOCK, then runs the command.
  const perl = spawnSync('perl', ['-e', '1']).status === 0;
  // The writer waits 1.5 s, so that the reader (started in ~0.2 s) finds no data yet: the EAGAIN path.
  const nonBlocking = (before: string, command: string): string => `(printf '${before}'; sleep 1.5; cat ${JSON.stringify(article)}) | perl -MFcntl -e `
    + `'fcntl(STDIN, F_SETFL, fcntl(STDIN, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV' ${command}`;

  (perl ? test : test.skip)('a non-blocking stdin is waited for: the text read before and after the wait, whole', () => {
    const bin = JSON.stringify(join(repoRoot, 'bin/rutext.js'));
    const r = spawnSync('bash', ['-c', nonBlocking('Абв. ', `node ${bin} analyze --fields sentences`)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const p = file('non-blocking.txt', 'Абв. ' + readFileSync(article, 'utf8'));
    expect(r.stdout).toBe(runCli(['analyze', p, '--fields', 'sentences']).stdout);
  });

  (perl ? test : test.skip)('a non-blocking stdin with no end stops at the limit', () => {
    const mod = JSON.stringify(join(repoRoot, 'dist/cli/read-input.js'));
    const script = `import(${mod}).then((m) => m.readStdin(3 << 20)).then((t) => console.log('read', t.length), (e) => console.log(e.code, e.message))`;
    const endless = `(sleep 0.4; yes) | perl -MFcntl -e 'fcntl(STDIN, F_SETFL, fcntl(STDIN, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV' node -e ${JSON.stringify(script)}`;
    // Killed after a minute: a reader without the limit would grow until the machine's memory ends.
    const r = spawnSync('bash', ['-c', endless], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
    expect(r.stdout.trim()).toBe('ERR_STRING_TOO_LONG larger than 3145728 bytes');
  });

  (existsSync('/dev/zero') ? test : test.skip)('rutext analyze /dev/zero is a file that cannot be read, not a process that grows until it is killed', () => {
    const r = runCli(['analyze', '/dev/zero', article, '--format', 'text']);
    expectExit(r, 1);
    expect(r.stderr).toContain('cannot read /dev/zero: ERR_STRING_TOO_LONG (larger than 536870888 bytes');
    expect(r.stdout).toMatch(/^.*article\.txt: rus \(Russian\), 7 quotes/);
  });
});

describe('hostile text and names in the output', () => {
  test('--format text and stderr show control characters and bidi overrides as escapes, not as terminal commands', () => {
    const hostile = 'Песков заявил: «Всё \u001b]0;PWNED\u0007 \u001b[2J хорошо \u009b31m \u202e наоборот».';
    const p = file('hostile.txt', hostile);
    const r = runCli(['analyze', p, '--format', 'text']);
    expectExit(r, 0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('\\u001b]0;PWNED\\u0007');
    // JSON, the default, is safe to print too: JSON.stringify escapes C0, line-safe.ts the rest.
    const j = runCli(['analyze', p]);
    expect(j.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(j.stdout) as Analysis).quotes[0].text).toContain('\u009b31m');
    const missing = join(tmp, 'no\u001b[2Jsuch.txt');
    const m = runCli(['analyze', missing, '--format', 'text']);
    expectExit(m, 1);
    expect(m.stderr).toContain('no\\u001b[2Jsuch.txt');
    expect(m.stderr).not.toContain('\u001b');
    // An error main() does not handle (bin/rutext.js prints it), naming a path: escaped, on one line.
    const bad = runCli(['batch', '-', '-o', join(tmp, 'no\u001b]0;PWNED\u0007\ndir', 'out.jsonl'), '--quiet'], { input: '' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('\\u001b]0;PWNED\\u0007\\u000adir');
    expect(bad.stderr).not.toMatch(/[\u0007\u001b]/);
    expect(bad.stderr).not.toMatch(/^dir/m);
  });

  test('batch: an input field named __proto__ is passed through as a field; U+2028 in a field keeps the line one line', () => {
    const input = '{"id":"a","text":"Песков заявил.","__proto__":{"polluted":1},"note":"x\u2028y"}\n';
    const r = runCli(['batch', '--fields', 'language', '--workers', '0', '--quiet'], { input });
    expectExit(r, 0);
    expect(r.stdout.split(/\r\n|[\n\r\u0085\u2028\u2029]/).filter(Boolean)).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(out)).toContain('__proto__');
    expect(JSON.stringify(out.__proto__)).toBe('{"polluted":1}');
    expect(out.note).toBe('x\u2028y');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('sameFile', () => {
  test('one regular file by path, spelling or hard link; not two files, not devices', () => {
    const a = file('sf-a.txt', 'a');
    const b = file('sf-b.txt', 'b');
    const link = join(tmp, 'sf-link.txt');
    linkSync(a, link);
    expect(sameFile(a, a)).toBe(true);
    expect(sameFile(a, `${tmp}/../${tmp.split('/').pop()}/sf-a.txt`)).toBe(true);
    expect(sameFile(a, link)).toBe(true);
    expect(sameFile(a, b)).toBe(false);
    expect(sameFile(a, join(tmp, 'missing.txt'))).toBe(false);
    expect(sameFile(join(tmp, 'missing.txt'), join(tmp, 'missing.txt'))).toBe(true);
    expect(sameFile('/dev/null', '/dev/null')).toBe(false);
  });
});

describe('rutext batch -o', () => {
  test('a hard link of the input is a usage error, and the input is left as it was', () => {
    const input = file('b-in.jsonl', '{"id":"a","text":"Песков заявил: «Всё хорошо»."}\n');
    const link = join(tmp, 'b-link.jsonl');
    linkSync(input, link);
    const r = runCli(['batch', input, '-o', link, '--quiet']);
    expectExit(r, 2);
    expect(r.stderr).toContain('--output must not be the input file');
    expect(readFileSync(input, 'utf8')).toBe('{"id":"a","text":"Песков заявил: «Всё хорошо»."}\n');
  });
});

describe('rutext batch --id-field', () => {
  test('an input field named "id" does not replace the output id taken from another field', () => {
    const input = file('guid.jsonl', '{"guid":"g1","id":"other","text":"Песков заявил: «Всё хорошо»."}\n{"guid":"g2","id":null,"text":"Песков сказал."}\n');
    const out = join(tmp, 'guid.out.jsonl');
    expectExit(runCli(['batch', input, '--id-field', 'guid', '--fields', 'quotes', '--workers', '0', '--quiet', '-o', out]), 0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['g1', 'g2']);
    // And --resume finds both done: nothing analysed or written twice.
    expectExit(runCli(['batch', input, '--id-field', 'guid', '--fields', 'quotes', '--workers', '0', '--quiet', '-o', out, '--resume']), 0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});

describe('rutext batch --resume over a line too long to decode', () => {
  test('reads its id from its start; a torn long last line is cut', async () => {
    // With a 64-byte limit standing in for Node's 536 870 888: lines over it are read by their start.
    const out = file('resume.jsonl', [
      '{"id":"a","quotes":[]}',
      `{"id":"b","tokens":"${'д'.repeat(100)}"}`,
      `{"id":7,"tokens":"${'д'.repeat(100)}"}`,
      `{"id":"c","tokens":"${'д'.repeat(100)}`, // torn: no break, no closing brace
    ].join('\n'));
    const r = await scanOutput(out, 64);
    expect([...r.done]).toEqual([['"a"', 1], ['"b"', 1], ['7', 1]]);
    expect(r.lines).toBe(3);
    expect(r.truncatedBytes).toBe(Buffer.byteLength(`{"id":"c","tokens":"${'д'.repeat(100)}`));
    const bad = file('not-output.jsonl', `[${'1,'.repeat(100)}1]\n`);
    await expect(scanOutput(bad, 64)).rejects.toThrow(/line 1 is not a rutext output line/);
    // A long line that starts like one but does not end like one (complete, yet cut inside) is not one.
    const cut = file('cut-output.jsonl', `{"id":"a","quotes":[]}\n{"id":"b","tokens":"${'д'.repeat(100)}\n`);
    await expect(scanOutput(cut, 64)).rejects.toThrow(/line 2 is not a rutext output line/);
    // An id longer than the start read (or not read so at all) sends the line to be read whole.
    const longId = file('long-id.jsonl', `{"id":"${'я'.repeat(50)}","tokens":"${'д'.repeat(100)}"}\n{"id":"b","quotes":[]} \n`);
    expect([...(await scanOutput(longId, 64)).done]).toEqual([[`"${'я'.repeat(50)}"`, 1], ['"b"', 1]]);
    // Shaped like an id but not JSON: not an output line, said so (not a SyntaxError).
    const badId = file('bad-id.jsonl', '{"id":"\\q","quotes":[]}\n');
    await expect(scanOutput(badId)).rejects.toThrow(/line 1 is not a rutext output line/);
    // The default reads lines over 64 KB by their start and last byte, as these are read here.
    const long = file('long-output.jsonl', `{"id":"x","tokens":"${'д'.repeat(100_000)}"}\n`);
    expect([...(await scanOutput(long)).done]).toEqual([['"x"', 1]]);
  });
});

describe('rutext batch: an input field nested too deep to write back', () => {
  // JSON.parse reads any depth; JSON.stringify, which writes passed-through fields back, recurses.
  test.each([0, 1])('is an error line, and the run goes on (--workers %d)', (workers) => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const input = file(`deep-${workers}.jsonl`, [
      '{"id":"a","text":"Песков заявил: «Всё хорошо»."}',
      `{"id":"b","text":"x","meta":${deep}}`,
      '{"id":"c","text":"Песков сказал, что всё хорошо."}',
    ].join('\n') + '\n');
    const r = runCli(['batch', input, '--fields', 'quotes', '--workers', String(workers), '--quiet']);
    const lines = r.stdout.trim().split('\n');
    const out = lines.map((l) => JSON.parse(l) as { id: string; error?: string; quotes?: unknown[] });
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    if (out[1].error === undefined) {
      // Node 26's JSON.stringify in a worker thread writes this depth back: the field, whole.
      expectExit(r, 0);
      expect(lines[1]).toBe(`{"id":"b","meta":${deep},"schemaVersion":1,"quotes":[]}`);
    } else {
      expectExit(r, 1);
      expect(out[1].error).toMatch(/^cannot write the output line: Maximum call stack size exceeded/);
    }
    expect(out[2].quotes).toHaveLength(1);
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
