// First occurrence versus repeat: the same corpus read PASSES times through one analyzer of the
// built package. The first pass pays for every word form's first occurrence (az's parse, each
// stage's per-form facts); later passes find every form in the caches. CPU time, one core.
//
// Usage: npm run build && node scripts/bench-repeat.mjs [corpus.jsonlines] (BENCH_DIST=other dist,
// PASSES=3; default corpus: $RUTEXT_DATA/kw/russia_today_0.jsonlines, RUTEXT_DATA defaulting to ../shared/data)
import { articleTexts } from './env.mjs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = process.env.RUTEXT_DATA ?? resolve(root, '../shared/data');
const corpus = process.argv[2] ?? resolve(data, 'kw/russia_today_0.jsonlines');
const dist = resolve(root, process.env.BENCH_DIST ?? 'dist');
const passes = Number(process.env.PASSES ?? 3);
const texts = articleTexts(corpus);
const { createAnalyzer } = await import(pathToFileURL(resolve(dist, 'index.js')).href);
const analyzer = createAnalyzer();
analyzer.analyze(texts[0]);
for (let pass = 0; pass < passes; pass++) {
  const c0 = process.cpuUsage();
  for (const t of texts) analyzer.analyze(t);
  const u = process.cpuUsage(c0);
  const s = (u.user + u.system) / 1e6;
  console.log(`pass ${pass + 1}: ${texts.length} articles, ${s.toFixed(2)} CPU s, ${(texts.length / s).toFixed(1)} articles/s, peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
