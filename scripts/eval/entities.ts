/**
 * Entities part of `npm run eval`: the tagger's name mentions scored per token (naeval's
 * factRuEval protocol, EVAL.md) on factRuEval dev and NEREL dev, plus model size, load time and
 * tagging speed. The model is models/ner.bin (trained on NEREL train only, see models/README.md),
 * or $RUTEXT_NER_MODEL.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Context } from '../../src/context.js';
import { Doc } from '../../src/doc.js';
import { layout } from '../../src/layout/index.js';
import { morph } from '../../src/morph/index.js';
import { segment } from '../../src/segment/index.js';
import { entities } from '../../src/entities/index.js';
import { DEFAULT_MODEL_URL, loadModel, tagWith } from '../../src/entities/tagger/index.js';
import { clusterOf } from '../../src/entities/tagger/clusters.js';
import type { EntityType } from '../../src/types.js';
import { f3, table } from './data.js';
import { readFactRu, readNerel, type CharSpan, type NerDoc } from './ner-data.js';

const TYPES: EntityType[] = ['PER', 'LOC', 'ORG'];
/** naeval's tokens: word runs with inner hyphens, or single punctuation marks. */
const EVAL_TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

interface Counts { tp: number[]; fp: number[]; fn: number[] }
const newCounts = (): Counts => ({ tp: [0, 0, 0], fp: [0, 0, 0], fn: [0, 0, 0] });

/** Per-token scoring of one document, added into `c`. */
export function scoreDoc(text: string, gold: CharSpan[], pred: CharSpan[], c: Counts): void {
  const toks = [...text.matchAll(EVAL_TOKEN)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const starts = new Set(toks.map((t) => t.start));
  const ends = new Set(toks.map((t) => t.end));
  const g = gold.filter((s) => starts.has(s.start) && ends.has(s.end));
  const mark = (spans: CharSpan[]): Uint8Array => {
    const m = new Uint8Array(toks.length);
    for (const s of spans) {
      const bit = 1 << TYPES.indexOf(s.type);
      for (let i = 0; i < toks.length; i++) if (toks[i].start < s.end && toks[i].end > s.start) m[i] |= bit;
    }
    return m;
  };
  const gm = mark(g), pm = mark(pred);
  for (let i = 0; i < toks.length; i++) {
    for (let k = 0; k < 3; k++) {
      const gi = (gm[i] >> k) & 1, pi = (pm[i] >> k) & 1;
      if (gi && pi) c.tp[k]++;
      else if (pi) c.fp[k]++;
      else if (gi) c.fn[k]++;
    }
  }
}

function prf(c: Counts, k: number): [number, number, number] {
  const p = c.tp[k] / (c.tp[k] + c.fp[k]);
  const r = c.tp[k] / (c.tp[k] + c.fn[k]);
  return [p, r, (2 * p * r) / (p + r)];
}

interface Tagged { doc: NerDoc; pred: CharSpan[]; tokens: number }

function tagAll(docs: NerDoc[], ctx: Context, model: ReturnType<typeof loadModel>): { tagged: Tagged[]; tagMs: number } {
  const prepared = docs.map((d) => {
    const doc = new Doc(d.text);
    layout(doc);
    segment(doc);
    morph(doc, ctx.morphology);
    return doc;
  });
  // Speed: CPU time of a second, warm pass (the machine is shared; wall time is noise).
  for (const doc of prepared) tagWith(model, doc, ctx.morphology);
  const c0 = process.cpuUsage();
  for (const doc of prepared) tagWith(model, doc, ctx.morphology);
  const tagMs = process.cpuUsage(c0).user / 1000;
  const tagged = docs.map((d, k) => {
    const doc = prepared[k];
    const spans = tagWith(model, doc, ctx.morphology);
    const pred = spans.map((s) => ({ start: doc.tokens[s.tokStart].start, end: doc.tokens[s.tokEnd - 1].end, type: s.type }));
    return { doc: d, pred, tokens: doc.tokens.length };
  });
  return { tagged, tagMs };
}

/**
 * The entity layer's name mentions, as a user gets them: the tagger's spans after mention hygiene
 * and the not-names filter, typed by their entity (its type is the cluster's).
 */
function layerMentions(docs: NerDoc[], ctx: Context): Tagged[] {
  return docs.map((d) => {
    const doc = new Doc(d.text);
    layout(doc);
    segment(doc);
    morph(doc, ctx.morphology);
    entities(doc, ctx);
    const pred: CharSpan[] = [];
    for (const m of doc.mentions) {
      if (m.kind !== 'name') continue;
      pred.push({ start: m.start, end: m.end, type: doc.entities[m.entity]?.type ?? m.type });
    }
    return { doc: d, pred, tokens: doc.tokens.length };
  });
}

function rows(label: string, tagged: Tagged[], goldOf: (d: Tagged) => CharSpan[] = (t) => t.doc.spans): Array<Array<string | number>> {
  const c = newCounts();
  for (const t of tagged) scoreDoc(t.doc.text, goldOf(t), t.pred, c);
  return TYPES.map((type, k) => {
    const [p, r, f] = prf(c, k);
    return [label, type, f3(p), f3(r), f3(f), c.tp[k] + c.fn[k]];
  });
}

export default async function (data: string): Promise<string> {
  const ctx = new Context();
  const path = process.env.RUTEXT_NER_MODEL ?? fileURLToPath(DEFAULT_MODEL_URL);
  const c0 = process.cpuUsage();
  const model = loadModel(path);
  clusterOf('');
  const loadMs = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000;

  const fr = readFactRu(join(data, 'factrueval-dev'));
  const half = Math.ceil(fr.length / 2);
  const { tagged: frTagged, tagMs: frMs } = tagAll(fr, ctx, model);
  const nerelDir = join(data, 'nerel', 'dev');
  const nerel = readNerel(nerelDir, 'factru');
  const nerelOuter = new Map(readNerel(nerelDir, 'outermost').map((d) => [d.id, d.spans]));
  const { tagged: neTagged, tagMs: neMs } = tagAll(nerel, ctx, model);
  const toks = [...frTagged, ...neTagged].reduce((s, t) => s + t.tokens, 0);

  const header = ['data', 'type', 'P', 'R', 'F1', 'gold tokens'];
  const body = [
    ...rows(`factRuEval dev, all ${fr.length} docs`, frTagged),
    ...rows(`factRuEval dev, first half (${half}; tuning)`, frTagged.slice(0, half)),
    ...rows(`factRuEval dev, second half (${fr.length - half}; held out)`, frTagged.slice(half)),
    ...rows(`NEREL dev (${nerel.length}), factRuEval conventions`, neTagged),
    ...rows(`NEREL dev (${nerel.length}), NEREL outermost spans`, neTagged, (t) => nerelOuter.get(t.doc.id) ?? []),
  ];
  const frLayer = layerMentions(fr, ctx);
  const neLayer = layerMentions(nerel, ctx);
  const layerBody = [
    ...rows(`factRuEval dev, first half (${half}; tuning)`, frLayer.slice(0, half)),
    ...rows(`factRuEval dev, second half (${fr.length - half}; held out)`, frLayer.slice(half)),
    ...rows(`NEREL dev (${nerel.length}), factRuEval conventions`, neLayer),
  ];
  return [
    '## entities (tagger name mentions, per-token F1)',
    '',
    `Model \`${path.replace(/^.*\/models\//, 'models/')}\`: ${(statSync(path).size / 1e6).toFixed(2)} MB, model + word clusters loaded in ${loadMs.toFixed(0)} ms CPU; ` +
      `tagging (features + decoding, after segment+morph; CPU time, warm) ${Math.round(toks / ((frMs + neMs) / 1000)).toLocaleString('en')} tokens/s. ` +
      'Anchors (factRuEval test, slovnet): PER .959, LOC .915, ORG .825. NEREL targets: PER .95, LOC .92, ORG .85.',
    '',
    table(header, body),
    '',
    'The entity layer\'s name mentions (what `analyze` returns: the spans above after mention hygiene and the not-names filter, each typed by its entity), scored the same way:',
    '',
    table(header, layerBody),
  ].join('\n');
}
