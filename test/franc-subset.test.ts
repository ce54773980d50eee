import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { francAll } from 'franc';
import { data } from 'franc/data.js';
import { LANGS, MIN_LETTERS, trigramModelsOf, trigramVotes } from '../src/layout/language.js';

/** What language.ts asked franc before it scored the trigrams itself. */
const franc = (s: string): Array<[string, number]> =>
  francAll(s, { only: [...LANGS], minLength: MIN_LETTERS }).filter(([code]) => code !== 'und');

/** Texts where the two differ, with both answers (empty when they agree everywhere). */
function differing(texts: Iterable<string>): Array<{ text: string; ours: unknown; franc: unknown }> {
  const out = [];
  for (const text of texts) {
    const ours = trigramVotes(text), theirs = franc(text);
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) out.push({ text, ours, franc: theirs });
  }
  return out;
}

/** Windows of 600 characters (what detectLanguage hands franc) and shorter ones across a text. */
function* windows(text: string): Iterable<string> {
  for (let at = 0; at < text.length; at += 397) {
    yield text.slice(at, at + 600);
    yield text.slice(at, at + 37);
  }
}

describe('language: franc\'s vote computed on the models of our languages', () => {
  test('models/franc-trigrams.json is what franc\'s data holds for them; else run `npm run build:franc-trigrams`', () => {
    const shipped = JSON.parse(readFileSync(new URL('../models/franc-trigrams.json', import.meta.url), 'utf8')) as unknown;
    expect(JSON.stringify(shipped) === JSON.stringify(trigramModelsOf(data)) ? 'same' : 'stale').toBe('same');
  });

  test('the same answers as franc on sentences of each language, other scripts, and odd input', () => {
    const texts = [
      'Путин заявил, что переговоры продолжатся на следующей неделе в Москве.',
      'Президент України заявив, що переговори тривають. Він сказав журналістам, що зустріч відбудеться.',
      'Прэзідэнт Беларусі заявіў, што перамовы працягнуцца на наступным тыдні ў Мінску.',
      'Президентът на България заяви, че преговорите ще продължат следващата седмица.',
      'Қазақстан Президенті келіссөздер келесі аптада жалғасатынын мәлімдеді.',
      'Председник Србије је рекао да ће се преговори наставити следеће недеље.',
      'Predsednik Srbije je rekao da će se pregovori nastaviti sledeće nedelje u Beogradu.',
      'Претседателот на Македонија изјави дека преговорите ќе продолжат следната недела.',
      'The president said the talks would continue next week in Moscow, officials confirmed.',
      'Путин said that переговоры would continue — 12 345, №7 (2024) «ТАСС»',
      '習近平主席表示，談判將於下週在北京繼續進行。', 'الرئيس قال إن المحادثات ستستمر الأسبوع المقبل',
      'Ο πρόεδρος δήλωσε ότι οι συνομιλίες θα συνεχιστούν', 'הנשיא אמר כי השיחות יימשכו בשבוע הבא',
      '12 345 — !!! ??? ...', '          ', 'короткий', 'ab', '', 'ёёёёёёёёёёёё ЁЁЁ', 'a\u0301b\u0301c\u0301d\u0301e\u0301f\u0301',
      'http://example.com/путь?x=1 @user #тег', '\ud83d\ude00 эмодзи \ud83d\ude00 и \ud800 одиночный суррогат',
    ];
    expect(differing(texts)).toEqual([]);
  });

  test('the same answers as franc on windows of the fixtures and test texts', () => {
    const texts = [readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8')];
    const layout = fileURLToPath(new URL('./data/layout', import.meta.url));
    for (const f of readdirSync(layout).filter((x) => x.endsWith('.txt')).sort()) texts.push(readFileSync(join(layout, f), 'utf8'));
    expect(differing(texts.flatMap((t) => [...windows(t)]))).toEqual([]);
  });

  const dataDir = process.env.RUTEXT_DATA ?? resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/data');
  (existsSync(join(dataDir, 'kw')) ? test : test.skip)('the same answers as franc on windows of real articles', () => {
    const texts: string[] = [];
    for (const f of readdirSync(join(dataDir, 'kw')).filter((x) => x.endsWith('.jsonlines')).sort()) {
      for (const line of readFileSync(join(dataDir, 'kw', f), 'utf8').split('\n').filter(Boolean).slice(0, 30)) {
        const j = JSON.parse(line) as { title?: string; content?: string };
        texts.push(...windows(`${j.title ?? ''}\n${j.content ?? ''}`));
      }
    }
    expect(differing(texts)).toEqual([]);
  });

  test('the same answers as franc on random mixtures of scripts, digits and punctuation', () => {
    const chars = fc.oneof(
      fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўқәңғүұһөјљњћџѓќѕАБВІЇЄ'),
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzčćšžđABC'),
      fc.constantFrom(...' \n\t\u00a0.,;:!?-—«»()0123456789@#'),
      fc.integer({ min: 0x20, max: 0x3000 }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(fc.property(fc.array(chars, { maxLength: 200 }).map((a) => a.join('')), (s) => differing([s]).length === 0), { numRuns: 300, seed: 7 });
  });
});
