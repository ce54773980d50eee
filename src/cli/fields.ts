import { LAYERS, type Analysis, type AnalyzeOptions, type Layer } from '../types.js';
import { UsageError } from './args.js';

export { LAYERS, type Layer };

/**
 * Parses a `--fields` list ('quotes,entities'); unknown names are a usage error naming them.
 * @example
 * parseFields('quotes, entities'); // ['quotes', 'entities']
 */
export function parseFields(list: string, command?: string): Layer[] {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new UsageError('--fields needs at least one layer name', command);
  const bad = names.filter((n) => !(LAYERS as readonly string[]).includes(n));
  if (bad.length > 0) throw new UsageError(`--fields: unknown layer ${bad.join(', ')} (known: ${LAYERS.join(', ')})`, command);
  return [...new Set(names)] as Layer[];
}

/**
 * The `--fields` list with `tokens` added when `--tokens` asks for them: `--tokens --fields quotes`
 * keeps the quotes and the tokens, as `{ tokens: true, layers: ['quotes'] }` does in the library.
 * @example
 * keptFields(['quotes'], true); // ['quotes', 'tokens']
 */
export function keptFields(fields: readonly Layer[] | null, tokens: boolean): Layer[] | null {
  if (fields === null) return null;
  return tokens && !fields.includes('tokens') ? [...fields, 'tokens'] : [...fields];
}

/**
 * The analyze() options for a run that keeps `fields` (null: all): the layers are passed on, so
 * only the stages the kept fields need run (a field is the same whatever else is kept).
 * @example
 * optionsFor(false, ['entities']); // { tokens: false, layers: ['entities'] }
 */
export function optionsFor(tokens: boolean, fields: readonly Layer[] | null): AnalyzeOptions {
  return fields === null ? { tokens } : { tokens, layers: fields };
}

/**
 * Keeps only the chosen layers (plus schemaVersion), in schema order; `null` keeps everything.
 * @example
 * selectFields(analysis, ['quotes']); // { schemaVersion: 1, quotes: [...] }
 */
export function selectFields(a: Analysis, fields: readonly Layer[] | null): Partial<Analysis> {
  if (fields === null) return a;
  const out: Record<string, unknown> = { schemaVersion: a.schemaVersion };
  for (const k of LAYERS) if (fields.includes(k) && a[k] !== undefined) out[k] = a[k];
  return out as Partial<Analysis>;
}
