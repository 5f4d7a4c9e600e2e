import {
  localeDecimalSeparator,
  localeSlashDateOrder,
} from '../../../shared/sheet-data/locale-conventions';

describe('locale conventions (CLDR en and ru number and date patterns)', () => {
  it('gives the doc card examples: ru day first, en month first; en "." decimals, ru none (a decimal comma)', () => {
    expect(localeSlashDateOrder('ru')).toBe('day-first');
    expect(localeSlashDateOrder('en')).toBe('month-first');
    expect(localeDecimalSeparator('en')).toBe('.');
    expect(localeDecimalSeparator('ru')).toBeUndefined();
  });
});
