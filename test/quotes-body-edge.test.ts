/**
 * Quotes come from the body only, also when the boilerplate after it is full of reported speech
 * (a "read also" list of headlines with cues). The property test "quote segments lie inside the
 * body" never has cues in boilerplate: its sidebar slices of the sample hold none, and its
 * reported-speech texts are all body.
 */
import fc from 'fast-check';
import { createAnalyzer } from '../src/index.js';
import { quoteSegmentsOutsideBody } from './invariants.js';

const analyzer = createAnalyzer();

const lead = 'Новый мост через Обь открыли в Новосибирске в субботу. По словам мэра города, строительство заняло четыре года и обошлось бюджету в 40 млрд рублей.\n' +
  'Движение по мосту будет открыто для всех видов транспорта с понедельника, сообщили в мэрии.';

describe('quotes and the body edge', () => {
  test('a "read also" list of headlines with cues gives no quotes, and the body quotes stay', () => {
    const text = `${lead}\n\nЧитайте также:\nМэр Омска заявил, что мосты отремонтируют до конца года\nПутин сказал, что пробки в центре города сократились на треть\nПо словам министра, набережную построят к осени`;
    const a = analyzer.analyze(text);
    expect(a.body.end).toBeLessThan(text.indexOf('Читайте также'));   // the list is boilerplate…
    expect(a.quotes.length).toBeGreaterThan(0);                         // …the body has quotes…
    expect(quoteSegmentsOutsideBody(a)).toEqual([]);                    // …and none is taken from the list
    for (const q of a.quotes) expect(q.cue.end).toBeLessThanOrEqual(a.body.end);
  });

  const speaker = fc.constantFrom('Мэр Омска', 'Путин', 'Министр финансов Иван Петров', 'Глава региона');
  const verb = fc.constantFrom('заявил', 'сказал', 'сообщил', 'отметил');
  const clause = fc.constantFrom('мосты отремонтируют до конца года', 'пробки сократились на треть', 'набережную построят к осени', 'цены на жильё растут');
  const headline = fc.oneof(
    fc.tuple(speaker, verb, clause).map(([s, v, c]) => `${s} ${v}, что ${c}`),
    fc.tuple(speaker, clause).map(([s, c]) => `По словам ${s.toLowerCase()}, ${c}`),
    fc.tuple(clause, verb, speaker).map(([c, v, s]) => `«${c[0].toUpperCase()}${c.slice(1)}», — ${v} ${s.toLowerCase()}`),
  );
  const sidebar = fc.tuple(fc.constantFrom('Читайте также:', 'Самое читаемое', 'Новости по теме:'), fc.array(headline, { minLength: 3, maxLength: 8 }))
    .map(([label, lines]) => `${label}\n${lines.join('\n')}`);

  test('property: an article followed by a sidebar of reported-speech headlines has no quote segment outside the body', () => {
    let withBoilerplate = 0;
    fc.assert(fc.property(sidebar, (side) => {
      const text = `${lead}\n\n${side}`;
      const a = analyzer.analyze(text);
      if (a.body.end < text.length) withBoilerplate++;
      expect(quoteSegmentsOutsideBody(a)).toEqual([]);
    }), { numRuns: 40, seed: 11 });
    expect(withBoilerplate).toBeGreaterThan(20); // the generator does put the headlines outside the body
  });
});
