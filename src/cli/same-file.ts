import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * True when two paths name one file: the same path once resolved, or (both existing) the same
 * device and inode, so that a link or another spelling of an input is caught too. An output that
 * is also an input would be truncated before the input is read.
 * @example
 * sameFile('a.txt', './a.txt'); // true
 */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
