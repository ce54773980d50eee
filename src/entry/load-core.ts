// The runtime every entry point shares (one per process or worker thread: ES modules load once).
import { createRequire } from 'node:module';
import { compileCore, inMainContext, readCodeCache, requireCore, type CodeCacheState, type CoreExports } from './compile-core.js';

const coreUrl = new URL('./core.cjs', import.meta.url);

function load(): { exports: CoreExports; cache: CodeCacheState } {
  if (!inMainContext()) return { exports: requireCore(coreUrl, createRequire(import.meta.url)), cache: 'other realm' };
  return compileCore(coreUrl, readCodeCache(new URL('./core.cache', import.meta.url)));
}

const loaded = load();

/** The runtime's exports. */
export const core = loaded.exports;
/** What became of the code cache in this process (tests and the bench read it). */
export const codeCache = loaded.cache;
