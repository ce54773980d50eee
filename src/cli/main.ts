import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../analyze.js';

/** Command-line entry (placeholder: `rutext analyze FILE`). Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'analyze') {
    process.stderr.write('usage: rutext analyze [FILE…] [--pretty] [--tokens]\n');
    return 2;
  }
  const pretty = rest.includes('--pretty');
  const files = rest.filter((a) => !a.startsWith('--'));
  const text = files.length > 0 ? readFileSync(files[0], 'utf8') : readFileSync(0, 'utf8');
  const a = createAnalyzer().analyze(text, { tokens: rest.includes('--tokens') });
  process.stdout.write(JSON.stringify(a, null, pretty ? 2 : 0) + '\n');
  return 0;
}
