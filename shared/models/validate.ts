import { modelsError } from './messages';
import type { RecencyFrequency } from './types';

/**
 * Throws `invalid_argument` unless every row has whole x >= 0 and 0 <= t_x <= T. T = 0 is a client
 * whose first purchase is on the calibration end: observed for no time, it adds nothing to the
 * likelihood (its factor is 1 in BG/NBD and Pareto/NBD) and is scored as a new client.
 */
export function checkRows(rows: readonly RecencyFrequency[]): void {
  rows.forEach((row, index) => checkRow(row, index + 1));
}

/** Throws `invalid_argument` unless the row has whole x >= 0 and 0 <= t_x <= T (see `checkRows`). */
export function checkRow(row: RecencyFrequency, index = 1): void {
  const { x, t_x, T } = row;
  const ok =
    Number.isInteger(x) &&
    x >= 0 &&
    Number.isFinite(t_x) &&
    Number.isFinite(T) &&
    t_x >= 0 &&
    t_x <= T * (1 + 1e-12) &&
    T >= 0 &&
    (x > 0 || t_x === 0);
  if (!ok) throw modelsError('invalid_argument', 'error.badRow', { index, x, t_x, T });
}

/** Throws `invalid_argument` unless every value is a finite number > 0. */
export function checkParameters(parameters: object): void {
  // A plain loop: this runs once per prediction, so no array or closure is allocated.
  let ok = true;
  for (const key in parameters) {
    const v = (parameters as Record<string, unknown>)[key];
    if (!(typeof v === 'number' && v > 0 && v < Infinity)) ok = false;
  }
  if (!ok) {
    throw modelsError('invalid_argument', 'error.badParameters', {
      parameters: JSON.stringify(parameters),
    });
  }
}

/** Throws `invalid_argument` unless t is a finite number >= 0. */
export function checkHorizon(t: number): void {
  if (!(Number.isFinite(t) && t >= 0))
    throw modelsError('invalid_argument', 'error.badHorizon', { value: t });
}

/** Throws `numeric` unless v is finite; the guard that keeps NaN and Infinity out of cells. */
export function finiteOrThrow(v: number, quantity: string): number {
  if (!Number.isFinite(v)) throw modelsError('numeric', 'error.numericResult', { quantity });
  return v;
}
