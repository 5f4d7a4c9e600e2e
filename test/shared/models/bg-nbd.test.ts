import fc from 'fast-check';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesNewClient,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  fitBgNbd,
} from '../../../shared/models/bg-nbd';
import { simulateBgNbd } from '../../../shared/models/simulate-bg-nbd';
import { seededRng } from '../../../shared/math/seeded-rng';
import { AnalyticsError, ConvergenceError } from '../../../shared/errors';
import { cdnowWeeklySummary, summaryRowArbitrary } from './cdnow-fixture';

/** Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way", §5: CDNOW estimates. */
const FHL_2005 = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** The paper's example client (FHL 2005 §5): x = 2, t_x = 30.43, T = 38.86 weeks. */
const EXAMPLE = { x: 2, t_x: 30.43, T: 38.86 };

const paramsArb = fc.record({
  r: fc.double({ min: 0.01, max: 20, noNaN: true }),
  alpha: fc.double({ min: 0.01, max: 100, noNaN: true }),
  a: fc.double({ min: 0.05, max: 20, noNaN: true }),
  b: fc.double({ min: 0.05, max: 20, noNaN: true }),
});

describe('BG/NBD', () => {
  const weeks = cdnowWeeklySummary().clients;

  it('matches Fader-Hardie-Lee 2005 CDNOW estimates r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4', () => {
    const fit = fitBgNbd(weeks);
    expect(fit.parameters.r).toBeCloseTo(0.243, 3);
    expect(fit.parameters.alpha).toBeCloseTo(4.414, 3);
    expect(fit.parameters.a).toBeCloseTo(0.793, 3);
    expect(fit.parameters.b).toBeCloseTo(2.426, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.clientCount).toBe(2357);
    // Standard errors: positive and smaller than the estimates (FHL 2005 report none; the
    // observed information here is computed from the analytic gradient).
    const se = fit.standardErrors;
    expect(se).toBeDefined();
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(se?.[key]).toBeGreaterThan(0);
      expect(se?.[key]).toBeLessThan(fit.parameters[key]);
    }
  });

  it('gives log-likelihood -9582.4 at the published FHL 2005 parameters', () => {
    expect(bgNbdLogLikelihood(FHL_2005, weeks)).toBeCloseTo(-9582.4, 1);
  });

  it('matches FHL 2005 §5 example client: 1.226 expected purchases in the next 39 weeks', () => {
    expect(bgNbdExpectedPurchases(FHL_2005, EXAMPLE, 39)).toBeCloseTo(1.226, 3);
  });

  it('gives P(alive) 0.727 for the FHL 2005 example client (eq. 13 at the published parameters: 0.72658, rounds to 0.727)', () => {
    const pAlive = bgNbdProbabilityAlive(FHL_2005, EXAMPLE);
    expect(Math.abs(pAlive - 0.727)).toBeLessThan(0.0005);
  });

  it('matches an independent scipy implementation (eqs. 9, 10, 13 with scipy.special.hyp2f1)', () => {
    // /usr/bin/python3 -c "from scipy.special import hyp2f1; r,al,a,b=0.243,4.414,0.793,2.426
    //   [print((a+b-1)/(a-1)*(1-(al/(al+t))**r*hyp2f1(r,b,a+b-1,t/(al+t)))) for t in (39,78)]
    //   x,tx,T,t=2,30.43,38.86,39; den=1+(a/(b+x-1))*((al+T)/(al+tx))**(r+x)
    //   print((a+b+x-1)/(a-1)*(1-((al+T)/(al+T+t))**(r+x)*hyp2f1(r+x,b+x,a+b+x-1,t/(al+T+t)))/den, 1/den)"
    // (scipy 1.10.1) prints 1.1967231933207985, 1.8605190579427455, 1.226028174767135, 0.726578570080673
    expect(bgNbdExpectedPurchasesNewClient(FHL_2005, 39)).toBeCloseTo(1.1967231933207985, 11);
    expect(bgNbdExpectedPurchasesNewClient(FHL_2005, 78)).toBeCloseTo(1.8605190579427455, 11);
    expect(bgNbdExpectedPurchases(FHL_2005, EXAMPLE, 39)).toBeCloseTo(1.226028174767135, 11);
    expect(bgNbdProbabilityAlive(FHL_2005, EXAMPLE)).toBeCloseTo(0.726578570080673, 12);
  });

  it('P(X(t) = n) (FHL 2005 eq. 8) sums to 1 and its mean equals eq. 9 (two independent formulas)', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n <= 300; n++) {
      const pn = bgNbdPurchaseCountProbability(FHL_2005, 39, n);
      total += pn;
      mean += n * pn;
    }
    expect(total).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(bgNbdExpectedPurchasesNewClient(FHL_2005, 39), 8);
  });

  it('a client with no repeat purchase is alive with probability 1 (BG/NBD assumption, FHL 2005 eq. 13)', () => {
    expect(bgNbdProbabilityAlive(FHL_2005, { x: 0, t_x: 0, T: 30 })).toBe(1);
  });

  it('fits the same model in days as in weeks: alpha scales by 7, r, a, b and LL (up to x ln 7) do not change', () => {
    const days = weeks.map((c) => ({ x: c.x, t_x: c.t_x * 7, T: c.T * 7 }));
    const w = fitBgNbd(weeks);
    const d = fitBgNbd(days);
    expect(d.parameters.r).toBeCloseTo(w.parameters.r, 5);
    expect(d.parameters.alpha / 7).toBeCloseTo(w.parameters.alpha, 4);
    expect(d.parameters.a).toBeCloseTo(w.parameters.a, 5);
    expect(d.parameters.b).toBeCloseTo(w.parameters.b, 4);
    // Densities of purchase times pick up a factor 1/7 per repeat purchase: 2,457 ln 7.
    expect(d.logLikelihood + 2457 * Math.log(7)).toBeCloseTo(w.logLikelihood, 4);
  });

  it('recovers the parameters of 4,000 simulated clients (seed 7) within 3 standard errors', () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const rng = seededRng(7);
    const lengths = Array.from({ length: 4000 }, () => 30 + 48 * rng());
    const fit = fitBgNbd(simulateBgNbd(truth, lengths, rng));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      const se = fit.standardErrors?.[key] ?? NaN;
      expect(Math.abs(fit.parameters[key] - truth[key])).toBeLessThan(3 * se);
    }
  });

  it('throws typed errors: no repeat purchases, invalid rows, invalid parameters', () => {
    expect(() => fitBgNbd([{ x: 0, t_x: 0, T: 3 }])).toThrow(AnalyticsError);
    expect(() => fitBgNbd([{ x: 1, t_x: 5, T: 3 }])).toThrow(/t_x/);
    expect(() => bgNbdProbabilityAlive({ ...FHL_2005, r: -1 }, EXAMPLE)).toThrow(AnalyticsError);
    expect(() => bgNbdExpectedPurchases(FHL_2005, EXAMPLE, Number.NaN)).toThrow(AnalyticsError);
  });

  it('one client with 5 purchases in 0.001 weeks cannot identify the model: a ConvergenceError with advice, not NaN', () => {
    let caught: unknown;
    try {
      fitBgNbd([{ x: 5, t_x: 0.001, T: 10 }]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConvergenceError);
    expect((caught as ConvergenceError).advice).toMatch(/calibration end/);
  });

  it('property: a fit on any small data set returns finite numbers or throws a ConvergenceError / AnalyticsError, never NaN', () => {
    fc.assert(
      fc.property(fc.array(summaryRowArbitrary, { minLength: 1, maxLength: 30 }), (rows) => {
        try {
          const fit = fitBgNbd(rows);
          for (const v of Object.values(fit.parameters)) expect(Number.isFinite(v)).toBe(true);
          expect(Number.isFinite(fit.logLikelihood)).toBe(true);
        } catch (e) {
          expect(e instanceof ConvergenceError || e instanceof AnalyticsError).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('property: P(alive) is in [0, 1] and expected purchases are finite and >= 0, even for x in the hundreds', () => {
    fc.assert(
      fc.property(
        paramsArb,
        summaryRowArbitrary,
        fc.double({ min: 0, max: 520, noNaN: true }),
        (p, row, t) => {
          const alive = bgNbdProbabilityAlive(p, row);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const e = bgNbdExpectedPurchases(p, row, t);
          expect(Number.isFinite(e)).toBe(true);
          expect(e).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: expected purchases rise with the horizon t', () => {
    fc.assert(
      fc.property(
        paramsArb,
        summaryRowArbitrary,
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        (p, row, t1, dt) => {
          const e1 = bgNbdExpectedPurchases(p, row, t1);
          const e2 = bgNbdExpectedPurchases(p, row, t1 + dt);
          expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-9));
          expect(bgNbdExpectedPurchasesNewClient(p, t1 + dt)).toBeGreaterThanOrEqual(
            bgNbdExpectedPurchasesNewClient(p, t1) * (1 - 1e-9),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: rescaling the time unit (alpha, t_x, T, t all times k) leaves predictions unchanged', () => {
    fc.assert(
      fc.property(
        paramsArb,
        summaryRowArbitrary,
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.constantFrom(7, 1 / 7, 30.4375),
        (p, row, t, k) => {
          const scaledP = { ...p, alpha: p.alpha * k };
          const scaledRow = { x: row.x, t_x: row.t_x * k, T: row.T * k };
          expect(bgNbdProbabilityAlive(scaledP, scaledRow)).toBeCloseTo(
            bgNbdProbabilityAlive(p, row),
            9,
          );
          const e = bgNbdExpectedPurchases(p, row, t);
          expect(bgNbdExpectedPurchases(scaledP, scaledRow, t * k)).toBeCloseTo(e, 7);
        },
      ),
      { numRuns: 200 },
    );
  });
});
