import fc from 'fast-check';
import { monthIndexOfDay } from '../../../shared/calendar';
import { cohortRetention } from '../../../shared/segmentation/cohort-retention';
import { clientChurnStatuses } from '../../../shared/segmentation/lost-clients';
import { BASE_DAY, day, shuffled, transactionsArbitrary, tx } from './retention-fixtures';

/*
 * Worked by hand, as of 2024-04-01 (last month March 2024, complete):
 * a: Jan 5 (100), Feb 7 (50), Mar 1 refund −20      → January cohort, active Jan, Feb
 * b: Jan 20 (300), Mar 15 (200)                      → January cohort, active Jan, Mar
 * c: Feb 10 (80), Feb 20 (40)                        → February cohort, active Feb
 * d: Jan 10 refund −10 only                          → no cohort
 * January: 2 clients, active [2, 1, 1] → shares [1, 0.5, 0.5];
 *   revenue [100 + 300, 50, −20 + 200] = [400, 50, 180] → ratios [1, 0.125, 0.45].
 * February: 1 client, active [1, 0], revenue [120, 0], ratios [1, 0].
 * Average over cohorts: month 1 = (1 + 0) / (2 + 1) = 1/3; month 2 = 1 / 2.
 */
const rows = [
  tx('a', '2024-01-05', 100),
  tx('a', '2024-02-07', 50),
  tx('a', '2024-03-01', -20),
  tx('b', '2024-01-20', 300),
  tx('b', '2024-03-15', 200),
  tx('c', '2024-02-10', 80),
  tx('c', '2024-02-20', 40),
  tx('d', '2024-01-10', -10),
];

describe('cohortRetention worked by hand', () => {
  const result = cohortRetention(rows, { asOf: day('2024-04-01') });

  it('January cohort: shares [1, 0.5, 0.5], revenue [400, 50, 180], ratios [1, 0.125, 0.45]', () => {
    expect(result.cohorts[0]).toEqual({
      monthIndex: monthIndexOfDay(day('2024-01-01')),
      label: '2024-01',
      clients: 2,
      activeClients: [2, 1, 1],
      activeShares: [1, 0.5, 0.5],
      revenue: [400, 50, 180],
      revenueRatios: [1, 0.125, 0.45],
    });
  });

  it('February cohort counts two purchases in one month once: active [1, 0]', () => {
    expect(result.cohorts[1]).toMatchObject({
      label: '2024-02',
      clients: 1,
      activeClients: [1, 0],
      activeShares: [1, 0],
      revenue: [120, 0],
      revenueRatios: [1, 0],
    });
    expect(result.cohorts).toHaveLength(2);
  });

  it('averages months over the cohorts that have them: [1, 1/3, 1/2]', () => {
    expect(result.averageActiveShares[0]).toBe(1);
    expect(result.averageActiveShares[1]).toBeCloseTo(1 / 3, 15);
    expect(result.averageActiveShares[2]).toBe(0.5);
    expect(result.lastMonthPartial).toBe(false);
  });

  it('marks a partly covered last month and leaves out rows on or after the as-of day', () => {
    const partial = cohortRetention(rows, { asOf: day('2024-03-15') });
    expect(partial.lastMonthPartial).toBe(true);
    // b's March 15 purchase is on the as-of day: not seen, so January month 2 has only a's refund.
    expect(partial.cohorts[0]?.activeClients).toEqual([2, 1, 0]);
    expect(partial.cohorts[0]?.revenue).toEqual([400, 50, -20]);
  });

  it('gives null ratios when a cohort nets nothing in its first month (hand: 100 − 100 = 0)', () => {
    const r = cohortRetention([tx('z', '2024-01-05', 100), tx('z', '2024-01-06', -100)], {
      asOf: day('2024-03-01'),
    });
    expect(r.cohorts[0]?.revenueRatios).toEqual([null, null]);
  });
});

describe('cohortRetention properties', () => {
  const asOf = BASE_DAY + 800;

  it('month 0 is 100 %, every share lies in [0, 1], and each buying client is in one cohort', () => {
    fc.assert(
      fc.property(transactionsArbitrary, (txs) => {
        const result = cohortRetention(txs, { asOf });
        for (const c of result.cohorts) {
          expect(c.activeShares[0]).toBe(1);
          expect(c.activeShares).toHaveLength(result.lastMonthIndex - c.monthIndex + 1);
          for (const share of c.activeShares) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        }
        for (const share of result.averageActiveShares) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        const buyers = clientChurnStatuses(txs, { asOf }).length;
        expect(result.cohorts.reduce((sum, c) => sum + c.clients, 0)).toBe(buyers);
      }),
    );
  });

  it('shuffled rows give the same cohorts', () => {
    fc.assert(
      fc.property(transactionsArbitrary, fc.array(fc.nat()), (txs, picks) => {
        expect(cohortRetention(shuffled(txs, picks), { asOf })).toEqual(
          cohortRetention(txs, { asOf }),
        );
      }),
    );
  });
});
