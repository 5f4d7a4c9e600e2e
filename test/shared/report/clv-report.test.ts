import {
  calibrationHistogram,
  fitBgNbd,
  fitGammaGamma,
  holdoutByFrequency,
  repeatPurchaseTracking,
  scoreClients,
  summariseForModels,
} from '../../../shared/models';
import { buildClvReport } from '../../../shared/report/clv-report';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  CDNOW_START,
  readCdnowTransactions,
} from '../models/cdnow-fixture';

describe('CLV report tables', () => {
  const transactions = readCdnowTransactions();
  const summary = summariseForModels(transactions, {
    calibrationEnd: CDNOW_CALIBRATION_END,
    holdoutEnd: CDNOW_HOLDOUT_END,
    unit: 'week',
  });
  const bgNbd = fitBgNbd(summary.clients);
  const gammaGamma = fitGammaGamma(summary.clients);
  const model = { kind: 'bg-nbd' as const, parameters: bgNbd.parameters };
  const clvOptions = { horizonPeriods: 39, discountRatePerPeriod: 0.002, marginRatio: 0.3 };
  const input = {
    unit: 'week' as const,
    calibrationEnd: CDNOW_CALIBRATION_END,
    bgNbd,
    gammaGamma,
    forecasts: scoreClients(summary.clients, model, gammaGamma.parameters, clvOptions),
    clvOptions,
    holdout: holdoutByFrequency(summary.clients, model, 39),
    histogram: calibrationHistogram(summary.clients, bgNbd.parameters),
    tracking: repeatPurchaseTracking(transactions, summary.clients, model, {
      startDay: CDNOW_START,
      periods: 78,
      unit: 'week',
    }),
  };

  it('builds three sheets for CDNOW: 2,357 client rows, 9 parameter rows (4 BG/NBD + 3 Gamma-Gamma + 2 log-likelihoods), 78 tracking weeks with a line chart', () => {
    const report = buildClvReport({ ...input, locale: 'en' });
    expect(report.sheets.map((s) => s.name)).toEqual([
      'CLV by client',
      'CLV model',
      'CLV fit quality',
    ]);
    const [clients] = report.sheets[0]?.tables ?? [];
    expect(clients?.rows).toHaveLength(2357);
    expect(clients?.columns.map((c) => c.key)).toContain('holdoutActual');
    // Sorted by CLV, highest first.
    const clvIndex = clients?.columns.findIndex((c) => c.key === 'clv') ?? -1;
    const values = (clients?.rows ?? []).map((r) => r[clvIndex] as number);
    expect(values).toEqual([...values].sort((p, q) => q - p));
    // 4 BG/NBD + LL, 3 Gamma-Gamma + LL.
    expect(report.sheets[1]?.tables[0]?.rows).toHaveLength(9);
    const tracking = report.sheets[2]?.tables.find((t) => t.id === 'clv-tracking');
    expect(tracking?.rows).toHaveLength(78);
    expect(tracking?.rows[77]?.[2]).toBe(4339);
    expect(tracking?.chart?.kind).toBe('line');
  });

  it('never puts NaN or Infinity in a cell, and labels in Russian', () => {
    const report = buildClvReport({ ...input, locale: 'ru' });
    expect(report.sheets[0]?.name).toBe('CLV по клиентам');
    for (const sheet of report.sheets) {
      for (const table of sheet.tables) {
        for (const row of table.rows) {
          for (const value of row) {
            if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
          }
        }
      }
    }
  });
});
