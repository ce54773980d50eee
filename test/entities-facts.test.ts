import { Context } from '../src/context.js';
import { Doc } from '../src/doc.js';
import { usableParses } from '../src/entities/grammar.js';
import { normalizeMention } from '../src/entities/normalize.js';
import {
  ANY_KNOWN, FIRST_ADJECTIVE, FIRST_NOUN, KNOWN_NAMED, KNOWN_SURNAME_NOMINATIVE, KNOWN_WHOLE, NAME_OR_SURNAME,
  agreementIndex, agreementKey, genderCaseSlot, knownAs, wordFacts,
} from '../src/entities/wordFacts.js';
import { morph } from '../src/morph/index.js';
import { segment } from '../src/segment/index.js';

const ctx = new Context();
const m = ctx.morphology;
const has = (form: string, flag: number): boolean => (wordFacts(m, form).flags & flag) !== 0;

describe('word facts: what the normaliser reads of a form’s parses', () => {
  test('flags', () => {
    expect(has('комиссией', FIRST_NOUN)).toBe(true);
    expect(has('европейской', FIRST_ADJECTIVE)).toBe(true);
    expect(has('европейской', FIRST_NOUN)).toBe(false);
    expect(has('Трампа', NAME_OR_SURNAME)).toBe(true);
    expect(has('Токаев', KNOWN_SURNAME_NOMINATIVE)).toBe(true);
    expect(has('Токаеву', KNOWN_SURNAME_NOMINATIVE)).toBe(false);
    expect(has('Москвы', KNOWN_NAMED)).toBe(true);
    expect(has('стол', ANY_KNOWN)).toBe(true);
    expect(has('стол', KNOWN_NAMED)).toBe(false);
    expect(has('Касым-Жомарт', KNOWN_WHOLE)).toBe(true);
    expect(has('Азию-Биби', KNOWN_WHOLE)).toBe(false);
  });

  test('knownAs: a grammeme of a dictionary reading, never of a guess', () => {
    expect(knownAs(m, 'Елена', ['Name'])).toBe(true);
    expect(knownAs(m, 'Иванович', ['Patr'])).toBe(true);
    expect(knownAs(m, 'Иванович', ['Name'])).toBe(false);
    expect(knownAs(m, 'Трампа', ['Name', 'Surn', 'Patr'])).toBe(true);
    // az guesses a man's name by the ending; the dictionary does not know it as one.
    expect(m.tags('Алеппо').some((t) => t.Name)).toBe(true);
    expect(knownAs(m, 'Алеппо', ['Name', 'Surn', 'Patr'])).toBe(false);
    expect(knownAs(m, 'стол', ['Name'])).toBe(false);
  });

  test('agreement keys: an adjective agrees with a noun of its case, number and gender', () => {
    const adj = wordFacts(m, 'Европейской');
    const noun = wordFacts(m, 'комиссии');
    expect(adj.adjectives & noun.heads).not.toBe(0);
    expect(adj.anyAdjectives & agreementKey('gent', false, 'femn')).not.toBe(0);
    expect(adj.anyAdjectives & agreementKey('gent', false, 'masc')).toBe(0);
    expect(wordFacts(m, 'Черного').adjectives & wordFacts(m, 'моря').heads).not.toBe(0);
    expect(wordFacts(m, 'Черного').adjectives & wordFacts(m, 'реки').heads).toBe(0);
    // Every key has its own bit.
    const bits = new Set<number>();
    for (const c of ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'] as const) {
      bits.add(agreementIndex(c, true, undefined));
      for (const g of [undefined, 'masc', 'femn', 'neut'] as const) bits.add(agreementIndex(c, false, g));
    }
    expect(bits.size).toBe(30);
  });

  test('animate slots: an apposition noun’s singular readings', () => {
    const animate = wordFacts(m, 'христианке').animate;
    expect(animate & (1 << genderCaseSlot('femn', 'datv'))).not.toBe(0);
    expect(animate & (1 << genderCaseSlot('masc', 'datv'))).toBe(0);
    expect(wordFacts(m, 'столу').animate).toBe(0);
  });

  test('the facts agree with the parses they come from', () => {
    for (const form of ['Путина', 'Европейской', 'комиссией', 'Лахоре', 'Маска', 'британского']) {
      const ps = usableParses(m.parses(form));
      expect(has(form, FIRST_NOUN)).toBe(ps[0]?.tag.POS === 'NOUN');
      expect(has(form, NAME_OR_SURNAME)).toBe(ps.some((p) => p.tag.Surn === true || p.tag.Name === true));
    }
  });
});

describe('a mention repeated in a document', () => {
  function parsed(text: string): Doc {
    const doc = new Doc(text);
    segment(doc);
    morph(doc, m);
    return doc;
  }
  const range = (doc: Doc, from: number, span: string): [number, number] => {
    const at = doc.text.indexOf(span, from);
    return [doc.tokens.findIndex((t) => t.start === at), doc.tokens.findIndex((t) => t.end === at + span.length) + 1];
  };

  test('the same words in other surroundings are normalised afresh', () => {
    const doc = parsed('Встреча прошла в Лахоре. Лахоре — город. Власти Лахоре заявили.');
    const first = range(doc, 0, 'Лахоре');
    const again = range(doc, doc.text.indexOf('.') + 1, 'Лахоре');
    expect(normalizeMention(doc, first[0], first[1], 'LOC', m)).toBe('Лахор');
    expect(normalizeMention(doc, again[0], again[1], 'LOC', m)).toBe(normalizeMention(parsed('Лахоре — город.'), 0, 1, 'LOC', m));
  });

  test('the same words in the same surroundings give the same nominative', () => {
    const doc = parsed('Заявил Илону Маску. Позвонил Илону Маску.');
    const a = range(doc, 0, 'Илону Маску');
    const b = range(doc, doc.text.indexOf('.') + 1, 'Илону Маску');
    expect(normalizeMention(doc, a[0], a[1], 'PER', m)).toBe('Илон Маск');
    expect(normalizeMention(doc, b[0], b[1], 'PER', m)).toBe('Илон Маск');
  });
});
