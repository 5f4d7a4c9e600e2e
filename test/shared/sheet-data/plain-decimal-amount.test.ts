import fc from 'fast-check';
import { parseMoney, plainDecimalAmount } from '../../../shared/sheet-data';

describe('plainDecimalAmount', () => {
  it('reads integers and one-point decimals, worked by hand: 123 | 0.05 = 5/100 | -7.5', () => {
    expect(plainDecimalAmount('123')).toBe(123);
    expect(plainDecimalAmount('0.05')).toBe(0.05);
    expect(plainDecimalAmount('-7.5')).toBe(-7.5);
    expect(plainDecimalAmount('007.10')).toBe(7.1);
  });

  it('reads -0 and -0.00 as 0, not -0 (the sign of nothing is dropped)', () => {
    expect(Object.is(plainDecimalAmount('-0'), 0)).toBe(true);
    expect(Object.is(plainDecimalAmount('-0.00'), 0)).toBe(true);
  });

  it('gives undefined for every other shape, which parseMoney then reads in full', () => {
    for (const text of [
      '',
      '-',
      '1.',
      '.5',
      '+5',
      '1,5',
      '1 234',
      '1.2.3',
      ' 12',
      '12 ',
      '$5',
      '1e3',
    ]) {
      expect(plainDecimalAmount(text)).toBeUndefined();
    }
    expect(parseMoney('1 234')).toBe(1234);
  });

  it('property: equals Number(text), an independent reader, for up to 30 digits', () => {
    const plain = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,18}$/),
        fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }),
      )
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
      );
    fc.assert(
      fc.property(plain, (text) => {
        const expected = Number(text);
        expect(plainDecimalAmount(text)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: equals Number(text) for amounts with cents, as shop exports write them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), (cents) => {
        const text = (cents / 100).toFixed(2);
        const expected = Number(text);
        expect(plainDecimalAmount(text)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });
});
