import type { Context } from '../context.js';
import type { Doc } from '../doc.js';
import type { Span, Theme } from '../types.js';
import { animPlural, Kind, tokenFacts, visitCandidates, type TokenFacts, type WordInfo } from './candidates.js';
import { bestFirst } from './best-first.js';
import { freshList } from '../fresh-list.js';
import { loadBackground, type Background } from './lexicon.js';
import { normalForm } from './normal.js';

/**
 * Scoring weights, tuned on kw/russia_today_1 only (see the README section "Key themes"). Exported for the
 * evaluation script's ablations; not part of the public API.
 */
export const themeWeights = {
  /** Weight of each kind (Noun, AdjNoun, NounGen, Name). */
  kind: [1, 1.2, 0.2, 1.2] as number[],
  /** Frequency term: count ** tfPower. */
  tfPower: 1,
  /** Added to the position factor when the phrase is in the body's first paragraph (the title or lead). */
  title: 0.3,
  /** Added to the spread factor times (last − first occurrence) / body length. */
  spread: 0.3,
  /**
   * idf = ln((docs + 1) / (df + 1)) ** power, one power for common-noun phrases and one for names;
   * a key absent from the table gets df = minDf − 1.
   */
  idfPower: 0.5,
  idfPowerName: 0,
  /**
   * Keyphraseness: how often editors tagged the key where it occurred (tuning set), smoothed towards
   * the prior by `taggedSmoothing` pseudo-documents; the score is multiplied by
   * (smoothed / prior) ** taggedPower. Keys the tuning set never held get factor 1.
   */
  taggedPower: 0.8,
  taggedSmoothing: 10,
  /** Lower bound of the keyphraseness factor (1: it only ever raises a score). */
  taggedFloor: 0.3,
};

/**
 * One key phrase of a document with its occurrences. A class, not an object literal: V8 marks a
 * literal's allocation site for allocation straight in the old generation when its objects are
 * still alive at young collections (a document's candidates are), and they then pile up there
 * until a full collection.
 */
class Candidate {
  count = 0;
  lastTok: number;
  title = false;
  /** Occurrence token ranges, flat pairs [start, end, start, end, …]. */
  readonly ranges: number[] = freshList(); // not a literal: see fresh-list.ts
  /** Occurrences whose (last) noun is an animate plural: `беженцы`, `россияне`. */
  animPlural = 0;
  score = 0;
  /** The word whose key stem is the whole key (a single-word noun or name), else undefined. */
  word: WordInfo | undefined = undefined;
  /** For an adjective + noun, the noun's word when its key stem is the key's last word. */
  head: WordInfo | undefined = undefined;

  constructor(readonly key: string, readonly kind: Kind, public firstTok: number) {
    this.lastTok = firstTok;
  }
}

/**
 * Themes stage: key phrases of the body in their natural normal form (`политическая партия`,
 * `выборы`, `Касым-Жомарт Токаев`), best first, at most `max`. Scores combine frequency, kind of
 * phrase, position (the body's first paragraph: title or lead), spread over the text, rarity against
 * the shipped background document frequencies and keyphraseness (how often editors tagged the phrase
 * where it occurred). Linear in the number of tokens but for sorting the candidates; the background
 * table loads on first use.
 *
 * @example
 * const doc = runPipeline(text, new Context());
 * doc.themes.slice(0, 2).map((t) => t.phrase); // ['партия', 'политическая партия'] on fixtures/article.txt
 */
export function themes(doc: Doc, ctx: Context, max: number): void {
  doc.themes = [];
  if (max <= 0 || doc.tokens.length === 0 || doc.morph.length !== doc.tokens.length) return;
  const facts = tokenFacts(doc, ctx);
  const w = themeWeights;
  const titleEnd = firstParagraphEnd(doc);
  const byKey = new Map<string, Candidate>();
  // Names in order of first occurrence, so that merging surnames need not walk every candidate.
  const names: Candidate[] = [];
  visitCandidates(doc, ctx, facts, (key, kind, from, to) => {
    let c = byKey.get(key);
    if (c === undefined) {
      c = new Candidate(key, kind, from);
      // Entity names are keyed by the entity's name; other one-token candidates by the token's stem.
      if (to - from === 1 && facts.entity[from] < 0) c.word = facts.words[from];
      else if (kind === Kind.AdjNoun && facts.words[to - 1].keyStem.indexOf(' ') < 0) c.head = facts.words[to - 1];
      byKey.set(key, c);
      if (kind === Kind.Name) names.push(c);
    }
    c.count++;
    c.lastTok = from;
    if (doc.tokens[from].start < titleEnd) c.title = true;
    c.ranges.push(from, to);
    if (animPlural(doc, facts, to - 1)) c.animPlural++;
  });
  mergeSurnames(doc, facts, names);

  const bg = loadBackground();
  const docs = Math.max(bg.docs, 1);
  const absentDf = Math.max(bg.minDf - 1, 0);
  const bodyTokens = Math.max(1, lastBodyToken(doc) - firstBodyToken(doc));
  const scored: Candidate[] = [];
  for (const c of byKey.values()) {
    if (c.count === 0) continue;
    const row = c.word !== undefined ? wordRow(bg, c.word) : bg.row(c.key);
    const df = row >= 0 ? bg.dfAt(row) : absentDf;
    const idf = Math.pow(Math.log((docs + 1) / (df + 1)), c.kind === Kind.Name ? w.idfPowerName : w.idfPower);
    const position = c.title ? 1 + w.title : 1;
    const spread = 1 + w.spread * ((c.lastTok - c.firstTok) / bodyTokens);
    let s = w.kind[c.kind] * Math.pow(c.count, w.tfPower) * idf * position * spread;
    const t = w.taggedPower > 0 && bg.taggedPrior > 0 ? taggedRow(bg, c, row) : -1;
    if (t >= 0) {
      const smoothed = (bg.taggedAt(t) + w.taggedSmoothing * bg.taggedPrior) / (bg.heldAt(t) + w.taggedSmoothing);
      s *= Math.max(w.taggedFloor, Math.pow(smoothed / bg.taggedPrior, w.taggedPower));
    }
    c.score = s;
    scored.push(c);
  }
  const out: Theme[] = [];
  const seen = new Set<string>();
  for (const c of bestFirst(scored, 2 * max, byScore)) {
    if (out.length >= max) break;
    const plural = c.kind !== Kind.Name && c.animPlural * 2 >= c.count;
    const phrase = normalForm(doc, ctx, facts, c.kind, c.ranges, plural);
    const dedup = phrase.toLowerCase();
    if (seen.has(dedup)) continue;
    seen.add(dedup);
    const spans: Span[] = [];
    for (let k = 0; k < c.ranges.length; k += 2) {
      spans.push({ start: doc.tokens[c.ranges[k]].start, end: doc.tokens[c.ranges[k + 1] - 1].end });
    }
    spans.sort((a, b) => a.start - b.start);
    out.push({ phrase, score: Math.round(c.score * 1000) / 1000, count: c.count, spans });
  }
  doc.themes = out;
}

/** Score order: higher first, then earlier first occurrence. */
function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.firstTok - b.firstTok;
}

/** The background row of a word's key stem, looked up once per word analysis. */
function wordRow(bg: Background, word: WordInfo): number {
  if (word.row === -2) word.row = bg.row(word.keyStem);
  return word.row;
}

/**
 * The background row holding a candidate's keyphraseness counts (-1: none); `own` is the
 * candidate's own row. An adjective + noun phrase is at least as taggable as its head noun
 * (`политическая партия` as `партия`): one site's editors tag from a small vocabulary, so their
 * silence on a specific phrase says little, while `особое внимание` stays as general as `внимание`.
 */
function taggedRow(bg: Background, c: Candidate, own: number): number {
  const ownRow = own >= 0 && bg.heldAt(own) >= 0 ? own : -1;
  if (c.kind !== Kind.AdjNoun) return ownRow;
  const headRow = c.head !== undefined ? wordRow(bg, c.head) : bg.row(c.key.slice(c.key.lastIndexOf(' ') + 1));
  const head = headRow >= 0 && bg.heldAt(headRow) >= 0 ? headRow : -1;
  if (head < 0) return ownRow;
  if (ownRow < 0) return head;
  return bg.taggedAt(ownRow) * bg.heldAt(head) >= bg.taggedAt(head) * bg.heldAt(ownRow) ? ownRow : head;
}

/** Where the body's first paragraph (the title, or the lead line) ends. */
function firstParagraphEnd(doc: Doc): number {
  const { start, end } = doc.body;
  for (const p of doc.paragraphs) if (p.end > start && p.start < end) return Math.min(p.end, end);
  return start;
}

function firstBodyToken(doc: Doc): number {
  for (let i = 0; i < doc.tokens.length; i++) if (doc.tokens[i].start >= doc.body.start) return i;
  return 0;
}

function lastBodyToken(doc: Doc): number {
  for (let i = doc.tokens.length - 1; i >= 0; i--) if (doc.tokens[i].end <= doc.body.end) return i + 1;
  return doc.tokens.length;
}

/**
 * A lone surname (`Трамп`) or first name (`Алиса`) beside a full name (`Дональд Трамп`) is the same
 * person: its occurrences join the full name's. Only names that start with a first name take part.
 */
function mergeSurnames(doc: Doc, facts: TokenFacts, names: readonly Candidate[]): void {
  let fullByPart: Map<string, Candidate> | undefined;
  for (const c of names) {
    const from = c.ranges[0];
    const to = c.ranges[1];
    if (to - from < 2 || facts.entity[from] >= 0 || !doc.morph[from].tags.includes('Name')) continue;
    fullByPart ??= new Map();
    const last = facts.words[to - 1].keyStem;
    if (!fullByPart.has(last)) fullByPart.set(last, c);
    const first = '\u0001' + facts.words[from].keyStem;
    if (!fullByPart.has(first)) fullByPart.set(first, c);
  }
  if (fullByPart === undefined) return;
  for (const c of names) {
    if (c.ranges[1] - c.ranges[0] !== 1) continue;
    const firstName = doc.morph[c.ranges[0]].tags.includes('Name');
    const full = fullByPart.get(firstName ? '\u0001' + c.key : c.key);
    if (full === undefined || full === c) continue;
    full.count += c.count;
    full.firstTok = Math.min(full.firstTok, c.firstTok);
    full.lastTok = Math.max(full.lastTok, c.lastTok);
    full.title ||= c.title;
    for (const r of c.ranges) full.ranges.push(r);
    c.count = 0;
  }
}
