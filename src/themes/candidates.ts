import type Az from 'az';
import type { Context } from '../context.js';
import type { Doc, MorphTok } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import { themeStopwords } from './lexicon.js';
import { BoundedCache } from '../morph/cache.js';
import { normalWord } from '../morph/lemma.js';
import { foldYo, lowerCased, startsWithCapital } from '../letters.js';

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

// Indexed loops over tag lists, not for…of: the lists are shared frozen arrays, and Node 20's V8
// does not inline for…of over a frozen array even in optimised code: it allocates an iterator
// result per item (~50 MB of garbage per RT_1 pass over all such loops).
function hasAny(tags: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (let k = 0; k < tags.length; k++) if (wanted.has(tags[k])) return true;
  return false;
}

/** The case grammeme of a parse, folding the second genitive/accusative/locative into the first. */
export function caseOf(tags: readonly string[]): string | undefined {
  for (let k = 0; k < tags.length; k++) {
    const t = tags[k];
    if (CASES.includes(t)) return t === 'gen2' ? 'gent' : t === 'acc2' ? 'accs' : t === 'loc2' ? 'loct' : t;
  }
  return undefined;
}

/** The morphology's lemma lower-cased with ё→е; the form itself when the parse gave none. */
export function plainLemma(form: string, m: MorphTok): string {
  const s = typeof m.lemma === 'string' && m.lemma !== '' ? m.lemma : form;
  // Mostly it is so already: then s itself, not a copy (toLowerCase copies a Cyrillic string).
  return foldYo(lowerCased(s));
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
      const word = normalWord(ctx.morphology.parses(form)[k]);
      if (word !== undefined && word !== '') return word.toLowerCase().replace(/ё/g, 'е');
    }
  }
  return plainLemma(form, m);
}

const enum Base { None, Noun, Adj, Unknown }

/** Case codes of `caseCode` (caseOf has folded the second genitive, accusative and locative into the first). */
const CASE_CODES: ReadonlyMap<string, number> = new Map([
  ['nomn', 1], ['gent', 2], ['datv', 3], ['accs', 4], ['ablt', 5], ['loct', 6], ['voct', 7],
]);
const GENITIVE = 2;

/** `caseOf` as a number (0: no case), so agreement is two integer comparisons. */
function caseCode(tags: readonly string[]): number {
  const c = caseOf(tags);
  return c === undefined ? 0 : CASE_CODES.get(c)!;
}

/** The number of a parse as a code: 1 plural (checked first), 2 singular, 0 neither. */
function numberCode(tags: readonly string[]): number {
  return tags.includes('plur') ? 1 : tags.includes('sing') ? 2 : 0;
}

/** Bits of WordInfo.form: what the form and its chosen parse say, read once per analysis. */
const enum FormBit {
  /** Written with a capital first letter. */
  Upper = 1,
  /** An acronym (`США`, `WADA`). */
  Acronym = 2,
  /** Tagged animate and plural: a group of people (`беженцы`). */
  AnimPlural = 4,
  /** Tagged as a proper name (PROPER_TAGS). */
  Proper = 8,
}
/** WordInfo.form holds the Base from this bit up (2 bits), then the case code (3 bits), then the number code (2 bits). */
const BASE_SHIFT = 4;
const CASE_SHIFT = 6;
const NUMBER_SHIFT = 9;

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
  /**
   * FormBit flags, the Base, case and number codes: an analysis belongs to one form, so what the
   * stage asks of the form's text and tags per token is answered here once.
   */
  readonly form: number;
  /**
   * For an adjective, its agreement with a noun's case and number (`agrees`), two bits per pair
   * (`agreeSlot`): known, and yes 12 bits higher. An adjective meets few pairs, and the answer
   * depends on its form alone.
   */
  agree: number;
}

/**
 * A WordInfo whose key stem is computed when first read: a third of the words never make a key
 * (adjectives without their noun, words inside entity names), and stemming a new lemma is the
 * costliest part of a word seen for the first time.
 */
class Word implements WordInfo {
  row = -2;
  agree = 0;
  constructor(
    readonly lemma: string, readonly form: number,
    private readonly morphology: Morphology | undefined, private stem: string | undefined,
  ) {}

  get base(): Base {
    return (this.form >> BASE_SHIFT) & 3;
  }

  get proper(): boolean {
    return (this.form & FormBit.Proper) !== 0;
  }

  get keyStem(): string {
    return this.stem ??= this.morphology!.stem(this.lemma);
  }
}

const infoCache = new WeakMap<MorphTok, WordInfo>();
/** The shared, frozen entry of a word that can be no candidate. */
const NONE: WordInfo = noWord();

function noWord(): WordInfo {
  const w = new Word('', 0, undefined, '');
  w.row = -1;
  return Object.freeze(w);
}

/** The FormBit flags and codes of a form and its chosen parse's tags. */
function formFacts(base: Base, form: string, tags: readonly string[]): number {
  let bits = base << BASE_SHIFT;
  if (hasAny(tags, PROPER_TAGS)) bits |= FormBit.Proper;
  if (startsWithCapital(form)) bits |= FormBit.Upper;
  if (isAcronym(form)) bits |= FormBit.Acronym;
  if (tags.includes('plur') && tags.includes('anim')) bits |= FormBit.AnimPlural;
  return bits | (caseCode(tags) << CASE_SHIFT) | (numberCode(tags) << NUMBER_SHIFT);
}

const tagCodes = new WeakMap<Az.Tag, number>();

/** Case and number codes of an az tag (as `caseNumber` gives a word's), cached per shared tag. */
function tagCaseNumber(t: Az.Tag): number {
  let code = tagCodes.get(t);
  if (code === undefined) {
    const tags = t.toString().split(/[ ,]/);
    code = caseCode(tags) | (numberCode(tags) << (NUMBER_SHIFT - CASE_SHIFT));
    tagCodes.set(t, code);
  }
  return code;
}

/** Whether a WordInfo's chosen parse is genitive (caseOf folds the second genitive in). */
function isGenitive(w: WordInfo): boolean {
  return ((w.form >> CASE_SHIFT) & 7) === GENITIVE;
}

/** Case and number codes of a WordInfo, as one number (equal when both agree). */
function caseNumber(w: WordInfo): number {
  return (w.form >> CASE_SHIFT) & 0x1f;
}

/**
 * The bit of a noun's case and number code pair in WordInfo.agree: nominative to locative,
 * singular or plural (the vocative and words without case or number are not kept: -1).
 */
function agreeSlot(pair: number): number {
  const c = pair & 7;
  const n = pair >> (NUMBER_SHIFT - CASE_SHIFT);
  return c >= 1 && c <= 6 && n >= 1 ? 2 * (c - 1) + n - 1 : -1;
}

/**
 * The word facts of a token, cached per analysis: the morphology makes each analysis for one form
 * (its MorphTok objects are per form and parse), so what the form says is cached with it, a
 * one-letter word's being no candidate included.
 */
function wordInfo(ctx: Context, form: string, m: MorphTok): WordInfo {
  let info = infoCache.get(m);
  if (info !== undefined) return info;
  let base = Base.None;
  if (form.length >= 2) {
    if (m.pos === 'NOUN') base = Base.Noun;
    else if (m.pos === 'ADJF' && !hasAny(m.tags, NON_CONTENT_ADJ)) base = Base.Adj;
    else if (m.pos === undefined && LETTER_RE.test(form)) base = Base.Unknown;
  }
  info = NONE;
  if (base !== Base.None) {
    const lemma = base === Base.Noun ? nounLemma(ctx, form, m) : plainLemma(form, m);
    if (!themeStopwords().has(lemma)) {
      info = new Word(lemma, formFacts(base, form, m.tags), ctx.morphology, undefined);
    }
  }
  infoCache.set(m, info);
  return info;
}

/**
 * Whether the token's chosen parse is animate and plural (`беженцы`): from its word facts when it
 * has them, else from its tags.
 *
 * @example
 * if (animPlural(doc, facts, to - 1)) candidate.animPlural++;
 */
export function animPlural(doc: Doc, facts: TokenFacts, i: number): boolean {
  const w = facts.words[i];
  if (w !== NONE) return (w.form & FormBit.AnimPlural) !== 0;
  const tags = doc.morph[i].tags;
  return tags.includes('plur') && tags.includes('anim');
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
  // The body's promotion blocks (layout/promos.ts) are read here, unlike in the quotes stage: they
  // link another article the editors chose on the same topic. Leaving them out cost themes F1@10
  // .393 → .390 on the tuning set (kw RT_1).
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
  // Script code and photo credits (doc.asides) hold no themes: the next one, walked in step.
  const asides = doc.asides;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i];
    const sentence = facts.sentence[i];
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    const opens = sentence !== wordSentence;
    wordSentence = sentence;
    if (t.kind !== 'word' || t.start < bodyStart || t.end > bodyEnd) continue;
    while (c < asides.length && asides[c].end <= t.start) c++;
    if (c < asides.length && asides[c].start <= t.start) continue;
    const m = doc.morph[i];
    if (m === undefined) continue;
    // Only nouns, adjectives and unknown words can be candidates: others skip the cache lookup.
    const pos = m.pos;
    if (pos !== 'NOUN' && pos !== 'ADJF' && pos !== undefined) continue;
    const info = wordInfo(ctx, t.text, m);
    if (info.base === Base.None) continue;
    const capital = (info.form & FormBit.Upper) !== 0 && !opens;
    if (capital) facts.capital[i] = 1;
    let cls = 0;
    if (info.base === Base.Noun) cls = info.proper || (info.form & FormBit.Acronym) !== 0 || capital ? 3 : 1;
    else if (info.base === Base.Adj) cls = 2;
    // Unknown capitalised words are mostly foreign names and brands: `Brexit`, `WADA`.
    else if ((info.form & FormBit.Upper) !== 0) cls = 3;
    if (cls === 0) continue;
    facts.cls[i] = cls;
    facts.words[i] = info;
  }
  return facts;
}

/**
 * Whether the adjective at `i` can agree with the noun at `j` in case and number. The chosen
 * parses are context-free guesses (`политических` → genitive), so any parse of the adjective
 * agreeing with the noun's chosen case counts; the answer is kept with the adjective's word facts
 * per case and number of the noun.
 */
function agrees(doc: Doc, ctx: Context, facts: TokenFacts, i: number, j: number): boolean {
  const adj = facts.words[i];
  const noun = facts.words[j];
  const pair = caseNumber(noun);
  if (caseNumber(adj) === pair) return true;
  const slot = agreeSlot(pair);
  if (slot >= 0 && (adj.agree & (1 << slot)) !== 0) return (adj.agree & (1 << (slot + 12))) !== 0;
  let ok = false;
  for (const t of ctx.morphology.tags(doc.tokens[i].text)) {
    if (t.POS === 'ADJF' && tagCaseNumber(t) === pair) { ok = true; break; }
  }
  if (slot >= 0) adj.agree |= (1 << slot) | (ok ? 1 << (slot + 12) : 0);
  return ok;
}

/**
 * True when the two tokens are adjacent words: nothing but spaces between them, of any kind web
 * copy uses inside a line (a tab, a no-break, narrow no-break or thin space), not a line break.
 */
function adjacent(doc: Doc, i: number, j: number): boolean {
  const a = doc.tokens[i];
  const b = doc.tokens[j];
  if (b.start - a.end > 2) return false;
  for (let k = a.end; k < b.start; k++) {
    const c = doc.text.charCodeAt(k);
    if (c !== 32 && c !== 0xa0 && c !== 0x09 && c !== 0x202f && c !== 0x2009) return false;
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
      if (agrees(doc, ctx, facts, i, next)) {
        visit(words[i].keyStem + ' ' + words[next].keyStem, capital[i] === 1 ? Kind.Name : Kind.AdjNoun, i, next + 1);
      }
    } else if (c === 1 && (cn === 1 || cn === 3) && entity[next] < 0) {
      if (isGenitive(words[next])) visit(words[i].keyStem + ' ' + words[next].keyStem, Kind.NounGen, i, next + 1);
    }
  }
}

const nameKeyCache = new WeakMap<Context, BoundedCache<string | null>>();
const NAME_KEY_LIMIT = 5_000;

/**
 * The key of an entity name: stems of its lower-cased words (falling back to the mention's tokens).
 * Cached per analyzer by name (null: a name without words), since the same names recur.
 */
function nameKey(ctx: Context, name: string, facts: TokenFacts, from: number, to: number): string {
  let cache = nameKeyCache.get(ctx);
  // Two generations of NAME_KEY_LIMIT names: over RT_1 (14 353 distinct names) 5 000 keys 1 150
  // more names (8 %; a split and stems from the stem cache) than an unbounded map, for half the
  // entries; the frequent names stay over a long batch. set() copies a name cut from an article.
  if (cache === undefined) nameKeyCache.set(ctx, (cache = new BoundedCache(NAME_KEY_LIMIT)));
  let key = cache.get(name);
  if (key === undefined) {
    const words = name.toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter((w) => w !== '');
    const stems: string[] = [];
    for (const w of words) stems.push(ctx.morphology.stem(w));
    key = stems.length === 0 ? null : stems.join(' ');
    cache.set(name, key);
  }
  if (key !== null) return key;
  const parts: string[] = [];
  for (let k = from; k < to; k++) if (facts.words[k].keyStem !== '') parts.push(facts.words[k].keyStem);
  return parts.join(' ');
}
