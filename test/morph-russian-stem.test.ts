import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { russianStem } from '../src/morph/russian-stem.js';

const snowball = createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(lang: string): { stem(w: string): string } };
const reference = snowball.newStemmer('russian');

// Every ending the algorithm knows, so that generated words run through all its steps.
const ENDINGS = [
  'в', 'вши', 'вшись', 'ив', 'ыв', 'ивши', 'ывши', 'ившись', 'ывшись', 'ее', 'ие', 'ое', 'ые', 'ими', 'ыми', 'ей', 'ий', 'ой', 'ый', 'ем', 'им', 'ом',
  'ым', 'его', 'ого', 'ему', 'ому', 'их', 'ых', 'ею', 'ою', 'ую', 'юю', 'ая', 'яя', 'нн', 'вш', 'щ', 'ющ', 'ивш', 'ывш', 'ующ', 'сь', 'ся', 'ла', 'на',
  'ете', 'йте', 'ли', 'й', 'л', 'н', 'ло', 'но', 'нно', 'ет', 'ют', 'ны', 'ть', 'ешь', 'ила', 'ыла', 'ена', 'ите', 'ейте', 'уйте', 'или', 'ыли', 'уй',
  'ил', 'ыл', 'ен', 'ило', 'ыло', 'ено', 'ует', 'ит', 'ыт', 'уют', 'ят', 'ены', 'ить', 'ыть', 'ишь', 'ю', 'а', 'ев', 'ов', 'е', 'ье', 'и', 'еи', 'ии',
  'ами', 'ями', 'иями', 'ией', 'ам', 'ием', 'ям', 'иям', 'о', 'у', 'ах', 'ях', 'иях', 'ы', 'ь', 'ию', 'ью', 'я', 'ия', 'ья', 'ост', 'ость', 'ейше', 'ейш',
];
const LETTERS = 'абвгдежзийклмнопрстуфхцчшщъыьэюя-q1';

describe('russianStem', () => {
  it('stems as snowball-stemmers does: the words of the sample article', () => {
    const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8').toLowerCase().replace(/ё/g, 'е');
    const words = new Set(text.match(/[а-я-]+/g) ?? []);
    expect(words.size).toBeGreaterThan(100);
    for (const w of words) expect([w, russianStem(w)]).toEqual([w, reference.stem(w)]);
  });

  it('stems as snowball-stemmers does: made-up words with one to three endings', () => {
    const letters = fc.string({ unit: fc.constantFrom(...LETTERS), maxLength: 7 });
    const word = fc.tuple(letters, fc.array(fc.constantFrom(...ENDINGS), { maxLength: 3 })).map(([stem, ends]) => stem + ends.join(''));
    fc.assert(fc.property(word, (w) => russianStem(w) === reference.stem(w)), { numRuns: 50_000 });
  });

  it('leaves a word without vowels as it is', () => {
    expect(russianStem('мрт')).toBe('мрт');
    expect(russianStem('')).toBe('');
  });
});
