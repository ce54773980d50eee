import { readDataText, readRows } from '../data-file.js';
import { foldYo } from '../letters.js';

/** What the lexicon says about one cue verb lemma. */
export interface VerbCue {
  /** Content may follow without a conjunction (infinitive, о/на + noun phrase). */
  obj: boolean;
  /** The speaker is the verb's object («приводит слова X», «цитирует X»). */
  src: boolean;
  /** Impersonal passive («сообщается, что…»). */
  imp: boolean;
  /** A cue only with a speech noun after it («выразил уверенность»). */
  needObj: boolean;
  /** A cue only right after a statement noun («Такое заявление сделал X»). */
  back: boolean;
  /** A cue only when negated («не исключил»). */
  neg: boolean;
}

/** A parenthetical source phrase («по словам», «по его мнению») as a lemma sequence. */
export interface PhraseCue {
  /** Lemmas; 'POSS' matches его/её/их. */
  lemmas: string[];
  /** Counts only when the content is inside quotation marks. */
  quoted: boolean;
}

/** The speech-cue lexicon (cues.tsv), loaded once. */
export interface CueLexicon {
  verbs: Map<string, VerbCue>;
  /** Phrases grouped by their first lemma. */
  phrases: Map<string, PhraseCue[]>;
  /**
   * First character and length of the phrases' first lemmas, as `openerKey` gives them: a word
   * matching none opens no phrase, and most words are ruled out without building a string.
   */
  phraseOpeners: Set<number>;
  /**
   * Per first lemma, the second lemmas of its phrases ('POSS' included as such): a phrase word
   * like «по» opens many phrases, and a word after it that is none of these rules out every phrase
   * of two or more words (only the one-word phrases are left to try).
   */
  phraseSeconds: Map<string, Set<string>>;
  objNouns: Set<string>;
  docNouns: Set<string>;
}

let lexicon: CueLexicon | undefined;

/**
 * The key of a word's first character code and length in `phraseOpeners` (lengths past 255 share one key).
 * @example
 * cueLexicon().phraseOpeners.has(openerKey('по'.charCodeAt(0), 2)); // true
 */
export function openerKey(first: number, length: number): number {
  return first * 256 + Math.min(length, 255);
}

/**
 * The cue lexicon, read from cues.tsv beside this module on first use.
 * @example
 * cueLexicon().verbs.get('заявить'); // { obj: false, src: false, imp: false, needObj: false, back: false, neg: false }
 */
export function cueLexicon(): CueLexicon {
  if (lexicon !== undefined) return lexicon;
  const text = readDataText(new URL('./cues.tsv', import.meta.url));
  const lx: CueLexicon = { verbs: new Map(), phrases: new Map(), phraseOpeners: new Set(), phraseSeconds: new Map(), objNouns: new Set(), docNouns: new Set() };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) continue;
    const [kind, rawValue, flagText = ''] = line.split('\t');
    const value = foldYo(rawValue); // lemmas are compared with ё folded to е: az keeps ё in some and not in others
    const flags = new Set(flagText.split(',').filter(Boolean));
    if (kind === 'verb') {
      lx.verbs.set(value, { obj: flags.has('obj'), src: flags.has('src'), imp: flags.has('imp'), needObj: flags.has('needobj'), back: flags.has('back'), neg: flags.has('neg') });
    } else if (kind === 'phrase') {
      const lemmas = value.split(' ');
      const list = lx.phrases.get(lemmas[0]) ?? [];
      list.push({ lemmas, quoted: flags.has('quoted') });
      lx.phrases.set(lemmas[0], list);
      lx.phraseOpeners.add(openerKey(lemmas[0].charCodeAt(0), lemmas[0].length));
      let seconds = lx.phraseSeconds.get(lemmas[0]);
      if (seconds === undefined) lx.phraseSeconds.set(lemmas[0], (seconds = new Set()));
      if (lemmas.length > 1) seconds.add(lemmas[1]);
    } else if (kind === 'objnoun') lx.objNouns.add(value);
    else if (kind === 'docnoun') lx.docNouns.add(value);
  }
  for (const list of lx.phrases.values()) list.sort((a, b) => b.lemmas.length - a.lemmas.length);
  lexicon = lx;
  return lx;
}

let lists: Map<string, Set<string>> | undefined;

/**
 * A named word list from words.tsv beside this module (read once, on first use).
 * @example
 * wordList('speaking-body').has('министерство'); // true
 */
export function wordList(name: string): Set<string> {
  if (lists === undefined) {
    // Filled before it is kept: a read that fails (DataFileError) leaves no half-made table behind.
    const read = new Map<string, Set<string>>();
    for (const [list, word] of readRows(new URL('./words.tsv', import.meta.url))) {
      let set = read.get(list);
      if (set === undefined) read.set(list, (set = new Set()));
      set.add(word);
    }
    lists = read;
  }
  const set = lists.get(name);
  if (set === undefined) throw new Error(`rutext: no word list '${name}' in quotes/words.tsv`);
  return set;
}

let roles: Map<string, 'PER' | 'ORG'> | undefined;

/**
 * Head nouns of speaker phrases (roles.tsv) by lemma: PER roles that refer back to a person, ORG
 * bodies that speak (read once, on first use).
 * @example
 * roleLexicon().get('министерство'); // 'ORG'
 */
export function roleLexicon(): Map<string, 'PER' | 'ORG'> {
  if (roles !== undefined) return roles;
  const read = new Map<string, 'PER' | 'ORG'>();
  for (const [type, lemma] of readRows(new URL('./roles.tsv', import.meta.url))) {
    if (type === 'PER' || type === 'ORG') read.set(lemma, type);
  }
  roles = read;
  return read;
}
