import type Az from 'az';
import type { MorphTok } from '../doc.js';
import { type Candidate, F } from './candidate.js';
import { type Government, PRONOUNS, governments } from './rules.js';
import { isLowerCase } from '../letters.js';

const CAP = 1, OPENER = 2, MODIFIER = 4, ADVERB = 8, ADJECTIVAL = 16, KNOWN = 32, HAS_VERBAL = 64, HAS_ADJ = 128;

/**
 * What the context rules need to know about a form, whatever its neighbours: computed once per
 * form and cached by Morphology (one cache entry per form holds everything, so a repeated word
 * costs one map lookup). The yes/no facts share one number: a hundred thousand of these stay
 * in memory.
 */
export class FormInfo {
  constructor(
    readonly cands: readonly Candidate[],
    /**
     * The tags of all the form's parses, in az's order (shared frozen tags): what most later
     * questions about a word need, kept when its parses are long gone from the parse cache.
     */
    readonly tags: readonly Az.Tag[],
    readonly gov: Government | undefined,
    readonly pron: { per: number; num: number; gen: number } | undefined,
    /** The analysis-less MorphTok, for a form without candidates (so pass 2 needs no lookup). */
    readonly unknown: MorphTok | undefined,
    private readonly bits: number,
  ) {}

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
}

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
  const c = form[0];
  if (c === c.toLowerCase()) return false;
  // ALL-CAPS words are abbreviations or shouting, not a sign of a name.
  return form.length === 1 || form.slice(1) !== form.slice(1).toUpperCase() || form.includes('-');
}

/**
 * The FormInfo of a form given its candidates (empty for a form that is not analysable) and,
 * for a form without candidates, its analysis-less MorphTok.
 * @example
 * formInfoOf('в', m.candidates('в'), undefined, []).gov?.cases; // CASE bits of accs | loct
 */
export function formInfoOf(form: string, cands: readonly Candidate[], unknown: MorphTok | undefined, tags: readonly Az.Tag[]): FormInfo {
  const lower = isLowerCase(form) ? form : form.toLowerCase();
  const top = cands[0];
  const pos = top?.pos;
  let hasVerbal = false;
  let hasAdj = false;
  let known = false;
  for (const c of cands) {
    if (c.pos === 'VERB' || c.pos === 'PRTS') hasVerbal = true;
    if (c.flags & F.Adj) hasAdj = true;
    if (c.flags & F.Known) known = true;
  }
  let bits = 0;
  if (hasVerbal) bits |= HAS_VERBAL;
  if (hasAdj) bits |= HAS_ADJ;
  if (known) bits |= KNOWN;
  if (cands.length > 0 && isCapitalised(form)) bits |= CAP;
  if (OPENERS.has(form)) bits |= OPENER;
  if (top !== undefined ? (top.flags & (F.Adj | F.Numr)) !== 0 || pos === 'ADVB' : /^\d/.test(form)) bits |= MODIFIER;
  if (pos === 'ADVB' || pos === 'PRCL') bits |= ADVERB;
  if (ADJECTIVAL_END.test(lower)) bits |= ADJECTIVAL;
  return new FormInfo(cands, tags, governments().get(lower), PRONOUNS.get(lower), cands.length === 0 ? unknown : undefined, bits);
}
