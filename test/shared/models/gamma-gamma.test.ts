import fc from 'fast-check';
import {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaLogLikelihood,
} from '../../../shared/models/gamma-gamma';
import { gammaVariate, seededRng } from '../../../shared/math/seeded-rng';
import { AnalyticsError, ConvergenceError } from '../../../shared/errors';
import { cdnowWeeklySummary, readSummaryCsv } from './cdnow-fixture';

/** Fader, Hardie & Lee 2005, "RFM and CLV", J. Marketing Research 42(4): CDNOW spend model. */
const FHL_RFM = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('Gamma-Gamma', () => {
  const clients = cdnowWeeklySummary().clients;

  it('matches Fader-Hardie-Lee 2005 "RFM and CLV" CDNOW estimates p = 6.25, q = 3.74, gamma = 15.44 (946 repeat buyers)', () => {
    const fit = fitGammaGamma(clients);
    expect(fit.clientCount).toBe(946);
    expect(fit.parameters.p).toBeCloseTo(6.25, 2);
    expect(fit.parameters.q).toBeCloseTo(3.74, 2);
    expect(fit.parameters.gamma).toBeCloseTo(15.44, 2);
    expect(fit.standardErrors?.p).toBeGreaterThan(0);
  });

  it('gives the same estimates from the lifetimes summary file with zbar rounded to cents (p 6.25, q 3.74, gamma 15.45 as in the lifetimes docs)', () => {
    const rows = [...readSummaryCsv('cdnow_customers_summary_with_transactions.csv').values()].map(
      ([x, , , zbar]) => ({ x: x as number, meanRepeatValue: zbar as number }),
    );
    const fit = fitGammaGamma(rows);
    expect(fit.parameters.p).toBeCloseTo(6.25, 2);
    expect(fit.parameters.q).toBeCloseTo(3.74, 2);
    expect(Math.abs(fit.parameters.gamma - 15.45)).toBeLessThan(0.01);
  });

  it('log-likelihood at the optimum is higher than at the rounded published parameters (both near -4055.9)', () => {
    const fit = fitGammaGamma(clients);
    const published = gammaGammaLogLikelihood(FHL_RFM, clients);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(published);
    expect(published).toBeCloseTo(-4055.9, 0);
  });

  it('expected spend, FHL 2005 RFM eq. 5 by hand: (15.44 + 2 × 22.35) × 6.25 / (6.25 × 2 + 3.74 - 1) = 24.66', () => {
    expect(gammaGammaExpectedSpend(FHL_RFM, { x: 2, meanRepeatValue: 22.35 })).toBeCloseTo(
      ((15.44 + 44.7) * 6.25) / 15.24,
      12,
    );
    expect(gammaGammaExpectedSpend(FHL_RFM, { x: 2, meanRepeatValue: 22.35 })).toBeCloseTo(
      24.66,
      2,
    );
    // No repeat purchase: the population mean p gamma / (q - 1) = 6.25 × 15.44 / 2.74 = 35.22.
    expect(gammaGammaExpectedSpend(FHL_RFM, { x: 0, meanRepeatValue: 0 })).toBeCloseTo(35.22, 2);
  });

  it('identical spends carry no heterogeneity to estimate: a ConvergenceError, not NaN', () => {
    const rows = [
      { x: 2, meanRepeatValue: 10 },
      { x: 2, meanRepeatValue: 10 },
    ];
    expect(() => fitGammaGamma(rows)).toThrow(ConvergenceError);
  });

  it('throws typed errors: too few repeat buyers, q <= 1 (infinite mean spend)', () => {
    expect(() => fitGammaGamma([{ x: 0, meanRepeatValue: 0 }])).toThrow(AnalyticsError);
    expect(() =>
      gammaGammaExpectedSpend({ ...FHL_RFM, q: 0.9 }, { x: 1, meanRepeatValue: 5 }),
    ).toThrow(AnalyticsError);
  });

  it('recovers p, q, gamma from 3,000 simulated clients (seed 11) within 3 standard errors', () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const rng = seededRng(11);
    const rows = Array.from({ length: 3000 }, () => {
      const x = 1 + Math.floor(rng() * 8);
      const nu = gammaVariate(rng, truth.q, truth.gamma); // rate of the purchase values
      let total = 0;
      for (let i = 0; i < x; i++) total += gammaVariate(rng, truth.p, nu);
      return { x, meanRepeatValue: total / x };
    });
    const fit = fitGammaGamma(rows);
    for (const key of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(fit.parameters[key] - truth[key])).toBeLessThan(
        3 * (fit.standardErrors?.[key] ?? NaN),
      );
    }
  });

  it('property: expected spend lies between the population mean and the client mean (a weighted average)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        (x, zbar) => {
          const e = gammaGammaExpectedSpend(FHL_RFM, { x, meanRepeatValue: zbar });
          const populationMean = (FHL_RFM.p * FHL_RFM.gamma) / (FHL_RFM.q - 1);
          expect(e).toBeGreaterThanOrEqual(Math.min(zbar, populationMean) * (1 - 1e-12));
          expect(e).toBeLessThanOrEqual(Math.max(zbar, populationMean) * (1 + 1e-12));
        },
      ),
    );
  });

  it('property: scaling money by k scales gamma and expected spend by k (currency independence)', () => {
    const small = clients.filter((c) => c.x > 0).slice(0, 300);
    const base = fitGammaGamma(small);
    const scaled = fitGammaGamma(
      small.map((c) => ({ x: c.x, meanRepeatValue: c.meanRepeatValue * 90 })),
    );
    expect(scaled.parameters.p).toBeCloseTo(base.parameters.p, 4);
    expect(scaled.parameters.q).toBeCloseTo(base.parameters.q, 4);
    expect(scaled.parameters.gamma / 90).toBeCloseTo(base.parameters.gamma, 3);
  });
});
