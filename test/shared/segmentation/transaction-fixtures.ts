import fc from 'fast-check';
import type { Transaction } from '../../../shared/sheet-data/types';

let nextRow = 2;

/** A transaction for tests; the row number counts up from 2 (row 1 is the header). */
export function tx(
  clientKey: string,
  day: number,
  amount: number,
  extra: Partial<Omit<Transaction, 'clientKey' | 'day' | 'amount'>> = {},
): Transaction {
  const row = extra.row ?? nextRow++;
  return { clientName: clientKey, ...extra, row, clientKey, day, amount };
}

/** Random transaction lists: a few clients, two years of days, refunds, optional order ids. */
export const transactionListArbitrary = fc
  .array(
    fc.record({
      client: fc.constantFrom('ann', 'bob', 'cat', 'dan', 'eve', 'fay', 'gus'),
      day: fc.integer({ min: 19000, max: 19730 }),
      cents: fc.integer({ min: -5000, max: 500000 }),
      order: fc.option(fc.constantFrom('o1', 'o2', 'o3', 'o4'), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((rows) =>
    rows.map((r, i): Transaction => {
      const base: Transaction = {
        row: i + 2,
        clientKey: r.client,
        clientName: r.client.toUpperCase(),
        day: r.day,
        amount: r.cents / 100,
      };
      return r.order === undefined ? base : { ...base, orderId: r.order };
    }),
  );
