/**
 * The items in the order a stable `items.sort(compare)` gives, sorting only the first `head` of
 * them unless the caller reads past those: the themes stage ranks hundreds of candidates per
 * document and keeps ten (a few more when normal forms repeat). Reading past the head sorts
 * `items` in place, as `sort` would.
 *
 * @example
 * [...bestFirst([3, 1, 2], 2, (a, b) => b - a)]; // [3, 2, 1]
 * for (const x of bestFirst(scores, 20, byScore)) if (kept.push(x) >= 10) break; // sorts 20 at most
 */
export function* bestFirst<T>(items: T[], head: number, compare: (a: T, b: T) => number): Generator<T, void, undefined> {
  if (items.length <= head || head < 1) {
    yield* items.sort(compare);
    return;
  }
  // Insertion into a short sorted list; an item goes after those it ties with, as in a stable sort.
  const top: T[] = [];
  for (const x of items) {
    if (top.length === head && !(compare(x, top[head - 1]) < 0)) continue;
    let k = top.length === head ? head - 1 : top.length;
    while (k > 0 && compare(x, top[k - 1]) < 0) {
      top[k] = top[k - 1];
      k--;
    }
    top[k] = x;
  }
  yield* top;
  const rest = items.sort(compare);
  for (let k = top.length; k < rest.length; k++) yield rest[k];
}
