import {
  calibrationHistogram,
  holdoutByFrequency,
  repeatPurchaseTracking,
} from '../../../shared/models/fit-quality';
import { summariseForModels } from '../../../shared/models/summarise-for-models';
import { scoreClients } from '../../../shared/models/score-clients';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  CDNOW_START,
  readCdnowTransactions,
} from './cdnow-fixture';

const FHL_2005 = {
  kind: 'bg-nbd' as const,
  parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
};

describe('fit quality on CDNOW', () => {
  const transactions = readCdnowTransactions();
  const summary = summariseForModels(transactions, {
    calibrationEnd: CDNOW_CALIBRATION_END,
    holdoutEnd: CDNOW_HOLDOUT_END,
    unit: 'week',
  });

  it('tracks cumulative repeat purchases: 2,457 actual at week 39 and 4,339 at week 78 (BTYD cdnowSummary cu.tracking)', () => {
    const rows = repeatPurchaseTracking(transactions, summary.clients, FHL_2005, {
      startDay: CDNOW_START,
      periods: 78,
      unit: 'week',
    });
    expect(rows).toHaveLength(78);
    expect(rows[38]?.actualCumulative).toBe(2457);
    expect(rows[77]?.actualCumulative).toBe(4339);
    expect(rows[38]?.lastDay).toBe(CDNOW_CALIBRATION_END);
    // The model's expectation tracks the actual within 5 % at both points (FHL 2005 Figure 2
    // shows the curves close together).
    expect(Math.abs((rows[38]?.expectedCumulative ?? 0) / 2457 - 1)).toBeLessThan(0.05);
    expect(Math.abs((rows[77]?.expectedCumulative ?? 0) / 4339 - 1)).toBeLessThan(0.05);
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k]?.expectedCumulative).toBeGreaterThanOrEqual(
        rows[k - 1]?.expectedCumulative ?? 0,
      );
    }
  });

  it('compares holdout purchases by calibration frequency: actual means from the data (0.2367 for x = 0; 1,882 in total)', () => {
    const rows = holdoutByFrequency(summary.clients, FHL_2005, 39);
    expect(rows).toHaveLength(8);
    expect(rows[0]?.clients).toBe(1411);
    expect(rows[0]?.actualMeanHoldout).toBeCloseTo(334 / 1411, 12);
    const totalActual = rows.reduce((s, r) => s + r.actualMeanHoldout * r.clients, 0);
    expect(totalActual).toBeCloseTo(1882, 8);
    expect(rows[7]?.isOpenEnded).toBe(true);
    // Conditional expectations add up to the scored total (two code paths).
    const scored = scoreClients(
      summary.clients,
      FHL_2005,
      { p: 6.25, q: 3.74, gamma: 15.44 },
      {
        horizonPeriods: 39,
        discountRatePerPeriod: 0,
      },
    );
    const predictedTotal = rows.reduce((s, r) => s + r.predictedMeanHoldout * r.clients, 0);
    expect(predictedTotal).toBeCloseTo(
      scored.reduce((s, c) => s + c.expectedPurchases, 0),
      6,
    );
  });

  it('calibration histogram: actual counts from the data, expected counts sum to 2,357 clients', () => {
    const rows = calibrationHistogram(summary.clients, FHL_2005.parameters);
    expect(rows[0]?.actualClients).toBe(1411);
    expect(rows.reduce((s, r) => s + r.actualClients, 0)).toBe(2357);
    expect(rows.reduce((s, r) => s + r.expectedClients, 0)).toBeCloseTo(2357, 6);
    expect(Math.abs((rows[0]?.expectedClients ?? 0) - 1411)).toBeLessThan(30);
  });
});
