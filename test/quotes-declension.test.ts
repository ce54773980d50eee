/**
 * A person's gender as the mentions decline the name (src/quotes/declension.ts): the rows in
 * test/data/quotes/declension-gender.tsv, then the surname test the resolver uses with a woman's
 * first name.
 */
import { readRows } from '../src/data-file.js';
import { declensionGender, surnameOfEitherGender } from '../src/quotes/declension.js';

const rows = readRows(new URL('./data/quotes/declension-gender.tsv', import.meta.url));

describe('declensionGender (test/data/quotes/declension-gender.tsv)', () => {
  test('the table has rows of each answer', () => {
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['masc', 'femn', '-']));
  });

  test.each(rows.map(([name, mentions, want]) => [name, mentions, want]))('%s ← %s: %s', (name, mentions, want) => {
    expect(declensionGender(name, mentions.split(' | ')) ?? '-').toBe(want);
  });
});

describe('surnameOfEitherGender', () => {
  test.each([
    ['Симоньян', true],
    ['Уильямс', true],
    ['Меркель', true],
    ['Мэй', true],
    ['Иванова', false],
    ['Белых', false],
    ['Толстой', false],
  ])('%s: %s', (surname, want) => {
    expect(surnameOfEitherGender(surname)).toBe(want);
  });
});
