import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  BACKGROUND_BIN_URL, BACKGROUND_URL, decodeBackground, encodeBackground, loadBackground, parseBackground,
} from '../src/themes/lexicon.js';

const text = readFileSync(BACKGROUND_URL, 'utf8');
const shipped = readFileSync(fileURLToPath(BACKGROUND_BIN_URL));

describe('themes background: the prebuilt table', () => {
  test('the shipped models/themes-df.bin is built from src/themes/df.tsv; else run `npm run build:df-bin`', () => {
    const built = encodeBackground(parseBackground(text));
    expect(Buffer.from(built).equals(shipped) ? 'same' : 'stale').toBe('same');
  });

  test('it answers every key of the text as the text does, and unknown keys with -1', () => {
    const fromText = parseBackground(text);
    const prebuilt = decodeBackground(shipped);
    expect([prebuilt.docs, prebuilt.minDf, prebuilt.taggedPrior]).toEqual([fromText.docs, fromText.minDf, fromText.taggedPrior]);
    const keys = text.split('\n').filter((l) => l.includes('\t') && !l.startsWith('#')).map((l) => l.slice(0, l.indexOf('\t')));
    let differing = 0;
    for (const k of keys) {
      const a = prebuilt.row(k), b = fromText.row(k);
      if (a < 0 || b < 0 || prebuilt.dfAt(a) !== fromText.dfAt(b) || prebuilt.heldAt(a) !== fromText.heldAt(b) ||
        !Object.is(prebuilt.taggedAt(a), fromText.taggedAt(b)) || prebuilt.df.get(k) !== fromText.df.get(k) ||
        JSON.stringify(prebuilt.tagged.get(k)) !== JSON.stringify(fromText.tagged.get(k))) differing++;
    }
    expect(differing).toBe(0);
    for (const k of ['', 'несуществующийключ', keys[0] + ' ', keys[0].slice(0, -1)]) {
      expect(prebuilt.row(k)).toBe(-1);
      expect(prebuilt.df.get(k)).toBeUndefined();
    }
    expect(loadBackground().df.get(keys[0])).toBe(fromText.df.get(keys[0]));
  });

  test('the text format: a key listed twice takes its last line; headers and odd counts as the text reads them', () => {
    const t = parseBackground('#docs\t7\n#mindf\t2\n#taggedprior\t0.5\nа\t1\t2\t3\nб\t4\nа\t5\t6\t1\nв\tx\t1\n');
    const back = decodeBackground(encodeBackground(t));
    for (const bg of [t, back]) {
      expect([bg.docs, bg.minDf, bg.taggedPrior]).toEqual([7, 2, 0.5]);
      expect(bg.df.get('а')).toBe(5);
      expect(bg.tagged.get('а')).toEqual([6, 1]);
      expect(bg.df.get('б')).toBe(4);
      expect(bg.tagged.get('б')).toBeUndefined();
      expect(bg.df.get('в')).toBeNaN();
    }
  });

  test('a damaged prebuilt file is refused', () => {
    expect(() => decodeBackground(shipped.subarray(0, 1000))).toThrow(/build:df-bin/);
    expect(() => decodeBackground(new Uint8Array(64))).toThrow(/build:df-bin/);
  });
});
