const canonical = new Map<string, string>();

/**
 * The engine's canonical copy of a string, the one a literal with the same characters is (V8's
 * internalized string). Code that compares a value with literals (`tags.includes('gent')`,
 * `type === 'PER'`) compares pointers against canonical strings and characters against strings cut
 * from a file or az's tags by String.split; optimised for the first, V8 throws its code away when
 * one of the second comes. A property key is always canonical. For names and codes from a bounded
 * set (grammemes, lexicon codes): each distinct string is kept.
 * @example
 * interned('PER;LOC'.split(';')[0]) === 'PER'; // true, and the same string object as the literal
 */
export function interned(s: string): string {
  let c = canonical.get(s);
  if (c === undefined) {
    c = Object.keys({ [s]: 0 })[0];
    canonical.set(s, c);
  }
  return c;
}
