import fc from 'fast-check';
import {
  log1mExp,
  log1pExp,
  logAddExp,
  logistic,
  logSubExp,
  logSumExp,
} from '../../../shared/math/log-sum-exp';

describe('log-space arithmetic', () => {
  it('adds and subtracts logs (by hand: 2 + 3 = 5, 5 - 3 = 2, 1 - 0.25 = 0.75)', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
    expect(logSubExp(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 15);
    expect(log1mExp(Math.log(0.25))).toBeCloseTo(Math.log(0.75), 15);
    expect(logAddExp(-Infinity, 1)).toBe(1);
    expect(logSubExp(2, 2)).toBe(-Infinity);
  });

  it('does not overflow where exp would (by hand: log(2 e^1000) = 1000 + ln 2)', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logSumExp([])).toBe(-Infinity);
    expect(log1pExp(800)).toBe(800);
    expect(log1pExp(0)).toBeCloseTo(Math.LN2, 15);
  });

  it('logistic stays in [0, 1] at the extremes and is 0.5 at 0 (definition)', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(Infinity)).toBe(1);
    expect(logistic(-Infinity)).toBe(0);
    expect(logistic(-800)).toBeGreaterThanOrEqual(0);
  });

  it('property: logSumExp agrees with the naive formula where that is finite, and is symmetric', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (v) => {
          const naive = Math.log(v.reduce((s, x) => s + Math.exp(x), 0));
          expect(logSumExp(v)).toBeCloseTo(naive, 10);
          expect(logSumExp([...v].reverse())).toBeCloseTo(logSumExp(v), 12);
        },
      ),
    );
  });

  it('property: logistic(x) + logistic(-x) = 1 and log1pExp(x) - log1pExp(-x) = x', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(logistic(x) + logistic(-x)).toBeCloseTo(1, 14);
        expect(log1pExp(x) - log1pExp(-x)).toBeCloseTo(x, 9);
      }),
    );
  });
});
