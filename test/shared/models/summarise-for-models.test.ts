import fc from 'fast-check';
import { summariseForModels } from '../../../shared/models/summarise-for-models';
import { AnalyticsError } from '../../../shared/errors';
import type { Transaction } from '../../../shared/sheet-data/types';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  readCdnowTransactions,
  readSummaryCsv,
} from './cdnow-fixture';

const tx = (clientKey: string, day: number, amount = 10, row = 1): Transaction => ({
  row,
  clientKey,
  clientName: clientKey,
  day,
  amount,
});

describe('summariseForModels', () => {
  const cdnow = readCdnowTransactions();
  const summary = summariseForModels(cdnow, {
    calibrationEnd: CDNOW_CALIBRATION_END,
    holdoutEnd: CDNOW_HOLDOUT_END,
    unit: 'week',
  });
  const byId = new Map(summary.clients.map((c) => [c.clientKey, c]));

  it('reproduces lifetimes cdnow_customers_summary.csv (x, t_x, T in weeks to 2 decimals) for all 2,357 clients', () => {
    const expected = readSummaryCsv('cdnow_customers_summary.csv');
    expect(expected.size).toBe(2357);
    expect(summary.clients).toHaveLength(2357);
    for (const [id, [frequency, recency, T]] of expected) {
      const row = byId.get(id);
      expect(row).toBeDefined();
      expect(row?.x).toBe(frequency);
      expect(Math.abs((row?.t_x ?? NaN) - (recency as number))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((row?.T ?? NaN) - (T as number))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('reproduces lifetimes cdnow_customers_summary_with_transactions.csv (zbar to the cent)', () => {
    const expected = readSummaryCsv('cdnow_customers_summary_with_transactions.csv');
    expect(expected.size).toBe(2357);
    for (const [id, [x, tX, T, zbar]] of expected) {
      const row = byId.get(id);
      expect(row?.x).toBe(x);
      expect(Math.abs((row?.t_x ?? NaN) - (tX as number))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((row?.T ?? NaN) - (T as number))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((row?.meanRepeatValue ?? NaN) - (zbar as number))).toBeLessThanOrEqual(
        0.005 + 1e-9,
      );
    }
  });

  it('matches the CDNOW totals in SOURCE.md and BTYD cdnowSummary: 2,457 calibration and 1,882 holdout repeat purchases, 1,411 clients with x = 0', () => {
    const sum = (f: (c: (typeof summary.clients)[number]) => number): number =>
      summary.clients.reduce((s, c) => s + f(c), 0);
    expect(sum((c) => c.x)).toBe(2457);
    expect(sum((c) => c.holdoutRepeatCount ?? 0)).toBe(1882);
    expect(summary.clients.filter((c) => c.x === 0)).toHaveLength(1411);
    expect(summary.holdoutLength).toBe(39);
    expect(summary.unit).toBe('week');
  });

  it('merges same-day purchases and counts days (worked by hand: days 0, 0, 14, 30; end 21; holdout to 35)', () => {
    const s = summariseForModels([tx('a', 0, 5), tx('a', 0, 7), tx('a', 14, 12), tx('a', 30, 1)], {
      calibrationEnd: 21,
      holdoutEnd: 35,
      unit: 'week',
    });
    expect(s.clients).toHaveLength(1);
    const [row] = s.clients;
    // x = 1 (day 14), t_x = 14/7 = 2, T = 21/7 = 3, zbar = 12, one holdout day (30).
    expect(row).toMatchObject({ x: 1, t_x: 2, T: 3, meanRepeatValue: 12, holdoutRepeatCount: 1 });
  });

  it('states the unit: the same data in days gives 7 times the weeks (by definition)', () => {
    const data = [tx('a', 0), tx('a', 14), tx('b', 7)];
    const weeks = summariseForModels(data, { calibrationEnd: 21, unit: 'week' });
    const days = summariseForModels(data, { calibrationEnd: 21, unit: 'day' });
    const months = summariseForModels(data, { calibrationEnd: 21, unit: 'month' });
    expect(days.unit).toBe('day');
    expect(days.clients.map((c) => c.T)).toEqual(weeks.clients.map((c) => c.T * 7));
    expect(months.clients[0]?.T).toBeCloseTo(21 / 30.4375, 12);
    expect(weeks.clients[0]).not.toHaveProperty('holdoutRepeatCount');
  });

  it('leaves refunds out and counts clients who start after the calibration end (worked by hand)', () => {
    const s = summariseForModels([tx('a', 0), tx('a', 3, -10), tx('b', 30)], {
      calibrationEnd: 21,
      unit: 'day',
    });
    expect(s.clients.map((c) => c.clientKey)).toEqual(['a']);
    expect(s.clients[0]?.x).toBe(0);
    expect(s.nonPurchaseRows).toBe(1);
    expect(s.clientsFirstSeenLater).toBe(1);
  });

  it('throws typed errors for no clients and a holdout end before the calibration end', () => {
    expect(() => summariseForModels([tx('a', 30)], { calibrationEnd: 21, unit: 'day' })).toThrow(
      AnalyticsError,
    );
    expect(() =>
      summariseForModels([tx('a', 0)], { calibrationEnd: 21, holdoutEnd: 21, unit: 'day' }),
    ).toThrow(/holdout end/);
  });

  it('property: shuffling the rows does not change the summary', () => {
    const sample = cdnow.slice(0, 300);
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: sample.length, maxLength: sample.length }),
        (keys) => {
          const shuffled = sample
            .map((t, i) => ({ t, k: keys[i] ?? 0 }))
            .sort((p, q) => p.k - q.k)
            .map((e) => e.t);
          const a = summariseForModels(sample, {
            calibrationEnd: CDNOW_CALIBRATION_END,
            unit: 'week',
          });
          const b = summariseForModels(shuffled, {
            calibrationEnd: CDNOW_CALIBRATION_END,
            unit: 'week',
          });
          expect(b.clients.map((c) => [c.clientKey, c.x, c.t_x, c.T])).toEqual(
            a.clients.map((c) => [c.clientKey, c.x, c.t_x, c.T]),
          );
          b.clients.forEach((c, i) =>
            expect(c.meanRepeatValue).toBeCloseTo(a.clients[i]?.meanRepeatValue ?? NaN, 9),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('property: 0 <= t_x <= T, x is a whole number and x = 0 exactly when t_x = 0', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ c: fc.constantFrom('a', 'b', 'c'), d: fc.integer({ min: 0, max: 60 }) }),
          {
            minLength: 1,
          },
        ),
        (rows) => {
          const data = rows.map((r, i) => tx(r.c, r.d, 5, i + 1));
          if (!data.some((t) => t.day <= 40)) return;
          const s = summariseForModels(data, { calibrationEnd: 40, unit: 'week' });
          for (const c of s.clients) {
            expect(c.t_x).toBeGreaterThanOrEqual(0);
            expect(c.t_x).toBeLessThanOrEqual(c.T);
            expect(Number.isInteger(c.x)).toBe(true);
            expect(c.x === 0).toBe(c.t_x === 0);
          }
        },
      ),
    );
  });
});
