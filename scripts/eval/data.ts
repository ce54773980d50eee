import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The shared data folder: $RUTEXT_DATA, else ../shared/data beside the checkout. */
export function dataDir(): string {
  const dir = process.env.RUTEXT_DATA ?? resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/data');
  if (!existsSync(dir)) throw new Error(`rutext eval: no data folder at ${dir} (set RUTEXT_DATA)`);
  return dir;
}

/** Formats a number as .xxx for the tables. */
export function f3(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3).replace(/^0/, '') : 'n/a';
}

/** A markdown table from a header row and body rows. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (r: Array<string | number>) => `| ${r.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
