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
import { churnWindow } from '../../../shared/segmentation/lost-clients';
import type { Transaction } from '../../../shared/sheet-data/types';

// The worked examples of docs/user-guide.md, recomputed by the core, so the guide stays true.
const GUIDE = readFileSync(path.resolve(__dirname, '../../../docs/user-guide.md'), 'utf8');

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
});
