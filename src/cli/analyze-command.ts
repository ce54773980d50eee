import { readFileSync, writeFileSync } from 'node:fs';
import { createAnalyzer } from '../analyze.js';
import { choiceOption, formatOptions, parseArgs, UsageError, type OptionSpec } from './args.js';
import { optionsFor, parseFields, selectFields } from './fields.js';
import { csvHeader, csvRows, type CsvTable } from './format-csv.js';
import { renderHtml } from './format-html.js';
import { formatText } from './format-text.js';

export const ANALYZE_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: 'FMT', help: 'json (default): one Analysis per file, one per line;\ntext: a short summary for people; csv: a table (see --csv);\nhtml: one self-contained page (one input only)' },
  { name: 'pretty', help: 'indent the JSON' },
  { name: 'tokens', help: 'include the token layer (stem, lemma, pos, tags)' },
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

Exit code: 0 done, 1 a file could not be read (the others are still analysed), 2 usage error.

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

/** Reads one input: a file, or stdin for '-'. */
function readInput(name: string): string {
  return readFileSync(name === '-' ? 0 : name, 'utf8');
}

/**
 * `rutext analyze`: analyses each file and writes JSON, a text summary, CSV or an HTML page.
 * @example
 * await analyzeCommand(['fixtures/article.txt', '--format', 'text']); // prints the summary, returns 0
 */
export async function analyzeCommand(argv: string[], command: 'analyze' | 'view' = 'analyze'): Promise<number> {
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
  const fields = typeof fieldsOpt === 'string' ? parseFields(fieldsOpt, command) : null;
  const inputs = args.positionals.length > 0 ? args.positionals : ['-'];
  if (format === 'html' && inputs.length !== 1) throw new UsageError('--format html makes one page: give one FILE', command);
  if (inputs.filter((f) => f === '-').length > 1) throw new UsageError('stdin ("-") can be read only once', command);

  const analyzer = createAnalyzer();
  const tokens = args.options.has('tokens') || (fields?.includes('tokens') ?? false);
  const pretty = args.options.has('pretty');
  const chunks: string[] = [];
  if (format === 'csv') chunks.push((args.options.has('bom') ? '\uFEFF' : '') + csvHeader(table, inputs.length > 1));
  let failed = 0;
  for (const name of inputs) {
    let text: string;
    try {
      text = readInput(name);
    } catch (err) {
      process.stderr.write(`rutext ${command}: cannot read ${name}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      failed++;
      continue;
    }
    const a = analyzer.analyze(text, optionsFor(tokens, fields));
    const label = name === '-' ? 'stdin' : name;
    if (format === 'json') chunks.push(JSON.stringify(selectFields(a, fields), null, pretty ? 2 : undefined) + '\n');
    else if (format === 'text') chunks.push((chunks.length > 0 ? '\n' : '') + formatText(a, label));
    else if (format === 'csv') chunks.push(...csvRows(a, table, inputs.length > 1 ? label : undefined));
    else chunks.push(renderHtml(text, a, label));
  }
  const output = args.options.get('output');
  if (typeof output === 'string') writeFileSync(output, chunks.join(''));
  else process.stdout.write(chunks.join(''));
  return failed > 0 ? 1 : 0;
}
