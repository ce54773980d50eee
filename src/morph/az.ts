import type AzModule from 'az';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { installExactSearch } from './az-lookup.js';
import { azDefaults, defaultParser } from './az-parse.js';
import type { IntDawg } from './az-probability.js';
import { AZ_PREFIXES, type AzDictionaries, type DictionaryParseClass, type PayloadDawg, dictionaryProbe } from './az-parsers.js';
import { readDataFile } from '../data-file.js';
import { hashStart, hashStep, hashSteps, nonZero } from '../hash.js';

// require, not import: Node's ESM loader would first scan az's CommonJS source for export names
// (about 30 ms of start-up). A private instance: loadAz changes az's loader, its tags and its graph
// search, and re-initialises it, which must not reach a host application's own require('az').
const Az = privateModule('az') as typeof AzModule;

/**
 * A module's own instance, evaluated afresh and left out of the require cache, so the host's
 * `require(id)` (before or after) gets the instance it would get without rutext. az is one file
 * that requires only `fs`, so nothing of it stays shared.
 */
function privateModule(id: string): unknown {
  const require = createRequire(import.meta.url);
  const path = require.resolve(id);
  const host = require.cache[path];
  delete require.cache[path];
  try {
    return require(id);
  } finally {
    if (host !== undefined) require.cache[path] = host;
    else delete require.cache[path];
  }
}

/**
 * Whether the built-ins may be patched for a moment (withShallowFreeze). Under
 * `node --frozen-intrinsics` or a hardened runtime (SES lockdown) they may not: az then freezes
 * its tags itself, as it does on its own (a slower start-up, the same analyses).
 */
const CAN_PATCH_BUILTINS = !Object.isFrozen(Object);

let ready = false;
/** The graph and table files az loads, by name: rutext's parsers read the same bytes (az-parsers.ts). */
const graphBuffers = new Map<string, ArrayBuffer>();
const WORDS = 'words.dawg';
const SUFFIX_TABLES = ['prediction-suffixes-0.dawg', 'prediction-suffixes-1.dawg', 'prediction-suffixes-2.dawg'];
const PARADIGMS = 'paradigms.array';
let parseWord: ((word: string) => AzModule.Parse[]) | undefined;
let probeWord: ((word: string) => boolean) | null = null;
const INT_TAGS = 'gramtab-opencorpora-int.json';
const PROBABILITIES = 'p_t_given_w.intdawg';
const EXT_TAGS = 'gramtab-opencorpora-ext.json';
const SUFFIXES = 'suffixes.json';
/** az's tag table as strings (gramtab-opencorpora-int.json), from which its tags are built when first read. */
let tagStrings: readonly string[] | undefined;
/** az's paradigm suffixes (the array az itself indexes), once loaded. */
let suffixTable: readonly string[] | undefined;
const GRAMMEMES = 'grammemes.json';
/** Each grammeme's parent (loc2 → loct → CAse), from az's grammemes.json. */
let grammemeParent: Map<string, string> | undefined;
/** tagGrammemes' answers by tag number, made when first asked for. */
let grammemesByTag: Array<readonly string[] | undefined> = [];
/** A hash of the names and sizes of the files az read, in its order (dictionaryFingerprint). */
let filesRead = hashStart(0);

/**
 * az's tag table (its tags by number, built when first read: lazyTagTable), kept for tagAt; undefined
 * where az built and froze it itself (frozen built-ins), which loadAz then never sees.
 */
let tagTable: readonly AzModule.Tag[] | undefined;

type Answer = (err: unknown, data?: unknown) => void;

/**
 * Loads az's OpenCorpora dictionaries synchronously, once per process. az's own loader is
 * asynchronous (fs.readFile with callbacks); we queue its reads, read every file with
 * readFileSync after `init` has asked for them all, then answer, so `analyze` can stay synchronous.
 */
export function loadAz(): typeof Az.Morph {
  if (ready) return Az.Morph;
  const require = createRequire(import.meta.url);
  const dicts = join(dirname(require.resolve('az')), '..', 'dicts');
  const queue: Array<[string, string, Answer]> = [];
  const original = Az.load;
  Az.load = (url, type, cb) => { queue.push([url, type, cb]); };
  let error: unknown = null;
  try {
    Az.Morph.init(dicts, (err) => { if (err) error = err; });
    let tagCount = 0;
    const answers: Array<[Answer, unknown]> = queue.splice(0).map(([url, type, cb]) => {
      if (url.endsWith(EXT_TAGS)) {
        // az builds and deep-freezes a Russian-named copy of every tag (tag.ext), read only by its
        // debug printing: a placeholder per tag instead halves az's start-up. The internal table is
        // queued before this one, so its length is known.
        return [cb, new Array<string>(tagCount).fill('UNKN')];
      }
      const data = readDataFile(url);
      const file = url.slice(url.lastIndexOf('/') + 1);
      filesRead = hashStep(hashSteps(filesRead, file), data.byteLength);
      if (type === 'json') {
        const json: unknown = JSON.parse(data.toString('utf8'));
        if (url.endsWith(INT_TAGS) && Array.isArray(json) && json.every((x) => typeof x === 'string')) {
          tagCount = json.length;
          tagStrings = json as string[];
          return [cb, CAN_PATCH_BUILTINS ? sizedButBuiltOnce(tagStrings) : json];
        }
        if (url.endsWith(SUFFIXES) && Array.isArray(json) && json.every((x) => typeof x === 'string')) suffixTable = json as string[];
        if (url.endsWith(GRAMMEMES) && Array.isArray(json)) grammemeParent = parentsOf(json);
        return [cb, json];
      }
      // A file read on its own owns its buffer; a small one may sit in Node's shared pool: copy that out.
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
        ? data.buffer : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
      if (file === WORDS || file === PARADIGMS || file === PROBABILITIES || SUFFIX_TABLES.includes(file)) graphBuffers.set(file, own);
      return [cb, own];
    });
    for (const given of withShallowFreeze(() => { for (const [cb, data] of answers) cb(null, data); })) freezeTags(given, tagStrings);
    if (queue.length > 0) throw new Error(`az asked for ${queue[0][0]} after its dictionaries were loaded`);
  } finally {
    Az.load = original;
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const sample = Az.Morph('слово');
  memoiseTags(sample);
  installExactSearch(Az.DAWG);
  const probabilities = graphBuffers.get(PROBABILITIES);
  if (probabilities === undefined) throw new Error(`az: ${PROBABILITIES} was not loaded`);
  const config = azDefaults(Az.Morph);
  const tables = dictionaries(sample);
  // A second view of the table az scores dictionary readings with (the same bytes, no copy).
  parseWord = defaultParser(Az.Morph, Az.DAWG.fromArrayBuffer(probabilities, 'int') as IntDawg, tables, config);
  probeWord = tables !== undefined ? dictionaryProbe(tables.words, config) : null;
  ready = true;
  return Az.Morph;
}

/**
 * Views of az's word graph, suffix tables and paradigm table (the bytes az reads, no copy) and its
 * DictionaryParse class, for rutext's parsers; undefined when one is missing (az's parsers then run).
 */
function dictionaries(sample: readonly AzModule.Parse[]): AzDictionaries | undefined {
  const words = graphBuffers.get(WORDS);
  const tables = SUFFIX_TABLES.map((name) => graphBuffers.get(name));
  const paradigms = graphBuffers.get(PARADIGMS);
  graphBuffers.clear();
  const known = sample.find((p) => p.parser === 'Dictionary');
  if (words === undefined || paradigms === undefined || known === undefined || tables.some((t) => t === undefined)) return undefined;
  return {
    words: Az.DAWG.fromArrayBuffer(words, 'words') as PayloadDawg,
    suffixTables: tables.map((t) => Az.DAWG.fromArrayBuffer(t!, 'probs') as PayloadDawg),
    paradigms: new Uint16Array(paradigms),
    DictionaryParse: known.constructor as DictionaryParseClass,
  };
}

/**
 * The strings a paradigm's numbers index: az's form prefixes and suffixes (its `prefixes` and
 * `suffixes`), so a dictionary reading's other forms can be spelt without az building a parse for
 * each (lemma.ts); undefined when az's suffix file did not have the expected shape.
 * @example
 * const { prefixes, suffixes } = paradigmAffixes()!;
 * prefixes[paradigm[2 * formCnt + i]] + base + suffixes[paradigm[i]]; // form i of a reading's lexeme
 */
export function paradigmAffixes(): { prefixes: readonly string[]; suffixes: readonly string[] } | undefined {
  if (!ready) loadAz();
  return suffixTable === undefined ? undefined : { prefixes: AZ_PREFIXES, suffixes: suffixTable };
}

/**
 * az's tag number `index` (the number a paradigm gives a form: the Tag of a dictionary reading of
 * that form), the very object az's readings hold; undefined for a number out of range, or when
 * az's table was not seen (see tagTable).
 * @example
 * tagAt(0)?.POS; // 'NOUN'
 */
export function tagAt(index: number): AzModule.Tag | undefined {
  if (!ready) loadAz();
  return tagTable !== undefined && index >= 0 && index < tagTable.length ? tagTable[index] : undefined;
}

/**
 * A number that changes with az's dictionaries (a hash of the names and sizes of the files it read
 * and of its tag count): what was prebuilt from them (the table of known forms holds az's tag
 * numbers and the analyses its dictionaries gave) is used only with the dictionaries it was built
 * from, not with those of another az version.
 * @example
 * dictionaryFingerprint() === table.fingerprint; // the table was built with this az
 */
export function dictionaryFingerprint(): number {
  if (!ready) loadAz();
  return nonZero(hashStep(filesRead, tagStrings?.length ?? 0)) >>> 0;
}

/** How many tags az's table holds (0 when it was not seen: see tagAt). */
export function tagTableSize(): number {
  if (!ready) loadAz();
  return tagTable?.length ?? 0;
}

/**
 * The grammemes of az's tag number `index` as its Tag has them set (each grammeme of the tag
 * string and the parents above it: a loc2 form has loct too), read from the tag string without
 * building az's Tag: a lemma rule scans every form of a paradigm, and most of those tags are
 * never read otherwise (building them was ~15 ms of the first analysis and ~2 MB of heap).
 * Undefined when az's tables did not have the expected shape (ask the Tag then).
 * @example
 * loadAz(); tagGrammemes(0); // ['NOUN', 'POST', 'anim', 'ANim', 'masc', 'GNdr', 'sing', 'NMbr', 'nomn', 'CAse']
 */
export function tagGrammemes(index: number): readonly string[] | undefined {
  if (!ready) loadAz();
  if (tagStrings === undefined || grammemeParent === undefined || !(index >= 0 && index < tagStrings.length)) return undefined;
  let list = grammemesByTag[index];
  if (list === undefined) {
    const out: string[] = [];
    const parts = tagStrings[index].split(/[ ,]/);
    // An indexed loop: the first article runs this in the interpreter, where for…of allocates.
    for (let i = 0; i < parts.length; i++) {
      const g = parts[i];
      if (g === '') continue;
      out.push(g);
      for (let p = grammemeParent.get(g); p !== undefined; p = grammemeParent.get(p)) out.push(p);
    }
    list = Object.freeze(out);
    if (grammemesByTag.length < tagStrings.length) grammemesByTag = new Array<readonly string[] | undefined>(tagStrings.length).fill(undefined);
    grammemesByTag[index] = list;
  }
  return list;
}

/**
 * The grammemes an az Tag has set: its own fields that are true or name a child grammeme, but for
 * its grammeme lists, its Russian-named copy and POS. What tagGrammemes answers for the Tag's number,
 * for when it cannot (az's tables in another shape) and the Tag is at hand.
 * @example
 * grammemesOfTag(az('Москве')[0].tag); // ['NOUN', 'POST', 'inan', 'ANim', 'femn', …, 'loct', 'CAse']
 */
export function grammemesOfTag(t: AzModule.Tag): readonly string[] {
  const fields = t as unknown as Record<string, unknown>;
  return Object.keys(fields).filter((k) => k !== 'stat' && k !== 'flex' && k !== 'ext' && k !== 'POS' && fields[k] !== undefined && fields[k] !== false);
}

/** Each grammeme's parent from grammemes.json's rows ([name, parent, …]); undefined for another shape. */
function parentsOf(rows: unknown[]): Map<string, string> | undefined {
  const parents = new Map<string, string>();
  for (const row of rows) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') return undefined;
    if (row[1] !== '') parents.set(row[0], row[1]);
  }
  return parents;
}

/**
 * `Az.Morph(word)` with az's default settings, by rutext's driver (az-parse.ts): same parses.
 * @example
 * loadAz(); parseDefault('стали')[0].tag.POS; // 'VERB'
 */
export function parseDefault(word: string): AzModule.Parse[] {
  if (parseWord === undefined) loadAz();
  return parseWord!(word);
}

/**
 * Whether az's dictionary may hold a lower-case word under some case (az's Dictionary parser with
 * `ignoreCase` finds nothing when this is false): a walk down az's word graph, no parse built.
 * True when the walk cannot answer (az's own search would be needed).
 * @example
 * loadAz(); mayBeInDictionary('москвы'); // true (Москвы); mayBeInDictionary('бздынь'); // false
 */
export function mayBeInDictionary(word: string): boolean {
  if (parseWord === undefined) loadAz();
  return probeWord === null || probeWord(word);
}

/**
 * Runs `fn` (az's dictionary callbacks) with az's deepFreeze cut to its first level and arrays
 * left unfrozen, and returns what deepFreeze was given. az deep-freezes its tag table (and the few
 * tags it makes later) with a generic walk: Object.getOwnPropertyNames of every tag, tag copy and
 * grammeme array, some 30 000 arrays of names for objects whose shape is known, a sixth of az's
 * start-up. While `fn` runs, getOwnPropertyNames answers no names, so deepFreeze freezes only the
 * object it was given (az calls it nowhere else), and the one array it is given, the tag table, is
 * not frozen at all: freezeTags then freezes what lies under it, knowing its shape, or lets the
 * table build its tags when first read (lazyTagTable). The built-ins are restored before this
 * returns, whatever `fn` does.
 */
function withShallowFreeze(fn: () => void): object[] {
  const given: object[] = [];
  if (!CAN_PATCH_BUILTINS) {
    fn();
    return given;
  }
  const names = Object.getOwnPropertyNames;
  const freeze = Object.freeze;
  Object.getOwnPropertyNames = (o: object): string[] => { given.push(o); return []; };
  Object.freeze = (<T>(o: T): Readonly<T> => (Array.isArray(o) ? o : freeze(o))) as typeof Object.freeze;
  try {
    fn();
  } finally {
    Object.getOwnPropertyNames = names;
    Object.freeze = freeze;
  }
  return given;
}

/** An az tag: its grammemes as flags and strings, its grammeme lists and its Russian-named copy. */
interface AzTag { stat: readonly string[]; flex: readonly string[]; ext?: AzTag }

/**
 * az's tag strings as az's loader sees them: `length` answers the full count on its first read
 * (az sizes its table with it) and 1 afterwards (az's loop then builds tag 0 only); every index
 * reads through to the strings. Building and freezing all 9 894 tags (objects of thousands of
 * shapes) is ~50 ms of CPU and ~6 MB of heap, while a long run reads fewer than half of them; the
 * rest are built by lazyTagTable when first read. Should az read the length differently, it
 * builds every tag as before (freezeTags then finds the table full).
 */
function sizedButBuiltOnce(strings: readonly string[]): ArrayLike<string> {
  let reads = 0;
  return Object.create(strings, { length: { get: () => (reads++ === 0 ? strings.length : Math.min(1, strings.length)) } }) as ArrayLike<string>;
}

/**
 * Freezes what az's deepFreeze was given, as deep as anything reads it: the tag table (an array of
 * tags) or one tag az made. A tag's answers memoised below read its grammeme flags and its two
 * grammeme lists, so those are frozen. The table's `ext` copies are the placeholders loadAz gave
 * (read by nothing), so they are left as they are; a tag made later gets its real copy frozen too.
 * A table az sized but did not fill (sizedButBuiltOnce) gets its tags built when first read.
 */
function freezeTags(given: object, strings: readonly string[] | undefined): void {
  if (Array.isArray(given)) {
    const table = given as unknown[];
    if (strings !== undefined && table.length === strings.length && table.length > 1 && !Object.prototype.hasOwnProperty.call(table, 1) && isTag(table[0])) {
      freezeTag(table[0], false);
      lazyTagTable(table, strings);
      tagTable = table as AzModule.Tag[];
      return;
    }
    for (const t of table) if (isTag(t)) freezeTag(t, false);
    Object.freeze(table);
    if (strings !== undefined && table.length === strings.length && table.every(isTag)) tagTable = table as unknown as AzModule.Tag[];
  } else if (isTag(given)) {
    freezeTag(given, true);
  }
}

/**
 * Makes az's tag table build tag i when az first reads table[i]: the table's unbuilt slots are
 * holes, and a read of a hole goes on to the array's prototype, here a proxy that builds the tag
 * (with az's own constructor, as az's loop would, the shared placeholder as its copy), freezes
 * it and stores it in the slot. Later reads find it there, in the table's own (fast) elements, so
 * each tag object is built once and stays the same object. Anything else read from the prototype
 * (iteration, methods) is Array.prototype's.
 */
function lazyTagTable(table: unknown[], strings: readonly string[]): void {
  const first = table[0] as AzTag;
  const Tag = (first as unknown as { constructor: new (s: string) => AzTag }).constructor;
  const copy = first.ext;
  const build = (i: number): AzTag => {
    const t = new Tag(strings[i]);
    t.ext = copy;
    freezeTag(t, false);
    table[i] = t;
    return t;
  };
  let built = 1;
  Object.setPrototypeOf(table, new Proxy(Array.prototype, {
    get(target, key, receiver: unknown[]): unknown {
      if (typeof key === 'string' && receiver === table) {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && i < strings.length) {
          const t = build(i);
          if (++built >= strings.length * WHOLE_TABLE_SHARE) buildTheRest(table, build);
          return t;
        }
      }
      return Reflect.get(target, key, receiver);
    },
  }));
}

/**
 * The share of az's tag table whose first reads make it build the rest at once: a run that has
 * needed this many tags (1 110 for the sample article, 3 131 for 200 RT articles) is a long one,
 * and every read of a table with the proxy for a prototype costs ~20-45 ns more than a plain
 * array's (V8 cannot load its elements by its fast path), while the rest of the table is ~35 ms
 * to build, once.
 */
const WHOLE_TABLE_SHARE = 0.25;

/** Builds every tag not built yet and gives the table back its ordinary prototype. */
function buildTheRest(table: unknown[], build: (i: number) => unknown): void {
  for (let i = 0; i < table.length; i++) if (!Object.prototype.hasOwnProperty.call(table, i)) build(i);
  Object.setPrototypeOf(table, Array.prototype);
}

/** Whether an object has a tag's shape (its two grammeme lists): only those are frozen here. */
function isTag(o: unknown): o is AzTag {
  return typeof o === 'object' && o !== null && Array.isArray((o as AzTag).stat) && Array.isArray((o as AzTag).flex);
}

function freezeTag(t: AzTag, withCopy: boolean): void {
  // Object.freeze passes a non-object through, so an unexpected shape freezes what it has.
  Object.freeze(t.stat);
  Object.freeze(t.flex);
  if (withCopy && t.ext !== undefined) freezeTag(t.ext, false);
  Object.freeze(t);
}

/**
 * az's suffix guesser asks every candidate tag `isProductive()` and `isCapitalized()` (a dozen
 * absent-property lookups on objects of thousands of shapes) and its scorer builds `tag.toString()`
 * per parse: together about a tenth of parsing a new word. Tags are shared and frozen, so each
 * answer is computed once per tag object; a tag that is not frozen is answered afresh.
 */
function memoiseTags(sample: readonly AzModule.Parse[]): void {
  const tag = sample[0]?.tag as object | undefined;
  if (tag === undefined) return;
  const proto = Object.getPrototypeOf(tag) as Record<string, unknown>;
  for (const name of ['isProductive', 'isCapitalized', 'toString']) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    const memo = new WeakMap<object, unknown>();
    proto[name] = function (this: object): unknown {
      let v = memo.get(this);
      if (v === undefined && !memo.has(this)) {
        v = original.call(this);
        if (Object.isFrozen(this)) memo.set(this, v);
      }
      return v;
    };
  }
}
