import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { DECODE_LIMIT, MAX_STRING_LENGTH } from './limits.js';

/**
 * Reads one file whole as UTF-8, as readFileSync(name, 'utf8') does (stdin: readStdin), but stops
 * after `maxBytes`: past that many bytes Node cannot decode it into one string anyway, and an
 * input with no end (`/dev/zero`, an endless pipe) grew readFileSync's buffer until the process
 * was killed (16.8 GB after 66 s). Throws an error with code ERR_STRING_TOO_LONG then, at once for
 * a regular file whose size says so.
 * @example
 * const text = readInput('article.txt');
 */
export function readInput(name: string, maxBytes = MAX_STRING_LENGTH): string {
  const fd = openSync(name, 'r');
  try {
    return new Reading(fstatSync(fd), maxBytes).fillFrom(fd).text();
  } finally {
    closeSync(fd);
  }
}

/**
 * readInput for stdin, which also waits for a stdin left non-blocking by whoever handed it over (a shell
 * job before us, a parent sharing its pipe): there a read finds no data yet and fails with EAGAIN,
 * as readFileSync(0) does, and the command ended with "cannot read -: EAGAIN". The rest is then
 * read through process.stdin, whose libuv handle waits for data; the same limit holds.
 * @example
 * const text = await readStdin();
 */
export async function readStdin(maxBytes = MAX_STRING_LENGTH): Promise<string> {
  const into = new Reading(fstatSync(0), maxBytes);
  try {
    return into.fillFrom(0).text();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
  }
  for await (const chunk of process.stdin) into.append(chunk as Buffer);
  return into.text();
}

/**
 * readInput for a file, without blocking the event loop (as fs.promises.readFile, with the same
 * limit): `rutext batch DIR` reads its files so.
 * @example
 * const text = await readInputFile('texts/a.txt');
 */
export async function readInputFile(path: string, maxBytes = MAX_STRING_LENGTH): Promise<string> {
  const file = await open(path, 'r');
  try {
    const into = new Reading(await file.stat(), maxBytes);
    while (into.took((await file.read(into.buffer, into.used, into.room, null)).bytesRead));
    return into.text();
  } finally {
    await file.close();
  }
}

/** The bytes read so far of one input, in buffers; refuses to hold more than maxBytes. */
class Reading {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  buffer: Buffer;
  used = 0;

  constructor(st: Stats, private readonly maxBytes: number) {
    if (st.isFile() && st.size > maxBytes) throw tooLarge(maxBytes);
    // A regular file's size, when it has one, is read in one go (one byte more shows its end);
    // others (pipes, devices, files of /proc) by 1 MB.
    this.buffer = Buffer.allocUnsafe(st.isFile() && st.size > 0 ? st.size + 1 : 1 << 20);
  }

  get room(): number {
    return this.buffer.length - this.used;
  }

  /** Counts n bytes just read into buffer; false at the end of the input (n = 0). */
  took(n: number): boolean {
    if (n === 0) return false;
    this.used += n;
    this.total += n;
    if (this.total > this.maxBytes) throw tooLarge(this.maxBytes);
    if (this.used === this.buffer.length) {
      this.chunks.push(this.buffer);
      this.buffer = Buffer.allocUnsafe(1 << 20);
      this.used = 0;
    }
    return true;
  }

  /** Reads fd synchronously to its end. */
  fillFrom(fd: number): this {
    while (this.took(readSync(fd, this.buffer, this.used, this.room, null)));
    return this;
  }

  /** Counts a chunk a stream read (kept, not copied). */
  append(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.total > this.maxBytes) throw tooLarge(this.maxBytes);
    if (this.used > 0) this.chunks.push(this.buffer.subarray(0, this.used));
    this.chunks.push(chunk);
    this.buffer = NO_BYTES;
    this.used = 0;
  }

  text(): string {
    this.chunks.push(this.buffer.subarray(0, this.used));
    return (this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.total)).toString('utf8');
  }
}

const NO_BYTES = Buffer.alloc(0);

function tooLarge(maxBytes: number): Error {
  return Object.assign(new Error(`larger than ${maxBytes} bytes`), { code: 'ERR_STRING_TOO_LONG' });
}

/**
 * Why an input could not be read, for a message: its error code, with what to do when too large.
 * @example
 * readError(Object.assign(new Error(), { code: 'ENOENT' })); // 'ENOENT'
 */
export function readError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ERR_STRING_TOO_LONG') {
    return `${code} (larger than ${DECODE_LIMIT}: split it into articles)`;
  }
  return code ?? String(err);
}
