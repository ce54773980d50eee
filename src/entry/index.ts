// The package's entry point (dist/bundle/index.js): the library's API from the shared runtime.
// Its declarations are dist/index.d.ts, from src/index.ts.
import { core } from './load-core.js';

export const { analyze, createAnalyzer, DataFileError, LAYERS } = core;
