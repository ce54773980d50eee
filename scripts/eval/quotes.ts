/**
 * Quotes by QUOTES.md: a prediction matches a gold quote when their content characters
 * (quotation marks and spaces ignored) overlap with IoU ≥ 0.5, one-to-one; P/R/F1 over quotes,
 * kind and speaker accuracy over matched pairs. Data: quotes/dev.jsonl (first half of its texts is
 * the tuning half, the second half is held out) and the sample article (seed/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analyze.js';
import type { Quote } from '../../src/types.js';
import { f3, table } from './data.js';

type Pair = [number, number];
interface GoldQuote { kind: 'direct' | 'indirect'; content: Pair[]; speaker: Pair | null; speakerName: string | null }
interface GoldDoc { id: string; text: string; quotes: GoldQuote[] }

/** Counts over a set of documents. */
export interface Score { gold: number; pred: number; matched: number; kindOk: number; speakerOk: number }

const IGNORED = /[\s«»„“”"'‘’‹›]/u;

function chars(text: string, spans: Pair[]): Set<number> {
  const out = new Set<number>();
  for (const [s, e] of spans) for (let i = s; i < e; i++) if (!IGNORED.test(text[i])) out.add(i);
  return out;
}

function iou(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

function words(name: string): string[] {
  return name.toLowerCase().replace(/ё/g, 'е').split(/[\s,]+/).filter(Boolean);
}

/** QUOTES.md's speaker rule: equal names, or one name's words a subset of the other's. */
export function speakerRight(gold: GoldQuote, pred: Quote): boolean {
  if (gold.speakerName === null) {
    const m = pred.speaker?.mention ?? null;
    if (gold.speaker === null) return m === null;
    return m !== null && m.start < gold.speaker[1] && gold.speaker[0] < m.end;
  }
  const name = pred.speaker?.name;
  if (!name) return false;
  const a = words(gold.speakerName);
  const b = words(name);
  if (a.join(' ') === b.join(' ')) return true;
  const [small, big] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  return small.length > 0 && small.every((w) => big.has(w));
}

/** Scores one document; `log` receives the misses for a look at what fails. */
export function scoreDoc(doc: GoldDoc, pred: Quote[], log?: (line: string) => void): Score {
  const gold = doc.quotes.map((q) => chars(doc.text, q.content));
  const mine = pred.map((q) => chars(doc.text, q.segments.map((s): Pair => [s.start, s.end])));
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => mine.forEach((m, pi) => { const x = iou(g, m); if (x >= 0.5) pairs.push([x, gi, pi]); }));
  pairs.sort((a, b) => b[0] - a[0]);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  const s: Score = { gold: gold.length, pred: mine.length, matched: 0, kindOk: 0, speakerOk: 0 };
  for (const [, gi, pi] of pairs) {
    if (gUsed.has(gi) || pUsed.has(pi)) continue;
    gUsed.add(gi); pUsed.add(pi);
    s.matched++;
    const g = doc.quotes[gi];
    const p = pred[pi];
    if (g.kind === p.kind) s.kindOk++;
    if (speakerRight(g, p)) s.speakerOk++;
    else log?.(`  SPEAKER gold=${g.speakerName ?? '(null)'} [${g.speaker ? doc.text.slice(...g.speaker) : '-'}] pred=${p.speaker?.name ?? '(null)'} [${p.speaker?.mention?.text ?? '-'}] :: ${p.text.slice(0, 60)}`);
  }
  if (log) {
    doc.quotes.forEach((g, gi) => { if (!gUsed.has(gi)) log(`  MISS ${g.kind} :: ${g.content.map(([a, b]) => doc.text.slice(a, b)).join(' || ').slice(0, 110).replace(/\n/g, '¶')}`); });
    pred.forEach((p, pi) => { if (!pUsed.has(pi)) log(`  EXTRA ${p.kind} [${p.cue.text}] :: ${p.text.slice(0, 110).replace(/\n/g, '¶')}`); });
  }
  return s;
}

function add(a: Score, b: Score): Score {
  return { gold: a.gold + b.gold, pred: a.pred + b.pred, matched: a.matched + b.matched, kindOk: a.kindOk + b.kindOk, speakerOk: a.speakerOk + b.speakerOk };
}

function row(label: string, s: Score): Array<string | number> {
  const p = s.pred ? s.matched / s.pred : 0;
  const r = s.gold ? s.matched / s.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return [label, s.gold, s.pred, s.matched, f3(p), f3(r), f3(f), f3(s.matched ? s.kindOk / s.matched : NaN), f3(s.matched ? s.speakerOk / s.matched : NaN)];
}

/** The sample article's expected quotes in the dev.jsonl shape. */
function sampleDoc(data: string): GoldDoc {
  const text = readFileSync(join(data, 'seed', 'article.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(join(data, 'seed', 'expected.json'), 'utf8')) as { quotes: GoldQuote[] };
  return { id: 'seed:article', text, quotes: expected.quotes };
}

export default async function quotesEval(data: string): Promise<string> {
  const docs = readFileSync(join(data, 'quotes', 'dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldDoc);
  const half = Math.ceil(docs.length / 2);
  const analyzer = createAnalyzer();
  const verbose = process.env.RUTEXT_EVAL_VERBOSE;
  const zero: Score = { gold: 0, pred: 0, matched: 0, kindOk: 0, speakerOk: 0 };
  let tune = zero;
  let held = zero;
  docs.forEach((doc, k) => {
    const pred = analyzer.analyze(doc.text).quotes;
    // Misses are printed for the tuning half only: the held-out half is not looked at.
    const log = verbose && k < half ? (line: string) => process.stderr.write(line + '\n') : undefined;
    if (log) log(`== ${doc.id}`);
    const s = scoreDoc(doc, pred, log);
    if (k < half) tune = add(tune, s);
    else held = add(held, s);
  });
  const sample = sampleDoc(data);
  const sampleScore = scoreDoc(sample, analyzer.analyze(sample.text).quotes, verbose ? (l) => process.stderr.write(l + '\n') : undefined);
  const header = ['set', 'gold', 'pred', 'matched', 'P', 'R', 'F1', 'kind acc', 'speaker acc'];
  return [
    '## quotes',
    '',
    `QUOTES.md protocol (content IoU ≥ 0.5, one-to-one). dev.jsonl: ${docs.length} texts; texts 1–${half} were looked at while tuning, ${half + 1}–${docs.length} are held out.`,
    '',
    table(header, [
      row(`dev held out (texts ${half + 1}–${docs.length})`, held),
      row(`dev tuning half (texts 1–${half})`, tune),
      row('dev all', add(tune, held)),
      row('sample article', sampleScore),
    ]),
  ].join('\n');
}
