import fc from 'fast-check';
import {
  ABC_CLASSES,
  RFM_SEGMENTS,
  XYZ_CLASSES,
  abcClasses,
  abcXyzMatrix,
  rfmScores,
  rfmSegment,
  segmentTable,
  summariseCustomersDetailed,
  summaryColumnsOfTable,
  xyzClassColumns,
  xyzClasses,
  type XyzPeriod,
  type RfmScoreOptions,
  type SegmentationOptions,
} from '../../../shared/segmentation';
import { positionsOfClients } from '../../../shared/segmentation/summary-clients';
import { transactionTable } from '../../../shared/segmentation/transaction-client-index';
import type { Transaction } from '../../../shared/sheet-data';
import { transactionListArbitrary, tx } from './transaction-fixtures';

const THRESHOLDS: RfmScoreOptions = {
  mode: 'thresholds',
  recencyDays: [30, 90, 180, 365],
  frequency: [2, 3, 5, 8],
  monetary: [100, 1000, 3000, 5000],
};

const optionsArbitrary: fc.Arbitrary<SegmentationOptions> = fc.record(
  {
    abc: fc.constantFrom({}, { thresholds: [0.75, 0.95] as [number, number] }),
    xyz: fc.constantFrom(
      {},
      { period: 'week' as const },
      { limits: [0.2, 0.6] as [number, number] },
    ),
    rfm: fc.constantFrom<RfmScoreOptions>({ mode: 'rank' }, THRESHOLDS),
  },
  { requiredKeys: [] },
);

/**
 * The segmentation by the per-object functions (`summariseCustomersDetailed`, `rfmScores`,
 * `rfmSegment`, `abcClasses`, `xyzClasses`, `abcXyzMatrix`), in the shape of `segmentTable`'s
 * columns, client by client.
 */
function byObjects(
  rows: readonly Transaction[],
  asOf: number | undefined,
  options: SegmentationOptions,
) {
  const { customers, asOfDay, transactionsAfterAsOf } = summariseCustomersDetailed(
    rows,
    asOf === undefined ? {} : { asOf },
  );
  const rfm = rfmScores(customers, options.rfm);
  const abc = abcClasses(customers, options.abc);
  const xyz = xyzClasses(rows, customers, options.xyz);
  return {
    asOfDay,
    transactionsAfterAsOf,
    clients: customers.map((c, i) => ({
      key: c.clientKey,
      purchaseCount: c.purchaseCount,
      totalRevenue: c.totalRevenue,
      lastPurchaseDay: c.lastPurchaseDay,
      rfmCell: rfm[i]?.rfmCell,
      segment: rfmSegment(rfm[i]?.rfmCell ?? ''),
      abc: abc[i]?.abcClass,
      rank: abc[i]?.rank,
      xyz: xyz[i]?.xyzClass,
      cv: xyz[i]?.coefficientOfVariation,
    })),
    matrix: abcXyzMatrix(abc, xyz),
  };
}

function byColumns(
  rows: readonly Transaction[],
  asOf: number | undefined,
  options: SegmentationOptions,
) {
  const table = transactionTable(rows, Infinity);
  const segments = segmentTable(table, {
    ...options,
    ...(asOf === undefined ? {} : { asOf }),
  });
  const { summary, rfm, abc, xyz } = segments;
  const keys = table.clientKeys;
  return {
    asOfDay: summary.asOfDay,
    transactionsAfterAsOf: summary.transactionsAfterAsOf,
    clients: Array.from(summary.clients, (client, i) => {
      const last = summary.lastPurchaseDay[i] as number;
      const cv = xyz.coefficientOfVariation[i] as number;
      return {
        key: keys[client],
        purchaseCount: summary.purchaseCount[i],
        totalRevenue: summary.totalRevenue[i],
        lastPurchaseDay: last === last ? last : null,
        rfmCell: `${rfm.recency[i]}${rfm.frequency[i]}${rfm.monetary[i]}`,
        segment: RFM_SEGMENTS[segments.segment[i] as number],
        abc: ABC_CLASSES[abc.abcClass[i] as number],
        rank: abc.rank[i],
        xyz: XYZ_CLASSES[xyz.xyzClass[i] as number],
        cv: cv === cv ? cv : null,
      };
    }),
    matrix: segments.matrix,
  };
}

describe('segmentTable', () => {
  it('doc example, worked by hand: a (100 on day 10, 50 on day 20) is 333 potential_loyalist, A; b (refund of 30) is 111 lost, C, Z', () => {
    const rows = [tx('a', 10, 100), tx('a', 20, 50), tx('b', 15, -30)];
    const segments = segmentTable(transactionTable(rows, Infinity), { asOf: 21 });
    const { rfm } = segments;
    expect([rfm.recency[0], rfm.frequency[0], rfm.monetary[0]]).toEqual([3, 3, 3]);
    expect([rfm.recency[1], rfm.frequency[1], rfm.monetary[1]]).toEqual([1, 1, 1]);
    expect(Array.from(segments.segment, (s) => RFM_SEGMENTS[s])).toEqual([
      'potential_loyalist',
      'lost',
    ]);
    expect(Array.from(segments.abc.abcClass, (c) => ABC_CLASSES[c])).toEqual(['A', 'C']);
    expect(XYZ_CLASSES[segments.xyz.xyzClass[1] as number]).toBe('Z');
    expect([...segments.positionOfClient]).toEqual([0, 1]);
  });

  it('gives, client by client, what the per-object functions give (random lists, as-of days and options)', () => {
    fc.assert(
      fc.property(
        transactionListArbitrary,
        fc.option(fc.integer({ min: 19000, max: 19800 }), { nil: undefined }),
        optionsArbitrary,
        (rows, asOf, options) => {
          // An as-of day before every row leaves nothing to segment: both refuse alike.
          let expected: ReturnType<typeof byObjects> | string;
          try {
            expected = byObjects(rows, asOf, options);
          } catch (error) {
            expected = String(error);
          }
          let actual: ReturnType<typeof byColumns> | string;
          try {
            actual = byColumns(rows, asOf, options);
          } catch (error) {
            actual = String(error);
          }
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("XYZ on the summary's grouped rows equals XYZ grouping the rows itself (random lists, as-of days and periods)", () => {
    fc.assert(
      fc.property(
        transactionListArbitrary,
        fc.integer({ min: 19000, max: 19800 }),
        fc.constantFrom<XyzPeriod>('week', 'month', 'quarter'),
        (rows, asOf, period) => {
          const table = transactionTable(rows, Infinity);
          const summary = summaryColumnsOfTable(table, { asOf });
          const positionOfClient = positionsOfClients(summary.clients, table.clientKeys.length);
          const { rowGroups: _, ...ungrouped } = summary;
          expect(xyzClassColumns(table, { ...summary, positionOfClient }, { period })).toEqual(
            xyzClassColumns(table, { ...ungrouped, positionOfClient }, { period }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('positionsOfClients doc example: clients [2, 0] of 3 give positions [1, −1, 0]', () => {
    expect([...positionsOfClients(Int32Array.of(2, 0), 3)]).toEqual([1, -1, 0]);
  });

  it('a custom segment map is used (every cell of the map moved to one segment gives that segment)', () => {
    const all = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, [] as string[]])) as Record<
      (typeof RFM_SEGMENTS)[number],
      string[]
    >;
    for (let r = 1; r <= 5; r += 1)
      for (let f = 1; f <= 5; f += 1)
        for (let m = 1; m <= 5; m += 1) all.loyal.push(`${r}${f}${m}`);
    const rows = [tx('a', 10, 100), tx('b', 12, 5), tx('c', 14, 70)];
    const segments = segmentTable(transactionTable(rows, Infinity), { rfmSegmentMap: all });
    expect(Array.from(segments.segment, (s) => RFM_SEGMENTS[s])).toEqual([
      'loyal',
      'loyal',
      'loyal',
    ]);
  });
});
