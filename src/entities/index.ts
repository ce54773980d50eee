import type { Context } from '../context.js';
import type { Doc } from '../doc.js';

/** Entities stage (placeholder): mentions, clusters, nominative names, roles. */
export function entities(_doc: Doc, _ctx: Context): void {}
