import { fstatSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';

/**
 * True when two paths name one regular file: the same path once resolved, or (both existing) the
 * same device and inode, so that a link or another spelling of an input is caught too. An output
 * that is also an input would be emptied before the input is read. Devices and pipes are never
 * "the same file" here (`rutext analyze /dev/null -o /dev/null` is harmless).
 * @example
 * sameFile('a.txt', './a.txt'); // true
 */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if ((sa !== null && !sa.isFile()) || (sb !== null && !sb.isFile())) return false;
  if (resolve(a) === resolve(b)) return true;
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
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
