// `rutext batch` throughput with 0 (in-process), 1 and 2 worker threads, on the built CLI.
// Usage: node scripts/bench-batch.mjs [CORPUS.jsonlines]   (bench.mjs passes kw/russia_today_0)
// Prints a markdown section. Each run is a fresh process over the same JSON lines file
// ({"id","text": title + "\n" + content}, as the pipeline bench builds its texts); a run over the
// first document alone gives the start-up cost, so the steady rate excludes it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = process.argv[2] ?? resolve(process.env.RUTEXT_DATA ?? resolve(root, '../shared/data'), 'kw/russia_today_0.jsonlines');
if (!existsSync(corpus)) { console.error(`bench-batch: missing ${corpus}`); process.exit(2); }
if (!existsSync(join(root, 'dist/cli/worker.js'))) { console.error('bench-batch: run `npm run build` first'); process.exit(2); }
const limit = Number(process.env.BENCH_LIMIT ?? 0) || Infinity;
// A run: worker count, and whether it has --low-memory ('0L': no workers, --low-memory).
const runs = (process.env.BENCH_WORKERS ?? '0,1,2,0L').split(',').map((r) => ({ w: Number.parseInt(r, 10), low: r.endsWith('L') }));

const dir = mkdtempSync(join(tmpdir(), 'rutext-bench-batch-'));
const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).slice(0, limit)
  .map((l, i) => { const j = JSON.parse(l); return JSON.stringify({ id: i + 1, text: `${j.title ?? ''}\n${j.content ?? ''}` }); });
const input = join(dir, 'in.jsonl');
const one = join(dir, 'one.jsonl');
writeFileSync(input, lines.join('\n') + '\n');
writeFileSync(one, lines[0] + '\n');
const bytes = statSync(input).size;
const haveTime = existsSync('/usr/bin/time');

function run(file, workers, low, out) {
  const args = [join(root, 'bin/rutext.js'), 'batch', file, '--workers', String(workers), '--quiet', '-o', out, ...(low ? ['--low-memory'] : [])];
  const cmd = haveTime ? '/usr/bin/time' : process.execPath;
  const full = haveTime ? ['-f', 'RSS_KB=%M CPU_S=%U+%S', process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { cwd: root, encoding: 'utf8' });
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  // Exit 1 = some documents got an error line: still a valid run (the errors are counted below).
  if (r.status !== 0 && r.status !== 1) { console.error(r.stderr); throw new Error(`batch --workers ${workers} exited ${r.status}`); }
  const rss = /RSS_KB=(\d+)/.exec(r.stderr);
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { sec, rssMb: rss ? Number(rss[1]) / 1024 : null, cpuSec: cpu ? Number(cpu[1]) + Number(cpu[2]) : null };
}

const rows = [];
let reference = null;
for (const { w, low } of runs) {
  const out = join(dir, `out-${w}${low ? 'L' : ''}.jsonl`);
  const start = run(one, w, low, join(dir, 'start.jsonl'));
  const full = run(input, w, low, out);
  const text = readFileSync(out, 'utf8');
  if (reference === null) reference = text;
  const errors = text.split('\n').filter((l) => l.includes('"error":') && /^\{"id":[^,]*,"error":/.test(l));
  for (const e of errors.slice(0, 3)) console.error(`bench-batch: --workers ${w}: ${e.slice(0, 300)}`);
  rows.push({ w, low, ...full, startSec: start.sec, same: text === reference, outLines: text.split('\n').length - 1, errors: errors.length });
}
rmSync(dir, { recursive: true, force: true });

const n = lines.length;
const base = rows.find((r) => r.w === 1 && !r.low) ?? rows[0];
console.log(`corpus: ${corpus} — ${n} articles, ${(bytes / 1e6).toFixed(2)} MB of JSON lines; ${availableParallelism()} cores; node ${process.version}\n`);
// CPU seconds (user + sys, all threads) do not depend on what else the machine runs: docs per
// CPU-second shows what threads cost; wall-clock docs/s shows what they buy on an idle machine.
console.log('| --workers | wall s | docs/s | MB/s | start-up s | steady docs/s (without start-up) | × workers 1 | CPU s | docs per CPU-s | peak RSS MB | output |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const steady = (n - 1) / Math.max(1e-9, r.sec - r.startSec);
  console.log(`| ${r.w === 0 ? '0 (main thread)' : r.w}${r.low ? ', --low-memory' : ''} | ${r.sec.toFixed(2)} | ${(n / r.sec).toFixed(1)} | ${(bytes / 1e6 / r.sec).toFixed(2)} | ${r.startSec.toFixed(2)} | ${steady.toFixed(1)} | ${(base.sec / r.sec).toFixed(2)} | ${r.cpuSec === null ? '—' : r.cpuSec.toFixed(1)} | ${r.cpuSec === null ? '—' : (n / r.cpuSec).toFixed(1)} | ${r.rssMb === null ? '—' : r.rssMb.toFixed(0)} | ${r.outLines} lines${r.errors > 0 ? ` (${r.errors} errors)` : ''}${r.same ? ', identical' : ', DIFFERS'} |`);
}
const load = (await import('node:os')).loadavg()[0];
console.log(`\nload average at the end: ${load.toFixed(1)} on ${availableParallelism()} cores${load > availableParallelism() ? ' — the machine was busy with other work: wall-clock figures are low, compare docs per CPU-s' : ''}`);
console.log(`command: node bin/rutext.js batch IN.jsonl --workers W [--low-memory] --quiet -o OUT.jsonl (scripts/bench-batch.mjs)`);
if (rows.some((r) => !r.same || r.outLines !== n)) { console.error('bench-batch: outputs differ between worker counts'); process.exit(1); }
