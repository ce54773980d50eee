import type { Analysis, Quote } from '../types.js';
import { groupQuotesBySpeaker } from './speaker-groups.js';
import { visible } from './visible.js';

const QUOTE_CHARS = 160;

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= n ? one : one.slice(0, n - 1).trimEnd() + '…';
}

function quoteLine(q: Quote): string {
  return `    - (${q.kind}) «${clip(q.text, QUOTE_CHARS)}»`;
}

/**
 * A short human summary of one analysis: the speakers with their quotes, the entities, the themes.
 * @example
 * process.stdout.write(formatText(analysis, 'article.txt'));
 * // article.txt: rus (Russian), 7 quotes, 12 entities, 10 themes
 * //
 * // Speakers and their quotes
 * //   Касым-Жомарт Токаев (PER; президент) — 7 quotes …
 */
export function formatText(a: Analysis, name: string): string {
  const out: string[] = [];
  out.push(`${name}: ${a.language.code}${a.language.isRussian ? ' (Russian)' : ' (not Russian)'}, ` +
    `${a.quotes.length} quotes, ${a.entities.length} entities, ${a.themes.length} themes`);
  out.push('', 'Speakers and their quotes');
  const groups = groupQuotesBySpeaker(a);
  for (const { speaker: s, quotes: qs } of groups.speakers) {
    out.push(`  ${s.name} (${[s.type, ...s.roles].join('; ')}) — ${qs.length} quote${qs.length === 1 ? '' : 's'}`);
    for (const q of qs) out.push(quoteLine(q));
  }
  for (const { name: who, quotes: qs } of groups.others) {
    out.push(`  ${who} — ${qs.length} quote${qs.length === 1 ? '' : 's'}`);
    for (const q of qs) out.push(quoteLine(q));
  }
  if (a.quotes.length === 0) out.push('  (no quotes)');
  out.push('', 'Entities');
  for (const e of a.entities) {
    out.push(`  ${e.type.padEnd(3)} ${e.name} ×${e.mentions.length}${e.roles.length > 0 ? ` (${e.roles.join(', ')})` : ''}${e.inBody ? '' : ' [outside the body]'}`);
  }
  if (a.entities.length === 0) out.push('  (no entities)');
  out.push('', 'Themes');
  for (const t of a.themes) out.push(`  ${t.phrase} (${t.score.toFixed(2)}, ×${t.count})`);
  if (a.themes.length === 0) out.push('  (no themes)');
  return visible(out.join('\n') + '\n');
}
