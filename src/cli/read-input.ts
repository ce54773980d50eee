import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_STRING_LENGTH } from './limits.js';

/**
 * Reads one input whole as UTF-8, as readFileSync(name, 'utf8') does ('-' is stdin), but stops
 * after `maxBytes`: past that many bytes Node cannot decode it into one string anyway, and an
 * input with no end (`/dev/zero`, an endless pipe) grew readFileSync's buffer until the process
 * was killed (16.8 GB after 66 s). Throws an error with code ERR_STRING_TOO_LONG then, at once for
 * a regular file whose size says so.
 * @example
 * const text = readInput('article.txt');
 */
export function readInput(name: string, maxBytes = MAX_STRING_LENGTH): string {
  const fd = name === '-' ? 0 : openSync(name, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isFile() && st.size > maxBytes) throw tooLarge(maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file's size, when it has one, is read in one go; others (pipes, devices) by 1 MB.
    let chunk = Buffer.allocUnsafe(st.isFile() && st.size > 0 ? Math.min(st.size + 1, maxBytes + 1) : 1 << 20);
    let used = 0;
    for (;;) {
      const n = readSync(fd, chunk, used, chunk.length - used, null);
      if (n === 0) break;
      used += n;
      total += n;
      if (total > maxBytes) throw tooLarge(maxBytes);
      if (used === chunk.length) {
        chunks.push(chunk);
        chunk = Buffer.allocUnsafe(1 << 20);
        used = 0;
      }
    }
    chunks.push(chunk.subarray(0, used));
    return (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)).toString('utf8');
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function tooLarge(maxBytes: number): Error {
  return Object.assign(new Error(`larger than ${maxBytes} bytes`), { code: 'ERR_STRING_TOO_LONG' });
}
