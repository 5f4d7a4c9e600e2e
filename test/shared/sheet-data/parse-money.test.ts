import fc from 'fast-check';
import {
  decimalSeparatorEvidence,
  isAmbiguousAmount,
  parseMoney,
} from '../../../shared/sheet-data';

describe('parseMoney', () => {
  // Expected values are the same digits read by hand with the separators removed.
  it.each([
    ['1234.56', 1234.56],
    ['-500', -500],
    ['1 234,56', 1234.56],
    ['1 234,56 ₽', 1234.56],
    ['1\u00a0234,56\u00a0₽', 1234.56],
    ['1\u202f234,56 ₽', 1234.56],
    ['12 345 678,9', 12345678.9],
    ['1,234.56', 1234.56],
    ['$1,234.56', 1234.56],
    ['1234.56 руб.', 1234.56],
    ['1234 руб', 1234],
    ['1 234 р.', 1234],
    ['500р', 500],
    ['RUB 500', 500],
    ['500 RUB', 500],
    ['USD 19.99', 19.99],
    ['€ 1.234,56', 1234.56],
    ['1.234,56 €', 1234.56],
    ['1.234.567', 1234567],
    ['1,234,567.5', 1234567.5],
    ["1'234.50", 1234.5],
    ['(500)', -500],
    ['($1,234.56)', -1234.56],
    ['-$1,234.56', -1234.56],
    ['$-20', -20],
    ['−75,5', -75.5],
    ['+15', 15],
    ['0', 0],
    ['0,123', 0.123],
    [',5', 0.5],
    ['  42  ', 42],
  ])('reads %j as %d (separators removed by hand)', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it('returns numbers as they are and rejects non-finite ones', () => {
    expect(parseMoney(1234.5)).toBe(1234.5);
    expect(parseMoney(Number.NaN)).toBeUndefined();
    expect(parseMoney(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it.each([
    'abc',
    '',
    '   ',
    '12 34',
    '1,2,3.4.5',
    '1.234,5.6',
    '12abc',
    '--5',
    '1 234,56,7',
    '$',
    '₽',
    '5 apples',
    '1e5',
    '12.',
    '(5',
  ])('rejects %j (not a number)', (text) => {
    expect(parseMoney(text)).toBeUndefined();
  });

  describe('the 1,234 ambiguity (one separator followed by exactly three digits)', () => {
    it('reads 1,234 as 1.234 alone (the decimal reading, documented default)', () => {
      expect(parseMoney('1,234')).toBe(1.234);
      expect(parseMoney('1.234')).toBe(1.234);
    });
    it('reads 1,234 as 1234 when the column uses "." for decimals', () => {
      expect(parseMoney('1,234', { decimalSeparator: '.' })).toBe(1234);
      expect(parseMoney('-12,500', { decimalSeparator: '.' })).toBe(-12500);
    });
    it('reads 1.234 as 1234 when the column uses "," for decimals', () => {
      expect(parseMoney('1.234', { decimalSeparator: ',' })).toBe(1234);
      expect(parseMoney('1.234 ₽', { decimalSeparator: ',' })).toBe(1234);
    });
    it('keeps the decimal reading when grouping is impossible: 0,123 and 1234,567', () => {
      expect(parseMoney('0,123', { decimalSeparator: '.' })).toBe(0.123);
      expect(parseMoney('1234,567', { decimalSeparator: '.' })).toBe(1234.567);
    });
    it('finds the column convention from unambiguous values', () => {
      expect(decimalSeparatorEvidence('12.50')).toBe('.');
      expect(decimalSeparatorEvidence('1 234,56')).toBe(',');
      expect(decimalSeparatorEvidence('1,234.5')).toBe('.');
      expect(decimalSeparatorEvidence('1.234,5')).toBe(',');
      expect(decimalSeparatorEvidence('1,234,567')).toBe('.');
      expect(decimalSeparatorEvidence('1,234')).toBeUndefined();
      expect(decimalSeparatorEvidence('500')).toBeUndefined();
    });
  });

  const cents = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 });
  const group = (digits: string, sep: string): string =>
    digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const split = (value: number): { sign: string; whole: string; fraction: string } => {
    const abs = Math.abs(value);
    return {
      sign: value < 0 ? '-' : '',
      whole: String(Math.floor(abs / 100)),
      fraction: String(abs % 100).padStart(2, '0'),
    };
  };

  it('property: an amount formatted as "1 234,56 ₽" (any space kind) parses back', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom(' ', '\u00a0', '\u202f'), (value, space) => {
        const { sign, whole, fraction } = split(value);
        const text = `${sign}${group(whole, space)},${fraction}${space}₽`;
        expect(parseMoney(text)).toBe(value / 100);
      }),
    );
  });

  it('property: an amount formatted as "$1,234.56" or "($1,234.56)" parses back', () => {
    fc.assert(
      fc.property(cents, fc.boolean(), (value, accounting) => {
        const { sign, whole, fraction } = split(value);
        const body = `$${group(whole, ',')}.${fraction}`;
        const text = sign === '' ? body : accounting ? `(${body})` : `-${body}`;
        expect(parseMoney(text)).toBe(value / 100);
      }),
    );
  });
});

describe('isAmbiguousAmount', () => {
  it('doc example: 50,000 and 1.234 could be a thousand or a fraction; 50 000, 1,234.5 and 12,5 cannot', () => {
    expect(['50,000', '1.234', ' -7,500 '].map(isAmbiguousAmount)).toEqual([true, true, true]);
    expect(['50 000', '1,234.5', '12,5', '1234,567'].map(isAmbiguousAmount)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
