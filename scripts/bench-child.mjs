// One measurement of scripts/bench.mjs, in a fresh process. Prints one JSON line.
// Times are CPU times of this process (process.cpuUsage: user + system), not wall time: the
// machine may be shared, and a process waiting for a core should not look slow. Wall time is
// reported beside them where a user would feel it (start-up).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { articleTexts } from './env.mjs';

const [mode, corpus, limitArg] = process.argv.slice(2);
const dist = process.env.BENCH_DIST ?? '../dist';
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const rssMb = () => process.resourceUsage().maxRSS / 1024;
// The package's entry point, as `import 'rutext'` loads it: the bundle (scripts/bundle.mjs), or
// dist/index.js for a build from before the bundle existed (BENCH_DIST pointing at an older build).
const entry = existsSync(new URL(`${dist}/bundle/index.js`, import.meta.url)) ? `${dist}/bundle/index.js` : `${dist}/index.js`;

/**
 * CPU ms of this process's main thread and of all its other threads (V8's optimising compiler
 * and garbage-collector helpers, libuv), from /proc; undefined where /proc is not there. The
 * pipeline runs on the main thread, so the rest is what V8 spends beside it.
 */
function threadCpuMs() {
  const dir = '/proc/self/task';
  if (!existsSync(dir)) return undefined;
  const hz = 100; // USER_HZ: clock ticks per second of utime and stime on Linux
  let main = 0, others = 0;
  for (const tid of readdirSync(dir)) {
    let stat;
    try { stat = readFileSync(`${dir}/${tid}/stat`, 'utf8'); } catch { continue; } // the thread ended
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(f[11]) + Number(f[12])) * 1000 / hz; // utime + stime (fields 14 and 15)
    if (Number(tid) === process.pid) main += ms; else others += ms;
  }
  return { main, others };
}

if (mode === 'startup') {
  const w0 = performance.now(), c0 = cpu();
  const { createAnalyzer } = await import(entry);
  const w1 = performance.now(), c1 = cpu();
  createAnalyzer().analyze(sample);
  const w2 = performance.now(), c2 = cpu();
  // Whether V8 took the bundle's code cache (src/entry/load-core.ts), where the build has one.
  const loader = new URL(`${dist}/bundle/load-core.js`, import.meta.url);
  const codeCache = existsSync(loader) ? (await import(loader.href)).codeCache : 'none in this build';
  out({ importMs: w1 - w0, firstMs: w2 - w1, importCpuMs: c1 - c0, firstCpuMs: c2 - c1, maxRssMb: rssMb(), codeCache });
  process.exit(0);
}

// Only the article texts stay in memory (not the JSON lines), so peak RSS is mostly the analyzer's.
let texts = articleTexts(corpus);
if (limitArg) texts = texts.slice(0, Number(limitArg));
// Reading the corpus leaves its JSON lines as garbage (~50 MB); when the parent exposes gc, it is
// collected here, so the peak RSS below is the analyzer's and not this harness's.
if (typeof globalThis.gc === 'function') globalThis.gc();
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);

// The per-stage modes below load the unbundled stage modules instead, so only the others load the entry.
const { createAnalyzer } = ['pipeline', 'long', 'scale'].includes(mode) ? await import(entry) : {};

/** CPU ms of one pass of fn over the corpus (the best of `reps` passes). */
function timeIt(fn, reps = 1) {
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const c0 = cpu();
    for (const t of texts) fn(t);
    best = Math.min(best, cpu() - c0);
  }
  return best;
}

if (mode === 'pipeline') {
  // The whole pipeline as a user runs it: one analyzer, every article once after a warm-up.
  // Peak RSS is this process's, so it is the memory of one analyzer over the corpus.
  const harnessRssMb = rssMb(); // the corpus in memory, no analyzer yet
  // BENCH_LAYERS=entities,themes: an analyzer asked for those layers only (options.layers).
  const layers = process.env.BENCH_LAYERS ? process.env.BENCH_LAYERS.split(',') : undefined;
  const analyzer = createAnalyzer(layers === undefined ? undefined : { layers });
  for (const t of texts.slice(0, 50)) analyzer.analyze(t); // warm-up: resources, JIT, caches
  const rows = [];
  const add = (name, ms) => rows.push({ name, ms, docsPerSec: texts.length / (ms / 1000), mbPerSec: bytes / 1e6 / (ms / 1000) });
  const threads0 = threadCpuMs();
  const pipeMs = timeIt((t) => analyzer.analyze(t));
  const threads1 = threadCpuMs();
  add('rutext analyze (whole pipeline)', pipeMs);
  const threads = threads0 && threads1 ? { mainMs: threads1.main - threads0.main, othersMs: threads1.others - threads0.others } : undefined;
  const maxRssMb = rssMb();
  const heapMb = process.memoryUsage().heapUsed / 1e6;

  // Baselines in the same process: a plain regex tokenizer, and natural's tokenizer + stemmer.
  const re = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
  add('baseline: regex tokenizer', timeIt((t) => t.match(re), 3));
  const realLog = console.log; console.log = () => {}; // natural prints dotenv lines on import
  const natural = (await import('natural')).default;
  console.log = realLog;
  const tok = new natural.AggressiveTokenizerRu();
  const stem = natural.PorterStemmerRu;
  add('baseline: natural tokenizer + stemmer', timeIt((t) => { for (const w of tok.tokenize(t)) stem.stem(w); }));
  out({ docs: texts.length, bytes, rows, maxRssMb, heapMb, harnessRssMb, threads, harnessGc: typeof globalThis.gc === 'function' });
}

if (mode === 'long') {
  // A long batch: the analyzer first reads another corpus (untimed), then this one is timed, so
  // the caches hold what 1 000 other articles taught them, as in a researcher's run over many.
  const warm = articleTexts(process.env.BENCH_WARM);
  const analyzer = createAnalyzer();
  for (const t of warm) analyzer.analyze(t);
  const ms = timeIt((t) => analyzer.analyze(t));
  out({ docs: texts.length, warmDocs: warm.length, ms, docsPerSec: texts.length / (ms / 1000), maxRssMb: rssMb() });
}

if (mode === 'stages') {
  // Per stage, each with the same Context so caches behave as in analyze(); CPU time per call.
  const { Context } = await import(`${dist}/context.js`);
  const { Doc } = await import(`${dist}/doc.js`);
  const S = {
    layout: (await import(`${dist}/layout/index.js`)).layout,
    segment: (await import(`${dist}/segment/index.js`)).segment,
    morph: (await import(`${dist}/morph/index.js`)).morph,
    entities: (await import(`${dist}/entities/index.js`)).entities,
    quotes: (await import(`${dist}/quotes/index.js`)).quotes,
    themes: (await import(`${dist}/themes/index.js`)).themes,
  };
  const ctx = new Context();
  const stages = { layout: 0, segment: 0, morph: 0, entities: 0, quotes: 0, themes: 0 };
  let tokens = 0;
  const runStages = (text) => {
    const doc = new Doc(text);
    let t = cpu(), u;
    S.layout(doc); u = cpu(); stages.layout += u - t; t = u;
    S.segment(doc); u = cpu(); stages.segment += u - t; t = u;
    S.morph(doc, ctx.morphology); u = cpu(); stages.morph += u - t; t = u;
    S.entities(doc, ctx); u = cpu(); stages.entities += u - t; t = u;
    S.quotes(doc, ctx); u = cpu(); stages.quotes += u - t; t = u;
    S.themes(doc, ctx, 10); u = cpu(); stages.themes += u - t;
    return doc.tokens.length;
  };
  for (const t of texts.slice(0, 50)) runStages(t);
  for (const k of Object.keys(stages)) stages[k] = 0;
  for (const t of texts) tokens += runStages(t);
  out({ docs: texts.length, tokens, stages });
}

if (mode === 'morph') {
  // The morphology stage alone (issue 3): segmentation done beforehand, untimed; a fresh
  // Morphology, so the first pass is cold (az parses every new form) and later ones warm.
  const { Doc } = await import(`${dist}/doc.js`);
  const { layout } = await import(`${dist}/layout/index.js`);
  const { segment } = await import(`${dist}/segment/index.js`);
  const { morph, Morphology } = await import(`${dist}/morph/index.js`);
  const docs = texts.map((t) => { const d = new Doc(t); layout(d); segment(d); return d; });
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  const words = docs.reduce((n, d) => n + d.tokens.filter((t) => t.kind === 'word').length, 0);
  const l0 = cpu();
  const m = new Morphology();
  m.candidates('слово');
  const loadMs = cpu() - l0;
  const pass = () => { const c0 = cpu(); for (const d of docs) morph(d, m); return cpu() - c0; };
  const coldMs = pass();
  const warmMs = Math.min(pass(), pass());
  out({ docs: docs.length, tokens, words, loadMs, coldMs, warmMs, maxRssMb: rssMb() });
}

if (mode === 'tagger') {
  // The NER tagger alone: layout, segment and morph done per article untimed, then tagMentions
  // once (the first pass, as in the pipeline) and again over all articles (a second pass).
  const { Doc } = await import(`${dist}/doc.js`);
  const { Context } = await import(`${dist}/context.js`);
  const { layout } = await import(`${dist}/layout/index.js`);
  const { segment } = await import(`${dist}/segment/index.js`);
  const { morph } = await import(`${dist}/morph/index.js`);
  const { tagMentions } = await import(`${dist}/entities/tagger/index.js`);
  const ctx = new Context();
  const prepare = (t) => { const d = new Doc(t); layout(d); segment(d); morph(d, ctx.morphology); return d; };
  const warm = prepare(sample);
  const l0 = cpu();
  tagMentions(warm, ctx);
  const loadMs = cpu() - l0;
  const docs = [];
  let tokens = 0, firstMs = 0;
  for (const t of texts) {
    const d = prepare(t);
    tokens += d.tokens.length;
    const c0 = cpu();
    tagMentions(d, ctx);
    firstMs += cpu() - c0;
    docs.push(d);
  }
  const c1 = cpu();
  for (const d of docs) tagMentions(d, ctx);
  out({ docs: docs.length, tokens, loadMs, firstMs, secondMs: cpu() - c1 });
}

if (mode === 'scale') {
  const analyzer = createAnalyzer();
  analyzer.analyze(sample);
  const rows = [];
  const sizes = (process.env.BENCH_SCALE ?? '1,10,100,1000').split(',').map(Number);
  for (const times of sizes) {
    const text = Array(times).fill(sample).join('\n');
    const reps = Math.max(1, Math.round(100 / times));
    const c0 = cpu();
    for (let r = 0; r < reps; r++) analyzer.analyze(text);
    rows.push({ times, chars: text.length, ms: (cpu() - c0) / reps });
  }
  out({ rows, maxRssMb: rssMb() });
}
