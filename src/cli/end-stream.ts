import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Ends a file stream and waits until its data is written: resolves to the error that stopped it
 * (a full disk), or null. The error of a write that fails at the very end reaches neither a
 * pending write nor, in time, an 'error' listener: only waiting for the stream to finish sees it.
 * @example
 * const err = await endStream(out); if (err) throw err;
 */
export async function endStream(out: Writable): Promise<Error | null> {
  // Destroyed with no error (only this process destroys its streams): nothing failed to be written.
  if (out.destroyed) return out.errored ?? null;
  out.end();
  try {
    await finished(out);
    return null;
  } catch (err) {
    return err as Error;
  }
}
