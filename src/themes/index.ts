import type { Context } from '../context.js';
import type { Doc } from '../doc.js';

/** Themes stage (placeholder): key phrases in their normal form. */
export function themes(_doc: Doc, _ctx: Context, _max: number): void {}
