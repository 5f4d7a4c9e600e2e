import fc from 'fast-check';
import { formatMoney, formatNumber, formatPercent } from '../../../shared/i18n';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('writes 1234.5 as 1,234.50 (en) and 1 234,50 with a non-breaking space (ru), per the CLDR en and ru decimal patterns', () => {
    expect(formatMoney(1234.5, 'en')).toBe('1,234.50');
    expect(formatMoney(1234.5, 'ru')).toBe(`1${NBSP}234,50`);
    expect(formatMoney(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatMoney(-500, 'ru')).toBe('-500,00');
  });

  it('rejects NaN and infinity', () => {
    expect(() => formatMoney(Number.NaN, 'en')).toThrow(RangeError);
    expect(() => formatMoney(Infinity, 'ru')).toThrow(RangeError);
  });

  it('property: the ru text read back (spaces dropped, comma as point) is the amount rounded to cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const amount = cents / 100;
        const text = formatMoney(amount, 'ru').replaceAll(NBSP, '').replace(',', '.');
        expect(Number(text.replace('\u2212', '-'))).toBeCloseTo(amount, 2);
        const en = formatMoney(amount, 'en').replaceAll(',', '');
        expect(Number(en)).toBeCloseTo(amount, 2);
      }),
    );
  });
});

describe('formatNumber and formatPercent', () => {
  it('drop trailing zeros and keep at most the asked decimals: 10.5 days, 1,374 days, 2.33 (7/3 by hand)', () => {
    expect(formatNumber(10.5, 'en')).toBe('10.5');
    expect(formatNumber(10.5, 'ru')).toBe('10,5');
    expect(formatNumber(1374, 'en')).toBe('1,374');
    expect(formatNumber(1374, 'ru')).toBe(`1${NBSP}374`);
    expect(formatNumber(7 / 3, 'en')).toBe('2.33');
    expect(formatNumber(7 / 3, 'en', 0)).toBe('2');
  });

  it('writes the ratio 0.205 as 20.5% (en) and 20,5 % (ru, non-breaking space before the sign)', () => {
    expect(formatPercent(0.205, 'en')).toBe('20.5%');
    expect(formatPercent(0.205, 'ru')).toBe(`20,5${NBSP}%`);
    expect(formatPercent(0.5, 'en')).toBe('50%');
    expect(formatPercent(1 / 3, 'ru', 2)).toBe(`33,33${NBSP}%`);
  });

  it('rejects NaN', () => {
    expect(() => formatNumber(Number.NaN, 'en')).toThrow(RangeError);
    expect(() => formatPercent(Number.NaN, 'ru')).toThrow(RangeError);
  });
});
