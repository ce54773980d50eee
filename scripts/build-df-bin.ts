// `npm run build:df-bin`: writes models/themes-df.bin, the themes stage's background
// table (src/themes/df.tsv) prebuilt for loading without parsing (src/themes/lexicon.ts). Rerun
// whenever df.tsv changes (after `npm run build:df`); test/themes-prebuilt.test.ts says when the
// shipped file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BACKGROUND_BIN_URL, BACKGROUND_URL, encodeBackground, parseBackground } from '../src/themes/lexicon.js';

const bin = encodeBackground(parseBackground(readFileSync(BACKGROUND_URL, 'utf8')));
writeFileSync(fileURLToPath(BACKGROUND_BIN_URL), bin);
console.log(`wrote ${fileURLToPath(BACKGROUND_BIN_URL)}: ${(bin.length / 1e6).toFixed(2)} MB`);
