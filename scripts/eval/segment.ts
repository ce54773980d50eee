/**
 * Segmentation: token boundary F1 and sentence boundary F1 (EVAL.md), rutext side by side with
 * natural's Russian tokenizer and Intl.Segmenter run here, and razdel's published figures.
 *
 * Protocol (naeval's, which razdel's figures use):
 * - A segmentation is a list of spans; its *bounds* are the pairs (end of one span, start of the
 *   next) for consecutive spans. Precision, recall and F1 count bounds, micro-averaged over all
 *   texts of a set. A segmenter that drops a character (natural drops all punctuation) produces
 *   bounds that skip it, which do not match gold: dropping is scored as the error it is.
 * - UD (GSD, Taiga dev): tokens — each sentence's `# text` alone; gold token spans are found by
 *   looking each FORM up in the text left to right. Sentences — consecutive groups of 10
 *   sentences (`# text`, trimmed) joined by one space; the last group may be shorter.
 * - factRuEval dev: whole `.txt` texts; gold tokens from `.tokens` (id, start, length, text; code
 *   point offsets, converted here to UTF-16); a blank line in `.tokens` ends a sentence, whose span
 *   runs from its first token's start to its last token's end.
 * - natural: `AggressiveTokenizerRu` for tokens, `SentenceTokenizer` (no abbreviations: it has no
 *   Russian list) for sentences. Both return strings, which are mapped to offsets by finding each
 *   one in the text left to right from the end of the previous one (a string not found is skipped).
 * - Intl.Segmenter('ru'): granularity 'word' (segments that are not all whitespace are tokens) and
 *   'sentence' (segments trimmed of whitespace).
 * - Halves: errors were looked at (and rules tuned) only on the first half of each set, by order
 *   (UD sentences / groups of 10, factRuEval files sorted by name); the second half is held out
 *   and reported separately.
 * - Speed: segmentation alone over kw/russia_today_0 (999 articles, ~7 k characters), one core, CPU
 *   time after a warm-up, next to Intl.Segmenter doing words and sentences over the same texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../../src/doc.js';
import { segment } from '../../src/segment/index.js';
import type { Span } from '../../src/types.js';
import { f3, table } from './data.js';

export interface Segmenter {
  name: string;
  tokens(text: string): Span[];
  sentences(text: string): Span[];
}

/** One scoring unit: a text and its gold token or sentence spans. */
export interface Item { text: string; gold: Span[] }

export interface Score { tp: number; pred: number; gold: number }

/** The (end, start) pairs between consecutive spans, as numbers. */
export function bounds(spans: Span[]): Set<number> {
  const out = new Set<number>();
  for (let k = 1; k < spans.length; k++) out.add(spans[k - 1].end * 0x1000000 + spans[k].start);
  return out;
}

export function score(items: Item[], predict: (text: string) => Span[]): Score {
  const s: Score = { tp: 0, pred: 0, gold: 0 };
  for (const it of items) {
    const p = bounds(predict(it.text));
    const g = bounds(it.gold);
    for (const b of p) if (g.has(b)) s.tp++;
    s.pred += p.size;
    s.gold += g.size;
  }
  return s;
}

export function f1(s: Score): number {
  const p = s.pred === 0 ? 0 : s.tp / s.pred;
  const r = s.gold === 0 ? 0 : s.tp / s.gold;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Spans of strings found in text left to right (for segmenters that return strings). */
export function locate(text: string, parts: string[]): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    const at = text.indexOf(part, from);
    if (at === -1) continue;
    out.push({ start: at, end: at + part.length });
    from = at + part.length;
  }
  return out;
}

// ---- data -----------------------------------------------------------------------------------

interface UdSentence { text: string; forms: string[] }

export function readUd(path: string): UdSentence[] {
  const out: UdSentence[] = [];
  let cur: UdSentence | undefined;
  let skipUntil = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# text = ')) {
      cur = { text: line.slice(9), forms: [] };
      out.push(cur);
      skipUntil = 0;
      continue;
    }
    if (line === '' || line.startsWith('#') || cur === undefined) continue;
    const cols = line.split('\t');
    const id = cols[0];
    if (id.includes('.')) continue; // empty nodes
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      cur.forms.push(cols[1]); // a multiword token: its surface form is the token
      skipUntil = Number(range[2]);
      continue;
    }
    if (Number(id) <= skipUntil) continue;
    cur.forms.push(cols[1]);
  }
  return out;
}

export function udTokenItems(sents: UdSentence[]): Item[] {
  return sents.map((s) => ({ text: s.text, gold: locate(s.text, s.forms) }));
}

export function udSentenceItems(sents: UdSentence[], size = 10): Item[] {
  const items: Item[] = [];
  for (let k = 0; k < sents.length; k += size) {
    let text = '';
    const gold: Span[] = [];
    for (const s of sents.slice(k, k + size)) {
      const t = s.text.trim();
      if (t === '') continue;
      if (text !== '') text += ' ';
      gold.push({ start: text.length, end: text.length + t.length });
      text += t;
    }
    items.push({ text, gold });
  }
  return items;
}

export interface FactDoc { name: string; text: string; tokens: Span[]; sentences: Span[] }

export function readFactRuEval(dir: string): FactDoc[] {
  const docs: FactDoc[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.tokens')).sort()) {
    const text = readFileSync(join(dir, f.replace(/\.tokens$/, '.txt')), 'utf8');
    // code point index → UTF-16 index
    const at: number[] = [];
    for (let i = 0; i < text.length; i++) {
      at.push(i);
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    }
    at.push(text.length);
    const tokens: Span[] = [];
    const sentences: Span[] = [];
    let first = -1;
    const close = () => {
      if (first >= 0) sentences.push({ start: tokens[first].start, end: tokens[tokens.length - 1].end });
      first = -1;
    };
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim() === '') {
        close();
        continue;
      }
      const [, start, length] = line.split(' ');
      const s = Number(start);
      tokens.push({ start: at[s], end: at[s + Number(length)] });
      if (first < 0) first = tokens.length - 1;
    }
    close();
    docs.push({ name: f.replace(/\.tokens$/, ''), text, tokens, sentences });
  }
  return docs;
}

// ---- segmenters -----------------------------------------------------------------------------

export const rutext: Segmenter = {
  name: 'rutext',
  tokens(text) {
    const d = new Doc(text);
    segment(d);
    return d.tokens;
  },
  sentences(text) {
    const d = new Doc(text);
    segment(d);
    return d.sentences;
  },
};

function intlSegmenter(): Segmenter {
  const words = new Intl.Segmenter('ru', { granularity: 'word' });
  const sents = new Intl.Segmenter('ru', { granularity: 'sentence' });
  return {
    name: 'Intl.Segmenter',
    tokens(text) {
      const out: Span[] = [];
      for (const s of words.segment(text)) {
        if (s.segment.trim() !== '') out.push({ start: s.index, end: s.index + s.segment.length });
      }
      return out;
    },
    sentences(text) {
      const out: Span[] = [];
      for (const s of sents.segment(text)) {
        const lead = s.segment.length - s.segment.trimStart().length;
        const t = s.segment.trim();
        if (t !== '') out.push({ start: s.index + lead, end: s.index + lead + t.length });
      }
      return out;
    },
  };
}

interface NaturalModule {
  AggressiveTokenizerRu: new () => { tokenize(t: string): string[] };
  SentenceTokenizer: new (abbreviations: string[]) => { tokenize(t: string): string[] };
}

async function naturalSegmenter(): Promise<Segmenter> {
  // natural pulls in dotenv, which announces itself on stdout: keep the report clean.
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const log = console.log;
  console.log = () => undefined;
  let mod: NaturalModule;
  try {
    const m = (await import('natural')) as unknown as { default?: NaturalModule } & NaturalModule;
    mod = m.default ?? m;
  } finally {
    console.log = log;
  }
  const tok = new mod.AggressiveTokenizerRu();
  const sent = new mod.SentenceTokenizer([]);
  return {
    name: 'natural',
    tokens: (text) => locate(text, tok.tokenize(text)),
    sentences: (text) => locate(text, sent.tokenize(text)),
  };
}

// ---- report ---------------------------------------------------------------------------------

interface EvalSet { name: string; task: 'tokens' | 'sentences'; items: Item[]; razdel: number }

function half<T>(xs: T[], which: 0 | 1): T[] {
  const mid = Math.ceil(xs.length / 2);
  return which === 0 ? xs.slice(0, mid) : xs.slice(mid);
}

export function evalSets(data: string): EvalSet[] {
  const gsd = readUd(join(data, 'ud/ru_gsd-ud-dev.conllu'));
  const taiga = readUd(join(data, 'ud/ru_taiga-ud-dev.conllu'));
  const fre = readFactRuEval(join(data, 'factrueval-dev'));
  return [
    { name: 'UD GSD dev', task: 'tokens', items: udTokenItems(gsd), razdel: 0.914 },
    { name: 'UD GSD dev', task: 'sentences', items: udSentenceItems(gsd), razdel: 0.957 },
    { name: 'UD Taiga dev', task: 'tokens', items: udTokenItems(taiga), razdel: 0.934 },
    { name: 'UD Taiga dev', task: 'sentences', items: udSentenceItems(taiga), razdel: 0.646 },
    { name: 'factRuEval dev', task: 'tokens', items: fre.map((d) => ({ text: d.text, gold: d.tokens })), razdel: 0.994 },
    { name: 'factRuEval dev', task: 'sentences', items: fre.map((d) => ({ text: d.text, gold: d.sentences })), razdel: 0.919 },
  ];
}

function speed(data: string, intl: Segmenter): string {
  const texts = readFileSync(join(data, 'kw/russia_today_0.jsonlines'), 'utf8').split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => { const o = JSON.parse(l) as { title?: string; content?: string }; return `${o.title ?? ''}\n${o.content ?? ''}`; });
  const chars = texts.reduce((a, t) => a + t.length, 0);
  // CPU time of this process, not wall time: the machine is shared, and other jobs stretch the
  // wall clock without slowing the code.
  const time = (f: (t: string) => void): number => {
    for (const t of texts.slice(0, 100)) f(t); // warm-up
    const t0 = process.cpuUsage();
    for (let r = 0; r < 3; r++) for (const t of texts) f(t);
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1e6 / 3;
  };
  const ours = time((t) => segment(new Doc(t)));
  const theirs = time((t) => { intl.tokens(t); intl.sentences(t); });
  const rate = (s: number) => `${Math.round(texts.length / s)} articles/s (${(chars / 1e6 / s).toFixed(1)} M chars/s)`;
  return `Speed, segmentation alone, kw/russia_today_0 (${texts.length} articles, ${(chars / texts.length / 1000).toFixed(1)} k characters each), ` +
    `one core, CPU time, mean of 3 runs after a warm-up: rutext ${rate(ours)}; Intl.Segmenter words + sentences ${rate(theirs)}; ` +
    `rutext is ${(theirs / ours).toFixed(1)}× faster.`;
}

export default async function (data: string): Promise<string> {
  const natural = await naturalSegmenter();
  const intl = intlSegmenter();
  const rows: Array<Array<string | number>> = [];
  for (const set of evalSets(data)) {
    const run = (s: Segmenter, items: Item[]) => f1(score(items, set.task === 'tokens' ? (t) => s.tokens(t) : (t) => s.sentences(t)));
    const gold = set.items.reduce((a, it) => a + Math.max(0, it.gold.length - 1), 0);
    rows.push([
      set.name, set.task, gold,
      f3(set.razdel), f3(run(natural, set.items)), f3(run(intl, set.items)),
      `**${f3(run(rutext, set.items))}**`, f3(run(rutext, half(set.items, 0))), f3(run(rutext, half(set.items, 1))),
    ]);
  }
  return [
    '## segment',
    '',
    'Token and sentence boundary F1 (naeval protocol; see scripts/eval/segment.ts). razdel: published figures with the same protocol;',
    'natural (AggressiveTokenizerRu / SentenceTokenizer) and Intl.Segmenter run here. Rules were tuned on the first half of each set only;',
    'the second half is held out.',
    '',
    table(
      ['set', 'task', 'gold bounds', 'razdel (published)', 'natural', 'Intl.Segmenter', 'rutext whole', 'rutext 1st half (tuned on)', 'rutext 2nd half (held out)'],
      rows,
    ),
    '',
    speed(data, intl),
  ].join('\n');
}
