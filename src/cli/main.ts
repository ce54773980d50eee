import { readFileSync } from 'node:fs';
import { formatOptions, UsageError } from './args.js';
import { analyzeCommand } from './analyze-command.js';
import { batchCommand } from './batch-command.js';
import { visible } from './visible.js';

const USAGE = `usage: rutext <command> [options]

Russian news articles to structured data: quotes and their speakers, entities in the
nominative, themes.

commands:
  analyze [FILE…]       analyse articles (stdin when none); JSON, text, CSV or HTML
  view FILE             one self-contained HTML page for an article (analyze --format html)
  batch [FILE|DIR|-]    analyse JSON lines or a folder of .txt files in worker threads,
                        in order, with progress and --resume

options:
${formatOptions([
  { name: 'help', short: 'h', help: 'show this help; "rutext COMMAND --help" shows a command\'s options' },
  { name: 'version', short: 'v', help: 'print the version' },
])}

Exit codes: 0 success, 1 some documents failed, 2 usage or I/O error.
Run "rutext COMMAND --help" for each command's options.
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** For bin/rutext.js, which prints the errors main() does not handle: their messages name files too. */
export { visible };

/**
 * The command line. Returns the exit code: 0 success, 1 some documents failed, 2 usage or I/O
 * error (and a broken installation, DataFileError), 130 a `batch` stopped by Ctrl-C (rerun with
 * `--resume`). Errors it does not handle reject, for bin/rutext.js to print.
 * @example
 * process.exitCode = await main(['analyze', 'article.txt', '--format', 'text']);
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // A closed stdout (`rutext batch … | head`) ends the run quietly, as for any Unix filter; any
  // other failure to write it (a full disk) ends it as an I/O error, said in one line.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`rutext: cannot write to stdout: ${err.message}\n`);
    process.exit(2);
  });
  try {
    switch (command) {
      case 'analyze':
        return await analyzeCommand(rest, 'analyze');
      case 'view':
        return await analyzeCommand(rest, 'view');
      case 'batch':
        return await batchCommand(rest);
      case undefined:
        process.stderr.write(USAGE);
        return 2;
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      case '-v':
      case '--version':
        process.stdout.write(version() + '\n');
        return 0;
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command ${command}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      const cmd = err.command ? ` ${err.command}` : '';
      process.stderr.write(`rutext${cmd}: ${visible(err.message, { oneLine: true })}\nRun "rutext${cmd} --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
}
