import { createAnalyzer } from '../src/index.js';
import { cueLexicon } from '../src/quotes/lexicon.js';

// Phrase cues («По словам X, …»): the scan rules out a longer phrase by the word after its first
// word (cueLexicon().phraseSeconds) before it compares phrase by phrase.
describe('quotes: parenthetical source phrases', () => {
  const analyzer = createAnalyzer();

  test.each([
    ['По словам министра, цены вырастут в следующем году.', 'По словам'],
    ['По его мнению, цены на нефть вырастут в следующем году.', 'По его мнению'],
    ['По последним данным полиции, в аварии пострадали три человека.', 'По последним данным'],
    ['Со слов очевидцев, взрыв произошёл около полудня.', 'Со слов'],
    ['Если верить синоптикам, завтра в Москве пойдёт снег.', 'Если верить'],
    ['Согласно заявлению ведомства, «мы не будем участвовать в этих переговорах».', 'Согласно'],
  ])('%s', (text, cue) => {
    const quotes = analyzer.analyze(text).quotes;
    expect(quotes.map((q) => q.cue.text)).toEqual([cue]);
  });

  test('«по» before a word that opens no phrase is no cue', () => {
    const quotes = analyzer.analyze('По дороге домой министр купил хлеб, сообщает газета.').quotes;
    expect(quotes.map((q) => q.cue.text)).toEqual(['сообщает']);
  });

  test('every phrase of two or more words has its second word among its group\'s', () => {
    const lx = cueLexicon();
    for (const [first, list] of lx.phrases) {
      for (const ph of list) if (ph.lemmas.length > 1) expect(lx.phraseSeconds.get(first)?.has(ph.lemmas[1])).toBe(true);
    }
  });
});
