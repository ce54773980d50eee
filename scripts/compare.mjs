// `npm run compare -- <other build>`: this checkout's build against another, in pairs of fresh
// processes taking turns.
//
// The bench's figures move with a shared machine by more than most single changes do, so a
// before/after claim is measured in pairs: the two builds run one after the other, the order
// swapped every pair, and what is reported is the median of the per-pair differences (start-up)
// or ratios (throughput) and how many pairs went the new build's way. Each run is a bench child
// (scripts/bench-child.mjs) with BENCH_DIST set to one build's dist/, so it measures what the
// bench measures:
// - start-up: `startup` mode in a plain node (the code cache used, as in a user's process):
//   import + createAnalyzer → the sample article's result, CPU and wall ms;
// - throughput: `pipeline` mode under --expose-gc: one analyzer, a pass over the corpus after 50
//   articles of warm-up, CPU ms (the mode also times its baselines afterwards; not reported).
//
// The other build: a checkout (its dist/ is used) or a dist/ folder, built; e.g. a git worktree:
//   git worktree add --detach ../before HEAD~3 && (cd ../before && npm ci && npm run build)
//   npm run compare -- ../before
// Environment: COMPARE_STARTUP (start-up pairs, 40; 0 skips), COMPARE_PASSES (throughput pairs,
// 6; 0 skips), COMPARE_LIMIT (articles per pass, all), RUTEXT_DATA (data dir, default
// ../shared/data), COMPARE_CORPUS (a kw file name, default russia_today_0). Exit status 2 for a
// bad setting, a missing build or missing data.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber, kwCorpus } from './env.mjs';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const setting = (name, fallback, o) => envNumber('compare', name, fallback, o);
const startupPairs = setting('COMPARE_STARTUP', 40);
const passPairs = setting('COMPARE_PASSES', 6);
const limit = setting('COMPARE_LIMIT', 0);

const fail = (why) => {
  console.error(`compare: ${why}`);
  process.exit(2);
};
/** A build's dist/ folder, from a checkout or the folder itself. */
function distOf(path) {
  const dir = resolve(path);
  const dist = existsSync(join(dir, 'dist')) ? join(dir, 'dist') : dir;
  if (!existsSync(join(dist, 'bundle', 'index.js')) && !existsSync(join(dist, 'index.js'))) {
    fail(`${path}: no built package there (expected dist/bundle/index.js; run npm run build in it)`);
  }
  return dist;
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0].startsWith('-')) fail('usage: npm run compare -- <other checkout or dist folder>');
const builds = { new: distOf(root), old: distOf(args[0]) };
// The corpus only matters to the throughput pairs: start-up alone runs without the data.
const corpus = kwCorpus('compare', 'COMPARE_CORPUS', { required: passPairs > 0 });
const name = basename(corpus, '.jsonlines');

const childScript = fileURLToPath(new URL('./bench-child.mjs', import.meta.url));
/** One bench child on one build; its JSON line. */
function run(which, mode, flags) {
  const r = spawnSync(process.execPath, [...flags, childScript, mode, corpus, limit > 0 ? String(limit) : ''], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    // NODE_OPTIONS and BENCH_LAYERS emptied: a V8 flag from the caller's shell would make V8 refuse
    // the code cache, and a layer list would measure a subset.
    env: { ...process.env, BENCH_DIST: builds[which], NODE_OPTIONS: '', BENCH_LAYERS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) fail(`${mode} run of ${builds[which]} ended with status ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** n pairs of runs, the order swapped every pair; per pair [new, old]. */
function pairs(n, mode, flags) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0 ? ['new', 'old'] : ['old', 'new'];
    const got = {};
    for (const which of order) got[which] = run(which, mode, flags);
    out.push([got.new, got.old]);
  }
  return out;
}

const fmt = (x, d = 1) => x.toFixed(d);

console.log(`# rutext compare (${new Date().toISOString().slice(0, 10)}, node ${process.version})\n`);
console.log(`new: ${builds.new}\nold: ${builds.old}\n`);

if (startupPairs > 0) {
  const ps = pairs(startupPairs, 'startup', []);
  const cpu = (r) => r.importCpuMs + r.firstCpuMs;
  const wall = (r) => r.importMs + r.firstMs;
  const diffs = ps.map(([n, o]) => cpu(n) - cpu(o));
  const caches = new Set(ps.flat().map((r) => `${r.codeCache}`));
  console.log(`## Start-up: import + createAnalyzer → first result (${ps.length} pairs; code cache: ${[...caches].join(', ')})\n`);
  console.log('| build | CPU ms, median | wall ms, median |\n| --- | --- | --- |');
  console.log(`| new | ${fmt(median(ps.map(([n]) => cpu(n))))} | ${fmt(median(ps.map(([n]) => wall(n))))} |`);
  console.log(`| old | ${fmt(median(ps.map(([, o]) => cpu(o))))} | ${fmt(median(ps.map(([, o]) => wall(o))))} |`);
  console.log(`\nnew − old per pair, CPU ms: median ${fmt(median(diffs))}; the new build faster in ${diffs.filter((d) => d < 0).length} of ${diffs.length}\n`);
}

if (passPairs > 0) {
  const ps = pairs(passPairs, 'pipeline', ['--expose-gc']);
  const ms = (r) => r.rows[0].ms;
  const ratios = ps.map(([n, o]) => ms(n) / ms(o));
  console.log(`## Throughput: a pass over ${name} after 50 articles of warm-up (${ps.length} pairs)\n`);
  console.log('| build | CPU ms, median | articles/s |\n| --- | --- | --- |');
  for (const [k, side] of [['new', 0], ['old', 1]]) {
    const m = median(ps.map((p) => ms(p[side])));
    console.log(`| ${k} | ${fmt(m, 0)} | ${fmt(ps[0][side].docs / (m / 1000), 1)} |`);
  }
  console.log(`\nnew ÷ old per pair: ${ratios.map((r) => fmt(r, 3)).join(' ')}; median ${fmt(median(ratios), 3)}; the new build faster in ${ratios.filter((r) => r < 1).length} of ${ratios.length}\n`);
}
