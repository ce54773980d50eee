import { Context } from './context.js';
import { Doc } from './doc.js';
import { entities } from './entities/index.js';
import { layout } from './layout/index.js';
import { morph } from './morph/index.js';
import { quotes } from './quotes/index.js';
import { segment } from './segment/index.js';
import { themes } from './themes/index.js';
import { LAYERS, type Analysis, type AnalyzeOptions, type Layer, type Speaker, type Token } from './types.js';

const OPTION_KEYS = new Set(['tokens', 'maxThemes', 'layers']);

/** Checks the options object; throws a TypeError naming the bad argument. */
export function checkOptions(options: unknown, name = 'options'): AnalyzeOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`rutext: ${name} must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new TypeError(`rutext: unknown option ${name}.${key} (known: ${[...OPTION_KEYS].join(', ')})`);
  }
  const o = options as AnalyzeOptions;
  if (o.tokens !== undefined && typeof o.tokens !== 'boolean') throw new TypeError(`rutext: ${name}.tokens must be a boolean, got ${describe(o.tokens)}`);
  if (o.maxThemes !== undefined && !(Number.isInteger(o.maxThemes) && o.maxThemes >= 0)) {
    throw new TypeError(`rutext: ${name}.maxThemes must be a non-negative integer, got ${describe(o.maxThemes)}`);
  }
  if (o.layers !== undefined) {
    if (!Array.isArray(o.layers)) throw new TypeError(`rutext: ${name}.layers must be an array of layer names, got ${describe(o.layers)}`);
    const bad = o.layers.filter((l) => !(LAYERS as readonly unknown[]).includes(l));
    if (bad.length > 0) throw new TypeError(`rutext: ${name}.layers has unknown ${bad.map(describe).join(', ')} (known: ${LAYERS.join(', ')})`);
  }
  return o;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

/** An analyzer holds loaded resources and caches; reuse one for many documents. */
export interface Analyzer {
  /**
   * Analyses one article. Never throws for bad text; throws a TypeError for wrong arguments.
   * @example
   * const a = createAnalyzer();
   * a.analyze('«Это добрый знак», — сказал Касым-Жомарт Токаев.').quotes[0].text; // 'Это добрый знак'
   */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
}

/**
 * Creates an analyzer. Resources load lazily on the first document and stay for the analyzer's life.
 * @example
 * const analyzer = createAnalyzer({ tokens: true });
 * for (const text of articles) console.log(analyzer.analyze(text).entities);
 */
export function createAnalyzer(options?: AnalyzeOptions): Analyzer {
  const defaults = checkOptions(options);
  const ctx = new Context();
  return {
    analyze(text: string, opts?: AnalyzeOptions): Analysis {
      if (typeof text !== 'string') throw new TypeError(`rutext: text must be a string, got ${describe(text)}`);
      const o = { ...defaults, ...checkOptions(opts) };
      return run(text, o, ctx);
    },
  };
}

let shared: Analyzer | undefined;

/**
 * Analyses one article with a process-wide shared analyzer.
 * @example
 * import { analyze } from 'rutext';
 * const { quotes, entities, themes } = analyze(articleText);
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  if (typeof text !== 'string') throw new TypeError(`rutext: text must be a string, got ${describe(text)}`);
  checkOptions(options);
  if (shared === undefined) shared = createAnalyzer();
  return shared.analyze(text, options);
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

function run(text: string, o: AnalyzeOptions, ctx: Context): Analysis {
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
    analysis.tokens = doc.tokens.map((t, i): Token => {
      const m = doc.morph[i];
      const tok: Token = { start: t.start, end: t.end, text: t.text, kind: t.kind, stem: ctx.morphology.stem(t.text), lemma: m.lemma };
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
      s = { entityId: id, name: e.name, type: e.type, roles: e.roles, quoteIds: [] };
      byEntity.set(id, s);
    }
    s.quoteIds.push(q.id);
  }
  return [...byEntity.values()];
}
