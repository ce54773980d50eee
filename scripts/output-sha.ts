// `npm run output-sha`: one sha1 over the analyses (token layer included) of the first N articles
// of kw/russia_today_0 and the sample article. A speed change must leave it as it was; run it
// before and after (N=150 by default, OUTPUT_SHA_N to change; RUTEXT_DATA for the data folder).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/index.js';
import { dataDir } from './eval/data.js';

const n = Number(process.env.OUTPUT_SHA_N ?? 150);
const analyzer = createAnalyzer();
const hash = createHash('sha1');
const lines = readFileSync(`${dataDir()}/kw/russia_today_0.jsonlines`, 'utf8').split('\n').filter(Boolean).slice(0, n);
for (const line of lines) {
  const j = JSON.parse(line) as { title?: string; content?: string };
  hash.update(JSON.stringify(analyzer.analyze(`${j.title}\n${j.content}`, { tokens: true })));
}
hash.update(JSON.stringify(analyzer.analyze(readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8'), { tokens: true })));
console.log(`${hash.digest('hex')}  (${lines.length} articles + the sample)`);
