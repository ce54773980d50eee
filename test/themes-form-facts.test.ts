import { Context } from '../src/context.js';
import { createAnalyzer } from '../src/index.js';
import { entities } from '../src/entities/index.js';
import { tokenFacts } from '../src/themes/candidates.js';
import { startsWithCapital } from '../src/letters.js';
import { prepared } from './prepared.js';

// The themes stage keeps what a word's form and chosen parse say (capital, acronym, case, number,
// agreement with a noun) with the analysis, once, instead of reading the token per occurrence.
describe('themes: facts kept per word analysis', () => {
  const texts = [
    'Политические партии России готовятся к выборам. Лидеры партий провели новые встречи в Москве.',
    'Компания WADA и МОК обсудили Brexit. В США новые правила вступят в силу, заявил Дональд Трамп.',
    'Беженцы из Сирии прибыли в Германию. Новые беженцы ждут решения. А в Европе спорят о квотах.',
    'Российские спортсмены выиграли. Российских спортсменов поздравили. Сборная России стала первой.',
  ];

  test('each word is classed as its text and tags say, occurrence by occurrence', () => {
    const ctx = new Context();
    // Twice: the second time every word's facts come from what the first time kept.
    for (const text of [...texts, ...texts]) {
      const doc = prepared(text, ctx);
      entities(doc, ctx);
      const facts = tokenFacts(doc, ctx);
      let sentence = -1;
      for (let i = 0; i < doc.tokens.length; i++) {
        const t = doc.tokens[i];
        if (t.kind !== 'word' && t.kind !== 'number') continue;
        const opens = facts.sentence[i] !== sentence;
        sentence = facts.sentence[i];
        if (facts.cls[i] === 0) continue;
        expect(t.text.length).toBeGreaterThanOrEqual(2);
        expect(facts.capital[i]).toBe(startsWithCapital(t.text) && !opens ? 1 : 0);
        const acronym = t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
        if (facts.cls[i] === 1) expect(acronym || facts.capital[i] === 1).toBe(false);
        if (facts.cls[i] === 2) expect(doc.morph[i].pos).toBe('ADJF');
      }
    }
  });

  test('themes do not depend on what the analyzer read before', () => {
    const shared = createAnalyzer();
    const inSequence = [...texts, ...texts].map((t) => shared.analyze(t).themes);
    const fresh = [...texts, ...texts].map((t) => createAnalyzer().analyze(t).themes);
    expect(inSequence).toEqual(fresh);
  });
});
