import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import { clientHistories } from '../../../shared/segmentation/client-histories';
import { summariseCustomers } from '../../../shared/segmentation/customer-summary';
import type { Transaction } from '../../../shared/sheet-data/types';
import { BASE_DAY, shuffled, transactionsArbitrary } from './retention-fixtures';

function row(r: number, day: number, amount: number, orderId?: string): Transaction {
  return {
    row: r,
    clientKey: 'a',
    clientName: r === 2 ? 'A' : 'a',
    day,
    amount,
    ...(orderId ? { orderId } : {}),
  };
}

describe('clientHistories', () => {
  it('documented example: one visit on day 5, 2 purchases, net 100 + 50 − 20 = 130', () => {
    const [h, ...rest] = clientHistories([row(4, 9, -20), row(3, 5, 50, '7'), row(2, 5, 100)], 10);
    expect(rest).toEqual([]);
    expect(h?.purchaseDays).toEqual([5]);
    expect(h?.purchaseCount).toBe(2);
    expect(h?.netRevenue).toBe(130);
    expect(h?.clientName).toBe('A');
    expect(h?.transactions.map((t) => t.row)).toEqual([2, 3, 4]);
  });

  it('leaves out rows on or after the as-of day and rejects a fractional day', () => {
    expect(clientHistories([row(2, 10, 5)], 10)).toEqual([]);
    expect(() => clientHistories([row(2, 1.5, 5)], 10)).toThrow(AnalyticsError);
  });

  it('agrees with summariseCustomers on clients, purchase counts and revenue (independent implementation)', () => {
    fc.assert(
      fc.property(transactionsArbitrary, fc.array(fc.nat()), (rows, picks) => {
        const asOf = BASE_DAY + 700;
        const histories = clientHistories(shuffled(rows, picks), asOf);
        const summaries = summariseCustomers(rows, { asOf });
        expect(histories.map((h) => h.clientKey)).toEqual(summaries.map((s) => s.clientKey));
        histories.forEach((h, i) => {
          const s = summaries[i];
          expect(h.purchaseCount).toBe(s?.purchaseCount);
          expect(h.netRevenue).toBeCloseTo(s?.totalRevenue ?? Number.NaN, 6);
          expect(h.purchaseDays[0] ?? null).toBe(s?.firstPurchaseDay);
          expect(h.purchaseDays[h.purchaseDays.length - 1] ?? null).toBe(s?.lastPurchaseDay);
          expect(h.clientName).toBe(s?.clientName);
        });
      }),
    );
  });
});
