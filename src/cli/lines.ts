/** One input line: its text (without the line break), its 1-based number, its size in bytes with the break. */
export interface Line {
  /** The line's text; '' when it is too long (see tooLong). */
  text: string;
  lineNo: number;
  bytes: number;
  /** False for a last line with no line break. */
  ended: boolean;
  /** The line has more bytes than readLines' limit: its text was skipped, not kept. */
  tooLong: boolean;
}

/**
 * The longest line readLines keeps by default: V8's longest string, 2^29 − 24 UTF-16 units. UTF-8
 * never takes fewer bytes than UTF-16 units, so a line within it always decodes.
 */
export const MAX_LINE_BYTES = (1 << 29) - 24;

/**
 * Splits a byte stream into lines ('\n', with an optional '\r' before it), pulling a chunk only when
 * the consumer asks for the next line. So a slow consumer holds back reading (backpressure) and
 * memory is the current chunk plus one line, whatever the file's size. (readline's async iterator
 * reads ahead and queues lines; this does not.) A last line without a break still counts; a final
 * break does not start an empty line, so the line count equals `wc -l` for well-formed files.
 * A line longer than `maxBytes` (a whole JSON array on one line, a file that is not text) is
 * counted but not kept: it comes with `tooLong` and no text, and memory stays bounded.
 * @example
 * for await (const { text, lineNo } of readLines(createReadStream('in.jsonl'))) console.log(lineNo, text);
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  /** Bytes in parts; or, once over maxBytes, of the line being skipped. */
  let held = 0;
  let skipping = false;
  let lineNo = 0;
  const emit = (buf: Buffer): Line => {
    let end = buf.length;
    if (end > 0 && buf[end - 1] === 0x0d) end--;
    let start = 0;
    // A UTF-8 byte-order mark before the first line is not part of the data.
    if (lineNo === 0 && end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    return { text: buf.toString('utf8', start, end), lineNo: ++lineNo, bytes: buf.length + 1, ended: true, tooLong: false };
  };
  const skipped = (bytes: number): Line => ({ text: '', lineNo: ++lineNo, bytes: bytes + 1, ended: true, tooLong: true });
  /** Adds a piece of the current line; past maxBytes the line is dropped and only counted. */
  const hold = (piece: Buffer): void => {
    held += piece.length;
    if (skipping) return;
    if (held > maxBytes) {
      skipping = true;
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
      // (A '\r' before the break counts towards the limit: a line one byte short of it is dropped.)
      const line = skipping ? skipped(held) : emit(Buffer.concat(parts));
      parts = [];
      held = 0;
      skipping = false;
      yield line;
    }
    if (from < buf.length) hold(buf.subarray(from));
  }
  if (held > 0) {
    const last = skipping ? skipped(held) : emit(Buffer.concat(parts));
    yield { ...last, bytes: last.bytes - 1, ended: false };
  }
}
