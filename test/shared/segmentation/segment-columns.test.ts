import { dayFromYmd } from '../../../shared/calendar';
import {
  abcClassColumns,
  abcXyzMatrixOfColumns,
  rfmScoreColumns,
  summaryColumnsOfTable,
  xyzClassColumns,
} from '../../../shared/segmentation';
import { transactionTable } from '../../../shared/segmentation/transaction-client-index';
import { tx } from './transaction-fixtures';

// The doc examples of the column functions, each worked by hand in its doc comment.
describe('segmentation on columns: doc examples', () => {
  it('summaryColumnsOfTable: (a, 10, 100), (a, 20, 50), (b, 15, −30) as of day 21 give purchases [2, 0], revenue [150, −30], last day [20, NaN]', () => {
    const table = transactionTable([tx('a', 10, 100), tx('a', 20, 50), tx('b', 15, -30)], 21);
    const columns = summaryColumnsOfTable(table, { asOf: 21 });
    expect([...columns.purchaseCount]).toEqual([2, 0]);
    expect([...columns.totalRevenue]).toEqual([150, -30]);
    expect([...columns.lastPurchaseDay]).toEqual([20, NaN]);
    // The rows of each client, in table order.
    expect([...columns.rowGroups.from]).toEqual([0, 2, 3]);
    expect([...columns.rowGroups.rows]).toEqual([0, 1, 2]);
  });

  it('rfmScoreColumns: days [1, 30, none], purchases [3, 1, 0], revenue [500, 100, −20] score 4, 2, 1 on each measure (W = 2, 1, 0 of n = 3)', () => {
    const scores = rfmScoreColumns({
      daysSinceLastPurchase: Float64Array.of(1, 30, NaN),
      purchaseCount: Float64Array.of(3, 1, 0),
      totalRevenue: Float64Array.of(500, 100, -20),
    });
    expect([...scores.recency]).toEqual([4, 2, 1]);
    expect([...scores.frequency]).toEqual([4, 2, 1]);
    expect([...scores.monetary]).toEqual([4, 2, 1]);
  });

  it('abcClassColumns: revenues 50, 30, 10, 6, 4 (shares before 0, .5, .8, .9, .96) are A, A, B, B, C', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const columns = abcClassColumns(Float64Array.of(50, 30, 10, 6, 4), (i) => keys[i] as string);
    expect([...columns.abcClass]).toEqual([0, 0, 1, 1, 2]);
    expect([...columns.rank]).toEqual([1, 2, 3, 4, 5]);
    expect(columns.cumulativeShareBefore[4]).toBeCloseTo(0.96, 12);
  });

  it('xyzClassColumns: monthly revenue 100, 0, 200, 100 (Jan–Apr, as of 1 May) has CV √5000 / 100 = 0.7071: Y', () => {
    const rows = [
      tx('a', dayFromYmd(2024, 1, 10), 100),
      tx('a', dayFromYmd(2024, 3, 5), 200),
      tx('a', dayFromYmd(2024, 4, 20), 100),
    ];
    const asOf = dayFromYmd(2024, 5, 1);
    const table = transactionTable(rows, asOf);
    const summary = summaryColumnsOfTable(table, { asOf });
    const columns = xyzClassColumns(table, { ...summary, positionOfClient: Int32Array.of(0) });
    expect(columns.xyzClass[0]).toBe(1);
    expect(columns.coefficientOfVariation[0]).toBeCloseTo(Math.sqrt(5000) / 100, 12);
    expect(columns.periodCount[0]).toBe(4);
    // The same without the summary's row groups: the rows are grouped through positionOfClient.
    const { rowGroups: _, ...withoutGroups } = summary;
    const regrouped = xyzClassColumns(table, {
      ...withoutGroups,
      positionOfClient: Int32Array.of(0),
    });
    expect(regrouped).toEqual(columns);
  });

  it('abcXyzMatrixOfColumns: A X 60, A Y 30, C Z 10 give AX, AY and CZ one client each with revenue shares 0.6, 0.3, 0.1', () => {
    const cells = abcXyzMatrixOfColumns(
      Uint8Array.of(0, 0, 2),
      Uint8Array.of(0, 1, 2),
      Float64Array.of(60, 30, 10),
    );
    const byCell = Object.fromEntries(cells.map((c) => [c.cell, c]));
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
    expect(byCell.AX?.clientCount).toBe(1);
    expect(byCell.AX?.revenueShare).toBeCloseTo(0.6, 12);
    expect(byCell.AY?.revenueShare).toBeCloseTo(0.3, 12);
    expect(byCell.CZ?.revenueShare).toBeCloseTo(0.1, 12);
    expect(byCell.BX?.clientCount).toBe(0);
  });
});
