/**
 * Which language an article is in. franc's trigram model tells long texts apart well but guesses
 * wildly on a headline (`Путин заявил.` comes out Ukrainian), so its vote is weighted by the length
 * of the text and combined with letters only some of the Cyrillic languages use (`letter-evidence.json`).
 * Only a bounded window is read: a 10 MB article costs the same as a 4 KB one.
 */
import { expressions } from 'franc/expressions.js';
import type { Language } from '../types.js';
import { isSpace as isSpaceCode } from './lines.js';
import { readDataText } from '../data-file.js';

/** The languages told apart (ISO 639-3, as franc names them). */
export const LANGS = ['rus', 'ukr', 'bel', 'bul', 'kaz', 'srp', 'mkd', 'eng'] as const;
type Lang = (typeof LANGS)[number];

/** Characters read for letter counts, in all. */
const EVIDENCE_WINDOW = 4000;
/** Characters scored by franc's method (its cost grows with the input; 600 is ~0.2 ms). */
const FRANC_WINDOW = 600;
/** Fewer letters than this: too little text to say. */
export const MIN_LETTERS = 10;
/** Below this share of Cyrillic letters, the text is read as Latin-script (or other) text. */
const MIN_CYRILLIC_SHARE = 0.3;
/** Cyrillic letters at which franc's vote gets its full weight. */
const FRANC_FULL = 300;
/** A Cyrillic text with no evidence either way is most likely Russian: this library's input. */
const RUSSIAN_PRIOR = 0.15;

interface Group { letters: string; rate: number; min: number; notBefore?: string; weights: Partial<Record<Lang, number>> }
interface Evidence { groups: Weighing[]; groupOf: Int8Array; notBefore: Array<Set<number> | null> }
/** What detectLanguage reads of a group: one object shape for all (the file's groups differ by notBefore). */
interface Weighing { rate: number; min: number; weights: Partial<Record<Lang, number>> }

const CYR_FIRST = 0x400;
const CYR_LAST = 0x52f;

let evidence: Evidence | undefined;

function loadEvidence(): Evidence {
  if (evidence !== undefined) return evidence;
  const raw = JSON.parse(readDataText(new URL('./letter-evidence.json', import.meta.url))) as { groups: Group[] };
  const groupOf = new Int8Array(CYR_LAST - CYR_FIRST + 1).fill(-1);
  raw.groups.forEach((g, gi) => {
    for (const ch of g.letters) groupOf[ch.charCodeAt(0) - CYR_FIRST] = gi;
  });
  const notBefore = raw.groups.map((g) => (g.notBefore ? new Set([...g.notBefore].map((c) => c.charCodeAt(0))) : null));
  evidence = { groups: raw.groups.map((g) => ({ rate: g.rate, min: g.min, weights: g.weights })), groupOf, notBefore };
  return evidence;
}

/** A new object each time: it goes into the caller's Analysis, which the caller may change. */
const undetermined = (): Language => ({ code: 'und', isRussian: false, confidence: 0 });
const OTHER_LETTER = /\p{L}/u;

/** Letter counts over the sampled windows. */
interface Counts { cyr: number; lat: number; other: number; hits: Float64Array; richest: number }

/** Windows read for letter counts: their number and size (spread over the text, so an embed at its top cannot decide). */
const WINDOWS = 4;
const WINDOW = EVIDENCE_WINDOW / WINDOWS;

function countLetters(text: string, start: number, end: number, ev: Evidence): Counts {
  const counts: Counts = { cyr: 0, lat: 0, other: 0, hits: new Float64Array(ev.groups.length), richest: start };
  const len = end - start;
  const step = len <= EVIDENCE_WINDOW ? len : Math.floor(len / WINDOWS);
  let bestCyr = -1;
  for (let from = start; from < end; from += Math.max(1, step)) {
    const stop = Math.min(end, from + (len <= EVIDENCE_WINDOW ? len : WINDOW));
    const before = counts.cyr;
    for (let i = from; i < stop; i++) {
      const c = text.charCodeAt(i);
      // @names, #tags and web addresses are Latin whatever the language around them.
      if (c === 0x40 || c === 0x23 || (c === 0x68 && text.startsWith('http', i))) {
        while (i + 1 < stop && !isSpaceCode(text.charCodeAt(i + 1))) i++;
        continue;
      }
      if (c >= CYR_FIRST && c <= CYR_LAST) {
        counts.cyr++;
        const g = ev.groupOf[c - CYR_FIRST];
        if (g >= 0) {
          const nb = ev.notBefore[g];
          if (nb === null || i + 1 >= stop || !nb.has(text.charCodeAt(i + 1))) counts.hits[g]++;
        }
      } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) {
        counts.lat++;
      } else if (c > 0x24f && OTHER_LETTER.test(text[i])) {
        counts.other++;
      }
    }
    if (counts.cyr - before > bestCyr) { bestCyr = counts.cyr - before; counts.richest = from; }
    if (len <= EVIDENCE_WINDOW) break;
  }
  return counts;
}

/**
 * Detects the language of `text[start, end)` from a few bounded windows spread over it.
 * @example
 * detectLanguage('Путин заявил, что переговоры продолжатся.', 0, 41) // { code: 'rus', isRussian: true, confidence: … }
 * detectLanguage('12 345 — !!!', 0, 12) // { code: 'und', isRussian: false, confidence: 0 }
 */
export function detectLanguage(text: string, start: number, end: number): Language {
  const ev = loadEvidence();
  const { cyr, lat, other, hits, richest } = countLetters(text, start, end, ev);
  const letters = cyr + lat + other;
  if (letters < MIN_LETTERS) return undetermined();
  // Russian news embeds English tweets, code and addresses: a text with a fair share of Cyrillic is Cyrillic.
  if (cyr < MIN_CYRILLIC_SHARE * letters || cyr < MIN_LETTERS) {
    if (lat <= other) return undetermined();
    // English is the only Latin-script language in the set: the script decides, the share says how sure.
    return { code: 'eng', isRussian: false, confidence: round(Math.min(1, lat / 50) * (lat / letters)) };
  }

  const score = new Map<Lang, number>();
  for (const l of LANGS) if (l !== 'eng') score.set(l, 0);
  score.set('rus', RUSSIAN_PRIOR);
  ev.groups.forEach((g, gi) => {
    if (hits[gi] === 0) return;
    const full = Math.max(g.min, g.rate * cyr);
    const strength = Math.min(1, hits[gi] / full);
    for (const [l, w] of Object.entries(g.weights) as Array<[Lang, number]>) {
      if (score.has(l)) score.set(l, score.get(l)! + w * strength);
    }
  });
  // franc's vote moves any margin by at most its weight, and costs ~1.5 µs a character: ask it only
  // when the letters leave the answer open.
  const francWeight = Math.min(1, cyr / FRANC_FULL);
  if (marginOf(score).margin <= francWeight) {
    for (const [code, s] of francVotes(text, richest, Math.min(end, richest + FRANC_WINDOW))) {
      if (score.has(code as Lang)) score.set(code as Lang, score.get(code as Lang)! + francWeight * s);
    }
  }
  const { best, margin } = marginOf(score);
  const lengthFactor = Math.min(1, cyr / 100);
  const cyrShare = cyr / letters;
  const confidence = round(lengthFactor * cyrShare * Math.min(1, 0.4 + margin));
  return { code: best, isRussian: best === 'rus', confidence };
}

function marginOf(score: Map<Lang, number>): { best: Lang; margin: number } {
  let best: Lang = 'rus';
  let bestScore = -Infinity;
  let second = -Infinity;
  for (const [l, s] of score) {
    if (s > bestScore) { second = bestScore; bestScore = s; best = l; } else if (s > second) second = s;
  }
  return { best, margin: bestScore - second };
}

/** franc's scores (best = 1) for the window, or nothing when there is too little text to score. */
function francVotes(text: string, start: number, end: number): Array<[string, number]> {
  // Outside the try: a missing or damaged models file must fail loudly, not silence every vote.
  trigramModels();
  try {
    return trigramVotes(text.slice(start, end));
  } catch {
    // Scoring arbitrary input must not fail the article.
    return [];
  }
}

/**
 * franc's trigram models of LANGS, per script: `|`-joined trigrams, most frequent first, as in
 * franc's data (models/franc-trigrams.json, written by scripts/build-franc-trigrams.ts).
 */
export type TrigramModels = Record<string, Record<string, string>>;

/**
 * The trigram models of LANGS in franc's data for every script (languages in franc's order).
 * @example
 * trigramModelsOf((await import('franc/data.js')).data).Cyrillic.rus.split('|')[0]; // ' пр'
 */
export function trigramModelsOf(data: Record<string, Record<string, string>>): TrigramModels {
  const out: TrigramModels = {};
  for (const [script, languages] of Object.entries(data)) {
    const kept = Object.entries(languages).filter(([l]) => (LANGS as readonly string[]).includes(l));
    if (kept.length > 0) out[script] = Object.fromEntries(kept);
  }
  return out;
}

/** Per script, each language's trigrams with their rank (the first rank of a repeated one). */
let models: Map<string, Array<[string, Map<string, number>]>> | undefined;

function trigramModels(): Map<string, Array<[string, Map<string, number>]>> {
  if (models !== undefined) return models;
  const raw = JSON.parse(readDataText(new URL('../../models/franc-trigrams.json', import.meta.url))) as TrigramModels;
  models = new Map(Object.entries(raw).map(([script, languages]) => [script, Object.entries(languages).map(([lang, list]) => {
    const ranks = new Map<string, number>();
    list.split('|').forEach((t, rank) => { if (!ranks.has(t)) ranks.set(t, rank); });
    return [lang, ranks] as [string, Map<string, number>];
  })]));
  return models;
}

/** franc's sample limit and its distance for a trigram a model lacks. */
const FRANC_MAX_LENGTH = 2048;
const FRANC_MAX_DIFFERENCE = 300;

/**
 * What franc's `francAll(value, { only: LANGS, minLength: MIN_LETTERS })` answers, less its
 * `und` rows, computed here on the models of LANGS alone: importing franc builds the tables of
 * its 163 trigram models (~15 ms, a twentieth of start-up) for a vote that few articles ask
 * for. Same steps, same arithmetic: the script with the largest share of the text (franc's
 * expressions), the text's trigram counts, each model's distance, normalised;
 * test/franc-subset.test.ts compares the two on real and made-up texts.
 * @example
 * trigramVotes('Президент России заявил, что переговоры продолжатся на следующей неделе.');
 * // [['mkd', 1], ['rus', 0.98…], …]: on one sentence franc's guess is weak (hence its weight)
 * trigramVotes('12 345'); // [] (fewer than MIN_LETTERS characters)
 */
export function trigramVotes(value: string): Array<[string, number]> {
  if (!value || value.length < MIN_LETTERS) return [];
  value = value.slice(0, FRANC_MAX_LENGTH);
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) { topShare = share; top = script; }
  }
  const languages = top === undefined ? undefined : trigramModels().get(top);
  if (languages === undefined || languages.length === 0) return [];
  const counts = trigramCounts(value);
  const distances = languages.map(([lang, ranks]): [string, number] => {
    let distance = 0;
    for (const [trigram, count] of counts) {
      const rank = ranks.get(trigram);
      distance += rank === undefined ? FRANC_MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
    return [lang, distance];
  }).sort((a, b) => a[1] - b[1]);
  const min = distances[0][1];
  const max = value.length * FRANC_MAX_DIFFERENCE - min;
  for (const d of distances) d[1] = 1 - (d[1] - min) / max || 0;
  return distances;
}

/**
 * Counts of the trigrams (UTF-16 code units) of the text as franc's trigram-utils cleans it:
 * ASCII punctuation and digits as spaces, white space collapsed and trimmed, lower case, padded
 * with a space each side.
 */
function trigramCounts(value: string): Map<string, number> {
  const padded = ' ' + value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase() + ' ';
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const t = padded.slice(i, i + 3);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
