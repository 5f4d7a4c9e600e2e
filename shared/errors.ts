/**
 * Typed errors of the core. Hosts translate them at the edge: Excel shows `#VALUE!`/`#N/A` with
 * the message and `#NUM!` for numeric failures; Sheets throws `Error(message)`; the CLI prints the
 * message and exits non-zero.
 */
import type { RejectedRow } from './sheet-data/types';

/** Machine-readable error codes. `numeric` ones map to `#NUM!`, `not_available` to `#N/A`. */
export type AnalyticsErrorCode =
  | 'invalid_argument'
  | 'missing_column'
  | 'empty_input'
  | 'unknown_format'
  | 'not_available'
  | 'numeric'
  | 'convergence';

/** An error the user can act on: `message` names what is wrong and, where known, the row. */
export class AnalyticsError extends Error {
  readonly code: AnalyticsErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: AnalyticsErrorCode,
    message: string,
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'AnalyticsError';
    this.code = code;
    this.details = details;
  }
}

/** A model fit that did not converge; `advice` tells the user what to try instead. */
export class ConvergenceError extends AnalyticsError {
  readonly advice: string;

  constructor(message: string, advice: string, details?: Readonly<Record<string, unknown>>) {
    super('convergence', `${message} ${advice}`, details);
    this.name = 'ConvergenceError';
    this.advice = advice;
  }
}

/** True for errors hosts should show as a numeric failure (`#NUM!`). */
export function isNumericFailure(error: unknown): boolean {
  return (
    error instanceof AnalyticsError && (error.code === 'numeric' || error.code === 'convergence')
  );
}

/**
 * The rows an error says were left out of the data: its `details.rejectedRows` (set by
 * `buildAnalysisReport` when every row was rejected), or an empty list for any other error. The
 * rows are checked one by one, so details that crossed a worker or a JSON boundary are safe to read.
 * Example: `rejectedRowsOfError(new AnalyticsError('empty_input', 'm', { rejectedRows: [r] }))` is
 * `[r]` for a row `r = { row: 2, code: 'date', reason: '...' }` (tested in test/shared/errors.test.ts).
 */
export function rejectedRowsOfError(error: unknown): readonly RejectedRow[] {
  if (!(error instanceof AnalyticsError)) return [];
  const rows = error.details?.['rejectedRows'];
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (row: unknown): row is RejectedRow =>
      typeof row === 'object' &&
      row !== null &&
      typeof (row as RejectedRow).row === 'number' &&
      typeof (row as RejectedRow).reason === 'string',
  );
}
