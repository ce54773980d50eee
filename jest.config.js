/** ESM jest: franc is ESM-only and az is CommonJS; ts-jest's default-esm preset runs both
 *  under NODE_OPTIONS=--experimental-vm-modules (set by `npm test`). Type checking is `npm run typecheck`. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 60000,
  // Two workers even on two cores (jest's default there is one, which runs every file in its main
  // process), each replaced once it holds more than 1.5 GB between files: ESM test files each load
  // the library and its dictionaries afresh in a VM context, and one process running all 46 files
  // once reached V8's 4 GB heap limit and aborted the run.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1500MB',
  // A worker's event loop is empty within a few ms of jest's end message (no open handle: a
  // preload logging the worker's handles and its 'exit' event showed this), but a process
  // holding ~1 GB of test files' heaps takes longer than jest's default 500 ms to be gone, and
  // jest then kills it and prints 'A worker process has failed to exit gracefully'. With room to
  // exit, both workers end by themselves in ~1 s.
  workerGracefulExitTimeout: 5000,
};
