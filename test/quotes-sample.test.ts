/**
 * The sample article's seven quotes, exactly as fixtures/article.expected.json gives them: content
 * spans and text, cue spans, and the speaker's mention inside the annotated speaker phrase. The
 * older test (quotes.test.ts "finds each expected quote") allows ±1 at each end and reads only the
 * first segment, so a segment that swallows its closing quotation mark passes it.
 */
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/analyze.js';

interface ExpectedQuote {
  kind: string;
  content: Array<[number, number]>;
  contentText: string[];
  cue: [number, number];
  speaker: [number, number];
  speakerName: string;
}

const text = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const expected = (JSON.parse(readFileSync(new URL('../fixtures/article.expected.json', import.meta.url), 'utf8')) as { quotes: ExpectedQuote[] }).quotes;
const quotes = createAnalyzer().analyze(text).quotes;

describe('the sample article, quote by quote (exact)', () => {
  test('seven quotes, as many as annotated', () => {
    expect(expected).toHaveLength(7);
    expect(quotes).toHaveLength(expected.length);
  });

  test.each(expected.map((want, k) => [k + 1, want] as const))('q%d: kind, content spans and text, cue, speaker', (n, want) => {
    const got = quotes[n - 1];
    expect(got.id).toBe(`q${n}`);
    expect(got.kind).toBe(want.kind);
    expect(got.segments.map((s) => [s.start, s.end])).toEqual(want.content);
    expect(got.segments.map((s) => text.slice(s.start, s.end))).toEqual(want.contentText);
    expect(got.text).toBe(want.contentText.join(' '));
    expect([got.start, got.end]).toEqual([want.content[0][0], want.content[want.content.length - 1][1]]);
    expect([got.cue.start, got.cue.end]).toEqual(want.cue);
    expect(got.cue.text).toBe(text.slice(want.cue[0], want.cue[1]));
    expect(got.speaker?.name).toBe(want.speakerName);
    // The mention the quote names is inside the annotated speaker phrase (the annotation may add a title).
    const m = got.speaker!.mention!;
    expect(m.start).toBeGreaterThanOrEqual(want.speaker[0]);
    expect(m.end).toBeLessThanOrEqual(want.speaker[1]);
    expect(m.text).toBe(text.slice(m.start, m.end));
  });

  test('no content segment begins or ends with a quotation mark or a space', () => {
    for (const q of quotes) for (const s of q.segments) expect(text.slice(s.start, s.end)).not.toMatch(/^[\s«»"„“”]|[\s«»"„“”]$/u);
  });
});
