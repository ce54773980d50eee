/**
 * `npm run build:df`: the background document frequencies the themes stage scores rarity against.
 *
 * Sources (all under the shared data folder, see its README for licences):
 *   - kw/russia_today_1.jsonlines: RT news, title + content (the themes tuning set; never reported)
 *   - bsnlp/<topic>/raw/ru: BSNLP shared-task news articles (their 4 header lines skipped)
 *   - nerel/train, nerel/dev: NEREL news texts (.txt)
 *   - factrueval-dev: factRuEval-2016 news texts (.txt)
 * Never kw/ng_0 or kw/russia_today_0: the themes figures are reported on those.
 *
 * Each text runs through the pipeline up to the entities stage; every candidate key the themes stage
 * would see (stems of lemmas of nouns, adjective + noun, noun + genitive, names) counts once per
 * document. Keys in fewer than MIN_DF documents are pruned; the stage treats an absent key as that
 * rare. For the keyword-annotated texts (russia_today_1) it also counts keyphraseness: of the documents
 * holding a key, in how many the editors tagged it. Output: src/themes/df.tsv sorted by key,
 * `key<TAB>df[<TAB>annotated docs holding it<TAB>of those, tagged]`, after `#docs`, `#mindf` and
 * `#taggedprior` lines.
 */
import { readFileSync, readdirSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { BACKGROUND_BIN_URL, encodeBackground, parseBackground } from '../src/themes/lexicon.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Context } from '../src/context.js';
import { runPipeline } from '../src/pipeline.js';
import { tokenFacts, visitCandidates } from '../src/themes/candidates.js';
import { dataDir } from './eval/data.js';

const MIN_DF = 3;

/** One background text with where it came from, and its editors' keywords where it has them. */
export interface BackgroundText { source: string; text: string; keywords?: string[] }

function files(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f));
}

/**
 * The background corpus: every text build-df counts, in a fixed order.
 * @example
 * for (const { source, text } of backgroundTexts(dataDir())) console.log(source, text.length);
 */
export function backgroundTexts(data: string): BackgroundText[] {
  const out: BackgroundText[] = [];
  const rt1 = join(data, 'kw', 'russia_today_1.jsonlines');
  for (const line of readFileSync(rt1, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { title?: string; content?: string; keywords?: string[] };
    out.push({ source: 'kw/russia_today_1', text: `${d.title ?? ''}\n${d.content ?? ''}`, keywords: d.keywords ?? [] });
  }
  const bsnlp = join(data, 'bsnlp');
  for (const topic of existsSync(bsnlp) ? readdirSync(bsnlp).sort() : []) {
    const dir = join(bsnlp, topic, 'raw', 'ru');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      // id, language, date, url, then the title and the text.
      const lines = readFileSync(join(dir, f), 'utf8').split('\n');
      out.push({ source: `bsnlp/${topic}`, text: lines.slice(4).join('\n') });
    }
  }
  for (const part of ['train', 'dev']) {
    for (const f of files(join(data, 'nerel', part), '.txt')) out.push({ source: `nerel/${part}`, text: readFileSync(f, 'utf8') });
  }
  for (const f of files(join(data, 'factrueval-dev'), '.txt')) out.push({ source: 'factrueval-dev', text: readFileSync(f, 'utf8') });
  return out;
}

/** Document frequencies, and for texts with editor keywords, how often each key was tagged. */
export interface DfCounts {
  df: Map<string, number>;
  /** key → [keyword-annotated documents holding it, of those, documents whose editors tagged it]. */
  tagged: Map<string, [number, number]>;
  /** Tagged share over all candidate keys of the annotated documents. */
  taggedPrior: number;
}

/** A keyword as the themes keys are written: stems of its lower-cased, ё→е words. */
export function keywordKey(ctx: Context, keyword: string): string {
  return keyword.toLowerCase().split(/\s+/).filter((w) => w !== '').map((w) => ctx.morphology.stem(w)).join(' ');
}

/** Counts candidate keys once per document over the background corpus. */
export function countDf(texts: BackgroundText[], ctx = new Context()): DfCounts {
  const df = new Map<string, number>();
  const tagged = new Map<string, [number, number]>();
  const seen = new Set<string>();
  let present = 0;
  let hits = 0;
  for (const { text, keywords } of texts) {
    const doc = runPipeline(text, ctx, 0);
    seen.clear();
    visitCandidates(doc, ctx, tokenFacts(doc, ctx), (key) => { seen.add(key); });
    for (const key of seen) df.set(key, (df.get(key) ?? 0) + 1);
    if (keywords === undefined) continue;
    const gold = new Set(keywords.map((k) => keywordKey(ctx, k)));
    for (const key of seen) {
      let t = tagged.get(key);
      if (t === undefined) tagged.set(key, (t = [0, 0]));
      t[0]++;
      present++;
      if (gold.has(key)) { t[1]++; hits++; }
    }
  }
  return { df, tagged, taggedPrior: present > 0 ? hits / present : 0 };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const texts = backgroundTexts(dataDir());
  const bySource = new Map<string, number>();
  for (const t of texts) {
    const s = t.source.split('/')[0] === 'kw' ? t.source : t.source.split('/')[0];
    bySource.set(s, (bySource.get(s) ?? 0) + 1);
  }
  const { df, tagged, taggedPrior } = countDf(texts);
  const kept = [...df.entries()].filter(([, n]) => n >= MIN_DF).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const row = ([k, n]: [string, number]): string => {
    const t = tagged.get(k);
    return t !== undefined && t[0] >= 2 ? `${k}\t${n}\t${t[0]}\t${t[1]}` : `${k}\t${n}`;
  };
  const lines = [`#docs\t${texts.length}`, `#mindf\t${MIN_DF}`, `#taggedprior\t${taggedPrior.toFixed(5)}`, ...kept.map(row)];
  const out = fileURLToPath(new URL('../src/themes/df.tsv', import.meta.url));
  writeFileSync(out, lines.join('\n') + '\n');
  // The shipped binary table follows the text file it is built from.
  writeFileSync(fileURLToPath(BACKGROUND_BIN_URL), encodeBackground(parseBackground(readFileSync(out, 'utf8'))));
  const bytes = statSync(out).size;
  process.stdout.write(
    `build-df: ${texts.length} documents (${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}); ` +
      `${df.size} keys, ${kept.length} kept with df >= ${MIN_DF}; ${out} ${(bytes / 1024).toFixed(0)} KB; ` +
      `${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
