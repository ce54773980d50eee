/**
 * `layers`: a run computes only the stages the asked layers need, and a layer it returns is the
 * one the full pipeline returns, whatever else was asked for. Checked on the sample article,
 * short texts with quotes and names, and (where the shared data folder is present, not in CI)
 * 12 real articles of kw/ng_0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, LAYERS, type Analysis, type AnalyzeOptions, type Layer } from '../src/index.js';
import { ENTITIES, MORPH, QUOTES, stagesFor, THEMES } from '../src/pipeline.js';

const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const short = [
  'Президент России Владимир Путин заявил, что переговоры продолжатся. «Мы готовы к диалогу», — сказал он журналистам в Москве.',
  'Глава МИД Сергей Лавров сообщил, что Москва направила ноту в Вашингтон. По его словам, ответа пока нет.',
  'Компания Илона Маска выросла. Маск доволен: «Это только начало», — написал он в соцсети X.',
  '',
];
const dataDir = process.env.RUTEXT_DATA ?? resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/data');
const corpus = join(dataDir, 'kw', 'ng_0.jsonlines');
const real = existsSync(corpus)
  ? readFileSync(corpus, 'utf8').split('\n').filter(Boolean).slice(0, 12)
    .map((l) => { const j = JSON.parse(l) as { title?: string; content?: string }; return `${j.title ?? ''}\n${j.content ?? ''}`; })
  : [];

/** What the stage bits leave empty: the layers whose stage did not run. */
function emptied(stages: number): Layer[] {
  const out: Layer[] = [];
  if (!(stages & ENTITIES)) out.push('entities');
  if (!(stages & QUOTES)) out.push('quotes', 'speakers');
  if (!(stages & THEMES)) out.push('themes');
  return out;
}

const selections: Layer[][] = [['entities'], ['quotes'], ['speakers'], ['themes'], ['sentences'], ['tokens'], ['entities', 'themes'], []];

describe('layers', () => {
  test.each([
    [{}, MORPH | ENTITIES | QUOTES | THEMES],
    [{ layers: ['entities'] }, MORPH | ENTITIES],
    [{ layers: ['quotes'] }, MORPH | ENTITIES | QUOTES],
    [{ layers: ['themes'] }, MORPH | ENTITIES | THEMES],
    [{ layers: ['tokens'] }, MORPH],
    [{ layers: ['sentences'], tokens: true }, MORPH],
    [{ layers: ['body', 'paragraphs'] }, 0],
    [{ maxThemes: 0 }, MORPH | ENTITIES | QUOTES],
    [{ layers: ['themes'], maxThemes: 0 }, MORPH | ENTITIES],
  ] as Array<[AnalyzeOptions, number]>)('stagesFor(%j)', (o, stages) => {
    expect(stagesFor(o)).toBe(stages);
  });

  test('each selection returns the full pipeline\'s layers, and empties only those of skipped stages', () => {
    const full = createAnalyzer({ tokens: true });
    const texts = [sample, ...short, ...real];
    const fulls: Analysis[] = texts.map((t) => full.analyze(t));
    let compared = 0;
    for (const layers of selections) {
      // A fresh analyzer per selection: its caches have seen only what this selection runs.
      const part = createAnalyzer({ layers });
      const empty = emptied(stagesFor({ layers }));
      texts.forEach((t, i) => {
        const a = part.analyze(t);
        for (const k of LAYERS) {
          if (k === 'tokens') {
            if (layers.includes('tokens')) expect(a.tokens).toEqual(fulls[i].tokens);
            else expect(a.tokens).toBeUndefined();
          } else if (empty.includes(k)) {
            expect(a[k]).toEqual([]);
          } else {
            expect(a[k]).toEqual(fulls[i][k]);
            compared++;
          }
        }
      });
    }
    expect(compared).toBeGreaterThan(0);
    // The sample's seven quotes come with `layers: ['quotes']` alone.
    expect(createAnalyzer().analyze(sample, { layers: ['quotes'] }).quotes).toHaveLength(7);
  });

  test('per call, the call\'s layers replace the analyzer\'s', () => {
    const a = createAnalyzer({ layers: ['entities'] });
    expect(a.analyze(sample).quotes).toEqual([]);
    expect(a.analyze(sample, { layers: ['quotes'] }).quotes).toHaveLength(7);
  });

  test.each([
    [{ layers: 'entities' }, /options\.layers must be an array/],
    [{ layers: ['entities', 'persons'] }, /options\.layers\[1\] is not a layer: the string "persons"/],
    [{ layers: [1] }, /options\.layers\[0\] is not a layer: the number 1/],
    // eslint-disable-next-line no-sparse-arrays
    [{ layers: [, 'quotes'] }, /options\.layers\[0\] is a hole/],
  ])('wrong layers throw a TypeError naming them (%#)', (o, message) => {
    const call = () => createAnalyzer(o as never);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });
});
