import { findCatalogFunction } from '../../../shared/catalog';
import { modelsCatalog } from '../../../shared/models/catalog';
import { AnalyticsError } from '../../../shared/errors';
import type { Cell } from '../../../shared/sheet-data/types';
import { CDNOW_CALIBRATION_END, readCdnowTransactions } from './cdnow-fixture';

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
});
