// `npm run build:chars`: writes src/segment/char-classes.tsv, the segmenter's character classes for
// the Basic Multilingual Plane as runs, computed from this Node's Unicode tables. Rerun after a
// Node upgrade changes Unicode versions (test/segment.test.ts says when the file is stale).
import { writeFileSync } from 'node:fs';
import { buildBmpTable, tableToRuns } from '../src/segment/chars.js';

const file = new URL('../src/segment/char-classes.tsv', import.meta.url);
const runs = tableToRuns(buildBmpTable());
writeFileSync(file, runs);
console.log(`wrote ${file.pathname}: ${runs.split('\n').length - 1} runs (Unicode ${process.versions.unicode})`);
