import type { Locale } from '../i18n';
import { readSheet } from '../sheet-data/read-sheet';
import type { CatalogArg, CatalogContext } from './types';
import { AnalyticsError } from '../errors';
import type { Cell, Grid, SheetReadResult } from '../sheet-data/types';

/**
 * Decoding of spreadsheet-function arguments (as the catalog passes them) into core values, with
 * an `AnalyticsError('invalid_argument')` naming the parameter when one does not fit.
 */

function isGrid(value: CatalogArg): value is Grid {
  return Array.isArray(value);
}

/** A 1x1 range is a scalar; hosts sometimes pass single cells that way. */
function unwrap(value: CatalogArg): CatalogArg | Cell {
  if (isGrid(value) && value.length === 1 && value[0]?.length === 1) return value[0][0] ?? null;
  return value;
}

export function numberArgument(args: readonly CatalogArg[], index: number, name: string): number {
  const value = unwrap(args[index]);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new AnalyticsError('invalid_argument', `${name} must be a number.`, { argument: name });
}

export function optionalNumberArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
): number | undefined {
  const value = unwrap(args[index]);
  if (value === undefined || value === null || value === '') return undefined;
  return numberArgument(args, index, name);
}

export function optionalTextArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
): string | undefined {
  const value = unwrap(args[index]);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value.trim();
  throw new AnalyticsError('invalid_argument', `${name} must be text.`, { argument: name });
}

export function optionalBooleanArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
): boolean | undefined {
  const value = unwrap(args[index]);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  throw new AnalyticsError('invalid_argument', `${name} must be TRUE or FALSE.`, {
    argument: name,
  });
}

export function rangeArgument(args: readonly CatalogArg[], index: number, name: string): Grid {
  const value = args[index];
  if (isGrid(value)) return value;
  if (value === undefined) {
    throw new AnalyticsError('invalid_argument', `${name} must be a range.`, { argument: name });
  }
  return [[value]];
}

const NO_PURCHASES = {
  en: 'The range has no readable purchase rows',
  ru: 'В диапазоне нет читаемых строк с покупками',
} as const;
const FIRST_PROBLEM_ROW = { en: 'first problem, row', ru: 'первая ошибка, строка' } as const;

/**
 * Reads a range argument as a transaction list (first row a header), in the calling workbook's
 * date system and language. Rejected rows are left out as everywhere else; when no row can be read
 * it throws `AnalyticsError('empty_input')` naming the first problem row, since a spilled array has
 * no room for the list of rejected rows.
 */
export function transactionRangeArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
  locale: Locale,
  context: CatalogContext | undefined,
): SheetReadResult {
  const grid = rangeArgument(args, index, name);
  const read = readSheet(grid, {
    locale,
    shape: 'transactions',
    ...(context?.dateSystem === undefined ? {} : { dateSystem: context.dateSystem }),
  });
  if (read.transactions.length === 0) {
    const first = read.rejectedRows[0];
    throw new AnalyticsError(
      'empty_input',
      first === undefined
        ? `${NO_PURCHASES[locale]}.`
        : `${NO_PURCHASES[locale]}; ${FIRST_PROBLEM_ROW[locale]} ${first.row}: ${first.reason}`,
      { argument: name },
    );
  }
  return read;
}
