// `npm run bench`: speed and memory of the built package (dist/), by /work/shared/EVAL.md's protocol.
// Runs each measurement in its own child process on one core (no workers), so peak RSS and start-up
// are per measurement; ratios against baselines run in the same child are the stable figures.
// Times are CPU times (user + system of the child), so load from other processes on a shared
// machine does not count; start-up is also shown as wall time.
//
// Environment: BENCH_LIMIT=N (first N articles), RUTEXT_DATA (data dir), BENCH_SCALE=1,10,100,1000
// (sizes of the linear-growth table), BENCH_BATCH=0 (skip the batch command's table),
// BENCH_DIST=path (another build, e.g. to compare before/after).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = process.env.RUTEXT_DATA ?? resolve(root, '../shared/data');
const corpus = resolve(data, 'kw/russia_today_0.jsonlines');
if (!existsSync(corpus)) { console.error(`bench: missing ${corpus} (set RUTEXT_DATA)`); process.exit(2); }
const limit = Number(process.env.BENCH_LIMIT ?? 0) || undefined;

// The long-run measurement warms the analyzer on this other corpus of the same source first.
const warmCorpus = resolve(data, 'kw/russia_today_1.jsonlines');

function child(mode, nodeFlags = [], env = {}) {
  // --expose-gc lets the child collect its own corpus-reading garbage before it measures. Not for
  // start-up, which reads no corpus: there the child is a plain node, as a user's process is, since
  // any V8 flag makes V8 refuse the bundle's code cache (src/entry/compile-core.ts).
  const gcFlag = mode === 'startup' ? [] : ['--expose-gc'];
  const r = spawnSync(process.execPath, [...gcFlag, ...nodeFlags, fileURLToPath(new URL('./bench-child.mjs', import.meta.url)), mode, corpus, String(limit ?? '')], {
    // BENCH_LAYERS only where a run asks for it: one left in the caller's shell would make the
    // whole-pipeline rows measure a subset.
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, BENCH_LAYERS: '', BENCH_WARM: warmCorpus, ...env },
  });
  if (r.status !== 0) { if (nodeFlags.length === 0) console.error(r.stderr); throw new Error(`bench child ${mode} failed`); }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// Start-up is the median of five fresh processes (the first one may also pay for a cold disk cache);
// then three with a V8 flag, which compile the library without the code cache.
const startups = [0, 1, 2, 3, 4].map(() => child('startup'));
const median = (k, runs = startups) => runs.map((s) => s[k]).sort((a, b) => a - b)[runs.length >> 1];
const flagged = [0, 1, 2].map(() => child('startup', ['--expose-gc']));
const pipe = child('pipeline');
// The same run with V8's old generation capped: how much of the peak RSS is garbage V8 lets
// accumulate before collecting (a deployment knob, not a library setting).
const HEAP_CAP = 256;
let capped;
try { capped = child('pipeline', [`--max-old-space-size=${HEAP_CAP}`]); } catch { capped = undefined; } // out of memory: live data above the cap
// And with V8 growing the old generation by 20 % of the live data instead of its default factor
// (1.1 to 4 by how fast it collects): less garbage waits for a full collection, more collections.
const GROW = 20;
const grow = child('pipeline', [`--heap-growing-percent=${GROW}`]);
// And with V8's semi-spaces capped at 8 MB instead of 16: the young generation's share of the peak.
const SEMI = 8;
const semi = child('pipeline', [`--max-semi-space-size=${SEMI}`]);
// And with V8's helper threads off (`node --single-threaded`: no concurrent compiler, marking or
// parallel scavenges): what rutext costs on one core that does everything, V8's work included.
const single = child('pipeline', ['--single-threaded']);
const long = existsSync(warmCorpus) ? child('long') : undefined;
// The pipeline for some layers only (options.layers, `--fields`): the stages they do not need are skipped.
const SELECTIONS = ['entities', 'quotes,speakers', 'themes', 'tokens', 'sentences'];
const selected = SELECTIONS.map((layers) => ({ layers, run: child('pipeline', [], { BENCH_LAYERS: layers }) }));
const st = child('stages');
const mo = child('morph');
const tg = child('tagger');
const scale = child('scale');

const fmt = (x, d = 0) => x.toFixed(d);
const pass = (ok) => (ok ? 'yes' : '**no**');
const whole = pipe.rows[0];
const regex = pipe.rows.find((r) => r.name.startsWith('baseline: regex'));
console.log(`# rutext bench (${new Date().toISOString().slice(0, 10)}, node ${process.version}, one core, CPU time)\n`);
console.log(`corpus: ${corpus} — ${pipe.docs} articles, ${(pipe.bytes / 1e6).toFixed(2)} MB UTF-8, ${st.tokens} tokens\n`);
console.log('## Targets\n');
console.log('| what | measured | target | met |\n| --- | --- | --- | --- |');
console.log(`| whole pipeline, articles/s (CPU) | ${fmt(whole.docsPerSec)} | ≥ 200 | ${pass(whole.docsPerSec >= 200)} |`);
const startCpu = median('importCpuMs') + median('firstCpuMs');
console.log(`| start-up: import + createAnalyzer → first result, CPU ms (wall ms) | ${fmt(startCpu)} (${fmt(median('importMs') + median('firstMs'))}) | ≤ 300 | ${pass(startCpu <= 300)} |`);
console.log(`| peak RSS over the corpus, MB | ${fmt(pipe.maxRssMb)} | ≤ 200 | ${pass(pipe.maxRssMb <= 200)} |`);
const lin = scale.rows[scale.rows.length - 1];
const linRatio = (lin.ms / lin.times) / (scale.rows[0].ms / scale.rows[0].times);
console.log(`| cost per 1× at ${lin.times}× ÷ cost at 1× | ${fmt(linRatio, 2)} | ≤ ~1 (linear) | ${pass(linRatio <= 1.5)} |\n`);
console.log(`## Start-up (fresh process, median of 5; code cache: ${[...new Set(startups.map((s) => s.codeCache))].join(', ')})\n`);
console.log('| what | CPU ms | wall ms |\n| --- | --- | --- |');
console.log(`| import rutext | ${fmt(median('importCpuMs'))} | ${fmt(median('importMs'))} |`);
console.log(`| createAnalyzer → first result (sample article) | ${fmt(median('firstCpuMs'))} | ${fmt(median('firstMs'))} |`);
console.log(`| both, in a node with a V8 flag (\`--expose-gc\`; code cache: ${[...new Set(flagged.map((s) => s.codeCache))].join(', ')}), median of 3 | ${fmt(median('importCpuMs', flagged) + median('firstCpuMs', flagged))} | ${fmt(median('importMs', flagged) + median('firstMs', flagged))} |\n`);
console.log('## Whole pipeline and baselines (after warm-up, same process)\n');
console.log('| what | CPU s | articles/s | MB/s | × regex tokenizer |\n| --- | --- | --- | --- | --- |');
for (const row of pipe.rows) {
  console.log(`| ${row.name} | ${fmt(row.ms / 1000, 2)} | ${fmt(row.docsPerSec)} | ${fmt(row.mbPerSec, 2)} | ${(row.docsPerSec / regex.docsPerSec).toFixed(3)} |`);
}
console.log(`\npeak RSS of the pipeline process: ${fmt(pipe.maxRssMb)} MB (JS heap in use at the end: ${fmt(pipe.heapMb)} MB; the same process before the analyzer, with the corpus loaded${pipe.harnessGc ? ' and the garbage of reading it collected' : ''}: ${fmt(pipe.harnessRssMb)} MB)`);
console.log(capped === undefined
  ? `with \`node --max-old-space-size=${HEAP_CAP}\`: out of memory (the live data does not fit)\n`
  : `with \`node --max-old-space-size=${HEAP_CAP}\`: peak RSS ${fmt(capped.maxRssMb)} MB, ${fmt(capped.rows[0].docsPerSec)} articles/s (${(capped.rows[0].docsPerSec / capped.rows[1].docsPerSec).toFixed(3)} × regex tokenizer)\n`);
console.log(`with \`node --heap-growing-percent=${GROW}\`: peak RSS ${fmt(grow.maxRssMb)} MB, ${fmt(grow.rows[0].docsPerSec)} articles/s (${(grow.rows[0].docsPerSec / grow.rows[1].docsPerSec).toFixed(3)} × regex tokenizer)\n`);
console.log(`with \`node --max-semi-space-size=${SEMI}\`: peak RSS ${fmt(semi.maxRssMb)} MB, ${fmt(semi.rows[0].docsPerSec)} articles/s (${(semi.rows[0].docsPerSec / semi.rows[1].docsPerSec).toFixed(3)} × regex tokenizer)\n`);
console.log(`with \`node --single-threaded\` (V8's work on the main thread too): ${fmt(single.rows[0].docsPerSec)} articles/s (${(single.rows[0].docsPerSec / single.rows[1].docsPerSec).toFixed(3)} × regex tokenizer), peak RSS ${fmt(single.maxRssMb)} MB\n`);
if (pipe.threads !== undefined) {
  const { mainMs, othersMs } = pipe.threads;
  console.log(`CPU of the whole-pipeline pass by thread: main thread ${fmt(mainMs)} ms (${fmt(pipe.docs / (mainMs / 1000))} articles/s on it alone), V8's other threads (optimising compiler, GC helpers) ${fmt(othersMs)} ms, ${fmt(100 * othersMs / (mainMs + othersMs))} % of the process's CPU\n`);
}
if (long !== undefined) {
  console.log(`long run: the same ${long.docs} articles after ${long.warmDocs} others (kw/russia_today_1, untimed) through the same analyzer: ${fmt(long.docsPerSec)} articles/s (${(long.docsPerSec / regex.docsPerSec).toFixed(3)} × regex tokenizer), peak RSS ${fmt(long.maxRssMb)} MB over both corpora\n`);
}
console.log('## Some layers only (`createAnalyzer({ layers })`, `--fields`; the stages no asked layer needs are skipped)\n');
console.log('| layers | articles/s (CPU) | × whole pipeline | × regex tokenizer (same process) | peak RSS, MB |\n| --- | --- | --- | --- | --- |');
console.log(`| all (the whole pipeline above) | ${fmt(whole.docsPerSec)} | 1.00 | ${(whole.docsPerSec / regex.docsPerSec).toFixed(3)} | ${fmt(pipe.maxRssMb)} |`);
for (const { layers, run } of selected) {
  const r = run.rows[0], base = run.rows[1];
  // × whole pipeline compares CPU rates of two processes run one after the other. The regex
  // baseline's pass is short (~0.2 s) and moved by more than the pipeline between processes, so
  // dividing through it did not steady this ratio.
  console.log(`| ${layers} | ${fmt(r.docsPerSec)} | ${(r.docsPerSec / whole.docsPerSec).toFixed(2)} | ${(r.docsPerSec / base.docsPerSec).toFixed(3)} | ${fmt(run.maxRssMb)} |`);
}
console.log('\nOne run each: a single run moves by about ±15 % on a shared machine.\n');
console.log('## Per stage (separate process, same Context for all stages)\n');
console.log('| stage | CPU ms | share | ms per article | tokens/s |\n| --- | --- | --- | --- | --- |');
const total = Object.values(st.stages).reduce((a, b) => a + b, 0);
for (const [name, ms] of Object.entries(st.stages)) {
  console.log(`| ${name} | ${fmt(ms)} | ${(100 * ms / total).toFixed(1)}% | ${(ms / st.docs).toFixed(2)} | ${fmt(st.tokens / (ms / 1000))} |`);
}
console.log(`| all | ${fmt(total)} | 100% | ${(total / st.docs).toFixed(2)} | ${fmt(st.tokens / (total / 1000))} |\n`);
console.log(`## Morphology stage alone (${mo.docs} articles, ${mo.tokens} tokens, ${mo.words} words; segmentation untimed)\n`);
console.log('| pass | CPU ms | tokens/s | articles/s |\n| --- | --- | --- | --- |');
console.log(`| dictionaries load (new Morphology) | ${fmt(mo.loadMs)} | | |`);
for (const [name, ms] of [['cold (empty caches)', mo.coldMs], ['warm (caches full)', mo.warmMs]]) {
  console.log(`| ${name} | ${fmt(ms)} | ${fmt(mo.tokens / (ms / 1000))} | ${fmt(mo.docs / (ms / 1000))} |`);
}
console.log(`\n## NER tagger alone (${tg.docs} articles; layout, segment and morph untimed)\n`);
console.log('| pass | ms per article | tokens/s |\n| --- | --- | --- |');
console.log(`| model and clusters load + first call (sample article) | ${fmt(tg.loadMs)} ms | |`);
for (const [name, ms] of [['first pass (new text, as in the pipeline)', tg.firstMs], ['second pass', tg.secondMs]]) {
  console.log(`| ${name} | ${(ms / tg.docs).toFixed(2)} | ${fmt(tg.tokens / (ms / 1000))} |`);
}
console.log('\n## Linear growth (the sample article repeated, one analyzer)\n');
console.log('| size | chars | CPU ms | ms per 1× |\n| --- | --- | --- | --- |');
for (const s of scale.rows) console.log(`| ${s.times}× | ${s.chars} | ${fmt(s.ms, 1)} | ${(s.ms / s.times).toFixed(2)} |`);
const batchScript = new URL('./bench-batch.mjs', import.meta.url);
if (existsSync(batchScript) && process.env.BENCH_BATCH !== '0') {
  console.log('\n## batch command (worker threads, wall time)\n');
  const r = spawnSync(process.execPath, [fileURLToPath(batchScript), corpus], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
}
