import { isTagToken } from '../markup.js';
import type { Doc, Tok } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import type Az from 'az';
import type { EntityType, TokenKind } from '../types.js';
import { caseOfTag, gendersOfTag, isPluralTag, lineBreakBetween, readTsv, wordSetOf } from './grammar.js';
import { ADJ_POS, ANY_KNOWN, KNOWN_NAMED, NAME_OR_SURNAME, wordFacts } from './wordFacts.js';
import { isEastAsianFamilyName, SYLLABLE_MAX } from './eastAsianNames.js';
import { startsUpper, titleCased } from '../letters.js';
import { isLineBreak } from '../layout/lines.js';
import { isSpaceCode } from '../segment/chars.js';
import { isConjunctionParticle, isSurnameParticle, nameParticles } from './nameParticles.js';
import { startsRole } from './roles.js';

// Mention hygiene: the tagger's spans sometimes swallow a neighbour (`Волин.\nНапомним`,
// `Лысакова РИА Новости`, `ВОВ по`) or tag a capitalised common word (`Такое`, `Куриный` in a
// headline). Fourteen named rules put that right, each local to a span, so the stage stays linear:
//  1. boundaries — a mention never crosses a sentence end, a line break or a closing bracket/quote;
//  2. edges — leading/trailing punctuation and lower-case function words are trimmed (for a
//     person, any lower-case word but a name particle: `Другой известный тренер` → `Другой`);
//  3. abbreviation split — an all-caps word after a person's name starts an organisation
//     (`Лысакова РИА Новости` → `Лысакова` PER + `РИА Новости` ORG), and one opening a person's
//     span before a name is an organisation of its own (`РАНХиГС Алисен Алисенов`);
//  4. common words — a person mention with no capitalised word, or whose one word stands where
//     any word is capitalised (a sentence's or line's start) and reads in the dictionary as a
//     common word but never as a name, and which the document never writes as part of a longer
//     name, is dropped; so is a place's or body's one word opening a quotation that goes on
//     (`«Коалиция защищает ИГ»`) unless the document writes it capitalised mid-sentence.
//  5. adjective heads — a lone capitalised adjective tagged LOC or ORG before its lower-case head
//     noun (`Европейского союза`, `Персидского залива`: Russian spelling writes the rest of the
//     name in lower case, and the tagger stops at the capital) takes that head, the agreeing
//     adjectives between and a genitive tail (`Российской академии наук`); a head of
//     name-heads.tsv gives its type, another noun needs the adjective's capital to be its own
//     (mid-sentence) or a title's in quotation marks; at a sentence's start (or after a colon or a
//     dash of direct speech) such a span is dropped (`Российские военные`, `Песков: Российская
//     экономика`) unless the document names the same words elsewhere;
//  6. genitive names — a lone body noun of name-heads.tsv mid-sentence before a place's or
//     organisation's span in the genitive starts that name (`Организации` + `Объединённых Наций`),
//     and with no such span takes the lower-case genitive phrases after it (`Института` +
//     `экономических исследований`, `Лиги` + `чемпионов`);
//  7. a unit's complement — after a unit noun of unit-nouns.tsv a name ends before its `по`
//     (`комитета Госдумы по безопасности` → `Госдумы`);
//  8. East Asian family names — a person's span right after a Chinese, Korean or Vietnamese family
//     name written undeclined (east-asian-names.tsv), left out of it or tagged alone, takes it in
//     (`Визит Мун | Чжэ Ина` → `Мун Чжэ Ина`): the tagger reads `Мун` or `Си` as a word of its own.
//     A span that is a whole Chinese name already takes none (`При Мао | Дэн Сяопин`), and one that
//     runs from a whole Chinese name into another family name is two (`Си Цзиньпина | Лю Хэ`).
//     Likewise a capitalised surname particle before a span (`Ле | Пен`), and a person's span,
//     lower-case particles and a surname tagged apart (`Людвига | ван | Бетховена`) make one;
//  9. head types — a LOC or ORG span of a capitalised adjective, lower-case adjectives and a head
//     noun of name-heads.tsv takes the head's type (`Североатлантический альянс`, `Тихоокеанский
//     флот` ORG; `Персидский залив`, `Тихий океан` LOC), but for a building's `дом`;
// 10. coordinated heads — two capitalised adjectives joined by и before one head noun are two
//     names, each with the head in the singular (`Донецкой и Луганской народных республик` →
//     `Донецкая народная республика`, `Луганская народная республика`; `Северной и Южной Америке`);
// 11. adjectives taken for surnames — a one-word person span that can be a capitalised adjective,
//     before agreeing lower-case adjectives and a head noun of name-heads.tsv, is the place or
//     body the head names (`Спортивный арбитражный суд`, `Красная площадь`), as rule 5 makes it of
//     a place's. `театр` is no head: `Мариинский` before `театра` stays the tagger's person
//     (README gives the figures);
// 12. quoted titles — a person's span that is all of a title in quotation marks names no person as
//     written (`эсминец «Джон Маккейн»`, `турнир «Ролан Гаррос»`, `роман «Анна Каренина»`): after a
//     noun of title-kinds.tsv it is what the noun says (`газеты «Ени Нэсил»`: a body; `имя «Ирина
//     Горюнова»`: a person); else it is dropped;
// 13. script changes — a person's span whose words turn from Cyrillic to Latin letters or back is
//     a person and a medium or body (`цитирует Шемппа Bild` → PER `Шемппа` + ORG `Bild`,
//     `журналист Kurdistan24 Барзан Садик`); a Roman numeral is the name's (`Николай II`);
// 14. titles cut short — a place's or body's span that opens a title in quotation marks and stops
//     short of its end takes the rest, up to three words or numbers that make no phrase or
//     sentence, and names a body (`«Манчестер Юнайтед»`, `«Россия 24»`, `«Газпром нефть»`).

/**
 * A name mention: token range [tokStart, tokEnd) and its type. `shared`, set by rule 10, is the
 * range of the words after a coordinated adjective that belong to its name too (the shared head
 * `народных республик` of `Донецкой и Луганской народных республик`): the mention is then the
 * adjective with those words, in the singular. `normal`, set for a medium's name (media.ts), is
 * the mention's nominative as the lexicon writes it.
 */
export interface Span { tokStart: number; tokEnd: number; type: EntityType; shared?: SharedHead; normal?: string }

/** Tokens [from, to): a head noun, the lower-case adjectives before it and its tail, that two coordinated adjectives share. */
export interface SharedHead { from: number; to: number }

const FUNCTION_POS = new Set(['PREP', 'CONJ', 'PRCL', 'INTJ', 'NPRO', 'ADVB', 'PRED', 'COMP', 'VERB', 'INFN', 'GRND']);
const CLOSERS = new Set([')', ']', '»', '”', '"']);
const OPENERS = new Set(['(', '[', '«', '„', '“']);
/** Token kinds that can lead a line before its first word: a list item's number, a pictogram. */
const LEADERS = new Set<TokenKind>(['number', 'symbol', 'emoji']);
const SENTENCE_END = new Set(['.', '!', '?', '…', ';']);
const ROMAN = /^[IVXLC]+$/;

const isCapital = (s: string): boolean => s.length > 0 && startsUpper(s);
/** An all-caps word of two letters or more (`ТАСС`, `CNN`). */
export const isAbbreviation = (s: string): boolean => s.length >= 2 && /^[А-ЯЁA-Z]+$/.test(s);
/** An abbreviation with a case ending (`ВЦИОМа`, `МИДом`): declined, it is still a body's name. */
const DECLINED_ABBREVIATION = /^([А-ЯЁ]{2,})(?:а|у|е|ом|ы|ов|ам|ами|ах)$/;

/**
 * The abbreviation a word is, its case ending left off (`СПИДа` → `СПИД`, `МИДом` → `МИД`), or
 * the word itself.
 *
 * @example
 * abbreviationOf('ВЦИОМа'); // 'ВЦИОМ'
 */
export function abbreviationOf(text: string): string {
  const m = DECLINED_ABBREVIATION.exec(text);
  return m === null ? text : m[1];
}

/**
 * Cleans the tagger's (or the dictionary finder's) spans by the fourteen rules above. Spans must be
 * sorted and non-overlapping; so are the results.
 *
 * @example
 * cleanSpans(doc, [{ tokStart: 4, tokEnd: 7, type: 'PER' }], ctx.morphology);
 * // `Лысакова РИА Новости` → [{ 4, 5, 'PER' }, { 5, 7, 'ORG' }]
 */
export function cleanSpans(doc: Doc, spans: readonly Span[], morphology: Morphology): Span[] {
  const sentenceStart = new Uint8Array(doc.tokens.length + 1);
  for (const s of doc.sentences) sentenceStart[s.tokStart] = 1;
  const pieces: Span[] = [];
  for (const s of spans) for (const p of splitAtBoundaries(doc, s, sentenceStart)) {
    const t = trimEdges(doc, p);
    if (t !== undefined) for (const q of splitAbbreviation(doc, t)) splitAtScript(doc, q, pieces);
  }
  // Words the document writes inside a multi-word name: evidence that a lone one is a name too.
  const inNames = new Set<string>();
  for (const p of pieces) {
    if (p.tokEnd - p.tokStart < 2) continue;
    for (let i = p.tokStart; i < p.tokEnd; i++) if (doc.tokens[i].kind === 'word') inNames.add(doc.tokens[i].text);
  }
  // A loop into a literal, not filter + map: one elements kind for the list whichever tier runs
  // this, empty or not (see entities/index.ts), so the stages that walk it stay optimised.
  const out: Span[] = [];
  let doubtful: Span[] | undefined;
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    const named = p.type === 'PER' ? personAdjectiveHead(doc, p, k + 1 < pieces.length ? pieces[k + 1].tokStart : doc.tokens.length, morphology) : undefined;
    if (named !== undefined) {
      out.push(named);
      continue;
    }
    if (p.type === 'PER' && commonWord(doc, p, sentenceStart, inNames, morphology)) continue;
    if (p.type === 'PER' && quotedTitle(doc, p.tokStart, p.tokEnd) && !quotedReply(doc, p.tokStart, p.tokEnd)) {
      const kind = kindBefore(doc, p.tokStart - 1);
      if (kind !== undefined) out.push({ tokStart: p.tokStart, tokEnd: p.tokEnd, type: kind });
      continue;
    }
    if (p.type !== 'PER') {
      // Rule 8 also: `Иван РЕБРИК`, a byline's surname in capitals after the first name, is the person's.
      const given = out.length > 0 ? out[out.length - 1] : undefined;
      if (given !== undefined && capsSurnameAfter(doc, given, p, morphology)) {
        out.pop(); // replaced by a new span, not changed: it may be the caller's
        out.push({ tokStart: given.tokStart, tokEnd: p.tokEnd, type: 'PER' });
        continue;
      }
      if (capsLineWord(doc, p, morphology)) continue;
      const title = restOfTitle(doc, p, morphology);
      if (title >= 0) {
        // The pieces inside the rest of the title (`«112 | Украина»`) are its words, no names of their own.
        while (k + 1 < pieces.length && pieces[k + 1].tokStart < title) k++;
        out.push({ tokStart: p.tokStart, tokEnd: title, type: 'ORG' });
        continue;
      }
      const w = withHead(doc, p, k + 1 < pieces.length ? pieces[k + 1].tokStart : doc.tokens.length, sentenceStart, morphology);
      if (quotationOpener(doc, w.span, inNames, morphology)) continue;
      out.push(w.span);
      if (w.doubtful) (doubtful ??= []).push(w.span);
      continue;
    }
    const whole = lone(doc, p);
    const next = whole.type === 'PER' ? nextPersonAt(doc, whole) : -1;
    let q = next < 0 ? whole : { tokStart: whole.tokStart, tokEnd: next, type: whole.type };
    // Rule 8 also: a person's given name, lower-case particles and the surname tagged apart
    // (`Людвига | ван | Бетховена`, `Усамы | бен Ладена`) are one person.
    const given = out.length > 0 ? out[out.length - 1] : undefined;
    if (q.type === 'PER' && given !== undefined && given.type === 'PER' && particlesBetween(doc, given.tokEnd, q, morphology)) {
      out.pop(); // replaced by a new span, not changed: it may be the caller's
      q = { tokStart: given.tokStart, tokEnd: q.tokEnd, type: 'PER' };
    }
    if (q.type === 'PER' && q.tokStart > 0 && (familyNameBefore(doc, q) || surnameParticleBefore(doc, q))) {
      const prev = out.length > 0 ? out[out.length - 1] : undefined;
      const f = q.tokStart - 1;
      const alone = prev !== undefined && prev.tokStart === f && prev.tokEnd === q.tokStart && prev.type === 'PER';
      if (alone) out.pop(); // replaced by a new span, not changed: prev may be the caller's
      if (alone || prev === undefined || prev.tokEnd <= f) q = { tokStart: f, tokEnd: q.tokEnd, type: 'PER' };
    }
    out.push(q);
    if (next >= 0) out.push({ tokStart: next, tokEnd: whole.tokEnd, type: 'PER' });
  }
  const kept = doubtful === undefined ? out : settleDoubtful(doc, out, doubtful);
  const joined = joinGenitiveNames(doc, kept, sentenceStart, morphology);
  for (let k = 0; k < joined.length; k++) joined[k] = withHeadType(doc, withoutUnitsComplement(doc, joined[k]), morphology);
  return splitCoordinated(doc, joined, morphology);
}

function unitNouns(): Set<string> {
  return wordSetOf('unit-nouns.tsv');
}

/** Whether token i is a word of east-asian-names.tsv (capitalised, undeclined). */
function familyNameAt(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return t.kind === 'word' && isEastAsianFamilyName(t.text);
}

/**
 * Rule 7: a place's or organisation's span right after a unit noun of unit-nouns.tsv ends before
 * its `по`: the phrase is the unit's (`комитета Совета Федерации по международным делам` →
 * `Совета Федерации`).
 *
 * @example
 * // `глава комитета Госдумы по безопасности`: ORG `Госдумы по безопасности` → ORG `Госдумы`
 */
function withoutUnitsComplement(doc: Doc, s: Span): Span {
  const a = s.tokStart;
  if (s.type === 'PER' || a === 0 || s.tokEnd - a < 3) return s;
  const prev = doc.tokens[a - 1];
  if (prev.kind !== 'word' || !unitNouns().has(doc.morph[a - 1].lemma) || !/^\p{Ll}/u.test(prev.text)) return s;
  for (let i = a + 1; i < s.tokEnd - 1; i++) {
    if (doc.tokens[i].text === 'по') return { tokStart: a, tokEnd: i, type: s.type };
  }
  return s;
}

/**
 * Rule 9: a LOC or ORG span that opens with a capitalised adjective, then lower-case agreeing
 * adjectives and a lower-case head noun of name-heads.tsv, takes the head's type, whatever the
 * tagger said and whatever follows the head: `Белый дом`, `Североатлантический альянс`,
 * `Тихоокеанский флот России` are organisations, `Персидский залив`, `Корейский полуостров` places.
 * (Rule 5 gives a lone adjective its head's type; this is the same for the tagger's own longer span.)
 * Not `дом` (BUILDING_HEADS).
 */
/**
 * Heads that name a building as well as the body in it: the tagger's type stands (`в Белом доме`
 * is a place in factRuEval's and NEREL's gold, `Белый дом заявил` a body). Rule 5 still types a
 * lone adjective by them.
 */
const BUILDING_HEADS: ReadonlySet<string> = new Set(['дом']);

function withHeadType(doc: Doc, s: Span, morphology: Morphology): Span {
  const a = s.tokStart;
  if (s.type === 'PER' || s.tokEnd - a < 2 || !ADJECTIVE.has(doc.morph[a].pos) || !isCapital(doc.tokens[a].text)) return s;
  for (let j = a + 1; j < s.tokEnd && j < a + 4; j++) {
    if (!lowerWordAt(doc, j)) return s;
    const m = doc.morph[j];
    if (ADJECTIVE.has(m.pos)) continue;
    if (m.pos !== 'NOUN') return s;
    const listed = nameHeads().get(m.lemma);
    if (listed === undefined || listed === s.type || BUILDING_HEADS.has(m.lemma) || !agreeingPhrase(doc, a, j, morphology)) return s;
    return { tokStart: a, tokEnd: s.tokEnd, type: listed };
  }
  return s;
}

/**
 * Rule 10: two capitalised adjectives joined by и that share one head noun (`Донецкой и Луганской
 * народных республик`, `Центрального и Южного военных округов`, `Северной и Южной Америке`) name
 * two things. Where a non-person span covers either adjective (and no span crosses the phrase),
 * the phrase becomes two mentions: the first adjective alone and the second with the head, both
 * with the head as `shared`, so that each is put in the nominative singular with it (`Донецкая
 * народная республика`, `Луганская народная республика`). The adjectives must agree with the head
 * in case and (singular) gender, a lower-case adjective before the head with it in case and number;
 * a capitalised head takes no adjective of its own. The type is the head's (name-heads.tsv), else
 * the tagger's for the second adjective, else for the first.
 */
function splitCoordinated(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  let from = 0; // spans before this index are already in out
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.type === 'PER') continue;
    // The first adjective starts s, or s starts at the second (the first left untagged).
    let a = s.tokStart;
    if (!coordinatedAt(doc, a, morphology) && !(a >= 2 && coordinatedAt(doc, a - 2, morphology) && (k === 0 || spans[k - 1].tokEnd <= a - 2))) continue;
    if (!coordinatedAt(doc, a, morphology)) a -= 2;
    const head = sharedHeadAt(doc, a, morphology);
    if (head === undefined) continue;
    // The spans within the phrase: from k on, while they start before the head's end.
    let m = k;
    let end = head.to;
    let second: EntityType | undefined;
    while (m < spans.length && spans[m].tokStart < end) {
      if (spans[m].type === 'PER') break;
      if (spans[m].tokStart <= a + 2 && spans[m].tokEnd > a + 2) second = spans[m].type;
      end = Math.max(end, spans[m].tokEnd);
      m++;
    }
    if (m < spans.length && spans[m].tokStart < end) continue; // a person inside: leave it
    if (end === head.to) end = genitiveTail(doc, end, m < spans.length ? spans[m].tokStart : doc.tokens.length);
    const type = nameHeads().get(doc.morph[head.noun].lemma) ?? second ?? s.type;
    const shared: SharedHead = { from: a + 3, to: end };
    out ??= [];
    for (; from < k; from++) out.push(spans[from]);
    out.push({ tokStart: a, tokEnd: a + 1, type, shared }, { tokStart: a + 2, tokEnd: end, type, shared });
    from = m;
    k = m - 1;
  }
  if (out === undefined) return spans;
  for (; from < spans.length; from++) out.push(spans[from]);
  return out;
}

const PERSON_NAME_TAGS = ['Name', 'Surn', 'Patr'];

/** Rule 10's pattern starts at token a: a capitalised adjective, `и`, a capitalised adjective, on one line. */
function coordinatedAt(doc: Doc, a: number, morphology: Morphology): boolean {
  const t = doc.tokens;
  if (a + 3 >= t.length || t[a + 1].text !== 'и' || breakBefore(doc, a + 1) || breakBefore(doc, a + 2)) return false;
  return adjectiveAt(doc, a, morphology) && adjectiveAt(doc, a + 2, morphology);
}

/**
 * A capitalised word read as an adjective in context, or as a surname of an adjective's shape
 * that has an adjective's reading too (`Московской и Ленинградской областей`: the context reads
 * `Московской` as the surname Московская).
 */
function adjectiveAt(doc: Doc, i: number, morphology: Morphology): boolean {
  const t = doc.tokens[i];
  if (t.kind !== 'word' || !isCapital(t.text)) return false;
  const m = doc.morph[i];
  return ADJECTIVE.has(m.pos) || (m.tags.includes('Surn') && morphology.tags(t.text).some((g) => ADJECTIVE.has(g.POS)));
}

/** Rule 10: the head noun the adjectives at a and a+2 share (see splitCoordinated), with the end of its phrase. */
function sharedHeadAt(doc: Doc, a: number, morphology: Morphology): { noun: number; to: number } | undefined {
  for (let j = a + 3; j < doc.tokens.length && j < a + 6; j++) {
    const t = doc.tokens[j];
    if (t.kind !== 'word' || breakBefore(doc, j)) return undefined;
    const capital = isCapital(t.text);
    if (!capital && ADJECTIVE.has(doc.morph[j].pos)) continue;
    if (doc.morph[j].pos !== 'NOUN') return undefined;
    // A capitalised head is a place's own noun (`Америке`), not a person's name (`Симферопольский
    // и Крымский Лука`, a bishop's title) nor an abbreviation (`Запорожский и Мелитопольский УПЦ МП`).
    if (capital && (j > a + 3 || isAbbreviation(t.text) || PERSON_NAME_TAGS.some((g) => doc.morph[j].tags.includes(g)))) return undefined;
    for (const nt of morphology.tags(t.text)) {
      if (nt.POS !== 'NOUN') continue;
      const c = caseOfTag(nt), plural = isPluralTag(nt), genders = gendersOfTag(nt);
      if (c === undefined || genders.length === 0) continue;
      const agrees = (i: number, singular: boolean): boolean => morphology.tags(doc.tokens[i].text).some((at) => ADJECTIVE.has(at.POS)
        && caseOfTag(at) === c && (singular ? !isPluralTag(at) && gendersOfTag(at).some((g) => genders.includes(g)) : isPluralTag(at) === plural
          && (plural || gendersOfTag(at).some((g) => genders.includes(g)))));
      let ok = agrees(a, true) && agrees(a + 2, true);
      for (let i = a + 3; i < j && ok; i++) ok = agrees(i, false);
      if (ok) return { noun: j, to: j + 1 };
    }
    return undefined;
  }
  return undefined;
}

/**
 * Rule 6: a lone capitalised body noun of name-heads.tsv tagged LOC or ORG mid-sentence
 * (`Организации`, `Института`, `Банка`) right before a place's or organisation's span in the
 * genitive (`Объединённых Наций`, `Европы`, `России`) starts that name: the tagger cut
 * `Организации Объединённых Наций` at the second capital. The two become one ORG span.
 *
 * @example
 * // `заявили в Организации Объединённых Наций`: ORG `Организации` + LOC `Объединённых Наций` → ORG `Организации Объединённых Наций`
 */
function joinGenitiveNames(doc: Doc, spans: Span[], sentenceStart: Uint8Array, morphology: Morphology): Span[] {
  // Copied on the first join and built as it goes: a search for each joined span in the copy
  // would make a text with many such names quadratic.
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const p = spans[k];
    const type = k + 1 < spans.length ? genitiveNameType(doc, p, spans[k + 1], sentenceStart, morphology) : undefined;
    if (type === undefined) {
      const tail = bodyTailEnd(doc, p, k + 1 < spans.length ? spans[k + 1].tokStart : doc.tokens.length);
      if (tail === p.tokEnd) out?.push(p);
      else (out ??= spans.slice(0, k)).push({ tokStart: p.tokStart, tokEnd: tail, type: 'ORG' });
      continue;
    }
    out ??= spans.slice(0, k);
    out.push({ tokStart: p.tokStart, tokEnd: spans[k + 1].tokEnd, type });
    k++; // q is taken
  }
  return out ?? spans;
}

/** Rule 6 for two neighbouring spans: the joined name's type when p starts q's name (see joinGenitiveNames). */
function genitiveNameType(doc: Doc, p: Span, q: Span, sentenceStart: Uint8Array, morphology: Morphology): EntityType | undefined {
  if (p.type === 'PER' || p.tokEnd - p.tokStart !== 1 || q.tokStart !== p.tokEnd || breakBefore(doc, q.tokStart)) return undefined;
  const t = doc.tokens[p.tokStart], next = doc.tokens[q.tokStart];
  if (t.kind !== 'word' || next.kind !== 'word' || !isCapital(t.text) || isAbbreviation(t.text) || forcedCapital(doc, p.tokStart, sentenceStart)) return undefined;
  if (q.type === 'PER' || doc.morph[p.tokStart].pos !== 'NOUN') return undefined; // Сбербанк Герман Греф: the head's holder
  const type = nameHeads().get(doc.morph[p.tokStart].lemma);
  if (type !== 'ORG' || !morphology.tags(next.text).some((g) => caseOfTag(g) === 'gent')) return undefined;
  return type;
}

/**
 * Rule 6 without a genitive name after the noun: a lone capitalised body noun of name-heads.tsv
 * (ORG) takes the lower-case genitive phrases after it (see genitiveTail), which the tagger left
 * out (`Института | экономических исследований`, `Совета | безопасности`, and at a sentence's
 * start `Министерство | внутренних дел`); the end of the name, p.tokEnd when there is none.
 */
function bodyTailEnd(doc: Doc, p: Span, limit: number): number {
  if (p.type === 'PER' || p.tokEnd - p.tokStart !== 1) return p.tokEnd;
  const t = doc.tokens[p.tokStart];
  if (t.kind !== 'word' || !isCapital(t.text) || isAbbreviation(t.text)) return p.tokEnd;
  if (doc.morph[p.tokStart].pos !== 'NOUN' || nameHeads().get(doc.morph[p.tokStart].lemma) !== 'ORG') return p.tokEnd;
  return genitiveTail(doc, p.tokEnd, limit);
}

/** The first two lemmas of a span: `российский военно-исторический`. */
const phraseKey = (doc: Doc, s: Span): string => `${doc.morph[s.tokStart].lemma} ${doc.morph[s.tokStart + 1].lemma}`;

/**
 * Rule 5's doubtful names (a sentence-initial adjective before a noun off the list) are kept when
 * the document writes the same words as a name elsewhere (`Российское военно-историческое
 * общество` at a sentence's start, after `Российского военно-исторического общества` mid-sentence),
 * and dropped otherwise (`Российские военные`).
 */
function settleDoubtful(doc: Doc, out: Span[], doubtful: Span[]): Span[] {
  // A set, not doubtful.includes per span: a text with many such names stays linear.
  const unsure = new Set(doubtful);
  const sure = new Set<string>();
  for (const s of out) if (s.tokEnd - s.tokStart > 1 && !unsure.has(s)) sure.add(phraseKey(doc, s));
  const kept: Span[] = [];
  for (const s of out) if (!unsure.has(s) || sure.has(phraseKey(doc, s))) kept.push(s);
  return kept;
}

/**
 * Rule 8, the other way: where a person's span runs from a whole Chinese name (a family name and a
 * given name written as one word) into another family name, the token that starts the second
 * person (`советников Си Цзиньпина | Лю Хэ`: a name has one family name); -1 when it does not.
 */
function nextPersonAt(doc: Doc, q: Span): number {
  const i = q.tokStart;
  if (q.tokEnd - i < 3 || !familyNameAt(doc, i) || !familyNameAt(doc, i + 2)) return -1;
  const given = doc.tokens[i + 1];
  return given.kind === 'word' && given.text.length > SYLLABLE_MAX ? i + 2 : -1;
}

/**
 * Rule 8: the word right before span q (one space between, of any kind but a line break) is an
 * East Asian family name as written in east-asian-names.tsv, and q starts with a capitalised word
 * (`Мун Чжэ`). Not when q is already a whole Chinese name, a family name of its own and a given
 * name written as one word (`При Мао Дэн Сяопин`: a name has one family name, so the word before
 * is another person).
 */
function familyNameBefore(doc: Doc, q: Span): boolean {
  const i = q.tokStart;
  const f = boundWordBefore(doc, q);
  if (f === undefined || !isEastAsianFamilyName(f.text)) return false;
  return !(i + 1 < q.tokEnd && familyNameAt(doc, i) && doc.tokens[i + 1].text.length > SYLLABLE_MAX);
}

/**
 * Rule 8 also: the word right before span q (one space between, on its line) is a capitalised
 * particle of the surname q starts with (name-particles.tsv): `Ле Пен заявила` at a sentence's
 * start, where the tagger leaves the capital `Ле` out as it would a sentence's first word.
 */
function surnameParticleBefore(doc: Doc, q: Span): boolean {
  const f = boundWordBefore(doc, q);
  return f !== undefined && isCapital(f.text) && isSurnameParticle(f.text.toLowerCase());
}

/**
 * Rule 8 also: tokens [from, q's first capitalised word) are one or two lower-case particles of
 * name-particles.tsv (`ван`, `фон дер`, `бен`), each one plain space from the next word on its line,
 * and the surname after them is capitalised: a person's span ending at `from` and q name one person.
 * Not a particle that is also a conjunction before a first name (name-particles.tsv: `Лоренсо
 * Мельгарехо да Денис Давыдов` is two people; `Леонардо да Винчи` is one).
 */
function particlesBetween(doc: Doc, from: number, q: Span, morphology: Morphology): boolean {
  const toks = doc.tokens;
  let k = from;
  while (k < q.tokEnd && k - from < 3 && toks[k].kind === 'word' && nameParticles().has(toks[k].text)) k++;
  if (k === from || k - from > 2 || k >= q.tokEnd || k < q.tokStart || !isCapital(toks[k].text)) return false;
  for (let j = from; j <= k; j++) if (!oneSpaceBefore(doc, j)) return false;
  return !(isConjunctionParticle(toks[k - 1].text) && morphology.tags(toks[k].text).some((t) => t.Name === true));
}

/** One space of any kind but a line break between token j − 1 and token j. */
function oneSpaceBefore(doc: Doc, j: number): boolean {
  const t = doc.tokens[j];
  const f = doc.tokens[j - 1];
  const between = doc.text.charCodeAt(f.end);
  return t.start - f.end === 1 && isSpaceCode(between) && !isLineBreak(between);
}

/**
 * The word right before span q when one space of any kind but a line break parts them and q starts
 * with a capitalised word: what rule 8 may join to q. Typeset text binds a short family name with a
 * no-break space (Мун Чжэ Ин).
 */
function boundWordBefore(doc: Doc, q: Span): Tok | undefined {
  const t = doc.tokens[q.tokStart];
  const f = doc.tokens[q.tokStart - 1];
  return f.kind === 'word' && t.kind === 'word' && isCapital(t.text) && oneSpaceBefore(doc, q.tokStart) ? f : undefined;
}

let titleKinds: Map<string, EntityType> | undefined;

/**
 * Rule 12: the type title-kinds.tsv gives the lower-case noun before the quotation mark at `open`
 * (what the quoted title names), else undefined.
 *
 * @example
 * // tokens: редактор газеты « Ени Нэсил »
 * kindBefore(doc, 2); // 'ORG': газеты
 */
function kindBefore(doc: Doc, open: number): EntityType | undefined {
  const k = open - 1;
  if (k < 0 || doc.tokens[k].kind !== 'word') return undefined;
  titleKinds ??= new Map(readTsv('title-kinds.tsv').map((r) => [r[0], r[1] as EntityType]));
  // A legal form is written in capitals (ОАО «Кузнецов»).
  const text = doc.tokens[k].text;
  if (isAbbreviation(text)) return titleKinds.get(text.toLowerCase());
  return lowerWordAt(doc, k) && doc.morph[k].pos === 'NOUN' ? titleKinds.get(doc.morph[k].lemma) : undefined;
}

let heads: Map<string, EntityType> | undefined;

function nameHeads(): Map<string, EntityType> {
  if (heads === undefined) heads = new Map(readTsv('name-heads.tsv').map((r) => [r[0], r[1] as EntityType]));
  return heads;
}

function tailStops(): Set<string> {
  return wordSetOf('name-tail-stops.tsv');
}

/** Token j is a lower-case word on the line of token j-1 (the text's first token has none before it). */
export function lowerWordAt(doc: Doc, j: number): boolean {
  const t = doc.tokens[j];
  return t.kind === 'word' && /^\p{Ll}/u.test(t.text) && (j === 0 || !breakBefore(doc, j));
}

const ADJECTIVE: ReadonlySet<string | undefined> = ADJ_POS;

/**
 * Whether the adjectives a..j-1 can agree with the noun j in case, number and (singular) gender,
 * by any of their readings: the reading chosen in context for a capitalised adjective is often
 * another case's (`Сирийских` read as locative before `демократических сил`).
 */
export function agreeingPhrase(doc: Doc, a: number, j: number, morphology: Morphology): boolean {
  for (const nt of morphology.tags(doc.tokens[j].text)) {
    if (nt.POS !== 'NOUN') continue;
    const c = caseOfTag(nt), plural = isPluralTag(nt), genders = gendersOfTag(nt);
    let all = true;
    for (let i = a; i < j && all; i++) {
      all = morphology.tags(doc.tokens[i].text).some((t) => ADJECTIVE.has(t.POS) && caseOfTag(t) === c && isPluralTag(t) === plural
        && (plural || genders.length === 0 || gendersOfTag(t).some((g) => genders.includes(g))));
    }
    if (all) return true;
  }
  return false;
}

/**
 * The end of a lower-case genitive noun phrase (agreeing adjectives, then an inanimate noun)
 * starting at token j, before `limit`; j when there is none. `Российской академии наук`,
 * `Киевского центра политических исследований`: such a name goes on in the genitive, in lower case.
 */
export function genitiveTail(doc: Doc, j: number, limit: number): number {
  // Up to three in a row: `Стокгольмского института исследования проблем мира`.
  let end = j;
  for (let np = 0; np < 3; np++) {
    const next = genitivePhrase(doc, end, limit);
    if (next === end) break;
    end = next;
  }
  return end;
}

/** The end of one lower-case genitive noun phrase at token j (see genitiveTail), j for none. */
function genitivePhrase(doc: Doc, j: number, limit: number): number {
  for (let k = j; k < limit && k < j + 4; k++) {
    if (!lowerWordAt(doc, k)) return j;
    const m = doc.morph[k];
    if (!m.tags.includes('gent')) return j;
    if (ADJECTIVE.has(m.pos)) {
      if (m.tags.includes('Apro')) return j; // Смоленской площади всех послов
      continue;
    }
    if (m.pos !== 'NOUN' || m.tags.includes('Abbr') || tailStops().has(m.lemma)) return j;
    if (doc.tokens[k].text.length <= 3 && doc.tokens[k + 1]?.text === '.') return j; // им. Ломоносова
    // People in the plural name members (клуб финансовых директоров); one person is another name.
    return m.tags.includes('inan') || m.tags.includes('plur') ? k + 1 : j;
  }
  return j;
}

/**
 * Whether the capital of token i says nothing of a name: it starts a sentence, a line, a list
 * item or a quotation, where any word is capitalised.
 */
function forcedCapital(doc: Doc, i: number, sentenceStart: Uint8Array): boolean {
  if (i === 0 || sentenceStart[i] === 1 || breakBefore(doc, i)) return true;
  // A bracket's capital is the name's own: `(Совместный всеобъемлющий план действий)`; a
  // quotation's is any word's.
  const prev = doc.tokens[i - 1].text;
  if (SENTENCE_END.has(prev) || prev === '«' || prev === '„' || prev === '"') return true;
  return listItemStart(doc, i - 1, i);
}

const DASHES = new Set(['-', '–', '—']);

/**
 * forcedCapital, or a capital after a colon (`Песков: Российская экономика…`, `сообщил:
 * Российские власти…`) or after a dash that opens a line or a sentence of direct speech (`—
 * Российская сторона готова…`): there too any word is capitalised, so rule 5 takes no such
 * capital for a name's own. (Rule 6 keeps forcedCapital: `Удержать Москву: Совет Европы`.)
 */
function anyWordsCapital(doc: Doc, i: number, sentenceStart: Uint8Array): boolean {
  if (forcedCapital(doc, i, sentenceStart)) return true;
  const prev = doc.tokens[i - 1].text;
  if (prev === ':') return true;
  const d = i - 1; // a dash after a list item's number (`1910 – Московская городская дума`) is no speech
  return DASHES.has(prev) && (d === 0 || sentenceStart[d] === 1 || breakBefore(doc, d) || SENTENCE_END.has(doc.tokens[d - 1].text) || doc.tokens[d - 1].text === ':');
}

/**
 * Tokens [a, end) are a title in quotation marks: the opening mark before a, the closing one right
 * after end or after a number (`«Российская газета»`, `«Северный поток — 2»`). A quotation that
 * goes on is a quoted sentence (`«Российские власти знают…»`).
 */
export function quotedTitle(doc: Doc, a: number, end: number): boolean {
  return titleClose(doc, a, end) >= 0;
}

/** The quotation mark that closes one opened by `open` (`«` → `»`, `„` → `“`), or undefined for no opening mark. */
function closerOf(open: string): string | undefined {
  return open === '«' ? '»' : open === '„' ? '“' : open === '"' ? '"' : undefined;
}

/** The index of the mark that closes tokens [a, end) as a quoted title (quotedTitle), or −1. */
function titleClose(doc: Doc, a: number, end: number): number {
  if (a === 0) return -1;
  const open = doc.tokens[a - 1].text;
  const close = closerOf(open);
  if (close === undefined) return -1;
  for (let k = end; k < doc.tokens.length && k < end + 3; k++) {
    const t = doc.tokens[k];
    if (t.text === close) return k;
    if (!DASHES.has(t.text) && t.kind !== 'number') return -1;
  }
  return -1;
}

/** Parts of speech that make the words after a name in quotation marks a sentence or a phrase, no part of a title. */
const NOT_TITLE_POS = new Set([...FUNCTION_POS, 'PRTS', 'ADJS']);
NOT_TITLE_POS.delete('COMP'); // the context pass reads a foreign word as one (`«Ю-Эс-Эй тудей»`)

/**
 * Rule 14: the end of the title in quotation marks that place's or body's span p opens and
 * stops short of (`«Манчестер | Юнайтед»`, `«Россия | 24»`, `«Газпром | нефть»`, `«Опоры |
 * России»`, `«Джабхат | ан-Нусры»`), or −1: the words left before the closing mark, at most three,
 * are words or numbers and none a preposition, conjunction, pronoun, adverb or verb (`«Москва
 * изобретает»`, `«Ленин в Цюрихе»` are a headline and a work's title, no body's name), each
 * lower-case one a word of a body's name (bodyNameWord). The whole title names a body (a club,
 * channel, company, party), whatever the type of its first word.
 *
 * @example
 * // `клуб «Манчестер Юнайтед»`: LOC `Манчестер` → ORG `Манчестер Юнайтед`
 */
function restOfTitle(doc: Doc, p: Span, morphology: Morphology): number {
  const a = p.tokStart;
  if (a === 0 || p.tokEnd >= doc.tokens.length) return -1;
  const first = doc.tokens[a];
  if (!(first.kind === 'number' || (first.kind === 'word' && isCapital(first.text)))) return -1;
  const open = doc.tokens[a - 1].text;
  const close = closerOf(open);
  if (close === undefined) return -1;
  let end = -1;
  for (let k = p.tokEnd; k < doc.tokens.length && k < p.tokEnd + 4; k++) {
    const t = doc.tokens[k];
    if (t.text === close) { end = k; break; }
    // Words or numbers, one space between them.
    if ((t.kind !== 'word' && t.kind !== 'number') || t.start !== doc.tokens[k - 1].end + 1) return -1;
  }
  if (end <= p.tokEnd || doc.tokens[end].start !== doc.tokens[end - 1].end) return -1;
  for (let k = p.tokEnd; k < end; k++) {
    const t = doc.tokens[k], pos = doc.morph[k].pos;
    if (pos !== undefined && NOT_TITLE_POS.has(pos)) return -1;
    if (t.kind === 'word' && !isCapital(t.text) && !bodyNameWord(morphology.tags(t.text), k + 1 < end)) return -1;
  }
  return end;
}

/**
 * A lower-case word a body's name may hold after its first: a noun in the nominative or genitive
 * (`нефть`, `каски`, `травли`), an adjective before a noun (`«Украинские | специальные системы»`),
 * a plural adjective in the genitive standing for a noun (`Альянс зеленых`), or a word the
 * dictionary cannot read (`таймс`, `кампф`). Not an adjective that ends the title, after its noun,
 * nor a noun in another case: they make a work's title (`«Байкал заповедный»`, `«Москва глазами
 * инженера»`, `«Большое спасибо российским болельщикам»`).
 */
function bodyNameWord(tags: readonly Az.Tag[], more: boolean): boolean {
  // Any reading will do: the context pass reads `нефть` of `рассказала «Газпром нефть»` as an accusative.
  if (tags.length === 0) return true;
  for (const t of tags) {
    const c = caseOfTag(t);
    if (t.POS === 'NOUN' && (c === 'nomn' || c === 'gent')) return true;
    if (t.POS === 'NUMR' && c === 'gent') return true; // `«Группа двадцати»`
    if (t.POS === 'ADJF' && (more || (c === 'gent' && isPluralTag(t)))) return true;
  }
  return false;
}

/**
 * True when tokens [a, end) are a quoted title (quotedTitle) whose quotation is a reply that the
 * narrative attributes, as in `«Да», — сказал Песков` or `«Нет» — ответил он`: a comma and a dash,
 * or a dash, follow the closing mark. A quoted function word is a title (`«Поэтому» вышел в
 * марте`) only when it is not so.
 *
 * @example
 * quotedReply(doc, 1, 2); // true for `«Да», — сказал Песков.` (tokens « Да » , — …)
 */
export function quotedReply(doc: Doc, a: number, end: number): boolean {
  const t = doc.tokens;
  let k = titleClose(doc, a, end);
  if (k < 0) return false;
  if (++k < t.length && t[k].text === ',') k++;
  return k < t.length && DASHES.has(t[k].text);
}

/**
 * Rule 5: a LOC or ORG span of one capitalised adjective (or the tagger's capitalised adjective
 * and lower-case ones, `Саратовском авиационном`), followed on its line by agreeing
 * lower-case adjectives and a noun (before `limit`, the next span), is extended over them and
 * a genitive noun phrase in lower case after the noun when the noun is a head of name-heads.tsv
 * (the name takes the head's type), when the words are a title in quotation marks, or when the
 * capital is the adjective's own (mid-sentence) and the noun inanimate. A capital that any word
 * would have (a sentence's start) before a noun off the list makes the name doubtful: it stays
 * only if the document writes it as a name elsewhere (settleDoubtful), else the span is dropped
 * (`Российские военные`, `Украинские власти`).
 *
 * @example
 * // `заявили в Европейском союзе`: the tagger's ORG `Европейском` → ORG `Европейском союзе`
 * // `учёные Российской академии наук`: ORG `Российской` → ORG `Российской академии наук`
 */
function withHead(doc: Doc, p: Span, limit: number, sentenceStart: Uint8Array, morphology: Morphology): Headed {
  const a = p.tokStart;
  if (!ADJECTIVE.has(doc.morph[a].pos) || !isCapital(doc.tokens[a].text)) return new Headed(p, false);
  let from = a + 1;
  if (p.tokEnd - a > 1) {
    // The tagger's own `Высшей школе` before `экономики`: adjectives and a lower-case noun, then the genitive.
    const last = p.tokEnd - 1;
    for (let i = a + 1; i < last; i++) if (!lowerWordAt(doc, i) || !ADJECTIVE.has(doc.morph[i].pos)) return new Headed(p, false);
    // The tagger's own `Саратовском авиационном` before `заводе`: the noun is sought after its adjectives.
    if (lowerWordAt(doc, last) && ADJECTIVE.has(doc.morph[last].pos)) from = p.tokEnd;
    else {
      if (!lowerWordAt(doc, last) || doc.morph[last].pos !== 'NOUN' || !doc.morph[last].tags.includes('inan')) return new Headed(p, false);
      const end = genitiveTail(doc, p.tokEnd, limit);
      return new Headed(end === p.tokEnd ? p : { tokStart: a, tokEnd: end, type: p.type }, false);
    }
  }
  for (let j = from; j < limit && j < from + 3; j++) {
    if (!lowerWordAt(doc, j)) break;
    const m = doc.morph[j];
    if (ADJECTIVE.has(m.pos)) continue;
    if (m.pos !== 'NOUN' || !agreeingPhrase(doc, a, j, morphology)) break;
    const listed = nameHeads().get(m.lemma);
    const end = genitiveTail(doc, j + 1, limit);
    const span = { tokStart: a, tokEnd: end, type: listed ?? p.type };
    // A title in quotation marks (`«Российская газета»`, `«Северный поток — 2»`) is a name whatever its noun.
    if (listed !== undefined || quotedTitle(doc, a, end)) return new Headed(span, false);
    // (The tagger's own span of several adjectives is no doubtful capital: `Центральное разведывательное` + `управление`.)
    if (anyWordsCapital(doc, a, sentenceStart) && from === a + 1) return new Headed(span, true);
    return new Headed(m.tags.includes('inan') ? span : p, false);
  }
  return new Headed(p, false);
}

/**
 * Rule 11: a one-word person span that can be read as a capitalised adjective, followed on its
 * line by agreeing lower-case adjectives and a head noun of name-heads.tsv, is the place or body
 * the head names, as rule 5 makes it of a place's or body's adjective (`Спортивный арбитражный
 * суд`, `Красная площадь`): the tagger took the adjective for a surname (`Спортивный` as `Достоевский`).
 * Undefined when the span is no such adjective.
 *
 * @example
 * // `Спортивный арбитражный суд (CAS) открыл дело`: PER `Спортивный` → ORG `Спортивный арбитражный суд`
 */
function personAdjectiveHead(doc: Doc, p: Span, limit: number, morphology: Morphology): Span | undefined {
  const a = p.tokStart;
  const t = doc.tokens[a];
  // Ending like an adjective: az also offers adjective readings of foreign surnames (`Барзани партией`).
  if (p.tokEnd - a !== 1 || t.kind !== 'word' || !isCapital(t.text) || !morphology.formInfo(t.text).adjectival) return undefined;
  // A surname the dictionary knows stays a person (`Горький`, `Толстой`).
  if ((wordFacts(morphology, t.text).flags & NAME_OR_SURNAME) !== 0) return undefined;
  for (let j = a + 1; j < limit && j < a + 4; j++) {
    if (!lowerWordAt(doc, j)) return undefined;
    const m = doc.morph[j];
    if (ADJECTIVE.has(m.pos)) continue;
    if (m.pos !== 'NOUN') return undefined;
    const listed = nameHeads().get(m.lemma);
    if (listed === undefined || !agreeingPhrase(doc, a, j, morphology)) return undefined;
    return { tokStart: a, tokEnd: genitiveTail(doc, j + 1, limit), type: listed };
  }
  return undefined;
}

/** Rule 5's answer: the span, and whether it is a name only if the document confirms it (see settleDoubtful). */
class Headed {
  constructor(readonly span: Span, readonly doubtful: boolean) {}
}

/** True when a line break stands between token i-1 and token i. */
function breakBefore(doc: Doc, i: number): boolean {
  return lineBreakBetween(doc.text, doc.tokens[i - 1].end, doc.tokens[i].start);
}

/** Rule 1: pieces of a span cut at sentence starts, line breaks and closing brackets/quotes not opened inside it. */
function splitAtBoundaries(doc: Doc, s: Span, sentenceStart: Uint8Array): Span[] {
  const out: Span[] = [];
  let from = s.tokStart;
  let open = 0;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const text = doc.tokens[i].text;
    // A full stop inside a word (Лента.ру, Leave.EU) ends no sentence: only a start after a space counts.
    const spaced = i > 0 && doc.tokens[i].start > doc.tokens[i - 1].end;
    if (i > from && ((sentenceStart[i] === 1 && spaced) || breakBefore(doc, i))) {
      out.push({ tokStart: from, tokEnd: i, type: s.type });
      from = i;
      open = 0;
    }
    if (OPENERS.has(text) || (text === '"' && open === 0 && i + 1 < s.tokEnd)) { open++; continue; }
    if (CLOSERS.has(text)) {
      if (open > 0) { open--; continue; }
      if (i > from) out.push({ tokStart: from, tokEnd: i, type: s.type });
      from = i + 1;
    }
  }
  if (from < s.tokEnd) out.push({ tokStart: from, tokEnd: s.tokEnd, type: s.type });
  return out;
}

const CAPITAL_OR_DIGIT = /[\p{Lu}\d]/u;
const CAPITAL = /\p{Lu}/u;

/** `/[\p{Lu}\d]/u.test(s)` (`/\p{Lu}/u` without `digits`), without the regex for Latin and basic Cyrillic text. */
function hasCapitalOrDigit(s: string, digits = true): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (digits && c >= 0x30 && c <= 0x39)) return true;
    } else if (c >= 0x400 && c < 0x460) {
      if (c < 0x430) return true;
    } else return (digits ? CAPITAL_OR_DIGIT : CAPITAL).test(s); // other scripts: the full rule
  }
  return false;
}

const hasCapital = (s: string): boolean => hasCapitalOrDigit(s, false);

const EDGE_SYMBOLS = new Set(['©', '®', '℗', '™']);

/** True when token i may be cut from a span's edge (rule 2). */
function trimmable(doc: Doc, i: number, type: EntityType, atEnd: boolean): boolean {
  const t = doc.tokens[i];
  if (t.kind !== 'word') {
    // An initial's full stop stays with it (Н.), as does a closing quote whose opener is kept.
    if (t.text === '.' && atEnd && i > 0 && /^\p{Lu}$/u.test(doc.tokens[i - 1].text)) return false;
    // A photo credit's © before a name (© NASA) is no part of it, and © alone names nothing; an
    // HTML tag is markup, never part of a name.
    return t.kind === 'punct' || isTagToken(t) || (t.kind === 'symbol' && EDGE_SYMBOLS.has(t.text));
  }
  if (hasCapitalOrDigit(t.text)) return false; // уль-Малук, 2-й
  if (type === 'PER') return !nameParticles().has(t.text);
  const pos = doc.morph[i]?.pos;
  return pos !== undefined && FUNCTION_POS.has(pos);
}

/** Token i is a person's noun that opens a role of roles.tsv, as the context reads it (`Генсек`, `Канцлер`; not `Совет`). */
function leadingRole(doc: Doc, i: number): boolean {
  const m = doc.morph[i];
  return doc.tokens[i].kind === 'word' && m !== undefined && m.pos === 'NOUN' && m.tags.includes('anim') && startsRole(m.lemma);
}

/** Rule 2: the span without trimmable edge tokens, or undefined when nothing is left. */
function trimEdges(doc: Doc, s: Span): Span | undefined {
  let a = s.tokStart;
  let b = s.tokEnd;
  while (a < b && trimmable(doc, a, s.type, false)) a++;
  while (b > a && trimmable(doc, b - 1, s.type, true)) b--;
  // A person's role written with a capital before a name is the role, no part of the name
  // («Генсек ООН Антониу Гутерреш», «Канцлер ФРГ», «Генсек Антониу Гутерреш»): the roles stage
  // finds it there. A place's name left is a place («Королевы | Великобритании»).
  let type = s.type;
  if (b - a > 1 && leadingRole(doc, a)) {
    a++;
    if (doc.morph[a]?.tags.includes('Geox') === true) type = 'LOC';
  }
  // Quotes must come in pairs: drop an unmatched one left at an edge.
  if (b > a && CLOSERS.has(doc.tokens[b - 1].text) && !OPENERS.has(doc.tokens[a].text) && doc.tokens[a].text !== '"') b--;
  if (b > a && OPENERS.has(doc.tokens[a].text) && !CLOSERS.has(doc.tokens[b - 1].text)) a++;
  return b > a ? { tokStart: a, tokEnd: b, type } : undefined;
}

/** Rule 3: a person's name followed by an all-caps abbreviation is a name, then an organisation; an abbreviation before a name, an organisation, then the name. */
function splitAbbreviation(doc: Doc, s: Span): Span[] {
  if (s.type !== 'PER') return [s];
  // `доцент РАНХиГС Алисен Алисенов`: the university, then the person.
  const first = doc.tokens[s.tokStart];
  const second = s.tokEnd - s.tokStart > 1 ? doc.tokens[s.tokStart + 1] : undefined;
  if (second !== undefined && first.kind === 'word' && abbreviationLike(first.text) && !ROMAN.test(first.text) &&
    second.kind === 'word' && isCapital(second.text) && second.text.length > 1 && !abbreviationLike(second.text) &&
    !doc.morph[s.tokStart + 1].tags.includes('Geox')) { // not `МИД России`
    return [{ tokStart: s.tokStart, tokEnd: s.tokStart + 1, type: 'ORG' }, { tokStart: s.tokStart + 1, tokEnd: s.tokEnd, type: 'PER' }];
  }
  for (let i = s.tokStart + 1; i < s.tokEnd; i++) {
    const t = doc.tokens[i];
    if (t.kind !== 'word' || !isAbbreviation(t.text) || ROMAN.test(t.text)) continue; // Елизавета II
    const prev = doc.tokens[i - 1];
    if (prev.kind !== 'word' || !isCapital(prev.text) || isAbbreviation(prev.text) || prev.text.length < 2) continue;
    return [{ tokStart: s.tokStart, tokEnd: i, type: 'PER' }, { tokStart: i, tokEnd: s.tokEnd, type: 'ORG' }];
  }
  return [s];
}

const LATIN_WORD = /^\p{Script=Latin}[\p{Script=Latin}\d'’.&-]*$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A word or web address in Latin letters (digits and inner marks allowed: `F1Today`, `Goal.com`, `L’Equipe`), no Roman numeral (`Николай II`). */
function latinWord(t: Tok): boolean {
  return (t.kind === 'word' || t.kind === 'url') && LATIN_WORD.test(t.text) && !ROMAN.test(t.text);
}

/**
 * Rule 13: a person's span whose words change script between a Cyrillic and a Latin word is a
 * person's name and a medium's or body's (`цитирует Шемппа Bild`, `приводит слова Лауды Der
 * Standard`, `журналист Kurdistan24 Барзан Садик`): the Latin part is an ORG. Pushes the pieces.
 *
 * @example
 * // `Шемппа Bild` → PER `Шемппа`, ORG `Bild`
 */
function splitAtScript(doc: Doc, s: Span, out: Span[]): void {
  if (s.type !== 'PER' || s.tokEnd - s.tokStart < 2) { out.push(s); return; }
  let from = s.tokStart;
  let latin = -1; // the script of the piece so far: -1 none yet, 0 Cyrillic, 1 Latin
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const t = doc.tokens[i];
    if ((t.kind !== 'word' && t.kind !== 'url') || ROMAN.test(t.text)) continue;
    const here = latinWord(t) ? 1 : CYRILLIC.test(t.text) ? 0 : -1;
    if (here < 0) continue;
    if (latin >= 0 && here !== latin) {
      out.push({ tokStart: from, tokEnd: i, type: latin === 1 ? 'ORG' : 'PER' });
      from = i;
    }
    latin = here;
  }
  out.push(from === s.tokStart ? s : { tokStart: from, tokEnd: s.tokEnd, type: latin === 1 ? 'ORG' : 'PER' });
}

/** An abbreviation: all capitals (`МГИМО`), or three capitals or more among small letters (`РАНХиГС`, `КамАЗ`; not `ДиКаприо`). */
function abbreviationLike(text: string): boolean {
  if (isAbbreviation(text)) return true;
  let capitals = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch !== ch.toLowerCase() && ++capitals >= 3) return true;
  }
  return false;
}

/** Rule 3 also: a person mention that is one abbreviation alone (`ТАСС` cut off after a line break) is an organisation. */
function lone(doc: Doc, p: Span): Span {
  if (p.type !== 'PER' || p.tokEnd - p.tokStart !== 1) return p;
  const text = doc.tokens[p.tokStart].text;
  return (isAbbreviation(text) && !ROMAN.test(text)) || DECLINED_ABBREVIATION.test(text) ? { tokStart: p.tokStart, tokEnd: p.tokEnd, type: 'ORG' } : p;
}

/**
 * Whether only a list item's number and pictograms (and opening marks) stand before the word on
 * its line, `4🔖 Куриный суп`: its capital is the line's. Not so mid-line, after a sentence's end
 * (`Он сказал это. 2021 Мемориал закрыли.`: the capital follows a number, not the full stop).
 */
function listItemStart(doc: Doc, k: number, word: number): boolean {
  let j = k;
  while (j >= 0 && (OPENERS.has(doc.tokens[j].text) || LEADERS.has(doc.tokens[j].kind)) && !breakBefore(doc, j + 1)) j--;
  return j < k && (j < 0 || breakBefore(doc, j + 1));
}

/**
 * Rule 4 also: a place's or body's one-word span that opens a quotation going on as a sentence
 * (`«Коалиция защищает ИГ»`, `«Позиция Трампа хорошо известна»`, `«Цена вырастет», — сказал`),
 * where any word is capitalised, and that the dictionary reads as a common word but never as a
 * name, is no name unless the document writes the word capitalised elsewhere mid-sentence or in a
 * longer name. A title (`«Спартак»`) is not such a quotation.
 */
function quotationOpener(doc: Doc, s: Span, inNames: Set<string>, morphology: Morphology): boolean {
  const a = s.tokStart;
  const toks = doc.tokens;
  if (s.tokEnd - a !== 1 || a === 0) return false;
  const open = toks[a - 1].text;
  const close = closerOf(open);
  if (close === undefined) return false;
  const t = toks[a];
  if (t.kind !== 'word' || isAbbreviation(t.text) || inNames.has(t.text)) return false;
  // A short quotation is a title (`«Репортёры без границ»`) unless a dash attributes it as a reply
  // (`«Цена вырастет», — сказал он`).
  for (let k = a + 1; k < toks.length && k <= a + 5; k++) {
    if (toks[k].text !== close) continue;
    if (k === a + 1) return false; // the word alone: a title (`«Зенит» — чемпион`)
    let j = k + 1;
    if (j < toks.length && toks[j].text === ',') j++;
    if (!(j < toks.length && DASHES.has(toks[j].text))) return false;
    break;
  }
  const flags = wordFacts(morphology, t.text).flags;
  if ((flags & ANY_KNOWN) === 0 || (flags & KNOWN_NAMED) !== 0) return false;
  // The word capitalised mid-sentence elsewhere, in any form (`Кремль`, `в Кремле`), is a name.
  const lemma = doc.morph[a].lemma;
  for (let i = 1; i < toks.length; i++) {
    if (i === a || toks[i].kind !== 'word' || !isCapital(toks[i].text) || doc.morph[i].lemma !== lemma) continue;
    const prev = toks[i - 1];
    if (prev.kind === 'word' || prev.text === ',') return false;
  }
  return true;
}

/** An all-caps Cyrillic word of three letters or more (`РЕБРИК`, `ВЕСНОЙ`, `ГРУ`). */
const CAPS_WORD = /^[А-ЯЁ]{3,}$/;

/**
 * Rule 8 also: a person's one-word span that is a first name the dictionary knows, and right after
 * it a one-word span of an all-caps word of four letters or more that the dictionary does not know
 * as an abbreviation or a place's or body's name (`Иван РЕБРИК`, `Иваном САПРЫКИНЫМ`, `Павла
 * СКРЫЛЬНИКОВА`: a byline's or interview's style), are one person.
 */
function capsSurnameAfter(doc: Doc, given: Span, p: Span, morphology: Morphology): boolean {
  if (given.type !== 'PER' || given.tokEnd !== p.tokStart || given.tokEnd - given.tokStart !== 1 || p.tokEnd - p.tokStart !== 1) return false;
  const g = doc.tokens[given.tokStart], t = doc.tokens[p.tokStart];
  if (t.kind !== 'word' || !CAPS_WORD.test(t.text) || g.end + 1 !== t.start) return false;
  if (t.text.length < 4 || !morphology.tags(g.text).some((x) => x.Name === true)) return false;
  // Not an abbreviation, a body's or a place's name the dictionary knows (`Иван РФ`, `Мария МВД`).
  return !morphology.tags(t.text).some((x) => x.Abbr === true || x.Orgn === true || x.Geox === true);
}

/**
 * Rule 4 also: a place's or body's one all-caps word, in a line of two or more words all in
 * capitals (a subheading: `ГОЛОВНАЯ БОЛЬ «БЕЗОПАСНИКА»`, `СЛАБЕЮТ ДУХОМ`), that the dictionary reads
 * as a common word but never as a name, is no name: the capitals are the line's.
 */
function capsLineWord(doc: Doc, p: Span, morphology: Morphology): boolean {
  const t = doc.tokens[p.tokStart];
  // (A quoted one is a title: `«ПЕТРОГЛИФ» БУДЕТ И ЗИМОЙ`.)
  if (p.tokEnd - p.tokStart !== 1 || t.kind !== 'word' || !CAPS_WORD.test(t.text) || (p.tokStart > 0 && OPENERS.has(doc.tokens[p.tokStart - 1].text))) return false;
  const toks = doc.tokens;
  let a = p.tokStart, b = p.tokEnd;
  while (a > 0 && !breakBefore(doc, a)) a--;
  while (b < toks.length && !breakBefore(doc, b)) b++;
  let words = 0;
  for (let i = a; i < b; i++) {
    if (toks[i].kind !== 'word') continue;
    if (/\p{Ll}/u.test(toks[i].text)) return false;
    words++;
  }
  if (words < 2) return false;
  const flags = wordFacts(morphology, titleCased(t.text)).flags;
  return (flags & ANY_KNOWN) !== 0 && (flags & KNOWN_NAMED) === 0;
}

/** Rule 4: a PER span that is no name (see the header). */
function commonWord(doc: Doc, s: Span, sentenceStart: Uint8Array, inNames: Set<string>, morphology: Morphology): boolean {
  let capitals = 0;
  let word = -1;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const t = doc.tokens[i];
    if (t.kind === 'punct') continue;
    if (hasCapital(t.text)) capitals++;
    word = word === -1 && t.kind === 'word' ? i : -2;
  }
  if (capitals === 0) return true;
  if (word < 0) return false; // several words, or none
  const text = doc.tokens[word].text;
  if (isAbbreviation(text) || inNames.has(text)) return false;
  let k = word - 1;
  while (k >= 0 && OPENERS.has(doc.tokens[k].text)) k--;
  const anyCapital = k < 0 || sentenceStart[k + 1] === 1 || sentenceStart[word] === 1 || breakBefore(doc, word) || SENTENCE_END.has(doc.tokens[k].text);
  if (!anyCapital && !listItemStart(doc, k, word)) return false;
  // Not a word the dictionary knows, or known as a name, place or organisation (Name, Surn, Patr, Geox, Orgn).
  const flags = wordFacts(morphology, text).flags;
  return (flags & ANY_KNOWN) !== 0 && (flags & KNOWN_NAMED) === 0;
}
