import type { MorphTok } from '../doc.js';
import { type Candidate, F, NOMINAL, PERSON, PROPER, agrees } from './candidate.js';
import type { FormInfo } from './form-info.js';
import type { Morphology } from './morphology.js';
import { type Government, WEIGHTS as W } from './rules.js';

// Per-call work arrays, reused (the analysis is synchronous, so one set per process suffices).
const scratch = { info: [] as FormInfo[], offset: new Int32Array(256), local: new Float64Array(2048), best: new Float64Array(256) };

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
 */
export function analyseInto(forms: readonly string[], morphology: Morphology, start: number, end: number, out: MorphTok[], outAt: number, bare?: Uint8Array): void {
  const n = end - start;
  if (n <= 0) return;
  const info = scratch.info;
  info.length = n;
  if (scratch.offset.length < n + 1) scratch.offset = new Int32Array(2 * n + 2);
  const offset = scratch.offset;
  offset[0] = 0;
  for (let i = 0; i < n; i++) {
    info[i] = morphology.formInfo(forms[start + i]);
    offset[i + 1] = offset[i] + info[i].cands.length;
  }
  if (scratch.local.length < offset[n]) scratch.local = new Float64Array(2 * offset[n]);
  if (scratch.best.length < n) scratch.best = new Float64Array(2 * n);
  const local = scratch.local;
  const best = scratch.best.fill(-Infinity, 0, n);

  // Pass 1: rules that read only the forms around a token.
  for (let i = 0; i < n; i++) {
    const fi = info[i];
    const cs = fi.cands;
    if (cs.length === 0) continue;
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
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k];
      const pos = c.pos;
      let s = c.logp;
      const proper = (c.flags & PROPER) !== 0;
      if (cap && proper) s += initial ? W.capInitialProper : c.flags & F.Known ? W.capProper : W.capProperGuess;
      if (cap && !initial && !proper && !(c.flags & F.Noun)) s += fi.known ? W.capCommon : W.capGuessNotNoun;
      if (c.num === 2 && ((c.flags & PERSON) !== 0 || (cap && !initial && !(c.flags & F.Known)))) s += W.properPlural;
      if (gov !== undefined) {
        if (c.cas !== 0 && (c.flags & NOMINAL) !== 0) s += (c.cas & gov.cases) !== 0 ? W.prepCase : W.prepWrongCase;
        else if (adjacent) s += W.prepNoCase;
        if (cap && gov.place && adjacent) {
          if (c.flags & F.Geox) s += W.placeAfterPrep;
          else if (c.flags & PERSON) s += W.personAfterPlacePrep;
        }
      }
      if (pron !== undefined && pos === 'VERB' && c.num === pron.num) {
        const ok = c.flags & F.Past ? pron.gen === 0 || c.num === 2 || c.gen === pron.gen : c.per === pron.per;
        if (ok) s += W.pronounVerb;
      }
      if (hasVerbal && pos === 'ADJS') s += W.shortAdjective;
      if (hasAdj && pos === 'NOUN' && fi.adjectival) s += W.adjectivalNoun;
      local[offset[i] + k] = s;
      if (s > best[i]) best[i] = s;
    }
  }

  // Pass 2: agreement with the plausible readings of the neighbours (within the margin of their best).
  for (let i = 0; i < n; i++) {
    const cs = info[i].cands;
    if (cs.length === 0) {
      out[outAt + i] = info[i].unknown!;
      if (bare !== undefined) bare[outAt + i] = 1;
      continue;
    }
    const capHere = info[i].cap;
    const prevNames = i > 0 && capHere && info[i - 1].cap;
    const nextNames = i + 1 < n && capHere && info[i + 1].cap;
    let top = -Infinity;
    let choice = cs[0];
    for (let k = 0; k < cs.length; k++) {
      const c = cs[k];
      let s = local[offset[i] + k];
      if (c.flags & F.Adj) {
        if (i + 1 < n && plausibleAgreeing(info[i + 1].cands, local, offset[i + 1], best[i + 1] - W.margin, c, F.Noun | F.Adj)) s += W.agreement;
      } else if (c.flags & F.Noun) {
        if (i > 0 && plausibleAgreeing(info[i - 1].cands, local, offset[i - 1], best[i - 1] - W.margin, c, F.Adj)) s += W.agreement;
      }
      if (c.flags & PERSON) {
        if ((prevNames && plausibleName(info[i - 1].cands, local, offset[i - 1], best[i - 1] - W.margin, c))
          || (nextNames && plausibleName(info[i + 1].cands, local, offset[i + 1], best[i + 1] - W.margin, c))) s += W.nameChain;
      }
      if (s > top) { top = s; choice = c; }
    }
    out[outAt + i] = choice.tok;
  }
  info.length = 0;
}

/** Two parts of one person's name: different kinds (Name + Surn, Name + Patr …) in the same case, number and gender. */
function namesAgree(a: Candidate, b: Candidate): boolean {
  if ((a.flags & PERSON) === (b.flags & PERSON)) return false;
  if ((a.cas & b.cas) === 0 || (a.num !== b.num && a.num !== 0 && b.num !== 0)) return false;
  return a.gen === b.gen || a.gen === 4 || b.gen === 4 || a.gen === 0 || b.gen === 0;
}

function plausibleAgreeing(cs: readonly Candidate[], local: Float64Array, at: number, floor: number, c: Candidate, kinds: number): boolean {
  for (let k = 0; k < cs.length; k++) if (local[at + k] >= floor && (cs[k].flags & kinds) !== 0 && agrees(c, cs[k])) return true;
  return false;
}

function plausibleName(cs: readonly Candidate[], local: Float64Array, at: number, floor: number, c: Candidate): boolean {
  for (let k = 0; k < cs.length; k++) if (local[at + k] >= floor && (cs[k].flags & PERSON) !== 0 && namesAgree(c, cs[k])) return true;
  return false;
}
