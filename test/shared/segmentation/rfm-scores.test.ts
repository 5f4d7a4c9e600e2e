import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import {
  rankScores,
  rfmScores,
  rfmSegment,
  summariseCustomers,
  type CustomerSummary,
} from '../../../shared/segmentation';
import { transactionListArbitrary, tx } from './transaction-fixtures';

// Six clients as of day 100, worked by hand (n = 6, score = 1 + floor(5 W / 6)):
//   client  days since  purchases  revenue
//   a       5           3          300
//   b       5           1          100
//   c       10          2          200
//   d       30          2           50
//   e       60          1          100
//   f       (refund only) 0        -20
// Recency W: a, b 4 (c, d, e, f worse) -> 1 + floor(20/6) = 4; c 3 -> 3; d 2 -> 2; e 1 -> 1; f 0 -> 1.
// Frequency W: a 5 -> 5; c, d 3 -> 3; b, e 1 -> 1 + floor(5/6) = 1; f 0 -> 1.
// Monetary W: a 5 -> 5; c 4 -> 4; b, e 2 -> 2; d 1 -> 1; f 0 -> 1.
const sixClients = [
  tx('a', 50, 100),
  tx('a', 60, 100),
  tx('a', 95, 100),
  tx('b', 95, 100),
  tx('c', 80, 100),
  tx('c', 90, 100),
  tx('d', 40, 25),
  tx('d', 70, 25),
  tx('e', 40, 100),
  tx('f', 50, -20),
];

describe('rfmScores (rank mode)', () => {
  it('gives the cells worked by hand for six clients with ties (455 412 334 231 112 111)', () => {
    const scores = rfmScores(summariseCustomers(sixClients, { asOf: 100 }));
    expect(scores.map((s) => [s.clientKey, s.rfmCell])).toEqual([
      ['a', '455'],
      ['b', '412'],
      ['c', '334'],
      ['d', '231'],
      ['e', '112'],
      ['f', '111'],
    ]);
    expect(scores.map((s) => rfmSegment(s))).toEqual([
      'champions',
      'new',
      'need_attention',
      'hibernating',
      'lost',
      'lost',
    ]);
  });

  it('rankScores matches the doc-card example (W = 0, 1, 1, 3, 4 of n = 5 -> 1, 2, 2, 4, 5)', () => {
    expect(Array.from(rankScores([1, 2, 2, 3, 5]))).toEqual([1, 2, 2, 4, 5]);
    expect(Array.from(rankScores([5, 3, 2, 2, 1]))).toEqual([5, 4, 2, 2, 1]);
  });

  it('gives a single client score 1 everywhere (W = 0, by the rule)', () => {
    expect(rfmScores(summariseCustomers([tx('a', 1, 10)]))[0]?.rfmCell).toBe('111');
  });

  it('property: scores stay in 1..5, ties share scores, and better never scores lower', () => {
    fc.assert(
      fc.property(transactionListArbitrary, (rows) => {
        const summaries = summariseCustomers(rows);
        const scores = rfmScores(summaries);
        scores.forEach((s, i) => {
          for (const v of [s.recencyScore, s.frequencyScore, s.monetaryScore]) {
            expect(v).toBeGreaterThanOrEqual(1);
            expect(v).toBeLessThanOrEqual(5);
          }
          scores.forEach((o, j) => {
            const a = summaries[i] as CustomerSummary;
            const b = summaries[j] as CustomerSummary;
            if (a.purchaseCount > b.purchaseCount)
              expect(s.frequencyScore).toBeGreaterThanOrEqual(o.frequencyScore);
            if (a.purchaseCount === b.purchaseCount)
              expect(s.frequencyScore).toBe(o.frequencyScore);
            if (a.totalRevenue === b.totalRevenue) expect(s.monetaryScore).toBe(o.monetaryScore);
          });
        });
      }),
    );
  });
});

describe('rfmScores (thresholds mode)', () => {
  const options = {
    mode: 'thresholds',
    recencyDays: [30, 90, 180, 365],
    frequency: [2, 3, 5, 10],
    monetary: [100, 500, 1000, 5000],
  } as const;
  const summary = (days: number | null, purchases: number, revenue: number): CustomerSummary => ({
    clientKey: 'x',
    clientName: 'x',
    firstPurchaseDay: days === null ? null : 0,
    lastPurchaseDay: days === null ? null : 0,
    daysSinceLastPurchase: days,
    purchaseCount: purchases,
    refundCount: 0,
    totalRevenue: revenue,
    asOfDay: 400,
  });

  it.each([
    [30, 1, 99.99, '511'],
    [31, 2, 100, '422'],
    [90, 3, 500, '433'],
    [180, 5, 1000, '344'],
    [181, 9, 4999, '244'],
    [365, 10, 5000, '255'],
    [400, 100, 1e6, '155'],
    [null, 0, -5, '111'],
  ])(
    'days %p, purchases %p, revenue %p -> %s (the documented cut-point rule, by hand)',
    (days, purchases, revenue, cell) => {
      expect(rfmScores([summary(days, purchases, revenue)], options)[0]?.rfmCell).toBe(cell);
    },
  );

  it('rejects cut points that are not four increasing numbers, naming the argument', () => {
    expect(() => rfmScores([], { ...options, frequency: [1, 2, 3] })).toThrow(/frequency/);
    expect(() => rfmScores([], { ...options, monetary: [1, 3, 2, 4] })).toThrow(AnalyticsError);
    expect(() => rfmScores([], { ...options, recencyDays: [1, 2, 3, Number.NaN] })).toThrow(
      /recencyDays/,
    );
  });
});
