/** The part of az (Az.js, OpenCorpora morphology) that rutext uses. az ships no types. */
declare module 'az' {
  namespace Az {
    interface Tag {
      /** Part of speech, e.g. 'NOUN', 'ADJF', 'VERB'; undefined for unknown words. */
      POS?: string;
      /** Grammeme flags: tag.gent === true, tag.Surn === true … */
      [grammeme: string]: unknown;
      toString(): string;
      ext: Tag;
    }
    interface Parse {
      word: string;
      tag: Tag;
      score: number;
      stutterCnt: number;
      typosCnt: number;
      normalize(keepPOS?: boolean): Parse;
      /** The form with these grammemes (the paradigm's first such form), or false. */
      inflect(grammemes: string[] | Tag): Parse | false;
      /** Dictionary parses only: the paradigm's form number `formIndex` (0 … formCnt − 1). */
      inflect(formIndex: number): Parse | false;
      /** Which of az's parsers produced it: 'Dictionary', 'SuffixKnown', 'PrefixUnknown', … ('Override' for rutext's lexicon). */
      parser?: string;
      /** Dictionary parses only: the number of forms in the paradigm, and the paradigm itself. */
      formCnt?: number;
      paradigm?: Uint16Array;
      paradigmIdx?: number;
      pluralize?(n: number): Parse | false;
      matches?(tag: Tag | string[], grammemes?: string[]): boolean;
    }
    interface MorphFn {
      (word: string, config?: Record<string, unknown>): Parse[];
      init(path: string, callback: (err: unknown, morph?: MorphFn) => void): void;
    }
  }
  const Az: {
    load: (url: string, responseType: string, callback: (err: unknown, data?: unknown) => void) => void;
    Morph: Az.MorphFn;
    /** az's directed acyclic word graph (its dictionary and suffix tables); rutext replaces its exact search. */
    DAWG: { prototype: object; fromArrayBuffer(data: ArrayBuffer, format: string): unknown };
  };
  export default Az;
}
