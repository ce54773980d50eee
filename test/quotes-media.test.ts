import { MEDIA, knownMedium } from '../src/quotes/np.js';

describe('MEDIA: media by name', () => {
  test.each(['RT', 'RTVI', 'RTL', 'Reuters', 'AP', 'CNN-Türk', 'Lenta.ru', 'Интерфаксу', 'Ведомостям', 'ИТАР-ТАСС', 'The New York Times'])('%s is a medium', (w) => {
    expect(MEDIA.test(w)).toBe(true);
  });
  // A Latin name ends its word: the medium's letters at the start of another name do not make it one.
  test.each(['APEC', 'RTX', 'CNNI', 'BBCX'])('%s is none', (w) => {
    expect(knownMedium(w)).toBe(false);
  });
});
