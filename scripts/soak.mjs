// `npm run soak`: does one analyzer's memory stay bounded over a long run? For a service that tags
// articles for days, memory kept per document, or per new word, name or text, ends in an
// out-of-memory crash; the bench's single pass over 999 articles cannot tell that from caches
// still filling up.
//
// The analyzer reads every article of ../shared/data/kw/*.jsonlines (about 3 000) SOAK_PASSES
// times (default 8). Pass 1 reads them as they are; every later pass reads them with the vowels
// shifted along a fixed cycle by the pass number (pass 2: а→е, е→ё, …), so each pass brings text,
// word forms and names the analyzer has never seen, as a stream of new articles would. The
// caches are bounded, so after they are full (SOAK_SETTLE passes, default 2) the live memory must
// stop growing: the run samples it every SOAK_EVERY documents (default 250) from then on, fits a
// line through the samples and bounds its slope in bytes per document. Memory kept per call, per
// text or per distinct word grows with every new document and shows as a slope; a cache turning
// over its generations swings the samples by tens of MB, which many samples across many turns
// average out (one sample per pass did not: the slope moved by ~1 KB per document between runs).
// The judged stretch must span many of those turns: with SOAK_LIMIT=300 (900 articles a pass),
// 8 passes and SOAK_SETTLE=4, a run of the package as it is measured 9 277 bytes per document;
// the defaults (24 000 documents, 18 000 judged) measured −168, and a copy that kept every text
// it was given 13 586 (23 780 at the small size).
//
// Environment: RUTEXT_DATA (data dir), SOAK_PASSES (≥ SOAK_SETTLE + 3), SOAK_SETTLE, SOAK_EVERY, SOAK_LIMIT
// (articles per corpus file), SOAK_MAX_SLOPE (bytes per document, default 1024), BENCH_DIST
// (another build). Run with node --expose-gc (package.json does). Exit status 1 when the slope is
// above SOAK_MAX_SLOPE, 2 for a bad setting.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber } from './env.mjs';

const fail = (message) => { console.error(`soak: ${message}`); process.exit(2); };
if (typeof globalThis.gc !== 'function') fail('run with node --expose-gc (npm run soak does)');
/** A non-negative number from the environment, or the default; anything else ends the run (status 2). */
const setting = (name, fallback, integer) => envNumber('soak', name, fallback, { integer });
const root = fileURLToPath(new URL('..', import.meta.url));
const data = process.env.RUTEXT_DATA ?? resolve(root, '../shared/data');
const dir = resolve(data, 'kw');
if (!existsSync(dir)) fail(`missing ${dir} (set RUTEXT_DATA)`);
const settle = setting('SOAK_SETTLE', 2, true);
const passes = setting('SOAK_PASSES', 8, true);
// Three judged passes at least: a line through two points says nothing about its noise.
if (passes < settle + 3) fail(`SOAK_PASSES (${passes}) must be at least SOAK_SETTLE + 3 (${settle + 3})`);
const limit = setting('SOAK_LIMIT', 0, true) || Infinity;
const maxSlope = setting('SOAK_MAX_SLOPE', 1024, false);
const every = setting('SOAK_EVERY', 250, true);
if (every < 1) fail('SOAK_EVERY must be at least 1');
const dist = resolve(root, process.env.BENCH_DIST ?? 'dist');
const entry = existsSync(resolve(dist, 'bundle/index.js')) ? resolve(dist, 'bundle/index.js') : resolve(dist, 'index.js');

// The texts as one UTF-8 buffer (about half the bytes of JS strings, outside the JS heap), each
// decoded when analysed: the live heap measured below is then the analyzer's, not the corpus's.
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonlines')).sort();
const chunks = [];
const ends = [];
let size = 0;
for (const f of files) {
  let n = 0;
  for (const line of readFileSync(resolve(dir, f), 'utf8').split('\n')) {
    if (line === '' || n++ >= limit) continue;
    const j = JSON.parse(line);
    const b = Buffer.from(`${j.title ?? ''}\n${j.content ?? ''}`, 'utf8');
    chunks.push(b);
    size += b.length;
    ends.push(size);
  }
}
const corpus = Buffer.concat(chunks, size);
chunks.length = 0;

// Pass p > 1 shifts each vowel p − 1 places along this cycle (upper case alike): ten passes give
// ten different texts. The shifted words are new forms for the morphology (az guesses them), new
// names for the tagger and new keys for every cache.
const VOWELS = 'аеёиоуыэюя';
const shifted = Array.from({ length: VOWELS.length }, (_, s) => {
  const map = new Map();
  for (let k = 0; k < VOWELS.length; k++) {
    const to = VOWELS[(k + s) % VOWELS.length];
    map.set(VOWELS[k], to);
    map.set(VOWELS[k].toUpperCase(), to.toUpperCase());
  }
  return map;
});
function textOf(start, end, pass) {
  const text = corpus.toString('utf8', start, end);
  const map = shifted[(pass - 1) % VOWELS.length];
  if (pass === 1) return text;
  let out = '';
  for (const c of text) out += map.get(c) ?? c;
  return out;
}

const MB = 1024 * 1024;
/** Memory after two full collections (the second one collects what the first one's finalizers freed). */
function settled() {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / MB, committed: m.heapTotal / MB, buffers: m.arrayBuffers / MB, rss: m.rss / MB };
}

const before = settled(); // the harness with the corpus, no analyzer yet
const { createAnalyzer } = await import(entry);
const analyzer = createAnalyzer();
const rows = [];
/** Live memory samples after the settling passes: documents analysed so far, live bytes. */
const sampleDocs = [], sampleBytes = [];
let done = 0;
for (let p = 1; p <= passes; p++) {
  let cpuMs = 0;
  let start = 0;
  for (const end of ends) {
    const text = textOf(start, end, p); // untimed: the vowel shift is the harness's work
    const c0 = process.cpuUsage();
    analyzer.analyze(text);
    const u = process.cpuUsage(c0);
    cpuMs += (u.user + u.system) / 1000;
    start = end;
    done++;
    if (p > settle && done % every === 0) {
      const m = settled();
      sampleDocs.push(done);
      sampleBytes.push((m.heap - before.heap + m.buffers - before.buffers) * MB);
    }
  }
  const m = settled();
  rows.push({
    pass: p, docs: ends.length * p, perSec: ends.length / (cpuMs / 1000),
    heap: m.heap - before.heap, committed: m.committed, buffers: m.buffers - before.buffers, rss: m.rss,
    maxRss: process.resourceUsage().maxRSS / 1024,
  });
}

/** Least-squares slope of ys over xs. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) { num += (xs[i] - mx) * (ys[i] - my); den += (xs[i] - mx) ** 2; }
  return num / den;
}

const f = (x, d = 1) => x.toFixed(d);
console.log(`# rutext soak (${new Date().toISOString().slice(0, 10)}, node ${process.version})\n`);
console.log(`${ends.length} articles (${files.join(', ')}; ${f(size / 1e6)} MB UTF-8) through one analyzer, ${passes} passes: pass 1 as they are, each later pass with the vowels shifted (new text, forms and names); ${entry}\n`);
console.log('Live memory is measured after two full collections and is the analyzer\'s: the harness\'s own (the corpus as one buffer) is subtracted. The committed JS heap and RSS are the whole process\'s: V8 keeps freed heap pages committed for later allocations. Articles/s is CPU time of analyze() alone; shifted text is slower (its words are new to the dictionaries).\n');
console.log('| pass | documents so far | articles/s (CPU) | live JS heap, MB | live ArrayBuffers, MB | JS heap committed, MB | RSS, MB | peak RSS, MB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.pass} | ${r.docs} | ${f(r.perSec, 0)} | ${f(r.heap)} | ${f(r.buffers)} | ${f(r.committed, 0)} | ${f(r.rss, 0)} | ${f(r.maxRss, 0)} |`);
if (sampleDocs.length < 3) fail(`only ${sampleDocs.length} samples after the settling passes: lower SOAK_EVERY or raise SOAK_PASSES`);
const perDoc = slope(sampleDocs, sampleBytes);
const judgedDocs = sampleDocs[sampleDocs.length - 1] - sampleDocs[0];
if (judgedDocs < 15_000) console.log(`\ncaution: only ${judgedDocs} documents judged; cache generations turning over may not average out below ~15 000 (the defaults judge ~18 000)`);
const lo = Math.min(...sampleBytes) / MB, hi = Math.max(...sampleBytes) / MB;
console.log(`\nlive memory (JS heap + ArrayBuffers) over passes ${settle + 1}–${passes}, ${sampleDocs.length} samples every ${every} documents: ${f(lo)}–${f(hi)} MB, slope ${f(perDoc, 0)} bytes per document (limit ${maxSlope})`);
if (perDoc > maxSlope) {
  console.log('verdict: GROWING — live memory rises with new documents after the caches filled (memory kept per document)');
  process.exit(1);
}
console.log('verdict: bounded — live memory does not rise with new documents once the caches have filled');
