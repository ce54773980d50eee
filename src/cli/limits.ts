import { constants } from 'node:buffer';

/**
 * V8's longest string (2^29 − 24 UTF-16 units on 64-bit builds). It bounds one output (`analyze`
 * writes JSON in pieces below it; a `batch` output line must fit in it), and Node decodes at most
 * this many *bytes* into one string, so it bounds an input file or line in bytes too.
 */
export const MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH;

/** Why an input (a file, a line) of more bytes than MAX_STRING_LENGTH cannot be read: said one way. */
export const DECODE_LIMIT = `${MAX_STRING_LENGTH} bytes, the most Node decodes into one string`;

/** What to do when an analysis is too long to write: said the same way by analyze and batch. */
export const TOO_LONG_ADVICE = 'split the text, or leave out --tokens or the layers you do not need with --fields';

/**
 * True for the error V8 throws when a string would pass MAX_STRING_LENGTH ("Invalid string
 * length"), as JSON.stringify or a concatenation does.
 * @example
 * try { JSON.stringify(huge); } catch (err) { if (tooLongError(err)) report(TOO_LONG_ADVICE); else throw err; }
 */
export function tooLongError(err: unknown): boolean {
  return err instanceof RangeError && /string length/i.test(err.message);
}
