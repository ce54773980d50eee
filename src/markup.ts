/**
 * HTML tags left in scraped text (`<p>`, `</p>`, `<br />`): the tokenizer makes each one symbol
 * token, and layout reads a line as the text between its tags. Entities (`&laquo;`) are not read
 * here: see the README, "Text from the web".
 */

import { isSpaceCode } from './segment/chars.js';

/**
 * A tag: a Latin name, attributes on the same line (quoted values may hold `>`), bounded in length.
 * Outside quoted values no Cyrillic letter: `если a<b и b>c` is text, whose words a tag token would
 * swallow.
 */
const TAG_RE = /<\/?[a-z][a-z\d]{0,15}(?:\s(?:[^<>"'\n\u0400-\u04ff]|"[^"\n]{0,200}"|'[^'\n]{0,200}'){0,300})?\/?>/iy;
/** The longest match of TAG_RE: `</`, a name of 16, a space, 300 quoted values of 202, `/>`. */
const MAX_TAG = 2 + 16 + 1 + 300 * 202 + 2;

/**
 * The end of the HTML tag starting at i, or -1 when none starts there.
 * @example
 * tagEndAt('x<br/>y', 1); // 6
 * tagEndAt('1 < 2', 2);   // -1
 */
export function tagEndAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 0x3c) return -1;
  TAG_RE.lastIndex = i;
  return TAG_RE.test(text) ? TAG_RE.lastIndex : -1;
}

/**
 * The start of the HTML tag ending at `end` (its `>` at end − 1), not before `from`, or -1.
 * @example
 * tagStartBefore('Путин.</p>', 10, 0); // 6
 */
export function tagStartBefore(text: string, end: number, from: number): number {
  if (end <= from || text.charCodeAt(end - 1) !== 0x3e) return -1;
  // The `<` nearest before `>`: tags hold no `<`. The search stops at `from` and at the longest
  // tag TAG_RE takes: lastIndexOf would walk back to the text's start from every line or
  // paragraph ending in `>` without a tag (`Подробнее ->`), quadratic over a long text.
  const stop = Math.max(from, end - MAX_TAG);
  let open = end - 2;
  while (open >= stop && text.charCodeAt(open) !== 0x3c) open--;
  return open >= stop && tagEndAt(text, open) === end ? open : -1;
}

/**
 * [start, end) without the HTML tags at its ends (and the spaces they leave), as [start, end];
 * an empty span (start === end) when it holds only tags.
 * @example
 * withoutTags('<p>Текст.</p>', 0, 13); // [3, 9]
 */
export function withoutTags(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (let k = tagEndAt(text, s); k > 0 && k <= e; k = tagEndAt(text, s)) {
    s = k;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  }
  for (let k = tagStartBefore(text, e, s); k >= 0; k = tagStartBefore(text, e, s)) {
    e = k;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  }
  return [s, Math.max(s, e)];
}

/**
 * Whether a token is an HTML tag (the tokenizer makes each tag one `symbol` token).
 * @example
 * isTagToken({ kind: 'symbol', text: '</p>' }); // true
 * isTagToken({ kind: 'symbol', text: '<<<' });  // false
 */
export function isTagToken(t: { kind: string; text: string }): boolean {
  // Its last character too: a run of `<` is also one symbol token (`<<< Назад`), and no tag.
  return t.kind === 'symbol' && t.text.length > 2 && t.text.charCodeAt(0) === 0x3c && t.text.charCodeAt(t.text.length - 1) === 0x3e;
}
