import type { Context } from '../src/context.js';
import { Doc } from '../src/doc.js';
import { layout } from '../src/layout/index.js';
import { morph } from '../src/morph/index.js';
import { segment } from '../src/segment/index.js';

/** A document through layout, segment and morph: what the tagger's tests start from. */
export function prepared(text: string, ctx: Context): Doc {
  const doc = new Doc(text);
  layout(doc);
  segment(doc);
  morph(doc, ctx.morphology);
  return doc;
}
