/**
 * A faster exact-match search for az's DAWGs (its dictionary, probabilities and suffix tables).
 *
 * az's own `DAWG.findAll` also corrects typos, so it walks the graph with a stack of
 * `[prefix, length, typos, stutter, node]` arrays, growing the prefix one string concatenation
 * per letter: about a megabyte of garbage per article, a quarter of parsing a new word. rutext
 * never asks for typo correction, so the walk without it is done here on reused typed arrays,
 * building a prefix string only for a result. Same search, same order, same results (the
 * morphology tests compare the two on real words); a search with typos still goes to az.
 *
 * rutext's own parsers (az-parsers.ts) read the search's keys where it leaves them (searchExact,
 * keyOf, foundAt) and decode a key's payloads into a reused buffer (readPayloads) instead of
 * az's array per payload.
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

/**
 * The node reached by following one UTF-16 code unit from `index`, or −1 (as followString).
 * @example
 * followChar(dawg, 0x3a, wordNode); // the node after `word:`
 */
export function followChar(dawg: Pick<Dawg, 'followByte'>, code: number, index: number): number {
  const b = BYTE[code];
  return b < 0 ? MISSING : dawg.followByte(b, index);
}

/** A replacement table (`{ 'е': 'ё' }`) as code units, or undefined when a value is not one letter. */
const replacementCodes = new WeakMap<object, Map<number, number> | null>();

/**
 * A replacement table as the exact search takes it (code unit → code unit), or undefined when
 * one of its keys or values is not a single code unit (a search only az's own walk can do).
 * @example
 * codesOf({ 'е': 'ё' }); // Map { 0x435 → 0x451 }
 */
export function codesOf(replaces: Record<string, string>): Map<number, number> | undefined {
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
let nodeReplaced = new Uint8Array(cap); // whether the path to the node took a replacement letter
let stack = new Int32Array(cap); // the nodes still to visit, last pushed on top
let top = 0;

function grow(): void {
  cap *= 2;
  const p = new Int32Array(cap); p.set(nodeParent); nodeParent = p;
  const c = new Uint16Array(cap); c.set(nodeCode); nodeCode = c;
  const l = new Int32Array(cap); l.set(nodeLen); nodeLen = l;
  const s = new Float64Array(cap); s.set(nodeStutter); nodeStutter = s;
  const x = new Int32Array(cap); x.set(nodeIndex); nodeIndex = x;
  const r = new Uint8Array(cap); r.set(nodeReplaced); nodeReplaced = r;
  const t = new Int32Array(cap); t.set(stack); stack = t;
}

let nodes = 0;

/**
 * Search-tree nodes one search may make. Stutters make the search branch at every doubled letter,
 * and on a long run of one letter (`аааа…`, `а-а-а-…`) the branches multiply: az's own walk, and
 * this one unbounded, took 44 s and 5 GB for a word of 1 000 `а` and ran out of memory at 10 000.
 * Real words stay far below: the most any word of the 2 998 kw articles needed was 35 nodes
 * (`введенными`). Past the budget a search adds no node at all, so it keeps only the keys it had
 * completed: a run of one letter of 30 or more gets fewer readings than az would give it (their
 * first reading stayed az's in the runs checked), at a cost of a few milliseconds.
 */
const MAX_NODES = 4096;

function push(parent: number, code: number, len: number, stutter: number, index: number, replaced: number): void {
  if (nodes === MAX_NODES) return;
  if (nodes === cap) grow();
  nodeParent[nodes] = parent; nodeCode[nodes] = code; nodeLen[nodes] = len; nodeStutter[nodes] = stutter; nodeIndex[nodes] = index;
  nodeReplaced[nodes] = replaced;
  stack[top++] = nodes++;
}

const codes: number[] = [];

function prefixOf(node: number): string {
  codes.length = 0;
  for (let n = node; n > 0; n = nodeParent[n]) codes.push(nodeCode[n]);
  codes.reverse();
  return String.fromCharCode(...codes);
}

// The keys the last search found, in az's order: the search-tree node that spells each (SELF for
// the searched string itself), the graph node it ends at and the stutters it merged.
const SELF = -1;
let foundCap = 16;
let foundNode = new Int32Array(foundCap);
let foundIndex = new Int32Array(foundCap);
let foundStutter = new Float64Array(foundCap);
let found = 0;
let searched = '';

function addFound(node: number, index: number, stutter: number): void {
  if (found === foundCap) {
    foundCap *= 2;
    const n = new Int32Array(foundCap); n.set(foundNode); foundNode = n;
    const x = new Int32Array(foundCap); x.set(foundIndex); foundIndex = x;
    const s = new Float64Array(foundCap); s.set(foundStutter); foundStutter = s;
  }
  foundNode[found] = node; foundIndex[found] = index; foundStutter[found] = stutter;
  found++;
}

/** The graph node where the last search's key number `r` ends. */
export function foundAt(r: number): number {
  return foundIndex[r];
}

/** The stutters the last search merged to find its key number `r` (0 for most). */
export function stuttersOf(r: number): number {
  return foundStutter[r];
}

/**
 * The last search's key number `r` as a string: the searched string itself when the search
 * followed it letter by letter, else spelt from the search tree (valid until the next search).
 */
export function keyOf(r: number): string {
  const node = foundNode[r];
  return node === SELF ? searched : prefixOf(node);
}

/**
 * Which of the last `width` letters of the last search's key number `r` took a replacement (bit
 * 0 for the last letter). Only for a search without stutters, whose keys are as long as the
 * searched string.
 */
export function replacedTail(r: number, width: number): number {
  let mask = 0;
  let bit = 1;
  for (let n = foundNode[r]; n > 0 && bit < 1 << width; n = nodeParent[n], bit <<= 1) {
    if (nodeCode[n] !== searched.charCodeAt(nodeLen[n] - 1)) mask |= bit;
  }
  return mask;
}

/**
 * Whether the search can only follow `str` letter by letter: no letter with a replacement and,
 * when stutters are allowed, no letter doubled (гоол) or repeated after a dash (д-да).
 */
function isSinglePath(str: string, replace: Map<number, number> | undefined, mstutter: number): boolean {
  const n = str.length;
  if (replace !== undefined) for (let i = 0; i < n; i++) if (replace.has(str.charCodeAt(i))) return false;
  if (mstutter > 0) {
    for (let i = 0; i < n - 1; i++) {
      const c = str.charCodeAt(i);
      if (c === str.charCodeAt(i + 1) || (i < n - 2 && str.charCodeAt(i + 1) === 45 && c === str.charCodeAt(i + 2))) return false;
    }
  }
  return true;
}

/**
 * az's `DAWG.findAll(str, replaces, mstutter, 0)` without its payloads: finds the keys, in az's
 * order, and returns how many; read them with keyOf, foundAt and stuttersOf before the next search.
 * @param replace the replacement table as codesOf gives it.
 * @example
 * const n = searchExact(words, 'ежик', codesOf({ 'е': 'ё' }), Infinity);
 * keyOf(0); // 'ёжик'
 */
export function searchExact(dawg: Pick<Dawg, 'followByte'>, str: string, replace: Map<number, number> | undefined, mstutter: number): number {
  found = 0;
  searched = str;
  if (isSinglePath(str, replace, mstutter)) {
    // az's probability lookups and most suffix lookups: a walk down the graph, no stack.
    const index = followString(dawg, str, ROOT);
    if (index !== MISSING) addFound(SELF, index, 0);
    return found;
  }
  const n = str.length;
  nodes = 1;
  nodeParent[0] = -1; nodeLen[0] = 0; nodeStutter[0] = 0; nodeIndex[0] = ROOT; nodeReplaced[0] = 0;
  stack[0] = 0;
  top = 1;
  while (top > 0) {
    const node = stack[--top];
    let len = nodeLen[node];
    let stutter = nodeStutter[node];
    const index = nodeIndex[node];
    if (len === n) {
      // A key spelt without replacements or stutters is the searched string: no need to spell it.
      addFound(stutter === 0 && nodeReplaced[node] === 0 ? SELF : node, index, stutter);
      continue;
    }
    const code = str.charCodeAt(len);
    const alt = replace?.get(code);
    if (alt !== undefined && BYTE[alt] >= 0) {
      const cur = dawg.followByte(BYTE[alt], index);
      if (cur !== MISSING) push(node, alt, len + 1, stutter, cur, 1);
    }
    if (BYTE[code] >= 0) {
      const cur = dawg.followByte(BYTE[code], index);
      if (cur !== MISSING) {
        const replaced = nodeReplaced[node];
        push(node, code, len + 1, stutter, cur, replaced);
        // Stutters: a doubled letter (гоол) or one repeated after a dash (д-да) read as one.
        while (stutter < mstutter && len < n - 1 && nodes < MAX_NODES) {
          if (str.charCodeAt(len) === str.charCodeAt(len + 1)) {
            push(node, str.charCodeAt(len), len + 2, stutter + 1, cur, replaced);
            len++;
          } else if (len < n - 2 && str.charCodeAt(len + 1) === 45 && str.charCodeAt(len) === str.charCodeAt(len + 2)) {
            push(node, str.charCodeAt(len), len + 3, stutter + 1, cur, replaced);
            len += 2;
          } else {
            break;
          }
          stutter++;
        }
      }
    }
  }
  return found;
}

/** az's findAll results for the last search: the payload of each key that has one. */
function collectAll(dawg: Dawg): unknown[] {
  const results: unknown[] = [];
  for (let r = 0; r < found; r++) {
    let index = foundIndex[r];
    if (dawg.format === 'int') {
      if (dawg.hasValue(index)) results.push([keyOf(r), dawg.value(index)]);
      continue;
    }
    if (dawg.format === 'words' || dawg.format === 'probs') {
      index = dawg.followByte(1, index); // the separator before the payloads
      if (index === MISSING) continue;
    }
    results.push([keyOf(r), dawg.iterateAll(index), foundStutter[r], 0]);
  }
  return results;
}

function findAllExact(dawg: Dawg, str: string, replace: Map<number, number> | undefined, mstutter: number): unknown[] {
  searchExact(dawg, str, replace, mstutter);
  return collectAll(dawg);
}

// readPayloads' output and its walk's stack (graph node and label per level), reused.
let payloadBuffer = new Int32Array(96);
let walkIndex = new Int32Array(16);
let walkLabel = new Uint8Array(16);

/** The numbers readPayloads decoded (valid until its next call). */
export function payloads(): Int32Array {
  return payloadBuffer;
}

/**
 * az's `iterateAll(index)` for a 'words' or 'probs' graph, decoded into payloads() rather than
 * one array per payload: `width` numbers each (2: paradigm, form; 3: count, paradigm, form), in
 * az's order. Returns how many payloads. The walk is az's, step for step, early stops included.
 * @param index the node after a key's separator (byte 1).
 * @example
 * const n = readPayloads(words, followByte(1, foundAt(0)), 2);
 * payloads()[0]; // the first reading's paradigm
 */
export function readPayloads(dawg: Pick<Dawg, 'followByte' | 'hasValue'> & { guide: Uint8Array }, index: number, width: 2 | 3): number {
  const guide = dawg.guide;
  let count = 0;
  let depth = 1; // az's stack length; its key holds the labels of levels 1 … depth − 1
  walkIndex[0] = index;
  let last = ROOT;
  let label: number;
  for (;;) {
    index = walkIndex[depth - 1];
    if (last !== ROOT) {
      label = guide[index << 1];
      if (label) {
        index = dawg.followByte(label, index);
        if (index === MISSING) return count;
        depth = descend(depth, index, label);
      } else {
        do {
          label = guide[(index << 1) + 1];
          depth--;
          if (depth === 0) return count;
          index = walkIndex[depth - 1];
          if (label) {
            index = dawg.followByte(label, index);
            if (index === MISSING) return count;
            depth = descend(depth, index, label);
          }
        } while (!label);
      }
    }
    while (!dawg.hasValue(index)) {
      label = guide[index << 1];
      index = dawg.followByte(label, index);
      if (index === MISSING) return count;
      depth = descend(depth, index, label);
    }
    if ((count + 1) * width > payloadBuffer.length) {
      const b = new Int32Array(payloadBuffer.length * 2); b.set(payloadBuffer); payloadBuffer = b;
    }
    // az decodes the key's first bytes; a byte the key lacks reads as 0 (undefined in its bit operations).
    const at = count * width;
    payloadBuffer[at] = ((keyByte(depth, 0) ^ 1) << 6) + (keyByte(depth, 1) >> 1);
    payloadBuffer[at + 1] = ((keyByte(depth, 2) ^ 1) << 6) + (keyByte(depth, 3) >> 1);
    if (width === 3) payloadBuffer[at + 2] = ((keyByte(depth, 4) ^ 1) << 6) + (keyByte(depth, 5) >> 1);
    count++;
    last = index;
  }
}

function descend(depth: number, index: number, label: number): number {
  if (depth === walkIndex.length) {
    const x = new Int32Array(depth * 2); x.set(walkIndex); walkIndex = x;
    const l = new Uint8Array(depth * 2); l.set(walkLabel); walkLabel = l;
  }
  walkIndex[depth] = index;
  walkLabel[depth] = label;
  return depth + 1;
}

/** Byte `i` of the key az's walk has built at this depth, 0 past its end. */
function keyByte(depth: number, i: number): number {
  return i + 1 < depth ? walkLabel[i + 1] : 0;
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
