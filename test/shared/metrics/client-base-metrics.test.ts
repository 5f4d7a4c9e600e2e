import {
  averageCheckOfClients,
  clientActivity,
  repeatPurchaseStats,
} from '../../../shared/metrics';
import { summariseCustomers } from '../../../shared/segmentation';
import type { Transaction } from '../../../shared/sheet-data/types';

let row = 2;
const tx = (
  clientKey: string,
  day: number,
  amount: number,
  extra: Partial<Transaction> = {},
): Transaction => ({ row: row++, clientKey, clientName: clientKey, day, amount, ...extra });

// As of day 1000: a bought on days 990 and 700 (10 days ago), b on day 800 (200 days ago),
// c only had a refund, d bought 5 times on day 999 at 20.
const rows = [
  tx('a', 700, 200),
  tx('a', 990, 100),
  tx('b', 800, 100),
  tx('c', 900, -50),
  ...Array.from({ length: 5 }, () => tx('d', 999, 20)),
];

describe('client-base metrics', () => {
  it('average check = net revenue (200 + 100 + 100 − 50 + 5 × 20) 450 / 8 purchases = 56.25 (by hand); by profit null without profit', () => {
    const result = averageCheckOfClients(summariseCustomers(rows, { asOf: 1000 }));
    expect(result).toEqual({
      byRevenue: 56.25,
      byProfit: null,
      revenue: 450,
      profit: null,
      purchaseCount: 8,
    });
  });

  it('average check of clients (revenue 300, 2 purchases) and (100, 2) is 400 / 4 = 100; by profit 60 / 4 (doc-card example)', () => {
    const summaries = summariseCustomers(
      [
        tx('p', 1, 100, { profit: 20 }),
        tx('p', 2, 200, { profit: 30 }),
        tx('q', 1, 50),
        tx('q', 2, 50, { profit: 10 }),
      ],
      { asOf: 3 },
    );
    const result = averageCheckOfClients(summaries);
    expect(result.byRevenue).toBe(100);
    expect(result.byProfit).toBe(15);
  });

  it('repeat purchases: buyers a, b, d; repeaters a, d; rate 2/3; repeat purchases 1 + 0 + 4 = 5 (by hand)', () => {
    expect(repeatPurchaseStats(summariseCustomers(rows, { asOf: 1000 }))).toEqual({
      buyingClients: 3,
      repeatClients: 2,
      repeatRate: 2 / 3,
      repeatPurchaseCount: 5,
    });
  });

  it('activity with the 180-day window: a, d active; b (200 days), c (refund only) inactive; unhappy not available', () => {
    const result = clientActivity(summariseCustomers(rows, { asOf: 1000 }), rows);
    expect(result).toEqual({
      clients: 4,
      windowDays: 180,
      active: 2,
      inactive: 2,
      activeShare: 0.5,
      inactiveShare: 0.5,
      unhappyAvailable: false,
      unhappy: null,
      unhappyShare: null,
    });
    expect(
      clientActivity(summariseCustomers(rows, { asOf: 1000 }), rows, { windowDays: 200 }).active,
    ).toBe(3);
  });

  it('unhappy from the latest NPS answer (<= 6) or a complaint (by hand: a detractor, b complained, d recovered)', () => {
    const withFeedback = [
      ...rows,
      tx('a', 991, 0, { nps: 4 }),
      tx('b', 801, 0, { complaint: true }),
      tx('d', 990, 0, { nps: 2 }),
      tx('d', 999, 0, { nps: 10 }),
    ];
    const result = clientActivity(summariseCustomers(withFeedback, { asOf: 1000 }), withFeedback);
    expect(result.unhappyAvailable).toBe(true);
    expect(result.unhappy).toBe(2);
    expect(result.unhappyShare).toBe(0.5);
  });

  it('rejects a non-positive window', () => {
    expect(() => clientActivity([], [], { windowDays: 0 })).toThrow(/windowDays/);
  });
});
