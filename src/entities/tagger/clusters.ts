import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Word clusters learned without supervision from raw news text (scripts/train-ner-clusters.ts):
 * each lower-cased word (ё→е) has a coarse and a fine cluster id. They let the tagger generalise
 * from the names it saw in training to words used the same way (`Газпром` ~ `Роснефть`).
 * File: models/ner-clusters.tsv, lines `word<TAB>coarse<TAB>fine`.
 */
export const CLUSTERS_URL = new URL('../../../models/ner-clusters.tsv', import.meta.url);

let table: Map<string, number> | undefined;
let generation = 0;

/** Packs (coarse, fine) as coarse << 16 | fine; -1 for an unknown word. */
export function clusterOf(lowerNormalised: string): number {
  if (table === undefined) table = load();
  return table.get(lowerNormalised) ?? -1;
}

function load(): Map<string, number> {
  // RUTEXT_NER_CLUSTERS: another clusters file, for training experiments beside the shipped pair.
  const path = process.env.RUTEXT_NER_CLUSTERS ?? fileURLToPath(CLUSTERS_URL);
  const m = new Map<string, number>();
  if (!existsSync(path)) return m;
  const text = readFileSync(path, 'utf8');
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const t1 = text.indexOf('\t', pos);
    const t2 = text.indexOf('\t', t1 + 1);
    if (t1 > pos && t2 > t1 && t2 < nl) m.set(text.slice(pos, t1), (Number(text.slice(t1 + 1, t2)) << 16) | Number(text.slice(t2 + 1, nl)));
    pos = nl + 1;
  }
  return m;
}

/** Forgets the loaded table (the trainer rewrites the file and reloads it). */
export function resetClusters(): void {
  table = undefined;
  generation++;
}

/**
 * Counts resetClusters calls, so caches of values derived from the table know when to drop them.
 * @example
 * const g = clustersGeneration(); resetClusters(); clustersGeneration() === g + 1; // true
 */
export function clustersGeneration(): number {
  return generation;
}
