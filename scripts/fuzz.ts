// `npm run fuzz`: real articles, broken at random, through one analyzer. The property tests
// (test/property.test.ts) draw short strings and the sample article; news at scale has long
// texts, thousands of names and quotes across paragraphs, so this takes the articles of
// ../shared/data/kw/*.jsonlines, applies 1 to FUZZ_EDITS random edits to each (noise put in,
// stretches cut out or written twice, a prefix in capitals: test/noise.ts) and checks every
// Analysis against the invariants of test/invariants.ts (spans inside the text, tokens tiling its
// non-space characters, quote segments inside the body). Every FUZZ_FRESH_EVERY-th text is also
// analysed by a fresh analyzer, whose output must equal the long-lived one's (caches must not
// change answers).
//
// Environment: RUTEXT_DATA (data dir), FUZZ_SEED (default 1: the same seed edits the same way),
// FUZZ_DOCS (texts, default 3000), FUZZ_EDITS (most edits per text, default 40),
// FUZZ_FRESH_EVERY (default 10; 0 for none), FUZZ_OUT (folder for failing texts, default the
// system's temporary folder). Exit status 1 when some text failed (each is written to FUZZ_OUT as
// rutext-fuzz-SEED-N.txt, to replay with `rutext analyze`), 2 for a bad setting.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../src/index.js';
import { problemsOf } from '../test/invariants.js';
import { applyEdits, type Edit, NOISE } from '../test/noise.js';
import { dataDir } from './eval/data.js';
import { rng } from './rng.js';

function setting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`fuzz: ${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}

const seed = setting('FUZZ_SEED', 1, 0);
const docs = setting('FUZZ_DOCS', 3000, 1);
const maxEdits = setting('FUZZ_EDITS', 40, 1);
const freshEvery = setting('FUZZ_FRESH_EVERY', 10, 0);
const outDir = process.env.FUZZ_OUT || tmpdir();

const kw = join(dataDir(), 'kw');
const articles = readdirSync(kw).filter((f) => f.endsWith('.jsonlines')).sort().flatMap((f) =>
  readFileSync(join(kw, f), 'utf8').split('\n').filter(Boolean).map((line) => {
    const j = JSON.parse(line) as { title?: string; content?: string };
    return `${j.title ?? ''}\n${j.content ?? ''}`;
  }));

const next = rng(seed);
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
  const edits = Array.from({ length: 1 + Math.floor(next() * maxEdits) }, randomEdit);
  const text = applyEdits(pick(articles), edits);
  let problems: string[];
  try {
    const a = analyzer.analyze(text);
    quotes += a.quotes.length;
    problems = problemsOf(text, a);
    if (problems.length === 0 && freshEvery > 0 && n % freshEvery === 0) {
      compared++;
      if (JSON.stringify(createAnalyzer({ tokens: true }).analyze(text)) !== JSON.stringify(a)) problems = ['a fresh analyzer answers otherwise'];
    }
  } catch (e) {
    problems = [`threw: ${(e as Error).stack ?? String(e)}`];
  }
  if (problems.length > 0) {
    failed++;
    const file = join(outDir, `rutext-fuzz-${seed}-${n}.txt`);
    writeFileSync(file, text);
    console.log(`text ${n} (${file}):\n  ${problems.slice(0, 5).join('\n  ')}`);
  }
}
const s = (Date.now() - t0) / 1000;
console.log(`fuzz: seed ${seed}, ${docs} edited articles (up to ${maxEdits} edits each), ${quotes} quotes found, ${compared} compared with a fresh analyzer: ${failed} failed (${s.toFixed(0)} s)`);
process.exit(failed > 0 ? 1 : 0);
