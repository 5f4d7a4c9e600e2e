import fc from 'fast-check';
import {
  abcClasses,
  clientHistories,
  clientSegments,
  rankScores,
  summariseCustomers,
  summariseCustomersDetailed,
  xyzClasses,
  type CustomerSummary,
} from '../../../shared/segmentation';
import { rowsFromDay } from '../../../shared/segmentation/transaction-client-index';
import { BASE_DAY, day, transactionsArbitrary, tx } from './retention-fixtures';

// The analyses share one client index per transaction array (and derive one for a window of it),
// so a second analysis need not hash every client id again. Whatever runs first, the results must
// equal those on a fresh copy of the array, where nothing is shared.

const asOfArbitrary = fc.integer({ min: 30, max: 950 }).map((offset) => BASE_DAY + offset);

describe('the client index shared between analyses of one transaction array', () => {
  it('property: summarising after clientHistories equals summarising a fresh copy', () => {
    fc.assert(
      fc.property(transactionsArbitrary, asOfArbitrary, (rows, asOf) => {
        const shared = [...rows];
        clientHistories(shared, asOf);
        expect(summariseCustomersDetailed(shared, { asOf })).toEqual(
          summariseCustomersDetailed([...rows], { asOf }),
        );
      }),
    );
  });

  it('property: clientHistories after summarising equals clientHistories of a fresh copy', () => {
    fc.assert(
      fc.property(transactionsArbitrary, asOfArbitrary, (rows, asOf) => {
        const shared = [...rows];
        summariseCustomers(shared, { asOf });
        expect(clientHistories(shared, asOf)).toEqual(clientHistories([...rows], asOf));
      }),
    );
  });

  it('property: XYZ from the recorded index equals XYZ looked up row by row', () => {
    fc.assert(
      fc.property(transactionsArbitrary, asOfArbitrary, (rows, asOf) => {
        const summaries = summariseCustomers(rows, { asOf });
        // Summaries copied into new objects with the rows in a new array: no index to recall.
        const unshared = xyzClasses(
          [...rows],
          summaries.map((s) => ({ ...s })),
        );
        expect(xyzClasses(rows, summaries)).toEqual(unshared);
      }),
    );
  });

  it('property: a window of a summarised array segments as the same window built afresh', () => {
    fc.assert(
      fc.property(
        transactionsArbitrary,
        asOfArbitrary,
        fc.integer({ min: 0, max: 400 }),
        (rows, asOf, back) => {
          const shared = [...rows];
          summariseCustomers(shared, { asOf });
          const fromDay = asOf - back;
          expect(clientSegments(shared, asOf, fromDay)).toEqual(
            clientSegments([...rows], asOf, fromDay),
          );
        },
      ),
    );
  });

  it('rowsFromDay keeps the rows on or after the day, in order (three rows worked by hand)', () => {
    // a 10 on 5 Jan, b 20 on 1 Feb, a 30 on 1 Mar; from 1 Feb: b 20 and a 30.
    const rows = [tx('a', '2024-01-05', 10), tx('b', '2024-02-01', 20), tx('a', '2024-03-01', 30)];
    const asOf = day('2024-04-01');
    expect(rowsFromDay(rows, day('2024-02-01'), asOf).map((r) => r.amount)).toEqual([20, 30]);
    // Summarised first (an index to derive from), the window's summary is a 30 and b 20.
    summariseCustomers(rows, { asOf });
    const window = rowsFromDay(rows, day('2024-02-01'), asOf);
    expect(window.map((r) => r.amount)).toEqual([20, 30]);
    expect(summariseCustomers(window, { asOf }).map((s) => [s.clientKey, s.totalRevenue])).toEqual([
      ['a', 30],
      ['b', 20],
    ]);
  });
});

describe('the sort-free rank and ABC order', () => {
  // An independent count: W = the number of values strictly lower, score = 1 + floor(5 W / n).
  const byCounting = (values: readonly number[]): number[] =>
    values.map((v) => 1 + Math.floor((5 * values.filter((w) => w < v).length) / values.length));

  it('property: rankScores equals counting the strictly lower values one by one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.constantFrom(-Infinity, -0, 0, 0.5, 1e300),
            fc.double({ noNaN: true }),
          ),
          { maxLength: 80 },
        ),
        (values) => {
          expect([...rankScores(values)]).toEqual(byCounting(values));
        },
      ),
    );
  });

  it('property: rankScores of whole numbers and −∞ (ranked by counting) equals counting one by one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -40, max: 40 }),
            fc.constantFrom(-Infinity, -0, 0),
            fc.integer({ min: -3000, max: 3000 }),
          ),
          { maxLength: 120 },
        ),
        (values) => {
          expect([...rankScores(values)]).toEqual(byCounting(values));
        },
      ),
      { numRuns: 300 },
    );
    expect([...rankScores([-Infinity, -Infinity])]).toEqual([1, 1]);
    expect([...rankScores([0, 1e9])]).toEqual([1, 3]);
  });

  it('rankScores of [-0, 0, -Infinity] treats the zeros as equal (W = 1, 1, 0 -> 2, 2, 1)', () => {
    expect([...rankScores([-0, 0, -Infinity])]).toEqual([2, 2, 1]);
  });

  it('property: ABC classes and ranks do not depend on the order of the summaries', () => {
    fc.assert(
      fc.property(transactionsArbitrary, fc.array(fc.nat(), { maxLength: 20 }), (rows, picks) => {
        if (rows.length === 0) return;
        const summaries = summariseCustomers(rows);
        const reordered: CustomerSummary[] = [...summaries];
        // A deterministic shuffle driven by the generated picks.
        picks.forEach((p, i) => {
          const a = i % reordered.length;
          const b = p % reordered.length;
          [reordered[a], reordered[b]] = [
            reordered[b] as CustomerSummary,
            reordered[a] as CustomerSummary,
          ];
        });
        const byKey = new Map(abcClasses(summaries).map((c) => [c.clientKey, c]));
        for (const c of abcClasses(reordered)) expect(c).toEqual(byKey.get(c.clientKey));
      }),
    );
  });
});
