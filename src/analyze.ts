import { Context } from './context.js';
import { checkOptions, describe, run } from './pipeline.js';
import type { Analysis, AnalyzeOptions } from './types.js';

/** An analyzer holds loaded resources and caches; reuse one for many documents. */
export interface Analyzer {
  /**
   * Analyses one article. Never throws for bad text; throws a TypeError for wrong arguments.
   * @example
   * const a = createAnalyzer();
   * a.analyze('«Это добрый знак», — сказал Касым-Жомарт Токаев.').quotes[0].text; // → 'Это добрый знак'
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
      // Options given for this call replace the analyzer's, one by one; those not given keep them.
      const o = opts === undefined ? defaults : { ...defaults, ...checkOptions(opts) };
      return run(text, o, ctx);
    },
  };
}

let shared: Analyzer | undefined;

/**
 * Analyses one article with a process-wide shared analyzer.
 * @example
 * import { analyze } from 'rutext';
 * const { quotes, entities, themes } = analyze('Суд оправдал Асию Биби. Асия Биби заявила, что уедет.');
 * // Named in the nominative, though the text first writes «Асию Биби»:
 * entities[0].name; // → 'Асия Биби'
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  if (typeof text !== 'string') throw new TypeError(`rutext: text must be a string, got ${describe(text)}`);
  // Checked before the shared analyzer is made; it gets the checked copy (read once, like any).
  const o = checkOptions(options);
  if (shared === undefined) shared = createAnalyzer();
  return shared.analyze(text, o);
}

