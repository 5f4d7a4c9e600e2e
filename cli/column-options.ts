import { AnalyticsError } from '../shared/errors';
import { COLUMN_ROLES, columnRoleOf, type ColumnChoices } from '../shared/sheet-data';
import { CliError } from './cli-error';
import type { OptionType } from './parse-options';

/** `--column ROLE=COLUMN`, repeatable: the options `analyze` and `clv` take to choose columns. */
export const COLUMN_OPTIONS = { column: 'list' } as const satisfies Record<string, OptionType>;

/**
 * The column choices of the `--column` values: each `ROLE=COLUMN`, split at the first `=`, where
 * ROLE is a column role (`client`, `date`, `amount`, `orderId`, ..., `totalRevenue`; any case) and
 * COLUMN a column letter or a header text, found by the reader (`resolveColumnChoices`).
 * Undefined when no `--column` was given.
 * Throws `CliError` `badColumnOption` (no `=`, or a blank side), `unknownColumnRole` or
 * `duplicateColumnRole`.
 * Example: `columnChoicesOf(['amount=Сумма с НДС', 'Date=B'])` is
 * `{ amount: 'Сумма с НДС', date: 'B' }` (tested).
 */
export function columnChoicesOf(values: readonly string[] | undefined): ColumnChoices | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const choices: ColumnChoices = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const roleName = equals < 0 ? '' : value.slice(0, equals).trim();
    const column = equals < 0 ? '' : value.slice(equals + 1).trim();
    if (roleName === '' || column === '') throw new CliError('badColumnOption', { value });
    const role = columnRoleOf(roleName);
    if (role === undefined) {
      throw new CliError('unknownColumnRole', { role: roleName, roles: COLUMN_ROLES.join(', ') });
    }
    if (choices[role] !== undefined) throw new CliError('duplicateColumnRole', { role });
    choices[role] = column;
  }
  return choices;
}

/**
 * A column choice the reader could not find, as the `--column` option's mistake (`CliError`
 * `columnNotFound` with the reader's reason); any other error as it is.
 */
export function asColumnOptionError(error: unknown): unknown {
  if (error instanceof AnalyticsError && error.details?.['argument'] === 'columns') {
    return new CliError('columnNotFound', { reason: error.message });
  }
  return error;
}
