// Counted words follow each language's own plural rule: "1 bookshop", "2 bookshops", and French "0 librairie".
import { describe, expect, it } from 'vitest';
import { counted } from '../src/shared/plural';
import { messageIn } from './english';

describe('counted words', () => {
  const en = messageIn('en');
  const fr = messageIn('fr');

  it.each([
    [1, 'Local Bookshops: 1 shop near you has it'],
    [3, 'Local Bookshops: 3 shops near you have it'],
  ])('says %i in English', (count, words) => {
    expect(counted(en, 'en', 'badgeTitleCount', count, [String(count)])).toBe(words);
  });

  it('uses French singular for 1 and plural for 2', () => {
    expect(counted(fr, 'fr', 'answerStockUnknown', 1, ['1'])).toBe('1 librairie près de chez vous (stock inconnu)');
    expect(counted(fr, 'fr', 'answerStockUnknown', 2, ['2'])).toBe('2 librairies près de chez vous (stock inconnu)');
  });

  it('has a singular for every counted message, in every language', () => {
    for (const lang of ['en', 'fr', 'de', 'es', 'it', 'nl']) {
      const message = messageIn(lang);
      const counted = ['badgeTitleCount', 'badgeTitleNoneAnswered', 'stateDirectoryOnly', 'stateNoStockNetwork', 'stateNoShopSomeUnknown', 'stateNoneAnswered', 'answerHaveIt', 'answerHaveOtherEdition', 'answerHaveItEditions', 'answerStockUnknown', 'answerOthersUnknown', 'answerNoneHasIt', 'answerOnHoliday'];
      for (const key of counted) {
        expect(message(`${key}_one`, ['1', '1']), `${lang} ${key}_one`).toMatch(/^\S/);
        expect(message(`${key}_one`, ['1', '1']), `${lang} ${key}_one`).not.toBe(message(key, ['1', '1']));
      }
    }
  });

  it('falls back to the plain message where a language has no singular form', () => {
    expect(counted((key) => (key.endsWith('_one') ? '' : 'n shops'), 'en', 'x', 1, [])).toBe('n shops');
  });
});
