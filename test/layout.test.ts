import { readFileSync, readdirSync } from 'node:fs';
import { Doc } from '../src/doc.js';
import { layout } from '../src/layout/index.js';
import { detectLanguage } from '../src/layout/language.js';
import { splitLines } from '../src/layout/lines.js';

function run(text: string): Doc {
  const doc = new Doc(text);
  layout(doc);
  return doc;
}

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('layout: the sample article', () => {
  const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
  const expected = JSON.parse(readFileSync(new URL('../fixtures/article.expected.json', import.meta.url), 'utf8')) as {
    body: [number, number];
    boilerplate: Array<[number, number]>;
  };
  const doc = run(text);

  test('body and the "most read" list are exactly as expected', () => {
    expect([doc.body.start, doc.body.end]).toEqual(expected.body);
    expect(doc.boilerplate.map((b) => [b.start, b.end])).toEqual(expected.boilerplate);
    expect(doc.boilerplate[0].kind).toBe('list');
  });

  test('Russian, confidently', () => {
    expect(doc.language).toEqual({ code: 'rus', isRussian: true, confidence: expect.any(Number) });
    expect(doc.language.confidence).toBeGreaterThan(0.9);
  });

  test('one paragraph a line, trimmed', () => {
    expect(doc.paragraphs.length).toBe(text.split('\n').filter((l) => l.trim()).length);
    for (const p of doc.paragraphs) expect(slice(text, p)).toBe(slice(text, p).trim());
    expect(slice(text, doc.paragraphs[5])).toBe('-');
  });
});

describe('layout: boilerplate shapes (test/data/layout)', () => {
  const dir = new URL('./data/layout/', import.meta.url);
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  interface Edge { first: string; last: string }
  interface Expected { note: string; body: Edge; boilerplate: Array<Edge & { kind: string }> }

  test('there are cases', () => expect(names.length).toBeGreaterThanOrEqual(10));

  test.each(names)('%s', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8');
    const want = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as Expected;
    const doc = run(text);
    const body = slice(text, doc.body);
    expect(body.startsWith(want.body.first)).toBe(true);
    expect(body.endsWith(want.body.last)).toBe(true);
    expect(doc.boilerplate.map((b) => b.kind)).toEqual(want.boilerplate.map((b) => b.kind));
    doc.boilerplate.forEach((b, i) => {
      const got = slice(text, b);
      expect({ starts: got.startsWith(want.boilerplate[i].first), ends: got.endsWith(want.boilerplate[i].last) })
        .toEqual({ starts: true, ends: true });
    });
    // The body and the boilerplate at its edges never overlap, and together with blank lines they
    // cover every paragraph; a promotion block lies inside the body, and doc.inBody says no there;
    // script code and photo credits lie inside the body, and doc.inAside says yes there.
    const inner = (kind: string) => kind === 'promo' || kind === 'code' || kind === 'credit';
    for (const b of doc.boilerplate) {
      if (b.kind === 'promo') expect(b.start >= doc.body.start && b.end <= doc.body.end && !doc.inBody(b.start) && !doc.inBody(b.end - 1)).toBe(true);
      else if (b.kind === 'code' || b.kind === 'credit') expect(b.start >= doc.body.start && b.end <= doc.body.end && doc.inAside(b.start) && doc.inAside(b.end - 1)).toBe(true);
      else expect(b.end <= doc.body.start || b.start >= doc.body.end).toBe(true);
    }
    expect(doc.promos).toEqual(doc.boilerplate.filter((b) => b.kind === 'promo').map((b) => ({ start: b.start, end: b.end })));
    expect(doc.asides).toEqual(doc.boilerplate.filter((b) => b.kind === 'code' || b.kind === 'credit').map((b) => ({ start: b.start, end: b.end })));
    for (const p of doc.paragraphs) {
      const inBody = p.start >= doc.body.start && p.end <= doc.body.end;
      const inBoiler = doc.boilerplate.some((b) => !inner(b.kind) && p.start >= b.start && p.end <= b.end);
      expect(inBody !== inBoiler).toBe(true);
    }
  });
});

describe('layout: paragraphs', () => {
  test('blank lines, CRLF, Unicode separators and surrounding spaces', () => {
    const text = '  Первый абзац. \r\n\r\n\tВторой абзац.\u2028Третий абзац.\n \n';
    const doc = run(text);
    expect(doc.paragraphs.map((p) => slice(text, p))).toEqual(['Первый абзац.', 'Второй абзац.', 'Третий абзац.']);
  });

  test('a sentence a web copy broke around its links stays one paragraph', () => {
    const text = 'Подписывайтесь на наш \nTelegram\n, чтобы быть в курсе новостей: пройти по \nссылке\n и нажать кнопку.\nВторой абзац.';
    const doc = run(text);
    expect(doc.paragraphs.map((p) => slice(text, p).replace(/\s+/g, ' '))).toEqual([
      'Подписывайтесь на наш Telegram , чтобы быть в курсе новостей: пройти по ссылке и нажать кнопку.',
      'Второй абзац.',
    ]);
  });

  test('a blank line marks the gap before a line', () => {
    expect(splitLines('a\n\n\nb\nc').map((l) => l.gapBefore)).toEqual([false, true, false]);
  });

  test('a headline followed by its text stays two paragraphs', () => {
    const text = 'Новый мост открыт \nНовый мост через Обь открыли в Новосибирске в субботу, сообщили в мэрии города.';
    expect(run(text).paragraphs).toHaveLength(2);
  });
});

describe('layout: language', () => {
  test.each([
    ['rus', 'Президент подчеркнул, что на предстоящем голосовании всем партиям будут предоставлены равные возможности.'],
    ['rus', 'Путин заявил, что переговоры продолжатся.'],
    ['ukr', 'Президент наголосив, що на майбутньому голосуванні всім партіям будуть надані рівні можливості.'],
    ['bel', 'Прэзідэнт падкрэсліў, што на выбарах усім партыям будуць прадастаўлены роўныя магчымасці.'],
    ['kaz', 'Президент алдағы сайлауда барлық партияларға тең мүмкіндіктер берілетінін атап өтті.'],
    ['bul', 'Президентът подчерта, че на предстоящите избори всички партии ще имат равни възможности.'],
    ['srp', 'Председник је нагласио да ће на предстојећим изборима све странке имати једнаке могућности.'],
    ['mkd', 'Претседателот нагласи дека на претстојните избори сите партии ќе имаат еднакви можности.'],
    ['eng', 'The president stressed that all parties will be given equal opportunities at the coming election.'],
  ])('%s', (code, text) => {
    const lang = run(text).language;
    expect(lang.code).toBe(code);
    expect(lang.isRussian).toBe(code === 'rus');
    expect(lang.confidence).toBeGreaterThan(0);
    expect(lang.confidence).toBeLessThanOrEqual(1);
  });

  test('a Russian article quoting a Ukrainian paragraph is Russian', () => {
    const ru = 'Президент Украины подписал указ о демобилизации, сообщила пресс-служба. По словам представителя ведомства, решение вступит в силу в течение недели. ';
    const uk = '«Щойно буде звільнено останнього з шостої хвилі, на фронті залишаться лише контрактники», — написав він.';
    expect(run(ru.repeat(3) + '\n' + uk + '\n' + ru).language.code).toBe('rus');
  });

  test('a Russian article with an English tweet and a script at its top is Russian', () => {
    const js = '(function(d,s,id){var js,fjs=d.getElementsByTagName(s)[0];if(d.getElementById(id))return;js=d.createElement(s);})(document);';
    const ru = 'Министр финансов заявил, что бюджет на следующий год будет сбалансирован. Расходы на образование вырастут на десять процентов.\n';
    const doc = run(js + '\n' + ru.repeat(3) + 'I stand with the minister on this one, said the tweet.\n' + ru);
    expect(doc.language.code).toBe('rus');
    // The script is the body's first line, marked as code inside it (layout/code.ts), not an edge region.
    expect(doc.boilerplate.map((b) => b.kind)).toEqual(['code']);
    expect(doc.body.start).toBe(0);
  });

  test.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['digits and punctuation', '12 345 — 6,7 % !!! ***'],
    ['too short', 'Привет мир'],
    ['emoji', '🔥🔥🔥 👍'],
    ['CJK', '这是一个中文句子，没有西里尔字母。'],
  ])('undetermined: %s', (_n, text) => {
    expect(run(text).language).toEqual({ code: 'und', isRussian: false, confidence: 0 });
  });

  test('windows are spread over the text: a Latin block at its top does not decide', () => {
    const ru = 'Президент подчеркнул, что всем партиям будут предоставлены равные возможности. ';
    const text = 'lorem ipsum dolor sit amet '.repeat(200) + ru.repeat(200);
    expect(detectLanguage(text, 0, text.length).code).toBe('rus');
    expect(detectLanguage(text, 0, 5000).code).toBe('eng');
  });
});

describe('layout: never throws, spans stay inside the text', () => {
  const samples: Array<[string, string]> = [
    ['empty', ''],
    ['newlines only', '\n\n\r\n\u2028'],
    ['lone surrogates', '\uD800\n\uDC00 «Привет\n\uDBFF'],
    ['control characters', '\u0000\u0001\u0002\n\u001b[31mкрасный\u001b[0m\n\u007f'],
    ['binary', String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536))],
    ['one long line', 'слово '.repeat(50_000)],
    ['many short lines', '- 1\n'.repeat(20_000)],
    ['list then text then list', '1. А\n2. Б\n3. В\n' + 'Длинный абзац текста, который заканчивается точкой. '.repeat(10) + '\n- 5\n- 6\n- 7\n'],
  ];
  test.each(samples)('%s', (_n, text) => {
    const doc = run(text);
    const spans = [doc.body, ...doc.boilerplate, ...doc.paragraphs];
    expect(spans.filter((s) => !(s.start >= 0 && s.start <= s.end && s.end <= text.length))).toEqual([]);
    expect(typeof doc.language.code).toBe('string');
  });
});
