import fc from 'fast-check';
import { clientSegments } from '../../../shared/segmentation/client-segments';
import { AnalyticsError } from '../../../shared/errors';
import { summariseCustomers } from '../../../shared/segmentation/customer-summary';
import {
  lastMonthsPeriods,
  segmentMigration,
  type TransitionMatrix,
} from '../../../shared/segmentation/segment-migration';
import { BASE_DAY, day, shuffled, transactionsArbitrary, tx } from './retention-fixtures';

/*
 * Last 6 months against the 6 before, as of 2024-07-01:
 * previous 2023-07-01..2023-12-31, current 2024-01-01..2024-06-30.
 *   p: 1,000 on 2023-08-01, 100 on 2024-02-01
 *   q:   100 on 2023-09-01, 1,000 on 2024-03-01
 *   r:    50 on 2023-10-01 (previous only)   s: 10 on 2024-04-01 (current only)
 * ABC before (total 1,150): p share-before 0 → A; q 1,000/1,150 = 0.870 → B; r 1,100/1,150 = 0.957 → C.
 * ABC now (total 1,110): q → A; p 1,000/1,110 = 0.901 → B; s 1,100/1,110 = 0.991 → C.
 * XYZ: one purchase each → Z in both periods.
 * RFM before (as of 2024-01-01; days 153, 122, 92; one purchase each; 1,000, 100, 50):
 *   p 1+floor(5·0/3)=1, F 1, M 1+floor(5·2/3)=4 → 114 cannot_lose; q 2,1,2 → 212 hibernating;
 *   r 4,1,1 → 411 new.
 * RFM now (days 151, 122, 91; 100, 1,000, 10): p 112 lost; q 214 cannot_lose; s 411 new.
 */
const rows = [
  tx('p', '2023-08-01', 1000),
  tx('p', '2024-02-01', 100),
  tx('q', '2023-09-01', 100),
  tx('q', '2024-03-01', 1000),
  tx('r', '2023-10-01', 50),
  tx('s', '2024-04-01', 10),
];

describe('lastMonthsPeriods', () => {
  it('splits 12 months before 2024-07-01 at 2024-01-01 (calendar months)', () => {
    expect(lastMonthsPeriods(day('2024-07-01'), 6)).toEqual({
      previous: { fromDay: day('2023-07-01'), asOf: day('2024-01-01') },
      current: { fromDay: day('2024-01-01'), asOf: day('2024-07-01') },
    });
    expect(() => lastMonthsPeriods(day('2024-07-01'), 0)).toThrow(AnalyticsError);
  });
});

describe('segmentMigration worked by hand', () => {
  const result = segmentMigration(rows, lastMonthsPeriods(day('2024-07-01'), 6));

  it('ABC: p A → B, q B → A; q moved up to A, p slid down', () => {
    expect(result.abc.counts).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
    expect(result.abc.clientKeys[0]?.[1]).toEqual(['p']);
    expect(result.abc.clientKeys[1]?.[0]).toEqual(['q']);
    expect(result.movedUpToA).toEqual([
      { clientKey: 'q', clientName: 'q', dimension: 'abc', from: 'B', to: 'A' },
    ]);
    expect(result.slidDown).toEqual([
      { clientKey: 'p', clientName: 'p', dimension: 'abc', from: 'A', to: 'B' },
    ]);
  });

  it('XYZ: both stay Z (one purchase each)', () => {
    expect(result.xyz.counts[2]?.[2]).toBe(2);
    expect(result.movedUpToX).toEqual([]);
  });

  it('RFM: p cannot_lose → lost, q hibernating → cannot_lose', () => {
    const idx = (s: string) => result.rfm.states.indexOf(s as never);
    expect(result.rfm.clientKeys[idx('cannot_lose')]?.[idx('lost')]).toEqual(['p']);
    expect(result.rfm.clientKeys[idx('hibernating')]?.[idx('cannot_lose')]).toEqual(['q']);
  });

  it('lists r as gone and s as new; 2 clients in both periods', () => {
    expect(result.clientsInBoth).toBe(2);
    expect(result.onlyPrevious).toEqual(['r']);
    expect(result.onlyCurrent).toEqual(['s']);
  });

  it('compares the base on two as-of days: r (one purchase) stays in both', () => {
    const byDays = segmentMigration(rows, {
      previous: { asOf: day('2024-01-01') },
      current: { asOf: day('2024-07-01') },
    });
    expect(byDays.clientsInBoth).toBe(3);
    expect(byDays.onlyCurrent).toEqual(['s']);
  });

  it('rejects a previous period that ends after the current one', () => {
    expect(() =>
      segmentMigration(rows, {
        previous: { asOf: day('2024-07-02') },
        current: { asOf: day('2024-07-01') },
      }),
    ).toThrow(AnalyticsError);
  });
});

function total(m: TransitionMatrix<string>): number {
  return m.counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

describe('segmentMigration properties', () => {
  const periods = lastMonthsPeriods(BASE_DAY + 820, 12);

  it('every matrix holds each client present in both periods exactly once', () => {
    fc.assert(
      fc.property(transactionsArbitrary, (txs) => {
        const result = segmentMigration(txs, periods);
        const inPeriod = (p: { asOf: number; fromDay?: number }) =>
          new Set(
            summariseCustomers(
              txs.filter((t) => t.day >= (p.fromDay ?? -Infinity)),
              { asOf: p.asOf },
            ).map((s) => s.clientKey),
          );
        const before = inPeriod(periods.previous);
        const after = inPeriod(periods.current);
        const both = [...after].filter((k) => before.has(k)).sort();
        expect(result.clientsInBoth).toBe(both.length);
        for (const m of [result.abc, result.xyz, result.rfm] as TransitionMatrix<string>[]) {
          expect(total(m)).toBe(both.length);
          expect(m.clientKeys.flat(2).sort()).toEqual(both);
          m.counts.forEach((row, i) =>
            row.forEach((count, j) => expect(m.clientKeys[i]?.[j]).toHaveLength(count)),
          );
        }
        expect(result.onlyPrevious.length + both.length).toBe(before.size);
        expect(result.onlyCurrent.length + both.length).toBe(after.size);
      }),
      { numRuns: 60 },
    );
  });

  it('shuffled rows give the same migration', () => {
    fc.assert(
      fc.property(transactionsArbitrary, fc.array(fc.nat()), (txs, picks) => {
        expect(segmentMigration(shuffled(txs, picks), periods)).toEqual(
          segmentMigration(txs, periods),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('clientSegments', () => {
  it('documented example: p as of 2024-01-01 is A, Z, 114 cannot_lose', () => {
    const [p] = clientSegments(rows, day('2024-01-01'), undefined);
    expect(p).toMatchObject({
      abcClass: 'A',
      xyzClass: 'Z',
      rfmCell: '114',
      segment: 'cannot_lose',
    });
  });
});
