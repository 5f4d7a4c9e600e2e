import { booleanFromText, dayFromText, numberFromText } from '../../../shared/catalog/scalar-text';
import { parseIsoDay } from '../../../shared/calendar';

// Number formats: CLDR en groups with `,` and marks decimals with `.`; ru groups with a space and
// marks decimals with `,` (https://cldr.unicode.org). `1,234` alone is read by the locale, as
// readSheet reads a money column with no other evidence.
describe('numberFromText: a number argument typed as text, by the sheet reader’s money rules', () => {
  test.each([
    ['1,234', 'en', 1234],
    ['1,234', 'ru', 1.234],
    ['1 234,5', 'ru', 1234.5],
    ['1,234.5', 'en', 1234.5],
    ['12,5', 'en', 12.5],
    [' 250 ', 'en', 250],
    ['-3.5', 'ru', -3.5],
    ['(500)', 'en', -500],
    ['1 000 ₽', 'ru', 1000],
  ] as const)('%s in %s is %d', (text, locale, expected) => {
    expect(numberFromText(text, locale)).toBe(expected);
  });

  test.each(['0x10', '1e3', 'Infinity', 'abc', '12 34', ''])(
    '%s is not a number a person types',
    (text) => {
      expect(numberFromText(text, 'en')).toBeUndefined();
      expect(numberFromText(text, 'ru')).toBeUndefined();
    },
  );
});

describe('dayFromText: a date argument typed as text, by the sheet reader’s date rules', () => {
  const march12 = parseIsoDay('2024-03-12');
  test.each([
    ['2024-03-12', 'en'],
    ['12.03.2024', 'en'],
    ['12.03.2024', 'ru'],
    ['03/12/2024', 'en'],
    ['12/03/2024', 'ru'],
    ['2024-03-12 14:30', 'ru'],
  ] as const)('%s in %s is 2024-03-12', (text, locale) => {
    expect(dayFromText(text, locale)).toBe(march12);
  });

  test('a slash date whose first part is above 12 is day first even in en (13/03/2024 is 13 March)', () => {
    expect(dayFromText('13/03/2024', 'en')).toBe(parseIsoDay('2024-03-13'));
    expect(dayFromText('03/13/2024', 'ru')).toBe(parseIsoDay('2024-03-13'));
  });

  test('an impossible or unreadable date is undefined, never rolled over (31.02.2024)', () => {
    expect(dayFromText('31.02.2024', 'ru')).toBeUndefined();
    expect(dayFromText('soon', 'en')).toBeUndefined();
    expect(dayFromText('45292', 'en')).toBeUndefined();
  });
});

describe('booleanFromText: TRUE/FALSE or 1/0 only', () => {
  test.each([
    ['TRUE', true],
    [' false ', false],
    ['1', true],
    ['0', false],
  ] as const)('%s is %s', (text, expected) => {
    expect(booleanFromText(text)).toBe(expected);
  });

  test.each(['2', 'yes', 'ИСТИНА', ''])('%s is not a boolean', (text) => {
    expect(booleanFromText(text)).toBeUndefined();
  });
});
