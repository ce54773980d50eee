// One measurement of scripts/bench.mjs, in a fresh process. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [mode, corpus, limitArg] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');

if (mode === 'startup') {
  const t0 = performance.now();
  const { createAnalyzer } = await import('../dist/index.js');
  const t1 = performance.now();
  createAnalyzer().analyze(sample);
  const t2 = performance.now();
  out({ importMs: t1 - t0, firstMs: t2 - t1 });
  process.exit(0);
}

const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean);
let texts = lines.map((l) => { const j = JSON.parse(l); return `${j.title ?? ''}\n${j.content ?? ''}`; });
if (limitArg) texts = texts.slice(0, Number(limitArg));
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);

const { createAnalyzer } = await import('../dist/index.js');
const { Context } = await import('../dist/context.js');
const { Doc } = await import('../dist/doc.js');
const stagesMod = {
  layout: (await import('../dist/layout/index.js')).layout,
  segment: (await import('../dist/segment/index.js')).segment,
  morph: (await import('../dist/morph/index.js')).morph,
  entities: (await import('../dist/entities/index.js')).entities,
  quotes: (await import('../dist/quotes/index.js')).quotes,
  themes: (await import('../dist/themes/index.js')).themes,
};

function timeIt(fn, reps = 1) {
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) for (const t of texts) fn(t);
  return (performance.now() - t0) / reps;
}

if (mode === 'pipeline') {
  const analyzer = createAnalyzer();
  for (const t of texts.slice(0, 50)) analyzer.analyze(t); // warm-up: resources, JIT, caches
  const rows = [];
  const add = (name, ms) => rows.push({ name, docsPerSec: texts.length / (ms / 1000), mbPerSec: bytes / 1e6 / (ms / 1000) });
  add('rutext analyze (whole pipeline)', timeIt((t) => analyzer.analyze(t)));

  // Per stage, with the same Context so caches behave as in analyze().
  const ctx = new Context();
  const stages = { layout: 0, segment: 0, morph: 0, entities: 0, quotes: 0, themes: 0 };
  let tokens = 0;
  const runStages = (text) => {
    const doc = new Doc(text);
    let t = performance.now(), u;
    stagesMod.layout(doc); u = performance.now(); stages.layout += u - t; t = u;
    stagesMod.segment(doc); u = performance.now(); stages.segment += u - t; t = u;
    stagesMod.morph(doc, ctx.morphology); u = performance.now(); stages.morph += u - t; t = u;
    stagesMod.entities(doc, ctx); u = performance.now(); stages.entities += u - t; t = u;
    stagesMod.quotes(doc, ctx); u = performance.now(); stages.quotes += u - t; t = u;
    stagesMod.themes(doc, ctx, 10); u = performance.now(); stages.themes += u - t;
    return doc.tokens.length;
  };
  for (const t of texts.slice(0, 50)) runStages(t);
  for (const k of Object.keys(stages)) stages[k] = 0;
  for (const t of texts) tokens += runStages(t);

  // Baselines in the same process: a plain regex tokenizer, and natural's tokenizer + stemmer.
  const re = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
  add('baseline: regex tokenizer', timeIt((t) => t.match(re)));
  const realLog = console.log; console.log = () => {}; // natural prints dotenv lines on import
  const natural = (await import('natural')).default;
  console.log = realLog;
  const tok = new natural.AggressiveTokenizerRu();
  const stem = natural.PorterStemmerRu;
  add('baseline: natural tokenizer + stemmer', timeIt((t) => { for (const w of tok.tokenize(t)) stem.stem(w); }));
  out({ docs: texts.length, bytes, tokens, rows, stages, maxRssMb: process.resourceUsage().maxRSS / 1024 });
}

if (mode === 'scale') {
  const analyzer = createAnalyzer();
  analyzer.analyze(sample);
  const rows = [];
  for (const times of [1, 10, 100]) {
    const text = Array(times).fill(sample).join('\n');
    const reps = Math.max(1, Math.round(100 / times));
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) analyzer.analyze(text);
    rows.push({ times, chars: text.length, ms: (performance.now() - t0) / reps });
  }
  out({ rows });
}
