import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import {
  abcClasses,
  abcXyzMatrix,
  summariseCustomers,
  xyzClasses,
  type AbcClassification,
  type XyzClassification,
} from '../../../shared/segmentation';
import { transactionListArbitrary } from './transaction-fixtures';

const abc = (
  clientKey: string,
  abcClass: 'A' | 'B' | 'C',
  totalRevenue: number,
): AbcClassification => ({
  clientKey,
  abcClass,
  totalRevenue,
  revenueShare: 0,
  cumulativeShareBefore: 0,
  rank: 1,
});
const xyz = (clientKey: string, xyzClass: 'X' | 'Y' | 'Z'): XyzClassification => ({
  clientKey,
  xyzClass,
  coefficientOfVariation: null,
  periodCount: 1,
  meanRevenuePerPeriod: null,
  reason: 'cv',
});

describe('abcXyzMatrix', () => {
  it('matches the doc-card example (AX 60, AZ 30, CZ 10 of 100: shares .6, .3, .1, by hand)', () => {
    const cells = abcXyzMatrix(
      [abc('p', 'A', 60), abc('q', 'A', 30), abc('r', 'C', 10)],
      [xyz('r', 'Z'), xyz('q', 'Z'), xyz('p', 'X')],
    );
    expect(cells.map((c) => c.cell)).toEqual([
      'AX',
      'AY',
      'AZ',
      'BX',
      'BY',
      'BZ',
      'CX',
      'CY',
      'CZ',
    ]);
    expect(cells.map((c) => c.clientCount)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(cells.map((c) => c.revenueShare)).toEqual([0.6, 0, 0.3, 0, 0, 0, 0, 0, 0.1]);
    expect(cells[0]?.clientShare).toBeCloseTo(1 / 3, 15);
  });

  it('rejects lists that do not cover the same clients', () => {
    expect(() => abcXyzMatrix([abc('p', 'A', 1)], [xyz('q', 'X')])).toThrow(AnalyticsError);
    expect(() => abcXyzMatrix([abc('p', 'A', 1)], [])).toThrow(/same clients/);
  });

  it('gives null revenue shares when the total revenue is not positive', () => {
    const cells = abcXyzMatrix([abc('p', 'C', -5)], [xyz('p', 'Z')]);
    expect(cells.every((c) => c.revenueShare === null)).toBe(true);
  });

  it('property: counts add up to the clients, client and revenue shares sum to 1', () => {
    fc.assert(
      fc.property(transactionListArbitrary, (rows) => {
        const summaries = summariseCustomers(rows);
        const cells = abcXyzMatrix(abcClasses(summaries), xyzClasses(rows, summaries));
        expect(cells).toHaveLength(9);
        expect(cells.reduce((s, c) => s + c.clientCount, 0)).toBe(summaries.length);
        expect(cells.reduce((s, c) => s + c.clientShare, 0)).toBeCloseTo(1, 12);
        const total = summaries.reduce((s, c) => s + c.totalRevenue, 0);
        if (total > 1) {
          expect(cells.reduce((s, c) => s + (c.revenueShare ?? 0), 0)).toBeCloseTo(1, 9);
        }
      }),
    );
  });
});
