// `npm run build:clusters`: writes models/ner-clusters.bin, the word-cluster table of
// models/ner-clusters.tsv prebuilt for loading without parsing (src/entities/tagger/clusters.ts).
// Rerun whenever the text file changes (train-ner rewrites it); test/clusters-prebuilt.test.ts
// says when the shipped file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLUSTERS_BIN_URL, CLUSTERS_URL, encodeClusters, parseClusters } from '../src/entities/tagger/clusters.js';

const bin = encodeClusters(parseClusters(readFileSync(fileURLToPath(CLUSTERS_URL))));
writeFileSync(fileURLToPath(CLUSTERS_BIN_URL), bin);
console.log(`wrote ${fileURLToPath(CLUSTERS_BIN_URL)}: ${(bin.length / 1e6).toFixed(2)} MB`);
