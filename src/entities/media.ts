import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import type { EntityType } from '../types.js';
import { startsUpper } from '../letters.js';
import { oneSpaceAfter, readTsv } from './grammar.js';
import type { Span } from './hygiene.js';

/*
 * News media by name (media.tsv), for both stages that need them. The tagger cuts a medium's name
 * of several words at a word it reads as common (`РИА` + `Новости`, the second normalised to the
 * noun `Новость`) or runs it on into the name the medium quotes (`цитирует РИА Новости Лаврова`),
 * and types it by its neighbours (PER, LOC). A name the list has is one ORG mention in the list's
 * spelling; the words a span ran on into stay a name of their own when they start with a capital.
 */

/** A medium's name of several words: its words as the list writes them, and lower-cased. */
interface MultiName { name: string; words: string[]; lower: string[] }

interface MediaLexicon {
  /** Names of several words by their first word. */
  byFirst: Map<string, MultiName[]>;
  /** The same by their first word lower-cased, for a first word in another case (`Голоса Америки`), found by its lemma. */
  byLemma: Map<string, MultiName[]>;
  /** One word of the text that names a medium, for the quotes stage. */
  word: RegExp;
  /** Every key of byFirst starts with a capital, so a word that does not starts no such name. */
  capitalFirsts: boolean;
}

let lexicon: MediaLexicon | undefined;

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

function mediaLexicon(): MediaLexicon {
  if (lexicon !== undefined) return lexicon;
  const byFirst = new Map<string, MultiName[]>();
  const byLemma = new Map<string, MultiName[]>();
  const stems: string[] = [];
  const words: string[] = [];
  for (const [name, key] of readTsv('media.tsv')) {
    const parts = name.split(' ');
    if (parts.length > 1) {
      const entry = { name, words: parts, lower: parts.map((w) => w.toLowerCase()) };
      addTo(byFirst, parts[0], entry);
      addTo(byLemma, entry.lower[0], entry);
    }
    if (key === undefined || key === '') continue;
    if (key.endsWith('…')) stems.push(key.slice(0, -1).replace(ESCAPE, '\\$&'));
    else words.push(key.replace(ESCAPE, '\\$&'));
  }
  for (const map of [byFirst, byLemma]) for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  const word = new RegExp(`^(?:${stems.join('|')}|(?:${words.join('|')})(?!\\p{L}))`, 'u');
  const capitalFirsts = [...byFirst.keys()].every(startsUpper);
  lexicon = { byFirst, byLemma, word, capitalFirsts };
  return lexicon;
}

function addTo(map: Map<string, MultiName[]>, key: string, entry: MultiName): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
}

/**
 * The pattern of one word that names a news medium (media.tsv's second field): a Russian name by
 * the stem its case forms share, a Latin one as a whole word.
 * @example
 * mediumWord().test('Интерфаксу'); // true, and for 'RT', 'CNN-Türk'
 * mediumWord().test('RTX'); // false
 */
export function mediumWord(): RegExp {
  return mediaLexicon().word;
}

/**
 * The medium's name of several words that starts at token i, if any: its first word as the list
 * writes it, or a capitalised form of it in another case (`Голоса Америки`, by its lemma).
 */
function mediumAt(doc: Doc, i: number): MultiName | undefined {
  const { byFirst, byLemma, capitalFirsts } = mediaLexicon();
  const text = doc.tokens[i].text;
  // Asked of every token: most are lower case, and the test spares them a look-up by string.
  const upper = startsUpper(text);
  if (!upper && capitalFirsts) return undefined;
  const list = byFirst.get(text) ?? (upper ? byLemma.get(doc.morph[i].lemma) : undefined);
  if (list === undefined) return undefined;
  for (const m of list) {
    let k = 1;
    for (; k < m.words.length; k++) {
      const t = doc.tokens[i + k];
      // Later words in any case (`РИА новости`), one space apart on one line.
      if (t === undefined || !oneSpaceAfter(doc, i + k - 1) || t.text.length !== m.words[k].length) break;
      if (t.text !== m.words[k] && t.text.toLowerCase() !== m.lower[k]) break;
    }
    if (k === m.words.length) return m;
  }
  return undefined;
}

/**
 * The type of a name cut off a longer span (a medium's, a place's): a place's or body's by the
 * dictionary, else a person's (`Лаврова`, `аль-Малики`).
 * @example
 * nameTypeOf(doc, i, morphology); // 'PER' for `Лаврова`
 */
export function nameTypeOf(doc: Doc, i: number, morphology: Morphology): EntityType {
  for (const t of morphology.tags(doc.tokens[i].text)) {
    if (t.Name === true || t.Surn === true || t.Patr === true) return 'PER';
  }
  for (const t of morphology.tags(doc.tokens[i].text)) {
    if (t.Geox === true) return 'LOC';
    if (t.Orgn === true) return 'ORG';
  }
  return 'PER';
}

// `аль-Малики`, `ибн-Сауд`: a name whose lower-case particle is written on to it with a hyphen.
const PARTICLE_NAME = /^\p{Ll}{1,4}-\p{Lu}/u;

/** Token i is a word that can start a name: a capitalised one, or one with a particle before its capital. */
function capitalWord(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return t.kind === 'word' && (startsUpper(t.text) || PARTICLE_NAME.test(t.text));
}

/**
 * Where the name of its own starts in the rest [from, to) of a span cut after a name: at its first
 * word when that can start a name, or after an `и` or a comma (`Соединённые Штаты и Великобритания`);
 * -1 when the rest is common words (`РИА Новости слова Рябкова`, `заявление Додона`).
 * @example
 * restName(doc, b, s.tokEnd); // the index of `Лаврова` in `РИА Новости Лаврова`
 */
export function restName(doc: Doc, from: number, to: number): number {
  let i = from;
  while (i < to - 1 && (doc.tokens[i].text === 'и' || doc.tokens[i].text === ',')) i++;
  return i < to && capitalWord(doc, i) ? i : -1;
}

/**
 * The spans with every medium's name of several words that the text writes (media.tsv) made one
 * ORG span, with `normal` the list's spelling: spans inside it are dropped, a span that crosses it
 * keeps its part before the name, and its part after it when that starts with a capital, past an
 * `и` or a comma (restName; typed by the dictionary: `РИА Новости Лаврова` → `РИА Новости` ORG +
 * `Лаврова` PER).
 *
 * @example
 * // `РИА` ORG, `Новости Лаврова` ORG → `РИА Новости` ORG (normal 'РИА Новости'), `Лаврова` PER
 * joinMedia(doc, spans, morphology);
 */
export function joinMedia(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  return cutMedium(doc, joinedMedia(doc, spans, morphology), morphology);
}

function joinedMedia(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  let next = 0; // spans before this index are settled
  for (let i = 0; i < doc.tokens.length; i++) {
    const m = mediumAt(doc, i);
    if (m === undefined) continue;
    const a = i, b = i + m.words.length;
    out ??= [];
    while (next < spans.length && spans[next].tokEnd <= a) out.push(spans[next++]);
    // Spans that meet [a, b): the part before, the name, the part after.
    let after: Span | undefined;
    while (next < spans.length && spans[next].tokStart < b) {
      const s = spans[next++];
      if (s.tokStart < a) out.push({ tokStart: s.tokStart, tokEnd: a, type: s.type });
      const r = s.tokEnd > b ? restName(doc, b, s.tokEnd) : -1;
      if (r >= 0) after = { tokStart: r, tokEnd: s.tokEnd, type: nameTypeOf(doc, r, morphology) };
    }
    out.push({ tokStart: a, tokEnd: b, type: 'ORG', normal: m.name });
    if (after !== undefined) out.push(after);
    i = (after?.tokEnd ?? b) - 1;
  }
  if (out === undefined) return spans;
  while (next < spans.length) out.push(spans[next++]);
  return out;
}

/**
 * The spans with a one-word medium cut off a person's name run into it: one that ends a person's
 * span (`цитирует Силуанова Интерфакс` → `Силуанова` PER + `Интерфакс` ORG), or one that opens an
 * organisation's span of names after it (`рассказал RT Кулаков` → `RT` ORG + `Кулаков` PER): the
 * tagger runs the name of the agency quoting a person into the person's.
 */
function cutMedium(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  const word = mediumWord();
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const last = s.tokEnd - 1;
    const text = doc.tokens[last].text;
    if (s.type === 'PER' && last > s.tokStart && startsUpper(text) && word.test(text) && capitalWord(doc, last - 1)) {
      out ??= spans.slice(0, k);
      out.push({ tokStart: s.tokStart, tokEnd: last, type: 'PER' }, { tokStart: last, tokEnd: s.tokEnd, type: 'ORG' });
    } else if (s.type === 'ORG' && last > s.tokStart && word.test(doc.tokens[s.tokStart].text) && namesFrom(doc, s.tokStart + 1, s.tokEnd, morphology)) {
      out ??= spans.slice(0, k);
      out.push({ tokStart: s.tokStart, tokEnd: s.tokStart + 1, type: 'ORG' }, { tokStart: s.tokStart + 1, tokEnd: s.tokEnd, type: 'PER' });
    } else out?.push(s);
  }
  return out ?? spans;
}

/**
 * Tokens [from, to) are capitalised Cyrillic words of a person's name: read by the dictionary as a
 * first name or surname, or ending as a Russian surname does (`Кулаков`, which az knows only as
 * `кулак`); not `Русская служба`, nor a place or body.
 */
function namesFrom(doc: Doc, from: number, to: number, morphology: Morphology): boolean {
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (t.kind !== 'word' || !startsUpper(t.text) || !CYRILLIC_WORD.test(t.text)) return false;
    const tags = morphology.tags(t.text);
    if (tags.some((g) => g.Geox === true || g.Orgn === true)) return false;
    if (!tags.some((g) => g.Name === true || g.Surn === true) && !SURNAME_ENDING.test(t.text)) return false;
  }
  return true;
}

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}-]+$/u;
const SURNAME_ENDING = /(?:ов|ев|ёв|ин|ын|ский|цкий)$/u;
