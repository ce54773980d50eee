// Bundles the compiled modules (dist/, from tsc) into dist/bundle/: one file for the library
// (`import 'rutext'`), one for the command line and one for `rutext batch`'s worker threads,
// sharing chunks. Loading two files instead of ~90 cuts the import of the package from ~94 to ~26
// CPU ms (module resolution and per-module set-up dominated it; see README "Speed and memory").
//
// Each compiled module finds its data files beside itself (`new URL('./roles.tsv', import.meta.url)`),
// and two stages have files of the same name, so the bundle keeps every module's own location: each
// module's `import.meta.url` is replaced by the URL its unbundled copy in dist/ has, computed from the
// bundle file's own URL. The data files stay where scripts/copy-data.mjs puts them, and the unbundled
// modules stay too (the bench's per-stage timings load them).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(root, 'dist');
const outdir = resolve(dist, 'bundle');

/** Where each module's `import.meta.url` must point: its unbundled path, relative to outdir. */
const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist + sep)) return undefined; // dependencies are external
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'js', resolveDir: dirname(args.path) };
      const rel = relative(outdir, args.path).split(sep).join('/');
      const here = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', here), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// Chunk names carry a content hash: clear the folder so no chunk of an earlier build stays beside the new one.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { index: resolve(dist, 'index.js'), cli: resolve(dist, 'cli/main.js'), worker: resolve(dist, 'cli/worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // az loads its dictionaries from its own folder, franc is ESM-only with its own data: both stay
  // ordinary dependencies resolved from node_modules.
  packages: 'external',
  // No source map: the modules bundled are tsc's output, whose own maps esbuild does not follow
  // through the plugin below, so the map it wrote named no sources. The bundle is readable as it is.
  sourcemap: false,
  chunkNames: 'shared-[hash]',
  logLevel: 'warning',
  plugins: [ownLocation],
});
