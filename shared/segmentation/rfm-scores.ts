import { AnalyticsError } from '../errors';
import type { CustomerSummary } from './customer-summary';
import { ALL_RFM_CELLS } from './rfm-segments';

/** An RFM score, 1 (worst) to 5 (best). */
export type RfmScoreValue = 1 | 2 | 3 | 4 | 5;

/** Per-client RFM scores and the three-digit cell, e.g. `'545'` (recency, frequency, monetary). */
export interface RfmScore {
  readonly clientKey: string;
  /** 5 = bought most recently. */
  readonly recencyScore: RfmScoreValue;
  /** 5 = most purchases. */
  readonly frequencyScore: RfmScoreValue;
  /** 5 = most revenue. */
  readonly monetaryScore: RfmScoreValue;
  /** `${recencyScore}${frequencyScore}${monetaryScore}` */
  readonly rfmCell: string;
}

/**
 * How scores are given:
 * - `rank` (default): score = 1 + floor(5 × W / n), n = clients, W = clients strictly worse on that
 *   measure (user guide §4, RFM scores). Ties share a score; no cut-offs to choose.
 * - `thresholds`: four strictly increasing cut points per measure, in the measure's own unit.
 *   Frequency (purchases) and monetary (money): score = 1 + the number of cut points ≤ value, so
 *   value < c1 → 1, c1 ≤ value < c2 → 2, …, value ≥ c4 → 5. Recency (days since the last
 *   purchase, fewer is better): score = 5 − the number of cut points < days, so days ≤ d1 → 5,
 *   d1 < days ≤ d2 → 4, …, days > d4 → 1.
 *   Example: recencyDays [30, 90, 180, 365] scores 30 days 5, 31 days 4, 400 days 1.
 */
export type RfmScoreOptions =
  | { readonly mode: 'rank' }
  | {
      readonly mode: 'thresholds';
      readonly recencyDays: readonly number[];
      readonly frequency: readonly number[];
      readonly monetary: readonly number[];
    };

/**
 * RFM scores for each client, in the order of `summaries`. "Worse" means: more days since the last
 * purchase (a refund-only client, with no purchase, is worse than every buyer), fewer purchases,
 * less total revenue. Source of the rank rule: user guide §4, RFM scores; the RFM idea:
 * A. M. Hughes, "Strategic Database Marketing" (1994).
 *
 * Parameters: `summaries` from `summariseCustomers`; `options` as `RfmScoreOptions`.
 * Throws `AnalyticsError('invalid_argument')` naming the option when a thresholds list is not four
 * strictly increasing finite numbers.
 *
 * Example (rank): five clients with 1, 2, 2, 3, 5 purchases have W = 0, 1, 1, 3, 4 and frequency
 * scores 1, 2, 2, 4, 5.
 */
export function rfmScores(
  summaries: readonly CustomerSummary[],
  options: RfmScoreOptions = { mode: 'rank' },
): RfmScore[] {
  const n = summaries.length;
  const daysSinceLastPurchase = new Float64Array(n);
  const purchaseCount = new Float64Array(n);
  const totalRevenue = new Float64Array(n);
  summaries.forEach((s, i) => {
    daysSinceLastPurchase[i] = s.daysSinceLastPurchase ?? NaN;
    purchaseCount[i] = s.purchaseCount;
    totalRevenue[i] = s.totalRevenue;
  });
  const {
    recency: r,
    frequency: f,
    monetary: m,
  } = rfmScoreColumns({ daysSinceLastPurchase, purchaseCount, totalRevenue }, options);
  return summaries.map((s, i) => {
    const recencyScore = r[i] as RfmScoreValue;
    const frequencyScore = f[i] as RfmScoreValue;
    const monetaryScore = m[i] as RfmScoreValue;
    return {
      clientKey: s.clientKey,
      recencyScore,
      frequencyScore,
      monetaryScore,
      // The 125 cell strings in ascending order, built once instead of once per client.
      rfmCell: ALL_RFM_CELLS[25 * recencyScore + 5 * frequencyScore + monetaryScore - 31] as string,
    };
  });
}

/** Per client the numbers RFM scores: days since the last purchase NaN for a client without one. */
export interface RfmMeasures {
  readonly daysSinceLastPurchase: Float64Array;
  readonly purchaseCount: Float64Array;
  readonly totalRevenue: Float64Array;
}

/** RFM scores 1..5 per client, in the order of the measures given. */
export interface RfmScoreColumns {
  readonly recency: Uint8Array;
  readonly frequency: Uint8Array;
  readonly monetary: Uint8Array;
}

/**
 * The one implementation of the scoring rules of `rfmScores`, on columns: the segmentation of a
 * large table scores its clients without an object per client. Same modes and errors.
 *
 * @example days [1, 30, NaN], purchases [3, 1, 0], revenue [500, 100, −20] in rank mode give
 *   recency [4, 2, 1], frequency [4, 2, 1], monetary [4, 2, 1].
 */
export function rfmScoreColumns(
  measures: RfmMeasures,
  options: RfmScoreOptions = { mode: 'rank' },
): RfmScoreColumns {
  const { daysSinceLastPurchase: days, purchaseCount, totalRevenue } = measures;
  const n = days.length;
  if (options.mode === 'rank') {
    // Recency as a "goodness" so that higher is better on all three measures.
    const recencyGoodness = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      const d = days[i] as number;
      recencyGoodness[i] = d === d ? -d : -Infinity;
    }
    return {
      recency: rankScores(recencyGoodness),
      frequency: rankScores(purchaseCount),
      monetary: rankScores(totalRevenue),
    };
  }
  if (options.mode !== 'thresholds') {
    throw new AnalyticsError('invalid_argument', 'RFM mode must be "rank" or "thresholds".');
  }
  const recencyCuts = checkCuts(options.recencyDays, 'recencyDays');
  const frequencyCuts = checkCuts(options.frequency, 'frequency');
  const monetaryCuts = checkCuts(options.monetary, 'monetary');
  const recency = new Uint8Array(n);
  const frequency = new Uint8Array(n);
  const monetary = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const d = days[i] as number;
    const count = purchaseCount[i] as number;
    const revenue = totalRevenue[i] as number;
    recency[i] = d === d ? 5 - recencyCuts.filter((c) => c < d).length : 1;
    frequency[i] = 1 + frequencyCuts.filter((c) => c <= count).length;
    monetary[i] = 1 + monetaryCuts.filter((c) => c <= revenue).length;
  }
  return { recency, frequency, monetary };
}

/**
 * Rank scores for values where higher is better: 1 + floor(5 × W / n), W = count strictly lower.
 * Sorting once makes it O(n log n); equal values get the W of their first occurrence.
 *
 * Example: `rankScores([1, 2, 2, 3, 5])` is [1, 2, 2, 4, 5].
 */
export function rankScores(values: Float64Array | readonly number[]): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  const counted = rankScoresByCounting(values);
  if (counted !== undefined) return counted;
  // A typed-array sort needs no comparison callback; W of a value is then the position of its
  // first occurrence in the sorted copy, found by binary search.
  const sorted = Float64Array.from(values as ArrayLike<number>);
  if (sorted.some(Number.isNaN)) return rankScoresByComparison(values);
  sorted.sort();
  for (let index = 0; index < n; index += 1) {
    const value = values[index] as number;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    scores[index] = 1 + Math.floor((5 * lo) / n);
  }
  return scores;
}

/**
 * The same rule for whole numbers in a short range (purchase counts, days since the last
 * purchase) and −∞: W(v), the values below v, is a running count over the range, so ranking
 * takes two passes and no sort. `undefined` for other input.
 */
function rankScoresByCounting(values: Float64Array | readonly number[]): Uint8Array | undefined {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let minusInfinities = 0;
  for (let index = 0; index < n; index += 1) {
    const value = values[index] as number;
    if (value === -Infinity) {
      minusInfinities += 1;
    } else if (Number.isInteger(value)) {
      if (value < min) min = value;
      if (value > max) max = value;
    } else {
      return undefined;
    }
  }
  // A range too wide to count over goes to the sort (when every value is −∞, max − min is −∞).
  if (max - min > 4 * n + 1024) return undefined;
  const range = minusInfinities === n ? 0 : max - min + 1;
  // below[k]: the values below min + k, the −∞ ones included.
  const below = new Int32Array(range + 1);
  for (let index = 0; index < n; index += 1) {
    const value = values[index] as number;
    if (value !== -Infinity) below[value - min + 1] = (below[value - min + 1] as number) + 1;
  }
  below[0] = minusInfinities;
  for (let k = 1; k <= range; k += 1) below[k] = (below[k] as number) + (below[k - 1] as number);
  const scores = new Uint8Array(n);
  for (let index = 0; index < n; index += 1) {
    const value = values[index] as number;
    const worse = value === -Infinity ? 0 : (below[value - min] as number);
    scores[index] = 1 + Math.floor((5 * worse) / n);
  }
  return scores;
}

// The same rule with a comparison sort, for input holding NaN (no order to search in).
function rankScoresByComparison(values: Float64Array | readonly number[]): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (values[a] as number) - (values[b] as number) || 0);
  let worse = 0;
  for (let position = 0; position < n; position += 1) {
    const index = order[position] as number;
    if (
      position > 0 &&
      (values[index] as number) !== (values[order[position - 1] as number] as number)
    ) {
      worse = position;
    }
    scores[index] = 1 + Math.floor((5 * worse) / n);
  }
  return scores;
}

function checkCuts(cuts: readonly number[], name: string): readonly number[] {
  const ok =
    Array.isArray(cuts) &&
    cuts.length === 4 &&
    cuts.every((c, i) => Number.isFinite(c) && (i === 0 || c > (cuts[i - 1] as number)));
  if (!ok) {
    throw new AnalyticsError(
      'invalid_argument',
      `RFM thresholds "${name}" must be four strictly increasing numbers, got [${String(cuts)}].`,
      { argument: name },
    );
  }
  return cuts;
}
