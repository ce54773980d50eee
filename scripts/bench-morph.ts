/**
 * `npx tsx scripts/bench-morph.ts [articles=200]`: tokens per second of the morphology stage
 * alone (segmentation done beforehand, untimed) on the first articles of kw/russia_today_0, cold
 * (empty caches, az parsing every new form) and warm (the same articles again, caches full).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../src/doc.js';
import { morph } from '../src/morph/index.js';
import { Morphology } from '../src/morph/morphology.js';
import { segment } from '../src/segment/index.js';
import { dataDir } from './eval/data.js';

const limit = Number(process.argv[2] ?? 200);
const lines = readFileSync(join(dataDir(), 'kw/russia_today_0.jsonlines'), 'utf8').split('\n').filter(Boolean).slice(0, limit);
const docs = lines.map((l) => {
  const a = JSON.parse(l) as { title?: string; content?: string };
  const d = new Doc(`${a.title ?? ''}\n\n${a.content ?? ''}`);
  segment(d);
  return d;
});
const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
const t0 = performance.now();
const m = new Morphology();
const load = performance.now() - t0;

// CPU time of this process (one thread), so other load on the machine does not count.
function pass(): number {
  const t = process.cpuUsage();
  for (const d of docs) morph(d, m);
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
}
const cold = pass();
const warm = Math.min(pass(), pass(), pass());
const rssMb = process.memoryUsage().rss / 1e6;
const words = docs.reduce((n, d) => n + d.tokens.filter((t) => t.kind === 'word').length, 0);
console.log(`morph stage, ${docs.length} articles, ${tokens} tokens (${words} words); dictionaries loaded in ${load.toFixed(0)} ms; RSS after the passes ${rssMb.toFixed(0)} MB`);
console.log(`| pass | CPU ms | tokens/s | articles/s |\n| --- | --- | --- | --- |`);
for (const [name, ms] of [['cold (empty caches)', cold], ['warm (caches full)', warm]] as const) {
  console.log(`| ${name} | ${ms.toFixed(0)} | ${Math.round(tokens / (ms / 1000))} | ${Math.round(docs.length / (ms / 1000))} |`);
}
