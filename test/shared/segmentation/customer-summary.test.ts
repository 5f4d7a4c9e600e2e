import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import {
  defaultAsOfDay,
  summariseCustomers,
  summariseCustomersDetailed,
} from '../../../shared/segmentation';
import { transactionListArbitrary, tx } from './transaction-fixtures';
import { latestPurchaseDay } from '../../../shared/segmentation/customer-summary';

describe('summariseCustomers', () => {
  it('matches the doc-card example worked by hand (a: 100 + 50, last day 20; b: refund only)', () => {
    const result = summariseCustomers([tx('a', 10, 100), tx('a', 20, 50), tx('b', 15, -30)], {
      asOf: 21,
    });
    expect(result).toEqual([
      expect.objectContaining({
        clientKey: 'a',
        firstPurchaseDay: 10,
        lastPurchaseDay: 20,
        daysSinceLastPurchase: 1,
        purchaseCount: 2,
        refundCount: 0,
        totalRevenue: 150,
        asOfDay: 21,
      }),
      expect.objectContaining({
        clientKey: 'b',
        firstPurchaseDay: null,
        lastPurchaseDay: null,
        daysSinceLastPurchase: null,
        purchaseCount: 0,
        refundCount: 1,
        totalRevenue: -30,
      }),
    ]);
  });

  it('defaults as-of to the day after the latest purchase, ignoring a later refund (hand: 20 + 1)', () => {
    const rows = [tx('a', 10, 100), tx('a', 20, 50), tx('b', 25, -30)];
    expect(defaultAsOfDay(rows)).toBe(21);
    const detailed = summariseCustomersDetailed(rows);
    expect(detailed.asOfDay).toBe(21);
    // The refund on day 25 is after the as-of day 21, so it is left out and counted.
    expect(detailed.transactionsAfterAsOf).toBe(1);
    expect(detailed.customers.map((c) => c.clientKey)).toEqual(['a']);
  });

  it('counts distinct order ids, and rows without an id one each (hand: o1, o1, o2 + 1 row = 3)', () => {
    const [a] = summariseCustomers(
      [
        tx('a', 1, 10, { orderId: 'o1' }),
        tx('a', 1, 15, { orderId: 'o1' }),
        tx('a', 2, 20, { orderId: 'o2' }),
        tx('a', 3, 5),
        tx('a', 4, -5, { orderId: 'o2' }),
      ],
      { asOf: 10 },
    );
    expect(a?.purchaseCount).toBe(3);
    expect(a?.refundCount).toBe(1);
    expect(a?.totalRevenue).toBe(45);
  });

  it('keeps the first spelling, earliest manager and channel, and sums profit (hand-built rows)', () => {
    const [a] = summariseCustomers(
      [
        tx('a', 5, 10, { row: 9, clientName: 'ANN', manager: 'Olga', profit: 4 }),
        tx('a', 3, 10, { row: 7, clientName: 'Ann', channel: 'Instagram' }),
        tx('a', 3, 10, { row: 8, clientName: 'ann', manager: 'Ivan', channel: 'VK', profit: 2.5 }),
      ],
      { asOf: 6 },
    );
    expect(a).toMatchObject({
      clientName: 'Ann',
      manager: 'Ivan',
      channel: 'Instagram',
      totalProfit: 6.5,
    });
  });

  it('leaves totalProfit, manager and channel out when no row has them', () => {
    const [a] = summariseCustomers([tx('a', 1, 10)], { asOf: 2 });
    expect(a).not.toHaveProperty('totalProfit');
    expect(a).not.toHaveProperty('manager');
    expect(a).not.toHaveProperty('channel');
  });

  it('sums money exactly rounded (0.1 ten times is exactly 1, a plain loop gives 0.9999999999999999)', () => {
    const rows = Array.from({ length: 10 }, (_, i) => tx('a', i, 0.1));
    expect(summariseCustomers(rows)[0]?.totalRevenue).toBe(1);
  });

  it('gives the exactly rounded revenue in either row order (a compensated sum does not)', () => {
    const amounts = [2 ** -54, 2 ** -54, 0.5, -(2 ** 53)];
    const rows = amounts.map((amount) => tx('a', 1, amount));
    // Exact sum −2^53 + 0.5 + 2^−53 rounds to −(2^53 − 1) (Python's math.fsum agrees); a Neumaier
    // sum gives that in this order and −2^53 with the rows reversed.
    expect(summariseCustomers(rows)[0]?.totalRevenue).toBe(-(2 ** 53 - 1));
    expect(summariseCustomers([...rows].reverse())[0]?.totalRevenue).toBe(-(2 ** 53 - 1));
  });

  it('rejects a non-finite amount naming its row, and an empty list without as-of', () => {
    expect(() => summariseCustomers([tx('a', 1, Number.NaN, { row: 42 })])).toThrow(/row 42/);
    expect(() => summariseCustomers([])).toThrow(AnalyticsError);
    expect(summariseCustomers([], { asOf: 100 })).toEqual([]);
  });

  it('property: shuffling the rows changes nothing', () => {
    fc.assert(
      fc.property(transactionListArbitrary, fc.infiniteStream(fc.nat()), (rows, seeds) => {
        const shuffled = [...rows];
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const j = (seeds.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(summariseCustomers(shuffled)).toEqual(summariseCustomers(rows));
      }),
    );
  });

  it('property: re-casing the displayed names changes nothing but the names', () => {
    fc.assert(
      fc.property(transactionListArbitrary, (rows) => {
        const recased = rows.map((t) => ({ ...t, clientName: t.clientName.toLowerCase() }));
        const strip = (list: ReturnType<typeof summariseCustomers>) =>
          list.map(({ clientName: _name, ...rest }) => rest);
        expect(strip(summariseCustomers(recased))).toEqual(strip(summariseCustomers(rows)));
      }),
    );
  });

  it('property: sorted by clientKey, revenue equals the sum of rows, counts add up', () => {
    fc.assert(
      fc.property(transactionListArbitrary, (rows) => {
        const {
          customers: result,
          asOfDay,
          transactionsAfterAsOf,
        } = summariseCustomersDetailed(rows);
        const keys = result.map((c) => c.clientKey);
        expect(keys).toEqual([...keys].sort());
        const counted = rows.filter((t) => t.day < asOfDay);
        expect(counted.length + transactionsAfterAsOf).toBe(rows.length);
        const refunds = counted.filter((t) => t.amount < 0).length;
        expect(result.reduce((sum, c) => sum + c.refundCount, 0)).toBe(refunds);
        for (const c of result) {
          const own = counted.filter((t) => t.clientKey === c.clientKey);
          const cents = own.reduce((sum, t) => sum + Math.round(t.amount * 100), 0);
          expect(Math.round(c.totalRevenue * 100)).toBe(cents);
          expect(c.purchaseCount).toBeLessThanOrEqual(own.filter((t) => t.amount >= 0).length);
          if (c.daysSinceLastPurchase !== null) expect(c.daysSinceLastPurchase).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('latestPurchaseDay', () => {
  it('gives the doc card example: a purchase on day 20 and a refund on day 30 give 20; refunds only give undefined', () => {
    expect(latestPurchaseDay([tx('a', 20, 5), tx('a', 30, -5)])).toBe(20);
    expect(latestPurchaseDay([tx('a', 30, -5)])).toBeUndefined();
  });
});
