import { lowerCode } from '../src/letters.js';

describe('lowerCode', () => {
  it('lower-cases ASCII and basic Cyrillic (Ѐ–џ) code units and gives −1 for every other one', () => {
    // The rule the table stands for, range by range.
    const rule = (c: number): number => {
      if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
      if (c >= 0x430 && c < 0x460) return c;
      if (c >= 0x410 && c < 0x430) return c + 0x20;
      if (c >= 0x400 && c < 0x410) return c + 0x50;
      return -1;
    };
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (lowerCode(c) !== rule(c)) wrong.push(c);
    expect(wrong).toEqual([]);
    expect(lowerCode(NaN)).toBe(-1); // charCodeAt past the end
  });

  it('agrees with toLowerCase on Latin and Russian letters, Ё included', () => {
    for (const ch of 'ABCXYZabcxyzАБВЁЖЯабвёжяЂЏ') expect(lowerCode(ch.charCodeAt(0))).toBe(ch.toLowerCase().charCodeAt(0));
  });
});
