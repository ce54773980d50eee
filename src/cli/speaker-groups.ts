import type { Analysis, Quote, Speaker } from '../types.js';

/** Quotes grouped for display: each known speaker with its quotes, then the rest by speaker name. */
export interface SpeakerGroups {
  speakers: Array<{ speaker: Speaker; quotes: Quote[] }>;
  /** Quotes whose speaker is not a known entity ('источник', 'эксперты') or not found, keyed by name. */
  others: Array<{ name: string; quotes: Quote[] }>;
}

/**
 * Groups an analysis's quotes by speaker, each quote once, in the order the text gives them.
 * @example
 * const { speakers, others } = groupQuotesBySpeaker(analysis);
 * speakers[0].speaker.name; // 'Касым-Жомарт Токаев'
 */
export function groupQuotesBySpeaker(a: Analysis): SpeakerGroups {
  const byId = new Map(a.quotes.map((q) => [q.id, q]));
  const shown = new Set<string>();
  const speakers: SpeakerGroups['speakers'] = [];
  for (const speaker of a.speakers) {
    const quotes = speaker.quoteIds.map((id) => byId.get(id)).filter((q): q is Quote => q !== undefined && !shown.has(q.id));
    for (const q of quotes) shown.add(q.id);
    speakers.push({ speaker, quotes });
  }
  const rest = new Map<string, Quote[]>();
  for (const q of a.quotes) {
    if (shown.has(q.id)) continue;
    const name = q.speaker?.name ?? 'speaker unknown';
    const list = rest.get(name);
    if (list) list.push(q); else rest.set(name, [q]);
  }
  return { speakers, others: [...rest].map(([name, quotes]) => ({ name, quotes })) };
}
