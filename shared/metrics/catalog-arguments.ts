import type { CatalogArg } from '../catalog/types';
import { AnalyticsError } from '../errors';
import type { Cell, Grid } from '../sheet-data/types';

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
