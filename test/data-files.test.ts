// A package whose data files are not where its code looks for them (a deployment that trimmed
// files, an application bundled away from node_modules/rutext) must say so, not analyse on with
// worse results: names left in the case the text has, no tagger, themes without their table.
// These tests run a copy of the built package with one data file taken away.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from './global-setup.js';

let pkg = '';
beforeAll(() => {
  ensureBuilt();
  pkg = mkdtempSync(join(tmpdir(), 'rutext-broken-'));
  for (const part of ['bin', 'dist', 'models', 'package.json']) cpSync(join(repoRoot, part), join(pkg, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(pkg, 'node_modules'));
}, 240_000);
afterAll(() => { if (pkg !== '') rmSync(pkg, { recursive: true, force: true }); });

/** Runs fn with the package's file `rel` moved away, and puts it back. */
function without<T>(rel: string, fn: () => T): T {
  renameSync(join(pkg, rel), join(pkg, `${rel}.away`));
  try {
    return fn();
  } finally {
    renameSync(join(pkg, `${rel}.away`), join(pkg, rel));
  }
}

const sample = readFileSync(join(repoRoot, 'fixtures/article.txt'), 'utf8');

function library(): { name?: string; path?: string; message?: string; exported?: boolean; quotes?: number } {
  const code = `import { readFileSync } from 'node:fs';
    import { analyze, DataFileError } from ${JSON.stringify(pathToFileURL(join(pkg, 'dist/bundle/index.js')).href)};
    try { console.log(JSON.stringify({ quotes: analyze(readFileSync(0, 'utf8')).quotes.length })); }
    catch (e) { console.log(JSON.stringify({ name: e.name, path: e.path, message: e.message, exported: e instanceof DataFileError })); }`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { input: sample, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as ReturnType<typeof library>;
}

const cli = (args: string[], input?: string) => spawnSync(process.execPath, [join(pkg, 'bin/rutext.js'), ...args], { cwd: pkg, input, encoding: 'utf8' });

describe('a data file missing from the package', () => {
  test('the complete copy analyses the sample (the copy itself is sound)', () => {
    expect(library()).toEqual({ quotes: 7 });
  }, 60_000);

  test.each([
    'models/ner.bin', // the tagger: the dictionary's candidates were used instead
    'dist/entities/name-endings.tsv', // name normalisation: each name was kept as written
    'dist/entities/prepositions.tsv',
    'dist/quotes/cues.tsv',
  ])('%s: analyze throws a DataFileError naming it', (rel) => {
    const got = without(rel, library);
    expect(got.name).toBe('DataFileError');
    expect(got.exported).toBe(true);
    expect(got.path).toBe(join(pkg, rel));
    expect(got.message).toContain('Bundling');
  }, 60_000);

  test('models/themes-df.bin: the text table beside the code stands in for it (the same table)', () => {
    expect(without('models/themes-df.bin', library)).toEqual({ quotes: 7 });
    const both = without('models/themes-df.bin', () => without('dist/themes/df.tsv', library));
    expect(both.name).toBe('DataFileError');
    expect(both.path).toBe(join(pkg, 'models/themes-df.bin'));
  }, 60_000);

  test('rutext analyze ends with exit status 2 and the message, once for all inputs', () => {
    const article = join(pkg, 'article.txt');
    writeFileSync(article, sample);
    const r = without('models/ner.bin', () => cli(['analyze', article, article]));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.match(/cannot read rutext's data file/g)).toHaveLength(1);
    expect(r.stderr).toContain(join(pkg, 'models/ner.bin'));
  }, 60_000);

  test.each([0, 1])('rutext batch --workers %i ends with exit status 2, writes no line, and --resume then does every document once', (workers) => {
    const input = join(pkg, `in-${workers}.jsonl`), output = join(pkg, `out-${workers}.jsonl`);
    writeFileSync(input, ['{"id":"a","text":"Путин сказал, что всё хорошо."}', '{"id":"b","text":"Песков заявил журналистам о переговорах."}', ''].join('\n'));
    const r = without('models/ner.bin', () => cli(['batch', input, '-o', output, '--workers', String(workers)]));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('models/ner.bin');
    expect(readFileSync(output, 'utf8')).toBe('');
    const again = cli(['batch', input, '-o', output, '--workers', String(workers), '--resume']);
    expect(again.status).toBe(0);
    const ids = readFileSync(output, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string; error?: string }));
    expect(ids.map((o) => o.id)).toEqual(['a', 'b']);
    expect(ids.every((o) => o.error === undefined)).toBe(true);
  }, 60_000);
});
