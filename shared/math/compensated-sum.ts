/**
 * Compensated (Kahan–Babuška–Neumaier) summation: money sums over a million rows keep their cents.
 * Source: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 * ZAMM 54 (1974) 39–51; the same algorithm as Python's `math.fsum` fallback and Julia's `sum_kbn`.
 */

/**
 * The sum of `values` with a running compensation term for the low-order bits each addition loses.
 * Units: whatever the values are in (money, days, ...). Throws nothing; an empty list sums to 0.
 *
 * Example: `compensatedSum([1, 1e100, 1, -1e100])` is 2, where a plain loop gives 0.
 */
export function compensatedSum(values: Iterable<number>): number {
  const accumulator = new CompensatedAccumulator();
  for (const value of values) accumulator.add(value);
  return accumulator.value();
}

/**
 * A running compensated sum, for when values arrive one at a time.
 *
 * Example: adding 0.1 ten times gives `value()` exactly 1 (a plain loop gives 0.9999999999999999).
 */
export class CompensatedAccumulator {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const next = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) {
      this.compensation += this.sum - next + value;
    } else {
      this.compensation += value - next + this.sum;
    }
    this.sum = next;
  }

  value(): number {
    return this.sum + this.compensation;
  }
}

/**
 * Adds `value` into slot `index` with the same Neumaier step as `CompensatedAccumulator`, the
 * slot's sum and compensation side by side in one array (at `2 * index` and `2 * index + 1`):
 * one running sum per client or period without an object each. Read the slot back with
 * `pairs[2 * i] + pairs[2 * i + 1]`.
 *
 * Example: adding 0.1 ten times into slot 0 leaves `pairs[0] + pairs[1]` exactly 1.
 */
export function addCompensatedPair(pairs: Float64Array, index: number, value: number): void {
  const at = 2 * index;
  const sum = pairs[at] ?? 0;
  const next = sum + value;
  if (Math.abs(sum) >= Math.abs(value)) {
    pairs[at + 1] = (pairs[at + 1] ?? 0) + (sum - next + value);
  } else {
    pairs[at + 1] = (pairs[at + 1] ?? 0) + (value - next + sum);
  }
  pairs[at] = next;
}
