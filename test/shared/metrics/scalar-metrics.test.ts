import { AnalyticsError } from '../../../shared/errors';
import {
  acquisitionPaybackByProfit,
  acquisitionPaybackByRevenue,
  averageCheck,
  averageProfitPerSale,
  churnRate,
  customerAcquisitionCost,
  lostClientValue,
  repeatPurchaseRate,
  shareOfWallet,
  yearlyChurnCost,
} from '../../../shared/metrics';
import { mustThrow } from '../../thrown-error';

const errorOf = (run: () => unknown): AnalyticsError => mustThrow(run, AnalyticsError);

describe('CAC and acquisition payback', () => {
  it('CAC = 50,000 spend / 125 new clients = 400 (arithmetic by hand)', () => {
    expect(customerAcquisitionCost(50_000, 125)).toBe(400);
  });

  it('payback by revenue = (120,000 / 100) / 400 = 3 and by profit (30,000 / 100) / 400 = 0.75 (by hand)', () => {
    expect(acquisitionPaybackByRevenue(120_000, 100, 400)).toBe(3);
    expect(acquisitionPaybackByProfit(30_000, 100, 400)).toBe(0.75);
  });

  it('rejects negative spend and zero new clients, naming the argument', () => {
    const negative = errorOf(() => customerAcquisitionCost(-1, 10));
    expect(negative.code).toBe('invalid_argument');
    expect(negative.message).toMatch(/marketingSpend/);
    expect(errorOf(() => customerAcquisitionCost(100, 0)).message).toMatch(/newClients/);
    expect(errorOf(() => acquisitionPaybackByRevenue(1, 1, 0)).message).toMatch(/acquisitionCost/);
    expect(errorOf(() => acquisitionPaybackByProfit(Number.NaN, 1, 1)).message).toMatch(
      /grossProfit/,
    );
  });
});

describe('average check', () => {
  it('45,000 over 30 sales = 1,500; profit 13,500 over 30 = 450 (by hand)', () => {
    expect(averageCheck(45_000, 30)).toBe(1500);
    expect(averageProfitPerSale(13_500, 30)).toBe(450);
  });

  it('rejects zero sales', () => {
    expect(errorOf(() => averageCheck(10, 0)).message).toMatch(/salesCount/);
  });
});

describe('repeat purchase rate', () => {
  it('360 repeat of 1,200 buying clients = 0.3 (by hand)', () => {
    expect(repeatPurchaseRate(360, 1200)).toBe(0.3);
  });

  it('rejects more repeat clients than buying clients', () => {
    expect(errorOf(() => repeatPurchaseRate(5, 4)).message).toMatch(/repeatClients/);
  });
});

describe('churn', () => {
  it('churn rate = 90 lost / 600 at start = 0.15 (by hand)', () => {
    expect(churnRate(90, 600)).toBe(0.15);
  });

  it('yearly cost of churn = 90 clients × 12,000 a year = 1,080,000 (by hand)', () => {
    expect(yearlyChurnCost(90, 12_000)).toBe(1_080_000);
  });

  it('value lost with one client = 1,000 a month × 240 months = 240,000 (issue example)', () => {
    expect(lostClientValue(1000, 240)).toBe(240_000);
  });

  it('rejects impossible counts and negative values', () => {
    expect(errorOf(() => churnRate(7, 5)).message).toMatch(/lostClients/);
    expect(errorOf(() => churnRate(0, 0)).message).toMatch(/clientsAtStart/);
    expect(errorOf(() => yearlyChurnCost(1, -1)).message).toMatch(/yearlyValuePerClient/);
    expect(errorOf(() => lostClientValue(-5, 10)).message).toMatch(/monthlySpend/);
  });
});

describe('share of wallet', () => {
  it('30,000 of the client’s 120,000 = 0.25 (by hand)', () => {
    expect(shareOfWallet(30_000, 120_000)).toBe(0.25);
  });

  it('rejects sales above the total and a zero total', () => {
    expect(errorOf(() => shareOfWallet(2, 1)).message).toMatch(/yourSales/);
    expect(errorOf(() => shareOfWallet(0, 0)).message).toMatch(/clientTotalPurchases/);
  });
});
