import type { CalendarDay } from '../calendar';
import type { Transaction } from '../sheet-data/types';
import { bgNbdPurchaseCountProbability } from './bg-nbd';
import type { BgNbdParameters } from './bg-nbd';
import { modelsError } from './messages';
import type { PurchaseModel } from './purchase-model';
import { expectedPurchases, expectedPurchasesNewClient } from './purchase-model';
import type { ModelClientRow, RecencyFrequency, TimeUnit } from './types';
import { DAYS_PER_UNIT } from './types';

export interface FrequencyBucketRow {
  /** Repeat purchases in the calibration period; the last bucket is "this many or more". */
  readonly repeatPurchases: number;
  readonly isOpenEnded: boolean;
  readonly clients: number;
  /** Mean actual holdout repeat purchases of these clients. */
  readonly actualMeanHoldout: number;
  /** Mean model expectation of holdout repeat purchases (conditional on each client's history). */
  readonly predictedMeanHoldout: number;
}

/**
 * Calibration vs holdout by calibration frequency (Fader, Hardie & Lee 2005, Figure 4): for
 * clients grouped by x = 0, 1, ..., maxBucket-1 and maxBucket or more, the mean actual number of
 * holdout repeat purchases and the mean of the model's conditional expectation over the holdout
 * length.
 * @param clients rows with `holdoutRepeatCount` (from `summariseForModels` with a holdout end).
 * @param holdoutLength holdout length in the model time unit.
 * @throws AnalyticsError `invalid_argument` when a row lacks a holdout count.
 * Example: CDNOW, FHL 2005 parameters, 39 weeks: clients with x = 0 made 0.236 repeat purchases on
 * average in the holdout and the model predicts 0.225 (compare FHL 2005 Figure 4).
 */
export function holdoutByFrequency(
  clients: readonly ModelClientRow[],
  model: PurchaseModel,
  holdoutLength: number,
  maxBucket = 7,
): FrequencyBucketRow[] {
  const n = maxBucket + 1;
  const count = new Array<number>(n).fill(0);
  const actual = new Array<number>(n).fill(0);
  const predicted = new Array<number>(n).fill(0);
  for (const c of clients) {
    if (c.holdoutRepeatCount === undefined) {
      throw modelsError('invalid_argument', 'error.noHoldout');
    }
    const k = Math.min(c.x, maxBucket);
    count[k] = (count[k] as number) + 1;
    actual[k] = (actual[k] as number) + c.holdoutRepeatCount;
    predicted[k] = (predicted[k] as number) + expectedPurchases(model, c, holdoutLength);
  }
  return count.map((m, k) => ({
    repeatPurchases: k,
    isOpenEnded: k === maxBucket,
    clients: m,
    actualMeanHoldout: m > 0 ? (actual[k] as number) / m : 0,
    predictedMeanHoldout: m > 0 ? (predicted[k] as number) / m : 0,
  }));
}

export interface FrequencyHistogramRow {
  readonly repeatPurchases: number;
  readonly isOpenEnded: boolean;
  readonly actualClients: number;
  readonly expectedClients: number;
}

/**
 * Calibration fit (FHL 2005 Figure 3): the number of clients with x = 0, 1, ..., maxBucket-1 and
 * maxBucket or more repeat purchases in the calibration period, actual vs expected under BG/NBD
 * (Σ over clients of P(X(T_i) = x), eq. 8).
 * Example: CDNOW at the FHL 2005 parameters expects 1,406.5 clients with x = 0 (1,411 actual).
 */
export function calibrationHistogram(
  clients: readonly RecencyFrequency[],
  parameters: BgNbdParameters,
  maxBucket = 7,
): FrequencyHistogramRow[] {
  const actual = new Array<number>(maxBucket + 1).fill(0);
  const expected = new Array<number>(maxBucket + 1).fill(0);
  // Clients sharing T share the probabilities: compute them once per distinct T.
  const byT = new Map<number, number>();
  for (const c of clients) {
    const k = Math.min(c.x, maxBucket);
    actual[k] = (actual[k] as number) + 1;
    byT.set(c.T, (byT.get(c.T) ?? 0) + 1);
  }
  for (const [T, m] of byT) {
    let below = 0;
    for (let k = 0; k < maxBucket; k++) {
      const p = bgNbdPurchaseCountProbability(parameters, T, k);
      below += p;
      expected[k] = (expected[k] as number) + m * p;
    }
    expected[maxBucket] = (expected[maxBucket] as number) + m * Math.max(0, 1 - below);
  }
  return actual.map((a, k) => ({
    repeatPurchases: k,
    isOpenEnded: k === maxBucket,
    actualClients: a,
    expectedClients: expected[k] as number,
  }));
}

export interface TrackingRow {
  /** 1-based period number counted from `startDay`. */
  readonly period: number;
  /** Last calendar day of the period. */
  readonly lastDay: CalendarDay;
  readonly actualRepeatPurchases: number;
  readonly expectedRepeatPurchases: number;
  readonly actualCumulative: number;
  readonly expectedCumulative: number;
}

export interface TrackingOptions {
  /** First day of period 1 (e.g. the cohort's first day). */
  readonly startDay: CalendarDay;
  /** Number of periods to track (e.g. 78 weeks). */
  readonly periods: number;
  readonly unit: TimeUnit;
}

/**
 * Repeat purchases over time, actual vs expected (FHL 2005 Figure 2): per period (one model time
 * unit, counted from startDay), the repeat purchases (distinct purchase days after each client's
 * first) the cohort made, and the model's expectation Σ_i E[X(t_i)] with t_i the time from client
 * i's first purchase to the end of the period (the unconditional expectation, eq. 9); with the
 * cumulative sums of both. Only clients in `clients` count (the calibration cohort).
 * Example: CDNOW in weeks from 1997-01-01: cumulative actual 2,457 at week 39 and 4,339 at week 78.
 */
export function repeatPurchaseTracking(
  transactions: readonly Transaction[],
  clients: readonly ModelClientRow[],
  model: PurchaseModel,
  options: TrackingOptions,
): TrackingRow[] {
  const { startDay, periods, unit } = options;
  const daysPerUnit = DAYS_PER_UNIT[unit];
  const lastDayOf = (k: number): CalendarDay => startDay + Math.floor(k * daysPerUnit) - 1;
  const firstDay = new Map(clients.map((c) => [c.clientKey, c.firstPurchaseDay]));
  const seen = new Set<string>();
  const actual = new Array<number>(periods).fill(0);
  for (const t of transactions) {
    if (!(t.amount >= 0)) continue;
    const first = firstDay.get(t.clientKey);
    if (first === undefined || t.day <= first || t.day < startDay) continue;
    const key = `${t.clientKey}|${t.day}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const k = Math.floor((t.day - startDay) / daysPerUnit);
    if (k < periods) actual[k] = (actual[k] as number) + 1;
  }
  // Expected cumulative at the end of period k: clients grouped by first purchase day.
  const byFirst = new Map<number, number>();
  for (const c of clients)
    byFirst.set(c.firstPurchaseDay, (byFirst.get(c.firstPurchaseDay) ?? 0) + 1);
  const rows: TrackingRow[] = [];
  let actualCumulative = 0;
  let previousExpected = 0;
  for (let k = 1; k <= periods; k++) {
    const last = lastDayOf(k);
    let expectedCumulative = 0;
    for (const [first, m] of byFirst) {
      if (last > first)
        expectedCumulative += m * expectedPurchasesNewClient(model, (last - first) / daysPerUnit);
    }
    actualCumulative += actual[k - 1] as number;
    rows.push({
      period: k,
      lastDay: last,
      actualRepeatPurchases: actual[k - 1] as number,
      expectedRepeatPurchases: expectedCumulative - previousExpected,
      actualCumulative,
      expectedCumulative,
    });
    previousExpected = expectedCumulative;
  }
  return rows;
}
