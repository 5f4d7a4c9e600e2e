import { findCatalogFunction } from '../../../shared/catalog';
import type { CatalogArg, CatalogFunction } from '../../../shared/catalog/types';
import { AnalyticsError } from '../../../shared/errors';
import { retentionCatalog } from '../../../shared/segmentation/retention-catalog';
import type { Grid } from '../../../shared/sheet-data/types';
import { day } from './retention-fixtures';

function fn(name: string): CatalogFunction {
  const f = retentionCatalog.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
}

function asText(result: unknown): string {
  return (result as unknown[][]).map((row) => row.join(' | ')).join('\n');
}

/* The worked bases of the lost-clients, alerts and cohort tests, as sheet ranges. */
const lostRange: Grid = [
  ['Client', 'Date', 'Amount'],
  ...Array.from({ length: 12 }, (_, i) => [
    'Ann',
    `2023-${String(i + 1).padStart(2, '0')}-01`,
    1000,
  ]),
  ['Bob', '2023-01-15', 200],
  ['Bob', '2024-05-01', 300],
];
const alertRange: Grid = [
  ['Client', 'Date', 'Amount'],
  ['S', '2024-05-01', 100],
  ['S', '2024-05-11', 100],
  ['S', '2024-05-21', 100],
];
const cohortRange: Grid = [
  ['Client', 'Date', 'Amount'],
  ['a', '2024-01-05', 100],
  ['a', '2024-02-07', 50],
  ['a', '2024-03-01', -20],
  ['b', '2024-01-20', 300],
  ['b', '2024-03-15', 200],
  ['c', '2024-02-10', 80],
  ['c', '2024-02-20', 40],
  ['d', '2024-01-10', -10],
];

describe('retention catalog', () => {
  it('is registered in the one function catalog with en and ru descriptions', () => {
    for (const f of retentionCatalog) {
      expect(findCatalogFunction(f.name)).toBe(f);
      expect(f.description.en.length).toBeGreaterThan(0);
      expect(f.description.ru.length).toBeGreaterThan(0);
      for (const p of f.params) expect(p.description.ru.length).toBeGreaterThan(0);
    }
  });

  it('LOST_CLIENTS gives its documented example (1,000 a month × 240 months = 240,000)', () => {
    const f = fn('LOST_CLIENTS');
    const result = f.implementation([lostRange, day('2024-06-01'), 240]);
    expect(asText(result)).toBe(f.example?.result);
  });

  it('CHURN_RATE_PERIOD gives its documented example (1 of 2 active at the start lost)', () => {
    const f = fn('CHURN_RATE_PERIOD');
    expect(String(f.implementation([lostRange, day('2024-06-01'), undefined]))).toBe(
      f.example?.result,
    );
  });

  it('RETENTION_ALERTS gives its documented example, and Russian text on request', () => {
    const f = fn('RETENTION_ALERTS');
    expect(asText(f.implementation([alertRange, day('2024-07-01')]))).toBe(f.example?.result);
    const ru = f.implementation([alertRange, day('2024-07-01'), 'ru']) as unknown[][];
    expect(ru[0]?.[1]).toBe('Постоянный клиент пропал');
  });

  it('COHORT_RETENTION gives its documented example row (January cohort 1, 0.5, 0.5)', () => {
    const f = fn('COHORT_RETENTION');
    const result = f.implementation([cohortRange, day('2024-04-01')]) as unknown[][];
    expect(asText([result[0] ?? []])).toBe(f.example?.result);
    // February cohort padded to the same width: month 2 has not happened yet.
    expect(result[1]).toEqual(['2024-02', 1, 1, 0, null]);
  });

  it('rejects a non-range and a non-day as-of with typed errors', () => {
    const f = fn('LOST_CLIENTS');
    expect(() => f.implementation([5 as CatalogArg])).toThrow(AnalyticsError);
    expect(() => f.implementation([lostRange, 'soon'])).toThrow(AnalyticsError);
  });
});
