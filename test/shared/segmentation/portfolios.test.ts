import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import { channelPortfolios, channelRows } from '../../../shared/segmentation/channel-portfolios';
import {
  clientChurnStatuses,
  resolveWindowOptions,
} from '../../../shared/segmentation/lost-clients';
import { managerPortfolios, portfolioRows } from '../../../shared/segmentation/manager-portfolios';
import { summariseCustomers } from '../../../shared/segmentation/customer-summary';
import { BASE_DAY, day, shuffled, transactionsArbitrary, tx } from './retention-fixtures';

const asOf = day('2024-07-01');

/*
 * Managers, worked by hand as of 2024-07-01:
 *   a1 (Anna): 450 on 2024-05-01 and 2024-06-01   a2 (Anna): 100 on 2023-01-10 (one-time, lost)
 *   b1 (Boris): 300 on 2024-06-20                  n1 (no manager): 50 on 2024-06-25
 * ABC (total 1,350): a1 before 0 → A; b1 900/1,350 = 0.667 → A; a2 1,200/1,350 = 0.889 → B;
 *   n1 1,300/1,350 = 0.963 → C.
 * XYZ: a1 450, 450 in May, June → CV 0 → X; the others have one purchase → Z.
 * RFM (n = 4): days 30, 538, 11, 6. a1: R 1+floor(5·1/4) = 2, F 1+floor(5·3/4) = 4,
 *   M 1+floor(5·3/4) = 4 → 244 at_risk (not lost). b1: R 3, F 1, M 3 → 313 promising.
 * Anna: 2 clients, 1,000 (share 1,000/1,350), A 1/2, X 1/2, at risk 1 + lost 1 → 2/2.
 * Boris: 1 client, 300, A 1/1, X 0, at risk or lost 0.
 */
const managed = [
  tx('a1', '2024-05-01', 450, { manager: 'Anna' }),
  tx('a1', '2024-06-01', 450, { manager: 'Anna' }),
  tx('a2', '2023-01-10', 100, { manager: 'Anna' }),
  tx('b1', '2024-06-20', 300, { manager: 'Boris' }),
  tx('n1', '2024-06-25', 50),
];

describe('managerPortfolios worked by hand', () => {
  const rows = managerPortfolios(managed, { asOf });

  it('Anna: 2 clients, 1,000, A 0.5, X 0.5, at risk or lost 1 (one at_risk, one lost)', () => {
    expect(rows[0]).toEqual({
      manager: 'Anna',
      clients: 2,
      revenue: 1000,
      revenueShare: 1000 / 1350,
      aClients: 1,
      aShare: 0.5,
      xClients: 1,
      xShare: 0.5,
      atRiskClients: 1,
      lostClients: 1,
      lostShare: 0.5,
      atRiskOrLostShare: 1,
    });
  });

  it('Boris next (300), clients without a manager last', () => {
    expect(rows.map((r) => r.manager)).toEqual(['Anna', 'Boris', null]);
    expect(rows[1]).toMatchObject({ clients: 1, revenue: 300, aShare: 1, xShare: 0 });
    expect(rows[1]?.atRiskOrLostShare).toBe(0);
  });
});

/*
 * Channels, as of 2024-07-01:
 *   c1: 100 on 2024-01-05 via "Instagram", 200 on 2024-02-05 via "referral" → Instagram, 2 purchases
 *   c2: 400 on 2024-03-01 (no channel), refund −50 on 2024-04-01 via "instagram " → Instagram
 *   c3: 80 on 2024-02-01 via "walk-in"; c4: refund only → not acquired
 * Instagram: 2 clients, 300 + 350 = 650, 325 each, repeat 1/2, CAC 1,000 / 2 = 500.
 * tv: spend 5,000 and nobody acquired → CAC null.
 */
const channelled = [
  tx('c1', '2024-01-05', 100, { channel: 'Instagram' }),
  tx('c1', '2024-02-05', 200, { channel: 'referral' }),
  tx('c2', '2024-03-01', 400),
  tx('c2', '2024-04-01', -50, { channel: 'instagram ' }),
  tx('c3', '2024-02-01', 80, { channel: 'walk-in' }),
  tx('c4', '2024-02-01', -30, { channel: 'tv' }),
];

describe('channelPortfolios worked by hand', () => {
  it('Instagram 2 clients, 650, repeat 0.5, CAC 500; walk-in 1; tv spent 5,000 for nobody', () => {
    const rows = channelPortfolios(channelled, {
      asOf,
      spendByChannel: { instagram: 1000, tv: 5000 },
    });
    expect(rows).toEqual([
      {
        channel: 'Instagram',
        clientsAcquired: 2,
        revenue: 650,
        revenuePerClient: 325,
        repeatClients: 1,
        repeatRate: 0.5,
        spend: 1000,
        cac: 500,
      },
      {
        channel: 'walk-in',
        clientsAcquired: 1,
        revenue: 80,
        revenuePerClient: 80,
        repeatClients: 0,
        repeatRate: 0,
        cac: null,
      },
      {
        channel: 'tv',
        clientsAcquired: 0,
        revenue: 0,
        revenuePerClient: null,
        repeatClients: 0,
        repeatRate: null,
        spend: 5000,
        cac: null,
      },
    ]);
  });

  it('counts only clients acquired from a day on (c1 acquired 2024-01-05 drops out: CAC 1,000 / 1)', () => {
    const rows = channelPortfolios(channelled, {
      asOf,
      acquiredFrom: day('2024-02-01'),
      spendByChannel: { Instagram: 1000 },
    });
    expect(rows[0]).toMatchObject({ channel: 'instagram', clientsAcquired: 1, cac: 1000 });
  });

  it('rejects a negative spend', () => {
    expect(() => channelPortfolios(channelled, { asOf, spendByChannel: { tv: -1 } })).toThrow(
      AnalyticsError,
    );
  });
});

describe('portfolio properties', () => {
  const propAsOf = BASE_DAY + 800;

  it('managers hold every client once; channels every buyer once; shares in [0, 1]', () => {
    fc.assert(
      fc.property(transactionsArbitrary, (txs) => {
        const managers = managerPortfolios(txs, { asOf: propAsOf });
        const clients = summariseCustomers(txs, { asOf: propAsOf }).length;
        expect(managers.reduce((s, m) => s + m.clients, 0)).toBe(clients);
        for (const m of managers) {
          for (const share of [m.aShare, m.xShare ?? 0, m.lostShare, m.atRiskOrLostShare ?? 0]) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        }
        const channels = channelPortfolios(txs, { asOf: propAsOf });
        const buyers = clientChurnStatuses(txs, { asOf: propAsOf }).length;
        expect(channels.reduce((s, c) => s + c.clientsAcquired, 0)).toBe(buyers);
      }),
      { numRuns: 60 },
    );
  });

  it('shuffled rows give the same portfolios', () => {
    fc.assert(
      fc.property(transactionsArbitrary, fc.array(fc.nat()), (txs, picks) => {
        const again = shuffled(txs, picks);
        expect(managerPortfolios(again, { asOf: propAsOf })).toEqual(
          managerPortfolios(txs, { asOf: propAsOf }),
        );
        expect(channelPortfolios(again, { asOf: propAsOf })).toEqual(
          channelPortfolios(txs, { asOf: propAsOf }),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('portfolio building blocks', () => {
  it('portfolioRows: two clients of Anna, one A and lost, one B → A share 0.5, lost share 0.5', () => {
    const [anna] = portfolioRows(
      [
        { manager: 'Anna', revenue: 900, isA: true, isX: false, isLost: true, isAtRisk: false },
        { manager: 'Anna', revenue: 100, isA: false, isX: false, isLost: false, isAtRisk: false },
      ],
      { xyz: false, atRisk: true },
    );
    expect(anna).toMatchObject({ clients: 2, aShare: 0.5, lostShare: 0.5, xShare: null });
    expect(anna?.atRiskOrLostShare).toBe(0.5);
  });

  it('channelRows: "web" clients with 1 and 5 purchases, spend 600 → repeat 0.5, CAC 300', () => {
    const [web] = channelRows(
      [
        { channel: 'web', revenue: 10, purchases: 1 },
        { channel: 'Web ', revenue: 20, purchases: 5 },
      ],
      { WEB: 600 },
    );
    expect(web).toMatchObject({ clientsAcquired: 2, repeatRate: 0.5, spend: 600, cac: 300 });
  });

  it('resolveWindowOptions fills the defaults of user guide §13: 3 ×, 60 (given), 180', () => {
    expect(resolveWindowOptions({ minimumWindowDays: 60 })).toEqual({
      windowMultiplier: 3,
      minimumWindowDays: 60,
      oneTimeBuyerWindowDays: 180,
    });
  });
});
