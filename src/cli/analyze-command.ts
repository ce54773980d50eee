import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createAnalyzer, type Analyzer } from '../analyze.js';
import { passDataFileError } from '../data-file.js';
import { choiceOption, formatOptions, parseArgs, UsageError, type OptionSpec } from './args.js';
import { keptFields, optionsFor, parseFields, selectFields } from './fields.js';
import { csvHeader, csvRows, type CsvTable } from './format-csv.js';
import { renderHtml } from './format-html.js';
import { formatText } from './format-text.js';
import { jsonChunks } from './json-chunks.js';
import { readError, readInput, readStdin } from './read-input.js';
import { TOO_LONG_ADVICE, tooLongError } from './limits.js';
import { sameFile, stdinIs } from './same-file.js';
import { endStream } from './end-stream.js';
import { visible } from './visible.js';

export const ANALYZE_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: 'FMT', help: 'json (default): one Analysis per file, one per line;\ntext: a short summary for people; csv: a table (see --csv);\nhtml: one self-contained page (one input only)' },
  { name: 'pretty', help: 'JSON: indent it' },
  { name: 'tokens', help: 'JSON: include the token layer (stem, lemma, pos, tags)' },
  { name: 'fields', value: 'LIST', help: 'JSON: keep only these layers (comma-separated): language, body,\nboilerplate, paragraphs, sentences, tokens, entities, quotes, speakers, themes;\nthe stages no kept layer needs are skipped' },
  { name: 'csv', value: 'TABLE', help: 'CSV rows: quotes (default: id, speaker, kind, text) or entities\n(id, type, name, roles, mentions, inBody, salience); with several\nfiles a first column "file"' },
  { name: 'bom', help: 'CSV: start with a UTF-8 byte-order mark (Excel needs it for Cyrillic)' },
  { name: 'output', short: 'o', value: 'FILE', help: 'write to FILE instead of stdout' },
  { name: 'help', short: 'h', help: 'show this help' },
];

const ANALYZE_USAGE = `usage: rutext analyze [FILE…] [options]

Analyses each FILE (stdin when none, or "-") as one article and prints the result: by default
one Analysis as JSON per file (schema version 1: language, body, boilerplate, paragraphs,
sentences, entities, quotes, speakers, themes), one per line in argument order.

Exit code: 0 done, 1 a file could not be read, or its analysis made or written (the others
are still analysed), 2 usage or I/O error.

options:
${'\0'}

examples:
  rutext analyze article.txt --pretty
  rutext analyze article.txt --format text
  rutext analyze *.txt --format csv --bom > quotes.csv
  rutext analyze article.txt --format html -o article.html
  cat article.txt | rutext analyze --fields quotes,speakers
`;

export const VIEW_OPTIONS: OptionSpec[] = [
  { name: 'output', short: 'o', value: 'FILE', help: 'write the page to FILE instead of stdout' },
  { name: 'help', short: 'h', help: 'show this help' },
];

const VIEW_USAGE = `usage: rutext view FILE [-o out.html]

Writes one self-contained HTML page for the article in FILE ("-" for stdin): the text with entity
mentions (person, place, organisation), direct and indirect quotes, their cues and speakers
highlighted, the boilerplate greyed out; the speakers with their quotes; entities; themes. No
scripts and no external resources. The same as: rutext analyze FILE --format html

options:
${'\0'}

example:
  rutext view article.txt -o article.html
`;

/**
 * The texts of `rutext analyze --help` and `rutext view --help`.
 * @example
 * process.stdout.write(analyzeHelp());
 */
export const analyzeHelp = (): string => ANALYZE_USAGE.replace('\0', formatOptions(ANALYZE_OPTIONS));
export const viewHelp = (): string => VIEW_USAGE.replace('\0', formatOptions(VIEW_OPTIONS));

/** Why an analysis could not be made or written: the message, with what to do when too long. */
function analysisError(err: unknown, json: boolean): string {
  const message = err instanceof Error ? err.message : String(err);
  // --fields and --tokens are JSON options: for the other formats, splitting is the way.
  return tooLongError(err) ? `${message} (longer than one string can hold: ${json ? TOO_LONG_ADVICE : 'split the text'})` : message;
}

/** One analysis as a JSON line (or an indented document), in pieces of about 1 M characters. */
function* jsonLine(value: unknown, pretty: boolean): Generator<string> {
  yield* jsonChunks(value, pretty ? 2 : 0);
  yield '\n';
}

/**
 * Opens the -o file before any work, so that a path that cannot be written is a usage error at
 * once instead of after the analyses. Later write errors (a full disk) end the run.
 */
async function openOutput(path: string, command: string): Promise<WriteStream> {
  const out = createWriteStream(path);
  try {
    await once(out, 'open');
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, command);
  }
  return out;
}

/**
 * `rutext analyze`: analyses each file and writes JSON, a text summary, CSV or an HTML page.
 * @example
 * await analyzeCommand(['fixtures/article.txt', '--format', 'text']); // prints the summary, returns 0
 * @param analyzer the analyzer to use (tests pass their own); a fresh one by default
 */
export async function analyzeCommand(argv: string[], command: 'analyze' | 'view' = 'analyze', analyzer?: Analyzer): Promise<number> {
  const args = parseArgs(argv, command === 'view' ? VIEW_OPTIONS : ANALYZE_OPTIONS, command);
  if (args.options.has('help')) {
    process.stdout.write(command === 'view' ? viewHelp() : analyzeHelp());
    return 0;
  }
  const format = command === 'view' ? 'html' : choiceOption(args, 'format', ['json', 'text', 'csv', 'html'] as const, 'json', command);
  if (command === 'view' && args.positionals.length !== 1) throw new UsageError('view takes exactly one FILE', command);
  const table = choiceOption<CsvTable>(args, 'csv', ['quotes', 'entities'], 'quotes', command);
  if (args.options.has('csv') && format !== 'csv') throw new UsageError('--csv needs --format csv', command);
  if (args.options.has('bom') && format !== 'csv') throw new UsageError('--bom needs --format csv', command);
  const fieldsOpt = args.options.get('fields');
  if (fieldsOpt !== undefined && format !== 'json') throw new UsageError('--fields applies to --format json only', command);
  // The other formats print no tokens and are not JSON: said at once rather than ignored.
  for (const o of ['pretty', 'tokens']) if (args.options.has(o) && format !== 'json') throw new UsageError(`--${o} applies to --format json only`, command);
  const fields = keptFields(typeof fieldsOpt === 'string' ? parseFields(fieldsOpt, command) : null, args.options.has('tokens'));
  const inputs = args.positionals.length > 0 ? args.positionals : ['-'];
  if (format === 'html' && inputs.length !== 1) throw new UsageError('--format html makes one page: give one FILE', command);
  if (inputs.filter((f) => f === '-').length > 1) throw new UsageError('stdin ("-") can be read only once', command);

  const output = args.options.get('output');
  if (typeof output === 'string') {
    const input = inputs.find((f) => (f === '-' ? stdinIs(output) : sameFile(f, output)));
    if (input !== undefined) throw new UsageError(`--output must not be an input file (${input === '-' ? 'stdin reads it' : input})`, command);
  }
  analyzer ??= createAnalyzer();
  const tokens = args.options.has('tokens') || (fields?.includes('tokens') ?? false);
  const pretty = args.options.has('pretty');

  // -o is opened (and emptied) before the work, so that a path that cannot be written fails at once.
  const file = typeof output === 'string' ? await openOutput(output, command) : null;
  const out = file ?? process.stdout;
  let writeError: Error | null = null;
  const onError = (err: Error): void => { writeError ??= err; };
  out.on('error', onError);
  const put = (s: string): Promise<void> | undefined => {
    if (writeError !== null) throw writeError;
    return out.write(s) ? undefined : once(out, 'drain').then(() => undefined);
  };
  let failed = 0;
  let written = 0;
  try {
    if (format === 'csv') await put((args.options.has('bom') ? '\uFEFF' : '') + csvHeader(table, inputs.length > 1));
    for (const name of inputs) {
      // A write that failed is noticed before the next analysis, which may take minutes.
      if (writeError !== null) throw writeError;
      let text: string;
      try {
        text = name === '-' ? await readStdin() : readInput(name);
      } catch (err) {
        process.stderr.write(`rutext ${command}: cannot read ${visible(name, { oneLine: true })}: ${readError(err)}\n`);
        failed++;
        continue;
      }
      const label = name === '-' ? 'stdin' : name;
      // Each input's output is written as soon as it is made, so a long run shows its results as
      // it goes and holds one analysis at a time; one that cannot be made is reported and skipped.
      let pieces: Iterator<string>;
      try {
        const a = analyzer.analyze(text, optionsFor(tokens, fields));
        if (format === 'json') pieces = jsonLine(selectFields(a, fields), pretty);
        else if (format === 'text') pieces = [(written > 0 ? '\n' : '') + formatText(a, label)].values();
        else if (format === 'csv') pieces = csvRows(a, table, inputs.length > 1 ? label : undefined).values();
        else pieces = [renderHtml(text, a, label)].values();
      } catch (err) {
        // A broken installation fails every input alike: it ends the run (exit status 2).
        passDataFileError(err);
        process.stderr.write(`rutext ${command}: cannot analyse ${visible(label, { oneLine: true })}: ${analysisError(err, format === 'json')}\n`);
        failed++;
        continue;
      }
      // JSON is made as it is written, so making it can fail after its first piece went out: that
      // document's line is then cut short, and ended, so that the next document starts a line of
      // its own. Failing to write (put) is not the document's fault and ends the run.
      let started = false;
      for (;;) {
        let next: IteratorResult<string>;
        try {
          next = pieces.next();
        } catch (err) {
          if (started) await put('\n');
          process.stderr.write(`rutext ${command}: cannot write the analysis of ${visible(label, { oneLine: true })}${started ? ' (its line is cut short)' : ''}: ${analysisError(err, format === 'json')}\n`);
          failed++;
          break;
        }
        if (next.done === true) {
          written++;
          // A file write fails on a later turn of the event loop, which the synchronous analysis
          // of the next input would not give it: wait until this document is written, so that a
          // full disk stops the run here rather than after all the remaining work.
          if (file !== null && writeError === null) {
            await new Promise<void>((resolve) => file.write('', (err?: Error | null) => { writeError ??= err ?? null; resolve(); }));
          }
          break;
        }
        started = true;
        await put(next.value);
      }
    }
  } finally {
    // The listener stays on a file stream of this call (an 'error' can follow end's callback, and
    // with no listener would crash the process); stdout lives on, and must not gather one per call.
    if (file !== null) writeError ??= await endStream(file);
    else out.off('error', onError);
  }
  if (writeError !== null) throw writeError;
  return failed > 0 ? 1 : 0;
}
