/**
 * Typed errors of the core. Hosts translate them at the edge: Excel shows `#VALUE!`/`#N/A` with
 * the message and `#NUM!` for numeric failures; Sheets throws `Error(message)`; the CLI prints the
 * message and exits non-zero.
 */
import { formatTemplate, type LocalizedText, type MessageParams } from './i18n/translate';
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

/**
 * Where an error's text comes from, so the edge can render it in another language: the name of a
 * message table (`details.messageTable`), the id in it (`details.messageId`), the placeholders
 * (`details.params`) and, for a `ConvergenceError`, the id of its advice (`details.adviceId`).
 */
export interface ErrorMessageSource {
  readonly table: string;
  readonly id: string;
  readonly params: MessageParams;
  readonly adviceId?: string;
}

/**
 * The message source an error carries, or `undefined` for an error without one (its `message`
 * is then the only text there is). Safe on details that crossed a JSON boundary.
 * Example: `errorMessageSource(messageError('invalid_argument', 'metrics', table, 'error.x'))` is
 * `{ table: 'metrics', id: 'error.x', params: {} }` (tested in test/shared/errors.test.ts).
 */
export function errorMessageSource(error: unknown): ErrorMessageSource | undefined {
  if (!(error instanceof AnalyticsError)) return undefined;
  const table = error.details?.['messageTable'];
  const id = error.details?.['messageId'];
  if (typeof table !== 'string' || typeof id !== 'string') return undefined;
  const params = error.details?.['params'];
  const advice = error.details?.['adviceId'];
  return {
    table,
    id,
    params: typeof params === 'object' && params !== null ? (params as MessageParams) : {},
    ...(typeof advice === 'string' ? { adviceId: advice } : {}),
  };
}

/**
 * An `AnalyticsError` whose message is the English text of `table[id]`, with the table's name,
 * the id and the params kept in `details` (beside `extra`), so `localiseError` in
 * `shared/catalog` can show it in the caller's language. Where the caller's language is known
 * already, `locale` renders the message in it. Area helpers (`metricsError`, `modelsError`, ...)
 * fix `tableName` and `table`.
 *
 * Example: `messageError('invalid_argument', 'catalog', { x: { en: 'Bad {a}.', ru: 'Плохо {a}.' } }, 'x', { a: 1 })`
 * has the message `Bad 1.` (tested in test/shared/errors.test.ts).
 */
export function messageError<T extends Readonly<Record<string, LocalizedText>>>(
  code: AnalyticsErrorCode,
  tableName: string,
  table: T,
  id: keyof T & string,
  params: MessageParams = {},
  extra: Readonly<Record<string, unknown>> = {},
  locale: keyof LocalizedText = 'en',
): AnalyticsError {
  const entry = table[id] as LocalizedText;
  return new AnalyticsError(code, formatTemplate(entry[locale], params), {
    ...extra,
    messageTable: tableName,
    messageId: id,
    params,
  });
}
