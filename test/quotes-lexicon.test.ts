import { readRows } from '../src/data-file.js';

// The quotes stage's lexicons (src/quotes/*.tsv) are read into sets and maps: a row written twice
// is dead weight that hides which edit was meant, and a word in two lists that say opposite things
// (a time noun is never a speaker, a role or speaking body is one) leaves the order of the checks
// in the code to decide.
const rows = (file: string): string[][] => readRows(new URL(`../src/quotes/${file}`, import.meta.url));

describe('the quotes lexicons (src/quotes/*.tsv)', () => {
  test.each(['roles.tsv', 'words.tsv', 'cues.tsv'])('%s holds each row once', (file) => {
    const seen = new Set<string>();
    const twice: string[] = [];
    for (const r of rows(file)) {
      const key = r.join('\t');
      if (seen.has(key)) twice.push(key);
      seen.add(key);
    }
    expect(twice).toEqual([]);
  });

  test('roles.tsv gives each lemma one type', () => {
    const type = new Map<string, string>();
    const both: string[] = [];
    for (const [t, lemma] of rows('roles.tsv')) {
      if (type.has(lemma) && type.get(lemma) !== t) both.push(lemma);
      type.set(lemma, t);
    }
    expect(both).toEqual([]);
  });

  test('no time noun (never a speaker) is a role or a speaking body (a speaker)', () => {
    const speakers = new Set(rows('roles.tsv').map((r) => r[1]));
    for (const [list, w] of rows('words.tsv')) if (list === 'speaking-body') speakers.add(w);
    const clash = rows('words.tsv').filter(([list, w]) => list === 'time-noun' && speakers.has(w)).map((r) => r[1]);
    expect(clash).toEqual([]);
  });
});
