import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildKeyTable, KeyTable, unitsText } from '../src/key-table.js';
import { dictionaryFingerprint, tagAt } from '../src/morph/az.js';
import { FormInfo } from '../src/morph/form-info.js';
import { decodeKnownForms, encodeKnownForms, KNOWN_FORMS_URL, loadKnownForms, usable } from '../src/morph/known-forms.js';
import { Morphology } from '../src/morph/morphology.js';
import { createAnalyzer } from '../src/index.js';

const shipped = readFileSync(fileURLToPath(KNOWN_FORMS_URL));

describe('known forms: the prebuilt table of frequent forms\' analyses', () => {
  test('every row of the shipped models/known-forms.bin gives what the morphology computes; else run `npm run build:known-forms`', () => {
    const table = decodeKnownForms(shipped);
    expect(table.size).toBeGreaterThan(10_000);
    const fromTable = new Morphology({ knownForms: table });
    const computed = new Morphology({ knownForms: null });
    const stale: string[] = [];
    for (let r = 0; r < table.size; r++) {
      const form = table.form(r);
      expect(table.row(form)).toBe(r);
      const why = FormInfo.difference(fromTable.formInfo(form), computed.formInfo(form));
      if (why !== undefined) stale.push(`${form}: ${why}`);
    }
    expect(stale.slice(0, 5)).toEqual([]);
  });

  test('the morphology reads a known form from the table and computes the others, to the same analyses', () => {
    const table = loadKnownForms();
    expect(table).not.toBeNull();
    const known = ['сказал', 'в', 'заявил', 'России', 'президент'];
    for (const form of known) expect(table!.row(form)).toBeGreaterThanOrEqual(0);
    expect(table!.row('выкобенивавшимися')).toBe(-1);
    const sample = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
    const withTable = new Morphology();
    const without = new Morphology({ knownForms: null });
    for (const form of [...known, 'выкобенивавшимися', 'Путина', '2020', '—', '']) {
      expect(FormInfo.difference(withTable.formInfo(form), without.formInfo(form))).toBeUndefined();
      expect(withTable.candidates(form).map((c) => [c.tok, c.logp, c.flags, c.cas])).toEqual(without.candidates(form).map((c) => [c.tok, c.logp, c.flags, c.cas]));
    }
    // The whole pipeline: a fresh analyzer (the shipped table) gives the analysis the tests expect elsewhere.
    const a = createAnalyzer().analyze(sample, { tokens: true });
    expect(a.quotes.length).toBe(7);
    expect(a.tokens!.find((t) => t.text === 'заявил')?.lemma).toBe('заявить');
  });

  test('a row keeps the form, its first lemma, its tags by number and its candidates\' numbers, shared lists stored once', () => {
    const rows = [
      { form: 'и', lemma: 'и', tags: [3, 7], data: [-0.5, 15, 0, 0, 0] },
      { form: 'Мира', lemma: 'мир', tags: [1], data: [-0.5, 15, 0, 0, 0] },
      { form: 'ёж', lemma: 'ёж', tags: [], data: [-0, 1, 2, 3, 0, Number.MIN_VALUE, 6, 7, 8, -1] },
    ];
    const bin = encodeKnownForms(rows, 7);
    const back = decodeKnownForms(bin, 'test');
    expect(back.size).toBe(3);
    expect(back.fingerprint).toBe(7);
    rows.forEach((row, r) => {
      expect(back.row(row.form)).toBe(r);
      expect(back.entry(r)).toEqual(row);
    });
    expect(Object.is(back.entry(2).data[0], -0)).toBe(true);
    expect(back.row('Мир')).toBe(-1);
    // The first two rows' numbers are one list in the file (the header counts lists, then candidates).
    const header = new DataView(bin.buffer, bin.byteOffset);
    expect([header.getUint32(16, true), header.getUint32(20, true)]).toEqual([2, 3]);
    // Unaligned bytes are copied, not misread.
    const shifted = new Uint8Array(bin.length + 1);
    shifted.set(bin, 1);
    expect(decodeKnownForms(shifted.subarray(1), 'test').entry(1)).toEqual(rows[1]);
    expect(() => encodeKnownForms([{ form: 'а', lemma: 'а', tags: [70_000], data: [] }], 7)).toThrow(/uint16/);
    expect(() => encodeKnownForms([{ form: 'а', lemma: 'а', tags: [1], data: [0, 0.5, 0, 0, 0] }], 7)).toThrow(/int32/);
    expect(() => encodeKnownForms([{ form: 'а', lemma: '', tags: [1], data: [0, 1, 0, 0, 0] }], 7)).toThrow(/empty lemma/);
  });

  test('the shipped table was built with the installed az\'s dictionaries; a table built with others is not used', () => {
    const table = decodeKnownForms(shipped);
    expect(table.fingerprint).toBe(dictionaryFingerprint());
    expect(usable(table)).toBe(table);
    expect(loadKnownForms()?.fingerprint).toBe(dictionaryFingerprint());
    const other = new Uint8Array(shipped);
    new DataView(other.buffer).setUint32(36, (dictionaryFingerprint() + 1) >>> 0, true);
    expect(usable(decodeKnownForms(other))).toBeNull();
  });

  test('a damaged table is refused with the command that rebuilds it', () => {
    expect(() => decodeKnownForms(shipped.subarray(0, 1000))).toThrow(/build:known-forms/);
    expect(() => decodeKnownForms(new Uint8Array(64))).toThrow(/build:known-forms/);
    const wrongVersion = new Uint8Array(shipped);
    new DataView(wrongVersion.buffer).setUint32(4, 99, true);
    expect(() => decodeKnownForms(wrongVersion)).toThrow(/version 99/);
  });

  test('az\'s tags by number are the objects its readings hold', () => {
    const m = new Morphology({ knownForms: null });
    const p = m.parses('сказал')[0] as unknown as { paradigm: Uint16Array; formCnt: number; formIdx: number; tag: object };
    expect(tagAt(p.paradigm[p.formCnt + p.formIdx])).toBe(p.tag);
    expect(tagAt(-1)).toBeUndefined();
    expect(tagAt(1e9)).toBeUndefined();
  });
});

describe('KeyTable: string keys found in prebuilt arrays', () => {
  test('unitsText reads code units as they are, surrogates included', () => {
    const units = new Uint16Array([0x43c, 0x438, 0x440, 0xd83d, 0xdd25, 0xd800]);
    expect(unitsText(units, 0, 3)).toBe('мир');
    expect(unitsText(units, 3, 5)).toBe('🔥');
    expect(unitsText(units, 5, 6)).toBe('\ud800');
    expect(unitsText(units, 2, 2)).toBe('');
  });

  test('finds each key at its row, a repeated key at its first, and nothing else', () => {
    const keys = ['мир', 'труд', 'май', '', 'труд', 'Мир', 'a'.repeat(300)];
    const { slots, keyStarts, units } = buildKeyTable(keys);
    expect(slots.length & (slots.length - 1)).toBe(0);
    expect(slots.length).toBeGreaterThanOrEqual(2 * (keys.length + 1));
    const t = new KeyTable(slots, keyStarts, units);
    expect(t.size).toBe(keys.length);
    expect(keys.map((k) => t.row(k))).toEqual([0, 1, 2, 3, 1, 5, 6]);
    expect(t.key(5)).toBe('Мир');
    for (const k of ['ми', 'мирр', 'МИР', 'a'.repeat(299)]) expect(t.row(k)).toBe(-1);
    // A key longer than one call's arguments comes back whole.
    const long = 'д'.repeat(100_000);
    const big = buildKeyTable([long]);
    expect(new KeyTable(big.slots, big.keyStarts, big.units).key(0)).toBe(long);
  });
});
