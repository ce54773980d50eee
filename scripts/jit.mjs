// `npm run jit`: what V8's optimising compiler does during the bench's timed pass.
//
// A cold process's pass spends a sixth of its CPU in V8's optimising compiler (Turbofan) on helper
// threads (README, Speed and memory), and more than half of that compiles again functions whose
// optimised code V8 threw away when it met something their feedback had not seen (a
// "deoptimisation"). This runs the bench's pass (the package's entry point, PROFILE_WARMUP-style
// warm-up, then the corpus) in a child under `node --trace-opt --trace-deopt`, cuts V8's trace at
// the pass's start and end (markers written to the same stream, which V8 flushes per line), and
// prints for the pass: compile jobs done for the first time and again (their count and the ms
// their compiling took on the helper threads: wall time there, roughly CPU on an idle core), the
// deoptimisations by reason, and the functions the compiler spent most on.
// Environment: RUTEXT_DATA (data dir, default ../shared/data), JIT_CORPUS (a kw file name, default
// russia_today_0), JIT_WARMUP (50), JIT_LIMIT (all articles), JIT_TOP (15). Exit status 2 for a
// bad setting or missing data. The trace flags make V8 refuse the bundle's code cache; the pass
// does not depend on it (the warm-up has compiled what the cache holds).
import { spawnSync } from 'node:child_process';
import { writeSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleTexts, envNumber, kwCorpus } from './env.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const START = '=== rutext pass start', END = '=== rutext pass end';

if (process.argv[2] === '--child') {
  const [, , , corpus, warmupArg, limitArg] = process.argv;
  const texts = articleTexts(corpus).slice(0, Number(limitArg));
  const { createAnalyzer } = await import(resolve(root, 'dist/bundle/index.js'));
  const analyzer = createAnalyzer();
  for (const t of texts.slice(0, Number(warmupArg))) analyzer.analyze(t);
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  // writeSync: on fd 1 beside V8's own lines, in order (console.log may buffer in a pipe).
  writeSync(1, `${START}\n`);
  const c0 = cpu();
  for (const t of texts) analyzer.analyze(t);
  writeSync(1, `${END} ${JSON.stringify({ docs: texts.length, cpuMs: cpu() - c0 })}\n`);
  process.exit(0);
}

const setting = (name, fallback, o) => envNumber('jit', name, fallback, o);
const warmup = setting('JIT_WARMUP', 50);
const limit = setting('JIT_LIMIT', Number.MAX_SAFE_INTEGER, { min: 1 });
const top = setting('JIT_TOP', 15, { min: 1 });
const corpus = kwCorpus('jit', 'JIT_CORPUS');
const name = basename(corpus, '.jsonlines');

const r = spawnSync(process.execPath, ['--trace-opt', '--trace-deopt', fileURLToPath(import.meta.url), '--child', corpus, String(warmup), String(limit)], {
  cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'inherit'],
});
if (r.status !== 0) {
  console.error(`jit: the traced pass ended with status ${r.status}`);
  process.exit(1);
}
const lines = r.stdout.split('\n');
const from = lines.indexOf(START);
const to = lines.findIndex((l) => l.startsWith(END));
if (from < 0 || to < from) {
  console.error('jit: the pass markers are missing from the trace');
  process.exit(1);
}
const { docs, cpuMs } = JSON.parse(lines[to].slice(END.length + 1));

// `[completed compiling 0x… <JSFunction name (sfi = 0x…)> (target TURBOFAN)[ OSR] - took a, b, c ms]`:
// b is the job's compiling on a helper thread; a and c its steps on the main thread.
const COMPILED = /^\[completed compiling 0x[0-9a-f]+ <JSFunction ([^ >(]*)[^>]*?(?:\(sfi = (0x[0-9a-f]+)\))?> \(target [A-Z]+\)( OSR)? - took ([\d.]+), ([\d.]+), ([\d.]+) ms\]/;
const BAILOUT = /^\[bailout \(kind: ([^,]+), reason: ([^)]*)\): begin\. deoptimizing /;
const seen = new Set();
const pass = { first: { jobs: 0, ms: 0 }, again: { jobs: 0, ms: 0 } };
const byFunction = new Map();
const reasons = new Map();
let deopts = 0;
for (let i = 0; i < to; i++) {
  const c = COMPILED.exec(lines[i]);
  if (c !== null) {
    const key = c[2] ?? c[1];
    const again = seen.has(key);
    seen.add(key);
    if (i < from) continue;
    const ms = Number(c[5]);
    const side = again ? pass.again : pass.first;
    side.jobs++;
    side.ms += ms;
    const f = byFunction.get(key) ?? { name: c[1] || `(anonymous, ${key})`, jobs: 0, ms: 0 };
    f.jobs++;
    f.ms += ms;
    byFunction.set(key, f);
    continue;
  }
  const d = i > from ? BAILOUT.exec(lines[i]) : null;
  if (d !== null) {
    deopts++;
    const k = `${d[2]} (${d[1]})`;
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
}

const fmt = (x) => Math.round(x).toLocaleString('en').replace(/,/g, ' ');
const total = pass.first.ms + pass.again.ms;
console.log(`# rutext jit: V8's optimising compiler during a pass over ${docs} articles of ${name} after ${warmup} of warm-up\n`);
console.log(`The pass: ${fmt(cpuMs)} CPU ms of the process under the trace flags (slower than the bench's).\n`);
console.log('| compile jobs in the pass | jobs | ms compiling | share |\n| --- | --- | --- | --- |');
console.log(`| functions optimised for the first time | ${pass.first.jobs} | ${fmt(pass.first.ms)} | ${(100 * pass.first.ms / (total || 1)).toFixed(0)} % |`);
console.log(`| functions optimised again (after a deoptimisation, or on-stack) | ${pass.again.jobs} | ${fmt(pass.again.ms)} | ${(100 * pass.again.ms / (total || 1)).toFixed(0)} % |`);
console.log(`\n${deopts} deoptimisations in the pass, by reason:\n`);
console.log('| reason (kind) | count |\n| --- | --- |');
for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${n} |`);
console.log(`\nThe ${top} functions the compiler spent most on in the pass:\n`);
console.log('| function | jobs | ms compiling |\n| --- | --- | --- |');
for (const f of [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, top)) console.log(`| \`${f.name}\` | ${f.jobs} | ${fmt(f.ms)} |`);
