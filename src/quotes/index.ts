import type { Context } from '../context.js';
import type { Doc } from '../doc.js';
import type { Quote, Span } from '../types.js';
import { findQuotations } from './marks.js';
import type { Found } from './clause.js';
import { dialogueQuotes, directQuotes } from './direct.js';
import { indirectQuotes } from './indirect.js';
import { listQuotes } from './list.js';
import { SpeakerResolver } from './resolve.js';
import { View } from './view.js';
import { isSpace } from '../layout/lines.js';
import { withoutTags } from '../markup.js';

/**
 * Quotes stage: direct quotes (quotation marks with an attribution, dialogue dashes) and indirect
 * ones (X заявил, что…; По словам X, …; …, заявил X.), each with its cue and its speaker resolved
 * to an entity where the entities stage gives one. Only the article body is searched.
 * @example
 * const doc = runPipeline('«Это добрый знак», — сказал Касым-Жомарт Токаев.', new Context());
 * doc.quotes[0].text;          // 'Это добрый знак'
 * doc.quotes[0].speaker?.name; // 'Касым-Жомарт Токаев'
 */
export function quotes(doc: Doc, ctx: Context): void {
  doc.quotes = [];
  doc.speakerNames.clear();
  if (doc.body.end <= doc.body.start || doc.tokens.length === 0) return;
  const v = new View(doc, ctx, findQuotations(doc.text, doc.body.start, doc.body.end));
  // Direct patterns first: they claim their attribution clauses, so the indirect pass never reads
  // «…», — заявил X as a second quote.
  // A quote in a promotion block inside the body (another article's headline or lead) is not this article's.
  const found = [...directQuotes(v), ...dialogueQuotes(v), ...indirectQuotes(v), ...listQuotes(v)].filter((f) => f.segments.length > 0 && withoutPromos(doc, f) && withoutEdgeTags(doc, f));
  const kept = dropOverlaps(found);
  kept.sort((a, b) => a.segments[0].start - b.segments[0].start);
  const resolver = new SpeakerResolver(v, kept.flatMap((f) => f.segments));
  // Speakers resolve in reading order of their cues: a pronoun refers to a source named before it.
  const byCue = [...kept].sort((a, b) => a.cueS - b.cueS);
  const speakers = new Map<Found, Quote['speaker']>();
  for (const f of byCue) speakers.set(f, resolver.resolve(f.speaker, f.verb, f.oblique, doc.tokens[f.cueS].start));
  // A body's nominative found at a later quote («по данным Госстата») is its name in the earlier ones too.
  for (const s of speakers.values()) {
    const fixed = s?.entityId != null ? doc.speakerNames.get(s.entityId) : undefined;
    if (fixed !== undefined && s!.name !== null) s!.name = fixed;
  }
  kept.forEach((f, k) => {
    const t = doc.tokens;
    const cueStart = t[f.cueS].start;
    const cueEnd = t[f.cueE - 1].end;
    doc.quotes.push({
      id: `q${k + 1}`,
      kind: f.kind,
      start: f.segments[0].start,
      end: f.segments[f.segments.length - 1].end,
      text: segmentsText(doc.text, f.segments),
      segments: f.segments,
      cue: { start: cueStart, end: cueEnd, text: doc.text.slice(cueStart, cueEnd), lemma: cueLemma(doc, f) },
      speaker: speakers.get(f) ?? null,
    });
  });
}

/**
 * A quote without the promotion blocks inside the body (another article's headline and lead): one
 * whose cue lies in a block is dropped, and so is a segment that starts in one (a lead's unclosed
 * «, paired with a later », makes one of the article's narrative); a segment that runs across a
 * block is cut around it («… сезоне. ⏎<block>⏎ Но многое зависит от погоды»: two segments).
 * False when nothing is left.
 */
function withoutPromos(doc: Doc, f: Found): boolean {
  const promos = doc.promos;
  if (promos.length === 0) return true;
  if (doc.inPromo(doc.tokens[f.cueS].start)) return false;
  let cut = false;
  const out: Span[] = [];
  for (const s of f.segments) {
    const lo = doc.promoAfter(s.start);
    if (lo === promos.length || promos[lo].start >= s.end) {
      out.push(s);
      continue;
    }
    cut = true;
    if (promos[lo].start <= s.start) continue;
    let start = s.start;
    for (let k = lo; k < promos.length && promos[k].start < s.end; k++) {
      pushTrimmed(doc.text, start, promos[k].start, out);
      start = Math.max(start, promos[k].end);
    }
    pushTrimmed(doc.text, start, s.end, out);
  }
  if (cut) f.segments = out;
  return out.length > 0;
}

/**
 * A quote's segments without the HTML tags at their edges (`…нет.<br>`, `<p>— Мы…`): the content
 * runs to a paragraph's end or from its start, where scraped text leaves them. False when nothing
 * is left.
 */
function withoutEdgeTags(doc: Doc, f: Found): boolean {
  const text = doc.text;
  let cut = false;
  for (const s of f.segments) if (text.charCodeAt(s.start) === 0x3c || text.charCodeAt(s.end - 1) === 0x3e) cut = true;
  if (!cut) return true;
  const out: Span[] = [];
  for (const s of f.segments) pushTrimmed(text, s.start, s.end, out);
  f.segments = out;
  return out.length > 0;
}

/** [start, end) without the white space and HTML tags at its edges, when a word is left (not just `...`). */
function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start < end && (text.charCodeAt(start) === 0x3c || text.charCodeAt(end - 1) === 0x3e)) [start, end] = withoutTags(text, start, end);
  if (start < end && /[\p{L}\d]/u.test(text.slice(start, end))) out.push({ start, end });
}

/** The text of a quote's segments, joined by spaces. */
function segmentsText(text: string, segments: readonly Span[]): string {
  const parts: string[] = [];
  for (const s of segments) parts.push(text.slice(s.start, s.end));
  return parts.join(' ');
}

function cueLemma(doc: Doc, f: Found): string {
  const out: string[] = [];
  for (let i = f.cueS; i < f.cueE; i++) if (doc.tokens[i].kind === 'word') out.push(doc.morph[i]?.lemma ?? doc.tokens[i].text.toLowerCase());
  return out.join(' ');
}

function length(segments: Span[]): number {
  let n = 0;
  for (const s of segments) n += s.end - s.start;
  return n;
}

/**
 * Keeps the earlier-found of two quotes that share most of their content: a later one is dropped
 * when more than half of its characters, or of a kept quote's, belong to that kept quote (a
 * character belongs to the first kept quote that holds it).
 *
 * Segments lie in the body with start ≤ end (as the patterns make them).
 *
 * Who holds which character is kept as runs (OwnedRuns), not per character: a candidate costs the
 * runs it meets, and stops at the first clash. Per character, candidates that each ran to the end
 * of a long sentence made it quadratic: 30 000 `Президент заявил: ` in a row, each a candidate
 * quote to the end of the text, took 90 s.
 */
function dropOverlaps(found: Found[]): Found[] {
  const kept: Found[] = [];
  const lengths: number[] = [];
  const runs = new OwnedRuns();
  const shared = new Map<number, number>();
  for (const f of found) {
    const len = length(f.segments);
    shared.clear();
    let clash = false;
    for (let k = 0; k < f.segments.length && !clash; k++) {
      const sp = f.segments[k];
      for (let i = runs.firstEndingAfter(sp.start); i < runs.count && runs.starts[i] < sp.end; i++) {
        const o = runs.owners[i];
        const n = (shared.get(o) ?? 0) + Math.min(sp.end, runs.ends[i]) - Math.max(sp.start, runs.starts[i]);
        shared.set(o, n);
        if (n > 0.5 * Math.min(len, lengths[o])) { clash = true; break; }
      }
    }
    if (clash) continue;
    const id = kept.length;
    kept.push(f);
    lengths.push(len);
    for (const sp of f.segments) runs.claim(sp.start, sp.end, id);
  }
  return kept;
}

/** Disjoint runs of characters [start, end), each held by one owner, in text order. */
class OwnedRuns {
  starts: number[] = [];
  ends: number[] = [];
  owners: number[] = [];

  get count(): number {
    return this.starts.length;
  }

  /** The first run that ends after `at` (count when none): the first that can hold `at` or come after it. */
  firstEndingAfter(at: number): number {
    let lo = 0, hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Gives `owner` the characters of [start, end) that no run holds yet. */
  claim(start: number, end: number, owner: number): void {
    const first = this.firstEndingAfter(start);
    const starts: number[] = [], ends: number[] = [], owners: number[] = [];
    let at = start;
    let i = first;
    for (; i < this.count && this.starts[i] < end; i++) {
      if (this.starts[i] > at) { starts.push(at); ends.push(this.starts[i]); owners.push(owner); }
      starts.push(this.starts[i]); ends.push(this.ends[i]); owners.push(this.owners[i]);
      at = Math.max(at, this.ends[i]);
    }
    if (at < end) { starts.push(at); ends.push(end); owners.push(owner); }
    this.starts = replaced(this.starts, first, i, starts);
    this.ends = replaced(this.ends, first, i, ends);
    this.owners = replaced(this.owners, first, i, owners);
  }
}

/** `list` with its items from..to replaced by `items`: in place, or copied when too many to spread as arguments. */
function replaced(list: number[], from: number, to: number, items: number[]): number[] {
  if (items.length > 4096) return list.slice(0, from).concat(items, list.slice(to));
  list.splice(from, to - from, ...items);
  return list;
}
