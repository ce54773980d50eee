/**
 * `npm run eval [-- part…]`: every quality figure of EVAL.md in one run. Each part is a module
 * beside this one exporting `default async (data: string) => string` (a markdown section).
 */
import { existsSync } from 'node:fs';
import { dataDir } from './data.js';

const PARTS = ['segment', 'morph', 'entities', 'names', 'quotes', 'themes'];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !PARTS.includes(w));
if (unknown.length > 0) {
  process.stderr.write(`eval: unknown part(s) ${unknown.join(', ')}; parts: ${PARTS.join(', ')}\n`);
  process.exit(2);
}
const data = dataDir();
for (const part of wanted.length > 0 ? wanted : PARTS) {
  const file = new URL(`./${part}.ts`, import.meta.url);
  if (!existsSync(file)) {
    process.stdout.write(`## ${part}\n\n(not built yet)\n\n`);
    continue;
  }
  const t0 = Date.now();
  const mod = (await import(file.href)) as { default: (data: string) => Promise<string> };
  const out = await mod.default(data);
  process.stdout.write(`${out.trim()}\n\n(${part}: ${((Date.now() - t0) / 1000).toFixed(1)} s)\n\n`);
}
