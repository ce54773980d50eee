import { Morphology } from './morph/morphology.js';

/**
 * What one Analyzer holds across documents: the resources each stage loads once (lazily) and
 * the caches that make repeated words nearly free. Stages receive it; they never build their own.
 */
export class Context {
  private morphologyInstance: Morphology | undefined;

  get morphology(): Morphology {
    if (this.morphologyInstance === undefined) this.morphologyInstance = new Morphology();
    return this.morphologyInstance;
  }
}
