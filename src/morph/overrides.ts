import type Az from 'az';
import { foldYo, lowerCased } from '../letters.js';
import { readDataText } from '../data-file.js';

type Parse = Az.Parse;
type Tag = Az.Tag;
type MorphFn = Az.MorphFn;

const PROPER_GRAMMEMES = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad'];

/** One lexeme of the override lexicon: its forms with the tags borrowed from the model word. */
interface Lexeme { forms: Array<{ word: string; tag: Tag }> }

/**
 * A parse from the override lexicon. Behaves like az's parses for what rutext uses:
 * `word`, `tag`, `score`, `normalize`, `inflect`, `toString`.
 */
export class LexiconParse implements Parse {
  stutterCnt = 0;
  typosCnt = 0;
  readonly parser: string = 'Override';
  constructor(
    readonly word: string,
    readonly tag: Tag,
    public score: number,
    private readonly lexeme: Lexeme | null,
    private readonly lemma: string,
  ) {}

  normalize(keepPOS?: boolean): Parse {
    if (this.lexeme === null) return new LexiconParse(this.lemma, this.tag, this.score, null, this.lemma);
    if (!keepPOS) return this.at(0);
    const i = this.lexeme.forms.findIndex((f) => f.tag.POS === this.tag.POS);
    return this.at(i < 0 ? 0 : i);
  }

  inflect(grammemes: string[] | Tag): Parse | false;
  inflect(formIndex: number): Parse | false;
  inflect(grammemes: string[] | Tag | number): Parse | false {
    if (this.lexeme === null) return false;
    if (typeof grammemes === 'number') return grammemes >= 0 && grammemes < this.lexeme.forms.length ? this.at(grammemes) : false;
    const want = Array.isArray(grammemes) ? grammemes : grammemes.toString().split(/[ ,]/).filter(Boolean);
    const i = this.lexeme.forms.findIndex((f) => want.every((g) => f.tag[g] !== undefined && f.tag[g] !== false));
    return i < 0 ? false : this.at(i);
  }

  toString(): string {
    return this.word;
  }

  /** The same parse with another score (parses are shared between forms, so never mutated). */
  withScore(score: number): LexiconParse {
    return new LexiconParse(this.word, this.tag, score, this.lexeme, this.lemma);
  }

  private at(i: number): LexiconParse {
    const f = this.lexeme!.forms[i];
    return new LexiconParse(f.word, f.tag, this.score, this.lexeme, this.lemma);
  }
}

/** Lower-case, ё→е: the key under which forms are looked up (no copy made of a form that is one already). */
export function lexiconKey(form: string): string {
  return foldYo(lowerCased(form));
}

/**
 * The override lexicon (overrides.tsv, format at its top), compiled against az's dictionary:
 * form key → parses. Built once per process on first use.
 */
export class OverrideLexicon {
  private readonly byForm = new Map<string, LexiconParse[]>();

  constructor(az: MorphFn, text: string) {
    // A model's forms by model and grammemes, while the lexicon is built: 28 lexemes follow 10
    // models, and each model's forms cost az a parse and an inflection per form, in a process
    // that has compiled nothing yet (the lexicon is built in every process's first analysis).
    const models = new Map<string, ModelForms>();
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const [lemma, model, grams = ''] = line.split('\t');
      const want = grams.split(',').filter(Boolean);
      if (model.startsWith('=')) this.addRemap(az, lemma, model.slice(1), want);
      else this.addLexeme(az, lemma, model, want, models);
    }
  }

  /** Parses of a form (any case), or undefined. */
  lookup(form: string): readonly LexiconParse[] | undefined {
    return this.byForm.get(lexiconKey(form));
  }

  private add(word: string, p: LexiconParse): void {
    const key = lexiconKey(word);
    let list = this.byForm.get(key);
    if (list === undefined) this.byForm.set(key, (list = []));
    if (!list.some((q) => q.word === p.word && q.tag === p.tag)) list.push(p);
  }

  private addLexeme(az: MorphFn, lemma: string, model: string, want: string[], models: Map<string, ModelForms>): void {
    const key = `${model}\t${want.join(',')}`;
    let known = models.get(key);
    if (known === undefined) {
      known = modelOf(az, model, want);
      models.set(key, known);
    }
    const { forms: modelForms, stem } = known;
    const ending = modelForms[0].word.slice(stem.length);
    if (!lemma.endsWith(ending)) throw new Error(`rutext overrides: '${lemma}' does not end like its model '${model}' (-${ending})`);
    const base = lemma.slice(0, lemma.length - ending.length);
    const lexeme: Lexeme = { forms: modelForms.map((f) => ({ word: base + f.word.slice(stem.length), tag: f.tag })) };
    for (const f of lexeme.forms) this.add(f.word, new LexiconParse(f.word, f.tag, 1, lexeme, lexeme.forms[0].word));
  }

  private addRemap(az: MorphFn, form: string, lemma: string, want: string[]): void {
    for (const p of az(form)) {
      if (want.every((g) => p.tag[g])) this.add(form, new LexiconParse(form, p.tag, 1, null, lemma));
    }
  }
}

/** The forms of a model word (its dictionary parse with the grammemes wanted) and their common stem. */
interface ModelForms { forms: Array<{ word: string; tag: Tag }>; stem: string }

/** A model word's ModelForms, from az. */
function modelOf(az: MorphFn, model: string, want: string[]): ModelForms {
  const parse = az(model[0].toUpperCase() + model.slice(1)).find((p) => p.paradigm !== undefined && want.every((g) => p.tag[g])
    && (PROPER_GRAMMEMES.some((g) => want.includes(g)) || !PROPER_GRAMMEMES.some((g) => p.tag[g])));
  if (parse === undefined) throw new Error(`rutext overrides: model '${model}' has no dictionary parse with ${want.join(',')}`);
  const count = parse.formCnt ?? 0;
  const forms: Array<{ word: string; tag: Tag }> = [];
  for (let i = 0; i < count; i++) {
    const f = parse.inflect(i);
    if (f) forms.push({ word: f.toString(), tag: f.tag });
  }
  // The model's stem: what all its forms share; the rest is the ending swapped onto the lemma.
  let stem = forms[0].word;
  for (const f of forms) while (!f.word.startsWith(stem)) stem = stem.slice(0, -1);
  return { forms, stem };
}

let shared: OverrideLexicon | undefined;

/** The process-wide override lexicon, read from overrides.tsv beside this module on first use. */
export function overrides(az: MorphFn): OverrideLexicon {
  if (shared === undefined) shared = new OverrideLexicon(az, readDataText(new URL('./overrides.tsv', import.meta.url)));
  return shared;
}
