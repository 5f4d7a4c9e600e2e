import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import { ABC_PRESET_75_20_5, abcClasses, summariseCustomers } from '../../../shared/segmentation';
import { transactionListArbitrary, tx } from './transaction-fixtures';

const fiveClients = (revenues: readonly number[]) =>
  summariseCustomers(
    revenues.map((amount, i) => tx(`c${i + 1}`, 10, amount)),
    { asOf: 20 },
  );

describe('abcClasses', () => {
  it('classifies 50, 30, 10, 6, 4 as A A B B C (by hand: shares before 0, .5, .8, .9, .96)', () => {
    const result = abcClasses(fiveClients([50, 30, 10, 6, 4]));
    expect(result.map((r) => r.abcClass)).toEqual(['A', 'A', 'B', 'B', 'C']);
    expect(result.map((r) => r.cumulativeShareBefore)).toEqual([0, 0.5, 0.8, 0.9, 0.96]);
    expect(result.map((r) => r.revenueShare)).toEqual([0.5, 0.3, 0.1, 0.06, 0.04]);
  });

  it('moves the third client to B under the 75/20/5 preset (by hand: 40, 36, 14, 6, 4 -> before .76)', () => {
    const summaries = fiveClients([40, 36, 14, 6, 4]);
    expect(abcClasses(summaries).map((r) => r.abcClass)).toEqual(['A', 'A', 'A', 'B', 'C']);
    expect(
      abcClasses(summaries, { thresholds: ABC_PRESET_75_20_5 }).map((r) => r.abcClass),
    ).toEqual(['A', 'A', 'B', 'B', 'C']);
  });

  it('breaks revenue ties by id and puts revenue <= 0 in C (by hand: 60, 20, 20, 0, -5)', () => {
    const summaries = summariseCustomers(
      [tx('z', 1, 20), tx('y', 1, 20), tx('x', 1, 60), tx('w', 1, 0), tx('v', 1, -5)],
      { asOf: 2 },
    );
    const byKey = Object.fromEntries(abcClasses(summaries).map((r) => [r.clientKey, r]));
    // Order x (before 0), y (before .6), z (before .8): A, A, B.
    expect(byKey.x?.abcClass).toBe('A');
    expect(byKey.y).toMatchObject({ abcClass: 'A', rank: 2, cumulativeShareBefore: 0.6 });
    expect(byKey.z).toMatchObject({ abcClass: 'B', rank: 3, cumulativeShareBefore: 0.8 });
    expect(byKey.w).toMatchObject({ abcClass: 'C', revenueShare: 0 });
    expect(byKey.v).toMatchObject({ abcClass: 'C', revenueShare: 0 });
  });

  it('rejects thresholds outside 0 < A < B <= 1', () => {
    const s = fiveClients([1]);
    expect(() => abcClasses(s, { thresholds: [0.95, 0.8] })).toThrow(AnalyticsError);
    expect(() => abcClasses(s, { thresholds: [0.8, 1.2] })).toThrow(/thresholds/);
    expect(() => abcClasses(s, { thresholds: [0, 0.5] })).toThrow(AnalyticsError);
  });

  it('property: shares sum to 1, the top client is A, and the input order does not matter', () => {
    fc.assert(
      fc.property(transactionListArbitrary, (rows) => {
        const summaries = summariseCustomers(rows);
        const result = abcClasses(summaries);
        const positive = summaries.some((s) => s.totalRevenue > 0);
        const shareSum = result.reduce((sum, r) => sum + r.revenueShare, 0);
        if (positive) expect(shareSum).toBeCloseTo(1, 12);
        else expect(shareSum).toBe(0);
        const top = result.find((r) => r.rank === 1);
        if (top && top.totalRevenue > 0) expect(top.abcClass).toBe('A');
        const reversed = abcClasses([...summaries].reverse()).reverse();
        expect(reversed).toEqual(result);
      }),
    );
  });
});
