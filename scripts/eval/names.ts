/**
 * Name normalisation on BSNLP (Russian): the share of PER/LOC/ORG gold mentions whose normal form,
 * as rutext's normaliser gives it, equals the gold base form.
 *
 * Protocol.
 * - Gold: `bsnlp/<topic>/annotated/ru/*` — one line per distinct mention form of a document:
 *   surface form, base form, type, id. Only PER, LOC and ORG lines count (the task's PRO, EVT and
 *   MISC have no counterpart in rutext). Every line counts once, as the task lists it.
 * - Text: the raw article of the same name in `bsnlp/<topic>/raw/ru` (`X.out` → `X.txt`; the ec
 *   topic names them `233.txt` → `file_233_ru.txt`). The first line of both files is the document
 *   id; the script checks that they agree and reports mismatches.
 * - The raw text is segmented and parsed by rutext's own stages; the gold surface form is located at
 *   its first occurrence that starts and ends on token boundaries (case-sensitive, then
 *   case-insensitive: the `ec` topic's gold is lower-cased), so the normaliser sees the words
 *   before it (a preposition fixes the case). A form not found in its text is normalised alone.
 * - The span goes through `normalizeMention` with the gold type — the mention boundaries and
 *   types are gold, so this measures the normaliser, not the tagger.
 * - Comparison: both sides lower-cased, ё→е, runs of spaces collapsed.
 * - Tuning used asia_bibi and brexit only; ec and nord_stream are held out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Context } from '../../src/context.js';
import { Doc } from '../../src/doc.js';
import { normalizeMention } from '../../src/entities/normalize.js';
import { morph } from '../../src/morph/index.js';
import { segment } from '../../src/segment/index.js';
import type { EntityType } from '../../src/types.js';
import { f3, table } from './data.js';

const TUNE = ['asia_bibi', 'brexit'];
const HELD_OUT = ['ec', 'nord_stream'];
const TYPES: EntityType[] = ['PER', 'LOC', 'ORG'];

interface Tally { n: number; ok: number; asWritten: number; located: number; byType: Record<string, [number, number]> }

function newTally(): Tally {
  return { n: 0, ok: 0, asWritten: 0, located: 0, byType: { PER: [0, 0], LOC: [0, 0], ORG: [0, 0] } };
}

function add(into: Tally, t: Tally): void {
  into.n += t.n; into.ok += t.ok; into.asWritten += t.asWritten; into.located += t.located;
  for (const k of TYPES) { into.byType[k][0] += t.byType[k][0]; into.byType[k][1] += t.byType[k][1]; }
}

/** The raw text of an annotation file: the same name with .txt (`X.out` → `X.txt`), or for the ec topic `233.txt` → `file_233_ru.txt`. */
function rawFor(annotation: string, raws: Set<string>): string | undefined {
  const same = annotation.replace(/\.(out|txt)$/, '') + '.txt';
  if (raws.has(same)) return same;
  const ec = `file_${annotation.replace(/\.txt$/, '')}_ru.txt`;
  return raws.has(ec) ? ec : undefined;
}

const fileNumber = (name: string): number => Number(/(\d+)(?!.*\d)/.exec(name.replace(/_ru\.txt$/, ''))?.[1] ?? NaN);
const canon = (s: string): string => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** Token range of the first occurrence of `surface` on token boundaries, or undefined. */
function locate(doc: Doc, surface: string, from: number): [number, number] | undefined {
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  doc.tokens.forEach((t, i) => { starts.set(t.start, i); ends.set(t.end, i); });
  for (const hay of [doc.text, doc.text.toLowerCase()]) {
    const needle = hay === doc.text ? surface : surface.toLowerCase();
    for (let p = hay.indexOf(needle, from); p >= 0; p = hay.indexOf(needle, p + 1)) {
      const a = starts.get(p);
      const b = ends.get(p + needle.length);
      if (a !== undefined && b !== undefined) return [a, b + 1];
    }
  }
  return undefined;
}

export interface Miss { topic: string; file: string; type: string; surface: string; gold: string; got: string }

/** Scores one topic; pushes the misses into `misses` when given. */
export function scoreTopic(data: string, topic: string, ctx: Context, misses?: Miss[]): Tally & { idMismatch: number } {
  const annDir = join(data, 'bsnlp', topic, 'annotated', 'ru');
  const rawDir = join(data, 'bsnlp', topic, 'raw', 'ru');
  const raws = new Set(readdirSync(rawDir));
  const tally = Object.assign(newTally(), { idMismatch: 0 });
  const files = readdirSync(annDir).sort((a, b) => fileNumber(a) - fileNumber(b));
  for (const f of files) {
    const lines = readFileSync(join(annDir, f), 'utf8').split(/\r?\n/);
    const rawName = rawFor(f, raws);
    const raw = rawName === undefined ? '' : readFileSync(join(rawDir, rawName), 'utf8');
    if (raw.split(/\r?\n/)[0].trim() !== lines[0].trim()) tally.idMismatch++;
    // Skip the raw file's header (id, language, date, URL) so the search starts in the title.
    let bodyFrom = 0;
    for (let k = 0; k < 4 && bodyFrom >= 0; k++) bodyFrom = raw.indexOf('\n', bodyFrom) + 1;
    const doc = new Doc(raw);
    segment(doc);
    morph(doc, ctx.morphology);
    for (const line of lines.slice(1)) {
      const [surface, base, type] = line.split('\t');
      if (surface === undefined || base === undefined || !TYPES.includes(type as EntityType)) continue;
      const t = type as EntityType;
      let got: string;
      const at = locate(doc, surface.trim(), Math.max(bodyFrom, 0));
      if (at !== undefined) {
        tally.located++;
        got = normalizeMention(doc, at[0], at[1], t, ctx.morphology);
      } else {
        const alone = new Doc(surface.trim());
        segment(alone);
        morph(alone, ctx.morphology);
        got = normalizeMention(alone, 0, alone.tokens.length, t, ctx.morphology);
      }
      const hit = canon(got) === canon(base);
      tally.n++;
      tally.byType[t][0]++;
      if (hit) { tally.ok++; tally.byType[t][1]++; } else misses?.push({ topic, file: f, type: t, surface, gold: base, got });
      if (canon(surface) === canon(base)) tally.asWritten++;
    }
  }
  return tally;
}

function topMisses(misses: Miss[], n: number): Array<Array<string | number>> {
  const counts = new Map<string, { m: Miss; n: number }>();
  for (const m of misses) {
    const key = `${m.type}|${m.surface}|${m.gold}|${m.got}`;
    const c = counts.get(key);
    if (c === undefined) counts.set(key, { m, n: 1 });
    else c.n++;
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).slice(0, n).map(({ m, n: k }) => [k, m.type, m.surface, m.gold, m.got]);
}

function row(label: string, t: Tally): Array<string | number> {
  const r = (x: [number, number]) => (x[0] === 0 ? 'n/a' : f3(x[1] / x[0]));
  return [label, t.n, f3(t.located / t.n), f3(t.asWritten / t.n), f3(t.ok / t.n), r(t.byType.PER), r(t.byType.LOC), r(t.byType.ORG)];
}

export default async function (data: string): Promise<string> {
  const ctx = new Context();
  const rows: Array<Array<string | number>> = [];
  const tune = newTally();
  const held = newTally();
  let mismatched = 0;
  const misses: Miss[] = [];
  for (const topic of [...TUNE, ...HELD_OUT]) {
    // Errors are listed for the tuning topics only: the held-out ones stay unread.
    const t = scoreTopic(data, topic, ctx, TUNE.includes(topic) ? misses : undefined);
    mismatched += t.idMismatch;
    rows.push(row(topic + (TUNE.includes(topic) ? ' (tuning)' : ' (held out)'), t));
    add(TUNE.includes(topic) ? tune : held, t);
  }
  const all = newTally();
  add(all, tune);
  add(all, held);
  rows.push(row('**tuning: asia_bibi + brexit**', tune), row('**held out: ec + nord_stream**', held), row('**all**', all));
  return [
    '## names',
    '',
    'BSNLP Russian, PER/LOC/ORG gold mentions: share whose normal form equals the gold base form (lower-cased, ё→е).',
    'Gold spans and types, located in their raw text so the words before them count. "as written": the',
    'share already equal to the base form (a do-nothing normaliser). Target ≥ .900.',
    '',
    table(['topic', 'mentions', 'located', 'as written', 'normal = base', 'PER', 'LOC', 'ORG'], rows),
    mismatched > 0 ? `\n(${mismatched} annotation files whose id line differs from their raw text's)` : '',
    '',
    'Most frequent misses on the tuning topics (type, text, gold, rutext):',
    '',
    table(['count', 'type', 'text', 'gold base form', 'rutext'], topMisses(misses, 12)),
  ].join('\n');
}
