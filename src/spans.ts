import type { Span } from './types.js';

/**
 * The index of the first span ending after the offset, in spans sorted by start and disjoint
 * (tokens, promotion blocks); `spans.length` when none does. A binary search.
 * @example
 * firstEndingAfter([{ start: 0, end: 5 }, { start: 6, end: 9 }], 5); // 1
 */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when the offset lies inside one of the spans, sorted by start and disjoint (promotion
 * blocks, code blocks).
 * @example
 * insideAny([{ start: 0, end: 5 }, { start: 6, end: 9 }], 5); // false
 */
export function insideAny(spans: readonly Span[], offset: number): boolean {
  const k = firstEndingAfter(spans, offset);
  return k < spans.length && spans[k].start <= offset;
}

/**
 * The index of the first span starting at or after the offset, in spans sorted by start
 * (mentions, quote contents); `spans.length` when none does. A binary search.
 * @example
 * firstStartingFrom([{ start: 0, end: 5 }, { start: 6, end: 9 }], 1); // 1
 */
export function firstStartingFrom(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
