// The package's entry points are the bundle of scripts/bundle.mjs, not the modules tested elsewhere
// (from src/). These tests load the built bundle in a fresh node process, as a user's import does,
// and hold it to the same answers as the sources: every module must still find its own data files
// (two stages have a roles.tsv) and bundling must not change what any stage computes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAnalyzer } from '../src/index.js';
import { ensureBuilt, repoRoot } from './global-setup.js';

beforeAll(() => ensureBuilt(), 240_000);

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; exports: { '.': { import: string; types: string } } };

/** Runs an ES module snippet in a fresh node process (with `flags`, and `env` when given); returns its stdout. */
function runModule(code: string, input: string, flags: string[] = [], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { cwd: repoRoot, input, encoding: 'utf8', env, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`node exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return r.stdout;
}

describe('the package as a user installs it', () => {
  /** A consumer project in a temporary folder with rutext in its node_modules (a link to this repository). */
  function consumer(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'rutext-consumer-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(repoRoot, join(dir, 'node_modules', 'rutext'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  test.each(['node16', 'bundler'])('the declarations compile in a strict TypeScript project without skipLibCheck (moduleResolution %s)', (resolution) => {
    // They name the public types only: declarations of the stages reach az, whose types are ours (types/az.d.ts) and not shipped.
    const dir = consumer({
      'package.json': '{"type":"module"}',
      'main.ts': [
        "import { analyze, createAnalyzer, DataFileError, LAYERS, type Analysis, type Layer } from 'rutext';",
        "const a: Analysis = analyze('Песков заявил.');",
        "try { analyze('x'); } catch (e) { if (e instanceof DataFileError) console.error(e.path.length, e.message); }",
        "const b = createAnalyzer({ layers: ['quotes'] satisfies Layer[] });",
        'export const n: number = a.quotes.length + b.analyze(\'x\').speakers.length + LAYERS.length;',
        '// @ts-expect-error: an unknown option is a type error',
        "createAnalyzer({ colour: true });",
      ].join('\n'),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', types: [], module: resolution === 'bundler' ? 'esnext' : 'node16', moduleResolution: resolution },
        files: ['main.ts'],
      }),
    });
    try {
      const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('require() of the package says it is an ES module (or loads it, where Node can), not that nothing is exported', () => {
    const dir = consumer({ 'main.cjs': "try { console.log(typeof require('rutext').analyze); } catch (e) { console.log(e.code); }" });
    try {
      const out = spawnSync(process.execPath, [join(dir, 'main.cjs')], { encoding: 'utf8' }).stdout.trim();
      expect(['ERR_REQUIRE_ESM', 'ERR_REQUIRE_ASYNC_MODULE', 'function']).toContain(out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the bundled entry point', () => {
  test('package.json points at files the build wrote', () => {
    for (const p of [pkg.main, pkg.exports['.'].import, pkg.exports['.'].types]) expect(existsSync(join(repoRoot, p))).toBe(true);
    expect(pkg.exports['.'].import).toBe(pkg.main);
    expect(readFileSync(join(repoRoot, 'bin/rutext.js'), 'utf8')).toContain('../dist/bundle/cli.js');
    // rutext batch's worker threads load the bundled worker when it is there (batch-command.ts).
    expect(existsSync(join(repoRoot, 'dist/bundle/worker.js'))).toBe(true);
  });

  test('every data file the bundle names by a module\'s own location exists there', () => {
    // scripts/bundle.mjs writes `new URL('./file', new URL('../stage/module.js', import.meta.url).href)`
    // (`__bundleUrl` for import.meta.url in core.cjs);
    // some of these files are read only on rare paths, so the analyses below need not reach them all.
    const dir = join(repoRoot, 'dist/bundle');
    const found: string[] = [];
    // In core.cjs (CommonJS) the bundle's own URL is `__bundleUrl`, from its `__filename`.
    for (const f of readdirSync(dir).filter((n) => /\.c?js$/.test(n))) {
      const code = readFileSync(join(dir, f), 'utf8');
      for (const m of code.matchAll(/new URL\("([^"$`]+)", new URL\("([^"]+)", (?:import\.meta\.url|__bundleUrl)\)\.href\)/g)) {
        found.push(fileURLToPath(new URL(m[1], new URL(m[2], pathToFileURL(join(dir, f))))));
      }
    }
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((p) => !existsSync(p))).toEqual([]);
  });

  test('gives the same analyses as the sources, tokens included', () => {
    // The sample, then texts that reach the lexicons of every stage (quotes, roles, themes, layout).
    const texts = [
      readFileSync(join(repoRoot, 'fixtures/article.txt'), 'utf8'),
      '«Мы готовы к диалогу», — заявил глава МИД России Сергей Лавров журналистам в Москве.',
      'Президент Франции Эмманюэль Макрон сообщил, что Париж поддержит инициативу.\n\nПодписывайтесь на наш канал.',
      'The minister said the talks would continue next week.',
    ];
    const entry = pathToFileURL(join(repoRoot, pkg.exports['.'].import)).href;
    const code = `import { readFileSync } from 'node:fs';
      import { createAnalyzer } from ${JSON.stringify(entry)};
      const a = createAnalyzer();
      const texts = JSON.parse(readFileSync(0, 'utf8'));
      process.stdout.write(JSON.stringify(texts.map((t) => a.analyze(t, { tokens: true }))));`;
    const fromBundle = JSON.parse(runModule(code, JSON.stringify(texts))) as unknown[];
    const a = createAnalyzer();
    const fromSources = JSON.parse(JSON.stringify(texts.map((t) => a.analyze(t, { tokens: true })))) as unknown[];
    expect(fromBundle).toEqual(fromSources);
    // Not a comparison of two empty answers: the sample's seven quotes came through.
    expect((fromBundle[0] as { quotes: unknown[] }).quotes).toHaveLength(7);
  }, 120_000);
});

describe('the bundle inside a host process', () => {
  const entry = (): string => pathToFileURL(join(repoRoot, pkg.exports['.'].import)).href;

  test('runs under node --frozen-intrinsics, with the same analyses', () => {
    // az's loader is sped up by patching two built-ins for a moment; where they are frozen, az loads as it does on its own.
    const code = `import { readFileSync } from 'node:fs';
      import { analyze } from ${JSON.stringify(entry())};
      process.stdout.write(JSON.stringify(analyze(readFileSync(0, 'utf8'), { tokens: true })));`;
    const text = readFileSync(join(repoRoot, 'fixtures/article.txt'), 'utf8');
    const r = spawnSync(process.execPath, ['--frozen-intrinsics', '--no-warnings', '--input-type=module', '-e', code], { cwd: repoRoot, input: text, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const frozen = JSON.parse(r.stdout) as { quotes: unknown[] };
    expect(frozen.quotes).toHaveLength(7);
    expect(frozen).toEqual(JSON.parse(runModule(code, text)));
  }, 60_000);

  test("leaves the host application's own az as it was", () => {
    // rutext changes az's loader, its tags and its graph search: on an instance of its own.
    const code = `const Az = require('az');
      const show = () => Az.Morph('стали').map((p) => String(p.tag.ext) + ' ' + p.normalize().word).join(' | ');
      const search = Az.DAWG.prototype.findAll;
      Az.Morph.init(${JSON.stringify(join(repoRoot, 'node_modules/az/dicts'))}, async (err) => {
        if (err) throw err;
        const before = show();
        const { analyze } = await import(${JSON.stringify(entry())});
        const quotes = analyze('«Стали лучше», — сказал Песков.').quotes.length;
        console.log(JSON.stringify({ before, after: show(), quotes, same: require('az') === Az, search: Az.DAWG.prototype.findAll === search }));
      });`;
    const r = spawnSync(process.execPath, ['-e', code], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { before: string; after: string; quotes: number; same: boolean; search: boolean };
    expect(out.before).toContain('ГЛ,сов');
    expect(out.after).toBe(out.before);
    expect(out).toMatchObject({ quotes: 1, same: true, search: true });
  }, 60_000);
});

describe("the library's code cache (dist/bundle/core.cache)", () => {
  const bundle = join(repoRoot, 'dist/bundle');
  const sample = readFileSync(join(repoRoot, 'fixtures/article.txt'), 'utf8');
  /** Runs node with `flags` and no NODE_OPTIONS (jest's would be V8 flags of their own): stdout, parsed. */
  function fresh(code: string, flags: string[] = []): unknown {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    return JSON.parse(runModule(code, sample, flags, env));
  }
  const viaEntry = `import { readFileSync } from 'node:fs';
    import { analyze } from ${JSON.stringify(pathToFileURL(join(bundle, 'index.js')).href)};
    import { codeCache } from ${JSON.stringify(pathToFileURL(join(bundle, 'load-core.js')).href)};
    console.log(JSON.stringify({ cache: codeCache, analysis: analyze(readFileSync(0, 'utf8'), { tokens: true }) }));`;
  /** The same through compileCore with the given cache bytes (a JS expression), or none. */
  const viaCompile = (cache: string): string => `import { readFileSync } from 'node:fs';
    import { compileCore } from ${JSON.stringify(pathToFileURL(join(bundle, 'compile-core.js')).href)};
    const { exports, cache } = compileCore(new URL(${JSON.stringify(pathToFileURL(join(bundle, 'core.cjs')).href)}), ${cache});
    console.log(JSON.stringify({ cache, analysis: exports.analyze(readFileSync(0, 'utf8'), { tokens: true }) }));`;

  test('a node without flags takes it; the analyses are those of the sources', () => {
    // The build wrote it for this node: were it rejected (another wrapper, another source), start-up would quietly lose its gain.
    const out = fresh(viaEntry) as { cache: string; analysis: unknown };
    expect(out.cache).toBe('used');
    expect(out.analysis).toEqual(JSON.parse(JSON.stringify(createAnalyzer().analyze(sample, { tokens: true }))));
  }, 60_000);

  test('a damaged cache, none, or a node with V8 flags of its own: compiled without it, the same analyses', () => {
    const used = fresh(viaEntry) as { analysis: unknown };
    const damaged = fresh(viaCompile("Buffer.from('not a code cache')")) as { cache: string; analysis: unknown };
    expect(damaged.cache).toBe('rejected');
    expect(damaged.analysis).toEqual(used.analysis);
    const none = fresh(viaCompile('undefined')) as { cache: string; analysis: unknown };
    expect(none.cache).toBe('absent');
    expect(none.analysis).toEqual(used.analysis);
    const flagged = fresh(viaEntry, ['--stack-size=900']) as { cache: string; analysis: unknown };
    expect(flagged.cache).toBe('rejected');
    expect(flagged.analysis).toEqual(used.analysis);
  }, 60_000);
});

describe("the bundle inside a test runner's vm context", () => {
  test('as in this very test (Jest runs modules in a context of its own): required there, without the cache, the same analyses', async () => {
    // Compiled into Node's main context, the library met az required in Jest's context, with
    // other built-ins, and failed on its first analysis.
    const bundle = join(repoRoot, 'dist/bundle');
    const lib = (await import(pathToFileURL(join(bundle, 'index.js')).href)) as typeof import('../src/index.js');
    const { codeCache } = (await import(pathToFileURL(join(bundle, 'load-core.js')).href)) as { codeCache: string };
    expect(codeCache).toBe('other realm');
    const sample = readFileSync(join(repoRoot, 'fixtures/article.txt'), 'utf8');
    const fromBundle = JSON.parse(JSON.stringify(lib.analyze(sample, { tokens: true }))) as { quotes: unknown[] };
    expect(fromBundle).toEqual(JSON.parse(JSON.stringify(createAnalyzer().analyze(sample, { tokens: true }))));
    expect(fromBundle.quotes).toHaveLength(7);
  }, 60_000);
});
