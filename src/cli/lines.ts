import { MAX_STRING_LENGTH } from './limits.js';

/** One input line: its text (without the line break), its 1-based number, its size in bytes with the break. */
export interface Line {
  /** The line's text; when it is too long (see tooLong), only its first `headBytes` bytes. */
  text: string;
  lineNo: number;
  bytes: number;
  /** False for a last line with no line break. */
  ended: boolean;
  /** The line has more bytes than readLines' limit: the rest of it was skipped, not kept. */
  tooLong: boolean;
  /** Of a line too long to keep, its last byte before the break (and a '\r'), else -1. */
  lastByte: number;
}

/**
 * The longest line readLines keeps by default: Node decodes at most this many bytes into one string
 * (V8's longest string, 2^29 − 24 on 64-bit builds), whatever characters they hold.
 */
export const MAX_LINE_BYTES = MAX_STRING_LENGTH;

/** readLines' limits. */
export interface LineLimits {
  /** Lines with more bytes than this (line break excluded, a '\r' before it included) are not kept. */
  maxBytes?: number;
  /** Of a line that is not kept, the first this many bytes are (default 0: none). */
  headBytes?: number;
}

/**
 * Splits a byte stream into lines ('\n', with an optional '\r' before it), pulling a chunk only when
 * the consumer asks for the next line. So a slow consumer holds back reading (backpressure) and
 * memory is the current chunk plus one line, whatever the file's size. (readline's async iterator
 * reads ahead and queues lines; this does not.) A last line without a break still counts; a final
 * break does not start an empty line, so the line count equals `wc -l` for well-formed files.
 * A line longer than `maxBytes` (a whole JSON array on one line, a file that is not text) could
 * not be decoded into one string: it is counted but not kept, and comes with `tooLong` and only
 * its first `headBytes` bytes as text (a character cut there becomes U+FFFD). Memory then stays
 * at most `maxBytes` for the line.
 * @example
 * for await (const { text, lineNo } of readLines(createReadStream('in.jsonl'))) console.log(lineNo, text);
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, limits: LineLimits = {}): AsyncGenerator<Line> {
  const maxBytes = limits.maxBytes ?? MAX_LINE_BYTES;
  const headBytes = Math.min(limits.headBytes ?? 0, maxBytes);
  let parts: Buffer[] = [];
  /** Bytes of the current line so far (in parts, or, once over maxBytes, skipped). */
  let held = 0;
  /** Set once the current line is over maxBytes: its first headBytes bytes. */
  let head: Buffer | null = null;
  let b1 = -1, b2 = -1;
  let lineNo = 0;
  // A UTF-8 byte-order mark before the first line is not part of the data (nor of a first line's head).
  const bomLength = (buf: Buffer, end: number): number =>
    lineNo === 0 && end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const emit = (buf: Buffer): Line => {
    let end = buf.length;
    if (end > 0 && buf[end - 1] === 0x0d) end--;
    return { text: buf.toString('utf8', bomLength(buf, end), end), lineNo: ++lineNo, bytes: buf.length + 1, ended: true, tooLong: false, lastByte: -1 };
  };
  const skipped = (): Line => {
    const h = head as Buffer;
    return { text: h.toString('utf8', bomLength(h, h.length)), lineNo: ++lineNo, bytes: held + 1, ended: true, tooLong: true, lastByte: b1 === 0x0d ? b2 : b1 };
  };
  /** Adds a piece of the current line; past maxBytes the line is dropped (its head aside) and only counted. */
  const hold = (piece: Buffer): void => {
    held += piece.length;
    // The last two bytes so far, so that a line's last byte is known without keeping the line.
    if (piece.length >= 2) {
      b2 = piece[piece.length - 2];
      b1 = piece[piece.length - 1];
    } else if (piece.length === 1) {
      b2 = b1;
      b1 = piece[0];
    }
    if (head !== null) return;
    if (held > maxBytes) {
      parts.push(piece);
      head = firstBytes(parts, headBytes);
      parts = [];
    } else {
      parts.push(piece);
    }
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl >= 0; nl = buf.indexOf(0x0a, from)) {
      const piece = buf.subarray(from, nl);
      from = nl + 1;
      if (held === 0 && piece.length <= maxBytes) {
        yield emit(piece);
        continue;
      }
      hold(piece);
      const line = head !== null ? skipped() : emit(Buffer.concat(parts));
      parts = [];
      held = 0;
      head = null;
      b1 = b2 = -1;
      yield line;
    }
    if (from < buf.length) hold(buf.subarray(from));
  }
  if (held > 0) {
    const last = head !== null ? skipped() : emit(Buffer.concat(parts));
    yield { ...last, bytes: last.bytes - 1, ended: false };
  }
}

/** A copy of the first n bytes of the buffers, end to end (a copy, so that the rest can be freed). */
function firstBytes(buffers: Buffer[], n: number): Buffer {
  const out = Buffer.alloc(n);
  let at = 0;
  for (const b of buffers) {
    if (at >= n) break;
    at += b.copy(out, at, 0, Math.min(b.length, n - at));
  }
  return out.subarray(0, at);
}
