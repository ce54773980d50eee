import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import { type Case, caseOfTag, oneSpaceAfter, posOfTag, readTsv, wordSetOf } from './grammar.js';
import { agreeingPhrase, genitiveTail, lowerWordAt, type Span } from './hygiene.js';
import { ADJ_POS } from './wordFacts.js';
import { startsUpper } from '../letters.js';

/*
 * A body's official name goes on where the tagger stops: its remit after `по` (`Организация по
 * безопасности | и сотрудничеству`, `Совет Федерации | по экономической политике`), its patron after
 * `при` (`Следственный комитет | при прокуратуре`). The tagger, trained on names that are mostly
 * short, cuts them at the preposition or the conjunction; a reader wants the body's whole name.
 * (The country a body belongs to, `Совет муфтиев | России`, stays a place of its own, as
 * factRuEval's and NEREL's gold mostly keep it: joining it cost NEREL LOC .823 → .813.)
 * What may go on is data (official-names.tsv): the body nouns, the two links with their cases, the
 * nouns `при` may name, and the nouns after `по` that open a circumstance, not a remit
 * (`Следственный комитет по факту гибели …`).
 */

interface OfficialNames {
  heads: Set<string>;
  links: Map<string, Case>;
  patrons: Set<string>;
  stops: Set<string>;
  /** Per remit noun the preposition it governs and its case. */
  governs: Map<string, { link: string; c: Case }>;
}

let lexicon: OfficialNames | undefined;

function officialNames(): OfficialNames {
  if (lexicon === undefined) {
    const l: OfficialNames = { heads: new Set(), links: new Map(), patrons: new Set(), stops: new Set(), governs: new Map() };
    for (const [kind, word, c, c2] of readTsv('official-names.tsv')) {
      if (kind === 'head') l.heads.add(word);
      else if (kind === 'link') l.links.set(word, c as Case);
      else if (kind === 'patron') l.patrons.add(word);
      else if (kind === 'stop') l.stops.add(word);
      else if (kind === 'govern') l.governs.set(word, { link: c, c: c2 as Case });
      else throw new Error(`official-names.tsv: unknown kind '${kind}'`);
    }
    lexicon = l;
  }
  return lexicon;
}

/** Words a remit or patron phrase may take before its noun. */
const MAX_MODIFIERS = 3;

/**
 * Extends organisation spans that open with a body noun over the rest of their official names
 * (see the header): a remit or a patron, up to the next span. Spans stay in text order.
 *
 * @example
 * // `заявили в Организации по безопасности и сотрудничеству в Европе`:
 * // ORG `Организации по безопасности` → ORG `Организации по безопасности и сотрудничеству`
 */
export function joinOfficialNames(doc: Doc, spans: Span[], morphology: Morphology): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.type !== 'ORG' || s.shared !== undefined || !opensWithBodyNoun(doc, s) || remitOwnerBefore(doc, s.tokStart)) {
      out?.push(s);
      continue;
    }
    const limit = k + 1 < spans.length ? spans[k + 1].tokStart : doc.tokens.length;
    const end = linkedTail(doc, coordinatedRemitEnd(doc, s, limit, morphology), limit, morphology);
    if (end === s.tokEnd) {
      out?.push(s);
      continue;
    }
    (out ??= spans.slice(0, k)).push({ tokStart: s.tokStart, tokEnd: end, type: 'ORG' });
  }
  return out ?? spans;
}

/**
 * Whether a unit's noun of unit-nouns.tsv stands right before token i, in either case: the remit
 * after the name is that unit's (`комитета Совета Федерации | по обороне`, `Комитета Совета
 * Безопасности | по санкциям`), not the name's, as hygiene's rule 7 has it when it cuts such a
 * remit off the tagger's span. (A post before it says nothing: `заместитель начальника Главного штаба | по
 * разведке` is the deputy's remit, `председатель Комитета Госдумы | по экологии` the committee's.)
 */
function remitOwnerBefore(doc: Doc, i: number): boolean {
  return i > 0 && oneSpaceAfter(doc, i - 1) && wordSetOf('unit-nouns.tsv').has(doc.morph[i - 1].lemma);
}

/** Whether the span's first noun (after any adjectives) is a body noun of the lexicon. */
function opensWithBodyNoun(doc: Doc, s: Span): boolean {
  const heads = officialNames().heads;
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const m = doc.morph[i];
    if (m.pos === 'NOUN') return heads.has(m.lemma);
    if (m.pos === undefined || !ADJ_POS.has(m.pos)) return false;
  }
  return false;
}

/**
 * The end of the remit and patron phrases starting at token j (`по экономической политике`,
 * `при Президенте`), each with its lower-case genitive tail and, for a remit, one more phrase
 * joined by и in the same case; j when none starts there.
 */
function linkedTail(doc: Doc, j: number, limit: number, morphology: Morphology): number {
  const { links } = officialNames();
  let end = j;
  for (let n = 0; n < 2; n++) {
    if (end >= limit || !lowerWordAt(doc, end) || !oneSpaceAfter(doc, end - 1)) break;
    const link = doc.tokens[end].text;
    const c = links.get(link);
    if (c === undefined) break;
    const patron = link === 'при';
    let e = phraseIn(doc, end + 1, limit, c, patron, morphology);
    if (e === end + 1) break;
    e = genitiveTail(doc, governedEnd(doc, whoseEnd(doc, e, limit, morphology), limit, morphology), limit);
    end = patron ? e : secondRemitEnd(doc, e, limit, c, morphology);
  }
  return end;
}

/**
 * The end of a lower-case genitive phrase at token j, of people too (`по правам | человека`,
 * `по делам | несовершеннолетних`), which the tail of a body's own name does not take; j when
 * there is none.
 */
function whoseEnd(doc: Doc, j: number, limit: number, morphology: Morphology): number {
  return phraseIn(doc, j, limit, 'gent', false, morphology);
}

/**
 * The end of what the remit's noun before token j governs (`по борьбе | с коррупцией`): the
 * preposition of official-names.tsv and a lower-case phrase in its case; j when there is none.
 */
function governedEnd(doc: Doc, j: number, limit: number, morphology: Morphology): number {
  const g = officialNames().governs.get(doc.morph[j - 1].lemma);
  if (g === undefined || j + 1 >= limit || doc.tokens[j].text !== g.link || !oneSpaceAfter(doc, j - 1)) return j;
  const end = phraseIn(doc, j + 1, limit, g.c, false, morphology);
  return end > j + 1 ? end : j;
}

/**
 * The end of a second remit joined by и at token j (`… и сотрудничеству`), in case c, whose noun
 * can be read in no other case; j when there is none.
 */
function secondRemitEnd(doc: Doc, j: number, limit: number, c: Case, morphology: Morphology): number {
  if (j + 1 >= limit || doc.tokens[j].text !== 'и' || !lowerWordAt(doc, j) || !oneSpaceAfter(doc, j - 1)) return j;
  const end = phraseIn(doc, j + 1, limit, c, false, morphology);
  // Only a noun az reads in no other case: `и полиции` after `по чрезвычайным ситуациям` is the police, no remit.
  if (end === j + 1 || morphology.tags(doc.tokens[end - 1].text).some((g) => caseOfTag(g) !== c)) return j;
  return genitiveTail(doc, governedEnd(doc, whoseEnd(doc, end, limit, morphology), limit, morphology), limit);
}

/**
 * Where span s ends once the rest of its own remit is taken: the tagger often stops at the remit
 * noun's preposition (`Федеральной службы по контролю | за оборотом наркотиков`) or at и
 * (`Организации по безопасности | и сотрудничеству`). s.tokEnd when s has no remit; where the
 * span's `по` opens a circumstance, not a remit, the name ends before it.
 */
function coordinatedRemitEnd(doc: Doc, s: Span, limit: number, morphology: Morphology): number {
  const { links, stops } = officialNames();
  for (let i = s.tokEnd - 2; i > s.tokStart; i--) {
    const c = doc.tokens[i].text === 'по' ? links.get('по') : undefined;
    if (c === undefined) continue;
    // The tagger's `Государственный департамент по поводу`: the name ends before the circumstance.
    const noun = firstNoun(doc, i + 1, s.tokEnd);
    if (noun >= 0 && stops.has(doc.tokens[noun].text.toLowerCase())) return i;
    return secondRemitEnd(doc, genitiveTail(doc, governedEnd(doc, whoseEnd(doc, s.tokEnd, limit, morphology), limit, morphology), limit), limit, c, morphology);
  }
  return s.tokEnd;
}

/** The first token from `from` to `to` read as a noun, or −1. */
function firstNoun(doc: Doc, from: number, to: number): number {
  for (let k = from; k < to; k++) if (doc.morph[k].pos === 'NOUN') return k;
  return -1;
}

/**
 * The end of a noun phrase in case c at token j (agreeing adjectives, then the noun), on one
 * line; j when there is none, or when its noun is a stop's form (a remit) or no patron (after `при`).
 * A patron may be capitalised (`при Президенте`); the words of a remit are lower-case.
 */
function phraseIn(doc: Doc, j: number, limit: number, c: Case, patron: boolean, morphology: Morphology): number {
  const { patrons, stops } = officialNames();
  for (let k = j; k < limit && k <= j + MAX_MODIFIERS; k++) {
    const t = doc.tokens[k];
    if (t.kind !== 'word' || !oneSpaceAfter(doc, k - 1)) return j;
    if (startsUpper(t.text) && !(patron && k === j)) return j;
    // The part of speech chosen in context (`этом` is a pronoun, not the adjective az also
    // offers), the case any reading of it (`по борьбе` is read as a locative).
    const m = doc.morph[k];
    if (!morphology.tags(t.text).some((g) => posOfTag(g) === m.pos && caseOfTag(g) === c)) return j;
    if (m.pos === 'NOUN') {
      if (k > j && !agreeingPhrase(doc, j, k, morphology)) return j;
      if (patron ? !patrons.has(m.lemma) : stops.has(t.text.toLowerCase())) return j;
      return k + 1;
    }
    // Not a pronoun's adjective: `в Конгресс по любому вопросу`.
    if (m.pos === undefined || !ADJ_POS.has(m.pos) || m.tags.includes('Apro')) return j;
  }
  return j;
}
