import type { CalendarDay } from '../calendar';

/**
 * Shared types of the probabilistic CLV models.
 *
 * Literature symbols used in this folder and their plain meaning (Fader, Hardie & Lee 2005,
 * "Counting Your Customers the Easy Way", Marketing Science 24(2); Schmittlein, Morrison &
 * Colombo 1987, Management Science 33(1)):
 *
 * | symbol | plain name | unit |
 * |---|---|---|
 * | `x` | repeat purchases in the calibration period (distinct purchase days after the first) | purchases |
 * | `t_x` | time from the first to the last calibration purchase (NOT time since the last purchase, which RFM calls recency) | model time unit |
 * | `T` | time from the first purchase to the calibration end | model time unit |
 * | `zbar` | mean value of the repeat purchases (`meanRepeatValue`) | money |
 * | `r`, `alpha` | shape and rate of the gamma distribution of purchase rates | -, model time unit |
 * | `a`, `b` | beta distribution of the drop-out probability after a purchase (BG/NBD) | - |
 * | `s`, `beta` | shape and rate of the gamma distribution of drop-out rates (Pareto/NBD) | -, model time unit |
 * | `p`, `q`, `gamma` | Gamma-Gamma spend model: shape per purchase, shape and scale of its rate | -, -, money |
 */

/** The time unit a model is fitted in. A month is 365.25 / 12 = 30.4375 days (the mean Julian month). */
export type TimeUnit = 'day' | 'week' | 'month';

/** Days per model time unit. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
};

/** The three numbers a BG/NBD or Pareto/NBD model needs per client, in one time unit. */
export interface RecencyFrequency {
  /** Repeat purchases in the calibration period. */
  readonly x: number;
  /** First to last calibration purchase, in model time units; 0 when x = 0. */
  readonly t_x: number;
  /** First purchase to calibration end, in model time units; t_x <= T. */
  readonly T: number;
}

/** One client's model inputs (see `summariseForModels`). */
export interface ModelClientRow extends RecencyFrequency {
  readonly clientKey: string;
  readonly clientName: string;
  readonly firstPurchaseDay: CalendarDay;
  readonly lastCalibrationPurchaseDay: CalendarDay;
  /** Mean money value of the calibration repeat purchases (same-day purchases summed); 0 when x = 0. */
  readonly meanRepeatValue: number;
  /** Repeat purchases (distinct days) in the holdout period; present when a holdout end is given. */
  readonly holdoutRepeatCount?: number;
}

/** Rows weighted by how many clients share them, so the likelihood is computed once per pattern. */
export interface WeightedRecencyFrequency extends RecencyFrequency {
  readonly weight: number;
}

/** A fitted model's parameter estimates with their standard errors and likelihood. */
export interface FitDiagnostics {
  /** Log-likelihood of the calibration data at the estimates (natural log). */
  readonly logLikelihood: number;
  /** Optimizer iterations. */
  readonly iterations: number;
  /** Clients in the fit. */
  readonly clientCount: number;
  /** Which optimizer produced the estimates. */
  readonly method: 'bfgs' | 'nelder-mead';
}
