import { closeSync, createReadStream, existsSync, openSync, readSync, statSync, truncateSync } from 'node:fs';
import { idKey } from './job.js';
import { MAX_LINE_BYTES, readLines } from './lines.js';

/** What an earlier (possibly killed) run left in its output file. */
export interface ResumeState {
  /** How many output lines each id key has (ids may repeat in the input). */
  done: Map<string, number>;
  /** Complete output lines found. */
  lines: number;
  /** Bytes cut off the end: a line the killed run had not finished writing. */
  truncatedBytes: number;
}

// Output lines start with the id (it is the first key written), so the id can be read without
// parsing analyses that may be tens of kilobytes each. Not so when an input field has a name like
// an integer ("0"), which JavaScript puts before every other key: such a line is parsed whole.
const ID_PREFIX = /^\{"id":("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)[,}]/;

/**
 * Reads the ids already in the output file `path` and cuts off a last line that a killed run left
 * without its line break (that document is then redone). A complete line that is not an output
 * line means the file is not one rutext wrote: that throws rather than append to it.
 * @example
 * const { done } = await scanOutput('out.jsonl'); // done.get('"a1"') === 1
 * @param maxLineBytes lines longer than this are read by their start and last byte only (tests pass a small one)
 */
export async function scanOutput(path: string, maxLineBytes = HEAD_BYTES): Promise<ResumeState> {
  const done = new Map<string, number>();
  if (!existsSync(path)) return { done, lines: 0, truncatedBytes: 0 };
  let good = 0;
  let lines = 0;
  // Only a line's id (its start) and its closing brace are needed, so a long line is not decoded:
  // scanning stays fast and small over gigabytes of output, and a line too long to decode at all
  // (from ~36 MB of text with --tokens) is read like any other.
  let fd: number | null = null;
  try {
    for await (const line of readLines(createReadStream(path), { maxBytes: maxLineBytes, headBytes: maxLineBytes })) {
      if (!line.ended) break;
      let id = line.tooLong ? (line.lastByte === 0x7d ? idOfHead(line.text) : undefined) : outputId(line.text);
      // Not read by its start (an id longer than the head, or another form): then the line is read
      // whole from the file, as a short one is, if one string can hold it.
      if (id === undefined && line.tooLong && line.bytes - 1 <= MAX_LINE_BYTES) {
        fd ??= openSync(path, 'r');
        const buf = Buffer.allocUnsafe(line.bytes - 1);
        readSync(fd, buf, 0, buf.length, good);
        id = outputId(buf.toString('utf8'));
      }
      if (id === undefined) throw new Error(`${path}: line ${line.lineNo} is not a rutext output line; not resuming into it`);
      done.set(id, (done.get(id) ?? 0) + 1);
      lines++;
      good += line.bytes;
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  const size = statSync(path).size;
  if (size > good) truncateSync(path, good);
  return { done, lines, truncatedBytes: size - good };
}

/** Lines longer than this are read by their start for the id: ids are short, 64 KB is plenty. */
const HEAD_BYTES = 1 << 16;

/** The id key at the start of an output line, or undefined when it does not start as one. */
function idOfHead(head: string): string | undefined {
  const m = ID_PREFIX.exec(head);
  if (m === null) return undefined;
  try {
    return idKey(JSON.parse(m[1]) as string | number);
  } catch {
    return undefined; // `{"id":"\q"…`: shaped like an id, not JSON
  }
}

/**
 * The id key of one complete output line, or undefined when it is not an output line.
 * @example
 * outputId('{"id":"a1","error":"empty line"}'); // '"a1"'
 */
export function outputId(line: string): string | undefined {
  if (line.endsWith('}')) {
    const id = idOfHead(line);
    if (id !== undefined) return id;
  }
  try {
    const obj = JSON.parse(line) as unknown;
    if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
      const id = (obj as { id?: unknown }).id;
      if (typeof id === 'string' || typeof id === 'number') return idKey(id);
    }
  } catch {
    // not JSON
  }
  return undefined;
}
