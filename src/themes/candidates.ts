import type { Context } from '../context.js';
import type { Doc, MorphTok } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import { themeStopwords } from './lexicon.js';
import { BoundedCache } from '../morph/cache.js';
import { foldYo, isLowerCase, startsWithCapital } from '../letters.js';

/** What pattern a candidate phrase came from. */
export const enum Kind {
  /** A single common noun: `государственность`. */
  Noun = 0,
  /** Adjective + noun agreeing in case and number: `политическая партия`. */
  AdjNoun = 1,
  /** Noun + noun in the genitive: `запросы граждан`. */
  NounGen = 2,
  /** A name: an entity's name, or a run of proper nouns (`Касым-Жомарт Токаев`, `США`). */
  Name = 3,
}

/** Per-token facts the patterns read; index-parallel to doc.tokens, only filled inside the body. */
export interface TokenFacts {
  /** 0 nothing, 1 common noun, 2 adjective, 3 proper noun. */
  cls: Uint8Array;
  /** True for a capitalised token that does not open its sentence. */
  capital: Uint8Array;
  /** Sentence index of each token. */
  sentence: Int32Array;
  /** Entity index when the token lies inside an entity's name mention, else -1. */
  entity: Int32Array;
  /**
   * The word analysis behind `cls`: its lemma and key stem (a shared entry with empty ones where
   * `cls` is 0). Read through it rather than copied into arrays of their own per document.
   */
  words: WordInfo[];
}

/** One occurrence of a candidate: its key (stems of lemmas joined by spaces) and token range. */
export type Visit = (key: string, kind: Kind, tokStart: number, tokEnd: number) => void;

const PROPER_TAGS: ReadonlySet<string> = new Set(['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad']);
const NON_CONTENT_ADJ: ReadonlySet<string> = new Set(['Apro', 'Anum']);
const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'voct', 'gen2', 'acc2', 'loc2'];
const LETTER_RE = /\p{L}/u;

/** Whether a code unit is a lower-case Latin or Cyrillic letter (а-я, ё, a-z). */
function isPlainLower(c: number): boolean {
  return (c >= 0x430 && c <= 0x44f) || c === 0x451 || (c >= 0x61 && c <= 0x7a);
}

function hasAny(tags: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const t of tags) if (wanted.has(t)) return true;
  return false;
}

/** The case grammeme of a parse, folding the second genitive/accusative/locative into the first. */
export function caseOf(tags: readonly string[]): string | undefined {
  for (const t of tags) {
    if (CASES.includes(t)) return t === 'gen2' ? 'gent' : t === 'acc2' ? 'accs' : t === 'loc2' ? 'loct' : t;
  }
  return undefined;
}

function numberOf(tags: readonly string[]): string | undefined {
  return tags.includes('plur') ? 'plur' : tags.includes('sing') ? 'sing' : undefined;
}

/** The morphology's lemma lower-cased with ё→е; the form itself when the parse gave none. */
export function plainLemma(form: string, m: MorphTok): string {
  const s = typeof m.lemma === 'string' && m.lemma !== '' ? m.lemma : form;
  // Mostly it is so already: then s itself, not a copy (toLowerCase copies a Cyrillic string).
  return foldYo(isLowerCase(s) ? s : s.toLowerCase());
}

/**
 * The lemma a theme should use for a noun token: az puts `выборов` under `выбор`, but when the
 * form is plural and the dictionary also has a plural-only lexeme (`выборы`), editors mean that one.
 */
function nounLemma(ctx: Context, form: string, m: MorphTok): string {
  if (m.tags.includes('plur')) {
    // The tags find the plural-only reading; its parse (tags(form)[k] is parses(form)[k]'s) only then.
    const tags = ctx.morphology.tags(form);
    for (let k = 0; k < tags.length; k++) {
      if (tags[k].POS !== 'NOUN' || tags[k].Pltm !== true) continue;
      const word = ctx.morphology.parses(form)[k].normalize().word;
      if (typeof word === 'string' && word !== '') return word.toLowerCase().replace(/ё/g, 'е');
    }
  }
  return plainLemma(form, m);
}

const enum Base { None, Noun, Adj, Unknown }

/** What a word's analysis alone says, context aside: cached per shared analysis object. */
export interface WordInfo {
  readonly base: Base;
  readonly proper: boolean;
  /** The lemma lower-cased with ё→е (plural-only nouns keep their plural lemma). */
  readonly lemma: string;
  /** Snowball stem of that lemma: the unit keys are made of. */
  readonly keyStem: string;
  /**
   * The background table's row of `keyStem` (-1: absent), kept here so a frequent word costs no
   * table lookup per document; -2 until the themes stage first asks.
   */
  row: number;
}

/**
 * A WordInfo whose key stem is computed when first read: a third of the words never make a key
 * (adjectives without their noun, words inside entity names), and stemming a new lemma is the
 * costliest part of a word seen for the first time.
 */
class Word implements WordInfo {
  row = -2;
  constructor(
    readonly base: Base, readonly proper: boolean, readonly lemma: string,
    private readonly morphology: Morphology | undefined, private stem: string | undefined,
  ) {}

  get keyStem(): string {
    return this.stem ??= this.morphology!.stem(this.lemma);
  }
}

const infoCache = new WeakMap<MorphTok, WordInfo>();
/** The shared, frozen entry of a word that can be no candidate. */
const NONE: WordInfo = noWord();

function noWord(): WordInfo {
  const w = new Word(Base.None, false, '', undefined, '');
  w.row = -1;
  return Object.freeze(w);
}

function wordInfo(ctx: Context, form: string, m: MorphTok): WordInfo {
  let info = infoCache.get(m);
  if (info !== undefined) return info;
  let base = Base.None;
  if (m.pos === 'NOUN') base = Base.Noun;
  else if (m.pos === 'ADJF' && !hasAny(m.tags, NON_CONTENT_ADJ)) base = Base.Adj;
  else if (m.pos === undefined && LETTER_RE.test(form)) base = Base.Unknown;
  info = NONE;
  if (base !== Base.None) {
    const lemma = base === Base.Noun ? nounLemma(ctx, form, m) : plainLemma(form, m);
    if (!themeStopwords().has(lemma)) {
      info = new Word(base, hasAny(m.tags, PROPER_TAGS), lemma, ctx.morphology, undefined);
    }
  }
  infoCache.set(m, info);
  return info;
}

/**
 * Reads the body tokens once and classifies each as common noun, adjective or proper noun, with
 * its lemma and the stem used in keys.
 *
 * @example
 * const facts = tokenFacts(doc, ctx); // doc after segment + morph
 * facts.words[0].lemma; // 'партия'
 */
export function tokenFacts(doc: Doc, ctx: Context): TokenFacts {
  const n = doc.tokens.length;
  const facts: TokenFacts = {
    cls: new Uint8Array(n),
    capital: new Uint8Array(n),
    sentence: new Int32Array(n).fill(-1),
    entity: new Int32Array(n).fill(-1),
    words: new Array<WordInfo>(n).fill(NONE),
  };
  const { start: bodyStart, end: bodyEnd } = doc.body;
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s];
    for (let i = sent.tokStart; i < sent.tokEnd; i++) facts.sentence[i] = s;
  }
  for (const mention of doc.mentions) {
    if (mention.kind !== 'name' || mention.entity < 0 || mention.start < bodyStart || mention.end > bodyEnd) continue;
    for (let i = mention.tokStart; i < mention.tokEnd; i++) facts.entity[i] = mention.entity;
  }
  // A capital only marks a name after the sentence's first word: quotes and dashes may open it.
  let wordSentence = -1;
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i];
    const sentence = facts.sentence[i];
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    const opens = sentence !== wordSentence;
    wordSentence = sentence;
    if (t.kind !== 'word' || t.start < bodyStart || t.end > bodyEnd) continue;
    const m = doc.morph[i];
    if (m === undefined) continue;
    // Only nouns, adjectives and unknown words can be candidates: others skip the cache lookup.
    const pos = m.pos;
    if ((pos !== 'NOUN' && pos !== 'ADJF' && pos !== undefined) || t.text.length < 2) continue;
    const info = wordInfo(ctx, t.text, m);
    if (info.base === Base.None) continue;
    const upper = startsWithCapital(t.text);
    if (upper && !opens) facts.capital[i] = 1;
    let cls = 0;
    if (info.base === Base.Noun) cls = info.proper || isAcronym(t.text) || (upper && !opens) ? 3 : 1;
    else if (info.base === Base.Adj) cls = 2;
    // Unknown capitalised words are mostly foreign names and brands: `Brexit`, `WADA`.
    else if (upper) cls = 3;
    if (cls === 0) continue;
    facts.cls[i] = cls;
    facts.words[i] = info;
  }
  return facts;
}

const agreeCache = new WeakMap<Context, Map<string, boolean>>();

/**
 * Whether the adjective at `i` can agree with the noun at `j` in case and number. The chosen
 * parses are context-free guesses (`политических` → genitive), so any parse of the adjective
 * agreeing with the noun's chosen case counts; cached per pair of forms.
 */
function agrees(doc: Doc, ctx: Context, i: number, j: number): boolean {
  const a = doc.morph[i].tags;
  const b = doc.morph[j].tags;
  const nounCase = caseOf(b);
  const nounNumber = numberOf(b);
  if (caseOf(a) === nounCase && numberOf(a) === nounNumber) return true;
  let cache = agreeCache.get(ctx);
  if (cache === undefined) agreeCache.set(ctx, (cache = new Map()));
  const key = doc.tokens[i].text + '\u0000' + nounCase + '\u0000' + nounNumber;
  let ok = cache.get(key);
  if (ok === undefined) {
    ok = false;
    for (const t of ctx.morphology.tags(doc.tokens[i].text)) {
      if (t.POS !== 'ADJF') continue;
      const tags = t.toString().split(/[ ,]/);
      if (caseOf(tags) === nounCase && numberOf(tags) === nounNumber) { ok = true; break; }
    }
    if (cache.size >= 50_000) cache.clear(); // bounded over a long batch
    cache.set(key, ok);
  }
  return ok;
}

/** True when the two tokens are adjacent words: nothing but spaces between them. */
function adjacent(doc: Doc, i: number, j: number): boolean {
  const a = doc.tokens[i];
  const b = doc.tokens[j];
  if (b.start - a.end > 2) return false;
  for (let k = a.end; k < b.start; k++) {
    const c = doc.text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}

function isAcronym(text: string): boolean {
  // A lower-case first letter changes when upper-cased: no acronym, and no strings built.
  if (isPlainLower(text.charCodeAt(0))) return false;
  return text.length >= 2 && text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * Whether proper-noun token `b` continues the name that token `a` is in: anything capitalised after
 * a first name or patronymic (`Дональд Трамп`, `Алиса Клейбанова`); two mid-sentence capitalised
 * words that are neither places nor acronyms (`Кубок Стэнли`). `президент США Дональд Трамп` stays
 * two names.
 */
function joinsName(doc: Doc, facts: TokenFacts, a: number, b: number): boolean {
  const ta = doc.morph[a].tags;
  const tb = doc.morph[b].tags;
  if (tb.includes('Name')) return ta.includes('Name') && tb.includes('Patr');
  if (ta.includes('Name') || ta.includes('Patr')) return true;
  if (facts.capital[a] !== 1 || facts.capital[b] !== 1) return false;
  if (isAcronym(doc.tokens[a].text) || isAcronym(doc.tokens[b].text)) return false;
  return !ta.includes('Geox') && !tb.includes('Geox') && !ta.includes('Surn');
}

/**
 * Walks the body once and reports every candidate occurrence: single nouns, adjective + noun,
 * noun + genitive noun, and names (entity mentions when the entities stage found them, else runs of
 * proper nouns). Linear in the number of tokens. Shared by the themes stage and `build-df`, so
 * background frequencies and document counts use the same keys.
 *
 * @example
 * visitCandidates(doc, ctx, tokenFacts(doc, ctx), (key, kind, a, b) => console.log(key, kind, a, b));
 */
export function visitCandidates(doc: Doc, ctx: Context, facts: TokenFacts, visit: Visit): void {
  const n = doc.tokens.length;
  const { cls, words, capital, sentence, entity } = facts;
  const entityKeys = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const c = cls[i];
    const e = entity[i];
    if (e >= 0) {
      // A whole entity mention is one Name occurrence; its words make no other candidates.
      let j = i + 1;
      while (j < n && entity[j] === e && j - i < 8) j++;
      let key = entityKeys.get(e);
      if (key === undefined) {
        key = nameKey(ctx, doc.entities[e]?.name ?? '', facts, i, j);
        entityKeys.set(e, key);
      }
      if (key !== '') visit(key, Kind.Name, i, j);
      i = j - 1;
      continue;
    }
    if (c === 0) continue;
    if (c === 3) {
      // A run of proper nouns is one name when joinsName says so: `Дональд Трамп`, `Кубок Стэнли`.
      let j = i + 1;
      while (j < n && j - i < 4 && cls[j] === 3 && entity[j] < 0 && sentence[j] === sentence[i] && adjacent(doc, j - 1, j)
        && joinsName(doc, facts, j - 1, j)) j++;
      let key = words[i].keyStem;
      for (let k = i + 1; k < j; k++) key += ' ' + words[k].keyStem;
      visit(key, Kind.Name, i, j);
      i = j - 1;
      continue;
    }
    if (c === 1) visit(words[i].keyStem, Kind.Noun, i, i + 1);
    const next = i + 1;
    if (next >= n || sentence[next] !== sentence[i] || !adjacent(doc, i, next)) continue;
    const cn = cls[next];
    if (c === 2 && (cn === 1 || cn === 3) && entity[next] < 0) {
      if (agrees(doc, ctx, i, next)) {
        visit(words[i].keyStem + ' ' + words[next].keyStem, capital[i] === 1 ? Kind.Name : Kind.AdjNoun, i, next + 1);
      }
    } else if (c === 1 && (cn === 1 || cn === 3) && entity[next] < 0) {
      const b = doc.morph[next].tags;
      if (b.includes('gent') || b.includes('gen2')) visit(words[i].keyStem + ' ' + words[next].keyStem, Kind.NounGen, i, next + 1);
    }
  }
}

const nameKeyCache = new WeakMap<Context, BoundedCache<string | null>>();

/**
 * The key of an entity name: stems of its lower-cased words (falling back to the mention's tokens).
 * Cached per analyzer by name (null: a name without words), since the same names recur.
 */
function nameKey(ctx: Context, name: string, facts: TokenFacts, from: number, to: number): string {
  let cache = nameKeyCache.get(ctx);
  // Two generations of 50 000 names, above the distinct names of a thousand articles (14 000 in
  // RT_0): the frequent names stay over a long batch. set() copies a name cut from an article.
  if (cache === undefined) nameKeyCache.set(ctx, (cache = new BoundedCache(50_000)));
  let key = cache.get(name);
  if (key === undefined) {
    const words = name.toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter((w) => w !== '');
    key = words.length === 0 ? null : words.map((w) => ctx.morphology.stem(w)).join(' ');
    cache.set(name, key);
  }
  if (key !== null) return key;
  const parts: string[] = [];
  for (let k = from; k < to; k++) if (facts.words[k].keyStem !== '') parts.push(facts.words[k].keyStem);
  return parts.join(' ');
}
