import type Az from 'az';
import type { Doc, Tok } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import type { Case, Gender } from './grammar.js';
import { CASES, caseBit, caseBits, casesAfterCompound, casesAfterPreposition, lineBreakBetween, matchCase, nominativeOf, readTsv, usableParses } from './grammar.js';
import { foldYo, isLowerCase, startsUpper, startsWithCapital } from '../letters.js';
import { isSubjectVerb } from './subjectVerbs.js';
import { startsRole } from './roles.js';
import { ANY_KNOWN, FIRST_ADJECTIVE, FIRST_NOUN, KNOWN_NAMED, NAME_OR_SURNAME, genderCaseSlot, pastSingularGender, tagFacts, wordFacts } from './wordFacts.js';

export { isKnown } from './wordFacts.js';

type Parse = Az.Parse;

// What the normaliser reads around a mention: prepositions, apposition nouns, verbs that agree,
// and document-wide evidence (the capitalised words it writes, the genders its verbs give names).

/** One inflectable piece of a mention: a word token, or one part of a hyphenated one. */
export interface Unit { tok: number; part: number; text: string; fixed: boolean }

/**
 * What the words around a mention say about its case and gender: a preposition's cases, an
 * apposition noun's (gender, case) readings (`hintSlots`, `genderCaseSlot` bits), the gender of
 * a past-tense verb beside it (a subject agrees with it); and what the whole document writes: its
 * capitalised words and how often each (`counts`), and the gender its
 * verbs and pronouns give each capitalised word (`votes`, read through `voteFor`).
 */
export interface MentionContext {
  cases: readonly Case[] | undefined; hintSlots: number; verbBefore: Gender | undefined; verbAfter: Gender | undefined; votes: Map<string, number>; counts: Map<string, number>;
  /** The document's names in -а/-я written right after a finite verb of saying (ё→е): nominatives, see `documentEvidence`. */
  subjects: Set<string>;
  /** The likely cases (bits in CASES' order, 0: none known) of a name this one is coordinated with (Олега Сенцова и Романа Сущенко); set by normalizeMention. */
  coordinated: number;
  /** This mention's likely cases as the normaliser weighed them (`likelyCases`; 0: none), for a name coordinated with it. */
  chosen: number;
  /**
   * The cases (bits in CASES' order, 0: none) of a role noun whose own complement stands between it
   * and the name (спикер Совета Федерации | Валентина Матвиенко): the name is its apposition and
   * shares its case, the nominative included. See `roleBefore`.
   */
  roleCases: number;
}

/**
 * A word's usable parses (typo corrections dropped), cached by the morphology.
 *
 * @example
 * parses(morphology, 'Трампа')[0].normalize().word; // 'трамп'
 */
export function parses(morphology: Morphology, word: string): Parse[] {
  return usableParses(morphology.parses(word));
}

const OPENERS = new Set(['"', '«', '„', '“', '(', '\'']);

const COORDINATORS = new Set(['и', 'или', 'либо']);

/**
 * True when token `i` follows и/или right after a capitalised word (Полунина и Павла Карнаухова):
 * the name closes a coordination, and a singular verb after it is not its own (coordinated
 * subjects take a plural verb), but that of some noun before (команда … повела).
 * @example
 * // tokens: Олега Сенцова и Романа Сущенко
 * coordinatedAfterName(doc, 3); // true: Романа follows и after Сенцова
 */
export function coordinatedAfterName(doc: Doc, i: number): boolean {
  if (i < 2) return false;
  const t = doc.tokens[i - 1];
  if (t.kind !== 'word' || t.text.length > 4 || !COORDINATORS.has(t.text)) return false;
  const before = doc.tokens[i - 2];
  return before.kind === 'word' && startsUpper(before.text);
}

/**
 * True when the word before token `i` is a common noun (lower-case, or capitalised only as a
 * sentence's first word): the name may be its genitive (адвокат Асии Биби покинул), so a verb
 * after the name is the noun's, not the name's.
 */
function governedBefore(doc: Doc, i: number, morphology: Morphology): boolean {
  let k = i - 1;
  while (k >= 0 && OPENERS.has(doc.tokens[k].text)) k--;
  if (k < 0) return false;
  const t = doc.tokens[k];
  if (t.kind !== 'word') return false;
  if (isLowerCase(t.text)) return firstIsNoun(t.text, morphology);
  return isSentenceInitial(doc, k) && (tagFacts(morphology, t.text.toLowerCase()).flags & FIRST_NOUN) !== 0;
}

/** True when the form's first usable parse is a noun. */
function firstIsNoun(form: string, morphology: Morphology): boolean {
  return (tagFacts(morphology, form).flags & FIRST_NOUN) !== 0;
}

function isSentenceInitial(doc: Doc, k: number): boolean {
  return k === 0 || /^[.!?…]$/.test(doc.tokens[k - 1].text) || lineBreakBetween(doc.text, doc.tokens[k - 1].end, doc.tokens[k].start);
}

/** What a whole document says about its capitalised words: `MentionContext`'s `counts`, `votes` and `subjects`. */
interface DocumentEvidence { counts: Map<string, number>; votes: Map<string, number>; subjects: Set<string> }

const evidenceCache = new WeakMap<Doc, DocumentEvidence>();

/** True for a word token whose first letter is a capital Cyrillic one. */
function startsCyrillicCapital(t: Tok): boolean {
  if (t.kind !== 'word') return false;
  const code = t.text.charCodeAt(0);
  return (code >= 0x410 && code <= 0x42f) || code === 0x401;
}

/** Counts a capitalised word (ё→е), a hyphenated one part by part. */
function countWord(counts: Map<string, number>, text: string): void {
  const w = foldYo(text);
  if (w.includes('-')) for (const part of w.split('-')) counts.set(part, (counts.get(part) ?? 0) + 1);
  else counts.set(w, (counts.get(w) ?? 0) + 1);
}

/**
 * One pass over the runs of capitalised words of a document, for two kinds of evidence:
 * - `counts`: how often the text writes each word with a capital Cyrillic letter (ё→е, a
 *   hyphenated one part by part); a name guessed in the nominative is likelier when the text
 *   writes it so. Each such word begins or continues a run, so the runs see them all.
 * - `votes`: gender evidence. A run of capitalised words right before a singular past-tense verb
 *   is its subject and shares its gender (Асия Биби заявила). Keyed by the word (lower case,
 *   ё→е); `voteFor` sums the votes of the words sharing a word's stem, so every case form of the
 *   name profits; positive means feminine.
 * - `subjects`: the words in -а/-я of a run right after a finite verb of saying that takes no
 *   person as its object (`рассказал Диего Марадона`, isSubjectVerb): nominatives, so the same
 *   word elsewhere in the document is no genitive of a name in a consonant (Марадон).
 */
function documentEvidence(doc: Doc, morphology: Morphology): DocumentEvidence {
  let evidence = evidenceCache.get(doc);
  if (evidence !== undefined) return evidence;
  const counts = new Map<string, number>();
  const votes = new Map<string, number>();
  const subjects = new Set<string>();
  const toks = doc.tokens;
  let i = 0;
  while (i < toks.length) {
    if (!startsCyrillicCapital(toks[i])) { i++; continue; }
    let j = i + 1;
    while (j < toks.length && toks[j].kind === 'word' && startsWithCapital(toks[j].text)) j++;
    for (let k = i; k < j; k++) if (k === i || startsCyrillicCapital(toks[k])) countWord(counts, toks[k].text);
    if (i > 0 && isSubjectVerb(doc, i - 1)) for (let k = i; k < j; k++) if (endsInA(toks[k].text)) subjects.add(foldYo(toks[k].text));
    // The verb first: most runs have none, and then the costlier checks (parses of a lower-cased
    // form the morph stage never saw) are not needed.
    let g = verbGender(doc, j, morphology);
    // A sentence's first word is capitalised anyway; a common noun there heads the run (Адвокат Асии Биби покинул).
    if (g !== undefined) {
      // The name readings first: the word as written is known from the morph stage, its lower-case
      // form mostly is not (parsing it is the dearer check).
      const commonFirst = isSentenceInitial(doc, i) && !mayBeName(toks[i].text, morphology) && (tagFacts(morphology, toks[i].text.toLowerCase()).flags & FIRST_NOUN) !== 0;
      if (commonFirst || governedBefore(doc, i, morphology) || coordinatedAfterName(doc, i)) g = undefined;
    }
    // A personal pronoun shortly after a name mostly refers to it: она, её → a woman; он → a man.
    const pronoun = j - i <= 3 ? pronounAfter(doc, j) : undefined;
    if (pronoun !== undefined) {
      for (let k = i; k < j; k++) {
        const key = foldWord(toks[k].text);
        votes.set(key, (votes.get(key) ?? 0) + (pronoun === 'femn' ? 0.5 : -0.5));
      }
    }
    if (g !== undefined) {
      for (let k = i; k < j; k++) {
        const key = foldWord(toks[k].text);
        votes.set(key, (votes.get(key) ?? 0) + (g === 'femn' ? 1 : -1));
      }
    }
    i = j;
  }
  evidence = { counts, votes, subjects };
  evidenceCache.set(doc, evidence);
  return evidence;
}

/** The word ends in а or я (either letter case). */
function endsInA(w: string): boolean {
  const c = w.charCodeAt(w.length - 1);
  return c === 0x430 || c === 0x410 || c === 0x44f || c === 0x42f;
}

/** True when a usable parse of the form is a first name or a surname. */
function mayBeName(form: string, morphology: Morphology): boolean {
  return (tagFacts(morphology, form).flags & NAME_OR_SURNAME) !== 0;
}

/** Lower case, ё→е: what the stemmer reads of a word. */
function foldWord(w: string): string {
  return foldYo(w.toLowerCase());
}

const STRESS_MARK = /[\u0300\u0301]/;
const RU_VOWELS = new Set([...'аеиоуыэюя'].map((ch) => ch.charCodeAt(0)));

/** Letters up to the first vowel (included), which Snowball's Russian stemmer never cuts: it only trims what follows. */
function keptPrefixLength(folded: string): number {
  for (let k = 0; k < folded.length; k++) if (RU_VOWELS.has(folded.charCodeAt(k))) return k + 1;
  return folded.length;
}

/**
 * The document's gender vote for a word: the sum over the voted words with the same Snowball
 * stem. The stemmer only cuts letters after the first vowel, so a voted word not starting with
 * the same letters cannot share the stem and is never stemmed (a new word's first stem is dear).
 *
 * @example
 * voteFor('Асии', contextOf(doc, 0, 2, morphology).votes, morphology); // 2 after 'Асия Биби заявила … Асия сказала'
 */
export function voteFor(text: string, votes: Map<string, number>, morphology: Morphology): number {
  if (votes.size === 0) return 0;
  const folded = foldWord(text);
  const stressed = STRESS_MARK.test(folded);
  const head = folded.slice(0, keptPrefixLength(folded));
  let stem: string | undefined;
  let sum = 0;
  // forEach, not for-of: no [word, vote] pair made per entry.
  votes.forEach((vote, word) => {
    if (!stressed && !word.startsWith(head) && !STRESS_MARK.test(word)) return;
    if (word === folded) { sum += vote; return; } // the same word: the same stem
    stem ??= morphology.stem(text);
    if (morphology.stem(word) === stem) sum += vote;
  });
  return sum;
}

// Per document (its votes, made once by documentEvidence and not changed after): the votes summed
// by Snowball stem.
const stemVotes = new WeakMap<Map<string, number>, Map<string, number>>();

/**
 * `voteFor` with the document's own votes (`context.votes`). The votes are summed by stem once
 * per document, so a word costs one (cached) stem and one look-up: voteFor's walk over every
 * voted word, for every word asked, made a list of 32 000 names (each voted for by its verb) take
 * 119 s.
 *
 * @example
 * documentVote('Асии', contextOf(doc, 0, 2, morphology), morphology); // as voteFor
 */
export function documentVote(text: string, context: MentionContext, morphology: Morphology): number {
  const votes = context.votes;
  if (votes.size === 0) return 0;
  return votesByStem(votes, morphology).get(morphology.stem(text)) ?? 0;
}

/**
 * The document's votes summed by stem, in the votes' order (so the sums are voteFor's): voteFor
 * adds the votes of the words with the word's stem, and the words it skips without stemming (not
 * starting with the letters up to its first vowel) cannot have that stem.
 */
function votesByStem(votes: Map<string, number>, morphology: Morphology): Map<string, number> {
  let byStem = stemVotes.get(votes);
  if (byStem === undefined) {
    const sums = new Map<string, number>();
    votes.forEach((vote, word) => {
      const stem = morphology.stem(word);
      sums.set(stem, (sums.get(stem) ?? 0) + vote);
    });
    stemVotes.set(votes, (byStem = sums));
  }
  return byStem;
}

const PRONOUN_GENDER = new Map<string, Gender>([['она', 'femn'], ['её', 'femn'], ['ее', 'femn'], ['он', 'masc']]);

/** False for most words that are none of PRONOUN_GENDER's: two or three letters, the first о or е (any case). */
function mayBePronoun(w: string): boolean {
  if (w.length < 2 || w.length > 3) return false;
  const c = w.charCodeAt(0);
  return c === 0x43e || c === 0x41e || c === 0x435 || c === 0x415;
}

/** The gender of the first personal pronoun within a few words after token `j`, if any. */
function pronounAfter(doc: Doc, j: number): Gender | undefined {
  for (let k = j; k < doc.tokens.length && k < j + 12; k++) {
    const t = doc.tokens[k];
    if (t.kind !== 'word') continue;
    const g = mayBePronoun(t.text) ? PRONOUN_GENDER.get(t.text.toLowerCase()) : undefined;
    if (g !== undefined) return g;
    if (k > j && startsUpper(t.text)) return undefined; // another name comes first
  }
  return undefined;
}

const VERB_GENDERS: ReadonlyArray<Gender | undefined> = [undefined, undefined, 'masc', 'femn'];
const verbGenderCache = new WeakMap<Doc, Uint8Array>();

/** The gender of a singular past-tense verb (заявила → femn), else undefined. Memoised per token: every run and mention asks. */
function verbGender(doc: Doc, i: number, morphology: Morphology): Gender | undefined {
  let memo = verbGenderCache.get(doc);
  if (memo === undefined) verbGenderCache.set(doc, (memo = new Uint8Array(doc.tokens.length + 1)));
  if (i < 0 || i >= memo.length) return computeVerbGender(doc, i, morphology);
  let v = memo[i];
  if (v === 0) {
    const g = computeVerbGender(doc, i, morphology);
    v = g === undefined ? 1 : g === 'masc' ? 2 : 3;
    memo[i] = v;
  }
  return VERB_GENDERS[v];
}

function computeVerbGender(doc: Doc, i: number, morphology: Morphology): Gender | undefined {
  // Bounds tested rather than reading past the end (i is one past the last token after a final
  // mention): an out-of-bounds read deoptimises the optimised callers.
  if (i < 0 || i >= doc.tokens.length) return undefined;
  const t = doc.tokens[i];
  if (t.kind !== 'word' || startsUpper(t.text)) return undefined;
  return VERB_GENDERS[formVerbGender(t.text, morphology)];
}

/** 1 none, 2 masc, 3 femn: the gender of a lower-case singular past-tense verb. */
function formVerbGender(text: string, morphology: Morphology): number {
  if (!isLowerCase(text)) return 1;
  const g = pastSingularGender(morphology, text);
  return g === undefined ? 1 : g === 'masc' ? 2 : 3;
}

/** The case bits of (gender, case) slots: slot k is case k modulo CASES.length. */
function casesOfSlots(slots: number): number {
  let cases = 0;
  for (let slot = 0; slots >>> slot !== 0; slot++) if ((slots & (1 << slot)) !== 0) cases |= 1 << (slot % CASES.length);
  return cases;
}

/** How many words a role's complement may have (министр иностранных дел Российской Федерации). */
const COMPLEMENT_MAX = 5;
/** How many lower-case adjectives may stand between a verb and its role noun (официальный представитель). */
const ROLE_ADJECTIVES_MAX = 2;

/**
 * A role noun with its complement right before a name, the complement ending in a capitalised word
 * at token `i` (`спикер Совета Федерации`, `министр иностранных дел России`, `адвокат
 * Навального`): the name is the noun's apposition, in its case, whatever its gender (`спикер`
 * is a woman's title too), and a past-tense verb before the role (`заявила`) is the name's.
 * Sets `roleCases` and `verbBefore`. No role when an animate noun of the complement has no
 * nominative (сын президента | Владимира Путина: the name is the president's) or a word of it
 * cannot be a genitive.
 *
 * @example
 * // tokens: заявила спикер Совета Федерации Валентина Матвиенко
 * roleBefore(doc, 3, ctx, morphology); // ctx.roleCases: the nominative's bit; ctx.verbBefore: 'femn'
 */
function roleBefore(doc: Doc, i: number, ctx: MentionContext, morphology: Morphology): void {
  const toks = doc.tokens;
  for (let k = i; k >= 0 && k > i - COMPLEMENT_MAX; k--) {
    const t = toks[k];
    if (t.kind !== 'word') return;
    const facts = tagFacts(morphology, t.text);
    // (A role written with a capital counts: «Генсек ООН Антониу Гутерреш».)
    if (k < i && (isLowerCase(t.text) || startsRole(doc.morph[k]?.lemma ?? '')) && facts.animate !== 0) {
      if ((facts.flags & FIRST_NOUN) === 0) return;
      const cases = casesOfSlots(facts.animate);
      if ((cases & NOMINATIVE_BIT) === 0) return; // an oblique role governs the name: the name is its genitive
      // `директор Центра | Мизеса`, `Музея | Анатолия Зверева`: a common noun opening the capitalised
      // run is an organisation's first word, and the name may be its complement. (Asked last: the
      // word's parses may need az again.)
      if (!startsUpper(toks[i - 1].text) && (wordFacts(morphology, toks[i].text).flags & (ANY_KNOWN | KNOWN_NAMED)) === ANY_KNOWN) return;
      ctx.roleCases = cases;
      let v = k - 1;
      for (let a = 0; a < ROLE_ADJECTIVES_MAX && v >= 0 && isLowerCase(toks[v].text) && (tagFacts(morphology, toks[v].text).flags & FIRST_ADJECTIVE) !== 0; a++) v--;
      ctx.verbBefore = verbGender(doc, v, morphology);
      return;
    }
    // Every word of the complement may be a genitive.
    if ((caseBits(morphology.tags(t.text)) & GENITIVE_BIT) === 0) return;
  }
}

const NOMINATIVE_BIT = caseBit('nomn');
const GENITIVE_BIT = caseBit('gent');

const CONJUNCTIONS = new Set(['и', 'или', 'либо', ',']);

/**
 * The cases of a preposition that governs a coordination the mention closes: `в Равалпинди и
 * Лахоре`. `i` is the token before the mention; a few capitalised words may stand between.
 */
function coordinatedCases(doc: Doc, i: number): readonly Case[] | undefined {
  if (!CONJUNCTIONS.has(doc.tokens[i].text.toLowerCase())) return undefined;
  for (let k = i - 1, seen = 0; k >= 0 && seen < 6; k--, seen++) {
    const t = doc.tokens[k];
    if (t.kind === 'punct' && t.text !== ',' && !OPENERS.has(t.text) && !/^[»"”)]$/.test(t.text)) return undefined;
    if (t.kind !== 'word') continue;
    const cases = casesAfterPreposition(t.text);
    if (cases !== undefined) {
      const next = doc.tokens[k + 1];
      return next !== undefined && /^\p{Lu}/u.test(next.text) ? cases : undefined;
    }
    if (!startsUpper(t.text) && !CONJUNCTIONS.has(t.text)) return undefined;
  }
  return undefined;
}

/**
 * The cases after a compound preposition ending at token k (по данным, со стороны: its noun is no
 * preposition of its own; prepositions.tsv), or undefined.
 */
function compoundCases(doc: Doc, k: number): readonly Case[] | undefined {
  if (k < 1) return undefined;
  const a = doc.tokens[k - 1], b = doc.tokens[k];
  if (a.kind !== 'word' || b.kind !== 'word' || a.end >= b.start) return undefined;
  return casesAfterCompound(a.text, b.text);
}

/**
 * False when the mention reads as another oblique case and never as a genitive («Владимиром
 * Путиным»: instrumental); a word with no case reading at all (Серены, read as a participle) or a
 * nominative only (Уильямс) leaves the genitive open.
 */
function canBeGenitive(doc: Doc, tokStart: number, tokEnd: number, morphology: Morphology): boolean {
  let oblique = false;
  for (let k = tokStart; k < tokEnd; k++) {
    if (doc.tokens[k].kind !== 'word') continue;
    // `М.Г. Дестрем`: an initial is no word of the name's case (the dictionary reads `Г` as the abbreviation of год).
    if (isInitial(doc, k)) continue;
    for (const x of morphology.tags(doc.tokens[k].text)) {
      if (x.gent === true) return true;
      if (x.ablt === true || x.datv === true || x.loct === true) oblique = true;
    }
  }
  return !oblique;
}

/**
 * Whether the name may be one person's genitive: a singular genitive reading of a word (initials
 * aside), or no oblique reading at all. The dictionary's guesses for a foreign name it does not
 * know give `Дестрем` only a plural genitive (as систем) and an instrumental: no one person's genitive.
 */
function canBeOnesGenitive(doc: Doc, tokStart: number, tokEnd: number, morphology: Morphology): boolean {
  let oblique = false;
  for (let k = tokStart; k < tokEnd; k++) {
    if (doc.tokens[k].kind !== 'word' || isInitial(doc, k)) continue;
    for (const x of morphology.tags(doc.tokens[k].text)) {
      if (x.gent === true && x.plur !== true) return true;
      if (x.gent === true || x.ablt === true || x.datv === true || x.loct === true) oblique = true;
    }
  }
  return !oblique;
}

/** Token k is an initial: one capital letter with a full stop after it (`М.` in `М.Г. Дестрем`). */
function isInitial(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  return t.text.length === 1 && t.text !== t.text.toLowerCase() && k + 1 < doc.tokens.length && doc.tokens[k + 1].text === '.';
}

/**
 * What the text around `doc.tokens[tokStart..tokEnd)` says about the mention's case and gender.
 * `hintSlots` (read for personal names only) is left empty when `wantHint` is false.
 *
 * @example
 * contextOf(doc, 2, 3, morphology).cases; // ['loct', 'accs'] after 'в'
 */
export function contextOf(doc: Doc, tokStart: number, tokEnd: number, morphology: Morphology, wantHint = true): MentionContext {
  const { counts, votes, subjects } = documentEvidence(doc, morphology);
  const ctx: MentionContext = { cases: undefined, hintSlots: 0, verbBefore: undefined, verbAfter: undefined, votes, counts, subjects, coordinated: 0, chosen: 0, roleCases: 0 };
  let j = tokEnd;
  while (j < doc.tokens.length && doc.tokens[j].kind === 'punct' && !/[.,;:!?]/.test(doc.tokens[j].text)) j++;
  ctx.verbAfter = verbGender(doc, j, morphology);
  let i = tokStart - 1;
  while (i >= 0 && OPENERS.has(doc.tokens[i].text)) i--;
  if (i < 0) return ctx;
  const t = doc.tokens[i];
  if (t.text === ',') ctx.cases = coordinatedCases(doc, i);
  if (t.kind !== 'word') return ctx;
  const compound = compoundCases(doc, i);
  ctx.cases = compound ?? casesAfterPreposition(t.text) ?? coordinatedCases(doc, i);
  // Only a name that can be a genitive takes a compound preposition's case (not «по данным
  // Владимиром Путиным поручениям», where данным means given).
  if (compound !== undefined && !canBeGenitive(doc, tokStart, tokEnd, morphology)) ctx.cases = undefined;
  if (ctx.cases !== undefined) return ctx;
  ctx.verbBefore = verbGender(doc, i, morphology);
  if (ctx.verbBefore === undefined && t.kind === 'word' && startsUpper(t.text)) roleBefore(doc, i, ctx, morphology);
  // «теннисистка Петрова вышла», «саночница Иванова»: a woman's noun in the nominative right before
  // the name is its apposition, in the nominative; a woman's verb after it is the name's too.
  const female = ctx.verbBefore === undefined && (isLowerCase(t.text) || isSentenceInitial(doc, i)) && femaleAppositionNoun(t.text.toLowerCase(), morphology);
  if (female) ctx.roleCases |= caseBit('nomn');
  // After a noun the name may be its genitive (адвокат Асии Биби покинул): the verb is the noun's.
  // Not a name with no genitive reading (инженер-генерал М.Г. Дестрем писал: Дестрем reads only as
  // an instrumental besides the nominative): it stands beside the noun, and the verb is its own.
  if (ctx.verbAfter !== undefined && !(female && ctx.verbAfter === 'femn') &&
    ((governedBefore(doc, tokStart, morphology) && canBeOnesGenitive(doc, tokStart, tokEnd, morphology)) || coordinatedAfterName(doc, tokStart))) ctx.verbAfter = undefined;
  // A lower-case animate noun right before a name is usually its apposition (христианке Асии
  // Биби) and shares its case and gender.
  if (!wantHint || !isLowerCase(t.text)) return ctx;
  ctx.hintSlots = tagFacts(morphology, t.text).animate;
  return ctx;
}

/** The (gender, case) slots of a man's animate readings (`genderCaseSlot`: 0‥5). */
const MASCULINE_SLOTS = (1 << CASES.length) - 1;

let relationNouns: Set<string> | undefined;

/**
 * True for a woman's noun of a person read first as a noun in the nominative, with no man's
 * reading (`теннисистка`, `саночница`, not `врач`, nor `глава` of either gender), and no noun of a relation
 * (relation-nouns.tsv: `жена`, `ученица`, `уроженка`), which governs the name after it.
 *
 * @example
 * femaleAppositionNoun('теннисистка', morphology); // true
 * femaleAppositionNoun('жена', morphology); // false
 */
export function femaleAppositionNoun(form: string, morphology: Morphology): boolean {
  const facts = tagFacts(morphology, form);
  if ((facts.flags & FIRST_NOUN) === 0 || (facts.animate & (1 << genderCaseSlot('femn', 'nomn'))) === 0 || (facts.animate & MASCULINE_SLOTS) !== 0) return false;
  // (Nor a noun of either gender, `глава Газпромбанка`, `коллега`: az tags it Ms-f.)
  if (morphology.tags(form).some((t) => t['Ms-f'] === true)) return false;
  if (relationNouns === undefined) relationNouns = new Set(readTsv('relation-nouns.tsv').map((r) => foldYo(r[0])));
  const lemma = parses(morphology, form)[0]?.normalize().word;
  return lemma !== undefined && !relationNouns.has(foldYo(lemma));
}

/**
 * False when a preposition before the mention rules the case out.
 *
 * @example
 * caseAllowed('nomn', contextOf(doc, 2, 3, morphology)); // false after 'в'
 */
export function caseAllowed(c: Case, context: MentionContext): boolean {
  return context.cases === undefined || context.cases.includes(c);
}

/**
 * The locative needs a preposition; without one right before, it is the preposition of a coordination (в Бельгии и Нидерландах).
 *
 * @example
 * casePenalty('loct', context, true); // 0.6 when no preposition precedes
 */
export function casePenalty(c: Case, context: MentionContext, person = false): number {
  return c === 'loct' && context.cases === undefined ? (person ? 0.6 : 0.3) : 0;
}

let lastSurface = '';
let lastFolded = '';
// The last answer, by the word as written, az's word and the nominative: most parses of a word
// (its cases, its genders) give one of a few nominatives, asked in a row.
let lastParsed: string | undefined;
let lastNominative = '';
let lastForm = '';

/**
 * The nominative of one word from one of its parses, in the word's letter case. az analyses an
 * unknown compound by its known end (Европарламента as парламента); the part it left off is put back.
 *
 * @example
 * nominalForm('Европарламента', morphology.parses('Европарламента')[0]); // 'Европарламент'
 */
export function nominalForm(surface: string, p: Parse, override?: { plural: boolean; gender?: Gender }): string | undefined {
  const nom = nominativeOf(p, override);
  if (nom === undefined) return undefined;
  // Asked for every parse of one word in a row: fold the word once.
  if (surface !== lastSurface) { lastSurface = surface; lastFolded = foldYo(surface.toLowerCase()); lastParsed = undefined; }
  else if (p.word === lastParsed && nom === lastNominative) return lastForm;
  const lower = lastFolded;
  const parsed = foldYo(p.word.toLowerCase());
  const prefix = parsed.length < lower.length && lower.endsWith(parsed) ? surface.slice(0, surface.length - parsed.length) : '';
  lastParsed = p.word;
  lastNominative = nom;
  lastForm = prefix + matchCase(surface.slice(prefix.length), nom);
  return lastForm;
}
