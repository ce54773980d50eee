import type { Context } from '../context.js';
import type { Doc } from '../doc.js';
import { Kind, plainLemma, type TokenFacts } from './candidates.js';
import { inflectedWord, normalWord } from '../morph/lemma.js';

const GENDERS = ['masc', 'femn', 'neut'];
const inflectCache = new WeakMap<Context, Map<string, string>>();
// Entries per cache: the frequent words stay cached, memory stays bounded over a long batch.
const CACHE_LIMIT = 50_000;

/** `касым-жомарт` → `Касым-Жомарт`. */
function capitalise(word: string): string {
  return word.replace(/(^|-)(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * How a noun token is written inside a theme: its lemma (in the plural when `plural`), capitalised
 * for names, acronyms as written.
 */
function nounWord(doc: Doc, ctx: Context, facts: TokenFacts, i: number, plural = false): string {
  const text = doc.tokens[i].text;
  if (text.length >= 2 && text === text.toUpperCase() && text !== text.toLowerCase()) return text;
  let lemma = facts.words[i].lemma;
  const tags = doc.morph[i].tags;
  // az files `Захаровой` under `захаров`; a woman's surname keeps its feminine ending.
  const woman = tags.includes('femn') || (i > 0 && doc.morph[i - 1].tags.includes('Name') && doc.morph[i - 1].tags.includes('femn'));
  if (facts.cls[i] === 3 && woman && !tags.includes('Name') && /(ов|ев|ин|ын)$/.test(lemma)) lemma += 'а';
  if (plural && !pluralOnly(doc, facts, i)) lemma = pluralNoun(doc, ctx, facts, i);
  return facts.cls[i] === 3 || facts.capital[i] === 1 ? capitalise(lemma) : lemma;
}

/**
 * The form's lexeme (the first parse of part of speech `pos` whose lemma is `lemma`) inflected to
 * `grammemes`, lower-cased with ё→е; the lemma itself when az cannot.
 * @example
 * inflectLexeme(ctx, 'политических', 'ADJF', 'политический', ['femn', 'sing', 'nomn']); // 'политическая'
 */
function inflectLexeme(ctx: Context, form: string, pos: string, lemma: string, grammemes: string[]): string {
  for (const p of ctx.morphology.parses(form)) {
    const normal = p.tag.POS === pos ? normalWord(p) : undefined;
    if (normal === undefined || normal.toLowerCase().replace(/ё/g, 'е') !== lemma) continue;
    const inflected = inflectedWord(p, grammemes);
    return inflected !== undefined ? inflected.toLowerCase().replace(/ё/g, 'е') : lemma;
  }
  return lemma;
}

const pluralCache = new WeakMap<Context, Map<string, string>>();

/** The nominative plural of the noun at token `i` (`беженец` → `беженцы`), cached per lemma. */
function pluralNoun(doc: Doc, ctx: Context, facts: TokenFacts, i: number): string {
  const lemma = facts.words[i].lemma;
  let cache = pluralCache.get(ctx);
  if (cache === undefined) pluralCache.set(ctx, (cache = new Map()));
  let word = cache.get(lemma);
  if (word === undefined) {
    word = inflectLexeme(ctx, doc.tokens[i].text, 'NOUN', lemma, ['plur', 'nomn']);
    if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded over a long batch
    cache.set(lemma, word);
  }
  return word;
}

/** True when the noun is used in the plural-only sense (`выборы`, `переговоры`). */
function pluralOnly(doc: Doc, facts: TokenFacts, i: number): boolean {
  const m = doc.morph[i];
  return m.tags.includes('Pltm') || facts.words[i].lemma !== plainLemma(doc.tokens[i].text, m);
}

/**
 * The adjective at token `i` put in the nominative agreeing with the noun at token `j`:
 * `политических партий` → `политическая`. Cached per analyzer by lemma, gender and number.
 */
function agreeingAdjective(doc: Doc, ctx: Context, facts: TokenFacts, i: number, j: number, pluralNoun: boolean): string {
  const lemma = facts.words[i].lemma;
  const nounTags = doc.morph[j].tags;
  const plural = pluralNoun || pluralOnly(doc, facts, j);
  let gender = 'masc';
  for (const g of GENDERS) if (nounTags.includes(g)) gender = g;
  const cacheKey = `${lemma}|${plural ? 'plur' : gender}`;
  let cache = inflectCache.get(ctx);
  if (cache === undefined) inflectCache.set(ctx, (cache = new Map()));
  let word = cache.get(cacheKey);
  if (word === undefined) {
    word = inflectLexeme(ctx, doc.tokens[i].text, 'ADJF', lemma, plural ? ['plur', 'nomn'] : [gender, 'sing', 'nomn']);
    if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded over a long batch
    cache.set(cacheKey, word);
  }
  return facts.capital[i] === 1 ? capitalise(word) : word;
}

/**
 * The natural normal form of a candidate from its occurrences (flat token ranges, first one first):
 * nouns in the nominative (plural-only nouns, and groups of people mostly named in the plural, stay
 * plural), adjectives agreeing with their noun, the genitive dependent kept as written, names as
 * written where the text has them in the nominative; an entity's own name when the entities stage
 * gave one.
 *
 * @example
 * normalForm(doc, ctx, facts, Kind.AdjNoun, [3, 5], false); // 'политическая партия' for «политических партий»
 */
export function normalForm(doc: Doc, ctx: Context, facts: TokenFacts, kind: Kind, ranges: readonly number[], plural: boolean): string {
  const from = ranges[0];
  const to = ranges[1];
  const e = facts.entity[from];
  if (kind === Kind.Name && e >= 0) {
    const name = doc.entities[e]?.name;
    if (name) return name;
  }
  if (to - from === 2 && facts.cls[from] === 2) {
    return `${agreeingAdjective(doc, ctx, facts, from, from + 1, plural)} ${nounWord(doc, ctx, facts, from + 1, plural)}`;
  }
  if (kind === Kind.NounGen) {
    const dep = doc.tokens[from + 1].text;
    const depWord = facts.cls[from + 1] === 3 || facts.capital[from + 1] === 1 ? dep : dep.toLowerCase();
    return `${nounWord(doc, ctx, facts, from)} ${depWord.replace(/ё/g, 'е')}`;
  }
  const words: string[] = [];
  for (let k = from; k < to; k++) words.push(nounWord(doc, ctx, facts, k, plural && kind === Kind.Noun));
  if (kind === Kind.Name) nominativeAsWritten(doc, facts, ranges, words);
  return words.join(' ');
}

/**
 * Dictionary lemmas of unknown names are guesses (`Джалилова` → `джалил`); where the text itself
 * has the name in the nominative, its words are taken as written.
 */
function nominativeAsWritten(doc: Doc, facts: TokenFacts, ranges: readonly number[], words: string[]): void {
  const len = ranges[1] - ranges[0];
  for (let k = 0; k < ranges.length; k += 2) {
    const a = ranges[k];
    const b = ranges[k + 1];
    if (b - a !== len && !(b - a === 1 && facts.words[a].keyStem === facts.words[ranges[1] - 1].keyStem)) continue;
    let nominative = true;
    for (let i = a; i < b && nominative; i++) {
      const tags = doc.morph[i].tags;
      nominative = tags.includes('nomn') && !tags.includes('plur') && facts.cls[i] === 3;
    }
    if (!nominative) continue;
    if (b - a === len) {
      for (let i = a; i < b; i++) words[i - a] = doc.tokens[i].text.replace(/ё/g, 'е');
      return;
    }
    // A lone surname in the nominative gives the last word of the full name.
    words[len - 1] = doc.tokens[a].text.replace(/ё/g, 'е');
  }
}
