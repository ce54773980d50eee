import type AzModule from 'az';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { installExactSearch } from './az-lookup.js';

// require, not import: Node's ESM loader would first scan az's CommonJS source for export names
// (about 30 ms of start-up); the object is the same.
const Az = createRequire(import.meta.url)('az') as typeof AzModule;

let ready = false;
const INT_TAGS = 'gramtab-opencorpora-int.json';
const EXT_TAGS = 'gramtab-opencorpora-ext.json';

/**
 * Loads az's OpenCorpora dictionaries synchronously, once per process. az's own loader is
 * asynchronous (fs.readFile with callbacks); we queue its reads and answer them with readFileSync
 * after `init` has counted them all, so `analyze` can stay synchronous.
 */
export function loadAz(): typeof Az.Morph {
  if (ready) return Az.Morph;
  const require = createRequire(import.meta.url);
  const dicts = join(dirname(require.resolve('az')), '..', 'dicts');
  const queue: Array<[string, string, (err: unknown, data?: unknown) => void]> = [];
  const original = Az.load;
  Az.load = (url, type, cb) => { queue.push([url, type, cb]); };
  let error: unknown = null;
  try {
    Az.Morph.init(dicts, (err) => { if (err) error = err; });
    let tagCount = 0;
    while (queue.length > 0) {
      const [url, type, cb] = queue.shift()!;
      if (url.endsWith(EXT_TAGS)) {
        // az builds and deep-freezes a Russian-named copy of every tag (tag.ext), read only by its
        // debug printing: a placeholder per tag instead halves az's start-up. The internal table is
        // queued before this one, so its length is known.
        cb(null, new Array<string>(tagCount).fill('UNKN'));
        continue;
      }
      const data = readFileSync(url);
      if (type === 'json') {
        const json: unknown = JSON.parse(data.toString('utf8'));
        if (url.endsWith(INT_TAGS) && Array.isArray(json)) tagCount = json.length;
        cb(null, json);
      }
      // A file read on its own owns its buffer; a small one may sit in Node's shared pool: copy that out.
      else if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) cb(null, data.buffer);
      else cb(null, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    }
  } finally {
    Az.load = original;
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
  memoiseTags(Az.Morph);
  installExactSearch(Az.DAWG);
  ready = true;
  return Az.Morph;
}

/**
 * az's suffix guesser asks every candidate tag `isProductive()` and `isCapitalized()` (a dozen
 * absent-property lookups on objects of thousands of shapes) and its scorer builds `tag.toString()`
 * per parse: together about a tenth of parsing a new word. Tags are shared and frozen, so each
 * answer is computed once per tag object; a tag that is not frozen is answered afresh.
 */
function memoiseTags(morph: typeof Az.Morph): void {
  const sample = morph('слово')[0]?.tag as object | undefined;
  if (sample === undefined) return;
  const proto = Object.getPrototypeOf(sample) as Record<string, unknown>;
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
