// Compiles the bundled runtime (dist/bundle/core.cjs, the library as one CommonJS file) with V8's
// code cache. Start-up is mostly first-time work: V8 parsing ~0.5 MB of code and compiling each
// function the first time it runs. A cache written at build time (scripts/code-cache.mjs, after
// analysing the sample article) holds the bytecode of every function that analysis ran, so a fresh
// process deserialises it instead (README "Speed and memory", start-up). ES modules have no such
// cache in Node 20, hence CommonJS compiled here; the wrapper is the one Node's own loader uses.
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as francExpressions from 'franc/expressions.js';
import type * as Core from '../core.js';

/** The runtime's exports: the library's API, and what the command line takes from the library. */
export type CoreExports = typeof Core;

/**
 * What became of the code cache: `used` (V8 took it), `rejected` (another V8 version or other V8
 * flags than the build's, or another source: compiled as without it), `absent` (no cache file).
 */
export type CodeCacheState = 'used' | 'rejected' | 'absent';

export interface CompiledCore {
  exports: CoreExports;
  /** The compiled script, for `createCachedData()` once it has run. */
  script: Script;
  cache: CodeCacheState;
}

// Modules the runtime requires that are ES modules only (require() cannot load them in Node 20):
// imported here and handed over.
const ES_ONLY: Record<string, unknown> = { 'franc/expressions.js': francExpressions };

// Same in every compilation, or V8 rejects the cache (it checks the source's hash).
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __bundleUrl) {';
const WRAPPER_TAIL = '\n})';

/**
 * Compiles and runs `core.cjs` beside `base`, with `cachedData` as V8's code cache when given.
 * @example
 * const { exports, cache } = compileCore(new URL('./core.cjs', import.meta.url), readFileSync(cacheFile));
 * exports.createAnalyzer().analyze('Песков заявил.');
 */
export function compileCore(coreUrl: URL, cachedData?: Buffer): CompiledCore {
  const file = fileURLToPath(coreUrl);
  let code: string;
  try {
    // ASCII as scripts/bundle.mjs writes it: read as Latin-1, V8 keeps it as a one-byte string,
    // without decoding UTF-8 (and were it not ASCII, as UTF-8).
    const bytes = readFileSync(file);
    code = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  } catch (err) {
    // Where an application's bundler took in the entry point, this file was left behind.
    throw new Error(`rutext: cannot read its runtime ${file} (${(err as Error).message}); rutext must stay in node_modules, outside an application's bundle (README: Bundling)`, { cause: err });
  }
  const source = WRAPPER_HEAD + code + WRAPPER_TAIL;
  const script = new Script(source, { filename: file, cachedData });
  const cache: CodeCacheState = cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'used';
  const nodeRequire = createRequire(file);
  const require = Object.assign((id: string): unknown => (Object.hasOwn(ES_ONLY, id) ? ES_ONLY[id] : nodeRequire(id)), nodeRequire);
  const module = { exports: {} as CoreExports };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, require, module, file, dirname(file), coreUrl.href);
  return { exports: module.exports, script, cache };
}

/**
 * The code cache file, or undefined where there is none (a build without one, a package trimmed).
 * @example
 * const cached = readCodeCache(new URL('./core.cache', import.meta.url)); // Buffer | undefined
 */
export function readCodeCache(cacheUrl: URL): Buffer | undefined {
  try {
    return readFileSync(cacheUrl);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
