import fc from 'fast-check';
import {
  CompensatedAccumulator,
  addCompensatedPair,
  compensatedSum,
} from '../../../shared/math/compensated-sum';

describe('compensatedSum', () => {
  it('gives 2 for [1, 1e100, 1, -1e100] (Neumaier 1974 example; a plain loop gives 0)', () => {
    expect(compensatedSum([1, 1e100, 1, -1e100])).toBe(2);
  });

  it('adds 0.1 ten times to exactly 1 (Python math.fsum([0.1] * 10) == 1.0)', () => {
    expect(compensatedSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    const accumulator = new CompensatedAccumulator();
    for (let i = 0; i < 10; i += 1) accumulator.add(0.1);
    expect(accumulator.value()).toBe(1);
    const pairs = new Float64Array(2);
    for (let i = 0; i < 10; i += 1) addCompensatedPair(pairs, 0, 0.1);
    expect(pairs[0]! + pairs[1]!).toBe(1);
  });

  it('sums an empty list to 0', () => {
    expect(compensatedSum([])).toBe(0);
  });

  it('addCompensatedPair on an array slot agrees with the accumulator (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true })), (values) => {
        const pairs = new Float64Array(4);
        for (const v of values) addCompensatedPair(pairs, 1, v);
        expect(pairs[2]! + pairs[3]!).toBe(compensatedSum(values));
        expect([pairs[0], pairs[1]]).toEqual([0, 0]);
      }),
    );
  });

  it('property: the sum of cents as money equals the exact integer sum / 100 to the cent', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 200 }), (cents) => {
        const exact = cents.reduce((s, c) => s + c, 0);
        expect(Math.round(compensatedSum(cents.map((c) => c / 100)) * 100)).toBe(exact);
      }),
    );
  });
});
