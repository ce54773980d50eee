// `npm run linearity`: does any kind of text make the pipeline slower than linear? The bench's
// linear-growth row repeats the sample article, whose sentences, words and quotes are all of
// normal size; a text of one unit repeated (a letter, a bracket, a cue, a short quotation…) makes
// one word, one sentence or one clause huge, and that is where quadratic paths hid: a word of 1 000
// `а` took 44 s, 30 000 `Президент заявил: ` in a row 90 s, 40 000 nested brackets 4 s.
//
// For each unit of scripts/linearity-units.json, one analyzer times the unit repeated N and
// FACTOR × N times, then a word. Linear work takes FACTOR times as long, quadratic FACTOR² times: a unit is
// reported when, in the best of three runs, the longer text took more than MAX_RATIO times as
// long (and more than MIN_MS, as shorter times are noise), or more than MAX_MS at all.
// Environment: LINEARITY_N (default 2000), LINEARITY_FACTOR (4), LINEARITY_MAX_RATIO (FACTOR² / 2),
// LINEARITY_MIN_MS (100), LINEARITY_MAX_MS (2000), BENCH_DIST (another build's dist/, a path
// relative to scripts/ as for the bench, or absolute). Exit status 1 when
// some unit is reported, 2 for a bad setting. A unit that is very slow takes long before it is
// reported: an older build is best checked with a small N first.
import { readFileSync } from 'node:fs';
import { envNumber } from './env.mjs';

// Numbers, not only integers (N and FACTOR are rounded).
const setting = (name, fallback, min) => envNumber('linearity', name, fallback, { min, integer: false });
const n = Math.round(setting('LINEARITY_N', 2000, 1));
const factor = Math.round(setting('LINEARITY_FACTOR', 4, 2));
// Half of quadratic growth by default: FACTOR² / 2 (8 for 4).
const maxRatio = setting('LINEARITY_MAX_RATIO', (factor * factor) / 2, 1);
const minMs = setting('LINEARITY_MIN_MS', 100, 0);
const maxMs = setting('LINEARITY_MAX_MS', 2000, 1);

const dist = process.env.BENCH_DIST ?? '../dist';
const { createAnalyzer } = await import(`${dist}/bundle/index.js`);
const units = JSON.parse(readFileSync(new URL('./linearity-units.json', import.meta.url), 'utf8'));
const analyzer = createAnalyzer({ tokens: true });
analyzer.analyze(readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8')); // warm-up

// A letter after the run: a run of marks followed by a word is read otherwise than one that ends
// the text (`((((текст`: each bracket a token of its own).
const repeated = (unit, times) => `${unit.repeat(times)}конец`;
const time = (text) => {
  const t0 = performance.now();
  analyzer.analyze(text);
  return performance.now() - t0;
};
const reported = [];
const t0 = performance.now();
const slow = (small, big) => (big / Math.max(small, 1) > maxRatio && big > minMs) || big > maxMs;
for (const unit of units) {
  let small = time(repeated(unit, n));
  let big = time(repeated(unit, n * factor));
  // A collection or another process can slow one run down: a unit is timed twice more (the best
  // of three counts) before it is reported.
  for (let again = 0; again < 2 && slow(small, big) && big <= 10 * maxMs; again++) {
    small = Math.min(small, time(repeated(unit, n)));
    big = Math.min(big, time(repeated(unit, n * factor)));
  }
  if (slow(small, big)) reported.push({ unit, small, big, ratio: big / Math.max(small, 1) });
}
for (const r of reported) {
  console.log(`${JSON.stringify(r.unit)} × ${n}: ${r.small.toFixed(0)} ms; × ${n * factor}: ${r.big.toFixed(0)} ms (${r.ratio.toFixed(1)} times)`);
}
console.log(`linearity: ${units.length} units, each repeated ${n} and ${n * factor} times: ${reported.length === 0 ? 'none' : reported.length} slower than linear (more than ${maxRatio} times as long, or over ${maxMs} ms) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exit(reported.length > 0 ? 1 : 0);
