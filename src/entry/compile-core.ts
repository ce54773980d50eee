// Compiles the bundled runtime (dist/bundle/core.cjs, the library as one CommonJS file) with V8's
// code cache. Start-up is mostly first-time work: V8 parsing ~0.5 MB of code and compiling each
// function the first time it runs. A cache written at build time (scripts/code-cache.mjs, after
// analysing the sample article) holds the bytecode of every function that analysis ran, so a fresh
// process deserialises it instead (README "Speed and memory", start-up). ES modules have no such
// cache in Node 20, hence CommonJS compiled here; the wrapper is the one Node's own loader uses.
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type * as Core from '../core.js';

/** The runtime's exports: the library's API, and what the command line takes from the library. */
export type CoreExports = typeof Core;

/**
 * What became of the code cache: `used` (V8 took it), `rejected` (another V8 version or other V8
 * flags than the build's, or another source: compiled as without it), `absent` (no cache file),
 * `other realm` (the importing code runs in a vm context of its own, a test runner's sandbox:
 * core.cjs was required there, as any CommonJS module, without the cache).
 */
export type CodeCacheState = 'used' | 'rejected' | 'absent' | 'other realm';

export interface CompiledCore {
  exports: CoreExports;
  /** The compiled script, for `createCachedData()` once it has run. */
  script: Script;
  cache: CodeCacheState;
}

// Same in every compilation, or V8 rejects the cache (it checks the source's hash).
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/**
 * Compiles and runs `core.cjs` in Node's main context, with `cachedData` as V8's code cache when given.
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
    throw missingCore(file, err);
  }
  const script = new Script(WRAPPER_HEAD + code + WRAPPER_TAIL, { filename: file, cachedData });
  const cache: CodeCacheState = cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'used';
  const module = { exports: {} as CoreExports };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script, cache };
}

/**
 * Whether the calling code runs in Node's main context. A test runner (Jest) may run modules in a
 * vm context of their own, whose built-ins (Object, Array) are not the main context's: the
 * library compiled into the main context would then meet az, required in the runner's context,
 * with the other built-ins, and fail.
 * @example
 * const exports = inMainContext() ? compileCore(url).exports : createRequire(import.meta.url)('./core.cjs');
 */
export function inMainContext(): boolean {
  return new Script('globalThis').runInThisContext() === globalThis;
}

/**
 * core.cjs required as any CommonJS module in the caller's context (see inMainContext), by the
 * caller's `require`; no code cache.
 * @example
 * const core = requireCore(new URL('./core.cjs', import.meta.url), createRequire(import.meta.url));
 */
export function requireCore(coreUrl: URL, require: NodeRequire): CoreExports {
  const file = fileURLToPath(coreUrl);
  try {
    return require(file) as CoreExports;
  } catch (err) {
    throw (err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && !existsSync(file) ? missingCore(file, err) : err;
  }
}

/** Where an application's bundler took in the entry point, core.cjs was left behind. */
function missingCore(file: string, err: unknown): Error {
  return new Error(`rutext: cannot read its runtime ${file} (${(err as Error).message}); rutext must stay in node_modules, outside an application's bundle (README: Bundling)`, { cause: err });
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
