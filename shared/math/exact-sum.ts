/**
 * Exactly rounded summation: the sum of a list of numbers is the exact sum of its values, rounded
 * once to the nearest double (ties to even). It therefore does not depend on the order the values
 * come in, so shuffled rows give bit-for-bit the same totals, and money sums over a million rows
 * keep their cents.
 *
 * Source: J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
 * Predicates", Discrete & Computational Geometry 18 (1997) 305–363 (non-overlapping partials, the
 * "grow-expansion" step), with the final half-even rounding across partials of Python's
 * `math.fsum` (R. Hettinger's msum recipe). The fast path is the TwoSum of D. E. Knuth, The Art
 * of Computer Programming, vol. 2, 4.2.2, and the compensation of A. Neumaier (ZAMM 54, 1974,
 * 39–51). Values that are not finite are summed apart: any NaN, or +Infinity with −Infinity,
 * gives NaN; otherwise an infinity wins. A running sum that overflows the double range (|sum|
 * above about 1.8e308) gives ±Infinity.
 */

/** A slot's sum once its fast form could not stay exact: partials, plus non-finite values. */
interface Expansion {
  /** Non-overlapping doubles, smallest first, whose exact total is the slot's exact sum. */
  readonly partials: number[];
  /** The plain sum of the non-finite values added (and of an overflowed running sum). */
  special: number | undefined;
}

/**
 * Running exact sums in numbered slots (one per client, month, ...), kept in a typed array so a
 * loop over a million rows allocates nothing per row.
 *
 * Each slot starts in a fast form: a running sum `s` and a compensation `c`, each addition's
 * rounding error found exactly by Knuth's TwoSum and added to `c` (as Neumaier's method does). As
 * long as every addition to `c` is itself exact, which a second TwoSum checks, `s + c` is exactly
 * the sum of the values and one rounding of it is the exactly rounded sum. For money this is
 * practically always the case: the errors are a few bits each, far below the amounts. When an
 * addition to `c` would round (or a value is not finite), the slot switches for good to the
 * partials of Shewchuk's grow-expansion, starting from `s` and `c`.
 *
 * Example: in a 2-slot `ExactSums`, adding 0.1 ten times to slot 1 makes `value(1)` exactly 1
 * and leaves `value(0)` at 0.
 */
export class ExactSums {
  /** Per slot `s` and `c` side by side, at `2 * slot` and `2 * slot + 1`. */
  private readonly pairs: Float64Array;
  /** Per slot its expansion, once it left the fast form. */
  private readonly expansions: (Expansion | undefined)[];

  constructor(readonly slots: number) {
    this.pairs = new Float64Array(2 * slots);
    this.expansions = new Array<Expansion | undefined>(slots).fill(undefined);
  }

  /** Adds `value` to slot `slot` (0-based, below `slots`). */
  add(slot: number, value: number): void {
    const expansion = this.expansions[slot];
    if (expansion !== undefined) {
      addToExpansion(expansion, value);
      return;
    }
    const pairs = this.pairs;
    const at = 2 * slot;
    const sum = pairs[at] as number;
    const compensation = pairs[at + 1] as number;
    const next = sum + value;
    const error = twoSumError(sum, value, next);
    const nextCompensation = compensation + error;
    if (twoSumError(compensation, error, nextCompensation) === 0) {
      pairs[at] = next;
      pairs[at + 1] = nextCompensation;
    } else {
      this.expansions[slot] = expansionOf(sum, compensation, value);
    }
  }

  /** The exactly rounded sum of what was added to slot `slot` since it was last cleared. */
  value(slot: number): number {
    const expansion = this.expansions[slot];
    return positiveZero(
      expansion === undefined
        ? (this.pairs[2 * slot] as number) + (this.pairs[2 * slot + 1] as number)
        : expansionValue(expansion),
    );
  }

  /** Empties slot `slot`. */
  clear(slot: number): void {
    this.pairs[2 * slot] = 0;
    this.pairs[2 * slot + 1] = 0;
    this.expansions[slot] = undefined;
  }

  /** Empties every slot. */
  clearAll(): void {
    this.pairs.fill(0);
    this.expansions.fill(undefined);
  }
}

/**
 * The rounding error of `sum = a + b` (Knuth's TwoSum, no branch): `sum + error` is exactly
 * `a + b` for finite values; NaN when the sum overflowed or a value is not finite.
 */
function twoSumError(a: number, b: number, sum: number): number {
  const bPart = sum - a;
  return a - (sum - bPart) + (b - bPart);
}

/**
 * The slow form of a sum whose fast form was `sum` and `compensation` (finite, and exactly the
 * sum so far together) when `value` came and could not be added exactly.
 */
function expansionOf(sum: number, compensation: number, value: number): Expansion {
  const expansion: Expansion = { partials: [], special: undefined };
  addToExpansion(expansion, sum);
  addToExpansion(expansion, compensation);
  addToExpansion(expansion, value);
  return expansion;
}

/** A zero sum is +0, also when only −0 was added. */
function positiveZero(total: number): number {
  return total === 0 ? 0 : total;
}

/** Shewchuk's grow-expansion step (Python's msum): the partials stay exact and non-overlapping. */
function addToExpansion(expansion: Expansion, value: number): void {
  if (value - value !== 0) {
    expansion.special = (expansion.special ?? 0) + value;
    return;
  }
  const partials = expansion.partials;
  let x = value;
  let kept = 0;
  for (const partial of partials) {
    let y = partial;
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) {
      partials[kept] = lo;
      kept += 1;
    }
    x = hi;
  }
  if (x - x !== 0) {
    // The running sum left the double range.
    partials.length = 0;
    expansion.special = (expansion.special ?? 0) + x;
    return;
  }
  partials.length = kept;
  partials.push(x);
}

/** The partials' exact total rounded once, ties to even (the last step of Python's fsum). */
function expansionValue(expansion: Expansion): number {
  if (expansion.special !== undefined) return expansion.special;
  const partials = expansion.partials;
  let n = partials.length;
  if (n === 0) return 0;
  // From the largest partial down, until adding the next one is inexact.
  n -= 1;
  let hi = partials[n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    n -= 1;
    const y = partials[n] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-even rounding across partials: when the rest below has the sign of `lo`, the exact sum
  // lies past the halfway point that `hi + lo` was rounded at.
  if (n > 0) {
    const below = partials[n - 1] as number;
    if ((lo < 0 && below < 0) || (lo > 0 && below > 0)) {
      const y = lo * 2;
      const x = hi + y;
      if (x - hi === y) hi = x;
    }
  }
  return hi;
}

/**
 * A running exact sum, for when values arrive one at a time.
 *
 * Example: adding 0.1 ten times gives `value()` exactly 1 (a plain loop gives 0.9999999999999999).
 */
export class ExactAccumulator {
  // The fast form of `ExactSums` in two fields: one accumulator per client or group is cheap.
  private sum = 0;
  private compensation = 0;
  private expansion: Expansion | undefined = undefined;

  add(value: number): void {
    if (this.expansion !== undefined) {
      addToExpansion(this.expansion, value);
      return;
    }
    const next = this.sum + value;
    const error = twoSumError(this.sum, value, next);
    const nextCompensation = this.compensation + error;
    if (twoSumError(this.compensation, error, nextCompensation) === 0) {
      this.sum = next;
      this.compensation = nextCompensation;
    } else {
      this.expansion = expansionOf(this.sum, this.compensation, value);
    }
  }

  value(): number {
    return positiveZero(
      this.expansion === undefined ? this.sum + this.compensation : expansionValue(this.expansion),
    );
  }
}

/**
 * The exactly rounded sum of `values`. Units: whatever the values are in (money, days, ...).
 * Throws nothing; an empty list sums to 0.
 *
 * Example: `exactSum([1, 1e100, 1, -1e100])` is 2, where a plain loop gives 0.
 */
export function exactSum(values: Iterable<number>): number {
  const accumulator = new ExactAccumulator();
  for (const value of values) accumulator.add(value);
  return accumulator.value();
}
