/** One input line: its text (without the line break), its 1-based number, its size in bytes with the break. */
export interface Line { text: string; lineNo: number; bytes: number; /** False for a last line with no line break. */ ended: boolean }

/**
 * Splits a byte stream into lines ('\n', with an optional '\r' before it), pulling a chunk only when
 * the consumer asks for the next line. So a slow consumer holds back reading (backpressure) and
 * memory is the current chunk plus one line, whatever the file's size. (readline's async iterator
 * reads ahead and queues lines; this does not.) A last line without a break still counts; a final
 * break does not start an empty line, so the line count equals `wc -l` for well-formed files.
 * @example
 * for await (const { text, lineNo } of readLines(createReadStream('in.jsonl'))) console.log(lineNo, text);
 */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let lineNo = 0;
  const emit = (buf: Buffer): Line => {
    let end = buf.length;
    if (end > 0 && buf[end - 1] === 0x0d) end--;
    let start = 0;
    // A UTF-8 byte-order mark before the first line is not part of the data.
    if (lineNo === 0 && end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    return { text: buf.toString('utf8', start, end), lineNo: ++lineNo, bytes: buf.length + 1, ended: true };
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl >= 0; nl = buf.indexOf(0x0a, from)) {
      const piece = buf.subarray(from, nl);
      let line: Buffer;
      if (parts.length > 0) {
        parts.push(piece);
        line = Buffer.concat(parts);
        parts = [];
      } else {
        line = piece;
      }
      from = nl + 1;
      yield emit(line);
    }
    if (from < buf.length) parts.push(buf.subarray(from));
  }
  if (parts.length > 0) {
    const last = emit(Buffer.concat(parts));
    yield { ...last, bytes: last.bytes - 1, ended: false };
  }
}
