// `npm run fuzz`: real articles, broken at random, through one analyzer. The property tests
// (test/property.test.ts) draw short strings and the sample article; news at scale has long
// texts, thousands of names and quotes across paragraphs, so this takes the articles of
// ../shared/data/kw/*.jsonlines in a seeded random order (every article once before any twice),
// applies 1 to FUZZ_EDITS random edits to each (noise put in, stretches cut out or written twice,
// a prefix in capitals: test/noise.ts) and checks every Analysis against the invariants of
// test/invariants.ts (spans inside the text, tokens tiling its non-space characters, quote segments
// inside the body). Every FUZZ_FRESH_EVERY-th text is also analysed by a fresh analyzer, whose
// output must equal the long-lived one's (caches must not change answers).
//
// Environment: RUTEXT_DATA (data dir), FUZZ_SEED (default 1; with the same data and FUZZ_EDITS,
// the same seed edits the same way), FUZZ_DOCS (texts, default 3000), FUZZ_EDITS (most edits per
// text, default 40), FUZZ_FRESH_EVERY (default 10; 0 for none), FUZZ_OUT (folder for failing
// texts, default the system's temporary folder). Each failing text is written to FUZZ_OUT as
// rutext-fuzz-SEED-N.json (the text, JSON-escaped so lone surrogates survive, with the article's
// number and the edits); `FUZZ_REPLAY=that.json npm run fuzz` analyses it again with a fresh
// analyzer and prints its problems. A failure that needs the long-lived analyzer's history
// replays with FUZZ_SEED=SEED FUZZ_DOCS=N+1. Exit status 1 when some text failed, 2 for a bad
// setting or missing data.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Analysis, createAnalyzer } from '../src/index.js';
import { problemsOf } from '../test/invariants.js';
import { applyEdits, type Edit, NOISE } from '../test/noise.js';
import { dataDir } from './eval/data.js';
import { envNumber } from './env.mjs';
import { rng } from './rng.mjs';

function fail(message: string): never {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}

/** The problems of one text's analysis (invariants, then sameness with a fresh analyzer when asked). */
function problemsAfter(text: string, analyse: () => Analysis, compareFresh: boolean): { problems: string[]; quotes: number } {
  try {
    const a = analyse();
    const problems = problemsOf(text, a);
    if (problems.length === 0 && compareFresh && JSON.stringify(createAnalyzer({ tokens: true }).analyze(text)) !== JSON.stringify(a)) {
      problems.push('a fresh analyzer answers otherwise');
    }
    return { problems, quotes: a.quotes.length };
  } catch (e) {
    return { problems: [`threw: ${(e as Error).stack ?? String(e)}`], quotes: 0 };
  }
}

const replay = process.env.FUZZ_REPLAY;
if (replay) {
  let text: unknown;
  try { text = (JSON.parse(readFileSync(replay, 'utf8')) as { text?: unknown }).text; } catch (e) { fail(`cannot read ${replay}: ${(e as Error).message}`); }
  if (typeof text !== 'string') fail(`${replay} has no "text"`);
  const { problems } = problemsAfter(text, () => createAnalyzer({ tokens: true }).analyze(text as string), false);
  console.log(problems.length === 0 ? `fuzz: ${replay}: no problem with a fresh analyzer (if it failed in a run, replay that run)` : `fuzz: ${replay}:\n  ${problems.join('\n  ')}`);
  process.exit(problems.length > 0 ? 1 : 0);
}

const seed = envNumber('fuzz', 'FUZZ_SEED', 1, { max: 2 ** 32 - 1 }); // rng() keeps 32 bits
const docs = envNumber('fuzz', 'FUZZ_DOCS', 3000, { min: 1 });
const maxEdits = envNumber('fuzz', 'FUZZ_EDITS', 40, { min: 1 });
const freshEvery = envNumber('fuzz', 'FUZZ_FRESH_EVERY', 10);
const outDir = process.env.FUZZ_OUT || tmpdir();
try { mkdirSync(outDir, { recursive: true }); } catch (e) { fail(`cannot make FUZZ_OUT ${outDir}: ${(e as Error).message}`); }

let kw = '';
try { kw = join(dataDir(), 'kw'); } catch (e) { fail((e as Error).message); }
const files = existsSync(kw) ? readdirSync(kw).filter((f) => f.endsWith('.jsonlines')).sort() : [];
const articles = files.flatMap((f) =>
  readFileSync(join(kw, f), 'utf8').split('\n').filter(Boolean).map((line) => {
    const j = JSON.parse(line) as { title?: string; content?: string };
    return `${j.title ?? ''}\n${j.content ?? ''}`;
  }));
if (articles.length === 0) fail(`no articles in ${kw}/*.jsonlines (set RUTEXT_DATA)`);

const next = rng(seed);
// The articles in a random order, every one before any comes again.
const order = articles.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
// Pieces to put in: the property tests' noise, lone surrogates and C0 controls, any UTF-16 unit.
const pieces: Array<() => string> = [
  ...Object.values(NOISE).map((list) => () => pick(list)),
  () => String.fromCharCode(0xd800 + Math.floor(next() * 0x800)),
  () => String.fromCharCode(Math.floor(next() * 0x20)),
  () => String.fromCharCode(Math.floor(next() * 0x10000)),
];

function randomEdit(): Edit {
  const r = next(), where = next();
  if (r < 0.55) return ['insert', where, pick(pieces)()];
  if (r < 0.75) return ['cut', where, 1 + Math.floor(next() * 40)];
  if (r < 0.9) return ['twice', where, 1 + Math.floor(next() * 300)];
  return ['upper', where, 0];
}

const analyzer = createAnalyzer({ tokens: true });
let failed = 0, quotes = 0, compared = 0;
const t0 = Date.now();
for (let n = 0; n < docs; n++) {
  const article = order[n % order.length];
  const edits = Array.from({ length: 1 + Math.floor(next() * maxEdits) }, randomEdit);
  const text = applyEdits(articles[article], edits);
  // After the first text, so the long-lived analyzer has a history to differ by.
  const compareFresh = freshEvery > 0 && (n + 1) % freshEvery === 0;
  if (compareFresh) compared++;
  const r = problemsAfter(text, () => analyzer.analyze(text), compareFresh);
  quotes += r.quotes;
  if (r.problems.length > 0) {
    failed++;
    const file = join(outDir, `rutext-fuzz-${seed}-${n}.json`);
    writeFileSync(file, JSON.stringify({ seed, n, article, maxEdits, edits, text }) + '\n');
    console.log(`text ${n} (article ${article}; FUZZ_REPLAY=${file}, or FUZZ_SEED=${seed} FUZZ_DOCS=${n + 1}):\n  ${r.problems.slice(0, 5).join('\n  ')}`);
  }
}
const s = (Date.now() - t0) / 1000;
console.log(`fuzz: seed ${seed}, ${docs} edited texts of ${Math.min(docs, articles.length)} distinct articles (up to ${maxEdits} edits each), ${quotes} quotes found, ${compared} compared with a fresh analyzer: ${failed} failed${failed > 0 ? `, written to ${outDir}` : ''} (${s.toFixed(0)} s)`);
process.exit(failed > 0 ? 1 : 0);
