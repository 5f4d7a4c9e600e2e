import fc from 'fast-check';
import {
  digamma,
  logBeta,
  logGamma,
  logRisingFactorial,
} from '../../../shared/math/special-functions';

describe('special functions', () => {
  // /usr/bin/python3 -c "import math; [print(x, repr(math.lgamma(x))) for x in (0.001, 0.243, 0.5, 1.7, 12.5, 171.3, 1e5, -2.5)]"
  it.each([
    [0.001, 6.907178885383854],
    [0.243, 1.3180435846996699],
    [0.5, 0.5723649429247004],
    [1.7, -0.0958076974070654],
    [12.5, 18.73434751193645],
    [171.3, 708.114947038997],
    [1e5, 1051287.7089736566],
    [-2.5, -0.05624371649767457],
  ])('logGamma(%p) matches Python math.lgamma', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('logGamma of whole numbers is log of the factorial (arithmetic: 4! = 24, 10! = 3628800)', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(() => logGamma(-3)).toThrow(RangeError);
  });

  // /usr/bin/python3 -c "from scipy.special import digamma; [print(repr(float(digamma(x)))) for x in (0.1, 1.0, 2.426, 37.5)]"
  it.each([
    [0.1, -10.423754940411076],
    [1.0, -0.5772156649015329],
    [2.426, 0.6662079149687962],
    [37.5, 3.6109483445963386],
  ])('digamma(%p) matches scipy.special.digamma', (x, expected) => {
    expect(digamma(x)).toBeCloseTo(expected, 12);
  });

  // /usr/bin/python3 -c "from scipy.special import betaln; print(repr(float(betaln(0.793, 2.426))), repr(float(betaln(300.5, 0.2))))"
  it('logBeta matches scipy.special.betaln and B(2, 3) = 1/12 by hand', () => {
    expect(logBeta(0.793, 2.426)).toBeCloseTo(-0.5115692885937035, 12);
    expect(logBeta(300.5, 0.2)).toBeCloseTo(0.38324058311218323, 12);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });

  it('property: logRisingFactorial(a, n) = logGamma(a + n) - logGamma(a) and obeys (a)_{n+1} = (a)_n (a + n)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.integer({ min: 0, max: 400 }),
        (a, n) => {
          const direct = logGamma(a + n) - logGamma(a);
          expect(Math.abs(logRisingFactorial(a, n) - direct)).toBeLessThan(
            1e-9 * Math.max(1, Math.abs(direct)),
          );
          expect(logRisingFactorial(a, n + 1)).toBeCloseTo(
            logRisingFactorial(a, n) + Math.log(a + n),
            8,
          );
        },
      ),
    );
  });

  it('property: digamma is the derivative of logGamma (central difference)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1000, noNaN: true }), (x) => {
        const h = 1e-5 * Math.max(1, x);
        const numeric = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
        expect(Math.abs(digamma(x) - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      }),
    );
  });
});
