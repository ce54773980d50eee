// Its own module, free of Node's types: the public declarations include it.
/**
 * A data file the package ships (a lexicon, a model, a table) that cannot be read: the
 * installation is broken, or the package was bundled away from its files. Every stage reads its
 * data through readDataFile (data-file.ts), and the stages' fallbacks for odd input let this error
 * through, so a missing file stops the analysis with this message instead of quietly giving worse
 * results (names left in the case the text has, no tagger).
 * @example
 * import { analyze, DataFileError } from 'rutext';
 * try { analyze(text); } catch (e) { if (e instanceof DataFileError) console.error(e.path); }
 */
export class DataFileError extends Error {
  override name = 'DataFileError';
  /** The path of the file that could not be read. */
  readonly path: string;
  constructor(path: string, cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code ?? (cause instanceof Error ? cause.message : String(cause));
    super(`cannot read rutext's data file ${path} (${code}). rutext reads its lexicons and models from its own package folder at run time: reinstall the package; if you bundled your application, keep rutext out of the bundle (README, "Bundling")`, { cause });
    this.path = path;
  }
}
