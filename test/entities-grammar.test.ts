import type Az from 'az';
import { readFileSync } from 'node:fs';
import { Context } from '../src/context.js';
import { caseOf, caseOfTag, gendersOf, gendersOfTag, hasGrammeme, isPlural, isPluralTag, posOf, posOfTag, tagHas, usableParses } from '../src/entities/grammar.js';
import { TAG_FLAGS, mayStutter, pastSingularGender, tagFacts, wordFacts } from '../src/entities/wordFacts.js';
import { type MentionContext, documentVote, nominalForm, voteFor } from '../src/entities/mentionContext.js';

const m = new Context().morphology;

/** Words of the repository's texts, as written and lower-cased, with some made-up ones az must guess. */
function words(): string[] {
  const files = ['../fixtures/article.txt', './data/entities/normal.tsv', './data/entities/hygiene.tsv', './data/morph/context.tsv'];
  const out = new Set<string>(['Рааба', 'гоол', 'д-да', 'Ааронова', 'Ватцке', 'Касым-Жомарта', 'Азию-Биби', 'сообщила', 'рассказал']);
  for (const f of files) {
    for (const w of readFileSync(new URL(f, import.meta.url), 'utf8').match(/[\p{L}\d]+(?:-[\p{L}\d]+)*/gu) ?? []) {
      out.add(w);
      out.add(w.toLowerCase());
    }
  }
  return [...out];
}

const WORDS = words();

// The grammar helpers read a tag through one number per tag; these are the property reads they replace.
const CASE_OF: Record<string, string> = { nomn: 'nomn', gent: 'gent', gen1: 'gent', gen2: 'gent', datv: 'datv', accs: 'accs', acc2: 'accs', ablt: 'ablt', loct: 'loct', loc1: 'loct', loc2: 'loct', voct: 'nomn' };
const caseRead = (t: Az.Tag) => (typeof t.CAse === 'string' ? CASE_OF[t.CAse] : undefined);
const gendersRead = (t: Az.Tag) => (t.masc ? ['masc'] : t.femn ? ['femn'] : t.neut ? ['neut'] : t['Ms-f'] ? ['masc', 'femn'] : []);

describe('grammar: what a tag says, read through its number', () => {
  test('case, number, gender and grammemes agree with the tag’s own properties', () => {
    const tags = new Set<Az.Tag>();
    for (const w of WORDS) for (const p of m.parses(w)) tags.add(p.tag);
    expect(tags.size).toBeGreaterThan(300);
    for (const t of tags) {
      expect(caseOfTag(t)).toBe(caseRead(t));
      expect([...gendersOfTag(t)]).toEqual(gendersRead(t));
      expect(isPluralTag(t)).toBe(t.plur === true);
      expect(posOfTag(t)).toBe(t.POS);
      for (const g of ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'anim', 'Fixd', 'Pltm', 'past', 'inan', 'Abbr', 'sing']) expect(tagHas(t, g)).toBe(t[g] === true);
    }
  });

  test('the parse helpers read the parse’s tag', () => {
    const p = m.parses('Токаева')[0];
    expect(caseOf(p)).toBe(caseOfTag(p.tag));
    expect(gendersOf(p)).toBe(gendersOfTag(p.tag));
    expect(isPlural(p)).toBe(false);
    expect(hasGrammeme(p, 'Surn')).toBe(true);
    expect(posOf(p)).toBe('NOUN');
  });
});

describe('word facts from the tags alone', () => {
  test('az corrects a stutter only in a form with a doubled letter', () => {
    for (const w of WORDS) {
      if (mayStutter(w)) continue;
      for (const p of m.parses(w)) expect([w, p.stutterCnt, p.typosCnt]).toEqual([w, 0, 0]);
    }
    expect(mayStutter('Путина')).toBe(false);
    expect(mayStutter('Россия')).toBe(true);
    expect(mayStutter('ААронов')).toBe(true);
    expect(mayStutter('д-да')).toBe(true);
    expect(mayStutter('Ёёлка')).toBe(true);
    expect(mayStutter('ударе́ние')).toBe(true); // a stress mark: not ruled out
  });

  test('the tag facts are those of the usable parses', () => {
    for (const w of WORDS) {
      const all = wordFacts(m, w);
      const tags = tagFacts(m, w);
      expect([w, tags.flags & TAG_FLAGS, tags.adjectives, tags.anyAdjectives, tags.heads, tags.animate])
        .toEqual([w, all.flags & TAG_FLAGS, all.adjectives, all.anyAdjectives, all.heads, all.animate]);
    }
  });

  test('the gender of a singular past-tense verb', () => {
    expect(pastSingularGender(m, 'заявила')).toBe('femn');
    expect(pastSingularGender(m, 'заявил')).toBe('masc');
    expect(pastSingularGender(m, 'заявили')).toBeUndefined();
    expect(pastSingularGender(m, 'стол')).toBeUndefined();
    for (const w of WORDS) {
      const p = usableParses(m.parses(w))[0];
      const t = p?.tag;
      const g = t !== undefined && t.POS === 'VERB' && t.past === true && t.plur !== true ? gendersRead(t)[0] : undefined;
      expect([w, pastSingularGender(m, w)]).toEqual([w, g === 'neut' ? undefined : g]);
    }
  });
});

describe('gender votes kept per document', () => {
  test('documentVote answers as voteFor, asked again or not', () => {
    const votes = new Map([['путин', -1], ['путина', -0.5], ['асия', 1], ['пут', 2]]);
    const context = { votes } as unknown as MentionContext;
    for (const w of ['Путину', 'Асии', 'Маск', 'Путину']) expect(documentVote(w, context, m)).toBe(voteFor(w, votes, m));
  });
});

describe('nominalForm keeps its last answer', () => {
  test('a parse asked in a row answers as when asked first (each word, each gender and number)', () => {
    const overrides = [undefined, { plural: false, gender: 'femn' as const }, { plural: true }];
    const asked = (w: string) => usableParses(m.parses(w)).flatMap((p) => overrides.map((o) => [w, p, o] as const));
    const all = WORDS.slice(0, 600).flatMap(asked);
    // In a row, word by word (the memo answers repeats), then each asked after another word.
    const inRow = all.map(([w, p, o]) => nominalForm(w, p, o));
    const alone = all.map(([w, p, o], k) => {
      nominalForm(k % 2 === 0 ? 'Путина' : 'Москве', m.parses(k % 2 === 0 ? 'Путина' : 'Москве')[0]);
      return nominalForm(w, p, o);
    });
    expect(inRow).toEqual(alone);
  });
});
