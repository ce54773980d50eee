// The library as one module: scripts/bundle.mjs bundles it into dist/bundle/core.cjs, which the
// package's entry point (src/entry/) compiles with V8's code cache. The command line's bundle
// (cli.js, worker.js) takes its library from here too, so the package holds one copy of the
// library's code. Nothing here may act on being loaded.
export { analyze, createAnalyzer, DataFileError, LAYERS } from './index.js';
// For the command line only (not public).
export { isDataFileError, passDataFileError } from './data-file.js';
