// Copies the data files that sit beside the sources (lexicons .tsv/.json) into dist/, keeping paths,
// so compiled modules find them at the same relative place as in src/.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
const SRC = 'src', OUT = 'dist';
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(tsv|json|txt)$/.test(name)) {
      const to = join(OUT, p.slice(SRC.length + 1));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(p, to);
    }
  }
}
walk(SRC);
