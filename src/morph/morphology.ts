import type Az from 'az';
import type { MorphTok } from '../doc.js';
import { loadAz, mayBeInDictionary, parseDefault, tagAt } from './az.js';
import { BoundedCache, detached } from './cache.js';
import { AS_IS_INFO, C_PARSE, CASE, type Candidate, Drafts, F, parseInfo, tagInfo } from './candidate.js';
import { analyseSentence } from './context.js';
import { type FormInfo, formInfoFromData, formInfoOf, isAnalysable } from './form-info.js';
import { type KnownForms, loadKnownForms } from './known-forms.js';
import { isAsciiDigit, isLowerCase, isUpperCaseFrom, startsUpper } from '../letters.js';
import { closestForm, lemmaOf } from './lemma.js';
import { SharedArrays, sharedNumbers } from './shared-lists.js';
import { hashStart, hashStep, nonZero } from '../hash.js';
import { type OverrideLexicon, overrides } from './overrides.js';
import { russianStem } from './russian-stem.js';
import { passDataFileError } from '../data-file.js';

type Parse = Az.Parse;

// Stress marks (U+0300, U+0301) that dictionaries and encyclopaedic text put on vowels.
const STRESS = /[\u0300\u0301]/g;
const ORDINAL = /^(\d+)-[а-яё]+$/i;
const CYRILLIC = /[а-яё]/i;
// Distinct forms per cache generation (two are kept): the frequent words stay, memory stays bounded.
const CACHE_LIMIT = 100_000;
// az's parses, the bulkiest thing cached, are kept two ways. The later stages ask again for the
// parses of some words (names, mostly): those stay for the last PARSE_LIMIT to 2 × PARSE_LIMIT forms
// asked (two cache generations). The morph stage parses every new word once, and only the words of
// the document at hand are asked for again (seen on RT): those stay for the last RECENT_LIMIT to
// 2 × RECENT_LIMIT new forms only, so most die young, before the GC moves them to the old
// generation, where dead objects pile up until a full collection.
// A form's parses hold ~1.4 KB (seven az objects with their numbers): at 5 000 the cache held
// ~13 MB after a pass over RT_1 and saved 1.6 % of az's runs over 1 000 (104 176 vs 105 812), about
// 10 ms of CPU; the later stages ask again mostly within a few documents.
const PARSE_LIMIT = 1_000;
const RECENT_LIMIT = 200;
// Snowball stems per generation: the themes stage asks for its lemmas' stems and names' words
// (31 559 distinct over RT_1), the token layer (`tokens: true`) for every token's text (120 304).
// 10 000 re-stems 6 129 words more per pass over RT_1 (0.4 µs each), 165 000 more with tokens
// (~70 ms), and keeps 10 400 entries instead of 31 559, or 16 200 instead of 120 304.
const STEM_LIMIT = 10_000;
const HOT_SLOTS = 4096;

/** The hot-table slot of a form: from its length and three of its letters, no full hash. */
function hotSlot(form: string): number {
  const n = form.length;
  if (n === 0) return 0;
  return (form.charCodeAt(0) * 31 + form.charCodeAt(n - 1) * 17 + form.charCodeAt(n >> 1) * 7 + n * 131) & (HOT_SLOTS - 1);
}
// Frozen like every tag list (frozenTags): a frozen array has one map whatever it holds, so the
// readers of tag lists meet one array shape, and an empty list is no new shape to them.
const NO_TAGS: readonly Az.Tag[] = Object.freeze([]);
/** The grammemes of a token without analysis (frozen, like every TagInfo's list). */
const NO_GRAMMEMES: readonly string[] = Object.freeze([]);
// Readings far less likely than the best one are dropped: no context rule can lift them that far.
const MIN_SHARE = 1e-3;
const MAX_CANDIDATES = 8;
const AS_IS_PRIOR = 0.02;
// Endings of declined forms (adjectives, instrumental, plural): such a word is not one left as it stands.
const DECLINED_END = /(?:[аяы]|ом|ем|ой|ей|ого|его|ому|ему|ым|им|ую|юю|ая|яя|ые|ие|ых|их|ыми|ими|ами|ями|ах|ях)$/;
const INDECLINABLE_END = /[иуеоюэ]$/;
const ALL_CASES = CASE.nomn | CASE.gent | CASE.datv | CASE.accs | CASE.ablt | CASE.loct;

/** `form[0] !== form[0].toLowerCase() && form.slice(1) !== form.slice(1).toUpperCase()`, without the copies. */
function isTitle(form: string): boolean {
  return startsUpper(form) && !isUpperCaseFrom(form, 1);
}

/**
 * Word-level morphology shared by the stages: az parses (plus the override lexicon), Snowball
 * stems, candidate analyses for the context rules, and caches for all of them. One instance per
 * Analyzer; the dictionaries themselves are loaded once per process.
 *
 * @example
 * const m = new Morphology();
 * m.parses('Токаева')[0].normalize().word;             // 'токаев'
 * m.nominative(['Анны', 'Быковской']);                 // ['Анна', 'Быковская']
 */
export class Morphology {
  private readonly az = loadAz();
  private readonly lexicon: OverrideLexicon = overrides(this.az);
  /** Distinct forms per cache generation (two are kept); see the constructor. */
  readonly cacheLimit: number;
  private readonly parseCache: BoundedCache<Parse[]>;
  private readonly recentParses: BoundedCache<Parse[]>;
  private readonly stemCache: BoundedCache<string>;
  private readonly unknownCache: BoundedCache<MorphTok>;
  private readonly formCache: BoundedCache<FormInfo>;
  /**
   * The last FormInfo seen in each of HOT_SLOTS slots, picked by a few letters of the form: the
   * frequent words (в, и, что, Путин …) are answered here, from a table small enough to stay in the
   * CPU cache, rather than from the 100 000-form map, whose lookups mostly miss it. A hit here
   * does not refresh the form's place in the map: a frequent word may leave the map and be parsed
   * again when its slot is taken (same answer, one more az run). The forms sit in an array of
   * their own, so the form compared and the FormInfo returned are two loads side by side, not one
   * after the other.
   */
  private readonly hot = new Array<FormInfo | undefined>(HOT_SLOTS).fill(undefined);
  // Empty slots hold '' rather than undefined: the comparison in formInfo then only ever meets two
  // strings, which V8 compiles as a string comparison, not as its generic one (1.5 % of a pass).
  private readonly hotForms = new Array<string>(HOT_SLOTS).fill('');
  /** The table of known forms (known-forms.ts): the shipped one when undefined, loaded when first needed; null for none. */
  private known: KnownForms | null | undefined;

  /**
   * @param options.cacheLimit distinct word forms per cache generation (two generations are
   *   kept, frequent forms move to the young one). Default 100 000; a larger limit trades memory
   *   for fewer repeated parses over long batches.
   * @param options.knownForms the table of known forms' analyses to read new forms from before
   *   computing them (the same results, sooner): the shipped one by default, null for none (the
   *   table's own build and checks compute every form).
   */
  constructor(options: { cacheLimit?: number; knownForms?: KnownForms | null } = {}) {
    this.cacheLimit = Math.max(100, options.cacheLimit ?? CACHE_LIMIT);
    this.known = options.knownForms;
    this.parseCache = new BoundedCache(Math.min(this.cacheLimit, PARSE_LIMIT));
    this.recentParses = new BoundedCache(Math.min(this.cacheLimit, RECENT_LIMIT));
    this.stemCache = new BoundedCache(Math.min(this.cacheLimit, STEM_LIMIT));
    this.unknownCache = new BoundedCache(this.cacheLimit);
    this.formCache = new BoundedCache(this.cacheLimit);
  }

  /**
   * All parses of a word form, best first: the override lexicon's (for names and places it
   * knows), then az's. Capitalisation matters (az offers Name/Surn/Geox only for capitalised
   * forms); stress marks are ignored. Cached.
   */
  parses(form: string): Parse[] {
    let p = this.parseCache.get(form);
    if (p === undefined) {
      p = this.recentParses.get(form) ?? this.computeParses(form);
      this.parseCache.set(form, p);
    }
    return p;
  }

  /** parses() for the morph stage's own first reading of a form: kept only briefly unless asked for again. */
  private parsesOfNewForm(form: string): Parse[] {
    let p = this.parseCache.get(form) ?? this.recentParses.get(form);
    if (p === undefined) {
      p = this.computeParses(form);
      this.recentParses.setDetached(form, p); // formInfo passes the form detached
    }
    return p;
  }

  /** Snowball stem of the lower-cased, ё→е form; cached. */
  stem(form: string): string {
    let s = this.stemCache.get(form);
    if (s === undefined) {
      const norm = form.toLowerCase().replace(/ё/g, 'е').replace(STRESS, '');
      s = CYRILLIC.test(norm) ? russianStem(norm) : norm;
      this.stemCache.set(form, s);
    }
    return s;
  }

  /** Context-free analysis: the most probable candidate. Stages should prefer `doc.morph`, chosen in context. */
  best(form: string): MorphTok {
    const info = this.anyFormInfo(form);
    return info.count > 0 ? info.tok(0, this) : this.unknown(form);
  }

  /** Builds the MorphTok for one parse of a form (lemma by UD conventions, see lemma.ts). */
  fromParse(parse: Parse): MorphTok {
    return { lemma: lemmaOf(parse), pos: parse.tag.POS, tags: tagList(parse) };
  }

  /** The MorphTok of a token that has no analysis (punctuation, numbers, Latin words …). */
  unknown(form: string): MorphTok {
    let m = this.unknownCache.get(form);
    if (m === undefined) {
      m = { lemma: form.toLowerCase().replace(STRESS, ''), pos: undefined, tags: NO_GRAMMEMES };
      this.unknownCache.set(form, m);
    }
    return m;
  }

  /**
   * The distinct analyses of a form (same lemma and tag merged), most probable first, with the
   * numbers the context rules test. Cached: a repeated word costs one map lookup.
   */
  candidates(form: string): readonly Candidate[] {
    return this.anyFormInfo(form).candidates(this);
  }

  /** formInfo for words and ordinals (cached); for other forms, rare here, made afresh from their parses. */
  private anyFormInfo(form: string): FormInfo {
    if (isAnalysable(form)) return this.formInfo(form);
    const all = this.parses(form);
    return formInfoOf(form, this.computeCandidates(form, all), undefined, tagsOf(all));
  }

  /** What the context rules read about a form (its candidates among them); one cache entry per form. */
  formInfo(form: string): FormInfo {
    const slot = hotSlot(form);
    if (this.hotForms[slot] === form) {
      const hit = this.hot[slot];
      if (hit !== undefined) return hit; // undefined: an empty slot, asked for '' itself
    }
    let info = this.formCache.get(form);
    if (info === undefined) {
      form = detached(form); // the cache entry and the FormInfo keep it
      info = this.knownFormInfo(form) ?? this.newFormInfo(form);
      this.formCache.setDetached(form, info);
    }
    this.hot[slot] = info;
    this.hotForms[slot] = info.form;
    return info;
  }

  /** A form's FormInfo computed: az's parses, the candidates chosen from them, their lemmas. */
  private newFormInfo(form: string): FormInfo {
    const all = isAnalysable(form) ? this.parsesOfNewForm(form) : undefined;
    const drafts = all !== undefined ? this.computeCandidates(form, all) : noDrafts();
    const tags = all !== undefined ? tagsOf(all) : NO_TAGS;
    return formInfoOf(form, drafts, drafts.count === 0 ? this.unknown(form) : undefined, tags);
  }

  /**
   * A form's FormInfo read from the table of known forms, the same as newFormInfo would compute
   * (the table's build keeps only such forms, and a test checks every one); undefined for a form
   * not in the table.
   */
  private knownFormInfo(form: string): FormInfo | undefined {
    let known = this.known;
    if (known === undefined) known = this.known = loadKnownForms();
    if (known === null) return undefined;
    const r = known.row(form);
    if (r < 0) return undefined;
    const count = known.tagCount(r);
    for (let i = 0; i < count; i++) {
      const t = tagAt(known.tagNumber(r, i));
      if (t === undefined) return undefined; // az's table unseen (tagAt): compute the form
      scratchTags[i] = t;
    }
    const tags = tagListOf(scratchTags, count);
    const data = sharedNumbers(scratchNumbers, known.dataInto(r, scratchNumbers));
    const first = data.length > 0 ? tags[data[C_PARSE]] : undefined;
    if (first === undefined) return undefined; // not a row the build writes
    const info = formInfoFromData(form, data, tags, undefined);
    // The first candidate's MorphTok, as computeCandidates makes it with the candidates.
    const ti = tagInfo(first);
    info.remember(0, { lemma: this.cachedCopy(known.lemma(r), form), pos: ti.posId !== 0 ? ti.pos : first.POS, tags: ti.list });
    return info;
  }

  /**
   * The tags of all parses of a form, in the order of `parses(form)`: cheaper than the parses
   * for a word (kept with the form's other facts, no az run after the parse cache dropped it).
   *
   * @example
   * m.tags('заявила')[0].past; // true
   */
  tags(form: string): readonly Az.Tag[] {
    return isAnalysable(form) ? this.formInfo(form).tags : tagsOf(this.parses(form));
  }

  /**
   * A form inflected to the given grammemes (OpenCorpora names: 'nomn', 'gent', 'sing', 'plur',
   * 'masc', 'femn' …), keeping the word's capitalisation. `from` picks the analysis to start from
   * (e.g. the one chosen in context, `doc.morph[i]`); by default the most probable one. Gender and
   * number are kept where the target form has them (`Быковской` → `Быковская`, not `Быковский`).
   * Returns undefined when no analysis can be inflected so.
   *
   * @example
   * m.inflect('Токаева', ['nomn']);                     // 'Токаев'
   * m.inflect('комиссией', ['nomn']);                   // 'комиссия'
   * m.inflect('Трампа', ['nomn']);                      // 'Трамп'
   */
  inflect(form: string, grammemes: readonly string[], from?: MorphTok): string | undefined {
    // Candidates keep no az parse (memory), so the form is parsed again: inflection is rare.
    const all = this.computeParses(form);
    const floor = all.reduce((m, p) => Math.max(m, p.score), 0) * 0.01;
    let ps = all.filter((p) => p.stutterCnt === 0 && p.typosCnt === 0 && p.score >= floor && !(p.tag.Abbr && p !== all[0]));
    if (from !== undefined) {
      const chosen = ps.filter((p) => tagList(p) === from.tags && lemmaOf(p) === from.lemma);
      ps = [...chosen, ...ps];
    }
    for (const p of ps) {
      const out = inflectParse(p, grammemes);
      if (out !== undefined) return matchCase(out, form);
    }
    return undefined;
  }

  /**
   * A noun phrase in the nominative, keeping gender and number: the form the entities stage
   * shows. Only the phrase's head declines: the modifiers agreeing with it, the head noun, and
   * further parts of a person's name (`Анны Быковской` → `Анна Быковская`, `Европейской
   * комиссией` → `Европейская комиссия`); what follows the head stays as written (`Министерства
   * иностранных дел` → `Министерство иностранных дел`, `Республики Казахстан` → `Республика
   * Казахстан`). `morph` gives the analyses chosen in context, parallel to `forms` (e.g.
   * `doc.morph.slice(start, end)`); without it the phrase is analysed on its own. Words that
   * cannot be inflected are kept.
   *
   * @example
   * m.nominative(['Касым-Жомарта', 'Токаева']);          // ['Касым-Жомарт', 'Токаев']
   * m.nominative(['Министерства', 'иностранных', 'дел']); // ['Министерство', 'иностранных', 'дел']
   */
  nominative(forms: readonly string[], morph?: readonly MorphTok[]): string[] {
    const out = forms.slice();
    const chosen = morph ?? analyseSentence(forms, this);
    let head: MorphTok | undefined;
    for (let i = 0; i < forms.length; i++) {
      const f = forms[i];
      if (!CYRILLIC.test(f)) {
        if (head !== undefined) break;
        continue;
      }
      const t = chosen[i] ?? this.best(f);
      const isName = t.tags.includes('Name') || t.tags.includes('Surn') || t.tags.includes('Patr');
      if (head !== undefined) {
        // After the head only a further part of a person's name declines with it.
        const headIsName = head.tags.includes('Name') || head.tags.includes('Surn') || head.tags.includes('Patr');
        if (!(headIsName && isName && sameCase(head, t))) break;
      }
      out[i] = this.inflect(f, ['nomn'], t) ?? f;
      if (t.pos === 'NOUN' || t.pos === 'NPRO' || t.tags.includes('Fixd')) head = t;
    }
    return out;
  }

  private computeParses(form: string): Parse[] {
    const clean = hasStress(form) ? form.replace(STRESS, '') : form;
    let ps: Parse[];
    try { ps = parseDefault(clean); } catch (e) { passDataFileError(e); ps = []; }
    // A name written in lower case (москвы, путина in comments and chats): when the dictionary
    // knows the word only as a name, take that rather than a guess from the suffix.
    // (Most such words are in no case in the dictionary: a walk down its graph says so without az.)
    if (clean.length > 2 && isLowerCase(clean) && !ps.some((p) => p.parser === 'Dictionary') && mayBeInDictionary(clean)) {
      let named: Parse[] = [];
      try { named = this.az(clean, { ignoreCase: true, parsers: ['Dictionary'] }).filter((p) => p.parser === 'Dictionary'); } catch (e) { passDataFileError(e); /* else keep the guesses */ }
      if (named.length > 0) ps = named;
    }
    const lex = this.lexicon.lookup(clean);
    if (lex !== undefined) {
      const capitalised = clean[0] !== clean[0].toLowerCase();
      const usable = lex.filter((p) => capitalised || !(p.tag.Name || p.tag.Surn || p.tag.Patr || p.tag.Geox));
      if (usable.length > 0) {
        const known = ps.filter((p) => p.parser === 'Dictionary');
        // The lexicon stands beside the dictionary's readings and replaces az's guesses by suffix.
        const top = known.reduce((m, p) => Math.max(m, p.score), 0) || 1;
        ps = [];
        for (const p of usable) ps.push(p.withScore(top));
        for (const p of known) ps.push(p);
      }
    }
    return ps;
  }

  /**
   * The string kept for a lemma: the form itself when they are equal, else the cache's copy when
   * the lemma is a cached form too (the nominative of a word seen before), else the lemma. One
   * string kept instead of two, and the later stages' caches keyed by lemma find the key they hold.
   */
  private cachedCopy(lemma: string, form: string): string {
    if (lemma === form) return form;
    return this.formCache.get(lemma)?.form ?? lemma;
  }

  /**
   * `all` is the form's parses (from `parses(form)` or, for a new form, the short-lived cache of
   * new forms' parses). The drafts returned are shared: read them before the next call.
   */
  private computeCandidates(form: string, all: readonly Parse[]): Drafts {
    let ps = all;
    // Readings that fix a typo or a stutter (хобби as 'хоби'), or take a long word for an
    // abbreviation (месяцев as 'мес.'), only when nothing else reads the form.
    if (!allClean(ps, form)) {
      const clean = ps.filter((p) => isClean(p, form));
      if (clean.length > 0) ps = clean;
    }
    const out = noDrafts();
    // Paradigm (or word) and tag of each reading taken, by draft number: at most MAX_CANDIDATES,
    // so a scan beats a Set of built keys.
    const seenWhere = scratchWhere;
    const seenTag = scratchTag;
    const ordinal = isAsciiDigit(form.charCodeAt(0)) ? ORDINAL.exec(form) : null;
    let top = 0;
    for (let j = 0; j < ps.length; j++) top = Math.max(top, ps[j].score);
    const floor = top * MIN_SHARE;
    let known = false;
    for (let j = 0; j < ps.length; j++) {
      const p = ps[j];
      if (p.score < floor || out.count >= MAX_CANDIDATES) continue;
      const info = parseInfo(p);
      // az repeats readings through several of its guessers: one per paradigm and tag is enough.
      const where = p.paradigmIdx ?? p.toString();
      if (isSeen(seenWhere, seenTag, out.count, where, info.key)) continue;
      seenWhere[out.count] = where;
      seenTag[out.count] = info.key;
      const parser = p.parser;
      const isKnown = parser === 'Dictionary' || parser === 'Override';
      if (isKnown) known = true;
      const fixed = ordinal !== null ? `${ordinal[1]}-й` : info.abbr ? abbreviationLemma(form, p) : undefined;
      // The most probable reading is nearly always the one chosen: its lemma is made now, from the
      // parse at hand, rather than by looking the parse up again when it is first chosen.
      const lemma = fixed ?? (out.count === 0 ? this.cachedCopy(lemmaOf(p), form) : undefined);
      // The POS as the TagInfo keeps it (the same string, canonical, no load from a tag of one of
      // thousands of shapes); a tag without one (posId 0) gives its own undefined.
      const made = lemma !== undefined ? { lemma, pos: info.posId !== 0 ? info.pos : p.tag.POS, tags: info.list } : undefined;
      out.add(info, p.score, isKnown ? F.Known : 0, made, ps === all ? j : all.indexOf(p));
    }
    // A capitalised word the dictionary lacks may be a foreign name that does not decline
    // (Мопертюи, Сырбу, Франке): offer it as it stands, likely when it ends like one.
    if (out.count > 0 && !known && isTitle(form) && CYRILLIC.test(form) && !DECLINED_END.test(form)) {
      const lemma = form.toLowerCase().replace(STRESS, '');
      const made: MorphTok = { lemma, pos: 'NOUN', tags: AS_IS_INFO.list };
      const prior = INDECLINABLE_END.test(lemma) ? 1 : AS_IS_PRIOR;
      out.add(AS_IS_INFO, prior, F.Noun | F.Fixd | F.AsIs, made, -1, ALL_CASES);
      out.sortByLogp();
    }
    return out;
  }
}

// computeCandidates' drafts and its lists of the paradigms (or words) and tags taken, reused: it
// does not nest, and its caller reads the drafts before asking for the next form's.
const drafts = new Drafts();
const scratchWhere: Array<number | string> = [];
const scratchTag: string[] = [];

/** The shared drafts, emptied. */
function noDrafts(): Drafts {
  drafts.clear();
  return drafts;
}

/** Whether every reading is clean (isClean). */
function allClean(ps: readonly Parse[], form: string): boolean {
  for (let j = 0; j < ps.length; j++) if (!isClean(ps[j], form)) return false;
  return true;
}

/** A reading that fixes no typo or stutter, and takes no long word for an abbreviation. */
function isClean(p: Parse, form: string): boolean {
  return !isCorrection(p) && !(form.length > 4 && parseInfo(p).abbr);
}

/**
 * Whether az's reading fixes a typo or a stutter in the word. One function for all readers of
 * these counts, as `tagOf` for tags.
 *
 * @example
 * isCorrection(morphology.parses('гоол').find((p) => p.word === 'гол')!); // true: a stutter fixed
 * isCorrection(morphology.parses('гоол')[0]);                              // false: az's guess 'гоол'
 */
export function isCorrection(p: Parse): boolean {
  return p.stutterCnt > 0 || p.typosCnt > 0;
}

/** Whether a form has a stress mark (STRESS): a scan, not a regex run, for the many that have none. */
function hasStress(form: string): boolean {
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c === 0x300 || c === 0x301) return true;
  }
  return false;
}

/**
 * Whether a reading of this paradigm (or word, for a reading without one) and tag was taken.
 * Same test as a key `${where} ${tag}` would give: a paradigm index is compared as its decimal
 * string, as the key would write it.
 */
function isSeen(where: ReadonlyArray<number | string>, tags: readonly string[], count: number, w: number | string, tag: string): boolean {
  for (let i = 0; i < count; i++) {
    const x = where[i];
    if (tags[i] === tag && (x === w || (typeof x !== typeof w && String(x) === String(w)))) return true;
  }
  return false;
}

const CASE_NAMES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct', 'voct'];

/** Whether two analyses share their case (an indeclinable word agrees with any). */
function sameCase(a: MorphTok, b: MorphTok): boolean {
  const ca = CASE_NAMES.find((c) => a.tags.includes(c));
  const cb = CASE_NAMES.find((c) => b.tags.includes(c));
  return ca === undefined || cb === undefined || ca === cb || a.tags.includes('Fixd') || b.tags.includes('Fixd');
}

/** Units written short (км, м, гг) keep their written form as lemma, as UD has them. */
function abbreviationLemma(form: string, p: Parse): string | undefined {
  return p.tag.Abbr && form === form.toLowerCase() && form.length <= 3 ? form : undefined;
}

/** Inflects one parse, keeping its gender and number when the target grammemes allow. */
function inflectParse(p: Parse, grammemes: readonly string[]): string | undefined {
  const t = p.tag;
  const keep: string[] = [];
  if (t.NMbr && !grammemes.includes('sing') && !grammemes.includes('plur')) keep.push(t.NMbr as string);
  if (t.GNdr && !grammemes.some((g) => g === 'masc' || g === 'femn' || g === 'neut')) keep.push(t.GNdr as string);
  // Stay the same kind of word: a participle stays a participle of the same tense and voice.
  const kind: string[] = t.POS ? [t.POS] : [];
  if (t.POS === 'PRTF') for (const g of [t.TEns, t.VOic]) if (typeof g === 'string') kind.push(g);
  const tries = [[...grammemes, ...kind, ...keep], [...grammemes, ...kind, ...keep.slice(0, 1)], [...grammemes, ...kind], [...grammemes]];
  for (const g of tries) {
    const out = closestForm(p, g);
    if (out) return out.toString();
  }
  return undefined;
}

/** Gives `word` the capitalisation pattern of `model` (Title, UPPER or lower). */
function matchCase(word: string, model: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (model[0] !== model[0].toLowerCase()) {
    // Hyphenated names capitalise each part: Касым-Жомарт.
    return word.replace(/(^|-)(\p{L})/gu, (_m, sep: string, ch: string, offset: number) => {
      const src = model[offset + sep.length];
      return sep + (src !== undefined && src !== src.toLowerCase() ? ch.toUpperCase() : ch);
    });
  }
  return word;
}

/**
 * The tags of a form's parses, as one shared array per distinct list: forms of the same kind
 * (every feminine noun's genitive singular …) have the same list, so a hundred thousand cached
 * forms hold a few thousand arrays.
 */
function tagsOf(parses: readonly Parse[]): readonly Az.Tag[] {
  if (parses.length === 0) return NO_TAGS;
  let h = hashStart(0) ^ parses.length;
  for (let i = 0; i < parses.length; i++) h = hashStep(h, parseInfo(parses[i]).id);
  h = nonZero(h);
  return tagLists.intern(h, parses, sameTags, frozenTags);
}

/**
 * A parse's tag. Every reader of parse tags goes through this one function so that they share one
 * record of the parse classes met (az's Parse, DictionaryParse and CombinedParse, the lexicon's
 * LexiconParse): this function meets them all from the first article, where a reader of its own
 * would meet an abbreviation's plain Parse late and be deoptimised then.
 *
 * @example
 * tagOf(morphology.parses('США')[0]).Abbr; // true
 */
export function tagOf(p: Parse): Az.Tag {
  return p.tag;
}

// knownFormInfo's tags and packed numbers, reused (it does not nest; the lists kept are copies).
const scratchTags: Az.Tag[] = [];
const scratchNumbers: number[] = [];

/**
 * tagsOf for tags at hand rather than parses (the first `count` of `tags`): the same shared list,
 * found by the same hash (tagInfo(tag).id is parseInfo(p).id for a parse with that tag).
 */
function tagListOf(tags: readonly Az.Tag[], count: number): readonly Az.Tag[] {
  if (count === 0) return NO_TAGS;
  let h = hashStart(0) ^ count;
  for (let i = 0; i < count; i++) h = hashStep(h, tagInfo(tags[i]).id);
  return tagLists.of(nonZero(h), tags, count);
}

function frozenTags(parses: readonly Parse[]): readonly Az.Tag[] {
  // A loop, not map: a map's array is holey in optimised code and packed in unoptimised code, and
  // the readers of the shared lists would meet both (and be deoptimised by the one they missed).
  const tags: Az.Tag[] = [];
  for (let i = 0; i < parses.length; i++) tags.push(tagOf(parses[i]));
  return Object.freeze(tags);
}

function sameTags(list: readonly Az.Tag[], parses: readonly Parse[]): boolean {
  if (list.length !== parses.length) return false;
  for (let i = 0; i < list.length; i++) if (list[i] !== tagOf(parses[i])) return false;
  return true;
}

// Distinct tag lists kept for sharing (frozen, as frozenTags makes them).
const tagLists = new SharedArrays<Az.Tag>(50_000, (tags, count) => Object.freeze(tags.slice(0, count)));

/** The grammemes of a parse as a flat list, without the POS (shared per tag: treat as read-only). */
export function tagList(parse: Parse): readonly string[] {
  return parseInfo(parse).list;
}
