import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CLUSTERS_BIN_URL, CLUSTERS_URL, clusterOf, decodeClusters, encodeClusters, parseClusters,
} from '../src/entities/tagger/clusters.js';

const text = readFileSync(fileURLToPath(CLUSTERS_URL));
const shipped = readFileSync(fileURLToPath(CLUSTERS_BIN_URL));

describe('NER word clusters: the prebuilt table', () => {
  test('the shipped models/ner-clusters.bin is built from models/ner-clusters.tsv; else run `npm run build:clusters`', () => {
    const built = encodeClusters(parseClusters(text));
    expect(Buffer.from(built).equals(shipped) ? 'same' : 'stale').toBe('same');
  });

  test('it answers every word of the text file as the text file does, and unknown words with -1', () => {
    const fromText = parseClusters(text);
    const prebuilt = decodeClusters(shipped);
    const words = text.toString('utf8').split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    let differing = 0;
    for (const w of words) if (prebuilt.get(w) !== fromText.get(w) || prebuilt.get(w) < 0) differing++;
    expect(differing).toBe(0);
    for (const w of ['', 'несуществующееслово', 'газпро', 'x\ud800']) expect(prebuilt.get(w)).toBe(-1);
    expect(clusterOf(words[0])).toBe(fromText.get(words[0]));
  });

  test('the text format: a later line wins, odd numbers go through Number, malformed lines are skipped', () => {
    const t = parseClusters(new TextEncoder().encode('а\t1\t2\nб\t3\nв\t 4\t5\nа\t6\t7\n\tx\t1\nгг\t+8\t9'));
    const back = decodeClusters(encodeClusters(t));
    for (const table of [t, back]) {
      expect(table.get('а')).toBe((6 << 16) | 7);
      expect(table.get('б')).toBe(-1);
      expect(table.get('в')).toBe((4 << 16) | 5);
      expect(table.get('гг')).toBe((8 << 16) | 9);
    }
  });

  test('a damaged prebuilt file is refused', () => {
    expect(() => decodeClusters(shipped.subarray(0, 1000))).toThrow(/build:clusters/);
    expect(() => decodeClusters(new Uint8Array(64))).toThrow(/build:clusters/);
  });
});
