import type Az from 'az';
import type { MentionSpan } from '../doc.js';
import type { EntityType, Mention, QuoteSpeaker, Span } from '../types.js';
import { brandDomain, comitative, GENDERS, isPersonalPronoun, knownMedium, knownOblique, mediumPart, nounHead, oneOfGroup, personReading, relative, undeclinedName, writtenNominative, type NP } from './np.js';
import { cueLexicon, roleLexicon, wordList } from './lexicon.js';
import { shortQuotation } from './clause.js';
import { declensionGender, surnameOfEitherGender } from './declension.js';
import type { View } from './view.js';
import type { Context } from '../context.js';
import { BoundedCache, detached } from '../morph/cache.js';
import { closestForm, inflectedWord } from '../morph/lemma.js';
import { matchCase } from '../entities/grammar.js';
import { officeOf } from '../entities/roles.js';
import { nameParticles } from '../entities/nameParticles.js';
import { firstStartingFrom } from '../spans.js';

/** Two capitals or more in a word without a hyphen: an abbreviation (МОК, РАНХиГС, ИМЭМО), not declined (Военно-Морского is). */
const ABBREVIATION = /^(?=[^-]*$)\P{Lu}*\p{Lu}\P{Lu}*\p{Lu}/u;
/** A case ending written after an abbreviation in capitals (ВЭБа, ЦИКа, МИДом). */
const CASE_ENDING = /(?<=\p{Lu}{2})(?:а|у|ом|е)$/u;
const OBLIQUE_CASES = ['loct', 'datv', 'ablt'] as const;
const QUOTE_MARK = /^[«»"„“”]$/;

/** Whether two forms start with the same two letters, whatever their case. */
function startsAlike(a: string, b: string): boolean {
  return a.slice(0, 2).toLowerCase() === b.slice(0, 2).toLowerCase();
}


type Gender = 'masc' | 'femn' | 'plur' | undefined;

/** A source the reader has met, for resolving later roles and pronouns. */
interface Known {
  name: string; type: EntityType; entityId: string | null; gender: Gender; pos: number;
  /** Already quoted, or named as the subject of a sentence: what a later «он» or «эксперт» refers to. */
  salient: boolean;
  /** Role nouns written beside the name («политолог Михаил Погребинский»). */
  roles: string[];
  /** A news medium that relays others' words («сообщает РИА Новости»): no later «ведомство» or «документ» refers to it. */
  medium?: boolean;
  /**
   * Named after a role of public office («министр обороны»; false after another role, undefined
   * after none): no later bare «эксперт» refers to the person.
   */
  office?: boolean;
  /** The entities stage gives the person a role of public office (it may have lost the body the role heads). */
  officeRoles?: boolean;
}

const MEDIA_NOUNS = /^(газета|издание|агентство|телеканал|журнал|радиостанция|портал|сайт|таблоид)$/;
const RELAY = /^(передавать|передать|сообщать|писать|информировать)$/;

/** A medium's name: a known agency or paper, one of the word list's, or a name in Latin letters. */
function isMediumName(name: string): boolean {
  return knownMedium(name) || /^[A-Za-z]/.test(name);
}

/** The one gender of a word's singular nominative readings as a first name or surname, if they agree. */
function nominativeGender(v: View, word: string): 'masc' | 'femn' | undefined {
  let g: 'masc' | 'femn' | undefined;
  for (const t of v.ctx.morphology.tags(word)) {
    if (t.nomn !== true || t.plur === true || (t.Name !== true && t.Surn !== true)) continue;
    const x = t.femn === true ? 'femn' : t.masc === true ? 'masc' : undefined;
    if (x === undefined || (g !== undefined && g !== x)) return undefined;
    g = x;
  }
  return g;
}

function genderOf(v: View, i: number): Gender {
  if (v.has(i, 'plur')) return 'plur';
  if (v.has(i, 'femn')) return 'femn';
  if (v.has(i, 'masc')) return 'masc';
  return undefined;
}

/** A personal pronoun's gender: the possessive forms' by the word (the tagger may read «его» as a plural's), others' by their tags. */
function pronounGender(v: View, i: number): Gender {
  const low = v.lower(i);
  return low === 'его' ? 'masc' : low === 'её' || low === 'ее' ? 'femn' : low === 'их' ? 'plur' : genderOf(v, i);
}

function compatible(a: Gender, b: Gender): boolean {
  return a === undefined || b === undefined || a === b;
}

const NAME_TAGS = ['Name', 'Surn', 'Patr'];

/**
 * An az tag of a personal name (NAME_TAGS). Named reads, not `t[g]` over the list: az's tags are
 * large objects, and a computed key makes every read a slow generic lookup.
 */
function nameTag(t: { readonly [grammeme: string]: unknown }): boolean {
  return t.Name === true || t.Surn === true || t.Patr === true;
}

function capitalise(w: string): string {
  return mapParts(w, (p) => (p ? p[0].toUpperCase() + p.slice(1) : p));
}

/** `w.split('-').map(f).join('-')`, the parts changed in place (split's array is this call's own). */
function mapParts(w: string, f: (part: string) => string): string {
  const parts = w.split('-');
  for (let i = 0; i < parts.length; i++) parts[i] = f(parts[i]);
  return parts.join('-');
}

/**
 * Resolves speaker phrases to sources: through the entities stage's mentions and clusters when
 * they cover the phrase, otherwise through the names in the phrase and the sources met so far
 * (a role or a pronoun refers back to the most recent compatible one). Call in reading order.
 */
export class SpeakerResolver {
  private readonly known: Known[] = [];
  private sorted: Span[] | undefined;
  private nextName = 0;
  private readonly names: Known[];
  /** Index into doc.mentions of the (last) mention covering each token, else -1. */
  private readonly mentionOfTok: Int32Array;
  /**
   * Entity ids whose name the entities stage left in an oblique case, with the nominative found
   * here: for later quotes. A body's (from phraseNominative) is also the document's speakerNames,
   * for all its quotes and its speakers entry; a person's is a guess from one mention
   * («Никки Хейли» → «Ника Хейли») and stays with the quotes after it.
   */
  private readonly fixedNames = new Map<string, string>();
  /**
   * The entity of a mention the phrase fromMentions last read did not trust, having swallowed a
   * neighbour («Асадом Путин»): fromPhrase, given it, links the name found in the phrase elsewhere.
   */
  private swallowed: string | null = null;
  /** The last source that is one person left unnamed («руководитель крупной компании, пожелавший остаться неназванным»): its text position and gender. */
  private unnamed: { pos: number; gender: Gender } | undefined;
  /** `entityGender` of each entity of the document, asked once ('none': the name tells none). */
  private readonly entityGenders: Array<'masc' | 'femn' | 'none'> = [];
  /** The entities stage's mentions of each entity, and each entity's index by its id, gathered when first needed. */
  private byEntity: MentionSpan[][] | undefined;
  private entityIndex: Map<string, number> | undefined;
  /** `plausible` of each entity of the document, asked once: 0 not yet, 1 yes, 2 no. */
  private readonly entityPlausible: Uint8Array;

  /**
   * @param contents the content spans of all quotes found: a name inside reported content is no
   *   antecedent for a later «он» or «эксперт» ahead of a name outside it.
   */
  constructor(private readonly v: View, private readonly contents: Span[] = []) {
    this.mentionOfTok = new Int32Array(v.n).fill(-1);
    v.doc.mentions.forEach((m, k) => this.mentionOfTok.fill(k, Math.max(0, m.tokStart), Math.min(v.n, m.tokEnd)));
    this.entityPlausible = new Uint8Array(v.doc.entities.length);
    this.names = v.doc.mentions.length > 0 ? this.mentionNames() : this.scanNames();
  }

  /**
   * A name's gender from its last word, or from a first name the dictionary knows when the
   * surname says none («Рустам Минниханов», «Шашанк Джоши»): a later «она» is not this person.
   */
  private nameGender(s: number, e: number): Gender {
    const last = genderOf(this.v, e - 1);
    if (last !== undefined || e - s < 2 || !this.v.has(s, 'Name')) return last;
    // Only a first name of one gender in every reading, and one that may be a nominative:
    // «Александра» is a woman's name and a man's genitive, «Малала» only a genitive of «Малал».
    let g: Gender;
    for (const t of this.v.ctx.morphology.tags(this.v.str(s))) {
      if (t.Name !== true) continue;
      if (t.nomn !== true) return undefined;
      const x: Gender = t.femn === true ? 'femn' : t.masc === true ? 'masc' : undefined;
      if (x === undefined || (g !== undefined && g !== x)) return undefined;
      g = x;
    }
    return g;
  }

  /** The (last) mention covering token t. */
  private mentionAt(t: number): MentionSpan | undefined {
    const k = t >= 0 && t < this.mentionOfTok.length ? this.mentionOfTok[t] : -1;
    return k >= 0 ? this.v.doc.mentions[k] : undefined;
  }

  /** PER/ORG mentions of the entities stage as known sources, in text order. */
  private mentionNames(): Known[] {
    const out: Known[] = [];
    for (const m of this.v.doc.mentions) {
      if (m.kind === 'pronoun' || (m.kind === 'role' && m.entity < 0)) continue;
      // A name in a promotion block (another article's headline or lead) is no antecedent of this article's «он».
      if (this.v.doc.inPromo(m.start)) continue;
      // «в городе Мацумото префектуры Нагано»: a place the entities stage took for a person is no antecedent.
      if (m.type === 'PER' && m.tokEnd - m.tokStart === 1 && this.v.has(m.tokStart, 'Geox') && !this.v.has(m.tokStart, 'Name') && !this.v.has(m.tokStart, 'Surn')) continue;
      const e = m.entity >= 0 ? this.v.doc.entities[m.entity] : undefined;
      // A name in quotation marks («Газпром») is a source a later «холдинг» refers to; a name inside quoted speech is not.
      const qi = this.v.quoteOf[m.tokStart];
      if (qi >= 0 && !shortQuotation(this.v, qi)) continue;
      if (m.entity >= 0 && !this.plausibleEntity(m.entity)) continue;
      // A person's gender from the entity's name in the nominative where it tells one: `Александра`
      // alone reads as a woman's name, `Александр Винник` does not.
      const gender = (e !== undefined && m.type === 'PER' ? this.entityGender(m.entity, e.name) : undefined) ?? this.nameGender(m.tokStart, m.tokEnd);
      out.push({ name: e?.name ?? m.normal, type: m.type, entityId: e?.id ?? null, gender, pos: m.start, salient: this.v.has(m.tokEnd - 1, 'nomn'), roles: e?.roles ?? [], office: m.type === 'PER' ? this.officeBefore(m.tokStart) : undefined, officeRoles: m.type === 'PER' && e !== undefined && e.roles.some(officeRole) });
    }
    return out.sort((a, b) => a.pos - b.pos);
  }

  /**
   * The gender a person's name tells: first as its mentions decline it (declensionGender:
   * «Эммануэля Макрона», «Серены Уильямс»), else the dictionary's singular nominative readings of
   * its surname, else of its first name, as a name or surname, all of one gender. Kept per entity.
   */
  private entityGender(entity: number, name: string): Gender {
    let g = this.entityGenders[entity];
    if (g === undefined) {
      const words = name.split(' ');
      const names = this.mentionsOf(entity).filter((m) => m.kind === 'name').map((m) => m.text);
      const first = words.length > 1 ? nominativeGender(this.v, words[0]) : undefined;
      // A woman's first name before a surname ending in a consonant is a woman's name, whatever the
      // dictionary says of the surname alone (`Маргарита Симоньян`: az knows only a man Симоньян).
      const surname = first === 'femn' && surnameOfEitherGender(words[words.length - 1]) ? 'femn' : nominativeGender(this.v, words[words.length - 1]);
      g = declensionGender(name, names) ?? this.agreementGender(entity, words.length) ?? surname ?? first ?? 'none';
      this.entityGenders[entity] = g;
    }
    return g === 'none' ? undefined : g;
  }

  /** The gender of a speaker's entity (entityGender), for a source whose cue verb tells none («по мнению главы государства»). */
  private knownGender(out: QuoteSpeaker): Gender {
    if (out.type !== 'PER' || out.entityId === null) return undefined;
    const entities = this.v.doc.entities;
    this.entityIndex ??= new Map(entities.map((e, k) => [e.id, k]));
    const k = this.entityIndex.get(out.entityId);
    // A name the resolver corrected («Александра Тэвдой-Бурмули», a genitive, → Александр) says
    // nothing of the entity's name's gender.
    return k !== undefined && entities[k].name === out.name ? this.entityGender(k, entities[k].name) : undefined;
  }

  /** The entities stage's mentions of entity k, in text order. */
  private mentionsOf(k: number): readonly MentionSpan[] {
    if (this.byEntity === undefined) {
      this.byEntity = this.v.doc.entities.map((): MentionSpan[] => []);
      for (const m of this.v.doc.mentions) if (m.entity >= 0) this.byEntity[m.entity].push(m);
    }
    return this.byEntity[k];
  }

  /**
   * The gender of the past-tense verbs a person's name in the nominative is the subject of, right
   * after or right before it («Эммануэль Макрон встретился», «заявила Серена Уильямс») or before its
   * role phrase (verbBeforeRole), and of a
   * woman's noun in apposition right before it («парижанка Манон Лафонтань»), when they agree: az
   * reads `Эммануэль` as a woman's name only, `Лафонтань` as a man's. (A man's noun tells nothing:
   * «журналист Диан Мартин».)
   */
  private agreementGender(entity: number, words: number): 'masc' | 'femn' | undefined {
    const v = this.v;
    let g: 'masc' | 'femn' | undefined;
    for (const m of this.mentionsOf(entity)) {
      if (m.kind !== 'name' || m.text.split(' ').length !== words) continue;
      const nominative = v.has(m.tokEnd - 1, 'nomn') && !v.has(m.tokEnd - 1, 'plur');
      // A name opening its sentence is the subject of the verb after it, though the dictionary may
      // know its last word only as a plural genitive («Марин Ле Пен призвала»: `Пен` of «пена»).
      if (!nominative && !this.firstWordOfSentence(m.tokStart)) continue;
      for (const k of nominative ? [m.tokEnd, m.tokStart - 1, this.verbBeforeRole(m.tokStart)] : [m.tokEnd]) {
        if (k < 0 || k >= v.n || v.has(k, 'plur')) continue;
        const x = v.pos(k) === 'VERB' && v.has(k, 'past') ? (v.has(k, 'femn') ? 'femn' : v.has(k, 'masc') ? 'masc' : undefined)
          : k < m.tokStart && v.pos(k) === 'NOUN' && v.has(k, 'anim') && v.has(k, 'femn') && v.has(k, 'nomn') && !v.isCapital(k) ? 'femn' : undefined;
        if (x === undefined) continue;
        if (g !== undefined && g !== x) return undefined;
        g = x;
      }
    }
    return g;
  }

  /**
   * A past-tense verb before the role phrase a name ends («заявила представитель пресс-службы
   * Госдепартамента США Хезер Науэрт»): the phrase opens with a lower-case noun in the nominative
   * right after the verb and holds no verb, mark or preposition. -1 when there is none.
   */
  private verbBeforeRole(name: number): number {
    const v = this.v;
    for (let j = name - 2; j >= 0 && j >= name - 9; j--) {
      if (!v.isWord(j) || v.pos(j + 1) === 'PREP') return -1;
      if (v.pos(j) !== 'VERB') continue;
      return v.has(j, 'past') && v.pos(j + 1) === 'NOUN' && v.has(j + 1, 'nomn') && !v.isCapital(j + 1) ? j : -1;
    }
    return -1;
  }

  /**
   * Whether the words right before a name, back to a mark, give it a role of public office
   * («президент США | Дональд Трамп», not «президент Украинского аналитического центра |
   * Александр Охрименко»). The entities stage's roles lose the body a role heads («президент»).
   */
  private officeBefore(t: number): boolean | undefined {
    const v = this.v;
    let s = t;
    while (s - 1 >= v.bodyStart && t - s < 8 && (v.isWord(s - 1) || v.quoteOf[s - 1] >= 0) && !this.sentenceInitial(s)) s--;
    // Only a common noun says what the person is: not a verb or a preposition before the name.
    let role = false;
    for (let k = s; k < t && !role; k++) role = v.pos(k) === 'NOUN' && !v.isCapital(k);
    return role ? this.officeWords(s, t) : undefined;
  }

  /**
   * `officeRole` over tokens s…e, by lemma: the first noun is an office («президенту страны»,
   * «глава МИД»), not another role that names an office after it («советник президента»).
   */
  private officeWords(s: number, e: number): boolean {
    const v = this.v;
    let head = -1;
    for (let k = s; k < e && head < 0; k++) if (v.pos(k) === 'NOUN') head = k;
    if (head < 0 || !wordList('office').has(v.lemma(head))) return false;
    for (let k = head + 1; k < e; k++) if (v.isWord(k) && bodyWordAt(v.str(k), k + 1 < e ? v.str(k + 1) : undefined)) return false;
    return true;
  }

  /** Without an entities layer: runs of capitalised words, one of them tagged as a personal name, outside quotations. */
  private scanNames(): Known[] {
    const v = this.v;
    const out: Known[] = [];
    for (let i = v.bodyStart; i < v.bodyEnd; i++) {
      if (v.quoteOf[i] >= 0 || !this.nameToken(i) || !NAME_TAGS.some((g) => v.has(i, g)) || v.doc.inPromo(v.doc.tokens[i].start)) continue;
      let s = i;
      while (s - 1 >= v.bodyStart && this.nameToken(s - 1) && !this.sentenceInitial(s)) s--;
      let e = i + 1;
      while (e < v.bodyEnd && this.nameToken(e) && !this.sentenceInitial(e)) e++;
      // The role is the noun right before the name («политолог Михаил Погребинский»), not a genitive further back.
      const roles: string[] = s - 1 >= v.bodyStart && v.pos(s - 1) === 'NOUN' && !v.isCapital(s - 1) ? [v.lemma(s - 1)] : [];
      const oblique = s > v.bodyStart && v.isWord(s - 1) && !v.isCapital(s - 1) && (v.pos(s - 1) === 'PREP' || !v.canBeNominative(s - 1));
      out.push({ name: this.normalName(s, e, oblique), type: 'PER', entityId: null, gender: genderOf(v, e - 1), pos: v.doc.tokens[s].start, salient: v.has(e - 1, 'nomn'), roles });
      i = e - 1;
    }
    return out;
  }

  private sentenceInitial(i: number): boolean {
    const si = this.v.sentOf[i];
    return si >= 0 && this.v.doc.sentences[si].tokStart === i;
  }

  /** Nominative of a run of name tokens; in an oblique phrase each word is put in the nominative. */
  private normalName(s: number, e: number, oblique: boolean): string {
    const v = this.v;
    const words: string[] = [];
    for (let i = s; i < e; i++) if (v.isWord(i)) words.push(oblique ? this.nominative(i) : v.str(i));
    return words.join(' ');
  }

  /** One name word in the nominative: through az when it knows the word as a name, else by stripping a genitive -а/-я. */
  private nominative(i: number): string {
    const v = this.v;
    const w = v.str(i);
    // Tags decide; the parse itself is fetched only to inflect (tags(w)[k] is the tag of parses(w)[k]).
    const tags = v.ctx.morphology.tags(w);
    // The context says the word is oblique, so a nominative reading («Петра» as a woman's name,
    // «Лаврова» as a woman's surname in «цитирует РИА Новости Лаврова») yields to an oblique one of
    // the same name word: a man's surname in the genitive or accusative.
    const oblique = tags.findIndex((t) => nameTag(t) && t.nomn !== true);
    if (v.has(i, 'nomn') && (oblique < 0 || !this.obliqueOfNominative(tags, oblique))) return w;
    if (oblique >= 0) {
      const nom = inflectedWord(v.ctx.morphology.parses(w)[oblique], ['nomn']);
      return nom !== undefined ? capitalise(nom) : w;
    }
    if (tags.some(nameTag)) return w;
    return mapParts(w, (part) => part.replace(/([бвгджзклмнпрстфхцчшщ])а$/u, '$1').replace(/([бвгджзклмнпрстфхцчшщ])я$/u, '$1ь'));
  }

  /**
   * Whether a name word read as a nominative in the context is rather the oblique form at reading
   * `k` (of `tags`) of another name of the same kind: «Лаврова» is a woman's surname and «Лавров»'s
   * genitive, «Петра» a woman's name and «Пётр»'s; a word whose oblique reading is of another kind
   * (a first name's, where the nominative is a surname's) keeps the nominative.
   */
  private obliqueOfNominative(tags: readonly Az.Tag[], k: number): boolean {
    const t = tags[k];
    return tags.some((n) => n.nomn === true && nameTag(n) && (n.Surn === true) === (t.Surn === true) && (n.Name === true) === (t.Name === true));
  }

  /**
   * A phrase in the nominative up to its head noun, which is as the entities stage names a body:
   * «Белого дома» → «Белый дом», «Министерства иностранных дел» → «Министерство иностранных дел»,
   * «Министерство торговли» as it is. The words after the head depend on it and stay as written
   * (declining them too made «Министерство торговля»), and so do numbers and marks inside the
   * phrase («Северный поток – 2»). The words before the head agree with it in gender and number
   * («Всемирной организации» → «Всемирная организация», not «Всемирный»). Abbreviations stay,
   * without a case ending (МОК, РАНХиГС; «ВЦИОМа» → ВЦИОМ).
   */
  private phraseNominative(s: number, e: number): string {
    const v = this.v;
    const toks = v.doc.tokens;
    let head = -1;
    for (let i = s; i < e && head < 0; i++) if (v.isWord(i) && (v.pos(i) === 'NOUN' || ABBREVIATION.test(v.str(i)))) head = i;
    const plural = head >= 0 && v.has(head, 'plur');
    const gender = head < 0 || plural ? undefined : GENDERS.find((g) => v.has(head, g));
    let out = '';
    let last = -1;
    for (let i = s; i < e; i++) {
      // Quotation marks are not part of a name («АО «ТВЭЛ»»); other marks and numbers are.
      if (QUOTE_MARK.test(toks[i].text)) continue;
      if (last >= 0 && toks[i].start > toks[last].end) out += ' ';
      last = i;
      const w = v.str(i);
      if (!v.isWord(i) || (head >= 0 && i > head) || v.has(i, 'nomn')) out += w;
      else if (ABBREVIATION.test(w)) out += w.replace(CASE_ENDING, '');
      else out += this.wordNominative(i, i === head, plural, gender);
    }
    return out;
  }

  /**
   * Word i of a phrase, a genitive (or in the oblique case the context reads), in the nominative: the head noun in its number, a word before
   * it agreeing (in the reading's own gender when the phrase has no noun: «Уильямс-младшей» →
   * «Уильямс-младшая»). The form is the one of its paradigm closest in spelling, superlative only
   * for a superlative: OpenCorpora's paradigm of «первый» holds «один», that of «высший»
   * «высокий», and az gives their first forms.
   */
  private wordNominative(i: number, isHead: boolean, plural: boolean, gender: string | undefined): string {
    const v = this.v;
    const w = v.str(i);
    const tags = v.ctx.morphology.tags(w);
    const agrees = (t: Az.Tag) => (plural ? t.plur === true : t.sing === true && (isHead || gender === undefined || t[gender] === true));
    // With no noun to agree with, a masculine reading first (az lists «Толстого» as neuter first).
    const masc = gender === undefined && tags.some((t) => t.gent === true && t.sing === true && t.masc === true);
    // The genitive readings that agree first, in the form that agrees; then any genitive reading.
    // A word the context reads in another oblique case takes that case's readings («во
    // Всероссийском союзе промышленников сообщили»).
    const other = v.has(i, 'gent') ? undefined : OBLIQUE_CASES.find((c) => v.has(i, c));
    for (const strict of [true, false]) {
      for (let k = 0; k < tags.length; k++) {
        const t = tags[k];
        if ((t.gent !== true && (other === undefined || t[other] !== true)) || (strict && !agrees(t))) continue;
        const want = ['nomn'];
        if (strict) {
          want.push(plural ? 'plur' : 'sing');
          const g = isHead || plural ? undefined : gender ?? (masc ? 'masc' : GENDERS.find((x) => t[x] === true));
          if (g !== undefined) want.push(g);
        }
        const form = closestForm(v.ctx.morphology.parses(w)[k], want, t.Supr === true);
        if (form === false) continue;
        const nom = form.toString();
        if (startsAlike(nom, w)) return matchCase(w, nom);
        // az reads «Буша-младшего», «Левада-Центра» by their last part and inflects that alone.
        const cut = w.lastIndexOf('-') + 1;
        if (cut > 0 && startsAlike(nom, w.slice(cut))) return w.slice(0, cut) + matchCase(w.slice(cut), nom);
      }
    }
    return w;
  }

  /** True when the offset lies in a quote's content; contents are sorted once, then binary-searched. */
  private insideContent(pos: number): boolean {
    if (this.sorted === undefined) this.sorted = [...this.contents].sort((a, b) => a.start - b.start);
    const c = this.sorted;
    const lo = firstStartingFrom(c, pos + 1);
    for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if (c[k].start <= pos && pos < c[k].end) return true;
    return false;
  }

  /** Absorbs the names met before an offset. */
  private advance(pos: number): void {
    while (this.nextName < this.names.length && this.names[this.nextName].pos < pos) {
      const k = this.names[this.nextName++];
      if (k.salient && this.insideContent(k.pos)) k.salient = false;
      this.known.push(k);
    }
  }

  /**
   * The most recent compatible source: first one introduced with this role, then (with `salient`)
   * one already quoted or named as a subject, then any.
   */
  private recent(type: EntityType, gender: Gender, salient = false, role?: string): Known | undefined {
    if (type === 'ORG') return this.recentBody(salient);
    if (role !== undefined) {
      // The same office by another name counts («премьер» after `премьер-министр`).
      const office = officeOf(role);
      for (let k = this.known.length - 1; k >= this.horizon(); k--) {
        const c = this.known[k];
        if (c.type === type && compatible(c.gender, gender) && (c.roles.includes(role) || (office !== undefined && c.roles.some((r) => officeOf(r) === office)))) return c;
      }
    }
    if (salient) {
      for (let k = this.known.length - 1; k >= this.horizon(); k--) {
        const c = this.known[k];
        if (c.salient && c.type === type && compatible(c.gender, gender)) return c;
      }
    }
    for (let k = this.known.length - 1; k >= this.horizon(); k--) {
      const c = this.known[k];
      if (c.type === type && compatible(c.gender, gender)) return c;
    }
    return undefined;
  }

  /**
   * The pronoun's own sentence's subject before it, over a person named after it in an oblique
   * case: «Томас Омв, который …, поддерживает Эммануэля Макрона, так как, по его словам, …» is Омв
   * (a name opening the sentence is its subject though the tagger may not read it as a nominative).
   * Undefined when no person of the pronoun's gender is named in the sentence before it, or the
   * most recent is a subject anyway (`recent` finds it).
   */
  private sentenceSubject(pronoun: number, gender: Gender): Known | undefined {
    const from = this.v.doc.tokens[this.v.sentence(pronoun)[0]].start;
    for (let k = this.known.length - 1; k >= this.horizon() && this.known[k].pos >= from; k--) {
      const c = this.known[k];
      if (c.type === 'PER' && (c.salient || c.pos === from) && compatible(c.gender, gender)) return c;
    }
    return undefined;
  }

  /**
   * The most recent person of the gender named outside quoted content: «„Я поддерживаю Эммануэля
   * Макрона, потому что он …“, — говорит он» is not Макрон.
   */
  private recentOutsideContent(gender: Gender): Known | undefined {
    for (let k = this.known.length - 1; k >= this.horizon(); k--) {
      const c = this.known[k];
      if (c.type === 'PER' && compatible(c.gender, gender) && !this.insideContent(c.pos)) return c;
    }
    return undefined;
  }

  /**
   * The person a bare «эксперт» (with `noOffice`) or «собеседник» refers to: the most recent one
   * quoted or named as a subject (failing that, any one named), not one introduced long before
   * with the same noun past the experts quoted since. A politician the expert comments on («Трамп
   * заявил… По мнению эксперта, …») is not the expert, whichever of his mentions carries the
   * office; with no one else the source stays unnamed.
   * @example
   * // «Трамп заявил, что… «…», — уверен Попов. По мнению эксперта, …» → Попов, not Трамп
   * this.recentCommentator('masc', true);
   */
  private recentCommentator(gender: Gender, noOffice: boolean): Known | undefined {
    // A person named once after an office holds it; one named only after other roles («президент
    // аналитического центра») does not, whatever the entities stage's roles say.
    const holders = new Set<string>();
    const other = new Set<string>();
    const from = this.horizon();
    for (let k = noOffice ? from : this.known.length; k < this.known.length; k++) {
      const c = this.known[k];
      if (c.type !== 'PER') continue;
      if (c.office === true) holders.add(c.entityId ?? c.name);
      else if (c.office === false) other.add(c.entityId ?? c.name);
    }
    for (let k = noOffice ? from : this.known.length; k < this.known.length; k++) {
      const c = this.known[k];
      if (c.type === 'PER' && c.officeRoles === true && !other.has(c.entityId ?? c.name)) holders.add(c.entityId ?? c.name);
    }
    for (const salient of [true, false]) {
      for (let k = this.known.length - 1; k >= from; k--) {
        const c = this.known[k];
        if ((salient && !c.salient) || c.type !== 'PER' || !compatible(c.gender, gender) || holders.has(c.entityId ?? c.name)) continue;
        return c;
      }
    }
    return undefined;
  }

  /** The most recent medium: relayed a statement, is a known agency, or is named in Latin letters. */
  private recentMedium(): Known | undefined {
    for (let k = this.known.length - 1; k >= this.horizon(); k--) {
      const c = this.known[k];
      if (c.type === 'ORG' && (c.medium || isMediumName(c.name))) return c;
    }
    return undefined;
  }

  /** The most recent body (salient first) that is not a medium relaying the news. */
  private recentBody(salient: boolean): Known | undefined {
    const ok = (c: Known) => c.type === 'ORG' && !c.medium && !isMediumName(c.name);
    if (salient) for (let k = this.known.length - 1; k >= this.horizon(); k--) if (this.known[k].salient && ok(this.known[k])) return this.known[k];
    for (let k = this.known.length - 1; k >= this.horizon(); k--) if (ok(this.known[k])) return this.known[k];
    return undefined;
  }

  /** Sources further back than this many are out of reach of a role or pronoun (and keep long texts linear). */
  private horizon(): number {
    return Math.max(0, this.known.length - 300);
  }

  /** The earliest source within the horizon that matches: the fullest form of a name comes first. */
  private findKnown(test: (k: Known) => boolean): Known | undefined {
    for (let k = this.horizon(); k < this.known.length; k++) if (test(this.known[k])) return this.known[k];
    return undefined;
  }

  private mentionOf(np: NP, kind: Mention['kind'], normal: string): Mention {
    const t = this.v.doc.tokens;
    const start = t[np.s].start;
    const end = t[np.e - 1].end;
    return { start, end, text: this.v.text.slice(start, end), normal, kind };
  }

  /**
   * The speaker of one quote from its phrase. `oblique` says the phrase is not in the nominative
   * («по словам Фёдорова»); `verb` is the cue verb, whose gender and number agree with the speaker.
   */
  resolve(np: NP | null, verb: number, oblique: boolean, cuePos: number): QuoteSpeaker | null {
    const v = this.v;
    this.advance(cuePos);
    // (A phrase of marks alone is no source: «пишет « »», where the medium's linked name was lost.)
    if (np === null || !this.hasWord(np)) return null;
    const verbGender = verb >= 0 ? genderOf(v, verb) : undefined;
    const out = this.fromMentions(np, oblique, verbGender) ?? this.fromPhrase(np, verbGender, oblique, this.swallowed);
    const h = nounHead(v, np);
    // A document's issuer found by looking back is no new source for later roles and pronouns.
    if (out !== null && out.name !== null && out.type !== 'OTHER' && !cueLexicon().docNouns.has(v.lemmaYo(h))) {
      // The pronoun's own gender first: «по его словам, … удастся» is no plural source.
      const gender = (isPersonalPronoun(v, np.head) ? pronounGender(v, np.head) : undefined) ?? verbGender ?? this.knownGender(out);
      const hl = personReading(v, h)?.lemma ?? v.lemma(h);
      // A bare «эксперт» bound by looking back introduces no one as the expert: a politician it was
      // wrongly bound to would otherwise stay «the expert» for every later one.
      const roles: string[] = v.pos(h) === 'NOUN' && !isPersonalPronoun(v, h) && (out.mention?.kind === 'name' || !(wordList('commentator').has(hl) || wordList('interlocutor').has(hl))) ? [hl] : [];
      const medium = out.type === 'ORG' && verb >= 0 && RELAY.test(v.lemma(verb));
      const office = roles.length > 0 ? this.officeWords(np.s, np.e) : undefined;
      this.known.push({ name: out.name, type: out.type, entityId: out.entityId, gender, pos: v.doc.tokens[np.s].start, salient: true, roles, medium, office });
    }
    if (out !== null && out.name === null && out.type === 'PER' && out.mention?.kind === 'role' && !v.has(h, 'plur')) {
      this.unnamed = { pos: v.doc.tokens[np.s].start, gender: verbGender };
    }
    if (out !== null && out.entityId !== null && out.name !== null) {
      // A later pronoun or role for the same entity takes the name as corrected here.
      const fixed = this.fixedNames.get(out.entityId);
      if (fixed !== undefined) out.name = fixed;
    }
    return out;
  }

  private hasWord(np: NP): boolean {
    for (let k = np.s; k < np.e; k++) if (this.v.isWord(k) || this.v.doc.tokens[k].kind === 'url') return true;
    return false;
  }

  /**
   * The speaker from the entities stage's mentions inside the phrase: a person's name first
   * («Глава МИД России Сергей Лавров» is Лавров, not МИД), then the mention holding the phrase's
   * head, then a role linked to an entity, then any name («пресс-службе Минкомсвязи»).
   */
  private fromMentions(np: NP, oblique: boolean, verbGender: Gender): QuoteSpeaker | null {
    const v = this.v;
    const inside: MentionSpan[] = [];
    this.swallowed = null;
    for (let t = np.s; t < np.e; t++) {
      const m = this.mentionAt(t);
      if (m === undefined || inside.includes(m) || this.eponym(m)) continue;
      if (!this.crossesMedium(m, np)) inside.push(m);
      else if (m.entity >= 0) this.swallowed = v.doc.entities[m.entity].id;
    }
    if (inside.length === 0) return null;
    const head = nounHead(v, np);
    // «В посольстве России заявили», «в администрации Трампа»: a body noun whose genitive names a
    // place or a person is that body, named by the noun and its genitives (not a press service,
    // which speaks for whom it names, nor a medium).
    // A capital the sentence gives its first word is no name's («Посольство США в Москве заявило»).
    const bodyLemma = v.isWord(head) && (!v.isCapital(head) || this.firstWordOfSentence(head)) ? v.lemma(head) : '';
    const genitive = (m: MentionSpan) => m.tokStart > head && m.type !== 'ORG' && m.kind === 'name' && (v.has(m.tokEnd - 1, 'gent') || undeclinedName(v, m.tokEnd - 1));
    // The body's genitives, then perhaps where it sits («в Москве»), which is no part of its name.
    let named = 0;
    while (named < inside.length && genitive(inside[named])) named++;
    if (roleLexicon().get(bodyLemma) === 'ORG' && !wordList('service').has(bodyLemma) && !MEDIA_NOUNS.test(bodyLemma) && this.mentionAt(head) === undefined &&
      named > 0 && inside.every((m, k) => k < named || this.seatOf(m))) {
      const last = inside[named - 1].tokEnd - 1;
      // The head in the nominative: its lemma when singular (a locative «посольстве» too, which
      // phraseNominative, made for genitives, leaves); the genitives after it stay as written.
      const tail = v.text.slice(v.doc.tokens[head].end, v.doc.tokens[last].end);
      // («в партии Ле Пен»: after «в» or «на» a form the dictionary can read as a singular locative
      // is one, whatever the context pass chose.)
      const plural = v.has(head, 'plur') && !(head > 0 && v.pos(head - 1) === 'PREP' && singularLocative(v, head));
      const name = plural ? this.phraseNominative(head, last + 1) : v.lemma(head) + tail;
      const start = v.doc.tokens[head].start, end = v.doc.tokens[last].end;
      return { name, type: 'ORG', entityId: null, mention: { start, end, text: v.text.slice(start, end), normal: name, kind: 'role' } };
    }
    // «Источник «НГ»», «Опрошенные RT эксперты»: a newspaper beside a head that is no body nor medium is the one addressed; after
    // «агентство» (агентства РИА Новости) it is the medium's own name.
    const addressed = roleLexicon().get(v.lemma(head)) !== 'ORG' && !MEDIA_NOUNS.test(v.lemma(head));
    const possessor = (m: MentionSpan) => m.type === 'PER' && this.possessorAt(np, head, m.tokStart, m.tokEnd, verbGender, oblique, writtenNominative(m));
    // «… безопасности Центра Разумкова Михаил Пашков считает»: the subject is the person named in
    // the nominative, not one in the role's genitive tail.
    const person = (m: MentionSpan) => m.kind === 'name' && m.type === 'PER' && !possessor(m);
    // A role the entities stage gave the possessor is not the speaker's («Пресс-секретарь Путина заявил»).
    const possessed = (m: MentionSpan) => m.kind === 'role' && inside.some((o) => o !== m && o.entity === m.entity && possessor(o));
    // A person's name right before another's is the role's genitive tail, even when it may read as
    // a nominative (Путина, Лаврова: a woman's surname too): «Пресс-секретарь Путина Дмитрий Песков».
    const beforePerson = (m: MentionSpan) => inside.some((x) => x.tokStart === m.tokEnd && person(x));
    const best =
      (oblique ? undefined : inside.find((m) => person(m) && !knownOblique(v, m.tokStart) && !beforePerson(m))) ??
      inside.find(person) ??
      inside.find((m) => m.tokStart <= head && head < m.tokEnd && (m.kind === 'name' || (m.entity >= 0 && !possessed(m)))) ??
      inside.find((m) => m.kind === 'role' && m.entity >= 0 && !possessed(m)) ??
      (this.personHead(head) ? undefined : inside.find((m) => m.kind === 'name' && !possessor(m) && !(addressed && this.mediumWord(m.tokStart) && (m.tokStart > head || !v.isCapital(head)))));
    if (best === undefined) return inside.some(possessor) ? this.ownedSpeaker(np, head, verbGender, inside.find(possessor)?.tokStart ?? -1) : null;
    const e = best.entity >= 0 ? v.doc.entities[best.entity] : undefined;
    // «Депутаты предлагают»: a plural role is a group, not the one person the entities stage linked it to.
    if (best.kind === 'role' && e?.type === 'PER' && v.has(best.tokEnd - 1, 'plur') && !v.has(best.tokEnd - 1, 'sing')) return null;
    const mention: Mention = { start: best.start, end: best.end, text: best.text, normal: best.normal, kind: best.kind };
    if (e !== undefined) return { name: this.withPlace(this.nominativeEntity(e.name, e.type, best, oblique), e.type, best, np), type: e.type, entityId: e.id, mention };
    if (best.kind === 'name') return { name: best.normal, type: best.type, entityId: null, mention };
    return null;
  }

  /**
   * A person's name in the genitive after a nominative animate head is its possessor, not the
   * speaker («Вдова Померанца вспоминала», «Сын Сергея Белова заявил», «Сторонники Трампа
   * считают»). The genitive shows in a name's first word that never reads as a nominative, in a
   * singular name beside a plural head, or in a surname whose only nominative is a woman's beside a
   * man's verb («Пресс-секретарь Путина заявил»). Only lower-case genitives may stand between
   * («Вдова писателя Григория Померанца»); a name in the nominative is the head's apposition.
   * `written`: the entities stage found the name written in its nominative.
   */
  private possessorAt(np: NP, head: number, s: number, e: number, verbGender: Gender, oblique: boolean, written: boolean): boolean {
    const v = this.v;
    // «по словам сторонников Трампа», «по мнению оппонентов Мэй»: a head with no singular form is
    // no one person's apposition, in whatever case; but it is of several («экспертов Ивана Петрова
    // и Олега Сидорова»), and of one of them («одного из создателей фильма Хассе Свенса»).
    if (oblique && head >= np.s && s > head && !oneOfGroup(v, np, head) && this.pluralOnly(head) && v.has(head, 'anim') && !v.isCapital(head)) {
      return !(e + 1 < v.n && (v.lower(e) === 'и' || v.isPunct(e, ',')) && this.mentionAt(e + 1)?.type === 'PER');
    }
    if (oblique || head < np.s || s <= head || v.pos(head) !== 'NOUN' || !v.has(head, 'nomn') || !v.has(head, 'anim')) return false;
    // (Not a capitalised head inside the sentence, nor a name's particle: «А бен Ладен считал».)
    if ((v.isCapital(head) && !this.firstWordOfSentence(head)) || nameParticles().has(v.lower(head))) return false;
    const morphology = v.ctx.morphology;
    for (let k = head + 1; k < s; k++) {
      if (!v.isWord(k) || v.isCapital(k) || morphology.tags(v.str(k)).some((t) => t.nomn === true)) return false;
    }
    const last = morphology.tags(v.str(e - 1));
    // («Его визави Дик Адвокат»: a head that may be singular is no plural one.)
    if (this.pluralOnly(head) && !v.has(e - 1, 'nomn') && !last.some((t) => t.plur === true)) return true;
    // A name the entities stage found written in its nominative is an apposition («Доктор Гасасира», «Премьер Заев»).
    if (written) return false;
    // The first word neither the context nor the dictionary reads as a nominative, nor the last in
    // context («Сергея Белова»).
    let first = s;
    while (first < e && !(v.isWord(first) && v.isCapital(first))) first++;
    if (first < e && !v.has(first, 'nomn') && !v.has(e - 1, 'nomn') && !morphology.tags(v.str(first)).some((t) => t.nomn === true)) return true;
    return verbGender === 'masc' && last.some((t) => t.Surn === true && t.masc === true && t.gent === true) && !last.some((t) => t.nomn === true && t.masc === true);
  }

  /**
   * The speaker of a phrase whose name is its head's possessor: one the document introduced with
   * the head's role («пресс-секретарь Путина» after «пресс-секретарь президента Дмитрий Песков»),
   * else no one named; a plural head is a group. Not the possessor at token `owner`, whom the
   * entities stage may have given the role.
   */
  private ownedSpeaker(np: NP, head: number, verbGender: Gender, owner: number): QuoteSpeaker {
    const v = this.v;
    const m = owner >= 0 ? this.mentionAt(owner) : undefined;
    const ownerId = m !== undefined && m.entity >= 0 ? v.doc.entities[m.entity].id : null;
    const lemma = personReading(v, head)?.lemma ?? v.lemma(head);
    const mention = this.mentionOf(np, 'role', lemma);
    if (this.pluralOnly(head)) return { name: null, type: 'OTHER', entityId: null, mention };
    for (let k = this.known.length - 1; k >= this.horizon(); k--) {
      const c = this.known[k];
      if (c.type === 'PER' && c.entityId !== ownerId && compatible(c.gender, verbGender) && c.roles.includes(lemma)) return { name: c.name, type: 'PER', entityId: c.entityId, mention };
    }
    return { name: null, type: 'PER', entityId: null, mention };
  }

  /**
   * The phrase's head is one person (a role of roles.tsv, or any lower-case singular animate noun:
   * «форвард ЦСКА», «вратарь „Зенита“»): a body named after it is where the person works, not the speaker.
   */
  private personHead(head: number): boolean {
    const v = this.v;
    const lemma = personReading(v, head)?.lemma ?? v.lemma(head);
    if (roleLexicon().get(lemma) === 'PER') return true;
    // (az reads a compound by its last part: «компания-производитель» is a body.)
    return v.pos(head) === 'NOUN' && (!v.isCapital(head) || this.firstWordOfSentence(head)) && v.has(head, 'anim') && v.has(head, 'sing') &&
      roleLexicon().get(lemma.split('-')[0]) !== 'ORG';
  }

  /** Token i has no singular reading in the dictionary (`Сторонники`, `соратники`; not `визави`). */
  private pluralOnly(i: number): boolean {
    return !this.v.ctx.morphology.tags(this.v.str(i)).some((t) => t.sing === true);
  }

  /** True when token i is the first word of its sentence (only marks before it there): its capital is the sentence's. */
  private firstWordOfSentence(i: number): boolean {
    const v = this.v;
    for (let j = i - 1; j >= 0 && v.sentOf[j] === v.sentOf[i]; j--) if (v.isWord(j)) return false;
    return true;
  }

  /** True for a place named after a seat preposition (words.tsv: «в», «на»): where a body sits («посольство США в Москве»). */
  private seatOf(m: MentionSpan): boolean {
    const v = this.v;
    const p = m.tokStart - 1;
    return m.type === 'LOC' && m.kind === 'name' && p >= 0 && v.isWord(p) && wordList('seat-preposition').has(v.lower(p));
  }

  /**
   * A person the entities stage names only as written in an oblique phrase («по словам
   * Брайса-Оливье Демори» → «Брайса-Оливье Демори») gets the nominative word by word.
   */
  private nominativeEntity(name: string, type: EntityType, m: MentionSpan, oblique: boolean): string {
    if (name !== m.reading || this.v.has(m.tokEnd - 1, 'nomn')) return name;
    // «руководители Пентагона»: a body named in the genitive under a nominative head.
    // Not a word the dictionary knows as a place or body in the nominative as written («Киев
    // ввёл санкции», where the context rules read «Киев» as the genitive plural of «кий»).
    if (type !== 'PER' && this.v.has(m.tokEnd - 1, 'gent') && !/^\p{Lu}{2,}$/u.test(name) && !this.namedAsWritten(m.tokEnd - 1)) {
      const nom = this.phraseNominative(m.tokStart, m.tokEnd);
      if (nom !== name && m.entity >= 0) {
        const id = this.v.doc.entities[m.entity].id;
        this.fixedNames.set(id, nom);
        this.v.doc.speakerNames.set(id, nom);
      }
      return nom;
    }
    if (type !== 'PER' || !oblique) return name;
    const fixed = this.normalName(m.tokStart, m.tokEnd, true);
    if (m.entity >= 0 && fixed !== name) this.fixedNames.set(this.v.doc.entities[m.entity].id, fixed);
    return fixed;
  }

  /** True when the dictionary reads token i as written as a place's or body's name in the nominative. */
  private namedAsWritten(i: number): boolean {
    return this.v.ctx.morphology.tags(this.v.str(i)).some((t) => t.nomn === true && (t.Geox === true || t.Orgn === true));
  }

  /**
   * A person's name after «имени» or «им.» names a body after that person («сотрудник Института …
   * имени А.В. Полетаева НИУ ВШЭ Олег Морозов»): the person is no speaker.
   */
  private eponym(m: MentionSpan): boolean {
    const v = this.v;
    const b = m.tokStart - 1;
    if (m.type !== 'PER' || b < 0) return false;
    return v.lower(b) === 'имени' || (b >= 1 && v.isPunct(b, '.') && v.lower(b - 1) === 'им');
  }

  /**
   * A mention that has swallowed a neighbour of the phrase, so its entity is not trusted: one that
   * runs past the phrase into an abbreviation, a Latin word or punctuation («Лысакова РИА Новости»,
   * «Волин. Напомним»), or reaches back over a medium («в беседе с RT Засурский»), over a dative
   * addressee («сказал Путину Трамп») or over «с» and the one talked with («с Асадом Путин»); also
   * one across a line break or of an implausible entity.
   */
  private crossesMedium(m: MentionSpan, np: NP): boolean {
    const v = this.v;
    for (let t = Math.max(m.tokStart, np.e); t < m.tokEnd; t++) {
      if (!v.isWord(t) || v.pos(t) === 'LATN' || /^\p{Lu}{2,}$/u.test(v.str(t))) return true;
    }
    // «в беседе с RT Засурский»: a mention reaching back over the medium talked to has swallowed it.
    // «цитирует РИА Новости пресс-секретаря президента»: over an agency the verb of quoting names first, whatever follows it.
    if (m.tokStart < np.s && np.s < m.tokEnd && !mediumPart(v, np.s) && this.mediumBefore(m, np.s)) return true;
    if (m.tokStart < np.s && np.s < m.tokEnd && this.personWord(np.s)) {
      for (let t = m.tokStart; t < np.s; t++) if (v.pos(t) === 'LATN' || knownMedium(v.str(t)) || mediumPart(v, t)) return true;
    }
    // «сказал Путину Трамп»: nor over the one addressed, a name in the dative the subject phrase left
    // out, also before a name that does not decline (`Лаврову Помпео`, `Путину Моди`), unless it ends
    // as a dative itself (`Даниилу Квяту удалось`: az guesses `Квяту` indeclinable).
    if (m.tokStart < np.s && np.s < m.tokEnd && (v.has(np.s, 'nomn') || (v.has(np.s, 'Fixd') && !/[ую]$/.test(v.lower(np.s))))) for (let t = m.tokStart; t < np.s; t++) if (v.isWord(t) && v.isCapital(t) && v.has(t, 'datv') && knownOblique(v, t)) return true;
    // «В разговоре с Асадом Путин подчеркнул»: nor over the one talked or met with, a name in the
    // instrumental after «с» that the tagger joined to the subject's (rule comitative-no-subject).
    if (m.tokStart < np.s && np.s < m.tokEnd && m.tokStart > 0 && comitative(v, m.tokStart - 1) && v.has(m.tokStart, 'ablt') && knownOblique(v, m.tokStart)) return true;
    for (let t = m.tokStart + 1; t < m.tokEnd; t++) if (v.lineBreak(t - 1, t)) return true;
    if (m.entity >= 0 && !this.plausibleEntity(m.entity)) return true;
    return false;
  }

  /** A personal name's word: tagged as one, or capitalised and no inanimate common noun («Засурский», not «Новости»). */
  private personWord(i: number): boolean {
    const v = this.v;
    return v.has(i, 'Name') || v.has(i, 'Surn') || v.has(i, 'Patr') || (v.isCapital(i) && !(v.pos(i) === 'NOUN' && v.has(i, 'inan')));
  }

  /** `plausible` for an entity of the document; every mention of it asks, so the answer is kept. */
  private plausibleEntity(e: number): boolean {
    let known = this.entityPlausible[e];
    if (known === 0) {
      const entity = this.v.doc.entities[e];
      known = plausibleSource(this.v.ctx, entity.name, entity.type === 'PER') ? 1 : 2;
      this.entityPlausible[e] = known;
    }
    return known === 1;
  }

  /**
   * Whether a clause the demonstrative stands for follows it: «тот, кто считает» (whoever), «тот,
   * который» is no one named. («та же Nikkei» is no demonstrative phrase: np.ts reads Nikkei.)
   */
  private demonstrativeOfPhrase(next: number): boolean {
    const v = this.v;
    return next + 1 < v.n && v.str(next) === ',' && (relative(v, next + 1) || wordList('correlative').has(v.lower(next + 1)));
  }

  /**
   * The person a demonstrative before token t refers to: the one named last; for «the latter»
   * (`latter`), unless a place or a body is named after that person («…с рядом стран, в частности
   * Грузией. Последняя …»).
   */
  private namedLast(t: number, gender: Gender, latter: boolean): Known | undefined {
    const c = this.recent('PER', gender);
    if (!latter) return c;
    const tokens = this.v.doc.tokens;
    for (let k = t - 1; k >= 0 && k >= t - 300 && (c === undefined || tokens[k].start > c.pos); k--) {
      // (Not a name inside quoted speech: «Германия готова», — добавила та.)
      const q = this.v.quoteOf[k];
      if (q >= 0 && !shortQuotation(this.v, q)) continue;
      const m = this.mentionAt(k);
      if (m !== undefined && m.type !== 'PER' && m.kind === 'name') return undefined;
    }
    return c;
  }

  /** «МИД России», «МЧС России»: an abbreviated body named together with its country. */
  private withPlace(name: string, type: EntityType, m: MentionSpan, np: NP): string {
    const v = this.v;
    const next = m.tokEnd;
    if (type !== 'ORG' || next >= np.e || !/^\p{Lu}{2,}$/u.test(name)) return name;
    const place = this.mentionAt(next);
    if (place === undefined || place.type !== 'LOC' || place.tokStart !== next) return name;
    return `${name} ${v.doc.readText(place.start, place.end)}`;
  }

  private fromPhrase(np: NP, verbGender: Gender, oblique: boolean, swallowed: string | null): QuoteSpeaker {
    const v = this.v;
    const head = nounHead(v, np);
    // «Путин встретился с Трампом. Тот заявил»: the person named last, the one the sentence before did not start with.
    const latter = wordList('latter').has(v.lower(np.s));
    if (np.e - np.s === 1 && (latter || wordList('demonstrative').has(v.lower(np.s))) && !this.demonstrativeOfPhrase(np.e)) {
      const c = this.namedLast(np.s, genderOf(v, np.s) ?? verbGender, latter);
      const mention = this.mentionOf(np, 'pronoun', v.lower(np.s));
      return c ? { name: c.name, type: c.type, entityId: c.entityId, mention } : { name: null, type: 'OTHER', entityId: null, mention };
    }
    if (isPersonalPronoun(v, head)) {
      const low = v.lower(head);
      const gender: Gender = pronounGender(v, head) ?? verbGender;
      let c = gender === 'plur' ? undefined : this.sentenceSubject(head, gender) ?? this.recentOutsideContent(gender) ?? this.recent('PER', gender);
      // «…, — рассказывает руководитель компании, пожелавший остаться неназванным. По его словам, …»:
      // the one quoted last, left unnamed, is the pronoun's, not a person named before.
      const u = this.unnamed;
      if (c !== undefined && u !== undefined && u.pos > c.pos && compatible(u.gender, gender)) c = undefined;
      const mention = this.mentionOf(np, 'pronoun', low);
      return c ? { name: c.name, type: c.type, entityId: c.entityId, mention } : { name: null, type: 'OTHER', entityId: null, mention };
    }
    const reading = personReading(v, head);
    const lemma = reading?.lemma ?? v.lemma(head);
    const role = roleLexicon().get(lemma);
    if (cueLexicon().docNouns.has(v.lemmaYo(head))) return this.issuer(np, head, lemma);
    // «Стиверн тут же заявил»: a surname the tagger does not know, opening its sentence, of a person named before in full.
    if (!oblique && np.e - np.s === 1 && v.isCapital(head) && role === undefined && !/^\p{Lu}{2,}$/u.test(v.str(head))) {
      const w = v.lower(head).replace(/ё/g, 'е');
      const linked = this.findKnown((k) => k.type === 'PER' && k.entityId !== swallowed && nameWords(k.name).length > 1 && nameWords(k.name).includes(w));
      if (linked) return { name: linked.name, type: 'PER', entityId: linked.entityId, mention: this.mentionOf(np, 'name', v.str(head)) };
    }
    // «представитель Белого дома», «источник в министерстве»: the body behind an unnamed person.
    if (/^(представитель|источник|сотрудник)$/.test(lemma) && this.nameRun(np) === null) {
      const caps = this.capitalStart(np, head + 1, true);
      if (caps >= 0) return { name: this.phraseNominative(caps, np.e), type: 'ORG', entityId: null, mention: this.mentionOf(np, 'role', lemma) };
      const c = lemma === 'представитель' ? this.recent('ORG', undefined, true) : undefined;
      if (c) return { name: c.name, type: c.type, entityId: c.entityId, mention: this.mentionOf(np, 'role', lemma) };
      // «представитель министерства», «источник в ведомстве»: someone unnamed, not the last person quoted.
      if (np.e - np.s > 1) return { name: null, type: 'OTHER', entityId: null, mention: this.mentionOf(np, 'role', lemma) };
    }
    const run = this.nameRun(np);
    if (run !== null) {
      const name = this.normalName(run[0], run[1], oblique);
      if (this.possessorAt(np, head, run[0], run[1], verbGender, oblique, name === v.doc.readText(v.doc.tokens[run[0]].start, v.doc.tokens[run[1] - 1].end))) {
        return this.ownedSpeaker(np, head, verbGender, run[0]);
      }
      const type: EntityType = v.has(run[1] - 1, 'Geox') ? 'LOC' : v.has(run[1] - 1, 'Orgn') ? 'ORG' : 'PER';
      const w = nameWords(name);
      const linked = this.findKnown((k) => k.type === type && k.entityId !== swallowed && sameWords(nameWords(k.name), w));
      const full = linked && linked.name.split(' ').length > name.split(' ').length ? linked.name : name;
      return { name: full, type, entityId: linked?.entityId ?? null, mention: this.mentionOf(np, 'name', name) };
    }
    const plural = oblique
      ? !v.ctx.morphology.tags(v.str(head)).some((t) => t.sing === true && (t.gent === true || t.accs === true || t.datv === true))
      : reading !== undefined ? reading.tags.includes('plur') : v.has(head, 'plur') && !v.has(head, 'Sgtm');
    const unnamed = /^(один|одна|другой|другая|некий|некая|источник)$/.test(v.lower(np.s));
    // «Один из депутатов заявил»: one unnamed member of the group, not the group, nor a body named by the capital.
    if (oneOfGroup(v, np, head)) {
      return { name: null, type: reading !== undefined || v.has(head, 'anim') ? 'PER' : 'OTHER', entityId: null, mention: this.mentionOf(np, 'role', lemma) };
    }
    // «— поделилась фигуристка»: any singular animate noun refers back like a listed role.
    const personLike = role === 'PER' || (role === undefined && v.has(head, 'anim') && v.pos(head) === 'NOUN' && (!v.isCapital(head) || this.sentenceInitial(head)));
    if (personLike && !plural && !unnamed) {
      const commentator = wordList('commentator').has(lemma);
      const c = commentator || wordList('interlocutor').has(lemma) ? this.recentCommentator(verbGender, commentator) : this.recent('PER', verbGender, true, lemma);
      return { name: c?.name ?? null, type: 'PER', entityId: c?.entityId ?? null, mention: this.mentionOf(np, 'role', lemma) };
    }
    // «опрошенные RT аналитики»: beside people, a medium is the one they talked to, not their body.
    let people = personLike;
    // (Any animate reading: the tagger reads «аналитики» as «аналитика».)
    for (let k = np.s; k < np.e && !people; k++) people = v.pos(k) === 'NOUN' && !v.isCapital(k) && v.ctx.morphology.tags(v.str(k)).some((t) => t.anim === true);
    const caps = this.capitalStart(np, np.s, people);
    // «Некоторые издания пишут», «Многие эксперты считают», «Некоторые СМИ»: some of a kind, no one
    // named nor referred back to; but «многие депутаты Верховной рады» speak for the body named after them.
    if (plural && caps <= head && wordList('indefinite').has(v.lemma(np.s))) return { name: null, type: 'OTHER', entityId: null, mention: this.mentionOf(np, 'role', lemma) };
    // «Голландские эксперты считают», «Учёные полагают»: people named by the sentence's first word
    // alone are a group, not a body of that name (unlike «Британские власти»).
    if (plural && people && caps >= 0 && caps <= head && this.sentenceInitial(caps) && this.capitalStart(np, caps + 1, people) < 0) {
      return { name: null, type: 'OTHER', entityId: null, mention: this.mentionOf(np, 'role', lemma) };
    }
    if (role === 'ORG' || caps >= 0) {
      const type: EntityType = v.has(head, 'Geox') ? 'LOC' : 'ORG';
      if (caps >= 0) {
        // «руководители Пентагона»: a name after the phrase's head depends on it, in an oblique case;
        // not one in quotation marks right after a medium or body noun it names («издание «Вести»»,
        // «в газете «Ведомости»»), which stands in apposition and is not declined («лидеры
        // «Талибана»» is a genitive).
        const before = caps - 2;
        const apposition = before >= 0 && v.opensQuotation(caps - 1) && v.quoteOf[caps] !== v.quoteOf[np.s] && v.pos(before) === 'NOUN' &&
          !v.isCapital(before) && (MEDIA_NOUNS.test(v.lemma(before)) || roleLexicon().get(v.lemma(before)) === 'ORG');
        const end = apposition ? Math.min(np.e, v.tokAt(v.quotations[v.quoteOf[caps]].close)) : np.e;
        // (A domain names the body alone: «сервиса Coinmarketcap.com».)
        const name = brandDomain(v, caps) ? v.str(caps) : (oblique || caps > np.s) && !apposition ? this.phraseNominative(caps, end) : v.doc.readText(v.doc.tokens[caps].start, v.doc.tokens[end - 1].end);
        return { name, type, entityId: null, mention: this.mentionOf(np, 'name', name) };
      }
      const text = v.doc.readText(v.doc.tokens[np.s].start, v.doc.tokens[np.e - 1].end);
      const bare = np.e - np.s === 1;
      const lw = nameWords(lemma);
      // «газета», «издание» refer back to a medium, never to the body the medium wrote about.
      const c = MEDIA_NOUNS.test(lemma)
        ? this.recentMedium()
        : this.findKnown((k) => k.type === 'ORG' && sameWords(nameWords(k.name), lw)) ?? (bare ? this.recent('ORG', undefined, true) : undefined);
      return { name: c?.name ?? (oblique ? lemma : text), type: 'ORG', entityId: c?.entityId ?? null, mention: this.mentionOf(np, 'role', lemma) };
    }
    // «…, сообщает NEWSru.com»: a web address or a Latin-letter title is a medium's name.
    if (!v.isWord(head) || v.pos(head) === 'LATN') {
      const text = v.doc.readText(v.doc.tokens[np.s].start, v.doc.tokens[np.e - 1].end);
      return { name: text, type: 'ORG', entityId: null, mention: this.mentionOf(np, 'name', text) };
    }
    return { name: null, type: plural ? 'OTHER' : v.has(head, 'anim') ? 'PER' : 'OTHER', entityId: null, mention: this.mentionOf(np, 'role', lemma) };
  }

  /**
   * «в заявлении МИД России», «в сообщении ведомства», «говорится в документе»: a document speaks
   * for its issuer, named in the genitive after it or, failing that, the body the text last quoted
   * or named. The mention stays the document phrase.
   */
  private issuer(np: NP, head: number, lemma: string): QuoteSpeaker {
    const v = this.v;
    const mention = this.mentionOf(np, 'role', lemma);
    const caps = this.capitalStart(np, head + 1);
    if (caps >= 0) return { name: this.phraseNominative(caps, np.e), type: 'ORG', entityId: null, mention };
    let owner = -1;
    for (let k = head + 1; k < np.e; k++) if (v.pos(k) === 'NOUN') { owner = k; break; }
    const ownerRole = owner >= 0 ? roleLexicon().get(v.lemma(owner)) : 'ORG';
    let c: Known | undefined;
    if (ownerRole === 'ORG') {
      const lw = owner >= 0 ? nameWords(v.lemma(owner)) : [];
      c = (owner >= 0 ? this.findKnown((k) => k.type === 'ORG' && sameWords(nameWords(k.name), lw)) : undefined) ?? this.recent('ORG', undefined, true);
    } else if (ownerRole === 'PER') c = this.recent('PER', genderOf(v, owner), true, v.lemma(owner));
    return c ? { name: c.name, type: c.type, entityId: c.entityId, mention } : { name: null, type: 'OTHER', entityId: null, mention };
  }

  /**
   * First capitalised word of a phrase from token `from` (an all-caps abbreviation counts; a
   * sentence-initial word does not). With `media`, a newspaper's name is passed over: after a
   * person («источник «НГ» в ОР», «эксперты «НГ»») it is the one addressed, not the person's body.
   */
  private capitalStart(np: NP, from: number, media = false): number {
    const v = this.v;
    for (let i = from; i < np.e; i++) {
      if (brandDomain(v, i)) return i;
      if (!v.isWord(i) || !v.isCapital(i) || isPersonalPronoun(v, i) || (media && this.mediumWord(i))) continue;
      // A sentence's first adjective keeps its capital as a name's (Британские власти, Наша газета),
      // a pronoun's (Некоторые, Многие, Этот) does not.
      if (this.sentenceInitial(i) && !/^\p{Lu}{2,}/u.test(v.str(i)) && v.pos(i) !== undefined &&
        (v.pos(i) !== 'ADJF' || (v.has(i, 'Apro') && !wordList('possessive').has(v.lemma(i))))) continue;
      return i;
    }
    return -1;
  }

  /** Token i names a news medium: an agency or paper of the media list (entities/media.tsv: `НГ`, `НГ-политика`). */
  private mediumWord(i: number): boolean {
    return knownMedium(this.v.str(i));
  }

  /** The run of personal-name tokens in a phrase: capitalised Cyrillic words, preferring tagged names. */
  private nameRun(np: NP): [number, number] | null {
    const v = this.v;
    const runs: Array<[number, number, boolean]> = [];
    // A word in quotation marks the phrase does not open names a paper, a club or a body, never a
    // person: «Источник «Интерфакса»», «Тренер «Зенита»» have no person's name («Интерфакса» is no
    // speaker named in the genitive).
    const own = v.quoteOf[np.s];
    const nameAt = (i: number): boolean => (v.quoteOf[i] < 0 || v.quoteOf[i] === own) && this.nameToken(i);
    for (let i = np.s; i < np.e; i++) {
      if (!nameAt(i)) continue;
      let e = i;
      let tagged = false;
      while (e < np.e && nameAt(e)) { if (NAME_TAGS.some((g) => v.has(e, g)) || v.ctx.morphology.tags(v.str(e)).some(nameTag)) tagged = true; e++; }
      runs.push([i, e, tagged]);
      i = e - 1;
    }
    // («в Генштабе рассказали», «глава службы защиты Конституции»: capitalised things are no one's name.)
    const pick = runs.find((r) => r[2]) ?? runs.find((r) => !this.thingsOnly(r[0], r[1]));
    return pick ? [pick[0], pick[1]] : null;
  }

  /**
   * Tokens [s, e) are words the dictionary knows only as inanimate, and as no name, in the genitive
   * or locative (`Генштабе`, `Конституции`); a nominative may be a surname of that shape (`Железняк`,
   * `Коляда`), and so may the one a verb of quoting takes (`цитирует ТАСС Дуду`).
   */
  private thingsOnly(s: number, e: number): boolean {
    for (let i = s; i < e; i++) {
      if (!this.v.has(i, 'gent') && !this.v.has(i, 'loct')) return false;
      const info = this.v.ctx.morphology.formInfo(this.v.str(i));
      if (!info.known || info.tags.some((t) => t.inan !== true || nameTag(t))) return false;
    }
    return true;
  }

  /** A mention holds a medium's word before token i («Новости» of «Новости Лаврова»): the name at i is not the medium's. */
  private mediumBefore(m: MentionSpan, i: number): boolean {
    for (let t = m.tokStart; t < i; t++) if (mediumPart(this.v, t)) return true;
    return false;
  }

  private nameToken(i: number): boolean {
    const v = this.v;
    if (!v.isWord(i) || !/^[А-ЯЁ][а-яё]/.test(v.str(i))) return false;
    if (v.has(i, 'Geox') || v.has(i, 'Orgn')) return false;
    // «Глава Росстата сообщил»: a word the entities stage names as a body or a place is no person's name.
    // (Not one that has swallowed the agency before it: «цитирует РИА Новости Лаврова» gave ORG «Новость Лаврова».)
    const m = this.mentionAt(i);
    if (m !== undefined && m.kind === 'name' && m.type !== 'PER' && m.entity >= 0 && !this.mediumBefore(m, i)) return false;
    const lemma = v.lemma(i);
    if (roleLexicon().has(lemma)) return false;
    const pos = v.pos(i);
    // A capitalised first word of a sentence is a name only when az knows it as one («Хореограф отметил» is not).
    if (this.sentenceInitial(i) || v.doc.tokens[i].start === 0) {
      return pos === undefined || pos === 'UNKN' || NAME_TAGS.some((g) => v.has(i, g)) || v.ctx.morphology.tags(v.str(i)).some(nameTag);
    }
    return pos !== 'ADJF' || NAME_TAGS.some((g) => v.has(i, g));
  }


}

/**
 * A role of public office («министр обороны», «президент»), not the head of a non-state body
 * («президент Украинского аналитического центра»).
 * @example
 * officeRole('вице-президент США'); // true
 * officeRole('президент Украинского аналитического центра'); // false
 * officeRole('советник президента'); // false
 */
function officeRole(role: string): boolean {
  const written = role.split(/\s+/);
  const words = role.toLowerCase().split(/\s+/);
  const office = wordList('office');
  // The head is the first word, or the second after an adjective («американский президент»).
  const head = office.has(words[0]) || (words.length > 1 && /(ый|ий|ой|ая|яя)$/.test(words[0]) && office.has(words[1]));
  return head && !written.some((w, k) => bodyWordAt(w, written[k + 1]));
}

/**
 * `bodyWord` for a word as written, `next` the word after it in the phrase: a capitalised
 * «Федерация» that ends the phrase or comes before a name is the state (`президент Российской
 * Федерации`, `председатель Совета Федерации`), a body only before a lower-case word
 * (`президент Федерации хоккея России`).
 * @example
 * bodyWordAt('Федерации', undefined); // false
 * bodyWordAt('Федерации', 'хоккея'); // true
 * bodyWordAt('центра', undefined); // true
 */
function bodyWordAt(written: string, next: string | undefined): boolean {
  const w = written.toLowerCase();
  if (!bodyWord(w)) return false;
  return !(w.startsWith('федерац') && w !== written && (next === undefined || !/^\p{Ll}/u.test(next)));
}

/** A word naming a non-state body (words.tsv's body-stem list): «центра», «института». */
function bodyWord(w: string): boolean {
  for (const s of wordList('body-stem')) if (w.startsWith(s)) return true;
  return false;
}

/**
 * Per analyzer: name → the answers of `plausibleSource` asked so far, two bits per question
 * (as a person: 1 asked, 2 yes; as anything else: 4 asked, 8 yes).
 */
const plausibleCache = new WeakMap<Context, BoundedCache<number>>();
// Names per generation (two are kept): over RT_1 (13 548 distinct names asked) 5 000 costs 952 more
// answers worked out than an unbounded map (7 % of them; each a few regex tests), for half the entries.
const PLAUSIBLE_LIMIT = 5_000;

/**
 * Whether an entity's name can be a source: it holds a capitalised word or a role noun, not a
 * pronoun or a stray adjective («Такое»). The answer depends on the name alone, so it is kept per
 * analyzer: the same names recur from article to article.
 * @example
 * plausibleSource(ctx, 'Другой известный тренер', true); // false
 */
function plausibleSource(ctx: Context, name: string, person: boolean): boolean {
  let cache = plausibleCache.get(ctx);
  if (cache === undefined) plausibleCache.set(ctx, (cache = new BoundedCache(PLAUSIBLE_LIMIT)));
  const asked = person ? 1 : 4;
  let bits = cache.get(name) ?? 0;
  if ((bits & asked) === 0) {
    bits |= asked | (plausible(ctx, name, person) ? asked << 1 : 0);
    cache.set(name, bits);
  }
  return (bits & (asked << 1)) !== 0;
}

/** Initials (a capital and a full stop each, a space after them or not) and one capitalised word: `Д.Баттон`, `М.Г. Дестрем`. */
const INITIALS_NAME = /^(?:\p{Lu}\.\s?)+\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;

/** `plausibleSource` without the cache. */
function plausible(ctx: Context, name: string, person: boolean): boolean {
  // `Д. Баттон`, `М.Г. Дестрем`: initials and a capitalised surname name one person.
  if (person && INITIALS_NAME.test(name)) return true;
  if (name === '' || /[.\n!?]/.test(name)) return false;
  // A person's name is capitalised word by word («Другой известный тренер» is not one), but for
  // the particles inside one (`Марк ван Хинтум`, `Абу Бакр аль-Багдади`).
  if (person && name.split(/\s+/).some((w) => !/^\p{Lu}/u.test(w) && !nameParticles().has(w.split('-', 1)[0]))) return false;
  if (/^(другой|другая|другие|этот|эта|эти|такой|такая|такое|один|одна|некоторые|каждый|весь|сам|сама|тот|та|наш|мой|его|её|их)\s/i.test(name)) return false;
  if (name.includes(' ')) return true;
  const t = ctx.morphology.tags(name)[0];
  if (t === undefined) return true;
  // «Отдела»: a single common inanimate noun is no person's name.
  if (person && t.POS === 'NOUN' && t.inan === true && t.Name !== true && t.Surn !== true && t.Patr !== true && t.Geox !== true) return false;
  const pos = t.POS;
  const named = t.Name === true || t.Surn === true || t.Geox === true || t.Orgn === true || t.Abbr === true;
  return named || !(pos === 'NPRO' || pos === 'ADJF' || pos === 'PRCL' || pos === 'CONJ' || pos === 'ADVB' || pos === 'VERB' || pos === 'PREP');
}

const wordCache = new Map<string, string[]>();

/** A name's words, lower-cased with ё folded; cached, since the same few names recur. */
function nameWords(name: string): string[] {
  let w = wordCache.get(name);
  if (w === undefined) {
    w = name.toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter(Boolean);
    if (wordCache.size > 10000) wordCache.clear();
    wordCache.set(detached(name), w);
  }
  return w;
}

function sameWords(wa: string[], wb: string[]): boolean {
  if (wa.length === 0 || wb.length === 0) return false;
  const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return small.every((x) => big.includes(x));
}

/**
 * One name's words are a subset of the other's, after lower-casing and ё→е (QUOTES.md's rule).
 * @example
 * sameSource('Трамп', 'Дональд Трамп'); // true
 */
export function sameSource(a: string, b: string): boolean {
  return sameWords(nameWords(a), nameWords(b));
}

/** Token i can be read as a singular locative («партии», «посольстве»). */
function singularLocative(v: View, i: number): boolean {
  for (const t of v.ctx.morphology.tags(v.str(i))) if ((t.loct === true || t.loc2 === true) && t.sing === true) return true;
  return false;
}
