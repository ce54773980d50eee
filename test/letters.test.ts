import fc from 'fast-check';
import { isAsciiDigit, isUpperCase, isUpperCaseFrom, lowerCode, titleCased } from '../src/letters.js';

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

describe('isUpperCaseFrom', () => {
  it('answers as toUpperCase over the text from the index, on any text', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('а', 'Я', 'ё', 'Ё', 'Ѐ', 'ѐ', 'a', 'Z', '-', '1', 'ß', 'ǅ', 'Σ', 'σ', '\u{1d400}', 'İ') }));
    fc.assert(fc.property(text, fc.nat(12), (s, from) => {
      const rest = s.slice(from);
      expect(isUpperCaseFrom(s, from)).toBe(rest === rest.toUpperCase());
      expect(isUpperCase(s)).toBe(s === s.toUpperCase());
    }), { numRuns: 3000 });
  });

  it('reads a title-cased word as not upper case past its first letter', () => {
    expect(isUpperCaseFrom('Москва', 1)).toBe(false);
    expect(isUpperCaseFrom('мОСКВА', 1)).toBe(true);
    expect(isUpperCaseFrom('М', 1)).toBe(true);
  });
});

describe('isAsciiDigit', () => {
  it('is /[0-9]/ on one UTF-16 code, and false past the end of a string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      for (let i = 0; i <= s.length; i++) expect(isAsciiDigit(s.charCodeAt(i))).toBe(/^[0-9]$/.test(s.charAt(i)));
    }));
    expect(isAsciiDigit('٧'.charCodeAt(0))).toBe(false);
    expect(isAsciiDigit('0'.charCodeAt(0))).toBe(true);
    expect(isAsciiDigit('9'.charCodeAt(0))).toBe(true);
  });
});

describe('titleCased', () => {
  it('writes a word in capitals as a name: its first letter capital, the rest lower case', () => {
    expect(titleCased('РЕБРИК')).toBe('Ребрик');
    expect(titleCased('САПРЫКИНЫМ')).toBe('Сапрыкиным');
    expect(titleCased('Ёж')).toBe('Ёж');
    expect(titleCased('')).toBe('');
  });
});
