import fc from 'fast-check';
import { dayFromYmd } from '../../../shared/calendar';
import { AnalyticsError } from '../../../shared/errors';
import { summariseCustomers, xyzClasses } from '../../../shared/segmentation';
import type { Transaction } from '../../../shared/sheet-data/types';
import { transactionListArbitrary, tx } from './transaction-fixtures';

const d = dayFromYmd;

function classify(rows: Transaction[], asOf: number, options = {}) {
  return xyzClasses(rows, summariseCustomers(rows, { asOf }), options);
}

describe('xyzClasses', () => {
  it('monthly 100, 0, 200, 100 (Jan-Apr 2024) -> mean 100, sd sqrt(5000), CV 0.7071: Y (by hand)', () => {
    const rows = [
      tx('a', d(2024, 1, 5), 100),
      tx('a', d(2024, 3, 1), 150),
      tx('a', d(2024, 3, 31), 50),
      tx('a', d(2024, 4, 30), 100),
    ];
    const [a] = classify(rows, d(2024, 5, 1));
    expect(a?.periodCount).toBe(4);
    expect(a?.meanRevenuePerPeriod).toBe(100);
    expect(a?.coefficientOfVariation).toBeCloseTo(Math.sqrt(5000) / 100, 12);
    expect(a?.xyzClass).toBe('Y');
  });

  it('counts the month of as-of - 1 day: as of 2 May adds an empty May (5 months, mean 80, by hand)', () => {
    const rows = [
      tx('a', d(2024, 1, 5), 100),
      tx('a', d(2024, 3, 1), 200),
      tx('a', d(2024, 4, 30), 100),
    ];
    const [a] = classify(rows, d(2024, 5, 2));
    expect(a?.periodCount).toBe(5);
    expect(a?.meanRevenuePerPeriod).toBe(80);
    // Values 100, 0, 200, 100, 0: deviations 20, -80, 120, 20, -80; squares sum 28000; var 5600.
    expect(a?.coefficientOfVariation).toBeCloseTo(Math.sqrt(5600) / 80, 12);
  });

  it('monthly 100, 100, 120, 80 -> CV sqrt(200)/100 = 0.141: X; 300, 0, 0, 0 -> CV sqrt(3) = 1.732: Z (by hand)', () => {
    const rows = [
      tx('x', d(2024, 1, 1), 100),
      tx('x', d(2024, 2, 1), 100),
      tx('x', d(2024, 3, 1), 120),
      tx('x', d(2024, 4, 1), 80),
      tx('z', d(2024, 1, 1), 150),
      tx('z', d(2024, 1, 20), 150),
      tx('z', d(2024, 4, 1), 0),
    ];
    const [x, z] = classify(rows, d(2024, 5, 1));
    expect(x?.coefficientOfVariation).toBeCloseTo(Math.sqrt(200) / 100, 12);
    expect(x?.xyzClass).toBe('X');
    expect(z?.coefficientOfVariation).toBeCloseTo(Math.sqrt(3), 12);
    expect(z?.xyzClass).toBe('Z');
  });

  it('puts one-purchase, refund-only and non-positive-mean clients in Z with the reason', () => {
    const rows = [
      tx('one', d(2024, 1, 1), 100),
      tx('refund', d(2024, 1, 1), -10),
      tx('net', d(2024, 1, 1), 10),
      tx('net', d(2024, 2, 1), 10),
      tx('net', d(2024, 2, 2), -20),
    ];
    const result = classify(rows, d(2024, 3, 1));
    expect(result.map((r) => [r.clientKey, r.xyzClass, r.reason])).toEqual([
      ['net', 'Z', 'non_positive_mean'],
      ['one', 'Z', 'fewer_than_two_purchases'],
      ['refund', 'Z', 'fewer_than_two_purchases'],
    ]);
  });

  it('applies the limits and the quarter period as options (by hand)', () => {
    const rows = [
      tx('a', d(2024, 1, 1), 100),
      tx('a', d(2024, 2, 1), 0),
      tx('a', d(2024, 4, 1), 100),
    ];
    // Months 100, 0, 0, 100 -> mean 50, sd 50, CV 1: Y by default, Z with limits [0.5, 0.9].
    expect(classify(rows, d(2024, 5, 1))[0]?.xyzClass).toBe('Y');
    expect(classify(rows, d(2024, 5, 1), { limits: [0.5, 0.9] })[0]?.xyzClass).toBe('Z');
    // Quarters Q1 = 100, Q2 = 100 -> CV 0: X.
    const [q] = classify(rows, d(2024, 5, 1), { period: 'quarter' });
    expect(q).toMatchObject({ periodCount: 2, coefficientOfVariation: 0, xyzClass: 'X' });
  });

  it('counts Monday-to-Sunday weeks (2024-01-01 was a Monday; 7 Jan a Sunday, 8 Jan the next week)', () => {
    const rows = [
      tx('a', d(2024, 1, 1), 10),
      tx('a', d(2024, 1, 7), 10),
      tx('a', d(2024, 1, 8), 20),
    ];
    const [a] = classify(rows, d(2024, 1, 9), { period: 'week' });
    expect(a).toMatchObject({ periodCount: 2, coefficientOfVariation: 0, xyzClass: 'X' });
  });

  it('rejects bad limits and an unknown period', () => {
    const rows = [tx('a', 1, 1)];
    expect(() => classify(rows, 2, { limits: [1, 0.5] })).toThrow(AnalyticsError);
    expect(() => classify(rows, 2, { period: 'year' })).toThrow(/period/);
  });

  it('gives the same mean and CV to the last bit in either row order (a failing CI case of compensated sums)', () => {
    const rows = [
      tx('cat', 19000, -27.75),
      tx('cat', 19024, 84.21),
      tx('cat', 19000, 2048.67),
      tx('cat', 19000, -0.66),
    ];
    const summaries = summariseCustomers(rows);
    const forward = xyzClasses(rows, summaries);
    // Python: fsum([fsum([-27.75, 2048.67, -0.66]), 84.21]) / 2 is 1052.235 (the month sums
    // rounded once each, then their sum rounded once).
    expect(forward[0]?.meanRevenuePerPeriod).toBe(1052.235);
    expect(xyzClasses([...rows].reverse(), summaries)).toEqual(forward);
  });

  it('property: CV >= 0, classes follow the limits, and shuffled rows give the same result', () => {
    fc.assert(
      fc.property(transactionListArbitrary, (rows) => {
        const summaries = summariseCustomers(rows);
        const result = xyzClasses(rows, summaries);
        for (const r of result) {
          if (r.coefficientOfVariation !== null) {
            expect(r.coefficientOfVariation).toBeGreaterThanOrEqual(0);
            const expected =
              r.coefficientOfVariation <= 0.5 ? 'X' : r.coefficientOfVariation <= 1 ? 'Y' : 'Z';
            expect(r.xyzClass).toBe(expected);
          } else {
            expect(r.xyzClass).toBe('Z');
          }
        }
        expect(xyzClasses([...rows].reverse(), summaries)).toEqual(result);
      }),
    );
  });
});

describe('xyzClasses with summaries of two as-of days on one transaction array', () => {
  it('uses each summary set’s own as-of day (by hand: as of 1 Apr, months 100, 100, 100 -> X)', () => {
    const rows = [
      tx('a', d(2024, 1, 10), 100),
      tx('a', d(2024, 2, 10), 100),
      tx('a', d(2024, 3, 10), 100),
    ];
    const later = summariseCustomers(rows, { asOf: d(2024, 4, 1) });
    // Summarising the same array as of an earlier day in between must not hide March from XYZ.
    summariseCustomers(rows, { asOf: d(2024, 3, 1) });
    const [a] = xyzClasses(rows, later);
    expect(a).toMatchObject({ periodCount: 3, meanRevenuePerPeriod: 100, xyzClass: 'X' });
  });
});
