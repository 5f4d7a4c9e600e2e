import { clientListRetention } from '../../../shared/segmentation/client-list-retention';
import type { ClientRecord } from '../../../shared/sheet-data/types';
import { day } from './retention-fixtures';

function rec(
  row: number,
  name: string,
  fields: Omit<ClientRecord, 'row' | 'clientKey' | 'clientName'>,
): ClientRecord {
  return { row, clientKey: name.toLowerCase(), clientName: name, ...fields };
}

/*
 * As of 2024-07-01 (period 2023-07-01 .. 2024-07-01):
 *   k1: one purchase 2024-01-01, 500, Anna, web → window 180 → lost 2024-06-29 (in the period)
 *   k2: 5 purchases 2023-01-01 .. 2024-05-01 (486 days), 3,000, Anna → mean gap 486 / 4 = 121.5,
 *       window 3 × 121.5 = 364.5 → active
 *   k3: last 2022-01-01, count unknown, 100, Boris → window 180 → lost 2022-06-30 (before)
 *   k4: no last purchase date → not judged
 * ABC (total 3,600): k2 A; k1 3,000/3,600 = 0.833 → B; k3 3,500/3,600 = 0.972 → C; k4 no revenue.
 */
const records = [
  rec(2, 'k1', {
    lastPurchaseDay: day('2024-01-01'),
    purchaseCount: 1,
    totalRevenue: 500,
    manager: 'Anna',
    channel: 'web',
  }),
  rec(3, 'k2', {
    firstPurchaseDay: day('2023-01-01'),
    lastPurchaseDay: day('2024-05-01'),
    purchaseCount: 5,
    totalRevenue: 3000,
    manager: 'Anna',
    channel: 'web',
  }),
  rec(4, 'k3', { lastPurchaseDay: day('2022-01-01'), totalRevenue: 100, manager: 'Boris' }),
  rec(5, 'k4', { purchaseCount: 2 }),
];

describe('clientListRetention worked by hand', () => {
  const result = clientListRetention(records, { asOf: day('2024-07-01') });

  it('judges lost clients from the last purchase day with the one-time / mean-gap / fixed windows', () => {
    expect(
      result.statuses.map((s) => [s.clientKey, s.basis, s.windowDays, s.status, s.lostInPeriod]),
    ).toEqual([
      ['k1', 'one_time_buyer', 180, 'lost', true],
      ['k2', 'mean_interval', 364.5, 'active', false],
      ['k3', 'unknown_history', 180, 'lost', false],
    ]);
    expect(result.statuses[0]?.lostDay).toBe(day('2024-06-29'));
    expect(result.lostInPeriod).toBe(1);
    expect(result.rowsWithoutLastPurchase).toEqual([5]);
  });

  it('classes ABC on total revenue: k2 A, k1 B, k3 C', () => {
    expect(result.statuses.map((s) => s.abcClass)).toEqual(['B', 'A', 'C']);
  });

  it('manager portfolio: Anna 2 clients, 3,500, A 0.5, lost 0.5; XYZ and at-risk not available', () => {
    expect(result.managers[0]).toMatchObject({
      manager: 'Anna',
      clients: 2,
      revenue: 3500,
      aShare: 0.5,
      lostShare: 0.5,
      xShare: null,
      atRiskClients: null,
      atRiskOrLostShare: null,
    });
    expect(result.managers[1]).toMatchObject({ manager: 'Boris', clients: 1, lostClients: 1 });
  });

  it('channels from the row: web 2 clients, repeat 1/2; CAC 600 / 2 = 300', () => {
    const withSpend = clientListRetention(records, {
      asOf: day('2024-07-01'),
      spendByChannel: { web: 600 },
    });
    expect(withSpend.channels[0]).toMatchObject({
      channel: 'web',
      clientsAcquired: 2,
      repeatClients: 1,
      repeatRate: 0.5,
      cac: 300,
    });
  });

  it('lists what needs transactions instead of estimating it', () => {
    expect(result.notAvailable).toEqual(
      expect.arrayContaining([
        'value_lost',
        'churn_rate',
        'retention_alerts',
        'cohort_retention',
        'segment_migration',
        'xyz',
      ]),
    );
  });
});

describe('clientListRetention on dirty data', () => {
  it('takes a client named on two rows from its first row only', () => {
    const twice = [
      ...records,
      rec(9, 'K1', { lastPurchaseDay: day('2024-06-30'), purchaseCount: 1, totalRevenue: 9 }),
    ];
    const result = clientListRetention(twice, { asOf: day('2024-07-01') });
    expect(result.statuses.filter((s) => s.clientKey === 'k1').map((s) => s.row)).toEqual([2]);
  });

  it('does not judge a last purchase on or after the as-of day', () => {
    const result = clientListRetention(records, { asOf: day('2024-05-01') });
    // k2's last purchase is 2024-05-01, the as-of day itself.
    expect(result.rowsWithoutLastPurchase).toEqual([3, 5]);
  });
});
