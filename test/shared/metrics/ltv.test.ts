import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import {
  LTV_PAYMENT_TIMINGS,
  activeMonths,
  ltvSimple,
  ltvSimpleInputs,
  ltvWithRetention,
  marginMultiple,
} from '../../../shared/metrics';
import { dayFromYmd } from '../../../shared/calendar';
import type { CustomerSummary } from '../../../shared/segmentation';

const summary = (
  clientKey: string,
  first: number | null,
  last: number | null,
  purchaseCount: number,
  totalRevenue: number,
  totalProfit?: number,
): CustomerSummary => ({
  clientKey,
  clientName: clientKey,
  firstPurchaseDay: first,
  lastPurchaseDay: last,
  daysSinceLastPurchase: last === null ? null : 1,
  purchaseCount,
  refundCount: 0,
  totalRevenue,
  asOfDay: (last ?? 0) + 1,
  ...(totalProfit === undefined ? {} : { totalProfit }),
});

describe('simple LTV', () => {
  it('matches trustprofit.io’s worked example: $60 × 3 a year × 2 years × 50 % = $180', () => {
    expect(ltvSimple(60, 3, 0.5, 2)).toBe(180);
  });

  it('1,500 × 0.5 a month × 0.4 × 18 months = 5,400 (doc-card example, by hand)', () => {
    expect(ltvSimple(1500, 0.5, 0.4, 18)).toBeCloseTo(5400, 9);
  });

  it('counts active months from the first to the last purchase month inclusive (Jan 15 - Jun 2: 6)', () => {
    const s = summary('a', dayFromYmd(2024, 1, 15), dayFromYmd(2024, 6, 2), 3, 10);
    expect(activeMonths(s)).toBe(6);
    expect(activeMonths(summary('b', dayFromYmd(2024, 1, 31), dayFromYmd(2024, 2, 1), 2, 1))).toBe(
      2,
    );
    expect(activeMonths(summary('c', null, null, 0, -5))).toBe(0);
  });

  it('measures S, C, t on a client base (by hand: S = 400/4, C = 4/4, t = 4/2; LTV 100 at 50 %)', () => {
    const clients = [
      summary('a', dayFromYmd(2024, 1, 10), dayFromYmd(2024, 3, 5), 3, 300),
      summary('b', dayFromYmd(2024, 2, 1), dayFromYmd(2024, 2, 1), 1, 100),
      summary('c', null, null, 0, -20),
    ];
    expect(ltvSimpleInputs(clients, { marginRatio: 0.5 })).toEqual({
      buyingClients: 2,
      averageCheck: 100,
      purchasesPerMonth: 1,
      lifetimeMonths: 2,
      marginRatio: 0.5,
      ltv: 100,
    });
    expect(ltvSimpleInputs(clients)?.ltv).toBeNull();
  });

  it('gives C, t and the LTV as unknown when a buyer’s first purchase day is (a client list without it), not as 1 month', () => {
    // b's first purchase is unknown: its active months could be 1 or 30, so t = (3 + ?) / 2 is
    // unknown, and so are C = 8 / (3 + ?) and the LTV; S = 1,000 / 8 = 125 stays known.
    const clients = [
      summary('a', dayFromYmd(2024, 1, 10), dayFromYmd(2024, 3, 5), 3, 300),
      summary('b', null, dayFromYmd(2024, 6, 15), 5, 700),
      summary('c', null, null, 0, -20),
    ];
    expect(ltvSimpleInputs(clients, { marginRatio: 0.5 })).toEqual({
      buyingClients: 2,
      averageCheck: 125,
      purchasesPerMonth: null,
      lifetimeMonths: null,
      marginRatio: 0.5,
      ltv: null,
    });
  });

  it('takes the margin from profit when every buyer has it (by hand: 120 / 400 = 0.3)', () => {
    const clients = [
      summary('a', dayFromYmd(2024, 1, 10), dayFromYmd(2024, 3, 5), 3, 300, 90),
      summary('b', dayFromYmd(2024, 2, 1), dayFromYmd(2024, 2, 1), 1, 100, 30),
    ];
    expect(ltvSimpleInputs(clients)?.marginRatio).toBe(0.3);
    expect(ltvSimpleInputs([])).toBeNull();
  });

  it('rejects a margin above 1 naming it', () => {
    expect(() => ltvSimple(1, 1, 1.5, 1)).toThrow(/marginRatio/);
  });
});

describe('LTV with retention', () => {
  // Gupta & Lehmann (2003), "Customers as Assets", margin-multiple table r / (1 + d - r):
  // rows d = 10 %, 12 %, 14 %, 16 %; columns r = 60 %, 70 %, 80 %, 90 %.
  const table: [number, number[]][] = [
    [0.1, [1.2, 1.75, 2.67, 4.5]],
    [0.12, [1.15, 1.67, 2.5, 4.09]],
    [0.14, [1.11, 1.59, 2.35, 3.75]],
    [0.16, [1.07, 1.52, 2.22, 3.46]],
  ];
  it.each(table)(
    'reproduces the Gupta-Lehmann 2003 margin multiples for d = %p (to 2 decimals)',
    (d, multiples) => {
      [0.6, 0.7, 0.8, 0.9].forEach((r, i) => {
        expect(marginMultiple(r, d)).toBeCloseTo(multiples[i] as number, 2);
      });
    },
  );

  it('r = 0.8, d = 0.12: m·r/(1+d−r) = 2.5 m; at acquisition m(1+d)/(1+d−r) = 3.5 m; end of period m/(1+d−r) = 3.125 m', () => {
    expect(ltvWithRetention(100, 0.8, 0.12)).toBeCloseTo(250, 10);
    expect(ltvWithRetention(100, 0.8, 0.12, 'at-acquisition')).toBeCloseTo(350, 10);
    expect(ltvWithRetention(100, 0.8, 0.12, 'end-of-period')).toBeCloseTo(312.5, 10);
  });

  it('agrees with the series it sums (10,000 terms, each timing)', () => {
    const m = 70;
    const r = 0.75;
    const d = 0.1;
    let retained = 0;
    let atAcquisition = 0;
    let endOfPeriod = 0;
    for (let t = 0; t < 10_000; t += 1) {
      atAcquisition += (m * r ** t) / (1 + d) ** t;
      if (t >= 1) {
        retained += (m * r ** t) / (1 + d) ** t;
        endOfPeriod += (m * r ** (t - 1)) / (1 + d) ** t;
      }
    }
    expect(ltvWithRetention(m, r, d)).toBeCloseTo(retained, 9);
    expect(ltvWithRetention(m, r, d, 'at-acquisition')).toBeCloseTo(atAcquisition, 9);
    expect(ltvWithRetention(m, r, d, 'end-of-period')).toBeCloseTo(endOfPeriod, 9);
  });

  it('rejects r >= 1 + d, r outside 0..1, negative d and an unknown timing', () => {
    expect(() => marginMultiple(1, 0)).toThrow(/retentionRate/);
    expect(() => marginMultiple(1.1, 0.2)).toThrow(AnalyticsError);
    expect(() => marginMultiple(0.5, -0.1)).toThrow(/discountRate/);
    expect(() => marginMultiple(0.5, 0.1, 'monthly' as never)).toThrow(/timing/);
  });

  it('property: LTV falls as the discount rate rises and rises with retention, for every timing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.constantFrom(...LTV_PAYMENT_TIMINGS),
        (r, d, timing) => {
          const base = ltvWithRetention(100, r, d, timing);
          expect(ltvWithRetention(100, r, d + 0.01, timing)).toBeLessThanOrEqual(base);
          expect(ltvWithRetention(100, Math.min(1, r + 0.01), d, timing)).toBeGreaterThanOrEqual(
            base,
          );
        },
      ),
    );
  });
});
