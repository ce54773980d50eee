import { fstatSync, statSync } from 'node:fs';
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

/**
 * True when stdin is the file at `path` (`rutext analyze - -o a.txt < a.txt`): opening the output
 * would truncate it before stdin is read. False when stdin is a pipe, a terminal or closed.
 * @example
 * if (stdinIs('out.json')) throw new Error('--output must not be the input');
 */
export function stdinIs(path: string): boolean {
  try {
    const si = fstatSync(0);
    if (!si.isFile()) return false;
    const so = statSync(path);
    return si.dev === so.dev && si.ino === so.ino;
  } catch {
    return false;
  }
}
