import type Az from 'az';
import type { MorphTok } from '../doc.js';
import { C_PARSE, Candidate, type Drafts, F, POS, type ParseSource, STRIDE, flagsAt, packAt, parseInfo, posAt } from './candidate.js';
import { lemmaOf } from './lemma.js';
import { sharedNumbers } from './shared-lists.js';
import { type Government, PRONOUNS, governments } from './rules.js';
import { isAsciiDigit, isUpperCaseFrom, lowerCased, startsUpper } from '../letters.js';

const CAP = 1, OPENER = 2, MODIFIER = 4, ADVERB = 8, ADJECTIVAL = 16, KNOWN = 32, HAS_VERBAL = 64, HAS_ADJ = 128;

/**
 * What only some forms have: kept apart, so the other nine in ten forms pay one empty field for it.
 * A class with every field from the start (not an object literal filled in later): all of them
 * have one shape, whichever fields a form uses and in whatever order they are set.
 */
class Rare {
  /** MorphToks of candidates after the first, made on demand. */
  more: Array<MorphTok | undefined> | undefined = undefined;
  /** The candidates as objects, for the public API. */
  views: readonly Candidate[] | undefined = undefined;

  constructor(
    /** For a preposition: the cases it governs. */
    readonly gov: Government | undefined,
    /** For a personal pronoun: its person, number and gender. */
    readonly pron: { per: number; num: number; gen: number } | undefined,
    /** For a form without candidates: its analysis-less MorphTok. */
    readonly unknown: MorphTok | undefined,
  ) {}
}

/**
 * What the context rules need to know about a form, whatever its neighbours: computed once per
 * form and cached by Morphology (one cache entry per form holds everything, so a repeated word
 * costs one map lookup). A hundred thousand of these stay in memory, so the candidates are
 * numbers in one array (`data`, STRIDE per candidate, see candidate.ts), the yes/no facts share
 * one number, and what few forms have sits in one optional object.
 */
export class FormInfo {
  private rare: Rare | undefined;

  constructor(
    /**
     * The form as cached (the cache's own key): the morph stage gives it to the token, so every
     * later cache keyed by token text holds this one string, already hashed, not a copy per document.
     */
    readonly form: string,
    /** STRIDE numbers per candidate, most probable first (shared by the forms with the same numbers: read-only). */
    readonly data: readonly number[],
    /**
     * The tags of all the form's parses, in az's order (shared frozen tags): what most later
     * questions about a word need, kept when its parses are long gone from the parse cache.
     */
    readonly tags: readonly Az.Tag[],
    private readonly bits: number,
    rare: Rare | undefined,
  ) {
    this.rare = rare;
  }

  /** Number of candidates. */
  get count(): number { return this.data.length / STRIDE; }
  /** For a preposition: the cases it governs and whether a place is likely after it. */
  get gov(): Government | undefined { return this.rare?.gov; }
  /** For a personal pronoun: person, number and gender. */
  get pron(): { per: number; num: number; gen: number } | undefined { return this.rare?.pron; }
  /** The analysis-less MorphTok, for a form without candidates (so pass 2 needs no lookup). */
  get unknown(): MorphTok | undefined { return this.rare?.unknown; }
  /** Capitalised like a name (not ALL CAPS), with some reading. */
  get cap(): boolean { return (this.bits & CAP) !== 0; }
  /** A capital after it says nothing about names. */
  get opener(): boolean { return (this.bits & OPENER) !== 0; }
  /** Can stand between a preposition and its noun (в новом здании, в 2020 году). */
  get modifier(): boolean { return (this.bits & MODIFIER) !== 0; }
  /** Can stand between a pronoun and its verb (они уже стали). */
  get adverb(): boolean { return (this.bits & ADVERB) !== 0; }
  /** Ends like an adjective. */
  get adjectival(): boolean { return (this.bits & ADJECTIVAL) !== 0; }
  /** Some reading comes from the dictionary (or the override lexicon), not from a guess. */
  get known(): boolean { return (this.bits & KNOWN) !== 0; }
  /** Some reading is a finite verb or a short participle. */
  get hasVerbal(): boolean { return (this.bits & HAS_VERBAL) !== 0; }
  /** Some reading is an agreeing modifier (F.Adj). */
  get hasAdj(): boolean { return (this.bits & HAS_ADJ) !== 0; }

  /** The first candidate's MorphTok, made with the candidates: it is nearly always the one chosen. */
  private first: MorphTok | undefined = undefined;

  /**
   * The MorphTok of candidate k (shared, read-only): made from its parse the first time it is
   * asked for, found again by position among `source.parses(form)` (a cached form keeps no parse).
   */
  tok(k: number, source: ParseSource): MorphTok {
    if (k === 0 && this.first !== undefined) return this.first;
    let t = k > 0 ? this.rare?.more?.[k - 1] : undefined;
    if (t === undefined) {
      const p = source.parses(this.form)[this.data[k * STRIDE + C_PARSE]];
      // The POS from the tag's facts: a literal of the POS table, which later stages compare with
      // their own literals; az's own is a piece of a split string (same characters).
      const info = parseInfo(p);
      t = { lemma: lemmaOf(p), pos: info.posId !== 0 ? info.pos : p.tag.POS, tags: info.list };
      this.remember(k, t);
    }
    return t;
  }

  /** Keeps candidate k's MorphTok (made with the candidates, or on demand). */
  remember(k: number, t: MorphTok): void {
    if (k === 0) this.first = t;
    else ((this.rare ??= new Rare(undefined, undefined, undefined)).more ??= new Array<MorphTok | undefined>(this.count - 1))[k - 1] = t;
  }

  /**
   * Where two FormInfos differ, read field by field (numbers by Object.is, tags and lists by
   * identity, MorphToks by their fields): undefined where they would answer every question alike.
   * For the table of known forms, whose rows must give what the morphology computes.
   * @example
   * FormInfo.difference(fromTable, computed); // undefined, or e.g. 'bits 96 vs 32'
   */
  static difference(a: FormInfo, b: FormInfo): string | undefined {
    if (a.form !== b.form) return `form ${a.form} vs ${b.form}`;
    if (a.data.length !== b.data.length || a.data.some((x, i) => !Object.is(x, b.data[i]))) return `data ${a.data.join(',')} vs ${b.data.join(',')}`;
    if (a.tags !== b.tags) return a.tags.length !== b.tags.length || a.tags.some((t, i) => t !== b.tags[i]) ? 'tags' : 'tag list not the shared one';
    if (a.bits !== b.bits) return `bits ${a.bits} vs ${b.bits}`;
    const ra = a.rare, rb = b.rare;
    if (ra?.gov !== rb?.gov || ra?.pron !== rb?.pron) return 'preposition or pronoun';
    // An analysis-less MorphTok is one per Morphology (its cache's): compared by its fields.
    const ua = ra?.unknown, ub = rb?.unknown;
    if (ua !== ub && (ua === undefined || ub === undefined || ua.lemma !== ub.lemma || ua.pos !== ub.pos || ua.tags !== ub.tags)) return 'analysis-less token';
    if ((ra?.more ?? []).some((t) => t !== undefined) || (rb?.more ?? []).some((t) => t !== undefined)) return 'later candidates made with the first';
    const fa = a.first, fb = b.first;
    if (fa === undefined || fb === undefined) return fa === fb ? undefined : 'first candidate made in one only';
    if (fa.lemma !== fb.lemma || fa.pos !== fb.pos || fa.tags !== fb.tags) return `first candidate ${fa.lemma} ${fa.pos} vs ${fb.lemma} ${fb.pos}`;
    return undefined;
  }

  /** The candidates as objects, for the public API (made once, on demand). */
  candidates(source: ParseSource): readonly Candidate[] {
    const rare = (this.rare ??= new Rare(undefined, undefined, undefined));
    if (rare.views === undefined) {
      const v: Candidate[] = [];
      const view = { data: this.data, tok: (k: number) => this.tok(k, source) };
      for (let k = 0; k < this.count; k++) v.push(new Candidate(view, k));
      rare.views = v;
    }
    return rare.views;
  }
}

// The candidates' numbers are written here by index (it keeps its longest length), then the
// first count × STRIDE are copied out at their exact length.
const packed: number[] = [];
const LETTER = /^\p{L}/u;
const ORDINAL = /^\d+-\p{L}+$/u;
// After these a capital letter says nothing about names: a new sentence, a quote, a line of dialogue.
const OPENERS = new Set(['.', '!', '?', '…', '«', '"', '„', '“', '(', '—', '–', '-', ':', ';']);
// Adjectival endings: a noun with such a form and an adjective reading is a substantivised adjective (настоящее, сборной).
const ADJECTIVAL_END = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими)$/;

/**
 * Whether the context rules analyse this form (a word or an ordinal like 2-й); other forms
 * (punctuation, numbers) get no candidates.
 * @example
 * isAnalysable('Москве'); // true
 * isAnalysable('2020');   // false
 */
export function isAnalysable(form: string): boolean {
  return isBasicLetter(form.charCodeAt(0)) || LETTER.test(form) || ORDINAL.test(form);
}

/** A Latin or Russian letter: the common first letters, answered without the Unicode regex. */
function isBasicLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451;
}

function isCapitalised(form: string): boolean {
  if (!startsUpper(form)) return false;
  // ALL-CAPS words are abbreviations or shouting, not a sign of a name.
  return form.length === 1 || !isUpperCaseFrom(form, 1) || form.includes('-');
}

/**
 * The FormInfo of a form given its candidate drafts, most probable first (none for a form that
 * is not analysable), the tags of its parses, and, for a form without candidates, its
 * analysis-less MorphTok. The drafts are read, not kept (the caller refills them for the next form).
 * @example
 * formInfoOf('в', drafts, undefined, tags).gov?.cases; // CASE bits of accs | loct
 */
export function formInfoOf(form: string, drafts: Drafts, unknown: MorphTok | undefined, tags: readonly Az.Tag[]): FormInfo {
  const n = drafts.count;
  for (let k = 0; k < n; k++) packAt(drafts, k, packed, k * STRIDE);
  const info = formInfoFromData(form, sharedNumbers(packed, n * STRIDE), tags, unknown);
  for (let k = 0; k < n; k++) {
    const made = drafts.made[k];
    if (made !== undefined) info.remember(k, made);
  }
  return info;
}

/**
 * The FormInfo of a form given its candidates' packed numbers (shared: sharedNumbers), the tags of
 * its parses and, for a form without candidates, its analysis-less MorphTok; its yes/no facts are
 * read from the numbers and the form. formInfoOf's second half, and the whole of a form read from
 * the table of known forms (known-forms.ts), so both give the same facts.
 * @example
 * formInfoFromData('в', data, tags, undefined).modifier; // false
 */
export function formInfoFromData(form: string, data: readonly number[], tags: readonly Az.Tag[], unknown: MorphTok | undefined): FormInfo {
  const lower = lowerCased(form);
  const n = data.length / STRIDE;
  const pos = n > 0 ? posAt(data, 0) : 0;
  let hasVerbal = false;
  let hasAdj = false;
  let known = false;
  for (let o = 0; o < data.length; o += STRIDE) {
    const p = posAt(data, o);
    const flags = flagsAt(data, o);
    if (p === POS.VERB || p === POS.PRTS) hasVerbal = true;
    if (flags & F.Adj) hasAdj = true;
    if (flags & F.Known) known = true;
  }
  let bits = 0;
  if (hasVerbal) bits |= HAS_VERBAL;
  if (hasAdj) bits |= HAS_ADJ;
  if (known) bits |= KNOWN;
  if (n > 0 && isCapitalised(form)) bits |= CAP;
  if (OPENERS.has(form)) bits |= OPENER;
  if (n > 0 ? (flagsAt(data, 0) & (F.Adj | F.Numr)) !== 0 || pos === POS.ADVB : isAsciiDigit(form.charCodeAt(0))) bits |= MODIFIER;
  if (pos === POS.ADVB || pos === POS.PRCL) bits |= ADVERB;
  if (ADJECTIVAL_END.test(lower)) bits |= ADJECTIVAL;
  const gov = governments().get(lower);
  const pron = PRONOUNS.get(lower);
  const none = n === 0 ? unknown : undefined;
  const rare = gov !== undefined || pron !== undefined || none !== undefined ? new Rare(gov, pron, none) : undefined;
  return new FormInfo(form, data, tags, bits, rare);
}
