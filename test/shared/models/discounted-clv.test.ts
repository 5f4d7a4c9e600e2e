import fc from 'fast-check';
import { discountedClv, discountedClvOfCurve } from '../../../shared/models/discounted-clv';
import { AnalyticsError } from '../../../shared/errors';

const FHL_2005 = {
  kind: 'bg-nbd' as const,
  parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
};
const BTYD = {
  kind: 'pareto-nbd' as const,
  parameters: { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 },
};
const EXAMPLE = { x: 2, t_x: 30.43, T: 38.86 };

describe('discounted CLV', () => {
  it('by hand: E(t) = t, spend 100, margin 0.3, d = 10 %, 2 periods -> 0.3 × 100 × (1/1.1 + 1/1.21) = 52.07', () => {
    const v = discountedClvOfCurve((t) => t, 100, {
      horizonPeriods: 2,
      discountRatePerPeriod: 0.1,
      marginRatio: 0.3,
    });
    expect(v).toBeCloseTo(30 * (1 / 1.1 + 1 / 1.21), 12);
    expect(v).toBeCloseTo(52.07, 2);
  });

  it('with no discount it is margin × spend × expected purchases over the horizon (telescoping sum)', () => {
    const v = discountedClv(FHL_2005, EXAMPLE, 24.66, {
      horizonPeriods: 13,
      periodLength: 3,
      discountRatePerPeriod: 0,
      marginRatio: 0.5,
    });
    // FHL 2005 §5: 1.226 expected purchases in 39 weeks for the example client.
    expect(v).toBeCloseTo(0.5 * 24.66 * 1.226028174767135, 9);
  });

  it('rejects a horizon that is not a whole number, a discount rate <= -1 and non-finite spend', () => {
    const opts = { horizonPeriods: 12, discountRatePerPeriod: 0.01 };
    expect(() => discountedClv(FHL_2005, EXAMPLE, 10, { ...opts, horizonPeriods: 1.5 })).toThrow(
      AnalyticsError,
    );
    expect(() =>
      discountedClv(FHL_2005, EXAMPLE, 10, { ...opts, discountRatePerPeriod: -1 }),
    ).toThrow(AnalyticsError);
    expect(() => discountedClv(FHL_2005, EXAMPLE, Number.NaN, opts)).toThrow(AnalyticsError);
  });

  it('property: CLV falls as the discount rate rises (BG/NBD and Pareto/NBD)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(FHL_2005, BTYD),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (model, x, fraction, d, extra) => {
          const row = { x, t_x: x === 0 ? 0 : 38 * fraction, T: 38 };
          const opts = { horizonPeriods: 12, periodLength: 4.348, marginRatio: 0.3 };
          const low = discountedClv(model, row, 50, { ...opts, discountRatePerPeriod: d });
          const high = discountedClv(model, row, 50, { ...opts, discountRatePerPeriod: d + extra });
          expect(high).toBeLessThanOrEqual(low * (1 + 1e-12));
          expect(high).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('property: CLV does not change when the time unit changes (weeks vs days, alpha and period length scaled)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, fraction) => {
          const row = { x, t_x: x === 0 ? 0 : 38 * fraction, T: 38 };
          const days = {
            kind: 'bg-nbd' as const,
            parameters: { ...FHL_2005.parameters, alpha: FHL_2005.parameters.alpha * 7 },
          };
          const dayRow = { x, t_x: row.t_x * 7, T: row.T * 7 };
          const opts = { horizonPeriods: 12, discountRatePerPeriod: 0.01, marginRatio: 0.3 };
          const inWeeks = discountedClv(FHL_2005, row, 40, { ...opts, periodLength: 4.348 });
          const inDays = discountedClv(days, dayRow, 40, { ...opts, periodLength: 4.348 * 7 });
          expect(inDays).toBeCloseTo(inWeeks, 8);
        },
      ),
      { numRuns: 50 },
    );
  });
});
