import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import { CASES, caseBits, caseOfTag, tagHas } from './grammar.js';
import { abbreviationOf, isAbbreviation, type Span } from './hygiene.js';
import { ADJ_POS, ANY_KNOWN, isKnown, KNOWN_NAMED, knownAs, NAME_OR_SURNAME, wordFacts } from './wordFacts.js';
import { startsUpper } from '../letters.js';
import { isSurnameParticle, nameParticles } from './nameParticles.js';

/*
 * The tagger runs two persons, or a word and a person, into one span where nothing but a space
 * stands between them: `Трамп Пол Манафорт`, `Ксения Собчак Елена Самошина`, `Блоком Петр
 * Порошенко`, `Триумф Владимир Путин`. A person's name has its first name first, or (in official
 * Russian order) a surname, first name and patronymic: a first name the dictionary knows, after a
 * word that is no first name, with a surname after it (no patronymic), starts a second name. A
 * place's or body's span that runs into a person (`Еврокомиссии Жан-Клодом Юнкером`) is cut alike.
 */

const FIRST_NAME = ['Name'];
const PATRONYMIC = ['Patr'];
const SURNAME = ['Surn'];
const GEOGRAPHY = ['Geox'];

/** A word the dictionary knows as a first name (`Пол`, `Елена`), not only as something else. */
function knownFirstName(form: string, morphology: Morphology): boolean {
  return knownAs(morphology, form, FIRST_NAME);
}

/**
 * A first name the dictionary knows that it knows as nothing else: not `Арена` (an arena), `Вера`
 * (faith) or `Израиль` (a country), which a place's or body's name may hold.
 */
function onlyAPersonsName(form: string, morphology: Morphology): boolean {
  if (!knownAs(morphology, form, FIRST_NAME)) return false;
  let name = false;
  for (const p of morphology.parses(form)) {
    if (!isKnown(p)) continue;
    if (tagHas(p.tag, 'Name')) name = true;
    else if (!tagHas(p.tag, 'Surn') && !tagHas(p.tag, 'Patr')) return false;
  }
  return name;
}

/** A word the dictionary knows as a patronymic (`Иванович`). */
function knownPatronymic(form: string, morphology: Morphology): boolean {
  return knownAs(morphology, form, PATRONYMIC);
}

/**
 * Person spans of three or more words split where a second name starts (see the header), or
 * before a first name at their end in a case the rest does not share (trailingFirstNameAt); the
 * part before stays a person when a word of it can be a name (`Трамп`, `Собчак`), and is dropped
 * when none can (`Блоком`, `Триумф`). A place's or body's span is cut where a person's name starts in it.
 *
 * @example
 * // `… Трамп Пол Манафорт …`: PER `Трамп Пол Манафорт` → PER `Трамп`, PER `Пол Манафорт`
 */
export function splitRunOnNames(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    let s = spans[k];
    if (s.type !== 'PER') {
      const at = s.tokEnd - s.tokStart >= 2 ? personAfterPlaceAt(doc, s, morphology) : -1;
      if (at < 0) {
        out?.push(s);
        continue;
      }
      const end = at === s.tokEnd - 1 ? surnameEnd(doc, s.tokEnd, spans[k + 1]) : s.tokEnd;
      (out ??= spans.slice(0, k)).push({ tokStart: s.tokStart, tokEnd: at, type: s.type }, { tokStart: at, tokEnd: end, type: 'PER' });
      if (k + 1 < spans.length && spans[k + 1].tokStart < end) k++;
      continue;
    }
    let at = s.tokEnd - s.tokStart >= 3 ? secondNameAt(doc, s, morphology) : -1;
    if (at < 0 && s.tokEnd - s.tokStart >= 3) at = trailingFirstNameAt(doc, s, morphology);
    if (at < 0) {
      out?.push(s);
      continue;
    }
    out ??= spans.slice(0, k);
    // The rest may run on into a third (`Блок | Петр Порошенко | Иван Винник`).
    for (; at >= 0; at = s.tokEnd - s.tokStart >= 3 ? secondNameAt(doc, s, morphology) : -1) {
      if (nameLike(doc, s.tokStart, at, morphology)) out.push({ tokStart: s.tokStart, tokEnd: at, type: 'PER' });
      s = { tokStart: at, tokEnd: s.tokEnd, type: 'PER' };
    }
    out.push(s);
  }
  return out ?? spans;
}

/** The token of span s where a second name starts, or −1. */
function secondNameAt(doc: Doc, s: Span, morphology: Morphology): number {
  const tokens = doc.tokens;
  for (let i = s.tokStart + 1; i + 1 < s.tokEnd; i++) {
    const prev = tokens[i - 1], t = tokens[i], next = tokens[i + 1];
    if (t.kind !== 'word' || prev.kind !== 'word' || next.kind !== 'word') continue;
    if (prev.end + 1 !== t.start || t.end + 1 !== next.start) continue;
    // A first name after a first name is a double one (`Реджеп Тайип`, `Хосе Мария`); after a
    // particle or an initial, part of one name (`бен Ладен`, `Клайв С.`).
    if (!knownFirstName(t.text, morphology) || knownFirstName(prev.text, morphology)) continue;
    if (prev.text.length < 3 || nameParticles().has(prev.text.toLowerCase()) || !startsUpper(t.text)) continue;
    // A foreign first name the dictionary does not know may be the first of two (`Байе Умар Ниасс`,
    // `Сверре Луи Педерсен`): only a word it knows, or an abbreviation, ends a name before another;
    // or a surname after its particle (`Людвига фон Мизеса | Марк Тортон`).
    const surname = i - 2 >= s.tokStart && isSurnameParticle(tokens[i - 2].text.toLowerCase());
    if (!surname && (wordFacts(morphology, prev.text).flags & ANY_KNOWN) === 0 && !isAbbreviation(abbreviationOf(prev.text))) continue;
    // `Шкловский Виктор Борисович`: surname, first name, patronymic is one person.
    if (knownPatronymic(next.text, morphology) || knownFirstName(next.text, morphology)) continue;
    return i;
  }
  return -1;
}

/**
 * The last token of span s when it is a first name the dictionary knows as nothing else, after a
 * word that is no first name, in no case the words before it share (`сын Сергея Белова | Александр
 * отмечает`: a name in the genitive, then the son's own in the nominative); −1 otherwise. A name
 * whose words decline in no case (`Роберто Манчини Александру`) is left whole.
 */
function trailingFirstNameAt(doc: Doc, s: Span, morphology: Morphology): number {
  const last = s.tokEnd - 1;
  const t = doc.tokens[last], prev = doc.tokens[last - 1];
  if (t.kind !== 'word' || prev.kind !== 'word' || prev.end + 1 !== t.start || !startsUpper(t.text)) return -1;
  if (!startsUpper(prev.text) || prev.text.length < 3 || nameParticles().has(prev.text.toLowerCase())) return -1;
  if (!onlyAPersonsName(t.text, morphology) || knownAs(morphology, t.text, SURNAME) || knownFirstName(prev.text, morphology) || knownPatronymic(prev.text, morphology)) return -1;
  let shared = (1 << CASES.length) - 1;
  for (let i = s.tokStart; i < last; i++) {
    const w = doc.tokens[i];
    if (w.kind !== 'word') continue;
    const c = caseBits(morphology.tags(w.text), true);
    if (c === 0) return -1; // a word with no case reading: nothing to compare
    shared &= c;
  }
  const own = caseBits(morphology.tags(t.text), true);
  return shared !== 0 && own !== 0 && (shared & own) === 0 ? last : -1;
}

/**
 * The token of a place's or body's span s where a person's name starts (`Красноярском крае |
 * Ксенией Кацер`, `Перу | Зулема`), or −1: a first name the dictionary knows, in a case other
 * than the genitive (a place or body named after a person has the name in the genitive: `улица
 * Льва Толстого`, `Фонд Андрея Первозванного`), after a word that is no first name. After a
 * place's own name (`США`, `Сирии`, `Киеве`) the genitive starts a person too: no eponym follows
 * a country or a city, and the place ends the role before the name (`посол США | Фрэнка Клотца`,
 * `посол США в Киеве | Мэри Йованович`).
 */
function personAfterPlaceAt(doc: Doc, s: Span, morphology: Morphology): number {
  const tokens = doc.tokens;
  for (let i = s.tokStart + 1; i < s.tokEnd; i++) {
    const prev = tokens[i - 1], t = tokens[i];
    if (t.kind !== 'word' || prev.kind !== 'word' || prev.end + 1 !== t.start || !startsUpper(t.text)) continue;
    if (!onlyAPersonsName(t.text, morphology) || knownFirstName(prev.text, morphology)) continue;
    // `Северная Каролина`, `Новый Орлеан`: an adjective before it makes it the place's own word.
    if (doc.morph[i - 1].pos !== undefined && ADJ_POS.has(doc.morph[i - 1].pos!)) continue;
    if (!placeName(prev.text, morphology) && morphology.tags(t.text).some((g) => caseOfTag(g) === 'gent')) continue;
    if (i + 1 < s.tokEnd && knownPatronymic(tokens[i + 1].text, morphology)) continue;
    return i;
  }
  return -1;
}

/**
 * Where the surname of a first name cut from a place's span ends (`России Майкла | Макфола`,
 * `Киеве Мэри | Йованович`): up to two capitalised words right after it, which the tagger left
 * out or tagged as a span of their own (`next`, taken whole or not at all); `from` when none.
 */
function surnameEnd(doc: Doc, from: number, next: Span | undefined): number {
  const tokens = doc.tokens;
  let e = from;
  while (e < from + 2 && e < tokens.length && tokens[e].kind === 'word' && tokens[e - 1].end + 1 === tokens[e].start && startsUpper(tokens[e].text)) e++;
  return next !== undefined && next.tokStart < e && next.tokEnd > e ? from : e;
}

/** A place's name as the dictionary knows it (`Сирии`, `Киеве`) or a capital-letter abbreviation (`США`, `РФ`). */
function placeName(form: string, morphology: Morphology): boolean {
  return knownAs(morphology, form, GEOGRAPHY) || isAbbreviation(form);
}

/** Whether some word of tokens [from, to) can be a person's name or a place's or body's. */
function nameLike(doc: Doc, from: number, to: number, morphology: Morphology): boolean {
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (t.kind === 'word' && (wordFacts(morphology, t.text).flags & (NAME_OR_SURNAME | KNOWN_NAMED)) !== 0) return true;
  }
  return false;
}
