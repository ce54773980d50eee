import type { Analysis, Quote } from '../types.js';
import { groupQuotesBySpeaker } from './speaker-groups.js';
import { visible } from './visible.js';

const QUOTE_CHARS = 160;

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= n ? one : one.slice(0, n - 1).trimEnd() + '…';
}

/** `1 quote`, `7 quotes`, `0 quotes`. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function quoteLine(q: Quote): string {
  return `    - (${q.kind}) «${clip(q.text, QUOTE_CHARS)}»`;
}

/**
 * A short human summary of one analysis: the speakers with their quotes, the entities, the themes.
 * @example
 * process.stdout.write(formatText(analysis, 'article.txt'));
 * // article.txt: rus (Russian), 7 quotes, 11 entities, 10 themes
 * //
 * // Speakers and their quotes
 * //   Касым-Жомарт Токаев (PER; президент; глава государства) — 7 quotes …
 */
export function formatText(a: Analysis, name: string): string {
  const out: string[] = [];
  out.push(`${name}: ${a.language.code}${a.language.isRussian ? ' (Russian)' : ' (not Russian)'}, ` +
    `${count(a.quotes.length, 'quote')}, ${count(a.entities.length, 'entity', 'entities')}, ${count(a.themes.length, 'theme')}`);
  out.push('', 'Speakers and their quotes');
  const groups = groupQuotesBySpeaker(a);
  for (const { speaker: s, quotes: qs } of groups.speakers) {
    out.push(`  ${s.name} (${[s.type, ...s.roles].join('; ')}) — ${count(qs.length, 'quote')}`);
    for (const q of qs) out.push(quoteLine(q));
  }
  for (const { name: who, quotes: qs } of groups.others) {
    out.push(`  ${who} — ${count(qs.length, 'quote')}`);
    for (const q of qs) out.push(quoteLine(q));
  }
  if (a.quotes.length === 0) out.push('  (no quotes)');
  out.push('', 'Entities');
  for (const e of a.entities) {
    out.push(`  ${e.type.padEnd(3)} ${e.name} ×${e.mentions.length}${e.roles.length > 0 ? ` (${e.roles.join(', ')})` : ''}${e.inBody ? '' : ' [boilerplate only]'}`);
  }
  if (a.entities.length === 0) out.push('  (no entities)');
  out.push('', 'Themes');
  for (const t of a.themes) out.push(`  ${t.phrase} (${t.score.toFixed(2)}, ×${t.count})`);
  if (a.themes.length === 0) out.push('  (no themes)');
  return visible(out.join('\n') + '\n');
}
