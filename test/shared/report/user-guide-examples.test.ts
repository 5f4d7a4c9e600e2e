import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dayFromYmd } from '../../../shared/calendar';
import {
  acquisitionPaybackByProfit,
  acquisitionPaybackByRevenue,
  churnRate,
  customerAcquisitionCost,
  lostClientValue,
  ltvSimple,
  ltvWithRetention,
  netPromoterScore,
  shareOfWallet,
  yearlyChurnCost,
} from '../../../shared/metrics';
import {
  abcClasses,
  rfmScores,
  rfmSegment,
  xyzClasses,
  type CustomerSummary,
} from '../../../shared/segmentation';
import {
  channelPortfolios,
  clientListRetention,
  cohortRetention,
  lastMonthsPeriods,
  lostClients,
  managerPortfolios,
  revenueKeptByChurnCut,
  segmentMigration,
} from '../../../shared/segmentation';
import { churnWindow } from '../../../shared/segmentation/lost-clients';
import {
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  discountedClvOfCurve,
  fitBgNbd,
  gammaGammaExpectedSpend,
  holdoutByFrequency,
  summariseForModels,
} from '../../../shared/models';
import type { ClientRecord, Transaction } from '../../../shared/sheet-data/types';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  readCdnowTransactions,
} from '../models/cdnow-fixture';

// The worked examples of docs/user-guide.md, recomputed by the core, so the guide stays true.
const GUIDE = readFileSync(path.resolve(__dirname, '../../../docs/user-guide.md'), 'utf8');
const GUIDE_RU = readFileSync(path.resolve(__dirname, '../../../docs/user-guide.ru.md'), 'utf8');

/** One purchase row on a calendar date. */
function buy(
  client: string,
  y: number,
  m: number,
  d: number,
  amount: number,
  extra: Partial<Transaction> = {},
): Transaction {
  return {
    row: 2,
    clientKey: client.toLowerCase(),
    clientName: client,
    day: dayFromYmd(y, m, d),
    amount,
    ...extra,
  };
}

/** The guide (en) and its Russian version both state `en` and `ru`. */
function expectBothGuides(en: readonly string[], ru: readonly string[]): void {
  for (const text of en) expect(GUIDE).toContain(text);
  for (const text of ru) expect(GUIDE_RU).toContain(text);
}

/** Rows of the markdown table whose header row starts with `firstHeader`. */
function guideTable(firstHeader: string): string[][] {
  const lines = GUIDE.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${firstHeader}`));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

function summary(key: string, days: number, purchases: number, revenue: number): CustomerSummary {
  return {
    clientKey: key.toLowerCase(),
    clientName: key,
    firstPurchaseDay: 0,
    lastPurchaseDay: 0,
    daysSinceLastPurchase: days,
    purchaseCount: purchases,
    refundCount: 0,
    totalRevenue: revenue,
    asOfDay: 1000,
  };
}

describe('docs/user-guide.md worked examples', () => {
  const rfmRows = guideTable('Client | Days since last');
  const clients = rfmRows.map((row) =>
    summary(row[0] ?? '', Number(row[1]), Number(row[2]), Number((row[3] ?? '').replace(/,/g, ''))),
  );

  it('section 4: the RFM table (scores by 1 + floor(5W/n), cells, segments) is what the core gives', () => {
    expect(clients).toHaveLength(5);
    const scores = rfmScores(clients);
    rfmRows.forEach((row, index) => {
      const score = scores[index];
      expect(
        [score?.recencyScore, score?.frequencyScore, score?.monetaryScore].map(String),
      ).toEqual(row.slice(4, 7));
      expect(score?.rfmCell).toBe(row[7]);
      expect(rfmSegment(score?.rfmCell ?? '').replace(/_/g, ' ')).toBe(
        (row[8] ?? '').replace(/_/g, ' '),
      );
    });
  });

  it('section 6: the ABC table (80/95 % limits) is what the core gives', () => {
    const byKey = new Map(abcClasses(clients).map((c) => [c.clientKey, c]));
    for (const row of guideTable('Order | Client')) {
      const abc = byKey.get((row[1] ?? '').toLowerCase());
      expect(abc?.abcClass).toBe(row[4]);
      expect(String(abc?.rank)).toBe(row[0]);
    }
  });

  it('section 7: monthly revenue 100, 0, 200, 100 has CV 0.71 and class Y', () => {
    const row = (day: number, amount: number): Transaction => ({
      row: 2,
      clientKey: 'x',
      clientName: 'x',
      day,
      amount,
    });
    const transactions = [
      row(dayFromYmd(2024, 1, 10), 100),
      row(dayFromYmd(2024, 3, 10), 150),
      row(dayFromYmd(2024, 3, 20), 50),
      row(dayFromYmd(2024, 4, 5), 100),
    ];
    const s: CustomerSummary = {
      ...summary('x', 26, 4, 400),
      firstPurchaseDay: dayFromYmd(2024, 1, 10),
      lastPurchaseDay: dayFromYmd(2024, 4, 5),
      asOfDay: dayFromYmd(2024, 5, 1),
    };
    const [xyz] = xyzClasses(transactions, [s]);
    expect(xyz?.xyzClass).toBe('Y');
    expect(xyz?.coefficientOfVariation).toBeCloseTo(Math.sqrt(5000) / 100, 12);
    expect(GUIDE).toContain('CV = 0.71, so the client is **Y**');
  });

  it('sections 9–12: the metric examples', () => {
    expect(customerAcquisitionCost(50_000, 125)).toBe(400);
    expect(acquisitionPaybackByRevenue(120_000, 100, 400)).toBe(3);
    expect(acquisitionPaybackByProfit(30_000, 100, 400)).toBe(0.75);
    expect(ltvSimple(1500, 0.5, 0.4, 18)).toBeCloseTo(5400, 9);
    expect(ltvWithRetention(100, 0.8, 0.12)).toBeCloseTo(250, 9);
    expect(ltvWithRetention(100, 0.8, 0.12, 'at-acquisition')).toBeCloseTo(350, 9);
    expect(ltvWithRetention(100, 0.8, 0.12, 'end-of-period')).toBeCloseTo(312.5, 9);
    expect(churnRate(90, 600)).toBeCloseTo(0.15, 12);
    expect(yearlyChurnCost(90, 12_000)).toBe(1_080_000);
    expect(lostClientValue(1000, 240)).toBe(240_000);
    expect(netPromoterScore([10, 9, 8, 7, 6, 0, 10, 9, 3, 10]).score).toBeCloseTo(20, 9);
    expect(shareOfWallet(30_000, 120_000)).toBe(0.25);
    for (const text of [
      '50,000 / 125 = 400',
      '100 × 1.12 / 0.32 = 350',
      '90 × 12,000 = 1,080,000',
    ]) {
      expect(GUIDE).toContain(text);
    }
  });

  it('section 13: purchases on days 0, 10, 40 get the 90-day minimum window', () => {
    expect(churnWindow([0, 10, 40])).toMatchObject({ windowDays: 90, medianIntervalDays: 20 });
  });

  it('section 13: Anna (1,000 monthly in 2023) and Boris as of 2024-07-01: churn 50 %, value lost 14,000, one point 65 (worked by hand in the guide)', () => {
    const rows = [
      ...Array.from({ length: 12 }, (_, i) => buy('Anna', 2023, i + 1, 1, 1000)),
      buy('Boris', 2023, 3, 1, 500),
      buy('Boris', 2024, 6, 1, 500),
    ];
    const result = lostClients(rows, { asOf: dayFromYmd(2024, 7, 1) });
    expect(result.periodStart).toBe(dayFromYmd(2023, 7, 1));
    const [anna] = result.lostClients;
    expect(result.lostClients).toHaveLength(1);
    expect(anna).toMatchObject({
      clientName: 'Anna',
      windowDays: 93,
      lostDay: dayFromYmd(2024, 3, 3),
      yearlyRevenueBeforeLeaving: 12_000,
      monthlySpend: 1000,
      expectedRemainingMonths: 14,
      valueLost: 14_000,
      activeAtPeriodStart: true,
    });
    // Boris on 2023-07-01: 122 days after his only purchase (31 + 30 + 31 + 30 in March–June).
    expect(dayFromYmd(2023, 7, 1) - dayFromYmd(2023, 3, 1)).toBe(122);
    const boris = result.statuses.find((c) => c.clientName === 'Boris');
    expect(boris).toMatchObject({ status: 'active', windowDays: 1374 });
    expect(result.totals).toMatchObject({
      activeAtPeriodStart: 2,
      lostFromPeriodStart: 1,
      churnRate: 0.5,
      yearlyValuePerClient: 3250,
      yearlyCostOfChurn: 3250,
    });
    expect(result.totals.valuePerChurnPoint).toBeCloseTo(65, 9);
    // A larger base: 600 active at the start, 12,000 a year each; 15 % → 10 % is 5 points.
    const point = revenueKeptByChurnCut({ valuePerChurnPoint: 600 * 0.01 * 12_000 }, 1);
    expect(point).toBeCloseTo(72_000, 6);
    expect(revenueKeptByChurnCut({ valuePerChurnPoint: point }, 5)).toBeCloseTo(360_000, 6);
    expectBothGuides(
      [
        '**3 March 2024**',
        '= **50 %**',
        '= 1,000 × 14 = **14,000**',
        '= **3,250** a year',
        '2 × 1 % × 3,250 = **65**',
        '600 × 1 % × 12,000 = **72,000**',
        '5 × 72,000 = **360,000**',
      ],
      [
        '**3 марта 2024**',
        '= **50 %**',
        '= 1 000 × 14 = **14 000**',
        '= **3 250** в год',
        '2 × 1 % × 3 250 = **65**',
        '600 × 1 % × 12 000 = **72 000**',
        '5 × 72 000 = **360 000**',
      ],
    );
  });

  it('section 14: the January cohort of Dina and Egor keeps 100/50/50 % of clients and 100/16.7/50 % of revenue (by hand: 300, 50, 150)', () => {
    const rows = [
      buy('Dina', 2024, 1, 5, 100),
      buy('Dina', 2024, 2, 7, 50),
      buy('Egor', 2024, 1, 20, 200),
      buy('Egor', 2024, 3, 15, 150),
    ];
    const result = cohortRetention(rows, { asOf: dayFromYmd(2024, 4, 1) });
    const [january] = result.cohorts;
    expect(january).toMatchObject({
      label: '2024-01',
      clients: 2,
      activeClients: [2, 1, 1],
      activeShares: [1, 0.5, 0.5],
      revenue: [300, 50, 150],
    });
    expect(january?.revenueRatios[1]).toBeCloseTo(50 / 300, 12);
    expect(january?.revenueRatios[2]).toBeCloseTo(0.5, 12);
    expectBothGuides(
      ['**100 %, 50 %, 50 %**', '**100 %, 16.7 %, 50 %**'],
      ['**100 %, 50 %, 50 %**', '**100 %, 16,7 %, 50 %**'],
    );
  });

  it('section 15: the migration example (6 months against the 6 before): Anna A → B, Boris A → A, Clara gone, Dan new (ABC by hand)', () => {
    const rows = [
      buy('Anna', 2023, 9, 10, 1000),
      buy('Boris', 2023, 10, 10, 300),
      buy('Clara', 2023, 11, 10, 200),
      buy('Anna', 2024, 3, 10, 1000),
      buy('Boris', 2024, 4, 10, 5000),
      buy('Dan', 2024, 5, 10, 100),
    ];
    const periods = lastMonthsPeriods(dayFromYmd(2024, 7, 1), 6);
    expect(periods.previous.fromDay).toBe(dayFromYmd(2023, 7, 1));
    expect(periods.current.fromDay).toBe(dayFromYmd(2024, 1, 1));
    const result = segmentMigration(rows, periods);
    expect(result.clientsInBoth).toBe(2);
    expect(result.onlyPrevious).toEqual(['clara']);
    expect(result.onlyCurrent).toEqual(['dan']);
    expect(result.abc.states).toEqual(['A', 'B', 'C']);
    expect(result.abc.counts).toEqual([
      [1, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(result.abc.clientKeys[0]?.[0]).toEqual(['boris']);
    expect(result.abc.clientKeys[0]?.[1]).toEqual(['anna']);
    expect(result.slidDown.filter((m) => m.dimension === 'abc')).toEqual([
      { clientKey: 'anna', clientName: 'Anna', dimension: 'abc', from: 'A', to: 'B' },
    ]);
    expectBothGuides(
      ['1,000 / 1,500 = 66.7 %', '1,300 / 1,500 = 86.7 %', '5,000 / 6,100 = 82.0 %'],
      ['1 000 / 1 500 = 66,7 %', '1 300 / 1 500 = 86,7 %', '5 000 / 6 100 = 82,0 %'],
    );
  });

  it('section 16: Olga (900 and 200) and Ivan (1,000): A shares 50 % and 100 %; Instagram 2 clients, repeat 50 %, CAC 500 (by hand)', () => {
    const asOf = dayFromYmd(2024, 7, 1);
    const managers = managerPortfolios(
      [
        buy('K1', 2024, 5, 10, 900, { manager: 'Olga' }),
        buy('K2', 2024, 5, 20, 200, { manager: 'Olga' }),
        buy('K3', 2024, 6, 1, 1000, { manager: 'Ivan' }),
      ],
      { asOf },
    );
    expect(managers.map((m) => [m.manager, m.clients, m.revenue, m.aShare, m.lostClients])).toEqual(
      [
        ['Olga', 2, 1100, 0.5, 0],
        ['Ivan', 1, 1000, 1, 0],
      ],
    );
    expect(managers[0]?.revenueShare).toBeCloseTo(1100 / 2100, 12);
    expect(Math.round((managers[1]?.revenueShare ?? 0) * 1000) / 10).toBe(47.6);
    expect(Math.round((managers[0]?.revenueShare ?? 0) * 1000) / 10).toBe(52.4);
    // The 200 client has 1,900 / 2,100 = 90.5 % of revenue above it: class B (80 % ≤ 90.5 % < 95 %).
    const abc = abcClasses([
      summary('K1', 1, 1, 900),
      summary('K2', 1, 1, 200),
      summary('K3', 1, 1, 1000),
    ]);
    expect(Object.fromEntries(abc.map((c) => [c.clientKey, c.abcClass]))).toEqual({
      k1: 'A',
      k2: 'B',
      k3: 'A',
    });
    expect(Math.round((1900 / 2100) * 1000) / 10).toBe(90.5);

    const channels = channelPortfolios(
      [
        buy('K1', 2024, 5, 10, 300, { channel: 'Instagram' }),
        buy('K1', 2024, 6, 10, 200, { channel: 'Instagram' }),
        buy('K2', 2024, 5, 20, 100, { channel: 'Instagram' }),
      ],
      { asOf, spendByChannel: { instagram: 1000 } },
    );
    expect(channels).toHaveLength(1);
    expect(channels[0]).toMatchObject({
      channel: 'Instagram',
      clientsAcquired: 2,
      revenue: 600,
      revenuePerClient: 300,
      repeatRate: 0.5,
      spend: 1000,
      cac: 500,
    });
    expectBothGuides(
      [
        'A share **50 %**',
        'A share **100 %**',
        'repeat rate **50 %**',
        '**500**',
        '2,100 =\n90.5 %',
      ],
      [
        'доля A **50 %**',
        'доля A **100 %**',
        'доля повторных **50 %**',
        '**500**',
        '2 100 = 90,5 %',
      ],
    );
  });

  it('section 17: a one-time buyer of a client list last seen 2024-01-01 is lost on 2024-06-29 (180 days, by hand)', () => {
    const record: ClientRecord = {
      row: 2,
      clientKey: 'ann',
      clientName: 'Ann',
      lastPurchaseDay: dayFromYmd(2024, 1, 1),
      purchaseCount: 1,
      totalRevenue: 500,
    };
    const result = clientListRetention([record], { asOf: dayFromYmd(2024, 7, 1) });
    expect(result.statuses[0]).toMatchObject({
      basis: 'one_time_buyer',
      windowDays: 180,
      lostDay: dayFromYmd(2024, 6, 29),
      status: 'lost',
    });
    expect([...result.notAvailable].sort()).toEqual(
      [
        'at_risk',
        'churn_rate',
        'cohort_retention',
        'retention_alerts',
        'segment_migration',
        'value_lost',
        'xyz',
      ].sort(),
    );
    expectBothGuides(['**29 June 2024**'], ['**29 июня 2024**']);
  });

  it('section 18: Gamma-Gamma (p 6.25, q 3.74, gamma 15.44) and discounted CLV examples worked by hand', () => {
    const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
    // Population mean p·gamma/(q − 1) = 96.5 / 2.74; a client with x = 2, zbar = 30: 471.5 / 15.24.
    expect(gammaGammaExpectedSpend(gg, { x: 0, meanRepeatValue: 0 })).toBeCloseTo(96.5 / 2.74, 9);
    expect(Math.round(gammaGammaExpectedSpend(gg, { x: 0, meanRepeatValue: 0 }) * 100)).toBe(3522);
    expect(Math.round(gammaGammaExpectedSpend(gg, { x: 2, meanRepeatValue: 30 }) * 100)).toBe(3094);
    const clv = discountedClvOfCurve((t) => t, 100, {
      horizonPeriods: 2,
      periodLength: 1,
      discountRatePerPeriod: 0.1,
      marginRatio: 0.3,
    });
    expect(clv).toBeCloseTo(0.3 * 100 * (1 / 1.1 + 1 / 1.21), 12);
    expect(Math.round(clv * 100)).toBe(5207);
    // Yearly equivalents of weekly discount rates: 1.01^52 − 1 = 0.678, 1.002^52 − 1 = 0.110.
    expect(Math.round((1.01 ** 52 - 1) * 100)).toBe(68);
    expect(Math.round((1.002 ** 52 - 1) * 100)).toBe(11);
    expectBothGuides(
      ['**35.22**', '**30.94**', '**52.07**'],
      ['**35,22**', '**30,94**', '**52,07**'],
    );
  });

  it('section 18: the CDNOW example matches Fader-Hardie-Lee 2005 (r 0.243, alpha 4.414, a 0.793, b 2.426; P(active) 0.727, 1.226 purchases in 39 weeks)', () => {
    const fhl = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const client = { x: 2, t_x: 30.43, T: 38.86 };
    const pAlive = bgNbdProbabilityAlive(fhl, client);
    // The formula as the guide writes it, evaluated independently.
    const byHand =
      1 /
      (1 +
        (fhl.a / (fhl.b + client.x - 1)) *
          ((fhl.alpha + client.T) / (fhl.alpha + client.t_x)) ** (fhl.r + client.x));
    expect(pAlive).toBeCloseTo(byHand, 10);
    expect(Math.round(pAlive * 1000) / 1000).toBe(0.727);
    expect(Math.round(bgNbdExpectedPurchases(fhl, client, 39) * 1000) / 1000).toBe(1.226);

    const summary = summariseForModels(readCdnowTransactions(), {
      calibrationEnd: CDNOW_CALIBRATION_END,
      holdoutEnd: CDNOW_HOLDOUT_END,
      unit: 'week',
    });
    expect(summary.clients).toHaveLength(2357);
    const fit = fitBgNbd(summary.clients);
    const p = fit.parameters;
    expect([p.r, p.alpha, p.a, p.b].map((v) => Math.round(v * 1000) / 1000)).toEqual([
      0.243, 4.414, 0.793, 2.426,
    ]);
    const holdout = holdoutByFrequency(
      summary.clients,
      { kind: 'bg-nbd', parameters: p },
      summary.holdoutLength ?? 0,
    );
    const actual = holdout.reduce((sum, row) => sum + row.actualMeanHoldout * row.clients, 0);
    const predicted = holdout.reduce((sum, row) => sum + row.predictedMeanHoldout * row.clients, 0);
    expect(Math.round(actual)).toBe(1882);
    expect(Math.round(predicted * 10) / 10).toBe(1653.4);
    expectBothGuides(
      [
        '**r = 0.243, α = 4.414, a = 0.793,\nb = 2.426**',
        '= **0.727**',
        '**1.226**',
        '**1,882**',
        '**1,653.4**',
      ],
      ['**0,727**', '**1,226**', '**1 882**', '**1 653,4**'],
    );
  });
});
