import { AnalyticsError } from '../../../shared/errors';
import {
  coefficientOfVariation,
  mean,
  median,
  populationStandardDeviation,
  populationVariance,
  sampleVariance,
} from '../../../shared/math/statistics';

// Wikipedia "Standard deviation": the eight values 2, 4, 4, 4, 5, 5, 7, 9 have mean 5 and
// population standard deviation 2.
const eight = [2, 4, 4, 4, 5, 5, 7, 9];

describe('statistics', () => {
  it('mean 5, population variance 4, sd 2 for 2,4,4,4,5,5,7,9 (Wikipedia "Standard deviation")', () => {
    expect(mean(eight)).toBe(5);
    expect(populationVariance(eight)).toBe(4);
    expect(populationStandardDeviation(eight)).toBe(2);
  });

  it('sample variance 32/7 and CV 2/5 for the same values (arithmetic: squares sum 32)', () => {
    expect(sampleVariance(eight)).toBeCloseTo(32 / 7, 14);
    expect(coefficientOfVariation(eight)).toBe(0.4);
  });

  it('CV is undefined for a non-positive mean', () => {
    expect(coefficientOfVariation([-1, 1])).toBeUndefined();
    expect(coefficientOfVariation([-3, 1])).toBeUndefined();
  });

  it('two-pass variance keeps precision with a large offset (1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16: var 22.5)', () => {
    expect(populationVariance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(22.5);
  });

  it('median of 5, 1, 3, 2 is 2.5 and of 3, 1, 2 is 2', () => {
    expect(median([5, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('throws on empty input and non-finite values', () => {
    expect(() => mean([])).toThrow(AnalyticsError);
    expect(() => mean([1, Number.NaN])).toThrow(/position 2/);
    expect(() => sampleVariance([1])).toThrow(AnalyticsError);
  });
});
