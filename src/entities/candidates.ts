import type { Doc } from '../doc.js';
import type { Morphology } from '../morph/morphology.js';
import type { EntityType } from '../types.js';
import { hasGrammeme, isPlural, lineBreakBetween, usableParses } from './grammar.js';
import { detached } from '../morph/cache.js';

/** A name mention found without the tagger: token range [tokStart, tokEnd) and its type. */
export interface CandidateSpan { tokStart: number; tokEnd: number; type: EntityType }

const CAPITAL = /^\p{Lu}/u;
const CYRILLIC_ABBR = /^[А-ЯЁ]{2,6}$/;

/**
 * The type a capitalised word's analyses suggest, or undefined when it is no name. Dictionary
 * analyses decide for words the dictionary knows; az's guesses only for words it does not. A
 * capitalised word inside a sentence with no such tag is still a name (Трампа), taken as a person.
 */
const typeCache = new WeakMap<Morphology, Map<string, EntityType | null>>();

function wordType(text: string, morphology: Morphology, midSentence: boolean): EntityType | undefined {
  let cache = typeCache.get(morphology);
  if (cache === undefined) typeCache.set(morphology, (cache = new Map()));
  const key = midSentence ? text : `^${text}`;
  let t = cache.get(key);
  if (t === undefined) {
    if (cache.size > 200_000) cache.clear();
    t = computeWordType(text, morphology, midSentence) ?? null;
    cache.set(detached(key), t); // cached across documents: must not keep this one's text
  }
  return t ?? undefined;
}

function computeWordType(text: string, morphology: Morphology, midSentence: boolean): EntityType | undefined {
  const all = usableParses(morphology.parses(text));
  const dict: typeof all = [];
  for (const p of all) {
    const parser = (p as { parser?: string }).parser;
    if (parser === undefined || parser === 'Dictionary' || parser === 'Override') dict.push(p);
  }
  const src = dict.length > 0 ? dict : all;
  for (const p of src) {
    if ((hasGrammeme(p, 'Name') || hasGrammeme(p, 'Surn') || hasGrammeme(p, 'Patr')) && !isPlural(p)) return 'PER';
    if (hasGrammeme(p, 'Geox')) return 'LOC';
    if (hasGrammeme(p, 'Orgn')) return 'ORG';
  }
  if (CYRILLIC_ABBR.test(text)) return 'ORG';
  if (midSentence && /[а-яё]/.test(text) && !src.some((p) => p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF')) return 'PER';
  return undefined;
}

/** True when some analysis of the word is a place: a lone `Астане` is the city, not the first name Астан. */
function couldBePlace(text: string, morphology: Morphology): boolean {
  return usableParses(morphology.parses(text)).some((p) => hasGrammeme(p, 'Geox'));
}

/**
 * Name mentions by the dictionary alone, for when the trained tagger's model is absent: runs of
 * capitalised words whose analyses carry Name/Surn/Patr (PER), Geox (LOC) or Orgn (ORG), and
 * all-capital abbreviations (ORG). Initials (`Н.`) before a surname join it. Coarse: it misses
 * names the dictionary does not know and multiword organisations.
 *
 * @example
 * findCandidates(doc, ctx.morphology); // [{ tokStart: 3, tokEnd: 5, type: 'PER' }, …]
 */
export function findCandidates(doc: Doc, morphology: Morphology): CandidateSpan[] {
  const out: CandidateSpan[] = [];
  const toks = doc.tokens;
  const first = new Set<number>();
  for (const st of doc.sentences) first.add(st.tokStart);
  const midSentence = (i: number): boolean => {
    let k = i - 1;
    while (k >= 0 && toks[k].kind === 'punct' && /^["«„“'(]$/.test(toks[k].text)) k--;
    return k >= 0 && !first.has(k + 1) && !first.has(i) && toks[k].kind === 'word' && !lineBreakBetween(doc.text, toks[k].end, toks[i].start);
  };
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    const initial = t.kind === 'word' && /^\p{Lu}$/u.test(t.text) && toks[i + 1]?.text === '.';
    const type = t.kind === 'word' && CAPITAL.test(t.text) && !initial ? wordType(t.text, morphology, midSentence(i)) : undefined;
    if (type === undefined && !initial) { i++; continue; }
    const start = i;
    let runType: EntityType | undefined = type;
    let j = initial ? i + 2 : i + 1;
    while (j < toks.length) {
      const n = toks[j];
      if (n.kind !== 'word' || lineBreakBetween(doc.text, toks[j - 1].end, n.start)) break;
      if (/^\p{Lu}$/u.test(n.text) && toks[j + 1]?.text === '.' && (runType === undefined || runType === 'PER')) { j += 2; continue; }
      const nt = CAPITAL.test(n.text) ? wordType(n.text, morphology, true) : undefined;
      if (nt === undefined) break;
      // A first name and a surname make one person; a place after an organisation is its own mention (МИД России).
      if (runType !== undefined && nt !== runType && !(nt === 'PER' || runType === 'PER')) break;
      if (runType !== undefined && runType !== 'PER' && nt === 'PER') break;
      if (runType === 'PER' && nt !== 'PER' && CYRILLIC_ABBR.test(n.text)) break;
      runType = runType === 'PER' || nt === 'PER' ? 'PER' : runType ?? nt;
      j++;
    }
    if (runType === 'PER' && j - start === 1 && couldBePlace(t.text, morphology)) runType = 'LOC';
    if (runType !== undefined) out.push({ tokStart: start, tokEnd: j, type: runType });
    i = j;
  }
  return out;
}
