import type { CatalogArg } from '../../../shared/catalog/types';
import { AnalyticsError } from '../../../shared/errors';
import { metricsCatalog } from '../../../shared/metrics/catalog';

/** Arguments of a documented example such as `=CAC(50000, 125)` or `=NPS({1,2,3})`. */
function exampleArguments(formula: string): CatalogArg[] {
  const inner = /^=\w+\((.*)\)$/.exec(formula)?.[1] ?? '';
  const array = /^\{(.*)\}$/.exec(inner.trim());
  if (array) return [[array[1]!.split(',').map(Number)]];
  return inner.split(',').map((part) => {
    const text = part.trim();
    if (text === '') return undefined;
    if (/^".*"$/.test(text)) return text.slice(1, -1);
    return Number(text);
  });
}

describe('metrics catalog', () => {
  it('has unique upper-case names, en and ru texts, units and an example for every function', () => {
    const names = metricsCatalog.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of metricsCatalog) {
      expect(f.name).toMatch(/^[A-Z][A-Z_]*$/);
      expect(f.description.en.length).toBeGreaterThan(10);
      expect(f.description.ru).toMatch(/[а-яё]/i);
      expect(f.example).toBeDefined();
      for (const p of f.params) {
        expect([f.name, p.name, p.description.ru.length > 0, (p.unit ?? '').length > 0]).toEqual([
          f.name,
          p.name,
          true,
          true,
        ]);
      }
    }
  });

  it.each(metricsCatalog.map((f) => [f.name, f] as const))(
    '%s: its documented example (worked by hand in the metric tests) evaluates to the documented result',
    (_name, f) => {
      const result = f.implementation(exampleArguments(f.example!.formula));
      expect(result).toBeCloseTo(Number(f.example!.result), 10);
    },
  );

  it('LTV_RETENTION takes the timing by name and rejects an unknown one', () => {
    const ltv = metricsCatalog.find((f) => f.name === 'LTV_RETENTION')!;
    expect(ltv.implementation([100, 0.8, 0.12, 'at-acquisition'])).toBeCloseTo(350, 10);
    expect(ltv.implementation([100, 0.8, 0.12, 'End-Of-Period'])).toBeCloseTo(312.5, 10);
    expect(() => ltv.implementation([100, 0.8, 0.12, 'monthly'])).toThrow(/timing/);
  });

  it('NPS reads a range row by row, skips blanks and names a text cell by its place in the range', () => {
    const nps = metricsCatalog.find((f) => f.name === 'NPS')!;
    expect(
      nps.implementation([
        [
          [10, 9, 8],
          [7, 6, 0],
          [10, 9, 3],
          [10, null, ''],
        ],
      ]),
    ).toBe(20);
    expect(() => nps.implementation([[[10], ['great']]])).toThrow(/row 2, column 1/);
  });

  it('a scalar argument that is not a number throws AnalyticsError naming the parameter', () => {
    const cac = metricsCatalog.find((f) => f.name === 'CAC')!;
    expect(() => cac.implementation(['lots', 5])).toThrow(AnalyticsError);
    expect(() => cac.implementation(['lots', 5])).toThrow(/marketingSpend/);
    expect(cac.implementation([[[1000]], 4])).toBe(250);
  });
});
