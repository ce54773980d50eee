/**
 * A faster exact-match search for az's DAWGs (its dictionary, probabilities and suffix tables).
 *
 * az's own `DAWG.findAll` also corrects typos, so it walks the graph with a stack of
 * `[prefix, length, typos, stutter, node]` arrays, growing the prefix one string concatenation
 * per letter: about a megabyte of garbage per article, a quarter of parsing a new word. rutext
 * never asks for typo correction, so the walk without it is done here on reused typed arrays,
 * building a prefix string only for a result. Same search, same order, same results (the
 * morphology tests compare the two on real words); a search with typos still goes to az.
 */

/** The part of an az DAWG the search reads. */
interface Dawg {
  format: string;
  followByte(c: number, index: number): number;
  hasValue(index: number): boolean;
  value(index: number): number;
  iterateAll(index: number): unknown[];
}

type FindAll = (this: Dawg, str: string, replaces?: Record<string, string>, mstutter?: number, mtypos?: number) => unknown[];

const MISSING = -1;
const ROOT = 0;

/** Windows-1251 byte of each UTF-16 code unit az's graphs are keyed by, −1 where there is none. */
const BYTE = cp1251Bytes();

function cp1251Bytes(): Int16Array {
  const t = new Int16Array(0x10000).fill(-1);
  const decoder = new TextDecoder('windows-1251');
  for (let b = 0; b < 256; b++) t[decoder.decode(new Uint8Array([b])).charCodeAt(0)] = b;
  // 0x98 is unassigned in Windows-1251; az's table leaves it out.
  t[0x98] = -1;
  return t;
}

/**
 * The node reached by following `str` from `index` in one of az's graphs, or −1 where the graph
 * has no such path (or a code unit has no Windows-1251 byte).
 * @example
 * followString(dawg, 'слово', 0) >= 0; // the graph holds a key starting with слово
 */
export function followString(dawg: Pick<Dawg, 'followByte'>, str: string, index: number): number {
  for (let i = 0; i < str.length; i++) {
    const b = BYTE[str.charCodeAt(i)];
    if (b < 0) return MISSING;
    index = dawg.followByte(b, index);
    if (index === MISSING) return MISSING;
  }
  return index;
}

/** A replacement table (`{ 'е': 'ё' }`) as code units, or undefined when a value is not one letter. */
const replacementCodes = new WeakMap<object, Map<number, number> | null>();

function codesOf(replaces: Record<string, string>): Map<number, number> | undefined {
  let m = replacementCodes.get(replaces);
  if (m === undefined) {
    m = new Map();
    for (const k of Object.keys(replaces)) {
      if (k.length !== 1 || replaces[k].length !== 1) { m = null; break; }
      m.set(k.charCodeAt(0), replaces[k].charCodeAt(0));
    }
    replacementCodes.set(replaces, m);
  }
  return m ?? undefined;
}

// The search's stack and its prefix tree, reused across calls (the search is synchronous).
// Each pushed state is a tree node: its letter and parent give the prefix without building it.
let cap = 64;
let nodeParent = new Int32Array(cap);
let nodeCode = new Uint16Array(cap);
let nodeLen = new Int32Array(cap);
let nodeStutter = new Float64Array(cap); // az allows Infinity stutters
let nodeIndex = new Int32Array(cap);
const stack: number[] = [];

function grow(): void {
  cap *= 2;
  const p = new Int32Array(cap); p.set(nodeParent); nodeParent = p;
  const c = new Uint16Array(cap); c.set(nodeCode); nodeCode = c;
  const l = new Int32Array(cap); l.set(nodeLen); nodeLen = l;
  const s = new Float64Array(cap); s.set(nodeStutter); nodeStutter = s;
  const x = new Int32Array(cap); x.set(nodeIndex); nodeIndex = x;
}

let nodes = 0;

function push(parent: number, code: number, len: number, stutter: number, index: number): void {
  if (nodes === cap) grow();
  nodeParent[nodes] = parent; nodeCode[nodes] = code; nodeLen[nodes] = len; nodeStutter[nodes] = stutter; nodeIndex[nodes] = index;
  stack.push(nodes++);
}

const codes: number[] = [];

function prefixOf(node: number): string {
  codes.length = 0;
  for (let n = node; n > 0; n = nodeParent[n]) codes.push(nodeCode[n]);
  codes.reverse();
  return String.fromCharCode(...codes);
}

/**
 * The payload of the key that ends at `index` (as az's search reports it), pushed to `results`;
 * `key` is the key or the search-tree node that spells it (its string built only for a result).
 */
function collect(dawg: Dawg, key: string | number, index: number, stutter: number, results: unknown[]): void {
  if (dawg.format === 'int') {
    if (dawg.hasValue(index)) results.push([keyString(key), dawg.value(index)]);
    return;
  }
  if (dawg.format === 'words' || dawg.format === 'probs') {
    index = dawg.followByte(1, index); // the separator before the payloads
    if (index === MISSING) return;
  }
  results.push([keyString(key), dawg.iterateAll(index), stutter, 0]);
}

function keyString(key: string | number): string {
  return typeof key === 'string' ? key : prefixOf(key);
}

/** Whether the search can only follow `str` letter by letter: no stutters allowed, no letter with a replacement. */
function isSinglePath(str: string, replace: Map<number, number> | undefined, mstutter: number): boolean {
  if (mstutter > 0) return false;
  if (replace !== undefined) for (let i = 0; i < str.length; i++) if (replace.has(str.charCodeAt(i))) return false;
  return true;
}

/**
 * findAllExact where the search has a single path (az's probability lookups, most suffix
 * lookups): a walk down the graph, no stack; the key found is `str` itself.
 */
function findSinglePath(dawg: Dawg, str: string): unknown[] {
  const results: unknown[] = [];
  const index = followString(dawg, str, ROOT);
  if (index !== MISSING) collect(dawg, str, index, 0, results);
  return results;
}

function findAllExact(dawg: Dawg, str: string, replace: Map<number, number> | undefined, mstutter: number): unknown[] {
  if (isSinglePath(str, replace, mstutter)) return findSinglePath(dawg, str);
  const results: unknown[] = [];
  const n = str.length;
  nodes = 1;
  nodeParent[0] = -1; nodeLen[0] = 0; nodeStutter[0] = 0; nodeIndex[0] = ROOT;
  stack.length = 0;
  stack.push(0);
  while (stack.length > 0) {
    const node = stack.pop()!;
    let len = nodeLen[node];
    let stutter = nodeStutter[node];
    let index = nodeIndex[node];
    if (len === n) {
      collect(dawg, node, index, stutter, results);
      continue;
    }
    const code = str.charCodeAt(len);
    const alt = replace?.get(code);
    if (alt !== undefined && BYTE[alt] >= 0) {
      const cur = dawg.followByte(BYTE[alt], index);
      if (cur !== MISSING) push(node, alt, len + 1, stutter, cur);
    }
    if (BYTE[code] >= 0) {
      const cur = dawg.followByte(BYTE[code], index);
      if (cur !== MISSING) {
        push(node, code, len + 1, stutter, cur);
        // Stutters: a doubled letter (гоол) or one repeated after a dash (д-да) read as one.
        while (stutter < mstutter && len < n - 1) {
          if (str.charCodeAt(len) === str.charCodeAt(len + 1)) {
            push(node, str.charCodeAt(len), len + 2, stutter + 1, cur);
            len++;
          } else if (len < n - 2 && str.charCodeAt(len + 1) === 45 && str.charCodeAt(len) === str.charCodeAt(len + 2)) {
            push(node, str.charCodeAt(len), len + 3, stutter + 1, cur);
            len += 2;
          } else {
            break;
          }
          stutter++;
        }
      }
    }
  }
  return results;
}

let installed = false;
let enabled = true;

/**
 * Switches between the exact search and az's own (for tests that compare the two).
 * @example
 * useExactSearch(false); const theirs = az('ёлка'); useExactSearch(true);
 */
export function useExactSearch(on: boolean): void {
  enabled = on;
}

/**
 * Puts the exact search in front of az's `DAWG.prototype.findAll` (once per process); searches
 * with typos, or with replacements longer than a letter, still run az's own.
 * @example
 * installExactSearch(Az.DAWG);
 */
export function installExactSearch(DAWG: { prototype: object }): void {
  if (installed) return;
  const proto = DAWG.prototype as { findAll: FindAll };
  const original = proto.findAll;
  if (typeof original !== 'function') return;
  proto.findAll = function (this: Dawg, str, replaces, mstutter, mtypos) {
    const replace = replaces ? codesOf(replaces) : undefined;
    if (!enabled || mtypos || (replaces && replace === undefined)) return original.call(this, str, replaces, mstutter, mtypos);
    return findAllExact(this, str, replace, mstutter || 0);
  };
  installed = true;
}
