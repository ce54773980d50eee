import type { Context } from '../context.js';
import type { Morphology } from '../morph/morphology.js';
import type { Doc, MentionSpan } from '../doc.js';
import type { Entity, EntityType, Mention } from '../types.js';
import { findCandidates } from './candidates.js';
import { cleanSpans, type Span } from './hygiene.js';
import { withoutNotNames } from './notNames.js';
import { joinLatinNames } from './latinNames.js';
import { joinEponyms } from './eponyms.js';
import { joinOfficialNames } from './officialNames.js';
import { splitRunOnNames } from './runOnNames.js';
import { withRepeatedSurnames } from './repeatedSurnames.js';
import { joinMedia } from './media.js';
import { fixPlaceNames } from './fixedPlaces.js';
import { joinPlaceTypes, retypeKnownPlaces } from './placeNames.js';
import { clusterNames, type WordKinds } from './cluster.js';
import { normalizeMention, sharedHeadNominative } from './normalize.js';
import { findRoles, type RoleHit } from './roles.js';
import { caseBit, caseBits } from './grammar.js';

import { tagMentions, taggerAvailable } from './tagger/index.js';
import { startsUpper } from '../letters.js';
import { passDataFileError } from '../data-file.js';

/** Name spans: the trained tagger's when its model is present, else the dictionary's candidates. */
function nameSpans(doc: Doc, ctx: Context): Array<{ tokStart: number; tokEnd: number; type: EntityType }> {
  if (useTagger === undefined) {
    // A model that fails to load (absent, or built for other features) must not stop the pipeline.
    try { useTagger = taggerAvailable(); } catch (e) { passDataFileError(e); useTagger = false; }
  }
  const spans = (useTagger && tagged(doc, ctx)) || findCandidates(doc, ctx.morphology);
  return outsideAsides(doc, spans);
}

/**
 * The spans without their tokens in asides: script code the scraper kept names no one (`Article`,
 * `CLICK PAUSE`), and a photo credit no one of the article (doc.asides). A span the tagger ran
 * from a credit into the text after it keeps its part outside (`Pete Marovich ⏎ Клэппер` →
 * `Клэппер`). Asked of the tagger's spans, and again of the final ones: the media names and the
 * repeated surnames are found in the text itself.
 */
function outsideAsides<S extends { tokStart: number; tokEnd: number }>(doc: Doc, spans: S[]): S[] {
  if (doc.asides.length === 0) return spans;
  const out: S[] = [];
  for (const s of spans) {
    let a = s.tokStart;
    while (a < s.tokEnd && doc.inAside(doc.tokens[a].start)) a++;
    let b = a;
    while (b < s.tokEnd && !doc.inAside(doc.tokens[b].start)) b++;
    if (a < b) out.push(a === s.tokStart && b === s.tokEnd ? s : { ...s, tokStart: a, tokEnd: b });
  }
  return out;
}

/** The tagger's spans, or undefined when it cannot run (then the dictionary's candidates stand in). */
function tagged(doc: Doc, ctx: Context): Array<{ tokStart: number; tokEnd: number; type: EntityType }> | undefined {
  try { return tagMentions(doc, ctx); } catch (e) { passDataFileError(e); useTagger = false; }
  return undefined;
}

let useTagger: boolean | undefined;

/** Words that may stand between a role and the name it introduces: `президент Казахстана Касым-Жомарт Токаев`. */
const MAX_ROLE_GAP = 4;

/**
 * A name or role mention as doc.mentions keeps it. A class, not an object literal: V8 marks a
 * literal's allocation site for allocation straight in the old generation when its objects are
 * still alive at young collections (a document's mentions are), and they then pile up there until
 * a full collection.
 */
class SpanMention implements MentionSpan {
  entity = -1;
  text: string;
  reading: string;
  constructor(
    doc: Doc, public start: number, public end: number, public kind: MentionSpan['kind'],
    public type: EntityType, public normal: string, public tokStart: number, public tokEnd: number,
  ) {
    this.text = doc.text.slice(start, end);
    this.reading = doc.rewritten.length === 0 ? this.text : doc.readText(start, end);
  }
}

/**
 * Entities stage: name mentions (tagger), each in the nominative, clustered into entities; roles
 * from appositions (`президент Касым-Жомарт Токаев`) and later role mentions (`глава государства`)
 * joined to the person who holds the role; `inBody` and `salience`. Fills `doc.mentions` (name and
 * role mentions, in text order, each with its entity index) and `doc.entities`.
 *
 * @example
 * const doc = runPipeline('Заявил президент Касым-Жомарт Токаев. Глава государства отметил…', ctx);
 * doc.entities[0]; // { id: 'e1', type: 'PER', name: 'Касым-Жомарт Токаев', roles: ['президент', 'глава государства'], … }
 */
export function entities(doc: Doc, ctx: Context): void {
  // The lists here are built by loops into array literals, not by map or filter. What those
  // return depends on the tier running them (optimised code makes a map's array holey, and an
  // empty filter's a small-integer array), and code that walks a list of a kind it has not met
  // is deoptimised: this stage's, on some later document. A literal filled by push has one kind.
  const cleaned = joinEponyms(doc, joinLatinNames(doc, joinOfficialNames(doc, cleanSpans(doc, nameSpans(doc, ctx), ctx.morphology), ctx.morphology)), ctx.morphology);
  // Media last: the name the lexicon gives is final, and no later rule retypes or trims it.
  const places = fixPlaceNames(doc, retypeKnownPlaces(doc, withoutNotNames(doc, cleaned, ctx.morphology), ctx.morphology), ctx.morphology);
  // Run-on names after the fixed places, which cut their own (`Соединённых Штатов | Дональд Трамп`).
  // A surname the tagger left untagged where it stands alone, once the person's spans are final.
  const spans = outsideAsides(doc, withRepeatedSurnames(doc, joinMedia(doc, splitRunOnNames(doc, places, ctx.morphology), ctx.morphology)));
  const names: MentionSpan[] = [];
  for (const s of spans) {
    const start = doc.tokens[s.tokStart].start;
    const end = doc.tokens[s.tokEnd - 1].end;
    names.push(new SpanMention(doc, start, end, 'name', s.type, s.normal ?? sharedNormal(doc, s, ctx) ?? displayName(doc, s) ?? safeNormal(doc, s.tokStart, s.tokEnd, s.type, ctx), s.tokStart, s.tokEnd));
  }
  alignOblique(names);
  joinPlaceTypes(doc, names, ctx.morphology);
  const clusters = clusterNames(names, wordKinds(ctx.morphology));
  const members: MentionSpan[][] = [];
  const roles: string[][] = [];
  const roleClasses: Array<Set<string>> = [];
  const clusterOf = new Map<MentionSpan, number>();
  for (let c = 0; c < clusters.length; c++) {
    const ms: MentionSpan[] = [];
    for (const i of clusters[c].members) {
      ms.push(names[i]);
      clusterOf.set(names[i], c);
    }
    members.push(ms);
    roles.push([]);
    roleClasses.push(new Set());
  }
  for (const ms of members) if (ms[0]?.type === 'PER') alignSurnames(ms);

  // Roles: an apposition gives the person the role; any other role phrase refers back to the
  // person who holds that office (most recent mention first), if there is one.
  const startsAt = new Map<number, MentionSpan>();
  const endsAt = new Map<number, MentionSpan>();
  for (const m of names) { startsAt.set(m.tokStart, m); endsAt.set(m.tokEnd, m); }
  const covered = new Uint8Array(doc.tokens.length);
  for (const m of names) covered.fill(1, m.tokStart, m.tokEnd);
  const pending: RoleHit[] = [];
  for (const hit of findRoles(doc)) {
    if (covered[hit.tokStart]) continue;
    const person = appositionPerson(doc, hit, startsAt, endsAt, ctx.morphology);
    if (person !== undefined) {
      const c = clusterOf.get(person)!;
      addRole(roles[c], hit.role.display);
      roleClasses[c].add(hit.role.cls);
    } else pending.push(hit);
  }
  const roleMentions: MentionSpan[] = [];
  const holder = holderFinder(doc, names, clusterOf, roleClasses, members);
  for (const hit of pending) {
    // A plural role («встречи министров иностранных дел») refers to no one person.
    if (pluralOnly(doc, hit.tokStart, ctx.morphology)) continue;
    const c = holder(hit);
    if (c < 0) continue;
    const start = doc.tokens[hit.tokStart].start;
    const end = doc.tokens[hit.tokEnd - 1].end;
    const m = new SpanMention(doc, start, end, 'role', 'PER', hit.role.display, hit.tokStart, hit.tokEnd);
    members[c].push(m);
    clusterOf.set(m, c);
    addRole(roles[c], hit.role.display);
    roleMentions.push(m);
  }

  const built: Built[] = [];
  const order: number[] = [];
  for (let c = 0; c < clusters.length; c++) {
    built.push(buildEntity(doc, members[c], clusters[c].type, roles[c]));
    order.push(c);
  }
  salience(doc, built);
  order.sort((a, b) => built[b].salience - built[a].salience || built[a].first - built[b].first);
  const index = new Map<number, number>();
  const entities: Entity[] = [];
  for (let k = 0; k < order.length; k++) {
    index.set(order[k], k);
    const e = built[order[k]];
    entities.push({ id: `e${k + 1}`, type: e.type, name: e.name, mentions: e.mentions, roles: e.roles, inBody: e.inBody, salience: e.salience });
  }
  doc.entities = entities;
  const all: MentionSpan[] = [];
  for (const m of names) all.push(m);
  for (const m of roleMentions) all.push(m);
  for (const m of all) m.entity = index.get(clusterOf.get(m)!) ?? -1;
  doc.mentions = all.sort((a, b) => a.start - b.start);
}

/**
 * An embedded post's author: a name right before its account's handle in brackets, after the
 * embed's `от`, `опубликовано` or dash (`Публикация от Никита Трегубов (@nikitatr13)`, `— Алексей
 * Пушков (@Alexey_Pushkov)`), is the display name as the account holder wrote it, whatever `от`
 * governs (not the genitive of `Никит`). A span that is only the end of the name (`Хоккей |
 * России`) or a caption's words (`в смартфоне Анастасии Павлюченковой (@…)`) is read as any other.
 */
function displayName(doc: Doc, s: Span): string | undefined {
  const open = doc.tokens[s.tokEnd], handle = doc.tokens[s.tokEnd + 1];
  if (open === undefined || handle === undefined || open.text !== '(' || handle.kind !== 'mention') return undefined;
  const before = doc.tokens[s.tokStart - 1];
  if (before === undefined || !EMBED_AUTHOR_AFTER.has(before.text.toLowerCase())) return undefined;
  return doc.readText(doc.tokens[s.tokStart].start, doc.tokens[s.tokEnd - 1].end);
}

/** The words of an embedded post's byline right before its author's name (Instagram's, Twitter's). */
const EMBED_AUTHOR_AFTER: ReadonlySet<string> = new Set(['от', 'опубликовано', '—', '–']);

/** A coordinated adjective's name with the head it shares (hygiene's rule 10), when it has one. */
function sharedNormal(doc: Doc, s: Span, ctx: Context): string | undefined {
  if (s.shared === undefined) return undefined;
  try {
    return sharedHeadNominative(doc, s.tokStart, s.shared, ctx.morphology);
  } catch (e) {
    passDataFileError(e);
    return undefined;
  }
}

/** The mention's nominative; its text if the morphology fails on some odd word (the stage must not throw). */
function safeNormal(doc: Doc, tokStart: number, tokEnd: number, type: EntityType, ctx: Context): string {
  try {
    return normalizeMention(doc, tokStart, tokEnd, type, ctx.morphology);
  } catch (e) {
    passDataFileError(e);
    return doc.readText(doc.tokens[tokStart].start, doc.tokens[tokEnd - 1].end);
  }
}

const foldCase = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');

/**
 * A lone surname takes the nominative its cluster's full name gives it: once `Дарья Мастикашева`
 * is known, `Мастикашева` alone is not the man's `Мастикашев`'s genitive. Only when the two differ
 * by an ending (the same long prefix).
 */
function alignSurnames(ms: MentionSpan[]): void {
  let surname: string | undefined;
  for (const m of ms) {
    const words = m.normal.split(/\s+/);
    if (words.length >= 2 && !/^\p{L}\.?$/u.test(words[0])) { surname = words[words.length - 1]; break; }
  }
  if (surname === undefined) return;
  const target = foldCase(surname);
  for (const m of ms) {
    if (m.kind !== 'name' || /\s/.test(m.normal)) continue;
    const got = foldCase(m.normal);
    if (got === target) continue;
    const text = foldCase(m.reading);
    let p = 0;
    while (p < text.length && p < target.length && text[p] === target[p]) p++;
    if (p >= Math.max(3, target.length - 2) && Math.abs(text.length - target.length) <= 3) m.normal = surname;
  }
}

const OBLIQUE_END = /(?:[иуыею]|ой|ом|ем)$/;

/**
 * A one-word place or organisation the normaliser left as written in what looks like an oblique
 * case (`Минкомсвязи`, a word the dictionary lacks) takes the nominative the document itself
 * writes (`Минкомсвязь`): same type, a long common prefix, at most two letters apart. Indexed by
 * the first five letters, so linear in the mentions.
 */
function alignOblique(names: MentionSpan[]): void {
  const byStart = new Map<string, MentionSpan[]>();
  const single = (m: MentionSpan): boolean => m.type !== 'PER' && m.normal === m.reading && m.reading.length >= 6 && /^\p{Lu}\p{Ll}+$/u.test(m.reading);
  for (const m of names) {
    if (!single(m) || OBLIQUE_END.test(m.reading)) continue;
    const key = `${m.type}|${foldCase(m.reading.slice(0, 5))}`;
    const list = byStart.get(key);
    if (list === undefined) byStart.set(key, [m]);
    else if (!list.some((x) => x.reading === m.reading)) list.push(m);
  }
  for (const m of names) {
    if (!single(m) || !OBLIQUE_END.test(m.reading)) continue;
    const text = foldCase(m.reading);
    const list = byStart.get(`${m.type}|${text.slice(0, 5)}`);
    if (list === undefined) continue;
    for (const c of list) {
      const target = foldCase(c.reading);
      if (Math.abs(target.length - text.length) > 2) continue;
      let p = 0;
      while (p < text.length && p < target.length && text[p] === target[p]) p++;
      if (p >= Math.max(target.length, text.length) - 2) { m.normal = c.reading; break; }
    }
  }
}

/**
 * True when the context pass reads token i as a plural and the dictionary has no singular reading
 * of it (`министров`, `президенты`; not `директора`, a singular's genitive too).
 */
function pluralOnly(doc: Doc, i: number, morphology: Morphology): boolean {
  const tags = doc.morph[i]?.tags;
  return tags !== undefined && tags.includes('plur') && !morphology.tags(doc.tokens[i].text).some((t) => t.sing === true);
}

function addRole(list: string[], role: string): void {
  if (!list.includes(role)) list.push(role);
}

/**
 * The person a role phrase introduces: a PER mention right after it (past up to a few
 * place/organisation words), or right before it across a comma. Not a name of two words or more
 * whose first name shares no case with the role (`casesDiffer`: `пресс-секретарь президента России
 * Дмитрий Песков`, where the role is the complement of another, and the name is that one's).
 */
function appositionPerson(doc: Doc, hit: RoleHit, startsAt: Map<number, MentionSpan>, endsAt: Map<number, MentionSpan>, morphology: Morphology): MentionSpan | undefined {
  let i = hit.tokEnd;
  for (let gap = 0; gap <= MAX_ROLE_GAP && i < doc.tokens.length; gap++) {
    const m = startsAt.get(i);
    if (m !== undefined) {
      // A lone word read as a first name may be a surname's case form (`премьер-министра Надя`).
      if (m.type === 'PER') return m.tokEnd - m.tokStart > 1 && casesDiffer(doc.tokens[hit.tokStart].text, doc.tokens[m.tokStart].text, morphology) ? undefined : m;
      i = m.tokEnd; // президент Казахстана Касым-Жомарт Токаев
      continue;
    }
    const t = doc.tokens[i];
    // Lower-case genitive words of the role's scope (президент компании «Газпром» Алексей Миллер),
    // never a preposition or a verb (встреча президента с Илоном Маском names no president).
    if (t.kind === 'punct' && /^[«»"„“”]$/.test(t.text)) { i++; continue; }
    const mt = doc.morph[i];
    const genitive = mt !== undefined && (mt.pos === 'NOUN' || mt.pos === 'ADJF' || mt.pos === 'PRTF') && mt.tags.includes('gent');
    if (t.kind !== 'word' || startsUpper(t.text) || !genitive) break;
    i++;
  }
  // Токаев, президент Казахстана, …
  const before = hit.tokStart - 1;
  if (before > 0 && doc.tokens[before].text === ',') {
    const m = endsAt.get(before);
    if (m !== undefined && m.type === 'PER') return m;
  }
  return undefined;
}

/**
 * A first name the dictionary knows, read as a nominative, after a role's word that is neither a
 * nominative nor an instrumental and shares no case with it: the name is no apposition of the
 * role (`пресс-секретарь президента России | Дмитрий Песков`: the role is the complement of
 * another). A predicate's instrumental stays (`премьер-министром стал Имре Надь`), as does a first
 * name the dictionary does not know (`Саули Ниинистё`) or reads in no nominative (`Бригитте`).
 */
function casesDiffer(role: string, firstName: string, morphology: Morphology): boolean {
  const names = caseBits(morphology.tags(firstName), true, true);
  if ((names & NOMINATIVE_BIT) === 0) return false;
  const roles = caseBits(morphology.tags(role));
  return roles !== 0 && (roles & (NOMINATIVE_BIT | INSTRUMENTAL_BIT)) === 0 && (roles & names) === 0;
}

const NOMINATIVE_BIT = caseBit('nomn');
const INSTRUMENTAL_BIT = caseBit('ablt');

/**
 * Finds the cluster holding a role's office: the most recently named holder before the phrase
 * (outside promotion blocks), else (a headline before any name) the holder named most often. Role phrases must be asked in
 * text order: one sweep over the names serves them all.
 */
function holderFinder(doc: Doc, names: MentionSpan[], clusterOf: Map<MentionSpan, number>, roleClasses: Array<Set<string>>, members: MentionSpan[][]): (hit: RoleHit) => number {
  const ordered = [...names].sort((a, b) => a.tokStart - b.tokStart);
  const latest = new Map<string, number>();
  const most = new Map<string, number>();
  // Mentions outside promotion blocks: a holder named only in one is none.
  const named = members.map((ms) => {
    let n = 0;
    for (const m of ms) if (!doc.inPromo(m.start)) n++;
    return n;
  });
  roleClasses.forEach((classes, c) => {
    if (named[c] === 0) return;
    for (const cls of classes) {
      const prev = most.get(cls);
      if (prev === undefined || named[c] > named[prev]) most.set(cls, c);
    }
  });
  let next = 0;
  return (hit) => {
    while (next < ordered.length && ordered[next].tokStart <= hit.tokStart) {
      const m = ordered[next++];
      // A name in a promotion block (another article's headline or lead) holds no office here.
      if (doc.inPromo(m.start)) continue;
      const c = clusterOf.get(m)!;
      for (const cls of roleClasses[c]) latest.set(cls, c);
    }
    return latest.get(hit.role.cls) ?? most.get(hit.role.cls) ?? -1;
  };
}

interface Built { type: EntityType; name: string; mentions: Mention[]; roles: string[]; inBody: boolean; salience: number; first: number; bodyMentions: number; firstBody: number }

function buildEntity(doc: Doc, ms: MentionSpan[], type: EntityType, roles: string[]): Built {
  if (!sortedByStart(ms)) ms.sort((a, b) => a.start - b.start); // mostly in order already: no sort's scratch arrays
  // The fullest name: most words (initials aside), then the earliest; and the type most name mentions have.
  let name: string | undefined;
  let words = 0;
  const types: EntityType[] = [];
  const counts: number[] = [];
  for (const m of ms) {
    if (m.kind !== 'name') continue;
    name ??= m.normal;
    // The name kept so far has `words` words (a mention repeats it mostly): only another may have more.
    if (m.normal !== name || words === 0) {
      const w = countWords(m.normal);
      if (w > words) { words = w; name = m.normal; }
    }
    const k = types.indexOf(m.type);
    if (k < 0) { types.push(m.type); counts.push(1); } else counts[k]++;
  }
  name ??= ms[0].normal;
  let best = type;
  const own = types.indexOf(type);
  let bestCount = own < 0 ? 0 : counts[own]; // the cluster's own type wins ties
  for (let k = 0; k < types.length; k++) if (counts[k] > bestCount) { best = types[k]; bestCount = counts[k]; }
  let bodyMentions = 0;
  let firstBody = -1; // -1: none (a small integer like the starts, so the field keeps one representation)
  for (const m of ms) {
    if (!doc.inBody(m.start)) continue;
    if (bodyMentions === 0) firstBody = m.start;
    bodyMentions++;
  }
  const mentions: Mention[] = [];
  for (const m of ms) mentions.push({ start: m.start, end: m.end, text: m.text, normal: m.normal, kind: m.kind });
  return {
    type: best, name, roles, mentions,
    inBody: bodyMentions > 0, salience: 0, first: ms[0].start,
    bodyMentions, firstBody,
  };
}

function sortedByStart(ms: readonly MentionSpan[]): boolean {
  for (let k = 1; k < ms.length; k++) if (ms[k - 1].start > ms[k].start) return false;
  return true;
}

const INITIAL = /^\p{L}\.?$/u;

/** `normal.split(/\s+/).filter((x) => !INITIAL.test(x)).length`, without the filtered copy. */
function countWords(normal: string): number {
  let n = 0;
  for (const x of normal.split(/\s+/)) if (!INITIAL.test(x)) n++;
  return n;
}

/**
 * Salience from mention counts (body mentions count fully, boilerplate ones a quarter), an early
 * first body mention, and roles; scaled so the top entity has 1. The quotes stage may raise speakers.
 */
function salience(doc: Doc, built: Built[]): void {
  const bodyLen = Math.max(1, doc.body.end - doc.body.start);
  let max = 0;
  const raw = built.map((e) => {
    const outside = e.mentions.length - e.bodyMentions;
    let s = e.bodyMentions + 0.25 * outside + 0.5 * Math.min(e.roles.length, 2);
    if (e.inBody) s += 1.5 * Math.max(0, 1 - (e.firstBody - doc.body.start) / bodyLen);
    max = Math.max(max, s);
    return s;
  });
  built.forEach((e, k) => { e.salience = max > 0 ? Math.round((raw[k] / max) * 1000) / 1000 : 0; });
}

/**
 * The dictionary's word kinds clustering asks about, from the morphology's cached facts.
 * @example
 * clusterNames([{ type: 'PER', normal: 'Джордж Вашингтон' }, { type: 'LOC', normal: 'Вашингтон' }], wordKinds(ctx.morphology)); // two clusters
 */
export function wordKinds(m: Morphology): WordKinds {
  return {
    place: (word) => m.formInfo(word).known && m.tags(word).some((t) => t.Geox === true || t.Orgn === true),
    adjective: (word) => {
      if (!m.formInfo(word).known) return false;
      const tags = m.tags(word);
      return tags.some((t) => t.ADJF === true) && !tags.some((t) => t.Name === true);
    },
  };
}
