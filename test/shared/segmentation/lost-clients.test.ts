import fc from 'fast-check';
import type { Transaction } from '../../../shared/sheet-data/types';
import { AnalyticsError } from '../../../shared/errors';
import {
  averageLifetimeMonths,
  churnWindow,
  clientChurnStatuses,
  lostClients,
  revenueKeptByChurnCut,
} from '../../../shared/segmentation/lost-clients';
import { clientHistories } from '../../../shared/segmentation/client-histories';
import { summariseCustomers } from '../../../shared/segmentation/customer-summary';
import { ltvSimpleInputs } from '../../../shared/metrics/ltv-simple';
import { BASE_DAY, day, shuffled, transactionsArbitrary, tx } from './retention-fixtures';

describe('churnWindow', () => {
  it('floors 3 × median at 90 days (hand: gaps 10, 30 → median 20, 3 × 20 = 60 < 90)', () => {
    expect(churnWindow([0, 10, 40])).toEqual({
      windowDays: 90,
      basis: 'minimum',
      medianIntervalDays: 20,
    });
  });

  it('uses 3 × median above the floor (hand: gaps 50, 50, 60 → median 50 → 150 days)', () => {
    expect(churnWindow([0, 50, 100, 160])).toEqual({
      windowDays: 150,
      basis: 'median_interval',
      medianIntervalDays: 50,
    });
  });

  it('gives a one-time buyer 180 days, and honours the options (hand: 2 × 10 = 20 > 0)', () => {
    expect(churnWindow([5])).toEqual({
      windowDays: 180,
      basis: 'one_time_buyer',
      medianIntervalDays: null,
    });
    expect(churnWindow([5], { oneTimeBuyerWindowDays: 60 }).windowDays).toBe(60);
    expect(churnWindow([0, 10], { windowMultiplier: 2, minimumWindowDays: 0 }).windowDays).toBe(20);
  });

  it('throws a typed error for no purchase days or a negative option', () => {
    expect(() => churnWindow([])).toThrow(AnalyticsError);
    expect(() => churnWindow([1, 2], { minimumWindowDays: -1 })).toThrow(AnalyticsError);
  });
});

/*
 * A small base worked by hand, as of 2024-06-01 (period 2023-06-01 .. 2024-06-01):
 * A buys 1,000 on the 1st of every month of 2023. Gaps 31,28,31,30,31,30,31,31,30,31,30 → sorted
 *   28,30,30,30,30,31,31,31,31,31,31 → median 31 → window 93 days; lost on 2023-12-01 + 93 =
 *   2024-03-03. At the period start its 5 purchases (Jan..May) have gaps 31,28,31,30 → median 30.5
 *   → window 91.5; 2023-06-01 − 2023-05-01 = 31 < 91.5 → active then.
 * B buys 2023-01-15 (200) and 2024-05-01 (300): one gap of 472 days → window 1,416 → active.
 *   At the period start it is a one-time buyer 137 days after its purchase (< 180) → active then.
 * C buys once on 2022-01-10 (800): lost on 2022-07-09, before the period → lost, not in the list.
 * D buys once on 2023-09-01 (500): lost on 2024-02-28, inside the period, acquired in the period.
 */
function handBase() {
  const rows = [];
  for (let month = 1; month <= 12; month += 1) {
    rows.push(tx('A', `2023-${String(month).padStart(2, '0')}-01`, 1000));
  }
  rows.push(tx('B', '2023-01-15', 200), tx('B', '2024-05-01', 300));
  rows.push(tx('C', '2022-01-10', 800));
  rows.push(tx('D', '2023-09-01', 500));
  return rows;
}

describe('lostClients on a base worked by hand', () => {
  const asOf = day('2024-06-01');

  it('lists A and D with their lost days and values (1,000 a month × 240 months = 240,000)', () => {
    const result = lostClients(handBase(), { asOf, expectedRemainingMonths: 240 });
    expect(result.periodStart).toBe(day('2023-06-01'));
    expect(result.lostClients.map((c) => c.clientKey)).toEqual(['a', 'd']);
    const [a, d] = result.lostClients;
    expect(a?.windowDays).toBe(93);
    expect(a?.lostDay).toBe(day('2024-03-03'));
    expect(a?.lastPurchaseDay).toBe(day('2023-12-01'));
    expect(a?.yearlyRevenueBeforeLeaving).toBe(12000);
    expect(a?.monthlySpend).toBe(1000);
    expect(a?.valueLost).toBe(240000);
    expect(a?.activeAtPeriodStart).toBe(true);
    // D: 500 / 12 a month × 240 months = 10,000.
    expect(d?.lostDay).toBe(day('2024-02-28'));
    expect(d?.valueLost).toBeCloseTo(10000, 9);
    expect(d?.activeAtPeriodStart).toBe(false);
  });

  it('totals: churn 1 of 2 active at the start, lost revenue 12,500, one point worth 52', () => {
    const { totals } = lostClients(handBase(), { asOf, expectedRemainingMonths: 240 });
    expect(totals).toMatchObject({
      clientsWithPurchases: 4,
      activeClients: 1,
      lostClients: 3,
      lostInPeriod: 2,
      activeAtPeriodStart: 2,
      lostFromPeriodStart: 1,
      churnRate: 0.5,
      lostYearlyRevenue: 12500,
    });
    expect(totals.valueLost).toBeCloseTo(250000, 9);
    // Revenue on 2023-06-01 .. 2024-05-31: A 7 × 1,000 + B 300 + D 500 = 7,800 over 3 buyers.
    expect(totals.yearlyValuePerClient).toBeCloseTo(2600, 9);
    // 2 clients active at the start × 1 % × 2,600 = 52; cost of churn 1 × 2,600.
    expect(totals.valuePerChurnPoint).toBeCloseTo(52, 9);
    expect(totals.yearlyCostOfChurn).toBeCloseTo(2600, 9);
  });

  it('defaults the remaining lifetime to the base average (hand: months 12 + 17 + 1 + 1 over 4 = 7.75)', () => {
    // A Jan..Dec 2023 = 12 active months; B Jan 2023..May 2024 = 17; C and D one month each.
    const result = lostClients(handBase(), { asOf });
    expect(result.totals.expectedRemainingMonths).toBe(7.75);
    expect(result.lostClients[0]?.valueLost).toBe(1000 * 7.75);
  });

  it('a shorter period keeps only clients lost inside it (3 months: A lost 2024-03-03 is in)', () => {
    const result = lostClients(handBase(), { asOf, periodMonths: 3, expectedRemainingMonths: 1 });
    // Period 2024-03-01 .. 2024-06-01: A (2024-03-03) in, D (2024-02-28) out.
    expect(result.lostClients.map((c) => c.clientKey)).toEqual(['a']);
  });
});

describe('revenueKeptByChurnCut', () => {
  it('100 clients active × 1 % × 12,000 a year = 12,000 a point; 5 points 60,000 (hand)', () => {
    const rows = Array.from({ length: 100 }, (_, i) => tx(`K${i}`, '2023-05-20', 50));
    const { totals } = lostClients(rows, {
      asOf: day('2024-06-01'),
      yearlyValuePerClient: 12000,
    });
    expect(totals.activeAtPeriodStart).toBe(100);
    expect(totals.valuePerChurnPoint).toBeCloseTo(12000, 9);
    expect(revenueKeptByChurnCut(totals, 5)).toBeCloseTo(60000, 9);
  });
});

describe('averageLifetimeMonths', () => {
  it('is (6 + 1) / 2 = 3.5 for 2020-01-15..2020-06-02 and a one-time buyer (hand)', () => {
    const rows = [tx('P', '2020-01-15', 10), tx('P', '2020-06-02', 10), tx('Q', '2020-01-01', 10)];
    expect(averageLifetimeMonths(clientHistories(rows, day('2030-01-01')))).toBe(3.5);
  });

  it('equals the lifetime of the simple LTV inputs in shared/metrics (independent implementation)', () => {
    fc.assert(
      fc.property(transactionsArbitrary, (rows) => {
        const asOf = BASE_DAY + 1000;
        const summaries = summariseCustomers(rows, { asOf });
        const buyers = summaries.filter((s) => s.purchaseCount > 0);
        fc.pre(buyers.length > 0);
        const expected = ltvSimpleInputs(summaries)?.lifetimeMonths ?? Number.NaN;
        expect(averageLifetimeMonths(clientHistories(rows, asOf))).toBeCloseTo(expected, 12);
      }),
    );
  });
});

describe('lostClients on dirty data', () => {
  const asOf = day('2024-06-01');

  it('a refund-only client has no status; a refund lowers the yearly revenue (hand: 900 − 100)', () => {
    const rows = [
      tx('R', '2023-03-01', -40),
      tx('S', '2023-01-10', 900),
      tx('S', '2023-01-20', -100),
    ];
    const result = lostClients(rows, { asOf, expectedRemainingMonths: 12 });
    expect(result.statuses.map((s) => s.clientKey)).toEqual(['s']);
    expect(result.lostClients[0]?.yearlyRevenueBeforeLeaving).toBe(800);
  });

  it('ignores rows on or after the as-of day and counts same-day rows as one visit', () => {
    const rows = [
      tx('T', '2024-01-10', 100),
      tx('T', '2024-01-10', 100),
      tx('T', '2024-06-01', 100),
    ];
    const [status] = clientChurnStatuses(rows, { asOf });
    expect(status?.purchaseDayCount).toBe(1);
    expect(status?.basis).toBe('one_time_buyer');
    expect(status?.daysSinceLastPurchase).toBe(asOf - day('2024-01-10'));
  });

  it('names the row of a non-numeric amount and rejects a fractional as-of day', () => {
    const bad = { ...tx('U', '2024-01-10', 1), amount: Number.NaN, row: 17 };
    expect(() => lostClients([bad], { asOf })).toThrow(/Row 17/);
    expect(() => lostClients([], { asOf: 1.5 })).toThrow(AnalyticsError);
    expect(() => lostClients([], { asOf, periodMonths: 0 })).toThrow(AnalyticsError);
  });

  it('an empty list gives zero totals and no churn rate', () => {
    const { totals } = lostClients([], { asOf });
    expect(totals.clientsWithPurchases).toBe(0);
    expect(totals.churnRate).toBeNull();
  });
});

describe('lostClients properties', () => {
  const asOf = BASE_DAY + 800;

  it('a client is never both active and lost, and the lost list holds only lost clients', () => {
    fc.assert(
      fc.property(transactionsArbitrary, (rows) => {
        const result = lostClients(rows, { asOf, expectedRemainingMonths: 10 });
        const keys = result.statuses.map((s) => s.clientKey);
        expect(new Set(keys).size).toBe(keys.length);
        for (const s of result.statuses) {
          expect(s.status === 'lost').toBe(s.lostDay <= asOf);
          expect(s.status === 'active').toBe(s.lostDay > asOf);
        }
        const lostKeys = new Set(
          result.statuses.filter((s) => s.status === 'lost').map((s) => s.clientKey),
        );
        for (const c of result.lostClients) {
          expect(lostKeys.has(c.clientKey)).toBe(true);
          expect(c.lostDay).toBeGreaterThan(result.periodStart);
        }
        const { totals } = result;
        expect(totals.activeClients + totals.lostClients).toBe(totals.clientsWithPurchases);
        if (totals.churnRate !== null) {
          expect(totals.churnRate).toBeGreaterThanOrEqual(0);
          expect(totals.churnRate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('shuffled rows give the same result', () => {
    fc.assert(
      fc.property(transactionsArbitrary, fc.array(fc.nat()), (rows, picks) => {
        const a = lostClients(rows, { asOf });
        const b = lostClients(shuffled(rows, picks), { asOf });
        expect(b).toEqual(a);
      }),
    );
  });
});

describe('clientChurnStatuses', () => {
  it('documented example: one purchase on day 0 is lost on day 180 (one-time window)', () => {
    const one: Transaction = { row: 2, clientKey: 'o', clientName: 'O', day: 0, amount: 10 };
    expect(clientChurnStatuses([one], { asOf: 179 })[0]?.status).toBe('active');
    const [status] = clientChurnStatuses([one], { asOf: 180 });
    expect(status).toMatchObject({ windowDays: 180, lostDay: 180, status: 'lost' });
  });
});

describe('fractional windows', () => {
  it('a 91.5-day window makes the client lost on whole day last + 92 (hand: 3 × median 30.5)', () => {
    // Gaps 31, 28, 31, 30 → median (30 + 31) / 2 = 30.5 → window 91.5.
    const rows = ['01', '02', '03', '04', '05'].map((m) => tx('W', `2023-${m}-01`, 10));
    const last = day('2023-05-01');
    const [before] = clientChurnStatuses(rows, { asOf: last + 91 });
    const [after] = clientChurnStatuses(rows, { asOf: last + 92 });
    expect(before).toMatchObject({ windowDays: 91.5, lostDay: last + 92, status: 'active' });
    expect(after?.status).toBe('lost');
    expect(Number.isInteger(after?.lostDay)).toBe(true);
  });
});
