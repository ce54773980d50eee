/**
 * Readers for the NER data sets (NEREL brat standoff, factRuEval-2016) used by
 * scripts/train-ner.ts and scripts/eval/entities.ts. All offsets returned are UTF-16 (JS string
 * indices); the files count code points.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../src/types.js';

export interface CharSpan { start: number; end: number; type: EntityType }
export interface NerDoc { id: string; text: string; spans: CharSpan[] }
interface RawSpan { start: number; end: number; type: string }

/** Maps code-point offsets to UTF-16 offsets for one text. */
export function codePointToUtf16(text: string): (cp: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) { astral = true; break; }
  }
  if (!astral) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) { map.push(u); u += ch.length; }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)];
}

export const NEREL_TYPES: Record<string, EntityType> = {
  PERSON: 'PER', ORGANIZATION: 'ORG',
  COUNTRY: 'LOC', CITY: 'LOC', STATE_OR_PROVINCE: 'LOC', DISTRICT: 'LOC', LOCATION: 'LOC',
};

function readBrat(dir: string, id: string): { text: string; spans: RawSpan[] } {
  const text = readFileSync(join(dir, `${id}.txt`), 'utf8');
  const conv = codePointToUtf16(text);
  const spans: RawSpan[] = [];
  for (const line of readFileSync(join(dir, `${id}.ann`), 'utf8').split('\n')) {
    if (!line.startsWith('T')) continue;
    const m = /^T\d+\t(\S+) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const nums = m[2].split(/[ ;]/).map(Number);
    spans.push({ type: m[1], start: conv(nums[0]), end: conv(nums[nums.length - 1]) });
  }
  return { text, spans };
}

/** Outermost spans: sorted by (start, −end), a span starting inside the previous kept one dropped. */
export function outermost<T extends { start: number; end: number }>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

const UPPER_OR_DIGIT = /[\p{Lu}\d]/u;
/** A place right after a capitalised adjective is part of the name (`Единой России`), not carved out. */
const AGREEING_ADJECTIVE = /\p{Lu}\p{Ll}*(ая|ой|ую|ое|ый|ий|ые|ых|ым|ого|ому)\s+$/u;

/**
 * NEREL spans in factRuEval's conventions (what the tagger learns and predicts):
 * outermost PER/LOC/ORG spans (a capitalised FACILITY counts as LOC: factRuEval's Locations
 * include `Белый дом`, `Капитолий`, airports and streets), but inside an organisation the nested persons and places keep
 * their own type (`МИД России` → `МИД` ORG + `России` LOC, as factRuEval's Org object has an
 * org_name and a separate loc_name); a lower-case descriptor before the name is dropped
 * (`юридического факультета Университета` → `Университета`), and an organisation mention with no
 * capital or digit at all (`правительство`, `полиции`) is not a name (factRuEval: org_descr).
 */
export function factRuStyle(text: string, raw: RawSpan[]): CharSpan[] {
  const mapped = raw
    .filter((s) => NEREL_TYPES[s.type] !== undefined || (s.type === 'FACILITY' && /^\p{Lu}/u.test(text.slice(s.start, s.end))))
    .map((s) => ({ start: s.start, end: s.end, type: NEREL_TYPES[s.type] ?? ('LOC' as EntityType) }));
  const outer = outermost(mapped);
  const out: CharSpan[] = [];
  for (const o of outer) {
    if (o.type === 'LOC' && isGeoAdjective(text.slice(o.start, o.end))) continue;
    if (o.type !== 'ORG') { out.push(o); continue; }
    const inner = outermost(mapped.filter((s) => s !== o && s.type !== 'ORG' && s.start >= o.start && s.end <= o.end && !(s.start === o.start && s.end === o.end)))
      .filter((s) => s.type !== 'LOC' || !AGREEING_ADJECTIVE.test(text.slice(o.start, s.start)));
    let pos = o.start;
    for (const s of [...inner, { start: o.end, end: o.end, type: 'ORG' as EntityType }]) {
      const piece = orgPiece(text, pos, s.start);
      if (piece) out.push(piece);
      if (s.end > s.start) out.push(s);
      pos = s.end;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * NEREL tags place adjectives (`российских`, `московского`) as COUNTRY/CITY; factRuEval calls
 * them geo_adj, not a location name. A single word in lower case or with an adjective ending.
 */
function isGeoAdjective(s: string): boolean {
  if (/\s/.test(s)) return false;
  return /^\p{Ll}/u.test(s) || /(ск|цк|зск)(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$/iu.test(s);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function atSentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return at === 0 || /(^|[.!?…]\s*|\n\s*)$/.test(before) || /^\s*$/.test(before) && !/\S/.test(text.slice(0, at));
}

function orgPiece(text: string, start: number, end: number): CharSpan | null {
  // Drop leading lower-case words (descriptors) while a capitalised word follows.
  const words = [...text.slice(start, end).matchAll(/[^\s«»"“”„()]+/g)];
  let first = 0;
  while (first < words.length - 1 && !UPPER_OR_DIGIT.test(words[first][0][0]) && words.slice(first + 1).some((w) => UPPER_OR_DIGIT.test(w[0][0]))) first++;
  if (first >= words.length) return null;
  let s = start + words[first].index!;
  let e = end;
  const piece = text.slice(s, e);
  const lead = /^[\s\p{P}]+/u.exec(piece);
  const trail = /[\s\p{P}]+$/u.exec(piece);
  if (lead) s += lead[0].length;
  if (trail) e -= trail[0].length;
  if (e <= s || !UPPER_OR_DIGIT.test(text.slice(s, e))) return null;
  // `Правительство` at a sentence start is the common noun capitalised, not a name: a piece
  // capitalised only there whose lower-case form the text also uses.
  if (atSentenceStart(text, s) && !UPPER_OR_DIGIT.test(text.slice(s + 1, e))) {
    const piece = text.slice(s, e);
    const lower = piece[0].toLowerCase() + piece.slice(1);
    if (lower !== piece && new RegExp(`(^|[\\s«"(])${escapeRe(lower)}`).test(text)) return null;
  }
  return { start: s, end: e, type: 'ORG' };
}

/** NEREL documents of one split with spans in factRuEval's conventions (see factRuStyle). */
export function readNerel(dir: string, style: 'factru' | 'outermost' = 'factru'): NerDoc[] {
  const ids = readdirSync(dir).filter((f) => f.endsWith('.ann')).map((f) => f.slice(0, -4)).sort();
  const docs = ids.map((id) => ({ id, ...readBrat(dir, id) }));
  // NEREL tags one name now ORGANIZATION, now PRODUCT (`Facebook`: 20 and 21 times in train);
  // factRuEval counts such services as organisations. A capitalised PRODUCT whose exact text is an
  // ORGANIZATION elsewhere in the split becomes ORGANIZATION.
  const orgNames = new Set<string>();
  for (const d of docs) for (const s of d.spans) if (s.type === 'ORGANIZATION') orgNames.add(d.text.slice(s.start, s.end));
  return docs.map(({ id, text, spans }) => {
    const out = style === 'factru'
      ? factRuStyle(text, spans.map((s) => (s.type === 'PRODUCT' && /^\p{Lu}/u.test(text.slice(s.start, s.end)) && orgNames.has(text.slice(s.start, s.end)) ? { ...s, type: 'ORGANIZATION' } : s)))
      : outermost(spans.filter((s) => NEREL_TYPES[s.type] !== undefined).map((s) => ({ start: s.start, end: s.end, type: NEREL_TYPES[s.type] })));
    return { id, text, spans: out };
  });
}

/**
 * factRuEval documents with naeval's gold spans: a Person object's whole extent → PER, an Org's
 * org_name spans → ORG, a LocOrg/Location's loc_name spans → LOC; sorted by (start, −end) with
 * spans starting inside the previous kept one dropped. (Token-boundary filtering is the scorer's.)
 */
export function readFactRu(dir: string): NerDoc[] {
  const ids = readdirSync(dir).filter((f) => f.endsWith('.objects')).map((f) => f.slice(0, -8))
    .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
  return ids.map((id) => {
    const text = readFileSync(join(dir, `${id}.txt`), 'utf8');
    const conv = codePointToUtf16(text);
    const spanById = new Map<string, { type: string; start: number; end: number }>();
    for (const line of readFileSync(join(dir, `${id}.spans`), 'utf8').split('\n')) {
      const m = /^(\d+) (\S+) (\d+) (\d+)/.exec(line);
      if (m) spanById.set(m[1], { type: m[2], start: conv(+m[3]), end: conv(+m[3] + +m[4]) });
    }
    const spans: CharSpan[] = [];
    for (const line of readFileSync(join(dir, `${id}.objects`), 'utf8').split('\n')) {
      const m = /^(\d+) (\S+) ([\d ]+)/.exec(line);
      if (!m) continue;
      const parts = m[3].trim().split(/\s+/).map((x) => spanById.get(x)).filter((x) => x !== undefined);
      if (parts.length === 0) continue;
      if (m[2] === 'Person') {
        spans.push({ start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)), type: 'PER' });
      } else if (m[2] === 'Org') {
        for (const p of parts) if (p.type === 'org_name') spans.push({ start: p.start, end: p.end, type: 'ORG' });
      } else if (m[2] === 'LocOrg' || m[2] === 'Location') {
        for (const p of parts) if (p.type === 'loc_name') spans.push({ start: p.start, end: p.end, type: 'LOC' });
      }
    }
    return { id, text, spans: outermost(spans) };
  });
}
