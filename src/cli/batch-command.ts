import { createReadStream, createWriteStream, existsSync, fstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { formatOptions, intOption, parseArgs, UsageError, type OptionSpec } from './args.js';
import { keptFields, parseFields } from './fields.js';
import { errorLine, idKey, lineId, type DocId, type Job, type JobOptions, type JobResult } from './job.js';
import { DECODE_LIMIT, MAX_STRING_LENGTH } from './limits.js';
import { readLines } from './lines.js';
import { inProcessRunner, workerPool, type Runner } from './pool.js';
import { useLowMemory } from './heap.js';
import { startProgress, type ProgressState } from './progress.js';
import { scanOutput } from './resume.js';
import { readError, readInputFile } from './read-input.js';
import { endStream } from './end-stream.js';
import { sameFile, stdinIs } from './same-file.js';
import { visible } from './visible.js';

export const BATCH_OPTIONS: OptionSpec[] = [
  { name: 'workers', short: 'w', value: 'N', help: 'analyse in N worker threads (default: the number of cores);\n0 analyses in the main thread' },
  { name: 'output', short: 'o', value: 'FILE', help: 'write the JSON lines to FILE instead of stdout' },
  { name: 'resume', help: 'continue an interrupted run: keep FILE (--output), skip the ids already\nin it, append the rest (a torn last line is cut off and redone)' },
  { name: 'fields', value: 'LIST', help: 'keep only these layers (comma-separated): language, body, boilerplate,\nparagraphs, sentences, tokens, entities, quotes, speakers, themes; the stages\nno kept layer needs are skipped' },
  { name: 'tokens', help: 'include the token layer (stem, lemma, pos, tags)' },
  { name: 'text-field', value: 'NAME', help: 'read the text from this field of each input line (default: text)' },
  { name: 'id-field', value: 'NAME', help: 'read the id from this field of each input line (default: id)' },
  { name: 'quiet', short: 'q', help: 'no progress or summary on stderr' },
  { name: 'low-memory', help: 'let V8 collect garbage sooner: a lower, steadier peak memory for\nmore CPU (11–26 % more where measured)' },
  { name: 'help', short: 'h', help: 'show this help' },
];

export const BATCH_USAGE = `usage: rutext batch [FILE|DIR|-] [options]

Analyses many articles. Input: JSON lines {"id", "text", …} from FILE or stdin ("-" or nothing),
or a folder DIR of .txt files (recursively, in name order; id = the path under DIR). Output: one
JSON line per input line, in input order: {"id", …other input fields, …Analysis} or, for a line
that is not valid JSON, not an object, has no text, a text that is not a string, or whose analysis
failed, {"id", "error"}. A line without an id gets its line number as id. Blank lines are input
lines too: each yields {"id": <line number>, "error": "empty line"}, so output line N always
answers input line N.

Progress goes to stderr: a bar (documents, docs/s, ETA when the input size is known) on a
terminal, a plain line every 10 s otherwise, and a summary at the end.

Exit code: 0 all documents analysed, 1 some yielded an error line, 2 usage or I/O error,
130 interrupted (Ctrl-C: the documents in flight are finished and written first).

options:
${'\0'}

examples:
  rutext batch articles.jsonl -o out.jsonl
  rutext batch articles.jsonl -o out.jsonl --resume      # after a crash or Ctrl-C
  rutext batch texts/ --fields quotes,speakers > quotes.jsonl
  cat articles.jsonl | rutext batch --workers 4 --quiet > out.jsonl
`;

const MAX_IN_FLIGHT_BYTES = 64 << 20;

/** What the batch loop reads next: a job, a file to read, or a result already known (a line too long to keep). */
interface Item {
  id: () => DocId;
  units: number;
  job?: Job;
  /** A folder's file, read only when dispatched so memory holds the files in flight only. */
  load?: () => Promise<string>;
  /** The output line, known without analysis (a line too long to keep). */
  result?: JobResult;
}

async function* lineItems(path: string | null, o: JobOptions): AsyncGenerator<Item> {
  const input = path === null ? process.stdin : createReadStream(path, { highWaterMark: 1 << 16 });
  for await (const l of readLines(input)) {
    if (l.tooLong) {
      // Not kept, so not parsed: its id is its line number, as for any line whose id cannot be read.
      const result = errorLine(l.lineNo, `line longer than ${DECODE_LIMIT} (input must be one JSON object per line; split long texts)`);
      yield { id: () => l.lineNo, units: l.bytes, result };
      continue;
    }
    yield { id: () => lineId(l.text, l.lineNo, o.idField), units: l.bytes, job: { line: l.text, lineNo: l.lineNo } };
  }
}

function listTxt(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

async function* folderItems(files: string[], dir: string): AsyncGenerator<Item> {
  for (const f of files) {
    const id = relative(dir, f).split(sep).join('/');
    yield { id: () => id, units: 1, load: () => readInputFile(f) };
  }
}

/** A promise that the next `notify` resolves: the batch loop sleeps on it until a result or a drain. */
class Signal {
  private waiters: Array<() => void> = [];
  wait(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }
  notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

/**
 * `rutext batch`: streams documents through a pool of analyzers and writes one output line per
 * input, in input order (a reorder buffer holds results that finish early; at most `cap` documents
 * are read but not yet written, so memory stays bounded whatever the input size).
 * @example
 * await batchCommand(['in.jsonl', '-o', 'out.jsonl', '--workers', '2']); // 0, 1 or 2
 */
export async function batchCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, BATCH_OPTIONS, 'batch');
  if (args.options.has('help')) {
    process.stdout.write(batchHelp());
    return 0;
  }
  if (args.positionals.length > 1) throw new UsageError(`batch takes one input (FILE, DIR or -), got ${args.positionals.length}`, 'batch');
  const input = args.positionals[0] ?? '-';
  const workers = intOption(args, 'workers', availableParallelism(), 0, 'batch');
  const output = args.options.get('output');
  if (output === true) throw new UsageError('--output needs a file', 'batch');
  const resume = args.options.has('resume');
  if (resume && output === undefined) throw new UsageError('--resume needs --output FILE (the file to continue)', 'batch');
  const fieldsOpt = args.options.get('fields');
  const fields = keptFields(typeof fieldsOpt === 'string' ? parseFields(fieldsOpt, 'batch') : null, args.options.has('tokens'));
  const str = (name: string, fallback: string): string => {
    const v = args.options.get(name);
    if (v === '') throw new UsageError(`--${name} must not be empty`, 'batch');
    return typeof v === 'string' ? v : fallback;
  };
  const o: JobOptions = {
    tokens: args.options.has('tokens') || (fields?.includes('tokens') ?? false),
    fields,
    textField: str('text-field', 'text'),
    idField: str('id-field', 'id'),
  };

  let stat: Stats | null = null;
  if (input !== '-') {
    try {
      stat = statSync(input);
    } catch (err) {
      throw new UsageError(`cannot read ${input}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'batch');
    }
    if (output !== undefined && sameFile(input, output as string)) throw new UsageError('--output must not be the input file', 'batch');
  } else if (typeof output === 'string' && stdinIs(output)) {
    throw new UsageError('--output must not be the input file (stdin reads it)', 'batch');
  }

  const state: ProgressState = { done: 0, failed: 0, skipped: 0, unitsDone: 0, unitsSkipped: 0, unitsTotal: null };
  let items: AsyncGenerator<Item>;
  if (stat?.isDirectory()) {
    const files = listTxt(input);
    state.unitsTotal = files.length;
    items = folderItems(files, input);
  } else {
    if (stat !== null) state.unitsTotal = stat.size;
    else {
      try {
        const s0 = fstatSync(0);
        if (s0.isFile()) state.unitsTotal = s0.size;
      } catch {
        // stdin closed: unknown size
      }
    }
    items = lineItems(stat === null ? null : input, o);
  }

  // Ids already in the output, counted (the input may repeat an id); consumed as lines are skipped.
  let done = new Map<string, number>();
  let toSkip = 0;
  if (resume) {
    const r = await scanOutput(output as string);
    done = r.done;
    toSkip = r.lines;
    if (r.truncatedBytes > 0 && !args.options.has('quiet')) {
      process.stderr.write(`rutext batch: cut a torn last line (${r.truncatedBytes} bytes) off ${visible(output as string, { oneLine: true })}; redoing it\n`);
    }
  }

  const signal = new Signal();
  const out: Writable = output === undefined ? process.stdout : createWriteStream(output as string, { flags: resume ? 'a' : 'w' });
  let ioError: Error | null = null;
  if (output !== undefined) out.on('error', (err) => { ioError ??= err; signal.notify(); });

  const onDrain = (): void => signal.notify();
  out.on('drain', onDrain);
  let fatal: Error | null = null;
  if (args.options.has('low-memory')) useLowMemory();
  const onFatal = (err: Error): void => { fatal ??= err; signal.notify(); };
  const runner: Runner = workers === 0 ? inProcessRunner(o, onFatal) : workerPool(workerScript(), workers, o, onFatal);
  // At most `cap` documents and about MAX_IN_FLIGHT_BYTES of input read but not yet written.
  const cap = Math.max(8, workers * 16);
  let inFlightBytes = 0;

  let interrupted = false;
  const onSigint = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nrutext batch: interrupted; finishing the documents in flight (Ctrl-C again to quit now)\n');
    signal.notify();
  };
  process.on('SIGINT', onSigint);
  if (input === '-' && process.stdin.isTTY === true && !args.options.has('quiet')) {
    process.stderr.write('rutext batch: reading JSON lines from the terminal (Ctrl-D ends the input)\n');
  }
  const progress = startProgress(state, process.stderr, { quiet: args.options.has('quiet') });

  const ready = new Map<number, { r: JobResult; units: number }>();
  let nextSeq = 0;
  let nextWrite = 0;
  const flush = (): void => {
    for (let got = ready.get(nextWrite); got !== undefined; got = ready.get(nextWrite)) {
      ready.delete(nextWrite++);
      inFlightBytes -= got.units;
      // One write with its break, unless the line is as long as a string gets (then the + would throw).
      if (got.r.out.length < MAX_STRING_LENGTH) out.write(got.r.out + '\n');
      else {
        out.write(got.r.out);
        out.write('\n');
      }
      state.done++;
      if (got.r.failed) state.failed++;
      state.unitsDone += got.units;
    }
  };
  const settle = (seq: number, units: number, r: JobResult): void => {
    ready.set(seq, { r, units });
    flush();
    signal.notify();
  };
  const stopped = (): boolean => fatal !== null || ioError !== null || interrupted;

  try {
    for await (const item of items) {
      if (toSkip > 0) {
        const key = idKey(item.id());
        const n = done.get(key) ?? 0;
        if (n > 0) {
          done.set(key, n - 1);
          toSkip--;
          state.skipped++;
          state.unitsDone += item.units;
          state.unitsSkipped += item.units;
          continue;
        }
      }
      const busy = (): boolean => nextSeq - nextWrite >= cap || !runner.hasCapacity || out.writableNeedDrain ||
        (inFlightBytes + item.units > MAX_IN_FLIGHT_BYTES && nextSeq > nextWrite);
      while (!stopped() && busy()) {
        await signal.wait();
      }
      if (stopped()) break;
      const seq = nextSeq++;
      inFlightBytes += item.units;
      const load = item.load;
      if (load !== undefined) {
        let text: string | null = null;
        try {
          text = await load();
        } catch (err) {
          settle(seq, item.units, errorLine(item.id(), `cannot read: ${readError(err)}`));
        }
        if (text !== null) void runner.run({ id: item.id() as string, text }).then((r) => settle(seq, item.units, r));
      } else if (item.job !== undefined) {
        void runner.run(item.job).then((r) => settle(seq, item.units, r));
      } else if (item.result !== undefined) {
        settle(seq, item.units, item.result);
      }
    }
    while (nextWrite < nextSeq && fatal === null && ioError === null) await signal.wait();
  } finally {
    process.off('SIGINT', onSigint);
    await runner.close();
    if (output !== undefined) ioError ??= await endStream(out);
    else out.off('drain', onDrain);
    progress.finish();
  }
  if (fatal !== null) throw fatal;
  if (ioError !== null) throw ioError;
  if (interrupted) {
    process.stderr.write(`rutext batch: stopped early; ${output !== undefined ? `rerun with --resume -o ${visible(output, { oneLine: true })} to continue` : 'rerun to continue'}\n`);
    return 130;
  }
  return state.failed > 0 ? 1 : 0;
}

/**
 * The text of `rutext batch --help`.
 * @example
 * process.stdout.write(batchHelp());
 */
export function batchHelp(): string {
  return BATCH_USAGE.replace('\0', formatOptions(BATCH_OPTIONS));
}

/**
 * The worker threads' script: the bundled one (scripts/bundle.mjs) when the build made it, which
 * each worker loads as two files instead of ~90 modules, else the compiled module beside this one.
 */
function workerScript(): URL {
  const bundled = new URL('../bundle/worker.js', import.meta.url);
  return existsSync(bundled) ? bundled : new URL('./worker.js', import.meta.url);
}
