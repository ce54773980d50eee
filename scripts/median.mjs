/**
 * The median of a list of numbers (the mean of the two middle ones for an even count; NaN for
 * none): how the measuring scripts summarise repeated runs.
 * @example
 * median([3, 1, 2, 10]); // 2.5
 */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 === 1 ? v[m] : (v[m - 1] + v[m]) / 2;
}
