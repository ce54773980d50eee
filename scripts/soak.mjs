// `npm run soak`: does one analyzer's memory stay flat over a long run? For a service that tags
// articles for days, a leak of a few KB per document ends in an out-of-memory crash, and the
// bench's single pass over 999 articles cannot tell a leak from caches still filling up.
//
// The analyzer reads every article of ../shared/data/kw/*.jsonlines (about 3 000) several times.
// The first pass fills the caches; they are bounded, so from the second pass on the live memory
// (after a full collection) must stay where it is: a leak grows with every document processed,
// whatever its text, so repeating the corpus shows it as a rise from one pass to the next.
//
// Environment: RUTEXT_DATA (data dir), SOAK_PASSES (default 4), SOAK_LIMIT (articles per corpus
// file), BENCH_DIST (another build). Run with node --expose-gc (package.json does).
// Exit status 1 when the live memory rose from the second pass to the last by more than
// SOAK_TOLERANCE_MB (default 8) — the run then prints the figures that show it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

if (typeof globalThis.gc !== 'function') {
  console.error('soak: run with node --expose-gc (npm run soak does)');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const data = process.env.RUTEXT_DATA ?? resolve(root, '../shared/data');
const dir = resolve(data, 'kw');
if (!existsSync(dir)) { console.error(`soak: missing ${dir} (set RUTEXT_DATA)`); process.exit(2); }
const passes = Math.max(2, Number(process.env.SOAK_PASSES ?? 4) || 4);
const limit = Number(process.env.SOAK_LIMIT ?? 0) || Infinity;
const tolerance = Number(process.env.SOAK_TOLERANCE_MB ?? 8);
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
for (let p = 1; p <= passes; p++) {
  const c0 = process.cpuUsage();
  let start = 0;
  for (const end of ends) {
    analyzer.analyze(corpus.toString('utf8', start, end));
    start = end;
  }
  const u = process.cpuUsage(c0);
  const m = settled();
  rows.push({
    pass: p, docs: ends.length * p, perSec: ends.length / ((u.user + u.system) / 1e6),
    heap: m.heap - before.heap, committed: m.committed, buffers: m.buffers - before.buffers, rss: m.rss,
    maxRss: process.resourceUsage().maxRSS / 1024,
  });
}

const f = (x, d = 1) => x.toFixed(d);
console.log(`# rutext soak (${new Date().toISOString().slice(0, 10)}, node ${process.version})\n`);
console.log(`${ends.length} articles (${files.join(', ')}; ${f(size / 1e6)} MB UTF-8) through one analyzer, ${passes} times; ${entry}\n`);
console.log('Live memory is measured after two full collections and is the analyzer\'s: the harness\'s own (the corpus as one buffer) is subtracted. The committed JS heap and RSS are the whole process\'s: V8 keeps freed heap pages committed for later allocations.\n');
console.log('| pass | documents so far | articles/s (CPU) | live JS heap, MB | live ArrayBuffers, MB | JS heap committed, MB | RSS, MB | peak RSS, MB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.pass} | ${r.docs} | ${f(r.perSec, 0)} | ${f(r.heap)} | ${f(r.buffers)} | ${f(r.committed, 0)} | ${f(r.rss, 0)} | ${f(r.maxRss, 0)} |`);
const second = rows[1], last = rows[rows.length - 1];
const rise = (last.heap + last.buffers) - (second.heap + second.buffers);
const perDoc = (rise * MB) / (last.docs - second.docs);
console.log(`\nlive memory from pass 2 to pass ${last.pass}: ${rise >= 0 ? '+' : ''}${f(rise)} MB over ${last.docs - second.docs} documents (${f(perDoc, 0)} bytes per document); tolerance ${tolerance} MB`);
if (rise > tolerance) {
  console.log('verdict: GROWING — memory rises with documents processed after the caches filled (a leak)');
  process.exit(1);
}
console.log('verdict: flat — no growth with documents processed once the caches have filled');
