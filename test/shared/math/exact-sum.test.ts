import fc from 'fast-check';
import { ExactAccumulator, ExactSums, exactSum } from '../../../shared/math/exact-sum';

/** A double as an exact integer multiple of 2^-1074 (the smallest subnormal). */
function scaledInteger(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return negative ? -magnitude : magnitude;
}

/** The exact rational sum of `values`, rounded once to the nearest double, ties to even. */
function referenceSum(values: readonly number[]): number {
  const total = values.reduce((sum, x) => sum + scaledInteger(x), 0n);
  if (total === 0n) return 0;
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const length = magnitude.toString(2).length;
  let result: number;
  if (length <= 53) {
    result = Number(magnitude) * 2 ** -1074;
  } else {
    const shift = BigInt(length - 53);
    let quotient = magnitude >> shift;
    const remainder = magnitude - (quotient << shift);
    const half = 1n << (shift - 1n);
    if (remainder > half || (remainder === half && (quotient & 1n) === 1n)) quotient += 1n;
    result = Number(quotient) * 2 ** (Number(shift) - 1074);
  }
  return negative ? -result : result;
}

/** `float.fromhex` for the normal numbers CPython's tests write as `0x1.hhhhhhhhhhhhhp±e`. */
function fromHex(text: string): number {
  const match = /^(-?)0x1\.([0-9a-f]{13})p([+-]\d+)$/.exec(text);
  if (match === null) throw new Error(`not a hex float: ${text}`);
  const fraction = Number.parseInt(match[2]!, 16);
  const value = (1 + fraction / 2 ** 52) * 2 ** Number(match[3]);
  return match[1] === '-' ? -value : value;
}

const finiteDouble = fc.double({ min: -1e300, max: 1e300, noNaN: true, noDefaultInfinity: true });

describe('exactSum', () => {
  it('gives 2 for [1, 1e100, 1, -1e100] (Neumaier 1974 example; a plain loop gives 0)', () => {
    expect(exactSum([1, 1e100, 1, -1e100])).toBe(2);
  });

  it('adds 0.1 ten times to exactly 1 (Python math.fsum([0.1] * 10) == 1.0)', () => {
    expect(exactSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    const accumulator = new ExactAccumulator();
    for (let i = 0; i < 10; i += 1) accumulator.add(0.1);
    expect(accumulator.value()).toBe(1);
  });

  it('sums an empty list to 0', () => {
    expect(exactSum([])).toBe(0);
  });

  it('matches the known sums of CPython test_math.testFsum', () => {
    const cases: [number[], number][] = [
      [[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], 1e-100],
      [[2 ** 53, -0.5, -(2 ** -54)], 2 ** 53 - 1],
      [[2 ** 53, 1.0, 2 ** -100], 2 ** 53 + 2],
      [[2 ** 53 + 10, 1.0, 2 ** -100], 2 ** 53 + 12],
      [[2 ** 53 - 4, 0.5, 2 ** -54], 2 ** 53 - 3],
      [Array.from({ length: 1000 }, (_, i) => 1 / (i + 1)), fromHex('0x1.df11f45f4e61ap+2')],
      [
        Array.from({ length: 1000 }, (_, i) => (-1) ** (i + 1) / (i + 1)),
        fromHex('-0x1.62a2af1bd3624p-1'),
      ],
      [[1e16, 1, 1e-16], 10000000000000002.0],
      [[1e16 - 2, 1 - 2 ** -53, -(1e16 - 2), -(1 - 2 ** -53)], 0],
      [
        [
          ...Array.from({ length: 1023 }, (_, i) => {
            const n = -1074 + 2 * i;
            return 2 ** n - 2 ** (n + 50) + 2 ** (n + 52);
          }),
          -(2 ** 1022),
        ],
        fromHex('0x1.5555555555555p+970'),
      ],
    ];
    for (const [values, expected] of cases) {
      expect(exactSum(values)).toBe(expected);
      expect(exactSum([...values].reverse())).toBe(expected);
    }
  });

  it('property: equals the exact rational sum rounded once (BigInt reference)', () => {
    fc.assert(
      fc.property(fc.array(finiteDouble, { maxLength: 60 }), (values) => {
        expect(exactSum(values)).toBe(referenceSum(values));
      }),
    );
  });

  it('property: money amounts in any order give bit-for-bit the same sum', () => {
    const cents = fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        fc
          .array(cents, { minLength: 1, maxLength: 80 })
          .chain((values) =>
            fc.tuple(
              fc.constant(values),
              fc.shuffledSubarray(values, { minLength: values.length }),
            ),
          ),
        ([values, shuffled]) => {
          expect(Object.is(exactSum(shuffled), exactSum(values))).toBe(true);
          expect(exactSum(values)).toBe(referenceSum(values));
        },
      ),
    );
  });

  it('property: the sum of cents as money equals the exact integer sum / 100 to the cent', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 200 }), (cents) => {
        const exact = cents.reduce((s, c) => s + c, 0);
        // `===`, not `toBe`: cents summing to 0 may round to −0 (see the next test).
        expect(Math.round(exactSum(cents.map((c) => c / 100)) * 100) === exact).toBe(true);
      }),
    );
  });

  it('gives 0.23 + 0.05 − 0.28 as the doubles’ exact sum, −1.3877787807814457e-17 (Python fsum and Fraction)', () => {
    expect(exactSum([0.23, 0.05, -0.28])).toBe(-1.3877787807814457e-17);
    expect(exactSum([-0.28, 0.05, 0.23])).toBe(-1.3877787807814457e-17);
  });

  it('sums values that are not finite apart: NaN, ±Infinity, and an overflowing running sum', () => {
    expect(exactSum([Infinity, 1, 2])).toBe(Infinity);
    expect(exactSum([1, -Infinity])).toBe(-Infinity);
    expect(exactSum([Infinity, -Infinity])).toBeNaN();
    expect(exactSum([1, NaN, 2])).toBeNaN();
    expect(exactSum([1.7e308, 1.7e308])).toBe(Infinity);
  });
});

describe('ExactSums', () => {
  it('keeps its slots apart (doc example: 0.1 ten times into slot 1 is 1; slot 0 stays 0)', () => {
    const sums = new ExactSums(2);
    for (let i = 0; i < 10; i += 1) sums.add(1, 0.1);
    expect(sums.value(1)).toBe(1);
    expect(sums.value(0)).toBe(0);
    sums.clear(1);
    expect(sums.value(1)).toBe(0);
  });

  it('keeps a slot exact when its compensation would round, and the other slots as they were', () => {
    // 1.5 · 2^(60k) for k = 0..6: the errors of these additions no longer fit one compensation
    // double, so slot 1 moves to partials (seven of them).
    const values = Array.from({ length: 7 }, (_, k) => 2 ** (60 * k) * 1.5);
    const sums = new ExactSums(3);
    sums.add(0, 0.1);
    sums.add(2, -0.3);
    for (const v of values) sums.add(1, v);
    sums.add(0, 0.2);
    expect(sums.value(1)).toBe(referenceSum(values));
    expect(sums.value(0)).toBe(referenceSum([0.1, 0.2]));
    expect(sums.value(2)).toBe(-0.3);
  });

  it('property: slots fed interleaved equal exactSum of each slot’s values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), finiteDouble), { maxLength: 120 }),
        (entries) => {
          const sums = new ExactSums(4);
          for (const [slot, value] of entries) sums.add(slot, value);
          for (let slot = 0; slot < 4; slot += 1) {
            const own = entries.filter(([s]) => s === slot).map(([, v]) => v);
            expect(sums.value(slot)).toBe(referenceSum(own));
          }
          sums.clearAll();
          for (let slot = 0; slot < 4; slot += 1) expect(sums.value(slot)).toBe(0);
        },
      ),
    );
  });
});
