/**
 * What every Analysis must satisfy whatever its text (issue 8): spans inside the text, tokens that
 * tile its non-space characters, quote segments inside the body, every span's `text` its slice. Each check returns the problems
 * it found in words (empty when none), so a failure says which layer broke and where. Shared by
 * test/property.test.ts, test/robustness.test.ts and scripts/fuzz.ts.
 */
import type { Analysis, Span } from '../src/index.js';

/**
 * All the problems of the checks below.
 * @example
 * expect(problemsOf(text, analyze(text, { tokens: true }))).toEqual([]);
 */
export function problemsOf(text: string, a: Analysis): string[] {
  return [...badSpans(text, a), ...tokenProblems(text, a), ...quoteSegmentsOutsideBody(a), ...textMismatches(text, a)];
}

/** Every span of an Analysis, labelled by where it sits, so a failure says which layer broke. */
export function spansOf(a: Analysis): Array<[string, Span]> {
  const out: Array<[string, Span]> = [['body', a.body]];
  a.boilerplate.forEach((s, i) => out.push([`boilerplate[${i}]`, s]));
  a.paragraphs.forEach((s, i) => out.push([`paragraphs[${i}]`, s]));
  a.sentences.forEach((s, i) => out.push([`sentences[${i}]`, s]));
  (a.tokens ?? []).forEach((s, i) => out.push([`tokens[${i}]`, s]));
  a.entities.forEach((e) => e.mentions.forEach((m, i) => out.push([`entity ${e.id} mentions[${i}]`, m])));
  a.quotes.forEach((q) => {
    out.push([`quote ${q.id}`, q]);
    q.segments.forEach((s, i) => out.push([`quote ${q.id} segments[${i}]`, s]));
    out.push([`quote ${q.id} cue`, q.cue]);
    if (q.speaker?.mention) out.push([`quote ${q.id} speaker mention`, q.speaker.mention]);
  });
  a.themes.forEach((t) => t.spans.forEach((s, i) => out.push([`theme ${t.phrase} spans[${i}]`, s])));
  return out;
}

export function badSpans(text: string, a: Analysis): string[] {
  return spansOf(a)
    .filter(([, s]) => !(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length))
    .map(([where, s]) => `${where} [${s.start}, ${s.end}) outside [0, ${text.length}]`);
}

/** Token problems: overlaps, disorder, and non-space characters no token covers. */
export function tokenProblems(text: string, a: Analysis): string[] {
  const tokens = a.tokens ?? [];
  const problems: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].start < tokens[i - 1].end) problems.push(`tokens[${i - 1}] [${tokens[i - 1].start}, ${tokens[i - 1].end}) overlaps tokens[${i}] [${tokens[i].start}, ${tokens[i].end})`);
  }
  const covered = new Uint8Array(text.length);
  for (const t of tokens) for (let k = Math.max(0, t.start); k < Math.min(text.length, t.end); k++) covered[k] = 1;
  for (let k = 0; k < text.length; k++) {
    if (!covered[k] && !/\s/u.test(text[k])) {
      problems.push(`character ${k} (U+${text.charCodeAt(k).toString(16).padStart(4, '0')}) is in no token`);
      if (problems.length > 5) break;
    }
  }
  return problems;
}

export function quoteSegmentsOutsideBody(a: Analysis): string[] {
  const out: string[] = [];
  for (const q of a.quotes) {
    q.segments.forEach((s, i) => {
      if (s.start < a.body.start || s.end > a.body.end) out.push(`quote ${q.id} segments[${i}] [${s.start}, ${s.end}) outside body [${a.body.start}, ${a.body.end})`);
    });
  }
  return out;
}

/**
 * Spans whose `text` is not the slice they claim (tokens, entity mentions, cues, speaker
 * mentions), and quotes whose `text` is not their segments joined by a space. badSpans checks
 * bounds only: a speaker mention one character too long passes it.
 */
export function textMismatches(text: string, a: Analysis): string[] {
  const out: string[] = [];
  const check = (where: string, s: Span & { text: string }): void => {
    if (text.slice(s.start, s.end) !== s.text) out.push(`${where} [${s.start}, ${s.end}) has text ${JSON.stringify(s.text)}, spans ${JSON.stringify(text.slice(s.start, s.end))}`);
  };
  (a.tokens ?? []).forEach((t, i) => check(`tokens[${i}]`, t));
  for (const e of a.entities) e.mentions.forEach((m, i) => check(`entity ${e.id} mentions[${i}]`, m));
  for (const q of a.quotes) {
    check(`quote ${q.id} cue`, q.cue);
    if (q.speaker?.mention) check(`quote ${q.id} speaker mention`, q.speaker.mention);
    if (q.segments.map((s) => text.slice(s.start, s.end)).join(' ') !== q.text) out.push(`quote ${q.id}: text is not its segments joined`);
  }
  return out;
}
