// `npm run profile`: where the whole pipeline's time goes, on the pass the bench times.
//
// The bench times a first pass (PROFILE_WARMUP articles of warm-up, then the corpus), where most
// word forms are new to the caches; a profile of a second, warm pass answers another question. So
// this profiles that first pass with V8's sampling profiler (node:inspector, as `node --cpu-prof`
// would, but around the pass only), on the unbundled build in dist/ so that each function keeps
// its module's name, and prints:
// - the pass's rate under the profiler (the profiler slows it; compare shares, not rates);
// - inclusive shares: each pipeline stage and the blocks inside them that earlier profiles found
//   large (a function counts once per sample however deep its recursion);
// - the largest self times.
// The profile itself is written to PROFILE_OUT (default: the temporary folder), for Chrome's
// DevTools (Performance panel) or any other viewer of .cpuprofile files.
// Environment: RUTEXT_DATA (data dir, default ../shared/data), PROFILE_CORPUS (a kw file name,
// default russia_today_0), PROFILE_WARMUP (50), PROFILE_LIMIT (all articles), PROFILE_INTERVAL_US
// (200), PROFILE_TOP (25), PROFILE_OUT. Exit status 2 for a bad setting or missing data.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleTexts, envNumber, kwCorpus } from './env.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const setting = (name, fallback, o) => envNumber('profile', name, fallback, o);
const warmup = setting('PROFILE_WARMUP', 50);
const limit = setting('PROFILE_LIMIT', Number.MAX_SAFE_INTEGER, { min: 1 });
const interval = setting('PROFILE_INTERVAL_US', 200, { min: 50, max: 100_000 });
const top = setting('PROFILE_TOP', 25, { min: 1 });
const corpus = kwCorpus('profile', 'PROFILE_CORPUS');
const name = basename(corpus, '.jsonlines');
const out = process.env.PROFILE_OUT ?? join(tmpdir(), `rutext-${name}.cpuprofile`);

const texts = articleTexts(corpus);
const { createAnalyzer } = await import(resolve(root, 'dist/index.js'));
const analyzer = createAnalyzer();
// The bench's warm-up: the first articles of the same corpus, untimed.
for (const t of texts.slice(0, warmup)) analyzer.analyze(t);
const pass = texts.slice(0, limit);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval });
await session.post('Profiler.start');
const t0 = process.cpuUsage();
for (const t of pass) analyzer.analyze(t);
const cpu = process.cpuUsage(t0);
const { profile } = await session.post('Profiler.stop');
session.disconnect();
writeFileSync(out, JSON.stringify(profile));

// ---- the report ----------------------------------------------------------------------------------

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
/** A function's name and module, e.g. `decodeGreedy tagger/decode.js`. */
const keyOf = (n) => {
  const f = n.callFrame;
  const file = f.url === '' ? '' : ` ${f.url.split('/').slice(-2).join('/')}`;
  return `${f.functionName || '(anonymous)'}${file}`;
};
const selfUs = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const us = profile.timeDeltas[i] ?? 0;
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + us);
  total += us;
}
const inclusive = new Map();
const self = new Map();
for (const [id, us] of selfUs) {
  self.set(keyOf(nodes.get(id)), (self.get(keyOf(nodes.get(id))) ?? 0) + us);
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const k = keyOf(nodes.get(x));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}
const pct = (us) => `${((100 * us) / total).toFixed(1)} %`;
const row = (label, us) => `| ${label} | ${(us / 1000).toFixed(0)} | ${pct(us)} |`;

// The stages (src/pipeline.ts) and the blocks inside them the README's profile findings name.
const named = [
  ['layout', 'layout layout/index.js'],
  ['segment', 'segment segment/index.js'],
  ['morph', 'morph morph/index.js'],
  ['  the first look at each word form (formInfo)', 'formInfo morph/morphology.js'],
  ["  az's parse of a new form", 'parsesOfNewForm morph/morphology.js'],
  ['  candidates', 'computeCandidates morph/morphology.js'],
  ['entities', 'entities entities/index.js'],
  ['  the NER tagger (tagMentions)', 'tagMentions tagger/index.js'],
  ['  name normalisation (normalizeMention)', 'normalizeMention entities/normalize.js'],
  ['quotes', 'quotes quotes/index.js'],
  ['themes', 'themes themes/index.js'],
  ['garbage collector', '(garbage collector)'],
];
const seconds = (cpu.user + cpu.system) / 1e6;
console.log(`# rutext profile: first pass over ${pass.length} articles of ${name} after ${warmup} of warm-up`);
console.log(`\n${(pass.length / seconds).toFixed(1)} articles/s under the profiler (CPU ${seconds.toFixed(2)} s); ${(total / 1e6).toFixed(2)} profiled s, sampled every ${interval} µs`);
console.log(`profile written to ${out}\n`);
console.log('| inclusive | ms | share |\n| --- | --- | --- |');
// A function renamed or moved since this list was written is said so, not shown as 0 %.
for (const [label, k] of named) console.log(inclusive.has(k) ? row(label, inclusive.get(k)) : `| ${label} | \`${k}\` not in the profile (renamed?) | |`);
console.log(`\n| largest self times (top ${top}) | ms | share |\n| --- | --- | --- |`);
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(row(`\`${k}\``, us));
