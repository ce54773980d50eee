// Writes dist/bundle/core.cache, V8's code cache for dist/bundle/core.cjs (run by scripts/bundle.mjs).
// The cache is taken after the runtime has analysed the sample article, once with every layer and
// tokens: it then holds the bytecode of every function that analysis ran, not only the top level.
// V8 checks it against its version, its flags and the source when a process loads it, and compiles
// as without a cache where any differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { compileCore } from '../dist/bundle/compile-core.js';

const bundle = new URL('../dist/bundle/', import.meta.url);
const { exports, script } = compileCore(new URL('core.cjs', bundle));
const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const analysis = exports.createAnalyzer().analyze(sample, { tokens: true });
// A runtime that analyses nothing would cache little: the build stops instead.
if (analysis.quotes.length === 0 || analysis.entities.length === 0) throw new Error('code-cache: the sample article gave no quotes or entities');
writeFileSync(new URL('core.cache', bundle), script.createCachedData());
