import { findCatalogFunction } from '../../../shared/catalog';
import { modelsCatalog } from '../../../shared/models/catalog';
import { AnalyticsError } from '../../../shared/errors';
import { bgNbdLogLikelihood, fitBgNbd } from '../../../shared/models/bg-nbd';
import { paretoNbdLogLikelihood, fitParetoNbd } from '../../../shared/models/pareto-nbd';
import {
  expectedPurchases,
  expectedPurchasesNewClient,
  probabilityAlive,
  type PurchaseModel,
} from '../../../shared/models/purchase-model';
import type { Cell } from '../../../shared/sheet-data/types';
import { CDNOW_CALIBRATION_END, cdnowWeeklySummary, readCdnowTransactions } from './cdnow-fixture';

// CDNOW as a sheet range: a header row, then client, date (a date cell as hosts decode them), amount.
const grid: Cell[][] = [
  ['Client', 'Date', 'Amount'],
  ...readCdnowTransactions()
    .filter((t) => t.day <= CDNOW_CALIBRATION_END)
    .map((t): Cell[] => [t.clientName, { kind: 'date', day: t.day }, t.amount]),
];

const run = (name: string, args: unknown[]) => {
  const fn = findCatalogFunction(name);
  if (!fn) throw new Error(`missing ${name}`);
  return fn.implementation(args as never) as (string | number | boolean | null)[][];
};

describe('forecasting spreadsheet functions', () => {
  it('lists P_ALIVE, EXPECTED_PURCHASES and CLV in the catalog with en and ru texts', () => {
    expect(modelsCatalog.map((f) => f.name)).toEqual(['P_ALIVE', 'EXPECTED_PURCHASES', 'CLV']);
    for (const f of modelsCatalog) {
      expect(findCatalogFunction(f.name)).toBe(f);
      expect(f.description.ru.length).toBeGreaterThan(0);
      for (const p of f.params) expect(p.description.ru.length).toBeGreaterThan(0);
    }
  });

  it('P_ALIVE and EXPECTED_PURCHASES on the CDNOW range reproduce FHL 2005 for client 1 (0.727, 1.226 in 39 weeks)', () => {
    const alive = run('P_ALIVE', [grid, CDNOW_CALIBRATION_END, 'week', 'bgnbd', true, 'en']);
    expect(alive[0]).toEqual(['Client', 'P(active)']);
    expect(alive).toHaveLength(2358);
    const client1 = alive.find((r) => r[0] === '1');
    expect(client1?.[1] as number).toBeCloseTo(0.727, 3);
    const purchases = run('EXPECTED_PURCHASES', [grid, 39, CDNOW_CALIBRATION_END]);
    expect(purchases).toHaveLength(2357);
    expect(purchases.find((r) => r[0] === '1')?.[1] as number).toBeCloseTo(1.226, 3);
  });

  it('CLV with no discount equals expected spend × expected purchases (definition), headers in Russian', () => {
    const rows = run('CLV', [grid, 12, 0, 1, CDNOW_CALIBRATION_END, 'week', 'bgnbd', true, 'ru']);
    expect(rows[0]?.[0]).toBe('Клиент');
    for (const row of rows.slice(1, 50)) {
      const [, alive, purchases, spend, clv] = row as [string, number, number, number, number];
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
      expect(clv).toBeCloseTo(purchases * spend, 8);
    }
  });

  it('rejects an unknown model or unit with a typed error', () => {
    expect(() => run('P_ALIVE', [grid, CDNOW_CALIBRATION_END, 'fortnight'])).toThrow(
      AnalyticsError,
    );
    expect(() => run('P_ALIVE', [grid, CDNOW_CALIBRATION_END, 'week', 'magic'])).toThrow(/model/);
  });

  it('a client whose first purchase is on the calibration end adds 0 to the log-likelihood (FHL 2005 eq. 6 and SMC 1987 with x = t_x = T = 0) and is scored as a new client', () => {
    const clients = cdnowWeeklySummary().clients;
    const newcomer = { x: 0, t_x: 0, T: 0 };
    const bg = fitBgNbd(clients).parameters;
    const pareto = fitParetoNbd(clients).parameters;
    expect(bgNbdLogLikelihood(bg, [...clients, newcomer])).toBe(bgNbdLogLikelihood(bg, clients));
    expect(paretoNbdLogLikelihood(pareto, [...clients, newcomer])).toBe(
      paretoNbdLogLikelihood(pareto, clients),
    );
    const models: PurchaseModel[] = [
      { kind: 'bg-nbd', parameters: bg },
      { kind: 'pareto-nbd', parameters: pareto },
    ];
    for (const model of models) {
      expect(probabilityAlive(model, newcomer)).toBe(1);
      expect(expectedPurchases(model, newcomer, 39)).toBeCloseTo(
        expectedPurchasesNewClient(model, 39),
        12,
      );
    }
  });

  it('P_ALIVE, EXPECTED_PURCHASES and CLV keep working when a client first bought on the calibration end', () => {
    const withNewcomer: Cell[][] = [
      ...grid,
      ['NEW', { kind: 'date', day: CDNOW_CALIBRATION_END }, 20],
    ];
    const alive = run('P_ALIVE', [withNewcomer, CDNOW_CALIBRATION_END]);
    expect(alive).toHaveLength(2358);
    expect(alive.find((r) => r[0] === 'NEW')?.[1]).toBe(1);
    expect(alive.find((r) => r[0] === '1')?.[1] as number).toBeCloseTo(0.727, 3);
    expect(run('EXPECTED_PURCHASES', [withNewcomer, 39, CDNOW_CALIBRATION_END])).toHaveLength(2358);
    expect(run('CLV', [withNewcomer, 12, 0.01, 0.3, CDNOW_CALIBRATION_END])).toHaveLength(2358);
  });

  it('by default calibrates to the latest purchase, not to a later refund (user guide §18: refunds are left out)', () => {
    const lastPurchase = Math.max(...grid.slice(1).map((row) => (row[1] as { day: number }).day));
    const withRefund: Cell[][] = [...grid, ['1', { kind: 'date', day: lastPurchase + 200 }, -5]];
    expect(run('P_ALIVE', [withRefund])).toEqual(run('P_ALIVE', [withRefund, lastPurchase]));
  });

  it('without a calibration end, refuses a range of refunds only (no purchase to stand on)', () => {
    const refunds: Cell[][] = [
      ['Client', 'Date', 'Amount'],
      ['a', { kind: 'date', day: CDNOW_CALIBRATION_END }, -5],
    ];
    expect(() => run('P_ALIVE', [refunds])).toThrow(/no purchase \(every amount is a refund\)/);
  });

  it('rejects a CLV margin outside 0..1 and a horizon that is not a whole number of months >= 0, naming the argument', () => {
    expect(() => run('CLV', [grid, 12, 0.01, 30, CDNOW_CALIBRATION_END])).toThrow(
      'The margin must be a ratio from 0 to 1, e.g. 0.3 for 30 % (got 30).',
    );
    expect(() => run('CLV', [grid, 12, 0.01, -1, CDNOW_CALIBRATION_END])).toThrow(/margin/);
    expect(() => run('CLV', [grid, -3, 0.01, 0.3, CDNOW_CALIBRATION_END])).toThrow(
      'horizonMonths must be a whole number >= 0 (got -3).',
    );
    expect(() => run('CLV', [grid, 2.5, 0.01, 0.3, CDNOW_CALIBRATION_END])).toThrow(
      /horizonMonths/,
    );
    expect(() => run('EXPECTED_PURCHASES', [grid, -1, CDNOW_CALIBRATION_END])).toThrow(
      'horizon must be a number >= 0 (got -1).',
    );
  });
});
