import { lineSafe } from './line-safe.js';
/**
 * JSON.stringify(value, null, indent) for an integer indent from 0 to 10, byte for byte but for
 * U+2028, U+2029 and U+0085, which are escaped (lineSafe), handed out in pieces of about `size`
 * characters instead of one string.
 *
 * Why: V8 caps a string at 2^29 − 24 characters, and the analysis of a long text outgrows that
 * long before the text does (a 75 MB text with `--tokens` serialises to ~1.1 GB), so writing it as
 * one JSON.stringify threw "Invalid string length" after all the work was done. Here the top
 * object and the arrays and objects it holds are written part by part. Each of their elements
 * (one token, one quote, one entity with all its mentions) is still serialised whole by
 * JSON.stringify: an element too long for one string still throws, as JSON.stringify would.
 *
 * @example
 * for (const piece of jsonChunks({ a: [1, 2] }, 2)) process.stdout.write(piece);
 * // the same text as JSON.stringify({ a: [1, 2] }, null, 2)
 */
export function* jsonChunks(value: unknown, indent = 0, size = 1 << 20): Generator<string> {
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) throw new RangeError(`jsonChunks: indent must be an integer 0–10, got ${indent}`);
  if (!(size > 0)) throw new RangeError(`jsonChunks: size must be positive, got ${size}`);
  const parts: string[] = [];
  let length = 0;
  // A value with no JSON (undefined, a function) yields nothing, where JSON.stringify returns undefined.
  const all = splittable(value) ? pieces(value, indent, 0) : [leaf('', value, indent, 0)].filter((s) => s !== undefined);
  for (const s of all) {
    parts.push(s);
    length += s.length;
    if (length >= size) {
      yield lineSafe(parts.join(''));
      parts.length = 0;
      length = 0;
    }
  }
  if (parts.length > 0) yield lineSafe(parts.join(''));
}

/** How deep the pieces go: the top object (0), its layers (1); their elements are written whole. */
const SPLIT_DEPTH = 2;

/**
 * The pieces of a splittable value's JSON at nesting depth `depth` (its first line is already
 * indented). Elements that have no JSON (undefined, a function, a symbol) are null in an array and
 * left out of an object, as JSON.stringify does.
 */
function* pieces(value: object, indent: number, depth: number): Generator<string> {
  const inner = indent > 0 ? '\n' + ' '.repeat(indent * (depth + 1)) : '';
  const close = indent > 0 ? '\n' + ' '.repeat(indent * depth) : '';
  const isArray = Array.isArray(value);
  const keys = isArray ? null : Object.keys(value);
  const n = isArray ? value.length : keys!.length;
  let first = true;
  for (let i = 0; i < n; i++) {
    const v: unknown = isArray ? value[i] : (value as Record<string, unknown>)[keys![i]];
    const head = (first ? (isArray ? '[' : '{') : ',') + inner + (isArray ? '' : JSON.stringify(keys![i]) + (indent > 0 ? ': ' : ':'));
    if (depth + 1 < SPLIT_DEPTH && splittable(v)) {
      yield head;
      yield* pieces(v, indent, depth + 1);
    } else {
      const s = leaf(isArray ? String(i) : keys![i], v, indent, depth + 1);
      if (s === undefined && !isArray) continue;
      yield head + (s ?? 'null');
    }
    first = false;
  }
  yield first ? (isArray ? '[]' : '{}') : close + (isArray ? ']' : '}');
}

/**
 * JSON.stringify of a value written whole at depth `depth`, under `key` in its holder: its inner
 * lines start at that depth.
 */
function leaf(key: string, v: unknown, indent: number, depth: number): string | undefined {
  let s: string | undefined;
  if (hasToJSON(v)) {
    // JSON.stringify hands toJSON the value's key: serialise it in a holder with that key, then
    // cut the holder off (`{"key":…}`, or `{\n  "key": …\n}` with its inner lines one level in).
    const held = JSON.stringify({ [key]: v }, null, indent);
    if (held === '{}') return undefined;
    const k = JSON.stringify(key);
    if (indent === 0) s = held.slice(k.length + 2, -1);
    else s = held.slice(2 + indent + k.length + 2, -2).replace(new RegExp('\n' + ' '.repeat(indent), 'g'), '\n');
  } else {
    s = JSON.stringify(v, null, indent) as string | undefined;
  }
  // JSON strings hold no raw newline, so every newline is the layout's.
  return s !== undefined && indent > 0 && depth > 0 ? s.replace(/\n/g, '\n' + ' '.repeat(indent * depth)) : s;
}

/** A value JSON.stringify would ask toJSON(key) for its JSON (objects and functions, and BigInts, may have one). */
function hasToJSON(v: unknown): boolean {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'bigint')) return false;
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** A plain array or object that JSON.stringify would walk itself (no toJSON of its own). */
function splittable(v: unknown): v is object {
  if (v === null || typeof v !== 'object' || hasToJSON(v)) return false;
  if (Array.isArray(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
