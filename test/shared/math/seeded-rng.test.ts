import {
  betaVariate,
  exponentialVariate,
  gammaVariate,
  normalVariate,
  seededRng,
} from '../../../shared/math/seeded-rng';

const meanOf = (n: number, draw: () => number): number => {
  let s = 0;
  for (let i = 0; i < n; i++) s += draw();
  return s / n;
};

describe('seeded random numbers', () => {
  it('the same seed gives the same stream; another seed another stream', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const c = seededRng(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
    for (const u of sa) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  // Tolerances: about 4 standard errors of a mean of 20,000 draws (sd / sqrt(20000)).
  it('draws have the textbook means: uniform 1/2, normal 0, exponential 1/rate, gamma shape/rate, beta a/(a+b)', () => {
    const rng = seededRng(1);
    const n = 20000;
    expect(Math.abs(meanOf(n, rng) - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(meanOf(n, () => normalVariate(rng)))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(meanOf(n, () => exponentialVariate(rng, 2)) - 0.5)).toBeLessThan(
      (4 * 0.5) / Math.sqrt(n),
    );
    expect(Math.abs(meanOf(n, () => gammaVariate(rng, 3, 2)) - 1.5)).toBeLessThan(
      (4 * Math.sqrt(3)) / 2 / Math.sqrt(n),
    );
    // shape < 1 goes through the Marsaglia-Tsang boost: Gamma(0.25, rate 4) has mean 1/16, sd 1/8.
    expect(Math.abs(meanOf(n, () => gammaVariate(rng, 0.25, 4)) - 0.0625)).toBeLessThan(
      (4 * 0.125) / Math.sqrt(n),
    );
    // Beta(2, 6): mean 0.25, variance ab/((a+b)^2 (a+b+1)) = 12/576.
    expect(Math.abs(meanOf(n, () => betaVariate(rng, 2, 6)) - 0.25)).toBeLessThan(
      (4 * Math.sqrt(12 / 576)) / Math.sqrt(n),
    );
  });
});
