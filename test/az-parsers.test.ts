/**
 * rutext's parse of a new word form (az-parse.ts driving az-parsers.ts) must give exactly what
 * az's own `Az.Morph(word)` gives: the same parses in the same order, with the same scores, the
 * same az classes and fields, so that tags, normal forms and inflections behave as before.
 * Hand-written words and their variants run everywhere; every distinct token of part of the
 * shared corpora runs where the data folder is present (skipped in CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { readRows } from '../src/data-file.js';
import type Az from 'az';
import { loadAz, parseDefault } from '../src/morph/az.js';
import { tokenize } from '../src/segment/tokenize.js';

const az = loadAz();

/** Everything about a parse that the rest of rutext can read, as one string per parse. */
function show(ps: Az.Parse[]): string[] {
  return ps.map((p) => {
    const d = p as Az.Parse & { formIdx?: number; prefix?: string; suffix?: string };
    return JSON.stringify([p.toString(), String(p.tag), p.score, p.parser, d.paradigmIdx, d.formIdx, p.stutterCnt, p.typosCnt,
      p.constructor.name, d.prefix, d.suffix, p.word, Object.keys(p).join(',')]);
  });
}

/** The first parse's normal form and its tag, and its genitive plural, as the entities stage reads them. */
function forms(ps: Az.Parse[]): string {
  const p = ps[0];
  if (p === undefined) return '';
  const n = p.normalize();
  const g = p.inflect(['plur', 'gent']);
  return `${n ? `${n.toString()} ${String(n.tag)}` : '-'} | ${g ? `${g.toString()} ${String(g.tag)}` : '-'}`;
}

/** Words whose parse differs between the two (empty when all agree). */
function mismatches(words: Iterable<string>): string[] {
  const bad: string[] = [];
  for (const w of words) {
    const ours = parseDefault(w);
    const theirs = az(w);
    if (JSON.stringify(show(ours)) !== JSON.stringify(show(theirs)) || forms(ours) !== forms(theirs)) bad.push(w);
  }
  return bad;
}

// Real forms and made-up ones (unknown to the dictionary, so az guesses by prefix and suffix),
// names, ё/е, doubled letters, hyphens, abbreviations and non-words.
const ROOTS = [
  'стали', 'сталь', 'президент', 'президента', 'государства', 'заявил', 'сообщила', 'выступая', 'еще', 'ещё', 'ёлка', 'елка',
  'всё', 'все', 'её', 'ее', 'берёза', 'береза', 'зелёный', 'зеленый', 'чёрт', 'черт', 'шёл', 'шел', 'объём', 'объем',
  'длинный', 'ссора', 'класс', 'масса', 'аллея', 'ванна', 'гоол', 'нееет', 'ннет', 'д-да', 'к-к-как', 'аааа',
  'Москва', 'москвы', 'Путин', 'путина', 'Токаев', 'Токаева', 'Быковской', 'Касым-Жомарт', 'Нурлан', 'Астане', 'Мопертюи',
  'Санкт-Петербург', 'Нью-Йорк', 'Ростов-на-Дону', 'интернет-магазин', 'пресс-секретарь', 'вице-премьер', 'экс-президент',
  'кто-то', 'что-нибудь', 'смотри-ка', 'по-русски', 'по-западному', 'все-таки', 'так-то', 'из-за', 'северо-восток',
  'бздынь', 'глокая', 'куздра', 'штеко', 'будланула', 'бокра', 'кудрячит', 'бокрёнка', 'зюзюкать', 'хрюкотали',
  'твиттерный', 'твитнул', 'ретвитнули', 'блогерша', 'хайпануть', 'зумеры', 'вейпер', 'криптобиржа', 'нейросеть', 'коптер',
  'постковидный', 'антиковидный', 'сверхзвуковой', 'псевдонаучного', 'недоучёл', 'переподписали', 'наиглупейший',
  'поглокее', 'наибздынейший', 'поперёк', 'полуостров', 'самоизоляция', 'электросамокат', 'квазиденьги', 'мегаполисы',
  'ИТАР-ТАСС', 'ООО', 'РФ', 'США', 'МИД', 'ЛенСпецСМУ', 'ЯЯЯЯ', 'А', 'В', 'И.', 'Ё', 'я', 'ж',
  'iPhone', 'IBM', 'COVID-19', 'abc-где', '2024', '3,14', '−5', 'XIV', 'MMXX', '«', '—', '...', '', '-', '--',
  'Ви́ктор', '\uD800', 'а\u0301', 'İstanbul', 'ΣΟΦΙΑ', 'straße',
];

/** The roots and forms az treats differently: cases, е/ё, prefixes, particles, doubled letters. */
function variants(w: string): string[] {
  const lower = w.toLowerCase();
  const out = [w, lower, w.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1), w.replace(/е/g, 'ё'), w.replace(/ё/g, 'е')];
  if (lower.length >= 3) {
    for (const prefix of ['пере', 'по', 'наи', 'недо', 'сверх', 'анти-', 'псевдо', 'раз', 'не']) out.push(prefix + lower);
    for (const particle of ['-то', '-ка', '-таки', '-с']) out.push(lower + particle);
    out.push(`по-${lower}`, lower.slice(0, 2) + lower.slice(1)); // по-…; a doubled second letter (a stutter)
    out.push(lower.slice(1), lower.slice(0, -1), `${lower}ами`, `${lower}ейший`, `${lower}ёнок`);
  }
  return out;
}

describe('az parse of a new form: rutext\'s parsers give Az.Morph\'s parses', () => {
  const words = [...new Set(ROOTS.flatMap(variants))];

  test(`${words.length} hand-written forms and their variants`, () => {
    expect(words.length).toBeGreaterThan(2000);
    expect(mismatches(words)).toEqual([]);
  });

  test.each(ROOTS)('%s: same parses, same order, same scores', (w) => {
    const ours = parseDefault(w);
    const theirs = az(w);
    expect(show(ours)).toEqual(show(theirs));
    expect(forms(ours)).toBe(forms(theirs));
  });

  test('the guessers run: a made-up word gets suffix and prefix guesses, a name keeps its case rule', () => {
    const parsers = new Set([...words].flatMap((w) => parseDefault(w).map((p) => p.parser)));
    for (const name of ['Dictionary', 'PrefixKnown', 'PrefixUnknown', 'SuffixKnown', 'HyphenParticle', 'HyphenWords', 'Abbr']) expect(parsers).toContain(name);
    expect(parseDefault('глокая').some((p) => p.parser === 'SuffixKnown')).toBe(true);
    expect(parseDefault('москвы').some((p) => p.tag.Geox)).toBe(false);
    expect(parseDefault('Москвы').some((p) => p.tag.Geox)).toBe(true);
  });

  test('every prefix of az-known-prefixes.tsv, before known words, parses as az parses it', () => {
    const prefixes = readRows(new URL('../src/morph/az-known-prefixes.tsv', import.meta.url)).map((row) => row[0]);
    // The list is az's own (a closure variable of its source): an az update that changes it fails here.
    const azSource = readFileSync(createRequire(import.meta.url).resolve('az'), 'utf8');
    const azList = /knownPrefixes = \[([^\]]*)\]/.exec(azSource)?.[1];
    expect(azList).toBeDefined();
    expect(prefixes).toEqual([...azList!.matchAll(/'([^']*)'/g)].map((m) => m[1]));
    const made = prefixes.flatMap((p) => ['ракета', 'зеленый', 'сделать', 'Москва'].map((w) => p + w));
    expect(mismatches(made)).toEqual([]);
    // Each prefix is read as one: a word it starts, unknown to the dictionary, gets a PrefixKnown parse with it.
    for (const p of prefixes) expect(parseDefault(`${p}бегемот`).some((x) => x.parser === 'PrefixKnown' && (x as Az.Parse & { prefix?: string }).prefix === p)).toBe(true);
  });

  test('the sample article\'s words', () => {
    const sample = tokenize(readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8')).map((t) => t.text);
    expect(mismatches(new Set(sample))).toEqual([]);
  });
});

const dataDir = process.env.RUTEXT_DATA ?? resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/data');
const corpus = join(dataDir, 'kw', 'russia_today_1.jsonlines');
const withData = existsSync(corpus) ? describe : describe.skip;

withData('az parse of a new form on real news (shared data)', () => {
  test('every distinct token of 200 articles, as written and in lower case', () => {
    const texts = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).slice(0, 200)
      .map((l) => { const j = JSON.parse(l) as { title?: string; content?: string }; return `${j.title ?? ''}\n${j.content ?? ''}`; });
    const words = new Set<string>();
    for (const t of texts) for (const tok of tokenize(t)) { words.add(tok.text); words.add(tok.text.toLowerCase()); }
    expect(words.size).toBeGreaterThan(20000);
    expect(mismatches(words)).toEqual([]);
  });
});
