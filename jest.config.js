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
};
