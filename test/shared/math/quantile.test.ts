import { AnalyticsError } from '../../../shared/errors';
import { quantile, quantiles } from '../../../shared/math/quantile';

describe('quantile (Hyndman-Fan 1996)', () => {
  it('type 7 matches R quantile(1:4, c(0.25, 0.5, 0.9)) = 1.75, 2.5, 3.7', () => {
    expect(quantiles([4, 3, 2, 1], [0.25, 0.5])).toEqual([1.75, 2.5]);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 14);
  });

  it('type 6 matches Excel PERCENTILE.EXC({1,2,3,4}, 0.25) = 1.25', () => {
    expect(quantile([1, 2, 3, 4], 0.25, 'exclusive')).toBe(1.25);
  });

  it('type 1 matches R quantile(1:4, 0.5, type = 1) = 2 and 0.51 -> 3', () => {
    expect(quantile([1, 2, 3, 4], 0.5, 'lower')).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.51, 'lower')).toBe(3);
  });

  it('returns the extremes at p = 0 and p = 1', () => {
    expect(quantile([7, 3, 5], 0)).toBe(3);
    expect(quantile([7, 3, 5], 1)).toBe(7);
  });

  it('rejects p outside [0, 1] and empty input', () => {
    expect(() => quantile([1], 1.5)).toThrow(AnalyticsError);
    expect(() => quantile([], 0.5)).toThrow(AnalyticsError);
  });
});
