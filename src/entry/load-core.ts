// The runtime every entry point shares (one per process or worker thread: ES modules load once).
import { compileCore, readCodeCache } from './compile-core.js';

const compiled = compileCore(new URL('./core.cjs', import.meta.url), readCodeCache(new URL('./core.cache', import.meta.url)));

/** The runtime's exports. */
export const core = compiled.exports;
/** Whether V8 took the code cache in this process (tests and the bench read it). */
export const codeCache = compiled.cache;
