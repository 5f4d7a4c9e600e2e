import { AnalyticsError } from '../errors';
import { ExactAccumulator } from '../math/exact-sum';
import type { CustomerSummary } from './customer-summary';

export type AbcClass = 'A' | 'B' | 'C';

/** Cumulative-share limits [A, B] as ratios 0..1: the default 80 % / 95 % (the Pareto split). */
export const DEFAULT_ABC_THRESHOLDS: readonly [number, number] = [0.8, 0.95];

/** The 75/20/5 preset: A up to 75 % of revenue, B the next 20 %, C the last 5 %. */
export const ABC_PRESET_75_20_5: readonly [number, number] = [0.75, 0.95];

export interface AbcOptions {
  /** [A limit, B limit], ratios with 0 < A < B ≤ 1. Default `DEFAULT_ABC_THRESHOLDS`. */
  readonly thresholds?: readonly [number, number];
}

export interface AbcClassification {
  readonly clientKey: string;
  readonly abcClass: AbcClass;
  /** The client's total revenue (refunds included), money. */
  readonly totalRevenue: number;
  /** Revenue / the sum of all positive client revenues (0 for revenue ≤ 0); ratio 0..1. */
  readonly revenueShare: number;
  /** Share of revenue of all clients ranked above this one; ratio 0..1. */
  readonly cumulativeShareBefore: number;
  /** 1-based position in the order by revenue descending, ties by clientKey. */
  readonly rank: number;
}

/**
 * ABC classes by revenue (user guide §6, ABC): order clients by totalRevenue descending (ties
 * by clientKey); a client is A if the revenue share of all clients ranked above it is below the A
 * limit (default 80 %), B if below the B limit (95 %), otherwise C; a client with revenue ≤ 0 is C.
 * Shares are of the sum of positive revenues, so they add up to 1. Results come in the order of
 * `summaries`.
 *
 * Parameters: `summaries` from `summariseCustomers`; `options.thresholds` ratios 0..1.
 * Throws `AnalyticsError('invalid_argument')` for thresholds not satisfying 0 < A < B ≤ 1.
 *
 * Example: revenues 50, 30, 10, 6, 4 have shares-before 0, 0.5, 0.8, 0.9, 0.96 and classes
 * A, A, B, B, C.
 */
export function abcClasses(
  summaries: readonly CustomerSummary[],
  options: AbcOptions = {},
): AbcClassification[] {
  const revenue = new Float64Array(summaries.length);
  summaries.forEach((s, i) => {
    revenue[i] = s.totalRevenue;
  });
  const columns = abcClassColumns(
    revenue,
    (i) => (summaries[i] as CustomerSummary).clientKey,
    options,
  );
  return summaries.map((s, i) => ({
    clientKey: s.clientKey,
    abcClass: ABC_CLASSES[columns.abcClass[i] as number] as AbcClass,
    totalRevenue: s.totalRevenue,
    revenueShare: columns.revenueShare[i] as number,
    cumulativeShareBefore: columns.cumulativeShareBefore[i] as number,
    rank: columns.rank[i] as number,
  }));
}

/** The classes in the order of their index in `AbcColumns.abcClass`. */
export const ABC_CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];

/** `abcClasses` per client as columns, in the order of the revenues given. */
export interface AbcColumns {
  /** Index into `ABC_CLASSES`: 0 A, 1 B, 2 C. */
  readonly abcClass: Uint8Array;
  readonly revenueShare: Float64Array;
  readonly cumulativeShareBefore: Float64Array;
  readonly rank: Int32Array;
}

/**
 * The one implementation of the ABC rule of `abcClasses`, on a column of client revenues; `keyOf`
 * gives client i's key, which breaks ties. Same options and errors.
 *
 * @example revenues [50, 30, 10, 6, 4] give classes [0, 0, 1, 1, 2] (A, A, B, B, C).
 */
export function abcClassColumns(
  revenue: Float64Array,
  keyOf: (index: number) => string,
  options: AbcOptions = {},
): AbcColumns {
  const [aLimit, bLimit] = options.thresholds ?? DEFAULT_ABC_THRESHOLDS;
  if (!(
    Number.isFinite(aLimit) &&
    Number.isFinite(bLimit) &&
    aLimit > 0 &&
    aLimit < bLimit &&
    bLimit <= 1
  )) {
    throw new AnalyticsError(
      'invalid_argument',
      `ABC thresholds must satisfy 0 < A < B ≤ 1, got [${aLimit}, ${bLimit}].`,
      { argument: 'thresholds' },
    );
  }
  const n = revenue.length;
  const total = new ExactAccumulator();
  for (let i = 0; i < n; i += 1) if ((revenue[i] as number) > 0) total.add(revenue[i] as number);
  const positiveTotal = total.value();
  const order = revenueOrder(revenue, keyOf);

  const abcClass = new Uint8Array(n);
  const revenueShare = new Float64Array(n);
  const cumulativeShareBefore = new Float64Array(n);
  const rank = new Int32Array(n);
  const running = new ExactAccumulator();
  for (let position = 0; position < n; position += 1) {
    const index = order[position] as number;
    const value = revenue[index] as number;
    const positive = value > 0 && positiveTotal > 0;
    const shareBefore = positiveTotal > 0 ? Math.min(1, running.value() / positiveTotal) : 1;
    abcClass[index] = positive ? (shareBefore < aLimit ? 0 : shareBefore < bLimit ? 1 : 2) : 2;
    revenueShare[index] = positive ? value / positiveTotal : 0;
    cumulativeShareBefore[index] = shareBefore;
    rank[index] = position + 1;
    if (value > 0) running.add(value);
  }
  return { abcClass, revenueShare, cumulativeShareBefore, rank };
}

// Positions by revenue descending, ties by key. Keys in ascending order (as `summariseCustomers`
// returns them) are placed by a typed-array sort and binary search, with no comparison callback;
// any other order takes the comparison sort.
function revenueOrder(revenue: Float64Array, keyOf: (index: number) => string): Int32Array {
  const n = revenue.length;
  let keyOrdered = !revenue.some(Number.isNaN);
  for (let i = 1; keyOrdered && i < n; i += 1) {
    if (!(keyOf(i - 1) < keyOf(i))) keyOrdered = false;
  }
  if (!keyOrdered) {
    return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const byRevenue = (revenue[b] as number) - (revenue[a] as number);
      if (byRevenue !== 0) return byRevenue;
      const ka = keyOf(a);
      const kb = keyOf(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }
  const descending = revenue.map((r) => -r).sort();
  const placedInGroup = new Int32Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const value = -(revenue[i] as number);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((descending[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    order[lo + (placedInGroup[lo] as number)] = i;
    placedInGroup[lo] = (placedInGroup[lo] as number) + 1;
  }
  return order;
}
