import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/index.js';
import { loadBackground, themeStopwords } from '../src/themes/lexicon.js';

const analyzer = createAnalyzer();
const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const expected = JSON.parse(readFileSync(new URL('../fixtures/article.expected.json', import.meta.url), 'utf8')) as {
  themes: { atLeast: number; of: string[] };
};

/** Cases of test/data/themes/normal-forms.txt: a text and the phrases that must be among its themes. */
function cases(): Array<[string, string[]]> {
  const raw = readFileSync(new URL('./data/themes/normal-forms.txt', import.meta.url), 'utf8');
  const out: Array<[string, string[]]> = [];
  for (const block of raw.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const text = lines.filter((l) => !l.startsWith('=>')).join('\n');
    const phrases = lines.filter((l) => l.startsWith('=>')).map((l) => l.slice(2).trim());
    if (text && phrases.length > 0) out.push([text, phrases]);
  }
  return out;
}

describe('themes', () => {
  test('the sample article has the expected themes among its top 10', () => {
    const phrases = analyzer.analyze(sample).themes.map((t) => t.phrase.toLowerCase());
    expect(phrases.length).toBeLessThanOrEqual(10);
    const found = expected.themes.of.filter((p) => phrases.includes(p));
    expect(found.length).toBeGreaterThanOrEqual(expected.themes.atLeast);
  });

  test('themes come from the body only: the sidebar of the sample does not make themes', () => {
    const a = analyzer.analyze(sample);
    for (const t of a.themes) {
      for (const s of t.spans) {
        expect(s.start).toBeGreaterThanOrEqual(a.body.start);
        expect(s.end).toBeLessThanOrEqual(a.body.end);
      }
    }
    const phrases = a.themes.map((t) => t.phrase);
    expect(phrases).not.toContain('Алматы');
    expect(phrases).not.toContain('прогноз погоды');
  });

  test('each theme has one span per occurrence, in text order, best theme first', () => {
    const a = analyzer.analyze(sample);
    expect(a.themes.length).toBeGreaterThan(0);
    for (let i = 0; i < a.themes.length; i++) {
      const t = a.themes[i];
      expect(t.spans.length).toBe(t.count);
      for (let k = 1; k < t.spans.length; k++) expect(t.spans[k].start).toBeGreaterThan(t.spans[k - 1].start);
      if (i > 0) expect(t.score).toBeLessThanOrEqual(a.themes[i - 1].score);
    }
    const party = a.themes.find((t) => t.phrase === 'политическая партия');
    if (party) for (const s of party.spans) expect(sample.slice(s.start, s.end).toLowerCase()).toMatch(/^политическ\S+ парти/);
  });

  test.each(cases())('normal form: %s', (text, phrases) => {
    const got = analyzer.analyze(text).themes.map((t) => t.phrase);
    for (const p of phrases) expect(got).toContain(p);
  });

  test('maxThemes bounds the list; empty text gives none', () => {
    expect(analyzer.analyze(sample, { maxThemes: 3 }).themes.length).toBe(3);
    expect(analyzer.analyze(sample, { maxThemes: 0 }).themes).toEqual([]);
    expect(analyzer.analyze('').themes).toEqual([]);
    expect(analyzer.analyze('   \n ').themes).toEqual([]);
  });

  test('stop words never become themes', () => {
    const stop = themeStopwords();
    expect(stop.has('год')).toBe(true);
    const text = 'В прошлом году партия провела съезд. В этом году партия снова проведёт съезд, который пройдёт через год.';
    const phrases = analyzer.analyze(text).themes.map((t) => t.phrase);
    expect(phrases).toContain('партия');
    expect(phrases).not.toContain('год');
    expect(phrases).not.toContain('который');
  });

  test('the shipped background table is loaded and ranks common words above rare ones', () => {
    const bg = loadBackground();
    expect(bg.docs).toBeGreaterThan(1000);
    expect(bg.df.get('росс') ?? 0).toBeGreaterThan(bg.df.get('государствен') ?? 0);
    expect(bg.taggedPrior).toBeGreaterThan(0);
  });
});
