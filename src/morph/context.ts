import type { MorphTok } from '../doc.js';
import { C_CAS, C_LOGP, F, NOMINAL, PERSON, POS, PROPER, STRIDE, agreesAt, flagsAt, genAt, numAt, perAt, posAt } from './candidate.js';
import type { FormInfo } from './form-info.js';
import type { Morphology } from './morphology.js';
import { type Government, WEIGHTS as W } from './rules.js';

// Per-call work arrays, reused (the analysis is synchronous, so one set per process suffices).
// `info` keeps its length (setting an array's length frees or reallocates its store) and is
// cleared after each call, so it holds no form past it. `offset` and `local` count in packed
// numbers (STRIDE per candidate), so a candidate's score sits at the offset of its numbers.
const scratch = {
  info: new Array<FormInfo | undefined>(256).fill(undefined),
  offset: new Int32Array(256),
  local: new Float64Array(4096),
  best: new Float64Array(256),
};
/**
 * Analyses the word forms of one sentence in context: for each form, the candidate analysis
 * (az's and the override lexicon's) with the best score, where a score is az's log-probability
 * plus the weighted context rules of rules.ts (preposition government, adjective–noun agreement,
 * names next to names, capitalisation, pronoun–verb agreement). Linear in the number of forms;
 * az runs only on forms not seen before (candidates and per-form facts are cached).
 *
 * `forms[start..end)` is the sentence; the result has one MorphTok per form in that range.
 * Forms that do not start with a letter (punctuation, numbers) get an analysis-less MorphTok.
 *
 * @example
 * analyseSentence(['Выступая', 'в', 'сенате'], m).map((t) => t.lemma); // ['выступать', 'в', 'сенат']
 * analyseSentence(['Илона', 'Маска'], m)[0].lemma;                       // 'илон'
 */
export function analyseSentence(forms: readonly string[], morphology: Morphology, start = 0, end = forms.length): MorphTok[] {
  const out = new Array<MorphTok>(end - start);
  analyseInto(forms, morphology, start, end, out, 0);
  return out;
}

/**
 * analyseSentence writing into `out` from `outAt` (the stage fills doc.morph sentence by sentence).
 * Where `bare` is given, `bare[outAt + i]` is set to 1 when the form got `morphology.unknown(form)`.
 * Where `cached` is given, `cached[outAt + i]` receives the cache's own copy of the form.
 */
export function analyseInto(
  forms: readonly string[], morphology: Morphology, start: number, end: number, out: MorphTok[], outAt: number, bare?: Uint8Array, cached?: string[],
): void {
  const n = end - start;
  if (n <= 0) return;
  if (scratch.info.length < n) scratch.info = new Array<FormInfo | undefined>(2 * n).fill(undefined);
  const info = scratch.info as FormInfo[];
  if (scratch.offset.length < n + 1) scratch.offset = new Int32Array(2 * n + 2);
  const offset = scratch.offset;
  offset[0] = 0;
  for (let i = 0; i < n; i++) {
    const fi = morphology.formInfo(forms[start + i]);
    info[i] = fi;
    offset[i + 1] = offset[i] + fi.data.length;
    if (cached !== undefined) cached[outAt + i] = fi.form;
  }
  if (scratch.local.length < offset[n]) scratch.local = new Float64Array(2 * offset[n]);
  if (scratch.best.length < n) scratch.best = new Float64Array(2 * n);
  const local = scratch.local;
  const best = scratch.best.fill(-Infinity, 0, n);

  // Pass 1: rules that read only the forms around a token. A form with one candidate skips them:
  // that candidate is chosen whatever its score, and a neighbour asks only whether its score lies
  // within the margin of the form's best, which its own score always does (unless it is NaN,
  // where the log-probability alone gives the same answer).
  for (let i = 0; i < n; i++) {
    const fi = info[i];
    const d = fi.data;
    const len = d.length;
    if (len === 0) continue;
    if (len === STRIDE) {
      const s = d[C_LOGP];
      local[offset[i]] = s;
      if (s > best[i]) best[i] = s;
      continue;
    }
    const cap = fi.cap;
    const initial = i === 0 || info[i - 1].opener;
    // The governing preposition: right before the word, or before up to two modifiers (в новом здании).
    let gov: Government | undefined;
    let adjacent = false;
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      if (info[k].gov !== undefined) { gov = info[k].gov; adjacent = k === i - 1; break; }
      if (!info[k].modifier) break;
    }
    // A personal pronoun right before the word, or before one adverb or particle ('они уже стали').
    let pron = i > 0 ? info[i - 1].pron : undefined;
    if (pron === undefined && i > 1 && info[i - 1].adverb) pron = info[i - 2].pron;
    const hasVerbal = fi.hasVerbal;
    const hasAdj = fi.hasAdj;
    // (Not a capital inside a sentence: «При этом У Юн Гын отметил» names a person.)
    const listed = fi.gov !== undefined && (!cap || initial);
    const at = offset[i];
    for (let o = 0; o < len; o += STRIDE) {
      const flags = flagsAt(d, o);
      const pos = posAt(d, o);
      const num = numAt(d, o);
      const cas = d[o + C_CAS];
      let s = d[o + C_LOGP];
      const proper = (flags & PROPER) !== 0;
      if (cap && proper) s += initial ? W.capInitialProper : flags & F.Known ? W.capProper : W.capProperGuess;
      if (cap && !initial && !proper && !(flags & F.Noun)) s += fi.known ? W.capCommon : W.capGuessNotNoun;
      if (num === 2 && ((flags & PERSON) !== 0 || (cap && !initial && !(flags & F.Known)))) s += W.properPlural;
      if (gov !== undefined) {
        if (cas !== 0 && (flags & NOMINAL) !== 0) s += (cas & gov.cases) !== 0 ? W.prepCase : W.prepWrongCase;
        else if (adjacent) s += W.prepNoCase;
        if (cap && gov.place && adjacent) {
          if (flags & F.Geox) s += W.placeAfterPrep;
          else if (flags & PERSON) s += W.personAfterPlacePrep;
        }
      }
      if (pron !== undefined && pos === POS.VERB && num === pron.num) {
        const ok = flags & F.Past ? pron.gen === 0 || num === 2 || genAt(d, o) === pron.gen : perAt(d, o) === pron.per;
        if (ok) s += W.pronounVerb;
      }
      if (listed && (flags & F.Noun) !== 0) s += W.nounOfPreposition;
      if (hasVerbal && pos === POS.ADJS) s += W.shortAdjective;
      if (hasAdj && pos === POS.NOUN && fi.adjectival) s += W.adjectivalNoun;
      local[at + o] = s;
      if (s > best[i]) best[i] = s;
    }
  }

  // Pass 2: agreement with the plausible readings of the neighbours (within the margin of their best).
  for (let i = 0; i < n; i++) {
    const fi = info[i];
    const d = fi.data;
    const len = d.length;
    if (len === 0) {
      out[outAt + i] = fi.unknown!;
      if (bare !== undefined) bare[outAt + i] = 1;
      continue;
    }
    if (len === STRIDE) {
      out[outAt + i] = fi.tok(0, morphology);
      continue;
    }
    const capHere = fi.cap;
    const prevNames = i > 0 && capHere && info[i - 1].cap;
    const nextNames = i + 1 < n && capHere && info[i + 1].cap;
    const at = offset[i];
    let top = -Infinity;
    let choice = 0;
    for (let k = 0, o = 0; o < len; k++, o += STRIDE) {
      const flags = flagsAt(d, o);
      let s = local[at + o];
      if (flags & F.Adj) {
        if (i + 1 < n && plausibleAgreeing(info[i + 1], local, offset[i + 1], best[i + 1] - W.margin, d, o, F.Noun | F.Adj)) s += W.agreement;
      } else if (flags & F.Noun) {
        if (i > 0 && plausibleAgreeing(info[i - 1], local, offset[i - 1], best[i - 1] - W.margin, d, o, F.Adj)) s += W.agreement;
      }
      if (flags & PERSON) {
        if ((prevNames && plausibleName(info[i - 1], local, offset[i - 1], best[i - 1] - W.margin, d, o))
          || (nextNames && plausibleName(info[i + 1], local, offset[i + 1], best[i + 1] - W.margin, d, o))) s += W.nameChain;
      }
      if (s > top) { top = s; choice = k; }
    }
    out[outAt + i] = fi.tok(choice, morphology);
  }
  (scratch.info as Array<FormInfo | undefined>).fill(undefined, 0, n);
}

/** Two parts of one person's name: different kinds (Name + Surn, Name + Patr …) in the same case, number and gender. */
function namesAgree(da: readonly number[], a: number, db: readonly number[], b: number): boolean {
  if ((flagsAt(da, a) & PERSON) === (flagsAt(db, b) & PERSON)) return false;
  const na = numAt(da, a), nb = numAt(db, b);
  if ((da[a + C_CAS] & db[b + C_CAS]) === 0 || (na !== nb && na !== 0 && nb !== 0)) return false;
  const ga = genAt(da, a), gb = genAt(db, b);
  return ga === gb || ga === 4 || gb === 4 || ga === 0 || gb === 0;
}

/** Whether some reading of `other` (scores from local[at]) of one of `kinds`, within the floor, agrees with the candidate at offset o of d. */
function plausibleAgreeing(other: FormInfo, local: Float64Array, at: number, floor: number, d: readonly number[], o: number, kinds: number): boolean {
  const od = other.data;
  for (let p = 0; p < od.length; p += STRIDE) {
    if (local[at + p] >= floor && (flagsAt(od, p) & kinds) !== 0 && agreesAt(d, o, od, p)) return true;
  }
  return false;
}

/** Whether some name reading of `other`, within the floor, is another part of the same name as the candidate at offset o of d. */
function plausibleName(other: FormInfo, local: Float64Array, at: number, floor: number, d: readonly number[], o: number): boolean {
  const od = other.data;
  for (let p = 0; p < od.length; p += STRIDE) {
    if (local[at + p] >= floor && (flagsAt(od, p) & PERSON) !== 0 && namesAgree(d, o, od, p)) return true;
  }
  return false;
}
