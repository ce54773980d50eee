import type { View } from './view.js';
import type { MentionSpan, MorphTok } from '../doc.js';
import { roleLexicon, wordList } from './lexicon.js';
import { mediumWord } from '../entities/media.js';
import { nameParticles } from '../entities/nameParticles.js';
import type { FormInfo } from '../morph/form-info.js';
import { firstStartingFrom } from '../spans.js';
import { foldYo } from '../letters.js';
import { abbreviations } from '../segment/abbreviations.js';

/** A noun phrase as a token range [s, e) with its head token. */
export interface NP { s: number; e: number; head: number }

/**
 * The reading of a speaker's head word as a person of roles.tsv, where the context chose another:
 * whoever speaks is a person or a body, so «Аналитики полагают» is «аналитик» (not «аналитика»),
 * «по мнению политика» «политик», «по словам британского премьера» «премьер», «слова
 * нападающего» the noun (not the participle of «нападать»). Undefined where the context's lemma is
 * in roles.tsv already or no animate noun reading is.
 */
export function personReading(v: View, i: number): MorphTok | undefined {
  const roles = roleLexicon();
  if (!v.isWord(i) || roles.has(v.lemma(i))) return undefined;
  for (const c of v.ctx.morphology.candidates(v.str(i))) {
    if (c.pos !== 'NOUN') continue;
    const t = c.tok;
    if (roles.get(t.lemma) === 'PER' && t.tags.includes('anim')) return t;
  }
  return undefined;
}

/**
 * The phrase opens with «один из», «одного из» … before its head: one member of the group the head
 * names («Один из депутатов заявил», «по словам одного из создателей фильма Хассе Свенса»).
 */
export function oneOfGroup(v: View, np: NP, head: number): boolean {
  return /^(один|одна|одного|одной)$/.test(v.lower(np.s)) && np.s + 1 < head && v.lower(np.s + 1) === 'из';
}

/** Some az reading of word i, whatever the context chose, has grammeme g. */
function someReading(v: View, i: number, g: 'gent' | 'anim'): boolean {
  for (const t of v.ctx.morphology.tags(v.str(i))) if (t[g] === true) return true;
  return false;
}

/**
 * Word i is in the genitive here or in some other reading.
 * @example
 * canBeGenitive(v, i); // true for «посла», false for «посол»
 */
export function canBeGenitive(v: View, i: number): boolean {
  return v.has(i, 'gent') || someReading(v, i, 'gent');
}

/**
 * The first noun of a phrase (its grammatical head), else the given head. A noun in quotation
 * marks the phrase does not open is a name inside it («опрошенных «НГ» экспертов»): the head is a
 * noun after it, when there is one.
 */
export function nounHead(v: View, np: NP): number {
  let quoted = -1;
  for (let i = np.s; i < np.e; i++) {
    if (!v.isWord(i)) continue;
    if (v.pos(i) === 'NOUN' && v.quoteOf[i] >= 0 && v.quoteOf[i] !== v.quoteOf[np.s]) { if (quoted < 0) quoted = i; continue; }
    // «нападающий ЦСКА»: a participle the context chose over a role noun heads the phrase as that noun.
    if (v.pos(i) === 'NOUN' || personReading(v, i) !== undefined) return quantified(v, i, np.e);
    // «Его политические противники»: a possessive before its noun is not the head.
    if (PERSONAL.has(v.lower(i)) && !(POSSESSIVE.has(v.lower(i)) && i + 1 < np.e && v.isWord(i + 1))) return i;
  }
  return quoted >= 0 ? quoted : np.head;
}

/**
 * The people a quantity noun at i counts, when their plural genitive follows it past its adjectives
 * («Ряд аналитиков», «большинство западных экспертов»: the phrase's head is «аналитиков»); else i
 * (a medium's plural stays counted: «Ряд телеканалов» names no channel).
 */
function quantified(v: View, i: number, e: number): number {
  if (!quantityNouns().has(v.lemma(i))) return i;
  let k = i + 1;
  while (k < e && modifier(v, k)) k++;
  return k < e && v.pos(k) === 'NOUN' && v.has(k, 'plur') && canBeGenitive(v, k) && animateNoun(v, k) ? k : i;
}

const POSSESSIVE = new Set(['его', 'её', 'ее', 'их']);
const PERSONAL = new Set(['он', 'она', 'они', 'его', 'её', 'ее', 'их', 'него', 'неё', 'них', 'нему', 'ней', 'им']);
/** The personal pronouns that may be a speaker phrase on their own, in the nominative. */
const SUBJECT_PRONOUN = /^(он|она|они)$/;

/**
 * Token i is a personal pronoun in the nominative, a whole subject phrase by itself (a name later
 * in the clause is another's: «заявил он, комментируя обещания Трампа»).
 * @example
 * subjectPronoun(v, i); // true for «он», «они»; false for «его», «оно»
 */
export function subjectPronoun(v: View, i: number): boolean {
  return SUBJECT_PRONOUN.test(v.lower(i));
}

/**
 * Token i is «с» or «со», the preposition of the one talked or met with: a name in the
 * instrumental after it is no subject (rule comitative-no-subject).
 * @example
 * comitative(v, i); // true for «с» in «в разговоре с Асадом»
 */
export function comitative(v: View, i: number): boolean {
  const w = v.lower(i);
  return w === 'с' || w === 'со';
}

/**
 * The gender a singular word carries in the context, for agreement: 'femn', 'neut', else 'masc'
 * (a verb in the present has none and reads as 'masc': agreement asks its number first).
 * @example
 * singularGender(v, i); // 'femn' for «которая», «заявила»
 */
export function singularGender(v: View, i: number): 'femn' | 'neut' | 'masc' {
  return v.has(i, 'femn') ? 'femn' : v.has(i, 'neut') ? 'neut' : 'masc';
}

/**
 * Token i is the relative pronoun «который» in any form: it opens its clause (no modifier of the
 * noun after it) and is never a speaker itself (rule relative-speaker).
 * @example
 * relative(v, i); // true for «которые» in «Эксперты, которые сказали»
 */
export function relative(v: View, i: number): boolean {
  return v.isWord(i) && v.lemma(i) === 'который';
}
// Word lists are read on first use, not on import: a missing file is then the first analysis's DataFileError.
export const speakingBodies = (): Set<string> => wordList('speaking-body');
const nonHeadWords = (): Set<string> => wordList('non-head');
const quantityNouns = (): Set<string> => wordList('quantity-noun');

/**
 * Token i names a news medium the text's sources talk to: an agency or paper of the media list
 * («RT», «РИА Новости», «ТАСС»). Beside a speech verb it is as often the one addressed
 * («Об этом RT рассказал X», «сообщили RT в Минтруде») as the source.
 * @example
 * mediumToken(v, i); // true for «RT», «ТАСС», «ИТАР-ТАСС»; false for «МИД»
 */
export function mediumToken(v: View, i: number): boolean {
  return v.isWord(i) && knownMedium(v.str(i));
}

/**
 * Token i is part of a medium's name: a medium token, or «Новости» after «РИА» (the entities stage
 * may join it to the name after it: «цитирует РИА Новости Лаврова»).
 * @example
 * mediumPart(v, i); // true for both words of «РИА Новости»
 */
export function mediumPart(v: View, i: number): boolean {
  return mediumToken(v, i) || (i > 0 && v.lower(i) === 'новости' && mediumToken(v, i - 1));
}

/**
 * A word that names a news medium: by the media list the entities stage shares (entities/media.tsv:
 * news agencies and media relay statements, they are not the body a later «ведомство» means):
 * `РИА`, `Ведомостей`, `НГ-политика`.
 * @example
 * knownMedium('Интерфаксу'); // true
 * knownMedium('МИД'); // false
 */
export function knownMedium(w: string): boolean {
  return mediumWord().test(w);
}

/** True for a personal pronoun that can stand for a speaker (он, его, их…). */
export function isPersonalPronoun(v: View, i: number): boolean {
  return PERSONAL.has(v.lower(i));
}

function nounish(v: View, i: number): boolean {
  if (!v.isWord(i)) return false;
  const low = v.lower(i);
  if (nonHeadWords().has(low)) return false;
  if (PERSONAL.has(low)) return true;
  const pos = v.pos(i);
  if (pos === 'NOUN' || pos === 'LATN' || pos === 'UNKN' || pos === undefined) return true;
  // az has no parse for many foreign names; capitalised words in mid-sentence are names more often than not.
  if ((pos === 'ADJF' || pos === 'PRTF') && !v.has(i, 'Name') && !v.has(i, 'Surn')) return false;
  return v.isCapital(i) && pos !== 'PREP' && pos !== 'CONJ' && pos !== 'PRCL' && pos !== 'NPRO';
}

function modifier(v: View, i: number): boolean {
  const pos = v.pos(i);
  return v.isWord(i) && (pos === 'ADJF' || pos === 'PRTF' || pos === 'NUMR' || pos === 'ANUM');
}

/** Skips a prepositional phrase starting at i (a preposition); returns the index after it. */
function skipPP(v: View, i: number, to: number): number {
  let k = i + 1;
  while (k < to && (modifier(v, k) || v.pos(k) === 'PRCL' || v.isPunct(k, '«"„'))) k++;
  // «При этом он отметил»: a pronoun object ends the phrase.
  if (k < to && v.pos(k) === 'NPRO' && !/^(он|она|оно|они)$/.test(v.lower(k))) return k + 1;
  const body = k < to && v.pos(k) === 'NOUN' && speakingBodies().has(v.lemma(k));
  if (k < to && (nounish(v, k) || v.quoteOf[k] >= 0)) k = skipQuoted(v, k, to) ?? k + 1;
  // genitive complements: «в пресс-службе ведомства», «с главой МИД России»; a name or an animate
  // noun right after a noun of time is the subject, not its genitive («В феврале NASA объявило», «в
  // декабре прошлого года Минобороны сообщило», «В воскресенье стражи порядка заявили»; not «во
  // время пребывания»). After a body, an undeclined name reads as its genitive too, though it may
  // be a nominative («в посольстве США», «в министерстве обороны РФ»; «В ответ МИД заявил» keeps
  // its subject: «ответ» is no body).
  while (k < to && v.isWord(k) && (v.pos(k) === 'NOUN' || modifier(v, k) || (v.isCapital(k) && v.pos(k) !== 'PREP')) && (!v.has(k, 'nomn') || (body && undeclinedName(v, k))) && !(timeNoun(v, k - 1) && (v.isCapital(k) || animateNoun(v, k)) && v.canBeNominative(k))) k++;
  return k;
}

/** A capitalised word that does not decline («США», «МВД», «КНР»): its case is the context's. */
export function undeclinedName(v: View, i: number): boolean {
  return v.isCapital(i) && v.has(i, 'Fixd');
}

/**
 * A noun with an animate reading («стражи» of «страж», though the context may read «стража»).
 * @example
 * animateNoun(v, i); // true for «посла», «стражи»; false for «угрозы»
 */
export function animateNoun(v: View, i: number): boolean {
  return v.pos(i) === 'NOUN' && someReading(v, i, 'anim');
}

/** When i opens a short quoted name («Мир бокса»), the index after its closing mark. */
function skipQuoted(v: View, i: number, to: number): number | undefined {
  if (!v.isPunct(i, '«"„“')) return undefined;
  for (let k = i + 1; k < to && k < i + 8; k++) if (v.isPunct(k, '»"“”')) return k + 1;
  return undefined;
}

/**
 * An adjective or participle standing for a noun («Учёные полагают», «пострадавший сообщил»), or
 * «один из …».
 */
function substantive(v: View, i: number, to: number): boolean {
  if (/^(один|одна|одно|одни)$/.test(v.lower(i)) && i + 1 < to && v.lower(i + 1) === 'из') return true;
  // («мало кто» heads nothing; a relative pronoun stands for the phrase before it, rule relative-speaker.)
  if (!modifier(v, i) || !v.canBeNominative(i) || (nonHeadWords().has(v.lower(i)) && !relative(v, i))) return false;
  // «Опрошенные «НГ» эксперты»: the noun after a quoted name is the participle's.
  let next = skipQuoted(v, i + 1, to) ?? i + 1;
  // «та же Nikkei пишет»: the particle stands between the demonstrative and its noun.
  if (next < to && v.lower(next) === 'же') next++;
  return next >= to || !(v.isWord(next) && (nounish(v, next) || modifier(v, next)));
}

/**
 * `Д.Баттон`, `М.Г. Дестрем`: initials (one capital letter and a full stop each) and the
 * capitalised word after them, starting at i; the index after the surname, else -1. The dictionary
 * reads `В`, `С` as prepositions and `Д` as an abbreviation.
 * @example
 * // tokens: сказал Д . Баттон .
 * initialsEnd(v, 1, 5); // 4: Д. Баттон
 */
export function initialsEnd(v: View, i: number, to: number): number {
  let k = i;
  while (k + 2 < to + 1 && v.isWord(k) && initial(v, k) && v.isPunct(k + 1, '.')) k += 2;
  if (k === i || k >= to || !v.isWord(k) || !v.isCapital(k) || INITIAL.test(v.str(k))) return -1;
  return k + 1;
}

/**
 * «имени А.В. Полетаева», «им. Плеханова» at i: a body's eponym, no speaker. The index after its
 * initials and one capitalised word («им. А.С. Пучкова Николай Плавунов»: the name after it is
 * another's), else -1.
 * @example
 * // tokens: институт имени А . В . Полетаева
 * eponymEnd(v, 1, 8); // 7
 */
export function eponymEnd(v: View, i: number, to: number): number {
  const low = v.lower(i);
  let k = low === 'имени' ? i + 1 : low === 'им' && i + 1 < to && v.isPunct(i + 1, '.') ? i + 2 : -1;
  if (k < 0) return -1;
  while (k + 1 < to && v.isWord(k) && INITIAL.test(v.str(k)) && v.isPunct(k + 1, '.')) k += 2;
  return k < to && v.isWord(k) && v.isCapital(k) ? k + 1 : k;
}

/** One capital letter: an initial when a full stop follows (`Д.`, `М.Г.`). */
export const INITIAL = /^\p{Lu}$/u;

/** Word i is an initial: one capital letter or a short first name of abbreviations.tsv (`Дж`, `Вс`). */
function initial(v: View, i: number): boolean {
  const w = v.str(i);
  return INITIAL.test(w) || (w.length <= 3 && v.isCapital(i) && abbreviations().initial.has(v.lower(i)));
}

/**
 * Word i is an abbreviation that comes before what it names (abbreviations.tsv's head class:
 * `св.`, `г.`, `им.`), with its full stop after it, a word after that, and the segmenter read the
 * stop as no sentence end (`в 2019 г. Иван Петров` is two): the phrase goes on past the stop
 * (`студент Университета св. Иоанна Кевин Прадо`, `житель г. Москвы Иван Петров`).
 */
export function abbreviationInside(v: View, i: number, to: number): boolean {
  return i + 2 < to && v.isWord(i) && !v.isCapital(i) && v.isPunct(i + 1, '.') && v.isWord(i + 2) && v.sentence(i)[1] > i + 2
    && abbreviations().head.has(v.lower(i));
}

/** A bare domain with a capital (`Jury.Online`, `Booking.com`), not an address with a path. */
export function brandDomain(v: View, i: number): boolean {
  const t = v.doc.tokens[i];
  return t.kind === 'url' && !t.text.includes('/') && /\p{Lu}/u.test(t.text);
}

/** The grammemes of gender. */
export const GENDERS = ['masc', 'femn', 'neut'] as const;

/**
 * A word before the head that the dictionary also reads as an adverb or a comparative, in another
 * gender than the head's (as the context reads both): no modifier of it («Позднее польская
 * пограничная служба сообщила»: «Позднее» is «later»). Only such words: the context's genders of
 * adjectives are unsure where masculine and neuter forms agree («российском оборонном ведомстве»).
 */
function disagrees(v: View, k: number, head: number): boolean {
  if (!v.has(k, 'sing') || !v.has(head, 'sing')) return false;
  if (!v.ctx.morphology.tags(v.str(k)).some((t) => t.COMP === true || t.ADVB === true)) return false;
  const g = GENDERS.find((x) => v.has(k, x));
  const h = GENDERS.find((x) => v.has(head, x));
  return g !== undefined && h !== undefined && g !== h && !v.has(head, 'Ms-f');
}

/** Extends a head to its whole noun phrase within [from, to). */
function expand(v: View, head: number, from: number, to: number): NP {
  const named = initialsEnd(v, head, to);
  // A capitalised word after `Н. Бакулева` makes it an eponym in a longer name («ННПЦ им. А.Н.
  // Бакулева Алексей Купряшов»): the phrase is read as before.
  if (named > 0 && !(named < to && v.isWord(named) && v.isCapital(named))) return { s: head, e: named, head: named - 1 };
  let s = head;
  // «в котором эксперт утверждал»: a relative pronoun before the head opens its clause, no modifier of it.
  while (s - 1 >= from && modifier(v, s - 1) && !relative(v, s - 1) && !disagrees(v, s - 1, head)) s--;
  let e = head + 1;
  // «заявил он «НГ»»: a pronoun is the whole phrase; a quoted name after it is the addressee.
  if (PERSONAL.has(v.lower(head))) return { s, e, head };
  if (e + 1 < to && v.lower(e) === 'из' && /^(один|одна|одно|одни|кто-то|некоторые|многие|часть)$/.test(v.lower(head))) e++;
  while (e < to) {
    if (abbreviationInside(v, e, to)) { e += 2; continue; }
    if (v.isWord(e)) {
      // «экономист Института Карла фон Мизеса Марк Тортон»: a particle between a name's words is the name's.
      if (nameParticleAt(v, e, to)) { e++; continue; }
      const pos = v.pos(e);
      if (pos === 'NOUN' || pos === 'ADJF' || pos === 'PRTF' || pos === 'LATN' || pos === 'UNKN' || pos === undefined || v.isCapital(e)) {
        if (pos === 'PREP' || pos === 'CONJ' || pos === 'VERB') break;
        // Lower-case words join only as genitive complements («глава городской полиции»), so
        // «обвинитель прошение защитников назвал» stops before the object.
        if (!v.isCapital(e) && (pos === 'NOUN' || pos === 'ADJF' || pos === 'PRTF') && !canBeGenitive(v, e)) break;
        e++;
        continue;
      }
      break;
    }
    // «основатель Jury.Online Александр Шевцов»: a company written as its domain is a name in the phrase.
    if (brandDomain(v, e)) { e++; continue; }
    const q = skipQuoted(v, e, to);
    if (q !== undefined) { e = q; continue; }
    break;
  }
  return { s, e, head };
}

/** Token e is a lower-case name particle (`фон`, `ван`, `де`) between two capitalised words, before `to`. */
function nameParticleAt(v: View, e: number, to: number): boolean {
  return e > 0 && e + 1 < to && !v.isCapital(e) && v.isCapital(e - 1) && v.isWord(e + 1) && v.isCapital(e + 1) && nameParticles().has(v.lower(e));
}

/**
 * The subject of a speech verb: the first nominative noun phrase in [from, to) outside
 * prepositional phrases. Postverbal search (after = true) passes over dative objects and media
 * names in Latin letters («пояснил RT Волин») when a Cyrillic candidate follows.
 * @example
 * // «Глава МИД России Сергей Лавров заявил» → NP over «Глава … Лавров»
 */
export function findSubject(v: View, from: number, to: number, after = false): NP | null {
  let fallback: NP | null = null;
  let quoted: NP | null = null;
  let weakest: NP | null = null;
  let addressee: NP | null = null;
  for (let i = from; i < to; i++) {
    if (!v.isWord(i)) {
      const q = skipQuoted(v, i, to);
      if (q !== undefined) {
        // «Как пишет «Коммерсантъ», …»: a quoted title is the source when nothing else is; before
        // the verb only one that opens the clause («Интерфакс» пишет) and may be a nominative
        // («Книгой года» назвали is no source), not a term inside the clause («Напрасно тех же
        // «профсоюзных деятелей» убеждают»), nor a short cry («Слабо?» спросил).
        if (quoted === null && q - i > 2 && (after ? i === from || v.pos(i - 1) !== 'PREP' : i === from && !knownNonNominative(v, i + 1) && !finalInside(v, i + 1, q - 1))) quoted = { s: i + 1, e: q - 1, head: i + 1 };
        i = q - 1;
      }
      continue;
    }
    // «…», предполагает, что В.Путин продолжит»: a subject after the verb comes before its clause, not in it.
    if (after && /^(что|чтобы|будто)$/.test(v.lower(i))) break;
    const eponym = eponymEnd(v, i, to);
    if (eponym > 0) { i = eponym - 1; continue; }
    if (v.pos(i) === 'PREP' && initialsEnd(v, i, to) < 0) { i = skipPP(v, i, to) - 1; continue; }
    // A person the entities stage found, written as its own nominative, is a subject whatever
    // the dictionary reads («Туск рассказал»: az knows `туск` as a verb; `Асафов` as a genitive plural).
    const person = namedPersonAt(v, i);
    if (!person && !nounish(v, i) && !substantive(v, i, to)) continue;
    // «Два года назад он заявил», «В марте 2017 года власти заявили» (rule time-no-subject); the
    // numeral or adjective before the noun of time (capitalised at the sentence start: «Два») with it.
    let t = i;
    while (t + 1 < to && modifier(v, t)) t++;
    if (timeNoun(v, t)) {
      i = t;
      // «Год спустя он заявил»: «спустя» after its noun is a postposition, not a preposition of what follows.
      if (i + 1 < to && v.lower(i + 1) === 'спустя') i++;
      continue;
    }
    const pron = PERSONAL.has(v.lower(i));
    if (pron ? !subjectPronoun(v, i) : !v.canBeNominative(i) && !person) continue;
    // «— сказал Путину Трамп», «писал Алексею Максимовичу … Ромен Роллан»: a name in the dative after
    // the verb is the one addressed; the subject follows it (rule dative-addressee). With none
    // there is no subject when the word is surely a dative («заявил Путину» in a text that names
    // Путин); else it may be an undeclined surname the dictionary reads as one («добавил Басу»).
    if (after && dativeName(v, i)) {
      let e = i + 1;
      // (The surname after a first name too, when the dictionary cannot read it: «Дарье ГАРМОНЕНКО»;
      // after a surname the word is the subject: «сказал Лаврову Помпео».)
      const first = v.has(i, 'Name');
      while (e < to && v.isWord(e) && v.isCapital(e) && (v.has(e, 'datv') || (first && !v.ctx.morphology.formInfo(v.str(e)).known))) e++;
      // (Only the first addressee is kept: a later one needs no walk over the mentions.)
      if (addressee === null && !surelyDative(v, i)) addressee = { s: i, e, head: i };
      i = e - 1;
      continue;
    }
    // «Немецкая полиция»: an adjective before the head belongs to the phrase (expand picks it up).
    const np = expand(v, i, from, to);
    // «— отметил в беседе с RT Засурский»: the medium talked to is no part of the name after it.
    // («РИА Новости» is one name: a capitalised common noun as head keeps what stands before it.)
    const p = v.pos(i);
    if (!v.isCapital(i) || p === undefined || p === 'UNKN' || v.has(i, 'Name') || v.has(i, 'Surn') || v.has(i, 'Patr')) {
      while (np.s < i && (mediumToken(v, np.s) || v.pos(np.s) === 'LATN')) np.s++;
    }
    // «В этот день президент заявил»: a lower-case inanimate noun outside the role lexicon is a
    // weak subject; a later person, body or name wins over it.
    if (weak(v, i)) { weakest ??= np; continue; }
    if (after && (v.pos(i) === 'LATN' || /^\p{Lu}{2,}$/u.test(v.str(i)))) {
      fallback ??= np;
      continue;
    }
    return np;
  }
  return addressee ?? fallback ?? weakest ?? quoted;
}

/** The person's name mention of the entities stage that starts at token i, if any. */
function personNameAt(v: View, i: number): MentionSpan | undefined {
  const ms = v.doc.mentions;
  const start = v.doc.tokens[i].start;
  for (let k = firstStartingFrom(ms, start); k < ms.length && ms[k].start === start; k++) {
    const m = ms[k];
    if (m.type === 'PER' && m.kind === 'name') return m;
  }
  return undefined;
}

/**
 * A mention written as its own normal form, letter case and ё aside: a name in its nominative
 * (`Туск`, `Иван РЕБРИК`; not `Туска`).
 * @example
 * writtenNominative({ text: 'Ивана Петрова', normal: 'Иван Петров' }); // false
 */
export function writtenNominative(m: { readonly text: string; readonly normal: string }): boolean {
  return foldYo(m.text.toLowerCase()) === foldYo(m.normal.toLowerCase());
}

/** Token i starts a person's name mention of the entities stage written in its nominative (writtenNominative). */
function namedPersonAt(v: View, i: number): boolean {
  const m = personNameAt(v, i);
  return m !== undefined && writtenNominative(m);
}

/**
 * Token i starts a person's name mention of the entities stage whose first word is not its
 * normal form's: the name is written in an oblique case (`Геннадия Василенко`, which az also reads
 * as a woman's name in the nominative).
 */
export function obliquePersonAt(v: View, i: number): boolean {
  const m = personNameAt(v, i);
  return m !== undefined && foldYo(m.normal.split(' ', 1)[0].toLowerCase()) !== foldYo(v.lower(i));
}

/**
 * A capitalised word the dictionary knows only in oblique cases, read here as a dative: after a
 * speech verb the one addressed, not the speaker (rule dative-addressee).
 * @example
 * dativeName(v, i); // true for «Путину», «Алексею»; false for «Путин» and for «Помпео», which az does not know
 */
export function dativeName(v: View, i: number): boolean {
  return v.isWord(i) && v.isCapital(i) && v.has(i, 'datv') && knownOblique(v, i);
}

/**
 * A dative name word that is no undeclined nominative: one whose entity the text also names in
 * another form («Путину» beside «Путин»), not one it always names so («Басу» beside «Нил Басу»,
 * «Риве» beside «Люк Риве»: az reads them as datives of «Бас», «Рива»); with no other mention, a
 * first name the dictionary knows («Алексею», «Жоржу»).
 */
function surelyDative(v: View, i: number): boolean {
  const ms = v.doc.mentions;
  const after = firstStartingFrom(ms, v.doc.tokens[i].start + 1);
  let entity = -1;
  // The mention holding word i starts at or before it: one of the last few that do (a role's
  // mention may hold the name's).
  for (let k = after - 1; k >= 0 && k >= after - 4; k--) if (ms[k].tokStart <= i && i < ms[k].tokEnd) { entity = ms[k].entity; break; }
  let same = 0;
  if (entity >= 0) {
    const w = v.lowerYo(i);
    const stem = w.slice(0, 3);
    for (const m of v.doc.entities[entity].mentions) {
      if (m.kind !== 'name') continue;
      const last = foldYo(m.text.slice(m.text.lastIndexOf(' ') + 1).toLowerCase());
      if (last === w) same++;
      // Another form of the same word («Путин» beside «Путину»): the word declines.
      else if (stem.length === 3 && last.startsWith(stem)) return true;
    }
  }
  return same < 2 && v.has(i, 'Name');
}

/** The dictionary knows word i and has no nominative reading of it, singular or plural («Книгой», «Волгой»). */
function knownNonNominative(v: View, i: number): boolean {
  const info = v.ctx.morphology.formInfo(v.str(i));
  if (!info.known) return false;
  for (const t of info.tags) if (t.nomn === true) return false;
  return true;
}

/** Whether some reading is a singular nominative. */
export function singularNominative(tags: FormInfo['tags']): boolean {
  for (const t of tags) if (t.nomn === true && t.plur !== true) return true;
  return false;
}

/**
 * The dictionary knows word i and has no singular nominative reading of it («Центра», «Обамы»):
 * a name in an oblique case.
 * @example
 * knownOblique(v, i); // true for «Центра», false for «Светлана» and for a word the dictionary lacks
 */
export function knownOblique(v: View, i: number): boolean {
  const info = v.ctx.morphology.formInfo(v.str(i));
  return info.known && !singularNominative(info.tags);
}

function finalInside(v: View, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (v.isPunct(k, '.!?…')) return true;
  return false;
}

/** A lower-case inanimate common noun that names no body: «день», «сообщество», «прошение». */
export function weak(v: View, i: number): boolean {
  // A capital that only opens the sentence («Вопрос озвучивает Рощин») leaves a common noun weak.
  if ((v.isCapital(i) && (v.sentence(i)[0] !== i || /^\p{Lu}{2}/u.test(v.str(i)) || v.has(i, 'Name') || v.has(i, 'Surn'))) || !v.has(i, 'inan') || v.pos(i) !== 'NOUN') return false;
  if (v.has(i, 'Orgn') || v.has(i, 'Geox') || v.has(i, 'Abbr')) return false;
  return !speakingBodies().has(v.lemma(i));
}

/**
 * Word i is a lower-case noun of time of the time-noun list (`года`, `месяце`, `конце`): no speaker and no speaking body.
 * @example
 * timeNoun(v, i); // true for «года» in «в марте 2017 года»
 */
export function timeNoun(v: View, i: number): boolean {
  return v.isWord(i) && v.quoteOf[i] < 0 && v.pos(i) === 'NOUN' && !v.has(i, 'Name') && !v.has(i, 'Surn') && timeNouns().has(v.lemma(i));
}

const timeNouns = (): Set<string> => wordList('time-noun');

/** The first noun phrase in [from, to) in any case (the source of «цитирует X», «слова X»). */
export function findObject(v: View, from: number, to: number): NP | null {
  for (let i = from; i < to; i++) {
    if (!v.isWord(i)) continue;
    if (v.pos(i) === 'PREP') return null;
    if (nounish(v, i)) return expand(v, i, from, to);
  }
  return null;
}

/** The noun phrase governed by a preposition at i («в МИД России», «в заявлении»). */
export function ppObject(v: View, i: number, to: number): NP | null {
  for (let k = i + 1; k < to; k++) {
    if (modifier(v, k)) continue;
    // «в «Олимпстрое»»: a quoted name is the object.
    if (v.opensQuotation(k) && k + 1 < to && v.quoteOf[k + 1] === v.quoteOf[k] && v.isWord(k + 1)) {
      const close = skipQuoted(v, k, to);
      if (close !== undefined) return { s: k + 1, e: close - 1, head: k + 1 };
    }
    if (nounish(v, k)) return expand(v, k, i + 1, Math.min(to, skipPP(v, i, to)));
    return null;
  }
  return null;
}
