// `npm run build:franc-trigrams`: writes models/franc-trigrams.json, franc's trigram
// models of the languages src/layout/language.ts tells apart, which it scores without importing
// franc's tables for all its languages. Rerun after upgrading franc; test/franc-subset.test.ts says
// when the shipped file is stale.
import { writeFileSync } from 'node:fs';
import { data } from 'franc/data.js';
import { trigramModelsOf } from '../src/layout/language.js';

const file = new URL('../models/franc-trigrams.json', import.meta.url);
const models = trigramModelsOf(data);
writeFileSync(file, JSON.stringify(models, null, 1) + '\n');
console.log(`wrote ${file.pathname}: ${Object.entries(models).map(([s, l]) => `${s}: ${Object.keys(l).join(', ')}`).join('; ')}`);
