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
  if (doc.body.end <= doc.body.start || doc.tokens.length === 0) return;
  const v = new View(doc, ctx, findQuotations(doc.text, doc.body.start, doc.body.end));
  // Direct patterns first: they claim their attribution clauses, so the indirect pass never reads
  // «…», — заявил X as a second quote.
  const found = [...directQuotes(v), ...dialogueQuotes(v), ...indirectQuotes(v), ...listQuotes(v)].filter((f) => f.segments.length > 0);
  const kept = dropOverlaps(found, doc.body.start, doc.body.end - doc.body.start);
  kept.sort((a, b) => a.segments[0].start - b.segments[0].start);
  const resolver = new SpeakerResolver(v, kept.flatMap((f) => f.segments));
  // Speakers resolve in reading order of their cues: a pronoun refers to a source named before it.
  const byCue = [...kept].sort((a, b) => a.cueS - b.cueS);
  const speakers = new Map<Found, Quote['speaker']>();
  for (const f of byCue) speakers.set(f, resolver.resolve(f.speaker, f.verb, f.oblique, doc.tokens[f.cueS].start));
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
 * Keeps the earlier-found of two quotes that share most of their content. Characters remember
 * which kept quote holds them, so this stays linear in the text however many quotes there are.
 */
function dropOverlaps(found: Found[], base: number, size: number): Found[] {
  const kept: Found[] = [];
  const lengths: number[] = [];
  const owner = new Int32Array(Math.max(0, size)).fill(-1);
  const shared = new Map<number, number>();
  for (const f of found) {
    const len = length(f.segments);
    shared.clear();
    for (const sp of f.segments) {
      for (let c = sp.start; c < sp.end; c++) {
        const o = owner[c - base];
        if (o >= 0) shared.set(o, (shared.get(o) ?? 0) + 1);
      }
    }
    let clash = false;
    for (const [o, n] of shared) if (n > 0.5 * Math.min(len, lengths[o])) { clash = true; break; }
    if (clash) continue;
    const id = kept.length;
    kept.push(f);
    lengths.push(len);
    for (const sp of f.segments) for (let c = sp.start; c < sp.end; c++) if (owner[c - base] < 0) owner[c - base] = id;
  }
  return kept;
}
