import { knownMedium } from '../src/quotes/np.js';

describe('media by one word of the text (src/entities/media.tsv)', () => {
  test.each(['RT', 'RTVI', 'RTL', 'Reuters', 'AP', 'CNN-Türk', 'Lenta.ru', 'Интерфаксу', 'Ведомостям', 'ИТАР-ТАСС', 'НГ', 'НГ-политика'])('%s is a medium', (w) => {
    expect(knownMedium(w)).toBe(true);
  });
  // A Latin name ends its word: the medium's letters at the start of another name do not make it one.
  test.each(['APEC', 'RTX', 'CNNI', 'BBCX'])('%s is none', (w) => {
    expect(knownMedium(w)).toBe(false);
  });
});
