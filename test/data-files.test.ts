// A package whose data files are not where its code looks for them (a deployment that trimmed
// files, an application bundled away from node_modules/rutext) must say so, not analyse on with
// worse results: names left in the case the text has, no tagger, themes without their table.
// These tests run a copy of the package as `npm pack` makes it, with one data file taken away.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from './global-setup.js';

let pkg = '';
/** The files `npm pack` puts in the package (package.json's `files`, and what npm always adds). */
let packed: string[] = [];
beforeAll(() => {
  ensureBuilt();
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8', shell: process.platform === 'win32' });
  packed = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
  // The package as a user installs it: the packed files only, its dependencies beside it.
  pkg = mkdtempSync(join(tmpdir(), 'rutext-packed-'));
  for (const f of packed) cpSync(join(repoRoot, f), join(pkg, f), { recursive: true });
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

describe('the packed file list', () => {
  test('holds every module and data file the bundle loads, the public declarations, the licence', () => {
    // core.cjs is the library, core.cache V8's code cache for it (src/entry/compile-core.ts).
    const need = new Set(['bin/rutext.js', 'LICENSE', 'README.md', 'package.json', 'dist/bundle/index.js', 'dist/bundle/cli.js', 'dist/bundle/worker.js',
      'dist/bundle/core.cjs', 'dist/bundle/core.cache', 'dist/index.d.ts']);
    for (const f of packed.filter((p) => /^dist\/bundle\/.*\.c?js$/.test(p))) {
      const code = readFileSync(join(repoRoot, f), 'utf8');
      for (const m of code.matchAll(/from ["']\.\/([^"']+)["']/g)) need.add(`dist/bundle/${m[1]}`);
      for (const m of code.matchAll(/new URL\("([^"$`]+)", new URL\("([^"]+)", (?:import\.meta\.url|__bundleUrl)\)\.href\)/g)) {
        need.add(relative(repoRoot, fileURLToPath(new URL(m[1], new URL(m[2], pathToFileURL(join(repoRoot, f)))))));
      }
    }
    // The declarations the public entry point reaches.
    const queue = ['dist/index.d.ts'];
    for (let d = queue.pop(); d !== undefined; d = queue.pop()) {
      for (const m of readFileSync(join(repoRoot, d), 'utf8').matchAll(/from '\.\/([^']+)\.js'/g)) {
        const next = `dist/${m[1]}.d.ts`;
        if (!need.has(next)) queue.push(next);
        need.add(next);
      }
    }
    // Named by the bundle, read only where the shipped file beside them is absent (in a build being made).
    const standIns = ['dist/cli/worker.js', 'models/ner-clusters.tsv', 'dist/themes/df.tsv'];
    expect([...need].filter((f) => !packed.includes(f) && !standIns.includes(f))).toEqual([]);
    // Not shipped: sources, tests, the unbundled build (the bench's), text copies of prebuilt tables.
    expect(packed.filter((f) => /^(src|test|scripts|types)\/|\.map$|^dist\/(cli|morph|entities)\/.*\.js$|ner-clusters\.tsv|df\.tsv/.test(f))).toEqual([]);
  });
});

describe('a data file missing from the package', () => {
  test('the packed files alone analyse the sample, in the library and in batch workers (the copy itself is sound)', () => {
    expect(library()).toEqual({ quotes: 7 });
    const input = join(pkg, 'in.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 's', text: sample })}\n`);
    const r = cli(['batch', input, '--workers', '1']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { quotes: unknown[] }).quotes).toHaveLength(7);
  }, 60_000);

  test.each([
    'models/ner.bin', // the tagger: the dictionary's candidates were used instead
    'dist/entities/name-endings.tsv', // name normalisation: each name was kept as written
    'dist/entities/prepositions.tsv',
    'dist/quotes/cues.tsv',
    'dist/morph/russian-stem.tsv', // read on import before: the import itself failed
    'dist/quotes/words.tsv',
  ])('%s: analyze throws a DataFileError naming it', (rel) => {
    const got = without(rel, library);
    expect(got.name).toBe('DataFileError');
    expect(got.exported).toBe(true);
    expect(got.path).toBe(join(pkg, rel));
    expect(got.message).toContain('Bundling');
  }, 60_000);

  test('dist/bundle/core.cache: the library compiles without it, same analyses', () => {
    expect(without('dist/bundle/core.cache', library)).toEqual({ quotes: 7 });
  }, 60_000);

  test('dist/bundle/core.cjs: the import fails, naming the file and the README section', () => {
    const code = `import(${JSON.stringify(pathToFileURL(join(pkg, 'dist/bundle/index.js')).href)}).then(() => console.log('loaded'), (e) => console.log(e.message));`;
    const r = without('dist/bundle/core.cjs', () => spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }));
    expect(r.stdout).toContain(join(pkg, 'dist/bundle/core.cjs'));
    expect(r.stdout).toContain('README: Bundling');
  }, 60_000);

  test('models/themes-df.bin: a DataFileError (its text form is not shipped)', () => {
    const got = without('models/themes-df.bin', library);
    expect(got.name).toBe('DataFileError');
    expect(got.path).toBe(join(pkg, 'models/themes-df.bin'));
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
