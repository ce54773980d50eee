/**
 * Boilerplate at the edges of an article: the "most read" list pasted after it, the menu and the
 * share counters before it. The body is one span, so only the two edges are searched; a region must
 * be a run of lines whose shapes (see `shape.ts`) add up to clear evidence, and it never reaches past
 * a paragraph of running text.
 */
import type { Line } from './lines.js';
import { Shape, classify, isStrong } from './shape.js';

/** A boilerplate region as line indices [from, to], inclusive, with its kind. */
export interface Region { from: number; to: number; kind: string }

/** Evidence each shape adds to a region; text-like lines count against it. */
function weight(s: Shape): number {
  switch (s) {
    case Shape.Short:
    case Shape.Separator:
      return 1;
    case Shape.ShortText:
    case Shape.Continuation:
      return -2;
    case Shape.Text:
      return 0;
    default:
      return 2;
  }
}

/** A short line of this many words before the text is the article's headline. */
const TITLE_WORDS = 4;

/** Whether the line has at least `k` space-separated words (stops counting at k). */
function wordsAtLeast(text: string, line: Line, k: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = line.start; i < line.end; i++) {
    const space = text.charCodeAt(i) === 0x20;
    if (!space && !inWord && ++words >= k) return true;
    inWord = !space;
  }
  return false;
}

/** No sidebar or menu runs longer than this; a longer run of short lines is the text itself (and scanning stops). */
const MAX_REGION_LINES = 400;

/** A region needs this much evidence… */
const MIN_SCORE = 4;
/** …and either this many strong lines… */
const MIN_STRONG = 2;
/** …or this many headline-like lines clustered together. */
const MIN_SHORT = 4;
/** A run with more text-like evidence against it than this is not boilerplate. */
const GIVE_UP = -4;

/** Tallies of the shapes inside a region, to accept it and to name its kind. */
class Tally {
  counts = new Array<number>(Shape.Code + 1).fill(0);
  add(s: Shape): void { this.counts[s]++; }
  get strong(): number {
    let n = 0;
    for (let s = Shape.Separator; s <= Shape.Code; s++) if (s !== Shape.Separator) n += this.counts[s];
    return n;
  }
  get short(): number { return this.counts[Shape.Short]; }
  accepts(score: number): boolean {
    if (score < MIN_SCORE) return false;
    // `Читайте также:` and two headlines under it is a list even without bullets.
    const labelled = this.counts[Shape.Label] > 0 && this.short >= 2;
    return this.strong >= MIN_STRONG || this.short >= MIN_SHORT || labelled;
  }
  /** Items make a list whatever else is in it (a "most read" list carries counters); else the majority. */
  kind(): string {
    const c = this.counts;
    if (c[Shape.Item] >= 2) return 'list';
    // The id, date and address a crawler writes above the text.
    if (c[Shape.Link] > 0 && c[Shape.Counter] > 0 && c[Shape.Short] + c[Shape.Label] === 0) return 'metadata';
    const votes: Array<[string, number]> = [
      ['list', c[Shape.Item] + c[Shape.Short] + c[Shape.Label]],
      ['counters', c[Shape.Counter]],
      ['navigation', c[Shape.Menu]],
      ['links', c[Shape.Link]],
      ['code', c[Shape.Code]],
    ];
    let best = votes[0];
    for (const v of votes) if (v[1] > best[1]) best = v;
    return best[1] > 0 ? best[0] : 'separator';
  }
}

/**
 * Finds the boilerplate regions at the start and at the end of the text (at most one each).
 * Lines are classified lazily from the edges inward, so a long article costs a few lines' work.
 * @example
 * findRegions(text, splitLines(text)) // [{ from: 5, to: 54, kind: 'list' }] for the sample article
 */
export function findRegions(text: string, lines: Line[]): Region[] {
  const n = lines.length;
  if (n < 2) return [];
  const shapes = new Map<number, Shape>();
  const shapeOf = (i: number): Shape => {
    let s = shapes.get(i);
    if (s === undefined) {
      s = classify(text, lines[i]);
      shapes.set(i, s);
    }
    return s;
  };
  const top = topRegion(text, lines, shapeOf);
  const bottom = bottomRegion(text, lines, shapeOf, top === null ? 0 : top.to + 1);
  const out: Region[] = [];
  if (top !== null) out.push(top);
  if (bottom !== null) out.push(bottom);
  return out;
}

/**
 * The region at the end: the run of non-text lines from the last line up, cut where its evidence
 * peaks. Only accepted when the run stops at running text, so a text made only of short lines keeps
 * everything in its body.
 */
function bottomRegion(text: string, lines: Line[], shapeOf: (i: number) => Shape, floor: number): Region | null {
  const n = lines.length;
  let score = 0;
  let best = -1;
  let bestScore = 0;
  let i = n - 1;
  const limit = Math.max(floor, n - 1 - MAX_REGION_LINES);
  for (; i > limit; i--) {
    const s = shapeOf(i);
    if (s === Shape.Text) break;
    score += weight(s);
    if (score < GIVE_UP) break;
    if (weight(s) > 0 && score >= bestScore) { best = i; bestScore = score; }
  }
  // The run must end at something text-like, else the whole text is a list and stays body.
  if (i === limit && (limit > floor || weight(shapeOf(floor)) > 0)) return null;
  if (best < 0) return null;
  // `Министр назвал главные задачи:` and a list under it: the list is what the sentence announces.
  if (best > 0 && text.charCodeAt(lines[best - 1].end - 1) === 0x3a && shapeOf(best - 1) !== Shape.Label) return null;
  const tally = new Tally();
  for (let i = best; i < n; i++) tally.add(shapeOf(i));
  // A text that ends on a sentence ends on its own words, unless bullets mark what precedes as a list.
  if (weight(shapeOf(n - 1)) < 0 && tally.counts[Shape.Item] < 2) return null;
  return tally.accepts(bestScore) ? { from: best, to: n - 1, kind: tally.kind() } : null;
}

/**
 * The region at the start. Unlike the end, the short lines right before the text are usually the
 * article's own headline and dateline, so the cut falls after the last strong line (a menu, a
 * counter, a list item), or after a labelled list (`Читайте также:`) that a blank line closes.
 */
function topRegion(text: string, lines: Line[], shapeOf: (i: number) => Shape): Region | null {
  const n = lines.length;
  let score = 0;
  let end = -1;
  let endScore = 0;
  let labelledBlock = false;
  let title = -1;
  let lastStrongBefore = -1;
  let scoreAtLastStrong = 0;
  let i = 0;
  const limit = Math.min(n - 1, MAX_REGION_LINES);
  for (; i < limit; i++) {
    const s = shapeOf(i);
    if (s === Shape.Text) break;
    if (lines[i].gapBefore) labelledBlock = false;
    score += weight(s);
    if (score < GIVE_UP) break;
    if (s === Shape.Label || s === Shape.Item) labelledBlock = true;
    const closesList = s === Shape.Short && labelledBlock && lines[i + 1].gapBefore;
    if (title < 0 && s === Shape.Short && !labelledBlock && wordsAtLeast(text, lines[i], TITLE_WORDS)) {
      title = i;
      lastStrongBefore = end;
      scoreAtLastStrong = endScore;
    }
    if ((isStrong(s) && s !== Shape.Separator) || closesList || (s === Shape.Separator && end === i - 1)) {
      end = i;
      endScore = score;
    }
  }
  if (i === limit && (limit < n - 1 || weight(shapeOf(n - 1)) > 0)) return null;
  if (end < 0) return null;
  // A numbered headline (`8. Пакистанский адвокат…`) right before the text, not part of a list.
  if (title < 0 && i > 0 && i < n && shapeOf(i - 1) === Shape.Item && (i < 2 || shapeOf(i - 2) !== Shape.Item)
    && wordsAtLeast(text, lines[i - 1], TITLE_WORDS)) {
    title = i - 1;
    lastStrongBefore = -1;
    for (let k = i - 2; k >= 0; k--) {
      const s = shapeOf(k);
      if (isStrong(s) && s !== Shape.Separator) { lastStrongBefore = k; break; }
    }
    scoreAtLastStrong = 0;
    for (let k = 0; k <= lastStrongBefore; k++) scoreAtLastStrong += weight(shapeOf(k));
  }
  if (title >= 0 && title <= end) {
    // Keep the headline (and whatever dateline follows it) with the article.
    end = lastStrongBefore;
    endScore = scoreAtLastStrong;
    if (end < 0) return null;
  }
  const tally = new Tally();
  for (let i = 0; i <= end; i++) tally.add(shapeOf(i));
  return tally.accepts(endScore) ? { from: 0, to: end, kind: tally.kind() } : null;
}
