import fc from 'fast-check';
import { parseIsoDay, type CalendarDay } from '../../../shared/calendar';
import type { Transaction } from '../../../shared/sheet-data/types';

/** Calendar day of an ISO date, failing loudly on a typo in a test. */
export function day(iso: string): CalendarDay {
  const parsed = parseIsoDay(iso);
  if (parsed === undefined) throw new Error(`bad test date ${iso}`);
  return parsed;
}

let nextRow = 2;

/** A transaction row as `readSheet` would give it; rows are numbered in creation order. */
export function tx(
  client: string,
  iso: string,
  amount: number,
  extra: Partial<Omit<Transaction, 'clientKey' | 'clientName' | 'day' | 'amount'>> = {},
): Transaction {
  const row = extra.row ?? nextRow++;
  return {
    ...extra,
    row,
    clientKey: client.toLowerCase(),
    clientName: client,
    day: day(iso),
    amount,
  };
}

/** Fisher–Yates shuffle driven by fast-check's integers, so failures replay from the seed. */
export function shuffled<T>(items: readonly T[], picks: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = (picks[i % Math.max(picks.length, 1)] ?? 0) % (i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** Day 0 of the generated histories: 2022-01-01. */
export const BASE_DAY = day('2022-01-01');

/**
 * Random transaction lists over ~2.5 years for up to 12 clients, refunds and same-day rows
 * included, with optional categories, managers and channels.
 */
export const transactionsArbitrary = fc
  .array(
    fc.record({
      client: fc.integer({ min: 0, max: 11 }),
      offset: fc.integer({ min: 0, max: 900 }),
      amount: fc.oneof(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: -300, max: -1 }),
        fc.constant(0),
      ),
      category: fc.constantFrom('hair', 'nails', 'spa'),
      manager: fc.constantFrom('Anna', 'Boris'),
      channel: fc.constantFrom('instagram', 'referral', 'walk-in'),
    }),
    { maxLength: 120 },
  )
  .map((rows) =>
    rows.map((r, i): Transaction => ({
      row: i + 2,
      clientKey: `c${r.client}`,
      clientName: `C${r.client}`,
      day: BASE_DAY + r.offset,
      amount: r.amount,
      category: r.category,
      manager: r.manager,
      channel: r.channel,
    })),
  );
