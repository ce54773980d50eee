import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import { caseOfTag, readTsv } from './grammar.js';
import { isUpperCase } from '../letters.js';
import { NAME_OR_SURNAME, tagFacts } from './wordFacts.js';
import { abbreviationOf, quotedReply, quotedTitle, type Span } from './hygiene.js';

/*
 * Spans that name no person, place or body. The tagger learnt from capitalisation and context, and
 * a capitalised common abbreviation (`ВВП`, `АЭС`) or an event (`Олимпиада`, read by the dictionary
 * as a woman's first name too; `День Победы`; `Первая мировая война`) stands where names stand. The
 * entity layer has persons, places and organisations only, so these are dropped; see
 * not-names.tsv for the words and how each is recognised.
 */

type NotNameKind = 'abbreviation' | 'event' | 'event-head' | 'event-word' | 'alone' | 'shared-head';

let kinds: Map<string, NotNameKind> | undefined;

function notNames(): Map<string, NotNameKind> {
  if (kinds === undefined) kinds = new Map(readTsv('not-names.tsv').map((r) => [r[0], r[1] as NotNameKind]));
  return kinds;
}

// `Олимпиада-2014`, `Евровидению-2017`: the tokenizer keeps the year with the word, and the
// dictionary knows neither whole.
const YEAR_SUFFIX = /-\d+$/;

/** The lemma of token `i`, a year after a hyphen left off. */
function lemmaAt(doc: Doc, i: number, morphology: Morphology): string {
  const text = doc.tokens[i].text;
  const word = text.replace(YEAR_SUFFIX, '');
  return word === text || word === '' ? doc.morph[i].lemma : morphology.best(word).lemma;
}

/**
 * The spans that name persons, places or organisations: common abbreviations, events, single
 * letters and a prize's adjective alone are dropped; a person's name after an event word in one span keeps its own part
 * (`Олимпиад Александр Привалов` → `Александр Привалов`).
 *
 * @example
 * withoutNotNames(doc, [{ tokStart: 3, tokEnd: 4, type: 'ORG' }], morphology); // [] for `ВВП`
 */
export function withoutNotNames(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  const table = notNames();
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const kept = s.tokEnd - s.tokStart === 1 && functionWordOpening(doc, s.tokStart, morphology) && (!quotedTitle(doc, s.tokStart, s.tokEnd) || quotedReply(doc, s.tokStart, s.tokEnd)) && !namedElsewhere(doc, spans, k, morphology)
      ? undefined : judge(doc, s, table, morphology);
    if (kept === s && out === undefined) continue;
    out ??= spans.slice(0, k);
    if (kept !== undefined) out.push(kept);
  }
  return out ?? spans;
}

/**
 * True when `name` reads as a woman's first name and `surname` as a woman's surname in the same case
 * (and never as a first name): the two are one woman's (`Олимпиада Иванова`), not an event and the
 * champion after it (`Олимпиад Александр Привалов`, `бомбардира Олимпиады Гусева`).
 */
function womansNameBeforeSurname(morphology: Morphology, name: string, surname: string): boolean {
  const surnameTags = morphology.tags(surname);
  if (surnameTags.some((t) => t.Name === true)) return false;
  for (const n of morphology.tags(name)) {
    if (n.Name !== true || n.femn !== true || n.sing !== true) continue;
    const c = caseOfTag(n);
    if (c !== undefined && surnameTags.some((t) => t.Surn === true && t.femn === true && t.sing === true && caseOfTag(t) === c)) return true;
  }
  return false;
}

/** True when a word in tokens [from, to) has a lemma of the given kind. */
function hasWordOf(doc: Doc, from: number, to: number, table: Map<string, NotNameKind>, kind: NotNameKind): boolean {
  for (let i = from; i < to; i++) if (doc.tokens[i].kind === 'word' && table.get(doc.morph[i].lemma) === kind) return true;
  return false;
}

// Parts of speech of words that are no name: conjunctions, particles, interjections, prepositions,
// pronouns, predicatives, adverbs, comparatives, gerunds.
const FUNCTION_POS = new Set(['CONJ', 'PRCL', 'INTJ', 'PREP', 'NPRO', 'PRED', 'ADVB', 'COMP', 'GRND']);

/**
 * True when a capitalised word (not written in capitals: `НЕ` may be an abbreviation) is one the
 * dictionary reads only as a word of FUNCTION_POS (`Только`, `Поэтому`, `Посмотрев`), and nothing
 * but opening marks comes before it in its sentence: capitalised there as any first word. Within a
 * sentence such a word may be a name (`Бах`, `Али`, `Ван` read only as interjection, conjunction,
 * particle), so it is kept there.
 */
function functionWordOpening(doc: Doc, i: number, morphology: Morphology): boolean {
  const text = doc.tokens[i].text;
  // The cheap tests first: most spans fail them, and az's readings are read for the rest only.
  if (text.length < 2 || !opensSentence(doc, i) || isUpperCase(text)) return false;
  let dictionary = 0;
  for (const p of morphology.parses(text.toLowerCase())) {
    if (p.parser !== 'Dictionary') continue;
    if (!FUNCTION_POS.has(p.tag.POS ?? '')) return false;
    dictionary++;
  }
  return dictionary > 0;
}

/**
 * True when the word of one-word span k stands in another span of the document as part of a name
 * or inside a sentence (`Томас Бах` before `Бах выразил`; a girl named in full before `Юля никогда не
 * выигрывала`): the document names someone so.
 */
function namedElsewhere(doc: Doc, spans: readonly Span[], k: number, morphology: Morphology): boolean {
  const text = doc.tokens[spans[k].tokStart].text;
  for (let j = 0; j < spans.length; j++) {
    if (j === k) continue;
    const o = spans[j];
    for (let i = o.tokStart; i < o.tokEnd; i++) {
      if (doc.tokens[i].text !== text) continue;
      if (o.tokEnd - o.tokStart > 1 || !functionWordOpening(doc, i, morphology)) return true;
    }
  }
  return false;
}

/**
 * True when only punctuation stands between the start of token i's sentence and token i. Not
 * hygiene's anyWordsCapital, which also counts a word after an opening quotation mark: there a
 * medium's or a movement's name starts (`движение «Вперёд!»`), a function word's spelling and all.
 */
function opensSentence(doc: Doc, i: number): boolean {
  const sentences = doc.sentences;
  let lo = 0, hi = sentences.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].tokStart <= i) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return false;
  for (let k = sentences[found].tokStart; k < i; k++) if (doc.tokens[k].kind !== 'punct') return false;
  return true;
}

/** The span, its person's part, or undefined when it names no person, place or body. */
function judge(doc: Doc, s: Span, table: Map<string, NotNameKind>, morphology: Morphology): Span | undefined {
  const first = doc.tokens[s.tokStart];
  const words = s.tokEnd - s.tokStart;
  // `СПИДа`: an abbreviation with its case ending; `МВт` as written.
  if (words === 1 && (first.text.length === 1 || table.get(abbreviationOf(first.text)) === 'abbreviation')) return undefined;
  const head = table.get(lemmaAt(doc, s.tokStart, morphology));
  if (head === 'alone' && words === 1) return undefined;
  if (head === 'event') {
    if (s.type !== 'PER' || words === 1) return undefined;
    const next = s.tokStart + 1;
    // `Олимпиада Иванова`: the event's word is a woman's first name too, and a surname follows it.
    if (womansNameBeforeSurname(morphology, first.text, doc.tokens[next].text)) return s;
    // `Олимпиад Александр Привалов`: the champion's name follows the event in one span.
    const named = (tagFacts(morphology, doc.tokens[next].text).flags & NAME_OR_SURNAME) !== 0;
    return named ? { tokStart: next, tokEnd: s.tokEnd, type: s.type } : undefined;
  }
  // A title in quotation marks is a medium's or a work's (`«Чемпионат»`).
  if (head === 'event-head' && words > 1 && !quotedTitle(doc, s.tokStart, s.tokEnd)) return undefined;
  if (hasWordOf(doc, s.tokStart, s.tokEnd, table, 'event-word')) return undefined;
  // `Первой | и Второй мировых войн`: a coordinated adjective's name goes on in the head it shares;
  // `Северной | и Южной командами`: two kinds of a common thing.
  if (s.shared !== undefined && (hasWordOf(doc, s.shared.from, s.shared.to, table, 'event-word') || hasWordOf(doc, s.shared.from, s.shared.to, table, 'shared-head'))) return undefined;
  return s;
}
