// Bundles the compiled modules (dist/, from tsc) into dist/bundle/:
// - core.cjs: the library (src/core.ts) as one CommonJS file, and core.cache, V8's code cache for it
//   (scripts/code-cache.mjs);
// - index.js: the package's entry point, a small ES module (src/entry/) that compiles core.cjs with
//   the cache (compile-core.js, load-core.js);
// - cli.js and worker.js: the command line and rutext batch's worker threads, ES modules sharing
//   chunks, which take the library from core.cjs too (through load-core.js), so the package holds
//   one copy of it, and the library's users do not load the command line's modules.
// Loading a few files instead of ~90 cut the import of the package from ~94 to ~26 CPU ms (module
// resolution and per-module set-up dominated it); the code cache spares a fresh process parsing
// the library and compiling each function it runs (README "Speed and memory", start-up).
//
// Each compiled module finds its data files beside itself (`new URL('./roles.tsv', import.meta.url)`),
// and two stages have files of the same name, so the bundle keeps every module's own location: each
// module's `import.meta.url` is replaced by the URL its unbundled copy in dist/ has, computed from the
// bundle file's own URL (in core.cjs `__bundleUrl`, from its `__filename`). The data files
// stay where scripts/copy-data.mjs puts them, and the unbundled modules stay too (the bench's
// per-stage timings load them).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(root, 'dist');
const outdir = resolve(dist, 'bundle');

/** Where each module's `import.meta.url` must point: its unbundled path, relative to outdir. */
const ownLocation = (bundleUrl) => ({
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + sep)) return undefined; // dependencies are external
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return { contents: source, loader: 'js', resolveDir: dirname(args.path) };
      const rel = relative(outdir, args.path).split(sep).join('/');
      const contents = source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, ${bundleUrl}).href`);
      // A CommonJS bundle has no import.meta: any other use of it would be undefined at run time.
      if (bundleUrl !== 'import.meta.url' && contents.includes('import.meta')) throw new Error(`${args.path}: import.meta other than import.meta.url`);
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
});

// The command line's modules import the library's (analyze.js, data-file.js, types.js): those
// imports go to a module that takes the same names from core.cjs. esbuild stops the build where a
// name is not among core.cjs's exports.
const LIBRARY = 'rutext-library';
const coreNames = Object.keys(await import(pathToFileURL(resolve(dist, 'core.js')).href));
const libraryFromCore = {
  name: 'library-from-core',
  setup(b) {
    b.onResolve({ filter: /^\.\.\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      const fromCli = args.importer.startsWith(resolve(dist, 'cli') + sep);
      return fromCli && !target.startsWith(resolve(dist, 'cli') + sep) ? { path: LIBRARY, namespace: LIBRARY } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: LIBRARY }, () => ({
      contents: `import { core } from './load-core.js';\nexport const { ${coreNames.join(', ')} } = core;\n`,
      loader: 'js',
      resolveDir: outdir,
    }));
    b.onResolve({ filter: /^\.\/load-core\.js$/ }, () => ({ path: './load-core.js', external: true }));
  },
};

// Chunk names carry a content hash: clear the folder so no chunk of an earlier build stays beside the new one.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [resolve(dist, 'core.js')],
  outfile: resolve(outdir, 'core.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // tsc has already written ES2022 (tsconfig.json), which Node 20 runs; esbuild is to change
  // nothing. With target node20 it rewrites each of the 66 regular expression literals holding
  // `\p{…}` (a Unicode property it cannot vouch for in Node 20) into `new RegExp(…)`, which parses
  // its source and looks it up in V8's cache at every evaluation where a literal is only cloned;
  // several sit in per-mention functions. Start-up −8 CPU ms, throughput −1.5–2 % (paired runs).
  target: 'esnext',
  // az stays an ordinary dependency (az.ts requires an instance of its own, and finds az's
  // dictionaries beside it). franc's script expressions (6 KB, all the library takes of franc, an
  // ES module only) go inside, so core.cjs is a CommonJS module that require() can load too.
  external: ['az'],
  // The bundle's own URL, for the modules' import.meta.url (ownLocation below); after the strict
  // mode directive, which must stay first (esbuild's own, now below it, is then an idle string).
  banner: { js: '"use strict";\nvar __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // No source map: the modules bundled are tsc's output, whose own maps esbuild does not follow
  // through the plugin above. The bundle is readable as it is.
  sourcemap: false,
  logLevel: 'warning',
  plugins: [ownLocation('__bundleUrl')],
});
// esbuild escapes non-ASCII characters in strings but leaves them in comments and regular
// expression literals (`/[а-яё]/`); one of them makes V8 hold the whole source as a two-byte
// string, twice the memory to fill in every fresh process. Escaped here too: `\uXXXX` means the
// same code unit in a regular expression (a surrogate pair the same code point under /u) and is
// mere text in a comment. The two cases where it would not mean the same stop the build.
const corePath = resolve(outdir, 'core.cjs');
const core = readFileSync(corePath, 'utf8');
if (core.includes('String.raw')) throw new Error('core.cjs: String.raw would read an escaped character as text');
if (/\\[^\0-\x7f]/.test(core)) throw new Error('core.cjs: a backslash before a non-ASCII character would escape the escape');
writeFileSync(corePath, core.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

await build({
  entryPoints: { cli: resolve(dist, 'cli/main.js'), worker: resolve(dist, 'cli/worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'esnext', // as above
  packages: 'external',
  sourcemap: false,
  chunkNames: 'shared-[hash]',
  logLevel: 'warning',
  plugins: [libraryFromCore, ownLocation('import.meta.url')],
});

// The library's entry point needs no bundling: tsc's output, copied beside core.cjs (its modules
// import each other and core.cjs by relative paths).
// tsc's comment naming a source map is dropped: the maps are not copied.
for (const name of ['index', 'load-core', 'compile-core']) {
  const code = readFileSync(resolve(dist, 'entry', `${name}.js`), 'utf8');
  writeFileSync(resolve(outdir, `${name}.js`), code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
}

// The code cache is written by a fresh node with no flags: V8 takes a cache only from a process
// whose V8 flags were the same, and users' processes mostly have none.
const env = { ...process.env };
delete env.NODE_OPTIONS;
const r = spawnSync(process.execPath, [fileURLToPath(new URL('./code-cache.mjs', import.meta.url))], { env, stdio: 'inherit' });
if (r.status !== 0) throw new Error(`scripts/code-cache.mjs failed (${r.status ?? r.signal})`);
