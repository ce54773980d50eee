/**
 * `rutext batch`: a last input line without a line break is a document like any other (the
 * usual output of `printf`, of editors, of `jq -c … | head -c`). Every other batch test feeds
 * input that ends with '\n', so a batch loop that drops an unterminated last line passes them
 * (readLines' own unit test does not cover the loop that consumes it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, expectExit, runCli } from './global-setup.js';

const tmp = mkdtempSync(join(tmpdir(), 'rutext-lastline-'));
beforeAll(() => ensureBuilt(), 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lines = [
  { id: 'a', text: 'Песков заявил, что всё хорошо.' },
  { id: 'b', text: 'Партиям предстоит стать опорой.' },
  { id: 'c', text: 'Лавров сказал: «Мы готовы».' },
].map((o) => JSON.stringify(o));
const ids = (stdout: string) => stdout.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { id: unknown }).id);

describe('rutext batch: the last line without a line break', () => {
  test.each([0, 2])('from stdin and from a file, every id once (--workers %d)', (workers) => {
    const input = lines.join('\n'); // no final '\n'
    const fromStdin = runCli(['batch', '-', '--fields', 'quotes', '--workers', String(workers), '--quiet'], { input });
    expectExit(fromStdin, 0);
    expect(ids(fromStdin.stdout)).toEqual(['a', 'b', 'c']);
    const file = join(tmp, `in-${workers}.jsonl`);
    writeFileSync(file, input);
    const fromFile = runCli(['batch', file, '--fields', 'quotes', '--workers', String(workers), '--quiet']);
    expectExit(fromFile, 0);
    expect(fromFile.stdout).toBe(fromStdin.stdout);
    // The last document was analysed, not just echoed: its quote is there.
    expect((JSON.parse(fromFile.stdout.trim().split('\n')[2]) as { quotes: unknown[] }).quotes).toHaveLength(1);
  }, 120_000);

  test('--resume after a run over such a file adds nothing and loses nothing', () => {
    const file = join(tmp, 'resume.jsonl');
    const out = join(tmp, 'resume.out.jsonl');
    writeFileSync(file, lines.join('\n'));
    writeFileSync(out, `${lines[0].replace('"text":"Песков заявил, что всё хорошо."', '"schemaVersion":1')}\n`); // as if killed after the first
    const r = runCli(['batch', file, '-o', out, '--resume', '--fields', 'quotes', '--workers', '0']);
    expectExit(r, 0);
    expect(r.stderr).toMatch(/2 documents, 1 skipped/);
    expect(ids(readFileSync(out, 'utf8'))).toEqual(['a', 'b', 'c']);
  }, 120_000);
});
