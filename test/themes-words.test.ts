import fc from 'fast-check';
import { Context } from '../src/context.js';
import { entities } from '../src/entities/index.js';
import { plainLemma, tokenFacts } from '../src/themes/candidates.js';
import { prepared } from './prepared.js';

const ctx = new Context();

describe('themes: what a word contributes', () => {
  test('plainLemma is the lemma (else the form) lower-cased with ё→е', () => {
    const letters = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯabcXYZ09-.ʼéÉßİ'];
    const word = fc.array(fc.constantFrom(...letters), { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(fc.property(word, word, (lemma, form) => {
      const expected = (lemma !== '' ? lemma : form).toLowerCase().replace(/ё/g, 'е');
      expect(plainLemma(form, { lemma, pos: undefined, tags: [] })).toBe(expected);
    }));
  });

  test('each classified word has the stem of its lemma as key stem, asked for or not', () => {
    const text = 'Политические партии России готовятся к выборам. Лидеры партий провели новые встречи в Москве.';
    const doc = prepared(text, ctx);
    entities(doc, ctx);
    const facts = tokenFacts(doc, ctx);
    let words = 0;
    for (let i = 0; i < doc.tokens.length; i++) {
      if (facts.cls[i] === 0) continue;
      words++;
      const w = facts.words[i];
      expect(w.keyStem).toBe(ctx.morphology.stem(w.lemma));
    }
    expect(words).toBeGreaterThanOrEqual(6);
  });
});
