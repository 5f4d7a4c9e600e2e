import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import { clientChurnStatuses } from '../../../shared/segmentation/lost-clients';
import {
  describeRetentionAlert,
  retentionAlerts,
  type RetentionAlert,
} from '../../../shared/segmentation/retention-alerts';
import { BASE_DAY, day, shuffled, transactionsArbitrary, tx } from './retention-fixtures';

const asOf = day('2024-07-01');

function kinds(alerts: readonly RetentionAlert[]): string[] {
  return alerts.map(
    (a) =>
      `${a.clientKey}:${a.kind}${a.kind === 'category_dropped' ? `:${a.evidence.category}` : ''}`,
  );
}

describe('falling check (windows 2024-01-01..03-31 and 2024-04-01..06-30)', () => {
  it('fires at 30 % lower (hand: (700 + 800 + 600) / 3 = 700 vs 3,000 / 3 = 1,000)', () => {
    const rows = [
      tx('F', '2024-01-10', 1000),
      tx('F', '2024-02-10', 1000),
      tx('F', '2024-03-10', 1000),
      tx('F', '2024-04-10', 700),
      tx('F', '2024-05-10', 800),
      tx('F', '2024-06-10', 600),
    ];
    const alerts = retentionAlerts(rows, { asOf });
    expect(kinds(alerts)).toEqual(['f:falling_check']);
    const evidence = alerts[0]?.evidence;
    expect(evidence).toMatchObject({
      recentAverageCheck: 700,
      previousAverageCheck: 1000,
      recentPurchases: 3,
      previousPurchases: 3,
      windowMonths: 3,
    });
    expect(alerts[0]?.kind === 'falling_check' && alerts[0].evidence.dropRatio).toBeCloseTo(
      0.3,
      12,
    );
  });

  it('does not fire at exactly 20 % lower (hand: 2,400 / 3 = 800 = 1,000 × 0.8), but does at a 15 % option', () => {
    const rows = [
      tx('F', '2024-01-10', 1000),
      tx('F', '2024-02-10', 1000),
      tx('F', '2024-03-10', 1000),
      tx('F', '2024-04-10', 700),
      tx('F', '2024-05-10', 800),
      tx('F', '2024-06-10', 900),
    ];
    expect(retentionAlerts(rows, { asOf })).toEqual([]);
    expect(kinds(retentionAlerts(rows, { asOf, checkDropRatio: 0.15 }))).toEqual([
      'f:falling_check',
    ]);
  });

  it('writes the evidence money and drop in the report locale (hand: 3,703.5 / 1 vs 6,172.5 / 1 is 40 % lower)', () => {
    const rows = [tx('M', '2024-02-10', 6172.5), tx('M', '2024-05-10', 3703.5)];
    const [alert] = retentionAlerts(rows, { asOf });
    expect(alert?.kind).toBe('falling_check');
    if (alert === undefined) return;
    expect(describeRetentionAlert(alert, 'en').evidence).toBe(
      'Average check 3,703.50 over the last 3 months (purchases: 1) vs 6,172.50 over the 3 months before (purchases: 1): 40% lower.',
    );
    expect(describeRetentionAlert(alert, 'ru').evidence).toBe(
      'Средний чек 3\u00a0703,50 за последние 3 мес. (покупок: 1) против 6\u00a0172,50 за 3 мес. до того (покупок: 1): ниже на 40\u00a0%.',
    );
  });

  it('counts an order id once and lets a refund lower the check (hand: (300 − 100) / 1 = 200 vs 400)', () => {
    const rows = [
      tx('O', '2024-03-01', 400),
      tx('O', '2024-06-01', 150, { orderId: 'n1' }),
      tx('O', '2024-06-01', 150, { orderId: 'n1' }),
      tx('O', '2024-06-05', -100),
    ];
    const alerts = retentionAlerts(rows, { asOf });
    expect(alerts[0]?.evidence).toMatchObject({
      recentAverageCheck: 200,
      previousAverageCheck: 400,
    });
  });
});

describe('silent regular', () => {
  // Gaps 10 and 10 → median 10 → threshold 2 × 10 = 20 days; 2024-07-01 − 2024-05-21 = 41 days.
  const silent = [
    tx('S', '2024-05-01', 100),
    tx('S', '2024-05-11', 100),
    tx('S', '2024-05-21', 100),
  ];

  it('fires after 41 days against a threshold of 20 (hand), with the evidence', () => {
    const alerts = retentionAlerts(silent, { asOf });
    expect(kinds(alerts)).toEqual(['s:silent_regular']);
    expect(alerts[0]?.evidence).toEqual({
      purchaseCount: 3,
      medianIntervalDays: 10,
      daysSinceLastPurchase: 41,
      thresholdDays: 20,
      lastPurchaseDay: day('2024-05-21'),
    });
  });

  it('needs 3 purchases: two purchases never make a regular', () => {
    expect(retentionAlerts(silent.slice(1), { asOf })).toEqual([]);
  });

  it('leaves a lost client to the lost list unless asked (hand: 162 days ≥ window 90)', () => {
    const lost = [
      tx('L', '2024-01-01', 100),
      tx('L', '2024-01-11', 100),
      tx('L', '2024-01-21', 100),
    ];
    expect(retentionAlerts(lost, { asOf })).toEqual([]);
    expect(kinds(retentionAlerts(lost, { asOf, includeLostClients: true }))).toEqual([
      'l:silent_regular',
    ]);
  });

  it('reads in English and Russian with the numbers', () => {
    const [alert] = retentionAlerts(silent, { asOf });
    if (!alert) throw new Error('expected an alert');
    expect(describeRetentionAlert(alert, 'en')).toEqual({
      title: 'A regular has gone quiet',
      evidence: 'Purchases: 3, usually every 10 days; no purchase for 41 days (more than 20).',
      action: 'Call personally before the client is lost; remind them of their usual purchase.',
    });
    expect(describeRetentionAlert(alert, 'ru').evidence).toBe(
      'Покупок: 3, обычно раз в 10 дн.; нет покупок уже 41 дн. (больше 20).',
    );
  });
});

describe('category dropped (months back from 2024-07-01: Jun = 1, May = 2, Apr = 3, ..., Nov 2023 = 8)', () => {
  const rows = [
    // hair in months 6, 5 and 3 (3 of the 6 habit months), none in months 1-2 → alert.
    tx('G', '2024-01-15', 100, { category: 'hair' }),
    tx('G', '2024-02-15', 100, { category: 'hair' }),
    tx('G', '2024-04-15', 100, { category: 'hair' }),
    // spa in months 5 and 4 only: 2 < 3 → no alert.
    tx('G', '2024-02-20', 100, { category: 'spa' }),
    tx('G', '2024-03-20', 100, { category: 'spa' }),
    // nails in month 1 keeps the client active.
    tx('G', '2024-06-15', 100, { category: 'nails' }),
    // H bought hair in month 2 too → no alert.
    tx('H', '2023-12-10', 100, { category: 'hair' }),
    tx('H', '2024-01-10', 100, { category: 'hair' }),
    tx('H', '2024-03-10', 100, { category: 'hair' }),
    tx('H', '2024-05-10', 100, { category: 'hair' }),
  ];

  it('fires for G hair only, with 3 of 6 months and the last day', () => {
    const alerts = retentionAlerts(rows, { asOf });
    expect(kinds(alerts)).toEqual(['g:category_dropped:hair']);
    expect(alerts[0]?.evidence).toEqual({
      category: 'hair',
      monthsWithCategory: 3,
      historyMonths: 6,
      recentMonths: 2,
      lastCategoryPurchaseDay: day('2024-04-15'),
    });
    const text = alerts[0] && describeRetentionAlert(alerts[0], 'en').evidence;
    expect(text).toBe(
      '"hair" bought in 3 of 6 months, then not in the last 2 months (last on 2024-04-15).',
    );
  });

  it('never fires without a category column', () => {
    const plain = rows.map(({ category: _category, ...rest }) => rest);
    expect(retentionAlerts(plain, { asOf })).toEqual([]);
  });

  it('rejects a threshold that is not a whole number of months', () => {
    expect(() => retentionAlerts(rows, { asOf, categoryRecentMonths: 0 })).toThrow(AnalyticsError);
    expect(() => retentionAlerts(rows, { asOf, checkWindowMonths: 1.5 })).toThrow(AnalyticsError);
  });
});

describe('retentionAlerts properties', () => {
  const propAsOf = BASE_DAY + 800;

  it('every alert meets its own threshold, and no lost client is alerted by default', () => {
    fc.assert(
      fc.property(transactionsArbitrary, (rows) => {
        const alerts = retentionAlerts(rows, { asOf: propAsOf });
        const lost = new Set(
          clientChurnStatuses(rows, { asOf: propAsOf })
            .filter((s) => s.status === 'lost')
            .map((s) => s.clientKey),
        );
        for (const a of alerts) {
          expect(lost.has(a.clientKey)).toBe(false);
          if (a.kind === 'falling_check') {
            expect(a.evidence.recentAverageCheck).toBeLessThan(
              a.evidence.previousAverageCheck * 0.8,
            );
          } else if (a.kind === 'silent_regular') {
            expect(a.evidence.purchaseCount).toBeGreaterThanOrEqual(3);
            expect(a.evidence.daysSinceLastPurchase).toBeGreaterThan(a.evidence.thresholdDays);
          } else {
            expect(a.evidence.monthsWithCategory).toBeGreaterThanOrEqual(3);
            expect(a.evidence.lastCategoryPurchaseDay).toBeLessThan(propAsOf - 59);
          }
        }
      }),
    );
  });

  it('shuffled rows give the same alerts', () => {
    fc.assert(
      fc.property(transactionsArbitrary, fc.array(fc.nat()), (rows, picks) => {
        const options = { asOf: propAsOf, includeLostClients: true };
        expect(retentionAlerts(shuffled(rows, picks), options)).toEqual(
          retentionAlerts(rows, options),
        );
      }),
    );
  });
});
