import type { Span } from '../types.js';
import { cueLexicon, roleLexicon, wordList, type VerbCue } from './lexicon.js';
import { abbreviationInside, comitative, dativeName, eponymEnd, findObject, findSubject, nounHead as nounHeadOf, timeNoun, INITIAL, initialsEnd, knownOblique, mediumPart, mediumToken, obliquePersonAt, ppObject, relative, singularGender, singularNominative, speakingBodies, subjectPronoun, weak, writtenNominative, type NP } from './np.js';
import { REACH, type View } from './view.js';
import { detached } from '../morph/cache.js';
import { firstStartingFrom } from '../spans.js';

// Helpers shared by the direct and the indirect patterns: cue verbs, clause and content bounds,
// the speaker phrase of a cue verb.

/** A quote found by a pattern, before its speaker is resolved. */
export interface Found {
  kind: 'direct' | 'indirect';
  segments: Span[];
  /** Cue token range [s, e). */
  cueS: number;
  cueE: number;
  /** The cue verb (gender and number agree with the speaker), or -1 for phrases. */
  verb: number;
  speaker: NP | null;
  /** The speaker phrase is not in the nominative («по словам Фёдорова»). */
  oblique: boolean;
}

/** Nouns that stand for a statement made before: «Такой прогноз сделал X», «Это заявление сделал X». */
export const STATEMENTS = /^(заявление|сообщение|мнение|прогноз|вывод|оценка|предположение|признание|комментарий|предложение)$/;

export const CONJ = new Set(['что', 'чтобы', 'будто', 'якобы']);

// Word lists are read on first use, not on import: a missing file is then the first analysis's DataFileError.
const speechObjects = (): Set<string> => wordList('speech-object');
/** Verbs that pass on what was said: with a speech noun after them the source is its genitive («передаёт НТВ слова чиновника»). */
const RELAY = /^(передать|передавать)$/;

export const FINAL = '.!?…';

// Mark sets built once: an argument like `FINAL + ',;:'` would build its string on every call, even
// for the words isPunct rejects before reading it.
/** Sentence-final marks and clause punctuation: what ends a content span or a source phrase. */
export const FINAL_OR_CLAUSE = FINAL + ',;:';
/** What ends an attribution clause before its cue verb is found. */
const ATTRIBUTION_BREAK = FINAL + ',:;«»"';

export const CONTENT_PREPS = new Set(['о', 'об', 'обо', 'на', 'про']);

/** The lexicon entry when token i is a cue verb in a usable form (finite, third person, or a short participle of conviction). */
export function verbCue(v: View, i: number): VerbCue | undefined {
  if (!v.isWord(i)) return undefined;
  const pos = v.pos(i);
  if (pos !== 'VERB' && pos !== 'PRTS' && pos !== 'ADJS' && pos !== 'GRND') return undefined;
  const lemma = v.lemmaYo(i);
  if (pos === 'PRTS' || pos === 'ADJS') {
    // «было заявлено, что…», «Как было объявлено, …»: a neuter passive participle reports without a source.
    if (pos === 'PRTS' && v.has(i, 'neut') && v.has(i, 'sing')) return passiveCue(lemma);
    if (!/^(убедить|убежденный|уверить|уверенный)$/.test(lemma)) return undefined;
  } else if (pos === 'VERB' && (v.has(i, '1per') || v.has(i, '2per') || v.has(i, 'impr'))) return undefined;
  const cue = cueLexicon().verbs.get(lemma);
  if (cue === undefined) return undefined;
  // «привёл слова X» quotes; «привело к тому, что…» is a consequence, not speech.
  if (cue.src && i + 1 < v.n && /^(к|ко)$/.test(v.lower(i + 1))) return undefined;
  if (cue.needObj && speechNoun(v, i) < 0) return undefined;
  if (cue.back && !statementBefore(v, i)) return undefined;
  if (cue.neg && !(i > 0 && v.lower(i - 1) === 'не')) return undefined;
  return cue;
}

const passives = new Map<string, VerbCue | undefined>();

/** The impersonal variant of a cue verb for its passive participle (заявлено, сообщено, объявлено), cached per lemma. */
function passiveCue(lemma: string): VerbCue | undefined {
  if (passives.has(lemma)) return passives.get(lemma);
  const cue = cueLexicon().verbs.get(lemma);
  const out = cue === undefined || cue.needObj || cue.back || cue.neg || cue.src ? undefined : { ...cue, imp: true, obj: false };
  if (passives.size >= 10_000) passives.clear(); // bounded over a long batch
  passives.set(detached(lemma), out);
  return out;
}

/** «Такое заявление (Тифензее) сделал»: a statement noun shortly before the verb. */
function statementBefore(v: View, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (STATEMENTS.test(v.lemma(k))) return true;
  return false;
}

/** The speech noun a «выразить»-like verb needs, within a few words («выразил в этой связи надежду»), or -1. */
function speechNoun(v: View, i: number): number {
  for (let k = i + 1; k < v.n && k <= i + 4; k++) {
    if (!v.isWord(k)) return -1;
    if (cueLexicon().objNouns.has(v.lemmaYo(k))) return k;
  }
  return -1;
}

export function span(v: View, s: number, e: number): Span | null {
  if (e <= s) return null;
  const t = v.doc.tokens;
  return { start: t[s].start, end: t[e - 1].end };
}

export function words(v: View, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (v.isWord(i)) n++;
  return n;
}

/** A cue verb within the first few words after token `from` (an attribution clause). */
export function cueNear(v: View, from: number, to: number, maxWords = 4): number {
  let seen = 0;
  for (let i = from; i < to && seen < maxWords; i++) {
    if (!v.isWord(i)) { if (v.isPunct(i, ATTRIBUTION_BREAK)) return -1; continue; }
    if (verbCue(v, i) !== undefined) return i;
    seen++;
  }
  return -1;
}

/** End (exclusive) of an attribution clause starting at i: the sentence end, or a dash that resumes the quotation. */
export function attributionEnd(v: View, i: number, limit: number): { end: number; resume: number } {
  // Short quotations («Известиям») do not end a clause: a run of them must not make it unbounded.
  limit = Math.min(limit, i + REACH);
  for (let k = i; k < limit; k++) {
    if (k > i && v.paragraphBreak(k - 1, k)) return { end: k, resume: -1 };
    if (v.isPunct(k, ',.') && k + 1 < limit && v.isDash(k + 1) && !v.lineBreak(k, k + 1)) return { end: k, resume: k + 2 };
    // «сказал Д.Баттон», «сказал житель г. Москвы»: an initial's or a name's abbreviation's full stop does not end the clause.
    if (v.isPunct(k, FINAL) && !(k > i && (initialsEnd(v, k - 1, limit) > 0 || abbreviationInside(v, k - 1, limit)))) return { end: k, resume: -1 };
    if (v.opensQuotation(k) && !shortQuotation(v, v.quoteOf[k])) return { end: k, resume: -1 };
  }
  return { end: limit, resume: -1 };
}

/** A quoted name or title («Чемпионату», «Мир бокса»), not a quotation of speech. */
export function shortQuotation(v: View, qi: number): boolean {
  const q = v.quotations[qi];
  return q.parts.length === 1 && words(v, v.tokAt(q.parts[0].start), v.tokAt(q.parts[0].end)) <= 4;
}

/**
 * A source named after a verb of quoting ends where the medium that quotes begins: «слова Лысакова
 * РИА Новости», «слова Билецкого Интерфакс», «слова Крушельницкого официальный сайт Федерации».
 */
function cutAtMedium(v: View, np: NP | null): NP | null {
  if (np === null) return null;
  for (let k = np.s + 1; k < np.e; k++) {
    if (v.pos(k) === 'LATN' || /^\p{Lu}{2,}$/u.test(v.str(k)) || (!v.isCapital(k) && v.has(k, 'nomn')) || v.isPunct(k, '«"„“') || mediumToken(v, k) || nominativeMediumNoun(v, k)) {
      return { s: np.s, e: k, head: Math.min(np.head, k - 1) };
    }
  }
  return np;
}

/** «официальный сайт», «норвежский телеканал» at k, not a genitive («слова редактора издания Иванова»). */
function nominativeMediumNoun(v: View, k: number): boolean {
  const e = mediumNounAt(v, k);
  return e > k && !v.has(e - 1, 'gent');
}

// Word lists are read on first use, not on import: a missing file is then the first analysis's DataFileError.
const mediumNouns = (): Set<string> => wordList('medium-noun');

/**
 * «норвежский телеканал», «официальный сайт», «газета»: lower-case adjectives and a noun of the
 * medium-noun list starting at i; the index after the noun, else i.
 */
function mediumNounAt(v: View, i: number): number {
  let k = i;
  // «приводит слова нападающего официальный сайт»: the adjectives and the noun may all be nominatives.
  while (k < v.n && v.isWord(k) && !v.isCapital(k) && (v.pos(k) === 'ADJF' || v.pos(k) === 'PRTF') && v.canBeNominative(k)) k++;
  return k < v.n && v.isWord(k) && mediumNouns().has(v.lemma(k)) && v.canBeNominative(k) ? k + 1 : i;
}

/**
 * Medium before the source (rule relay-medium-first): «— цитирует ТАСС Дуду», «цитирует РИА Новости
 * российского лидера», «цитирует The Hill американского лидера», «цитируют польские СМИ главу
 * канцелярии», «приводит телеканал Al Jazeera слова министра»: the medium that relays opens the
 * phrase after the verb, the source follows it. The index after the medium (its agency name, its
 * Latin words, or a medium noun with the name after it), else i.
 */
function leadingMedium(v: View, i: number, to: number): number {
  let k = mediumNounAt(v, i);
  const noun = k > i;
  if (k < to && v.isWord(k) && (mediumToken(v, k) || v.pos(k) === 'LATN')) {
    // «РИА Новости», «The New York Times», «Hull Daily Mail»: the rest of the medium's name.
    while (k < to && v.isWord(k) && (mediumPart(v, k) || v.pos(k) === 'LATN')) k++;
  } else if (noun) {
    // «агентство Anadolu», «телеканал «360»», «сайт соревнований» stays a noun alone.
    const q = v.opensQuotation(k) && shortQuotation(v, v.quoteOf[k]) ? v.tokAt(v.quotations[v.quoteOf[k]].close) + 1 : -1;
    if (q > k) k = q;
  }
  return k;
}

/**
 * The source of a verb of quoting (src) in [first, to): after a medium that opens the phrase, and
 * (rule relay-later-name) a name after a role in the same phrase when the role's words stop
 * before it («цитирует The Times главу специального комитета … по вопросам СМИ Дамиана Коллинза»).
 */
function relaySource(v: View, first: number, to: number): NP | null {
  const past = leadingMedium(v, first, to);
  if (past > first && past < to) {
    const np = cutAtMedium(v, findObject(v, past, to));
    if (np !== null) return laterPerson(v, np, to);
  }
  const np = cutAtMedium(v, findObject(v, first, to));
  return np === null ? null : laterPerson(v, np, to);
}

/**
 * A role whose words stop before the person's name («президента Олимпийского комитета Болгарии
 * Стефку Костадинову», «президента Федерации лыжных гонок России (ФЛГР) Елены Вяльбе»): the name
 * the dictionary knows (withLaterName) or the entities stage tagged as a person, before a verb,
 * a relative pronoun or a comma. The phrase itself when it holds a name.
 */
function laterPerson(v: View, np: NP, to: number): NP {
  const ms = v.doc.mentions;
  const at = (i: number) => v.doc.tokens[i].start;
  const person = (k: number) => ms[k].type === 'PER' && ms[k].kind === 'name' && !mediumPart(v, ms[k].tokStart) && v.pos(ms[k].tokStart) !== 'LATN';
  for (let k = firstStartingFrom(ms, at(np.s)); k < ms.length && ms[k].tokStart < np.e; k++) if (person(k)) return np;
  let k = firstStartingFrom(ms, at(Math.min(np.e, v.n - 1)));
  for (let i = np.e; i < to; i++) {
    // «экс-наставника «Спартака» Валерия Карпина»: a quoted name in the role's tail is passed over.
    if (v.opensQuotation(i) && shortQuotation(v, v.quoteOf[i])) { i = v.tokAt(v.quotations[v.quoteOf[i]].close); continue; }
    if (RELATIVE.test(v.lower(i)) || v.pos(i) === 'VERB' || v.isPunct(i, FINAL_OR_CLAUSE) || v.opensQuotation(i)) break;
    while (k < ms.length && ms[k].tokStart < i) k++;
    if (k < ms.length && ms[k].tokStart === i && person(k) && ms[k].tokEnd <= to) return { s: i, e: ms[k].tokEnd, head: i };
  }
  return withLaterName(v, np, to);
}

/** Speaker phrase of a cue verb in its attribution clause [from, to). */
export function speakerOf(v: View, verb: number, cue: VerbCue, from: number, to: number): { np: NP | null; oblique: boolean } {
  if (cue.src || RELAY.test(v.lemmaYo(verb))) {
    for (let k = verb + 1; k < to; k++) {
      // «передаёт агентство со ссылкой на заявление МИД» is no relay of words: no preposition before the noun.
      if (!cue.src && v.pos(k) === 'PREP') break;
      if (!speechObjects().has(v.lemma(k))) continue;
      // «приводит его слова телеканал ABC»: a possessive before the speech noun is the source.
      if (k - 1 > verb && /^(его|её|ее|их)$/.test(v.lower(k - 1))) return { np: { s: k - 1, e: k, head: k - 1 }, oblique: true };
      const src = relaySource(v, k + 1, to);
      // «передаёт заявление информагентство Fars News»: no genitive source after the noun; the subject is found as for any verb.
      if (!cue.src && (src === null || leadingMedium(v, src.s, to) > src.s)) break;
      return { np: src, oblique: true };
    }
    // «передаёт Reuters» without a speech noun: the medium is the subject.
    if (cue.src) return { np: relaySource(v, verb + 1, to), oblique: true };
  }
  if (cue.imp) {
    for (let k = from; k < to; k++) {
      if (k !== verb && cueLexicon().docNouns.has(v.lemmaYo(k))) return { np: { s: k, e: ownerEnd(v, k, k < verb ? verb : to), head: k }, oblique: true };
    }
    return { np: null, oblique: false };
  }
  // «Асафов обратил внимание, что»: the speech noun a cue needs is part of the cue, no subject after it.
  const post = cue.needObj ? Math.max(verb + 1, cueEnd(v, verb)) : verb + 1;
  let before = findSubject(v, from, verb);
  // «Об этом RT рассказал советник …», «В интервью ТАСС заместитель министра заявил», «Опрошенные
  // RT эксперты говорят»: a medium before the verb is the one addressed when a subject follows it.
  const leads = before !== null && mediumToken(v, before.s);
  if (before !== null && v.quoteOf[before.s] < 0 && (leads || mediumToken(v, before.e - 1))) {
    const next = findSubject(v, before.e, verb);
    const later = next === null && leads ? findSubject(v, post, to, true) : null;
    const other = next ?? later;
    if (other !== null && !weak(v, other.head) && !mediumToken(v, other.s) && v.pos(other.head) !== 'LATN') {
      // «Опрошенные RT эксперты»: the words before the medium belong to the subject after it.
      if (next !== null) before = !leads && next.s === before.e ? { s: before.s, e: next.e, head: next.head } : next;
      else return { np: withLaterName(v, other, to), oblique: false };
    } else if (other === null && leads) {
      // «Об этом RT рассказали в Минздраве России»: the medium is the one told; the body after the verb speaks.
      const body = bodyRightAfter(v, post, to);
      if (body !== null) return { np: body, oblique: true };
    }
  }
  // «Константина Эрнста, который заявил», «экспертами, которые сказали»: a relative pronoun speaks
  // for the person or body before its comma, and is never the speaker itself (rule relative-speaker).
  if (before !== null && before.e - before.s === 1 && relative(v, before.head) && v.has(before.head, 'nomn')) {
    const named = antecedent(v, before.head);
    // Its case is the first word's («Константина Эрнста» is oblique, «Ашок Хосла», unknown words, is
    // not), or the head's when that cannot be a nominative («экспертами, которые сказали»).
    return named === null ? { np: null, oblique: false } : { np: named, oblique: knownOblique(v, named.s) || !v.canBeNominative(named.head) };
  }
  // «Об этом «НГ» сказал сопредседатель …»: a quoted title before the verb yields to a subject after it.
  if (before !== null && v.quoteOf[before.s] >= 0) {
    const later = findSubject(v, post, to, true);
    if (later !== null && v.quoteOf[later.s] < 0) return { np: withLaterName(v, later, to), oblique: false };
  }
  if (before !== null && !weak(v, before.head)) return { np: nameBeforeVerb(v, before, verb), oblique: false };
  if (before !== null) {
    // «Такой прогноз сделал … Александр Плутник»: a thing before the verb, the source after it;
    // not a dative after it, the one addressed («Песков заявил Путину», where az reads «Песков»
    // as «песок»; rule dative-addressee).
    const later = findSubject(v, post, to, true);
    return { np: later !== null && !weak(v, later.head) && !dativeName(v, later.s) ? withLaterName(v, later, to) : before, oblique: false };
  }
  // «астрофизики, исходя из своих наблюдений, не исключают»: the subject before a parenthetical;
  // not before a clause of its own («процедура, которая позволит …, и я уверен»).
  const [s] = v.sentence(verb);
  if (s < from && from <= verb && !cue.imp && v.isPunct(from - 1, ',') && !ownClause(v, from, verb)) {
    const early = findSubject(v, afterAttribution(v, s, from - 1), from - 1);
    // («Водителей, которые управляют …, предлагают»: a relative pronoun is its own clause's subject.)
    if (early !== null && v.quoteOf[early.head] < 0 && !weak(v, early.head) && !relative(v, early.head)) return { np: nameBeforeVerb(v, early, verb, from - 1), oblique: false };
  }
  const after = findSubject(v, post, to, true);
  const body = after !== null ? bodyAfterAddressee(v, after, post, to) : null;
  if (body !== null) return { np: body, oblique: true };
  // «В Минтруде сообщили RT, что…»: a medium after the verb is the one addressed when a body
  // before the verb speaks.
  const place = after === null || mediumToken(v, after.s) ? locativeBody(v, from, verb) : null;
  if (place !== null) return { np: place, oblique: true };
  if (after !== null) return { np: withLaterName(v, after, to), oblique: false };
  // «— заявили в МИД России», «— отметили в посольстве»: a plural verb with no subject; the body
  // in a locative phrase right after it speaks (rule body-after-verb). Not a medium or a document
  // («написали в Twitter», «заявили в интервью RT»), nor a phrase of time.
  const told = v.has(verb, 'plur') ? bodyRightAfter(v, post, to) : null;
  if (told !== null && speakingPlace(v, nounHeadOf(v, told))) return { np: told, oblique: true };
  return { np: null, oblique: false };
}

/**
 * Where a sentence's main clause starts: after an attribution that opens it («Как пишет газета
 * Nikkei, премьер-министр …, говоря своим помощникам: …» is the prime minister's), else at s.
 */
function afterAttribution(v: View, s: number, to: number): number {
  if (v.lower(s) !== 'как') return s;
  for (let k = s + 1; k < to; k++) if (v.isPunct(k, ',')) return k + 1;
  return s;
}

/**
 * The words [from, verb) before a verb hold its own subject, a first- or second-person pronoun
 * («…, и я уверен»), so they are no parenthetical after the subject (unlike «…, и признался», a
 * predicate sharing the subject before).
 */
function ownClause(v: View, from: number, verb: number): boolean {
  const own = wordList('own-subject');
  for (let k = from; k < verb; k++) if (own.has(v.lower(k))) return true;
  return false;
}

/** A body noun («посольстве», «пресс-службе»; not a document, «заявлении») or a capitalised name that is no medium («МИД», «Кремле»). */
function speakingPlace(v: View, head: number): boolean {
  if (!v.isWord(head) || timeNoun(v, head) || mediumToken(v, head)) return false;
  if (v.isCapital(head)) return v.pos(head) !== 'LATN' && v.pos(head) !== 'UNKN';
  return bodyNoun(v, head);
}

/** A noun for a body that speaks: an ORG role («министерство») or a speaking body that is no document («заявление»). */
function bodyNoun(v: View, k: number): boolean {
  const lemma = v.lemma(k);
  return roleLexicon().get(lemma) === 'ORG' || (speakingBodies().has(lemma) && !cueLexicon().docNouns.has(v.lemmaYo(k)));
}

/** «В МИД России заявили, что…»: the body that speaks stands in a locative phrase before the verb. */
function locativeBody(v: View, from: number, verb: number): NP | null {
  for (let k = from; k < verb; k++) {
    if (v.pos(k) === 'PREP' && /^(в|во|на)$/.test(v.lower(k))) {
      const np = ppObject(v, k, verb);
      // «в минувшем месяце в королевстве объявили»: a phrase of time is no body (rule time-no-subject);
      // nor is a noun in the accusative, a direction («В ответ в Кремле заявили», «привели в порядок»).
      if (np !== null && !timeNoun(v, nounHeadOf(v, np)) && !directionOnly(v, nounHeadOf(v, np))) return np;
    }
  }
  return null;
}

/**
 * A lower-case word the dictionary reads as an accusative and never as a locative: «ответ» after
 * «в» is a direction. (Names and abbreviations, «в МИД», «в МОК», are left to the context.)
 */
function directionOnly(v: View, i: number): boolean {
  if (!v.isWord(i) || v.isCapital(i)) return false;
  const info = v.ctx.morphology.formInfo(v.str(i));
  if (!info.known) return false;
  let accusative = false;
  for (const t of info.tags) {
    if (t.loct === true || t.loc2 === true || t.Fixd === true) return false;
    if (t.accs === true) accusative = true;
  }
  return accusative;
}

/** How far back from its comma the noun a relative pronoun stands for is looked for, in tokens. */
const ANTECEDENT_REACH = 10;

/**
 * The person or body a relative pronoun at `rel` stands for (rule relative-speaker): the noun or
 * name before its comma that agrees with it in number (and, in the singular, gender), past a tail
 * of genitives and one prepositional phrase («источники в разведке, которые», «лидерам Тайваня,
 * которые», «главы концерна Акио Тойоды, который»). A person's name, an animate noun or a speaking
 * body (not a document) is the antecedent; a body's name in a genitive tail is one when no person
 * heads it («исполкома МОК, который»; «главу Исполнительного директората, который» is главу). A
 * thing («законодательством, которое требует», «фильм «…», который»), a coordination («Семенов и
 * Шевченко, которые») or nothing that agrees gives null: no speaker. `comma` is the comma that
 * opens the relative clause, when words stand between it and the pronoun («…, по словам которого»).
 */
export function antecedent(v: View, rel: number, comma = rel - 1): NP | null {
  if (comma < 1 || !v.isPunct(comma, ',')) return null;
  const ms = v.doc.mentions;
  const [s] = v.sentence(rel);
  const limit = Math.max(s, comma - ANTECEDENT_REACH);
  const plural = v.has(rel, 'plur');
  let m = firstStartingFrom(ms, v.doc.tokens[comma].start) - 1;
  let body: NP | null = null;
  // Past a preposition the next noun back is the one its phrase hangs on: the antecedent, or none is.
  let crossed = false;
  for (let k = comma - 1; k >= limit; k--) {
    // «Владимир Бурматов (фракция «Единая Россия»), который»: an aside in brackets is passed over.
    if (v.isPunct(k, ')')) {
      let open = k - 1;
      while (open > limit && !v.isPunct(open, '(')) open--;
      // (k may be the limit itself: then open is before it, maybe -1, and no bracket opens in reach.)
      if (open < limit || !v.isPunct(open, '(')) return body;
      k = open;
      continue;
    }
    // The mention of the entities stage that ends at k, if any (mentions are sorted by start).
    while (m >= 0 && ms[m].tokStart > k) m--;
    const named = m >= 0 && ms[m].tokEnd === k + 1 && ms[m].kind === 'name' ? ms[m] : undefined;
    const qi = v.quoteOf[k];
    if (named === undefined && qi >= 0 && qi !== v.quoteOf[rel]) return quotedBody(v, qi, k, limit);
    if (named !== undefined) {
      const b = wordBefore(v, named.tokStart, limit);
      const afterPrep = b >= 0 && v.pos(b) === 'PREP';
      // A name right after a preposition or a common noun depends on it («главу Исполнительного директората»).
      const tail = afterPrep || (b >= 0 && v.pos(b) === 'NOUN' && !v.isCapital(b));
      // A person's name is one person (not «которые»), and its gender is its first name's when the
      // dictionary knows it («оппоненту Хиллари Клинтон, который» is not Клинтон; az reads
      // «Милонов» as a plural), else its last word's.
      const first = v.has(named.tokStart, 'Name') ? named.tokStart : k;
      if (named.type === 'PER' && !plural && agrees(v, first, rel, true)) return { s: named.tokStart, e: named.tokEnd, head: k };
      if (crossed) return body;
      if (named.type === 'ORG' && !afterPrep) {
        const np = { s: named.tokStart, e: named.tokEnd, head: k };
        if (!tail) return np;
        body ??= np;
      } else if (!tail) return body;
      k = named.tokStart;
      if (afterPrep) { crossed = true; k = b; }
      continue;
    }
    if (!v.isWord(k)) return body;
    const pos = v.pos(k);
    if (pos === 'PREP') {
      if (crossed) return body;
      crossed = true;
      continue;
    }
    if (pos !== 'NOUN') {
      if (pos === 'ADJF' || pos === 'PRTF' || pos === 'NUMR' || pos === 'ADVB' || pos === 'PRCL') continue;
      return body;
    }
    if (agrees(v, k, rel) && (v.has(k, 'anim') || bodyNoun(v, k))) {
      const from = modifiersStart(v, k, limit);
      // «компания Apple, которая»: a body noun before a Latin name, which does not decline, names
      // that body in apposition (a Cyrillic name after it is rather its genitive: «посольство США»).
      if (body !== null && body.s === k + 1 && !v.has(k, 'anim') && v.pos(body.s) === 'LATN') return { s: from, e: body.e, head: k };
      return { s: from, e: k + 1, head: k };
    }
    // «журналистами спустя несколько минут после объявления оценок, которые»: not журналистами.
    if (crossed) return body;
    // «доклад экспертов, которые», «экспертами в области вооружений, которые»: a noun in the
    // genitive or after a preposition is a tail; the head may come before it.
    const b = wordBefore(v, k, limit);
    if (!v.has(k, 'gent') && !(b >= 0 && v.pos(b) === 'PREP')) return body;
  }
  return body;
}

/**
 * A relative pronoun after a quotation (qi, ending at or before k): a body's quoted name
 * («организация «Репортёры без границ»») is its antecedent; a title («задуманный Тимуром
 * Бекмамбетовым «Потерянный и возвращенный мир», который») or a quoted speech is none.
 */
function quotedBody(v: View, qi: number, k: number, limit: number): NP | null {
  const q = v.quotations[qi];
  if (!shortQuotation(v, qi) || v.tokAt(q.open) < limit) return null;
  const ms = v.doc.mentions;
  for (let j = firstStartingFrom(ms, q.open); j < ms.length && ms[j].tokStart < k; j++) {
    if (ms[j].type === 'ORG' && ms[j].tokEnd <= k + 1) return { s: ms[j].tokStart, e: ms[j].tokEnd, head: ms[j].tokEnd - 1 };
  }
  return null;
}

/** The first of the adjectives and participles right before token i, from `limit` on (i itself when none): where its phrase starts. */
function modifiersStart(v: View, i: number, limit: number): number {
  let b = i - 1;
  while (b >= limit && v.isWord(b) && (v.pos(b) === 'ADJF' || v.pos(b) === 'PRTF') && !relative(v, b)) b--;
  return b + 1;
}

/** The word before token i past adjectives and participles (its preposition or head noun); -1 when there is none from `limit` on. */
function wordBefore(v: View, i: number, limit: number): number {
  const b = modifiersStart(v, i, limit) - 1;
  return b >= limit && v.isWord(b) ? b : -1;
}

/**
 * Word k may be what relative pronoun `rel` stands for: it has the pronoun's number and, in the
 * singular, its gender. A common noun as the context reads it; with `name`, a name word by any of
 * its readings as a personal name (a word the dictionary lacks or knows only as a thing, a foreign
 * name like «Тойоды», may be).
 */
function agrees(v: View, k: number, rel: number, name = false): boolean {
  const plural = v.has(rel, 'plur');
  const gender = singularGender(v, rel);
  // An oblique «которого», «которому» is a man's as much as a neuter's, whichever the context chose.
  const alsoMasc = gender === 'neut' && !v.has(rel, 'nomn');
  // A common noun as the context reads it («из федерации» is no plural).
  if (!name) return plural ? v.has(k, 'plur') : v.has(k, 'sing') && (v.has(k, gender) || v.has(k, 'Ms-f') || (alsoMasc && v.has(k, 'masc')));
  const info = v.ctx.morphology.formInfo(v.str(k));
  if (!info.known) return true;
  let named = false;
  for (const t of info.tags) if (t.Name === true || t.Surn === true || t.Patr === true) { named = true; break; }
  for (const t of info.tags) {
    if (named && t.Name !== true && t.Surn !== true && t.Patr !== true) continue;
    if (plural ? t.plur === true : t.sing === true && (t[gender] === true || t['Ms-f'] === true || (alsoMasc && t.masc === true))) return true;
  }
  return !named;
}

/**
 * «сообщили «НГ» в Арбитражном центре», «пояснили «Известиям» в пресс-службе»: a quoted title right
 * after the verb (adverbs aside) is the newspaper addressed when a body follows in a locative phrase; the body
 * speaks. The body is a capitalised name or a speaking body («в своём телеграм-канале» is no body).
 * @example
 * // «Решение ожидается, сообщили «НГ» в Арбитражном центре»: np is «НГ» after the verb
 * bodyAfterAddressee(v, np, verb + 1, to); // the phrase «Арбитражном центре»
 */
export function bodyAfterAddressee(v: View, np: NP, from: number, to: number): NP | null {
  const open = np.s - 1;
  const quoted = open >= from && v.opensQuotation(open) && v.quoteOf[np.s] === v.quoteOf[open];
  // «сообщили ИТАР-ТАСС в правоохранительных органах», «сообщили телеканалу RT в британском МИД»:
  // a medium's name unquoted, after adverbs or a noun for the medium in the dative.
  if (!quoted && !mediumToken(v, np.s)) return null;
  // «сообщили вчера «НГ» в пресс-службе»: only adverbs between the verb and the title.
  for (let k = from; k < (quoted ? open : np.s); k++) if (v.pos(k) !== 'ADVB' && !(!quoted && v.pos(k) === 'NOUN' && v.has(k, 'datv') && !v.isCapital(k))) return null;
  let k = quoted ? v.tokAt(v.quotations[v.quoteOf[open]].close) + 1 : np.s;
  if (!quoted) while (k < to && (mediumToken(v, k) || (v.isWord(k) && v.isCapital(k) && k > np.s && !v.isPunct(k, ',')))) k++;
  if (k >= to || v.pos(k) !== 'PREP' || !/^(в|во|на)$/.test(v.lower(k))) return null;
  const body = ppObject(v, k, to);
  if (body === null) return null;
  for (let i = body.s; i < body.e; i++) if (v.isWord(i) && (v.isCapital(i) || speakingBodies().has(v.lemma(i)))) return body;
  return null;
}

/**
 * A body in a locative phrase right after a verb (adverbs aside): «рассказали в Минздраве России»,
 * «сообщили в пресс-службе». The body is a capitalised name or a speaking body; else null.
 */
function bodyRightAfter(v: View, from: number, to: number): NP | null {
  let k = from;
  while (k < to && v.pos(k) === 'ADVB') k++;
  if (k >= to || v.pos(k) !== 'PREP' || !/^(в|во|на)$/.test(v.lower(k))) return null;
  const body = ppObject(v, k, to);
  if (body === null) return null;
  for (let i = body.s; i < body.e; i++) if (v.isWord(i) && (v.isCapital(i) || speakingBodies().has(v.lemma(i)))) return body;
  return null;
}

/**
 * The end of a document noun's issuer in the genitive: «заявлении МИД России», «сообщении
 * ведомства»; the noun alone when none follows. Stops at punctuation, verbs and prepositions.
 */
function ownerEnd(v: View, k: number, to: number): number {
  let e = k + 1;
  while (e < to && e < k + 6 && v.isWord(e) && v.quoteOf[e] < 0) {
    const pos = v.pos(e);
    if (pos === 'VERB' || pos === 'PREP' || pos === 'CONJ' || pos === 'PRCL' || pos === 'ADVB' || pos === 'INFN' || pos === 'PRTS') break;
    if (!v.isCapital(e) && !v.has(e, 'gent')) break;
    e++;
  }
  return e;
}

/**
 * «— сказал член палаты представителей, а ныне кандидат в президенты Берни Сандерс»: when the
 * phrase after the verb has no name but the clause names someone later, the name is the speaker.
 */
function withLaterName(v: View, np: NP, to: number): NP {
  const named = (i: number) => v.has(i, 'Name') || v.has(i, 'Surn') || v.has(i, 'Patr');
  // «сказала она далее, с Михаилом Крутихиным»: a pronoun is a whole subject.
  if (np.e - np.s === 1 && subjectPronoun(v, np.s)) return np;
  for (let i = np.s; i < np.e; i++) if (v.isWord(i) && named(i)) return np;
  // A name the tagger found is one too when it heads the phrase («— сказала Науэрт»).
  if (taggedPersonAt(v, np.head, np.s)) return np;
  const later = laterName(v, np.e, to, named, false);
  if (later !== null) return later;
  // Then a foreign name the dictionary has no name reading for (`Берни Сандерс`), which the tagger
  // found written in the nominative (not `с Берни Сандерсом`).
  const { tagged } = personsTagged(v, np.e, to, true);
  return tagged.size === 0 ? np : laterName(v, np.e, to, (i) => tagged.has(i), true) ?? np;
}

/**
 * withLaterName's search from token `from`: the first name (its first word `personal`) in the
 * clause, else null. A name only the tagger vouches for (`tagged`) is its case's own: not in a
 * phrase opened by «с», nor right after a preposition but for a source's «со ссылкой на».
 */
function laterName(v: View, from: number, to: number, personal: (i: number) => boolean, tagged: boolean): NP | null {
  // Inside a phrase opened by «с» (up to the next clause mark): its instrumental names are its own.
  let withPhrase = false;
  let oblique: NP | null = null;
  for (let i = from; i < to; i++) {
    // «сказал министр, сославшись на Ивана Петрова»: a gerund opens a clause of its own.
    if (/^(котор|чей|чья|чьё|чьи)/.test(v.lower(i)) || v.pos(i) === 'VERB' || v.pos(i) === 'GRND') return null;
    // «отметил министр в программе «Воскресный вечер» с Владимиром Соловьёвым»: a name in the
    // instrumental after «с» is the one talked or met with, no subject (rule comitative-no-subject).
    if (comitative(v, i)) {
      while (i + 1 < to && v.isWord(i + 1) && v.isCapital(i + 1) && v.has(i + 1, 'ablt')) i++;
      withPhrase = true;
      continue;
    }
    if (v.isPunct(i, ',;:') || v.isDash(i)) {
      // (An oblique name's phrase ends there: «со ссылкой на … Джона Вулфстала, работавшего при администрации Барака Обамы».)
      if (oblique !== null) return oblique;
      withPhrase = false;
    }
    // «Института … имени А.В. Полетаева НИУ ВШЭ Олег Морозов»: the name after «имени», «им.» is the body's eponym.
    const eponym = eponymEnd(v, i, to);
    if (eponym > 0) { i = eponym - 1; continue; }
    if (!v.isWord(i) || !v.isCapital(i) || ACRONYM.test(v.str(i)) || v.pos(i) === 'PREP') continue;
    if (!personal(i)) continue;
    let e = i + 1;
    while (e < to && v.isWord(e) && v.isCapital(e)) e++;
    // «в беседе с главой МИД Сергеем Лавровым»: the name of a role after «с» is in the instrumental too.
    if (withPhrase && (tagged || v.has(i, 'ablt'))) { i = e - 1; continue; }
    // «рассказала корреспонденту «НГ» Дарье ГАРМОНЕНКО»: a name in the dative is the one addressed (rule dative-addressee).
    if (dativeName(v, i) && v.has(i, 'Name')) { i = e - 1; continue; }
    // «сообщил министр о Берни Сандерсе»: a name right after a preposition is its object.
    if (tagged && i > from && v.pos(i - 1) === 'PREP' && !(i > from + 1 && v.lower(i - 2) === 'ссылкой')) { i = e - 1; continue; }
    // «сотрудник Института Людвига фон Мизеса Марк Тортон»: a name in an oblique case is a body's
    // eponym or a role's possessor when a name follows (the entities stage's reading, or a word
    // that cannot be a nominative).
    if (oblique === null && (obliquePersonAt(v, i) || !v.canBeNominative(i))) { oblique = { s: i, e, head: i }; i = e - 1; continue; }
    return { s: i, e, head: i };
  }
  return oblique;
}

export function cueEnd(v: View, verb: number): number {
  const cue = verbCue(v, verb);
  return cue?.needObj ? speechNoun(v, verb) + 1 : verb + 1;
}

/**
 * The first token of the clause holding token i: after the last comma, colon, dash or quotation
 * mark. A quoted name («Голос.ua», «Мемориала») or a short aside in brackets is part of the
 * clause, not its edge: «Политолог Алексей Якубин в комментарии изданию «Голос.ua» сказал» keeps
 * its subject.
 */
export function clauseStart(v: View, i: number, s: number): number {
  for (let k = i - 1; k >= s; k--) {
    const qi = v.quoteOf[k];
    if (qi >= 0 && v.isPunct(k, '»"“”') && v.tokAt(v.quotations[qi].close) === k && shortQuotation(v, qi)) {
      const open = v.tokAt(v.quotations[qi].open);
      if (open > s) { k = open; continue; }
      return s;
    }
    // «Константин Затулин («Единая Россия») пояснил»: a short aside in brackets is part of the clause
    // too; one with commas is a clause of its own («(отравленного, как известно, полонием) Марина»).
    if (v.isPunct(k, ')')) {
      let open = k - 1;
      while (open > s && open > k - 8 && !v.isPunct(open, '(),;:')) open--;
      if (open > s && v.isPunct(open, '(')) { k = open; continue; }
    }
    if (v.isPunct(k, ',:;«»"()') || v.isDash(k)) return k + 1;
  }
  return s;
}

/** Content [s, e) as segments; when it is exactly one quotation, the quote is direct. */
export function content(v: View, s: number, e: number): { kind: 'direct' | 'indirect'; segments: Span[] } | null {
  while (s < e && (v.isPunct(s, ',:;') || v.isDash(s) || v.isTag(s))) s++;
  while (e > s && (v.isPunct(e - 1, FINAL_OR_CLAUSE) || v.isTag(e - 1))) e--;
  if (words(v, s, e) < 2) return null;
  const qi = v.quoteOf[s];
  if (qi >= 0 && v.isPunct(s, '«"„“') && v.quoteOf[e - 1] === qi && v.tokAt(v.quotations[qi].close) === e - 1) {
    return { kind: 'direct', segments: [...v.quotations[qi].parts] };
  }
  const sp = span(v, s, e);
  return sp ? { kind: 'indirect', segments: [sp] } : null;
}

/** Where the clause a cue governs ends: the sentence end, or a coordinated or trailing attribution («…, и отметил, что», «…, передаёт Bild»). */
export function contentEnd(v: View, from: number, e: number): number {
  for (let k = from; k < e; k++) {
    if (!v.isPunct(k, ',')) continue;
    let j = k + 1;
    if (j < e && (v.isDash(j) || /^(и|а)$/.test(v.lower(j)))) j++;
    if (j < e && /^также$/.test(v.lower(j))) j++;
    // A cue after a bare comma ends the content only as a trailing attribution («…, передаёт
    // Bild.»); after «и», «а также» or a dash it starts a new quote («…, и отметил, что…»).
    const joined = j > k + 1;
    if (j < e && v.quoteOf[j] < 0 && verbCue(v, j) !== undefined && (joined || trailing(v, j + 1, e))) return k;
    if (j + 1 < e && v.lower(j) === 'как' && verbCue(v, j + 1) !== undefined) return k;
  }
  return e;
}

/** Reported content is a clause: it has a predicate («…должна быть…», «нет», «можно») or a copula dash or «это». */
export function clauseLike(v: View, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const pos = v.pos(k);
    if (pos === 'VERB' || pos === 'PRTS' || pos === 'ADJS' || pos === 'PRED' || pos === 'INFN' || v.isDash(k) || v.lower(k) === 'это' || v.lower(k) === 'нет') return true;
  }
  return false;
}

/** The rest of a sentence is a short attribution: a few words, no further clause. */
export function trailing(v: View, from: number, e: number): boolean {
  if (e - from > 10) return false;
  for (let k = from; k < e; k++) if (v.isPunct(k, ',:;') || v.pos(k) === 'VERB') return false;
  return true;
}

/**
 * The tokens of the person names the tagger found within tokens [s, e) (`tagged`; with
 * `nominative`, only names written in the nominative), and the first token of each (`starts`).
 * The mentions are sorted by start: a binary search finds the first, so a long document's many
 * quotes cost no walk over all its mentions each.
 */
export function personsTagged(v: View, s: number, e: number, nominative = false): { tagged: Set<number>; starts: Set<number> } {
  const ms = v.doc.mentions;
  const tagged = new Set<number>(), starts = new Set<number>();
  // s may be the end of the text (a phrase that ends it): no token, no mention from there.
  if (s >= v.n) return { tagged, starts };
  for (let k = firstStartingFrom(ms, v.doc.tokens[s].start); k < ms.length && ms[k].tokStart < e; k++) {
    const m = ms[k];
    if (m.type !== 'PER' || m.kind !== 'name' || m.tokEnd > e) continue;
    // A mention written as its own nominative is one (or a name that does not decline).
    if (nominative && !writtenNominative(m)) continue;
    starts.add(m.tokStart);
    for (let t = m.tokStart; t < m.tokEnd; t++) tagged.add(t);
  }
  return { tagged, starts };
}

/** Token i lies in a person name the tagger found that starts at token `from` or later. */
function taggedPersonAt(v: View, i: number, from: number): boolean {
  const ms = v.doc.mentions;
  for (let k = firstStartingFrom(ms, v.doc.tokens[from].start); k < ms.length && ms[k].tokStart <= i; k++) {
    const m = ms[k];
    if (m.type === 'PER' && m.kind === 'name' && m.tokEnd > i) return true;
  }
  return false;
}

/**
 * «Директор московской школы №548 Ефим Рачевский отмечает»: the subject phrase found before the
 * verb ends at a number, a preposition or a second role noun, so the name the role introduces lies
 * between it and the verb. When the phrase holds no personal name, the last run of name words
 * before the verb that reads as one person in the nominative is the speaker: the last, because a
 * name in the role's own tail is a genitive or an object («Политолог из университета Гумбольдта
 * Александр Бух»), and one right after a preposition is its object («в беседе с Джоном Керри»).
 * A plural verb has no one person for its subject. The search ends at a relative pronoun, a
 * conjunction other than «и» («Нападающий и капитан «Интера» Мауро Икарди») or another verb
 * («Александр Кибалко поспешил успокоить болельщиков и заявил»), or at `end` when the subject
 * stands before a parenthetical.
 */
function nameBeforeVerb(v: View, np: NP, verb: number, end = verb): NP {
  if (v.has(verb, 'plur')) return np;
  // Person mentions the tagger found here: their words are names, and each starts a name of its own.
  const { tagged, starts } = personsTagged(v, np.s, end);
  const personal = (i: number): boolean => v.has(i, 'Name') || v.has(i, 'Surn') || v.has(i, 'Patr') || tagged.has(i);
  // `М.Г. Дестрем`: a capital letter and its full stop are an initial, part of a name (the
  // dictionary reads `А`, `И` as conjunctions and `В`, `С` as prepositions).
  const initial = (i: number): boolean => v.isWord(i) && INITIAL.test(v.str(i)) && i + 1 < end && v.isPunct(i + 1, '.');
  const initialDot = (i: number): boolean => v.isPunct(i, '.') && i > 0 && initial(i - 1);
  // The phrase may have taken a name's first initials (`директор компании М. Иванов`): they start the search.
  let from = np.e;
  while (from - 2 >= np.s && initialDot(from - 1)) from -= 2;
  if (from === np.e && from - 1 > np.s && initial(from - 1)) from--;
  for (let i = np.s; i < from; i++) if (v.isWord(i) && personal(i)) return np;
  let found: NP | null = null;
  let prep = -10;
  for (let i = from; i < end; i++) {
    // A quoted name in the role's tail («Депутат от «Свободы» Андрей Ильенко») is passed over.
    if (v.opensQuotation(i) && shortQuotation(v, v.quoteOf[i])) { i = v.tokAt(v.quotations[v.quoteOf[i]].close); continue; }
    // («Чак Шумер, поддерживавший Хиллари Клинтон, заявил», «Тарас Березовец, анализируя шансы
    // проекта Саакашвили, указывает»: a gerund or a participle after a comma opens a phrase of its own.)
    // (Lower-case: the dictionary reads `Даля` of `имени В.И. Даля` as a gerund.)
    if (!v.isCapital(i) && (v.pos(i) === 'GRND' || (v.pos(i) === 'PRTF' && v.isPunct(i - 1, ',')))) break;
    // («консул Голуб (потом Катя свела его с подругой) был строг»: an aside in brackets is passed
    // over, unless it holds a name only, a monk's surname after his name: «митрополит Иларион (Алфеев)».)
    if (v.isPunct(i, '(') && !nameAside(v, i, end)) { while (i + 1 < end && !v.isPunct(i, ')')) i++; continue; }
    if (!initial(i) && ((v.isPunct(i, '.!?«»"') && !initialDot(i)) || RELATIVE.test(v.lower(i)) || v.pos(i) === 'VERB' || (v.pos(i) === 'CONJ' && v.lower(i) !== 'и'))) break;
    if (!initial(i) && v.pos(i) === 'PREP') { prep = i; continue; }
    if (!v.isWord(i) || !v.isCapital(i) || ACRONYM.test(v.str(i)) || !(personal(i) || INITIAL.test(v.str(i)))) continue;
    let e = i + 1;
    while (e < end && ((v.isWord(e) && v.isCapital(e) && (personal(e) || INITIAL.test(v.str(e))) && !starts.has(e)) || initialDot(e))) e++;
    while (e > i + 1 && !v.isWord(e - 1)) e--;
    // The first word of a name carries its case (`Владимир Джабаров`: the surname alone reads as a
    // plural genitive). One right after a preposition is its object («в беседе с Нетаньяху»), and a
    // word the dictionary cannot read after a noun in an oblique case is that noun's («в ответ на
    // слова Помпео», «с премьером Нетаньяху»).
    let named = false; // initials alone (`компании М. заявил`) name no one
    for (let k = i; k < e && !named; k++) named = v.isWord(k) && !INITIAL.test(v.str(k));
    if (named && i - prep > 1 && oneInNominative(v, i) && (INITIAL.test(v.str(i)) || !obliquePersonAt(v, i)) && !(governedBefore(v, i) && !knownNominative(v, i))) found = { s: i, e, head: i };
    i = e - 1;
  }
  return found ?? np;
}

/** The brackets opening at i hold capitalised words only, none an acronym: `(Алфеев)`, not `(РАКИБ)`. */
function nameAside(v: View, i: number, end: number): boolean {
  let words = 0;
  for (let k = i + 1; k < end && !v.isPunct(k, ')'); k++) {
    if (!v.isWord(k)) continue;
    if (!v.isCapital(k) || ACRONYM.test(v.str(k))) return false;
    words++;
  }
  return words > 0;
}

/** A lower-case noun in an oblique case right before word i: what governs a name after it. */
function governedBefore(v: View, i: number): boolean {
  const b = i - 1;
  return b >= 0 && v.isWord(b) && !v.isCapital(b) && v.pos(b) === 'NOUN' && !v.has(b, 'nomn');
}

/** Whether the dictionary knows word i in the singular nominative (`Светлана`, not `Нетаньяху`, which it does not know). */
function knownNominative(v: View, i: number): boolean {
  const info = v.ctx.morphology.formInfo(v.str(i));
  return info.known && singularNominative(info.tags);
}


const RELATIVE = /^(котор|чей|чь)/;
const ACRONYM = /^\p{Lu}{2,}$/u;

/**
 * Whether a word may be one person's name in the nominative: a word the dictionary knows needs a
 * singular nominative reading (`Обамы` is a plural one, `Трампа` none); az's guesses for a word it
 * does not know say little about a foreign name (`Джабаров`, `Рико`), so any such word may be.
 */
function oneInNominative(v: View, i: number): boolean {
  const m = v.doc.morph[i];
  if (m === undefined || m.pos === undefined || m.pos === 'LATN' || m.pos === 'UNKN') return true;
  if (m.tags.includes('nomn') && !m.tags.includes('plur')) return true;
  const info = v.ctx.morphology.formInfo(v.str(i));
  return !info.known || singularNominative(info.tags);
}
