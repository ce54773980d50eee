import { createAnalyzer, type Analyzer } from '../analyze.js';
import { passDataFileError } from '../data-file.js';
import { optionsFor, selectFields, type Layer } from './fields.js';
import { TOO_LONG_ADVICE, tooLongError } from './limits.js';
import { lineSafe } from './line-safe.js';

/** What every analyzer of a batch run (in a worker thread or in-process) needs to know. */
export interface JobOptions {
  tokens: boolean;
  fields: Layer[] | null;
  textField: string;
  idField: string;
}

/** One unit of batch work: an input line (JSON) or a whole text file. */
export type Job = { line: string; lineNo: number } | { id: string; text: string };

/** One output line (without its newline) and whether it reports an error. */
export interface JobResult {
  out: string;
  failed: boolean;
}

/** An output document id: the input's id, or the 1-based line number when the line has none. */
export type DocId = string | number;

/**
 * The id a line's output line will carry, computed the same way the analyzer computes it, so that
 * --resume can match input lines to output lines without analysing anything.
 * @example
 * lineId('{"id":"a1","text":"…"}', 7, 'id'); // 'a1'
 * lineId('not json', 8, 'id');               // 8
 */
export function lineId(line: string, lineNo: number, idField: string): DocId {
  if (line.trim() === '') return lineNo;
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return lineNo;
  }
  return idOf(obj, lineNo, idField);
}

function idOf(obj: unknown, lineNo: number, idField: string): DocId {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return lineNo;
  const id = (obj as Record<string, unknown>)[idField];
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : lineNo;
}

/**
 * The key under which --resume counts ids: 5 and "5" stay different.
 * @example
 * idKey(5); // '5'
 * idKey('5'); // '"5"'
 */
export function idKey(id: DocId): string {
  return typeof id === 'number' ? String(id) : JSON.stringify(id);
}

// Output keys the analysis (or the error report) owns; a passed-through input field of the same name is dropped.
const RESERVED = new Set(['schemaVersion', 'language', 'body', 'boilerplate', 'paragraphs', 'sentences', 'tokens', 'entities', 'quotes', 'speakers', 'themes', 'error']);

/**
 * The output line of a document that could not be analysed or written: `{"id", "error"}`.
 * @example
 * errorLine(4, 'empty line'); // { out: '{"id":4,"error":"empty line"}', failed: true }
 */
export function errorLine(id: DocId, error: string): JobResult {
  return { out: lineSafe(JSON.stringify({ id, error })), failed: true };
}

/** An error's message, for an error line. */
export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Makes the function a batch worker runs on each job. Every job yields exactly one output line,
 * either `{"id", …passed-through fields, …Analysis}` or `{"id", "error"}`. It throws only a
 * DataFileError (a broken installation), which is no fault of the document and must end the run
 * without writing its line, so that `--resume` redoes it once the package is mended.
 * @example
 * const run = makeProcessor({ tokens: false, fields: ['quotes'], textField: 'text', idField: 'id' });
 * run({ line: '{"id":1,"text":"Привет"}', lineNo: 1 }).out; // '{"id":1,"schemaVersion":1,"quotes":[]}'
 */
export function makeProcessor(o: JobOptions, analyzer: Analyzer = createAnalyzer()): (job: Job) => JobResult {
  const analyse = (id: DocId, text: string, extra: Record<string, unknown> | null): JobResult => {
    let a;
    try {
      a = analyzer.analyze(text, optionsFor(o.tokens, o.fields));
    } catch (err) {
      passDataFileError(err);
      return errorLine(id, `analysis failed: ${messageOf(err)}`);
    }
    // No prototype: an input field named __proto__ is a field like any other, not the object's prototype.
    const out = Object.create(null) as Record<string, unknown>;
    out.id = id;
    if (extra !== null) {
      // 'id' is the output's own key even when the id came from another field (--id-field guid).
      for (const k in extra) if (k !== o.idField && k !== o.textField && k !== 'id' && !RESERVED.has(k)) out[k] = extra[k];
    }
    Object.assign(out, selectFields(a, o.fields));
    try {
      return { out: lineSafe(JSON.stringify(out)), failed: false };
    } catch (err) {
      // An output line must be one string: past MAX_STRING_LENGTH the document is an error line.
      // So is any other failure to write it (a passed-through field nested thousands deep, which
      // JSON.parse reads but JSON.stringify's recursion cannot write), as this must never throw.
      if (tooLongError(err)) return errorLine(id, `output too long for one line (${(err as Error).message}): ${TOO_LONG_ADVICE}`);
      return errorLine(id, `cannot write the output line: ${messageOf(err)}`);
    }
  };
  return (job: Job): JobResult => {
    if (!('line' in job)) return analyse(job.id, job.text, null);
    const { line, lineNo } = job;
    if (line.trim() === '') return errorLine(lineNo, 'empty line');
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (err) {
      return errorLine(lineNo, `invalid JSON: ${messageOf(err)}`);
    }
    const id = idOf(obj, lineNo, o.idField);
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return errorLine(id, 'not a JSON object');
    const rec = obj as Record<string, unknown>;
    const text = rec[o.textField];
    if (text === undefined || text === null) return errorLine(id, `no "${o.textField}" field`);
    if (typeof text !== 'string') return errorLine(id, `"${o.textField}" must be a string, got ${Array.isArray(text) ? 'an array' : typeof text}`);
    return analyse(id, text, rec);
  };
}
