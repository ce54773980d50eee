/**
 * Real news must keep (nearly) all its text in the body: the share of non-space characters inside
 * the body, per corpus, over the shared data, and must come out Russian (skipped where the data folder is absent, as in CI).
 * Printed figures are the ones the README's layout section quotes; the first half of each corpus was looked at
 * while building the detector, the second half was not.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Doc } from '../src/doc.js';
import { layout } from '../src/layout/index.js';

const dataDir = process.env.RUTEXT_DATA ?? resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/data');
const have = existsSync(join(dataDir, 'kw'));

interface Corpus { name: string; texts: string[]; skipLines: number }

function corpora(): Corpus[] {
  const out: Corpus[] = [];
  for (const f of ['ng_0', 'russia_today_0', 'russia_today_1']) {
    const lines = readFileSync(join(dataDir, 'kw', `${f}.jsonlines`), 'utf8').split('\n').filter(Boolean);
    out.push({ name: `kw/${f}`, texts: lines.map((l) => (JSON.parse(l) as { content: string }).content), skipLines: 0 });
  }
  const fr = join(dataDir, 'factrueval-dev');
  out.push({ name: 'factrueval-dev', texts: readdirSync(fr).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(fr, f), 'utf8')), skipLines: 0 });
  const bs: string[] = [];
  for (const topic of readdirSync(join(dataDir, 'bsnlp')).sort()) {
    const dir = join(dataDir, 'bsnlp', topic, 'raw', 'ru');
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) bs.push(readFileSync(join(dir, f), 'utf8'));
  }
  // bsnlp files open with four lines of crawler metadata (id, language, date, address): not article text.
  out.push({ name: 'bsnlp raw', texts: bs, skipLines: 4 });
  return out;
}

const nonSpace = (s: string) => s.replace(/\s+/gu, '').length;

function share(texts: string[], skipLines: number): { share: number; docs: number; under90: number; languages: Record<string, number> } {
  const languages: Record<string, number> = {};
  let inBody = 0;
  let total = 0;
  let under90 = 0;
  for (const text of texts) {
    let from = 0;
    for (let k = 0; k < skipLines; k++) from = text.indexOf('\n', from) + 1;
    const doc = new Doc(text);
    layout(doc);
    languages[doc.language.code] = (languages[doc.language.code] ?? 0) + 1;
    const t = nonSpace(text.slice(from));
    const b = nonSpace(text.slice(Math.max(from, doc.body.start), Math.max(from, doc.body.end)));
    inBody += b;
    total += t;
    if (t > 0 && b / t < 0.9) under90++;
  }
  return { share: total === 0 ? 1 : inBody / total, docs: texts.length, under90, languages };
}

(have ? describe : describe.skip)('layout on real news keeps the text in the body', () => {
  const sets = have ? corpora() : [];
  test.each(sets.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const half = Math.floor(c.texts.length / 2);
    const all = share(c.texts, c.skipLines);
    const held = share(c.texts.slice(half), c.skipLines);
    process.stdout.write(`layout body share ${c.name}: all ${all.share.toFixed(4)} (${all.docs} docs, ${all.under90} under .9); held-out second half ${held.share.toFixed(4)}; languages ${JSON.stringify(all.languages)}\n`);
    expect(all.share).toBeGreaterThan(0.98);
    expect(held.share).toBeGreaterThan(0.98);
    expect(all.under90 / all.docs).toBeLessThan(0.02);
    expect((all.languages.rus ?? 0) / all.docs).toBeGreaterThan(0.99);
  });
});
