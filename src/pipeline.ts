import { Context } from './context.js';
import { Doc } from './doc.js';
import { entities } from './entities/index.js';
import { layout } from './layout/index.js';
import { morph } from './morph/index.js';
import { quotes } from './quotes/index.js';
import { segment } from './segment/index.js';
import { themes } from './themes/index.js';
import { LAYERS, type Analysis, type AnalyzeOptions, type Layer, type Speaker, type Token } from './types.js';

// The pipeline behind the public API (analyze.ts), kept apart so that the published declarations of
// the API name only the public types, not the stages' (which reach az's undeclared types).

const OPTION_KEYS = new Set(['tokens', 'maxThemes', 'layers']);

/**
 * Checks an options object and returns a copy holding only the options given (an option set to
 * undefined is not given): the caller's object can change afterwards without effect, and a copy
 * merged over an analyzer's options keeps the analyzer's where the call gives none. Throws a
 * TypeError naming the bad argument.
 * @example
 * checkOptions({ tokens: undefined, maxThemes: 3 }); // { maxThemes: 3 }
 */
export function checkOptions(options: unknown, name = 'options'): AnalyzeOptions {
  if (options === undefined || options === null) return {};
  // A Map, a Date or an array holds no option as a property: it is a mistake, not "no options".
  if (typeof options !== 'object' || Object.prototype.toString.call(options) !== '[object Object]') {
    throw new TypeError(`rutext: ${name} must be an object like { tokens, maxThemes, layers }, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new TypeError(`rutext: unknown option ${name}.${key} (known: ${[...OPTION_KEYS].join(', ')})`);
  }
  // Each option is read once: a getter cannot answer one thing to the check and another to the run.
  const { tokens, maxThemes, layers } = options as Record<string, unknown>;
  const out: AnalyzeOptions = {};
  if (tokens !== undefined) {
    if (typeof tokens !== 'boolean') throw new TypeError(`rutext: ${name}.tokens must be a boolean, got ${describe(tokens)}`);
    out.tokens = tokens;
  }
  if (maxThemes !== undefined) {
    if (!(typeof maxThemes === 'number' && Number.isInteger(maxThemes) && maxThemes >= 0)) {
      throw new TypeError(`rutext: ${name}.maxThemes must be a non-negative integer, got ${describe(maxThemes)}`);
    }
    out.maxThemes = maxThemes;
  }
  if (layers !== undefined) {
    if (!Array.isArray(layers)) throw new TypeError(`rutext: ${name}.layers must be an array of layer names, got ${describe(layers)}`);
    const list: Layer[] = [];
    for (let i = 0; i < layers.length; i++) {
      if (!(i in layers)) throw new TypeError(`rutext: ${name}.layers[${i}] is a hole in the array (known layers: ${LAYERS.join(', ')})`);
      const l: unknown = layers[i];
      if (!(LAYERS as readonly unknown[]).includes(l)) throw new TypeError(`rutext: ${name}.layers[${i}] is not a layer: ${describe(l)} (known: ${LAYERS.join(', ')})`);
      list.push(l as Layer);
    }
    out.layers = list;
  }
  return out;
}

/**
 * A value as an error message names it.
 * @example
 * describe(5);         // 'the number 5'
 * describe(new Map()); // 'a Map'
 */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'object') {
    const kind = Object.prototype.toString.call(v).slice(8, -1);
    return kind === 'Object' ? 'an object' : /^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`;
  }
  return `the ${typeof v} ${String(v)}`;
}

/** Stages after segmentation, as bits: which of them a run needs (see stagesFor). */
export const MORPH = 1, ENTITIES = 2, QUOTES = 4, THEMES = 8;
const ALL_STAGES = MORPH | ENTITIES | QUOTES | THEMES;

/** The stages each layer needs, its own and those whose output it reads (layout and segmentation always run). */
const NEEDS: Record<Layer, number> = {
  language: 0, body: 0, boilerplate: 0, paragraphs: 0, sentences: 0,
  tokens: MORPH,
  entities: MORPH | ENTITIES,
  quotes: MORPH | ENTITIES | QUOTES,
  speakers: MORPH | ENTITIES | QUOTES,
  themes: MORPH | ENTITIES | THEMES,
};

/**
 * The stages a run with these options needs, as MORPH | ENTITIES | QUOTES | THEMES bits.
 * @example
 * stagesFor({ layers: ['entities'] }) === (MORPH | ENTITIES); // true
 */
export function stagesFor(o: AnalyzeOptions): number {
  let need = ALL_STAGES;
  if (o.layers !== undefined) {
    need = o.tokens ? MORPH : 0;
    for (const l of o.layers) need |= NEEDS[l];
  }
  if (o.maxThemes === 0) need &= ~THEMES;
  return need;
}

/**
 * Runs the pipeline; the stages see the document in order and add their layers. `stages`
 * (stagesFor's bits) leaves out the stages after segmentation that a run does not need.
 */
export function runPipeline(text: string, ctx: Context, maxThemes = 10, stages = ALL_STAGES): Doc {
  const doc = new Doc(text);
  layout(doc);
  segment(doc);
  if (stages & MORPH) morph(doc, ctx.morphology);
  if (stages & ENTITIES) entities(doc, ctx);
  if (stages & QUOTES) quotes(doc, ctx);
  if (stages & THEMES) themes(doc, ctx, maxThemes);
  return doc;
}

/** Runs the pipeline with checked options and builds the public Analysis. */
export function run(text: string, o: AnalyzeOptions, ctx: Context): Analysis {
  const doc = runPipeline(text, ctx, o.maxThemes ?? 10, stagesFor(o));
  return toAnalysis(doc, o, ctx);
}

/** Builds the public Analysis from a finished document. */
export function toAnalysis(doc: Doc, o: AnalyzeOptions, ctx: Context): Analysis {
  const analysis: Analysis = {
    schemaVersion: 1,
    language: doc.language,
    body: doc.body,
    boilerplate: doc.boilerplate,
    paragraphs: doc.paragraphs,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: doc.entities,
    quotes: doc.quotes,
    speakers: speakersOf(doc),
    themes: doc.themes,
  };
  if (o.tokens || o.layers?.includes('tokens')) {
    // A rewritten token shows the input's slice: its reading is in its stem and lemma.
    const rewritten = doc.rewritten.length > 0 ? new Set(doc.rewritten) : undefined;
    analysis.tokens = doc.tokens.map((t, i): Token => {
      const m = doc.morph[i];
      const text = rewritten?.has(i) ? doc.text.slice(t.start, t.end) : t.text;
      const tok: Token = { start: t.start, end: t.end, text, kind: t.kind, stem: ctx.morphology.stem(t.text), lemma: m.lemma };
      if (m.pos !== undefined) tok.pos = m.pos;
      if (m.tags.length > 0) tok.tags = [...m.tags];
      return tok;
    });
  }
  return analysis;
}

function speakersOf(doc: Doc): Speaker[] {
  const byEntity = new Map<string, Speaker>();
  for (const q of doc.quotes) {
    const id = q.speaker?.entityId;
    if (!id) continue;
    let s = byEntity.get(id);
    if (s === undefined) {
      const e = doc.entities.find((x) => x.id === id);
      if (e === undefined) continue;
      s = { entityId: id, name: doc.speakerNames.get(id) ?? e.name, type: e.type, roles: [...e.roles], quoteIds: [] };
      byEntity.set(id, s);
    }
    s.quoteIds.push(q.id);
  }
  return [...byEntity.values()];
}
