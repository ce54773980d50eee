import { Context } from '../src/context.js';
import { createAnalyzer } from '../src/index.js';
import { entities } from '../src/entities/index.js';
import { caseOf, tokenFacts, visitCandidates } from '../src/themes/candidates.js';
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
    'Красивая дома стояли у новых правила. Политических партии нет, а новым партиям рады.',
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

  test('an adjective + noun pair is visited exactly when some parse of the adjective agrees with the noun', () => {
    // The agreement as it was computed before it was kept per word: from the tag strings.
    const numberOf = (tags: readonly string[]) => (tags.includes('plur') ? 'plur' : tags.includes('sing') ? 'sing' : undefined);
    const ctx = new Context();
    const seen = { yes: 0, no: 0 };
    // Twice: the second time the answers come from what the first time kept.
    for (const text of [...texts, ...texts]) {
      const doc = prepared(text, ctx);
      entities(doc, ctx);
      const facts = tokenFacts(doc, ctx);
      const visited = new Set<number>();
      visitCandidates(doc, ctx, facts, (_key, _kind, from, to) => { if (to - from === 2) visited.add(from); });
      for (let i = 0; i + 1 < doc.tokens.length; i++) {
        const j = i + 1;
        if (facts.cls[i] !== 2 || (facts.cls[j] !== 1 && facts.cls[j] !== 3)) continue;
        if (facts.entity[i] >= 0 || facts.entity[j] >= 0 || facts.sentence[i] !== facts.sentence[j]) continue;
        if (!/^[ \u00a0]{0,2}$/.test(text.slice(doc.tokens[i].end, doc.tokens[j].start))) continue;
        const a = doc.morph[i].tags, b = doc.morph[j].tags;
        const agree = (caseOf(a) === caseOf(b) && numberOf(a) === numberOf(b)) ||
          ctx.morphology.tags(doc.tokens[i].text).some((t) => {
            const tags = t.toString().split(/[ ,]/);
            return t.POS === 'ADJF' && caseOf(tags) === caseOf(b) && numberOf(tags) === numberOf(b);
          });
        expect([doc.tokens[i].text, doc.tokens[j].text, visited.has(i)]).toEqual([doc.tokens[i].text, doc.tokens[j].text, agree]);
        seen[agree ? 'yes' : 'no']++;
      }
    }
    // Both answers occur, so the check above can catch a wrong one either way.
    expect(seen.yes).toBeGreaterThan(4);
    expect(seen.no).toBeGreaterThan(0);
  });

  test('themes do not depend on what the analyzer read before', () => {
    const shared = createAnalyzer();
    const inSequence = [...texts, ...texts].map((t) => shared.analyze(t).themes);
    const fresh = [...texts, ...texts].map((t) => createAnalyzer().analyze(t).themes);
    expect(inSequence).toEqual(fresh);
  });
});
