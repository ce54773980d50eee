import { readFileSync } from 'node:fs';
import { Doc } from '../src/doc.js';
import { analyseSentence } from '../src/morph/context.js';
import { morph } from '../src/morph/index.js';
import { Morphology } from '../src/morph/morphology.js';
import { OverrideLexicon } from '../src/morph/overrides.js';
import { loadAz, parseDefault } from '../src/morph/az.js';
import { F, POS_SHIFT } from '../src/morph/candidate.js';
import { useExactSearch } from '../src/morph/az-lookup.js';
import { isAnalysable } from '../src/morph/form-info.js';
import { isLowerCase } from '../src/letters.js';

const m = new Morphology();

function rows(file: string): string[][] {
  return readFileSync(new URL(`./data/morph/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

describe('parse choice in context (test/data/morph/context.tsv)', () => {
  test.each(rows('context.tsv'))('%s: %s → %s [%s]', (sentence, word, lemma, grams) => {
    const forms = sentence.split(' ');
    const i = forms.indexOf(word);
    expect(i).toBeGreaterThanOrEqual(0);
    const tok = analyseSentence(forms, m)[i];
    expect(tok.lemma).toBe(lemma);
    for (const g of grams.split(' ')) expect([tok.pos, ...tok.tags]).toContain(g);
  });
});

describe('nominative of a phrase (test/data/morph/nominative.tsv)', () => {
  test.each(rows('nominative.tsv'))('%s → %s', (phrase, expected) => {
    const forms = phrase.split(' ');
    expect(m.nominative(forms, analyseSentence(forms, m)).join(' ')).toBe(expected);
    expect(m.nominative(forms).join(' ')).toBe(expected);
  });

  test('inflect keeps gender and capitalisation, and says when it cannot', () => {
    expect(m.inflect('Токаева', ['nomn'])).toBe('Токаев');
    expect(m.inflect('Быковской', ['nomn'])).toBe('Быковская');
    expect(m.inflect('комиссии', ['nomn', 'plur'])).toBe('комиссии');
    expect(m.inflect('Трамп', ['datv'])).toBe('Трампу');
    expect(m.inflect('Астана', ['loct'])).toBe('Астане');
    expect(m.inflect('и', ['nomn'])).toBeUndefined();
  });
});

describe('lemma conventions (as UD Russian: participles and gerunds → infinitive, short and comparative → full adjective)', () => {
  test.each([
    ['Компания , выпустившая отчёт', 'выпустившая', 'выпустить'],
    ['решение было принято вчера', 'принято', 'принять'],
    ['этот факт хорошо известен', 'известен', 'известный'],
    ['это был лучший год', 'лучший', 'лучший'],
    ['первый раз', 'первый', 'первый'],
    ['Алексей Иванович Смирнов', 'Иванович', 'иванович'],
    ['встреча с Сергеем', 'Сергеем', 'сергей'],
    ['Ви́ктор пришёл', 'Ви́ктор', 'виктор'],
    ['в 80-х годах', '80-х', '80-й'],
  ])('%s: %s → %s', (sentence, word, lemma) => {
    const forms = sentence.split(' ');
    expect(analyseSentence(forms, m)[forms.indexOf(word)].lemma).toBe(lemma);
  });

  test('capitalised foreign names the dictionary lacks: indeclinable ones stay as they are, others get a singular reading', () => {
    const forms = ['Об', 'этом', 'сообщил', 'Франсуа', 'Мопертюи', '.'];
    expect(analyseSentence(forms, m)[4].lemma).toBe('мопертюи');
    const t = analyseSentence(['Как', 'сообщил', 'Митчелл', ',', 'всё', 'готово'], m)[2];
    expect(t.lemma).toBe('митчелл');
  });
});

describe('stage and caches', () => {
  test('the stage works sentence by sentence and falls back to the whole token list', () => {
    const doc = new Doc('Саммит прошёл в Астане. Об этом сообщил Илон Маск');
    doc.tokens = [];
    const re = /\p{L}+|[^\s\p{L}]/gu;
    for (const x of doc.text.matchAll(re)) doc.tokens.push({ start: x.index!, end: x.index! + x[0].length, text: x[0], kind: /\p{L}/u.test(x[0]) ? 'word' : 'punct' });
    morph(doc, m);
    const byText = (w: string) => doc.morph[doc.tokens.findIndex((t) => t.text === w)];
    expect(doc.morph).toHaveLength(doc.tokens.length);
    expect(byText('Астане').tags).toContain('Geox');
    expect(byText('Маск').tags).toContain('Surn');
    expect(byText('.').pos).toBeUndefined();
    doc.sentences = [{ start: 0, end: 23, tokStart: 0, tokEnd: 5 }, { start: 24, end: doc.text.length, tokStart: 5, tokEnd: doc.tokens.length }];
    morph(doc, m);
    expect(byText('Астане').lemma).toBe('астана');
    expect(byText('Маск').lemma).toBe('маск');
  });

  test('repeated words come from the cache (the same objects)', () => {
    expect(m.candidates('партиям')).toBe(m.candidates('партиям'));
    const a = analyseSentence(['Партиям', 'предстоит'], m);
    const b = analyseSentence(['Партиям', 'предстоит'], m);
    expect(a[0]).toBe(b[0]);
  });

  test('stem: Snowball on lower case with ё → е', () => {
    expect(m.stem('Партиям')).toBe(m.stem('партии'));
    expect(m.stem('Ёлками')).toBe(m.stem('елки'));
  });

  test('parses and best stay available for other stages', () => {
    expect(m.parses('Токаева')[0].normalize().toString()).toBe('токаев');
    expect(m.best('партиям').lemma).toBe('партия');
  });
});

describe('override lexicon', () => {
  test('a line declines its word like the model and takes the model\'s tags', () => {
    const lex = new OverrideLexicon(loadAz(), 'нурлан\tрустам\tName\nбайтерек\tпарламент\tNOUN\n');
    const p = lex.lookup('Нурланом')!;
    expect(p.map((x) => x.normalize().toString())).toContain('нурлан');
    expect(p[0].tag.ablt && p[0].tag.Name).toBeTruthy();
    expect(lex.lookup('байтереке')![0].tag.loct).toBeTruthy();
  });

  test('a model that does not decline like the word is an error, not a silent guess', () => {
    expect(() => new OverrideLexicon(loadAz(), 'бишкек\tмосква\tGeox\n')).toThrow(/does not end like/);
    expect(() => new OverrideLexicon(loadAz(), 'астана\tмосква\tSurn\n')).toThrow(/no dictionary parse/);
  });
});

describe('robustness', () => {
  test('any forms: one analysis each, never a throw', async () => {
    const fc = (await import('fast-check')).default;
    const form = fc.oneof(
      fc.string({ minLength: 0, maxLength: 12 }),
      fc.constantFrom('Маска', 'в', 'Астане', 'стали', ',', '«', 'ООО', 'iPhone', '2024', '80-х', 'Ви́ктор', '\uD800', 'ёж', 'Касым-Жомарта'),
      fc.stringMatching(/^[А-ЯЁа-яё-]{1,20}$/),
    );
    fc.assert(fc.property(fc.array(form, { maxLength: 25 }), (forms) => {
      const out = analyseSentence(forms, m);
      expect(out).toHaveLength(forms.length);
      for (const t of out) expect(typeof t.lemma).toBe('string');
      for (const f of forms) m.nominative([f]);
    }), { numRuns: 300 });
  });
});

describe('morph: exact DAWG search', () => {
  const az = loadAz();
  const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8').split(/[\s«»"(),.:;!?]+/).filter(Boolean);
  const listed = rows('az-search.txt').map((r) => r[0]);
  const words = [...new Set([...listed, ...sample])];
  const show = (w: string, config?: Record<string, unknown>) =>
    JSON.stringify(az(w, config).map((p) => [p.word, String(p.tag), p.score, p.parser, p.stutterCnt, p.typosCnt]));
  const configs = [undefined, { ignoreCase: true, parsers: ['Dictionary'] }];

  test.each(listed)('%s: same parses as az’s own search', (w) => {
    useExactSearch(false);
    const theirs = configs.map((c) => show(w, c));
    useExactSearch(true);
    expect(configs.map((c) => show(w, c))).toEqual(theirs);
  });

  test(`the sample article's ${words.length} distinct words parse the same`, () => {
    useExactSearch(false);
    const theirs = words.map((w) => show(w));
    useExactSearch(true);
    const ours = words.map((w) => show(w));
    expect(ours.filter((o, i) => o !== theirs[i])).toEqual([]);
    expect(ours.some((o) => o.includes('Dictionary'))).toBe(true);
  });

  test('typo search still answers (through az)', () => {
    expect(az('саово', { typos: 1 }).length).toBeGreaterThan(0);
  });
});

describe('morph: rutext\'s driver of az\'s parsers (az-parse.ts)', () => {
  const az = loadAz();
  const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8').split(/[\s«»"(),.:;!?]+/).filter(Boolean);
  const listed = rows('az-search.txt').map((r) => r[0]);
  const made = ['', '-', '2024', '3,14', 'XIV', 'iPhone', 'А.', 'И.', 'В', 'кто-то', 'по-русски', 'Нью-Йорк', 'ИТАР-ТАСС',
    'сверхзвуковой', 'псевдонаучного', 'Мопертюи', 'гооол', 'д-да', 'ёлка', 'елка', 'Ви́ктор', 'abc-где', '\uD800', 'ЯЯЯЯ', 'бздынь'];
  const show = (ps: ReturnType<typeof az>) => JSON.stringify(ps.map((p) => [p.toString(), String(p.tag), p.score, p.parser, p.stutterCnt, p.typosCnt]));

  test.each([...new Set([...listed, ...made])])('%s: the same parses as Az.Morph', (w) => {
    expect(show(parseDefault(w))).toBe(show(az(w)));
  });

  test(`the sample article's words parse the same, in the same order with the same scores`, () => {
    const words = [...new Set(sample)];
    expect(words.filter((w) => show(parseDefault(w)) !== show(az(w)))).toEqual([]);
  });
});

describe('packed candidates', () => {
  test('the flag bits stay below the POS number (POS_SHIFT)', () => {
    expect(Math.max(...Object.values(F))).toBeLessThan(1 << POS_SHIFT);
  });
});

describe('letter tests without regexes or copies', () => {
  const forms = ['москвы', 'Москвы', 'ёлка', 'Ёлка', 'abc', 'aBc', 'кто-то', 'COVID-19', 'x2', 'ǅungla', 'straße', 'İstanbul', '', '2-й', '2020', '«', 'Ωmega', 'ωmega'];
  test.each(forms)('%s: isLowerCase as toLowerCase says', (f) => {
    expect(isLowerCase(f)).toBe(f === f.toLowerCase());
  });
  test.each(forms)('%s: isAnalysable as the regexes say', (f) => {
    expect(isAnalysable(f)).toBe(/^\p{L}/u.test(f) || /^\d+-\p{L}+$/u.test(f));
  });
});
