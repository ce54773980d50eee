/**
 * A pronoun takes the most recent person of its gender, not the most recent person. The pattern
 * "the cue verb's gender picks the speaker" names the woman last, so a resolver that ignores
 * gender passes it; here the man is named last.
 */
import { createAnalyzer } from '../src/analyze.js';

const analyzer = createAnalyzer();
const speakers = (text: string) => analyzer.analyze(text).quotes.map((q) => [q.speaker?.mention?.text, q.speaker?.name]);

describe('pronoun speakers agree in gender', () => {
  test.each([
    ['Анна Иванова и Пётр Сидоров выступили на форуме. Позже она сказала, что итоги её устраивают.', [['она', 'Анна Иванова']]],
    ['Анна Иванова заявила, что бюджет примут. Пётр Сидоров сообщил, что не согласен. Позже она сказала, что итоги её устраивают.',
      [['Анна Иванова', 'Анна Иванова'], ['Пётр Сидоров', 'Пётр Сидоров'], ['она', 'Анна Иванова']]],
    ['Анна Иванова заявила, что бюджет примут. Пётр Сидоров сообщил, что не согласен. «Мы будем настаивать», — сказала она.',
      [['Анна Иванова', 'Анна Иванова'], ['Пётр Сидоров', 'Пётр Сидоров'], ['она', 'Анна Иванова']]],
    ['Анна Иванова и Пётр Сидоров выступили на форуме. Позже он сказал, что итоги его устраивают.', [['он', 'Пётр Сидоров']]],
    ['Мария Иванова встретилась с Иваном Петровым в Москве. Она заявила, что переговоры продолжатся.', [['Она', 'Мария Иванова']]],
    ['Мария Иванова встретилась с Иваном Петровым в Москве. Он заявил, что переговоры продолжатся.', [['Он', 'Иван Петров']]],
  ])('%s', (text, want) => {
    expect(speakers(text)).toEqual(want);
  });
});
