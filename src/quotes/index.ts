import type { Context } from '../context.js';
import type { Doc } from '../doc.js';

/** Quotes stage (placeholder): direct and indirect quotes with cues and speakers. */
export function quotes(_doc: Doc, _ctx: Context): void {}
