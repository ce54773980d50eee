/**
 * lemma.ts spells a dictionary reading's lemma from az's paradigm table (no parse per form of the
 * paradigm): it must give what the rule gives when every form is built by az's own `inflect`,
 * for every parse of real and made-up words. And morphology.ts asks az again for a lower-case
 * word's readings as a name only when a walk down az's word graph says it may find some: the walk
 * must say so whenever az does find some.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Az from 'az';
import { loadAz, mayBeInDictionary, parseDefault } from '../src/morph/az.js';
import { closestForm, inflectedWord, lemmaOf, normalWord } from '../src/morph/lemma.js';
import { tokenize } from '../src/segment/tokenize.js';
import { C_PARSE } from '../src/morph/candidate.js';
import { Morphology } from '../src/morph/morphology.js';

type Parse = Az.Parse;
const az = loadAz();

/**
 * The reference: lemmaOf's rule with every candidate form built by az (`p.inflect(i)`, `normalize`)
 * and compared as a string.
 */
function referenceLemma(p: Parse): string {
  const tag = p.tag;
  const adj = ['ADJF', 'masc', 'sing', 'nomn'];
  let n: Parse | false;
  switch (tag.POS) {
    case 'ADJF': n = referenceClosest(p, adj, tag.Supr !== undefined); break;
    case 'COMP': case 'ADJS': n = referenceClosest(p, adj, false); break;
    case 'NOUN': n = referenceClosest(p, tag.Surn || tag.Patr ? ['nomn', 'sing', tag.GNdr as string] : tag.Pltm ? ['nomn'] : ['nomn', 'sing'], undefined); break;
    case 'VERB': case 'INFN': case 'PRTF': case 'PRTS': case 'GRND': n = referenceClosest(p, ['INFN'], undefined); break;
    case 'NUMR': case 'NPRO': n = p.normalize(true); break;
    default: n = p.normalize();
  }
  if (!n) n = p.normalize();
  if (!n) n = p;
  return n.toString().toLowerCase();
}

function referenceClosest(p: Parse, want: string[], supr: boolean | undefined): Parse | false {
  if (p.formCnt === undefined || p.paradigm === undefined) return p.inflect(want);
  const word = p.toString();
  const t0 = p.tag;
  let best: Parse | false = false;
  let bestLen = -1;
  for (let i = 0; i < p.formCnt; i++) {
    const f = p.inflect(i);
    if (!f) continue;
    const t = f.tag;
    if (!want.every((g) => t[g] !== undefined && t[g] !== false)) continue;
    if (supr !== undefined && (t.Supr !== undefined) !== supr) continue;
    if (!!t.Patr !== !!t0.Patr || !!t.Name !== !!t0.Name || !!t.Surn !== !!t0.Surn) continue;
    const s = f.toString();
    let l = 0;
    while (l < s.length && l < word.length && s.charCodeAt(l) === word.charCodeAt(l)) l++;
    if (l > bestLen) { best = f; bestLen = l; }
  }
  return best;
}

/** The words whose parses get another lemma than the reference's (empty when all agree). */
function mismatches(words: Iterable<string>): string[] {
  const bad: string[] = [];
  for (const w of words) {
    for (const p of parseDefault(w)) {
      if (lemmaOf(p) !== referenceLemma(p)) bad.push(`${w} ${String(p.tag)}: ${lemmaOf(p)} ≠ ${referenceLemma(p)}`);
    }
  }
  return bad;
}

// Requests as rutext makes them: nominatives (entities, speakers), agreement (themes), lemmas.
const REQUESTS = [['nomn'], ['nomn', 'sing'], ['nomn', 'plur'], ['nomn', 'femn', 'sing'], ['femn', 'sing', 'nomn'], ['ADJF', 'masc', 'sing', 'nomn'], ['INFN'], ['gent', 'plur']];

/**
 * The words for which inflectedWord or normalWord differ from the `word` of az's own inflect and
 * normalize, or leave a field on the parse they were given (empty when all agree).
 */
function wordMismatches(words: Iterable<string>): string[] {
  const bad: string[] = [];
  const azWord = (r: Parse | false): string | undefined => (r && typeof r.word === 'string' ? r.word : undefined);
  for (const w of words) {
    const ours = parseDefault(w);
    const theirs = parseDefault(w);
    for (let k = 0; k < ours.length; k++) {
      const p = ours[k], q = theirs[k];
      const keys = Object.keys(p).join();
      for (const want of REQUESTS) {
        if (inflectedWord(p, want) !== azWord(q.inflect(want))) bad.push(`${w} ${String(p.tag)} ${want.join()}: ${inflectedWord(p, want)} ≠ ${azWord(q.inflect(want))}`);
      }
      if (normalWord(p) !== azWord(q.normalize())) bad.push(`${w} ${String(p.tag)} normalize: ${normalWord(p)} ≠ ${azWord(q.normalize())}`);
      if (Object.keys(p).join() !== keys) bad.push(`${w} ${String(p.tag)}: fields added to the parse`);
    }
  }
  return bad;
}

/** Lower-case words az's Dictionary parser finds as a name (ignoreCase) that the walk says it cannot. */
function missedByProbe(words: Iterable<string>): string[] {
  const bad: string[] = [];
  for (const w of words) {
    if (w !== w.toLowerCase() || w.length < 3) continue;
    const named = az(w, { ignoreCase: true, parsers: ['Dictionary'] }).filter((p) => p.parser === 'Dictionary');
    if (named.length > 0 && !mayBeInDictionary(w)) bad.push(w);
  }
  return bad;
}

// Every part of speech and lemma rule: participles, short and comparative adjectives, superlatives,
// surnames and patronymics of both genders, plurale tantum, pronouns and numerals, prefixed guesses
// (PrefixKnown, PrefixUnknown: a prefix az puts before the dictionary word), suffix guesses, ё.
const WORDS = [
  'партиям', 'заявила', 'сказавший', 'сказав', 'известно', 'лучше', 'лучший', 'наилучшего', 'первого', 'одного',
  'Быковской', 'Токаева', 'Георгиевна', 'Ивановичем', 'Сергеевичу', 'ножницами', 'сутками', 'деньгах', 'его', 'нами',
  'двумя', 'пятидесяти', 'соединённых', 'соединенных', 'ёлками', 'елками', 'зелёного', 'шёл', 'стали', 'стекло',
  'суперкотами', 'антиковидных', 'псевдонаучного', 'недоучёл', 'переподписали', 'мегаполисы', 'электросамокатах',
  'глокая', 'куздрой', 'бокрёнка', 'будланула', 'твитнул', 'хайпануть', 'зумерами', 'блогершей', 'криптобиржам',
  'Москвы', 'москвы', 'Путину', 'путину', 'интернет-магазинах', 'кто-то', 'по-русски', 'вице-премьера', 'гоол',
  'мес', 'км', 'США', 'iPhone', '2024', 'XIV', 'Мопертюи',
];

describe('lemma of a dictionary reading spelt from the paradigm table', () => {
  test.each(WORDS)('%s: every parse gets the reference lemma', (w) => {
    expect(mismatches([w, w.toLowerCase()])).toEqual([]);
  });

  test('the sample article\'s words', () => {
    const sample = tokenize(readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8')).map((t) => t.text);
    expect(mismatches(new Set(sample))).toEqual([]);
  });

  test.each(WORDS)('%s: inflected and normal forms spelt as az\'s inflect and normalize spell them', (w) => {
    expect(wordMismatches([w, w.toLowerCase()])).toEqual([]);
  });

  test('closestForm still builds az\'s parse of the form', () => {
    const p = az('Соединённых').find((x) => x.tag.POS === 'PRTF')!;
    const f = closestForm(p, ['PRTF', 'nomn', 'plur', 'past', 'pssv']);
    expect(f && f.toString()).toBe('соединённые');
  });
});

describe('the most probable candidate\'s MorphTok, made with the candidates', () => {
  // Its POS is taken from the tag's TagInfo (a canonical string) rather than from the tag: same
  // text, and undefined where the tag has none.
  test.each(WORDS)('%s: POS as the parse it was made from gives it', (w) => {
    const m = new Morphology();
    for (const form of [w, w.toLowerCase()]) {
      const info = m.formInfo(form);
      if (info.count === 0) continue;
      const tok = info.tok(0, m);
      const p = m.parses(form)[info.data[C_PARSE]];
      if (p === undefined) continue; // a reading rutext made itself
      expect(tok.pos).toBe(p.tag.POS);
    }
  });
});

describe('the dictionary walk before asking az for a lower-case word as a name', () => {
  test('it finds every word az finds', () => {
    expect(missedByProbe(WORDS.map((w) => w.toLowerCase()))).toEqual([]);
    expect(mayBeInDictionary('москвы')).toBe(true);
    expect(mayBeInDictionary('бздынь')).toBe(false);
  });
});

const dataDir = process.env.RUTEXT_DATA ?? resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/data');
const corpus = join(dataDir, 'kw', 'russia_today_1.jsonlines');
const withData = existsSync(corpus) ? describe : describe.skip;

withData('lemmas and the dictionary walk on real news (shared data)', () => {
  const texts = existsSync(corpus) ? readFileSync(corpus, 'utf8').split('\n').filter(Boolean).slice(0, 200)
    .map((l) => { const j = JSON.parse(l) as { title?: string; content?: string }; return `${j.title ?? ''}\n${j.content ?? ''}`; }) : [];
  const words = new Set<string>();
  for (const t of texts) for (const tok of tokenize(t)) { words.add(tok.text); words.add(tok.text.toLowerCase()); }

  test('every parse of every distinct token of 200 articles, as written and in lower case', () => {
    expect(words.size).toBeGreaterThan(20000);
    expect(mismatches(words)).toEqual([]);
  });

  test('inflected and normal forms of every fourth distinct token of 200 articles', () => {
    expect(wordMismatches([...words].filter((_, k) => k % 4 === 0))).toEqual([]);
  });

  test('the walk finds every lower-case token az finds as a name', () => {
    expect(missedByProbe(words)).toEqual([]);
  });
});
