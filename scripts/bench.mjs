// `npm run bench`: speed and memory of the built package (dist/), by /work/shared/EVAL.md's protocol.
// Runs each measurement in its own child process on one core (no workers), so peak RSS and start-up
// are per measurement; ratios against baselines run in the same child are the stable figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = process.env.RUTEXT_DATA ?? resolve(root, '../shared/data');
const corpus = resolve(data, 'kw/russia_today_0.jsonlines');
if (!existsSync(corpus)) { console.error(`bench: missing ${corpus} (set RUTEXT_DATA)`); process.exit(2); }
const limit = Number(process.env.BENCH_LIMIT ?? 0) || undefined;

function child(mode) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./bench-child.mjs', import.meta.url)), mode, corpus, String(limit ?? '')], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  if (r.status !== 0) { console.error(r.stderr); throw new Error(`bench child ${mode} failed`); }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const startup = child('startup');
const pipe = child('pipeline');
const scale = child('scale');

const fmt = (x, d = 0) => x.toFixed(d);
console.log(`# rutext bench (${new Date().toISOString().slice(0, 10)}, node ${process.version}, one core)\n`);
console.log(`corpus: ${corpus} — ${pipe.docs} articles, ${(pipe.bytes / 1e6).toFixed(2)} MB UTF-8, ${pipe.tokens} tokens\n`);
console.log('## Start-up (fresh process)\n');
console.log('| what | ms |\n| --- | --- |');
console.log(`| import rutext | ${fmt(startup.importMs)} |`);
console.log(`| createAnalyzer → first result (sample article) | ${fmt(startup.firstMs)} |`);
console.log(`| total to first result | ${fmt(startup.importMs + startup.firstMs)} |\n`);
console.log('## Whole pipeline and baselines (after warm-up, same process)\n');
console.log('| what | articles/s | MB/s | × regex tokenizer |\n| --- | --- | --- | --- |');
for (const row of pipe.rows) {
  console.log(`| ${row.name} | ${fmt(row.docsPerSec)} | ${fmt(row.mbPerSec, 2)} | ${(row.docsPerSec / pipe.rows.find((r) => r.name.startsWith('baseline: regex')).docsPerSec).toFixed(3)} |`);
}
console.log(`\npeak RSS of the pipeline process: ${fmt(pipe.maxRssMb)} MB\n`);
console.log('## Per stage (share of pipeline time)\n');
console.log('| stage | ms total | share | per article ms |\n| --- | --- | --- | --- |');
const total = Object.values(pipe.stages).reduce((a, b) => a + b, 0);
for (const [name, ms] of Object.entries(pipe.stages)) {
  console.log(`| ${name} | ${fmt(ms)} | ${(100 * ms / total).toFixed(1)}% | ${(ms / pipe.docs).toFixed(3)} |`);
}
console.log(`\nmorphology stage: ${fmt(pipe.tokens / (pipe.stages.morph / 1000))} tokens/s (repeated words come from the cache)\n`);
console.log('## Linear growth (the sample article repeated)\n');
console.log('| size | chars | ms | ms per 1× |\n| --- | --- | --- | --- |');
for (const s of scale.rows) console.log(`| ${s.times}× | ${s.chars} | ${fmt(s.ms, 1)} | ${(s.ms / s.times).toFixed(2)} |`);
const batchScript = new URL('./bench-batch.mjs', import.meta.url);
if (existsSync(batchScript)) {
  console.log('\n## batch command (worker threads)\n');
  const r = spawnSync(process.execPath, [fileURLToPath(batchScript), corpus], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
}
