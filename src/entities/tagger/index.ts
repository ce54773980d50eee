import { fileURLToPath } from 'node:url';
import type { Context } from '../../context.js';
import { passDataFileError, readDataFile } from '../../data-file.js';
import type { Doc } from '../../doc.js';
import type { Morphology } from '../../morph/morphology.js';
import type { EntityType } from '../../types.js';
import { decodeGreedy } from './decode.js';
import { extractFeatures, FEATURE_VERSION } from './features.js';
import { isInside, typeOf } from './labels.js';
import { unpackModels, type Weights } from './model.js';

/** A tagged name mention: token range [tokStart, tokEnd) into doc.tokens. */
export interface TaggedSpan { tokStart: number; tokEnd: number; type: EntityType }

/** Where the shipped model lives: <package>/models/ner.bin (same relative path from src/ and dist/). */
export const DEFAULT_MODEL_URL = new URL('../../../models/ner.bin', import.meta.url);

/** A trained tagger (the model pack may grow further passes; one is used today). */
export interface TaggerModel { first: Weights }

let model: TaggerModel | null | undefined;

/**
 * Loads a model file (the format of models/ner.bin).
 * @example
 * const m = loadModel('models/ner.bin');
 * tagWith(m, doc);
 */
export function loadModel(path: string | URL): TaggerModel {
  const ms = unpackModels(readDataFile(path));
  for (const m of ms) {
    if (m.featureVersion !== FEATURE_VERSION) {
      throw new Error(`tagger: model built for features v${m.featureVersion}, code has v${FEATURE_VERSION}; run npm run train:ner`);
    }
  }
  if (ms.length === 0) throw new Error('tagger: empty model pack');
  return { first: ms[0] };
}

function defaultModel(): TaggerModel | null {
  if (model === undefined) {
    const path = fileURLToPath(DEFAULT_MODEL_URL);
    try {
      model = loadModel(path);
    } catch (e) {
      // A missing file is a broken installation (DataFileError). A model built for other
      // features (stale after a code change, in development) must not break analysis: no tagger
      // then, and say why once.
      passDataFileError(e);
      process.emitWarning(`rutext: NER model not loaded: ${(e as Error).message}`);
      model = null;
    }
  }
  return model;
}

/**
 * True when the shipped model file loads (loading happens once per process). A model built for
 * other features (stale after a code change) counts as absent, with a warning; a missing file is
 * a DataFileError.
 * @example
 * if (taggerAvailable()) console.log(tagMentions(doc, ctx));
 */
export function taggerAvailable(): boolean {
  return defaultModel() !== null;
}

/**
 * Tags the PER/LOC/ORG name mentions of a document that went through segment + morph.
 * Spans are token ranges into doc.tokens, end-exclusive, non-overlapping and sorted.
 * Mentions follow factRuEval's conventions: an organisation's name without its descriptor,
 * a place inside an organisation's name tagged as LOC (`МИД` ORG, `России` LOC).
 * Returns [] when no model is available.
 * @example
 * const doc = runPipeline('Заявил президент Касым-Жомарт Токаев.', ctx);
 * tagMentions(doc, ctx); // [{ tokStart: 2, tokEnd: 4, type: 'PER' }]
 */
export function tagMentions(doc: Doc, ctx: Context): TaggedSpan[] {
  const m = defaultModel();
  return m === null ? [] : tagWith(m, doc, ctx.morphology);
}

/** Tags a document with a given model (evaluation and training use this). */
export function tagWith(m: TaggerModel, doc: Doc, morphology?: Morphology): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  if (doc.tokens.length === 0) return out;
  // A loop, not filter: one elements kind for the list, empty or not, in every tier (see entities/index.ts).
  for (const s of spansOf(labelsWith(m, doc, morphology))) if (hasCapital(doc, s)) out.push(s);
  return out;
}

/** The BIO label of every token. */
export function labelsWith(m: TaggerModel, doc: Doc, morphology?: Morphology): Uint8Array {
  // The features are dropped once decoded: their arrays can be the shared scratch.
  return decodeGreedy(extractFeatures(doc, m.first.bits, morphology, false, true), m.first);
}

/** Russian names are written with a capital (or are codes with digits): a span with neither is noise. */
function hasCapital(doc: Doc, s: TaggedSpan): boolean {
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const c = doc.tokens[i].text.charCodeAt(0);
    const ch = doc.tokens[i].text[0];
    if ((c >= 48 && c <= 57) || ch !== ch.toLowerCase()) return true;
  }
  return false;
}

/** Converts a BIO label sequence into token spans. */
export function spansOf(labels: Uint8Array): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let cur: TaggedSpan | null = null;
  // One step past the end, read as O, closes a span the text ends with: no second push after the
  // loop, which optimised code entered mid-loop (on-stack replacement) may never have seen run and
  // so leaves for a deoptimisation on every document that ends in a name.
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? labels[i] : 0;
    const type = typeOf(l);
    if (cur !== null && isInside(l) && type === cur.type) { cur.tokEnd = i + 1; continue; }
    if (cur !== null) { out.push(cur); cur = null; }
    if (type !== undefined) cur = { tokStart: i, tokEnd: i + 1, type };
  }
  return out;
}
