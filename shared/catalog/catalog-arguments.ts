import type { CalendarDay } from '../calendar';
import type { Locale } from '../i18n';
import { readSheet } from '../sheet-data/read-sheet';
import type { CatalogArg, CatalogContext, CatalogParam } from './types';
import type { Cell, Grid, SheetReadResult } from '../sheet-data/types';
import { catalogError } from './catalog-messages';
import { booleanFromText, dayFromText, numberFromText } from './scalar-text';

/**
 * Decoding of spreadsheet-function arguments (as the catalog passes them) into core values, with
 * an `AnalyticsError('invalid_argument')` naming the parameter when one does not fit. The
 * messages carry catalog message ids, so they come out in the call's language.
 */

function isGrid(value: CatalogArg | Cell): value is Grid {
  return Array.isArray(value);
}

/** A 1x1 range is a scalar; hosts sometimes pass single cells that way. */
function unwrap(value: CatalogArg): CatalogArg | Cell {
  if (isGrid(value) && value.length === 1 && value[0]?.length === 1) return value[0][0] ?? null;
  return value;
}

function isBlank(value: CatalogArg | Cell): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

function shown(value: CatalogArg | Cell): string {
  if (typeof value === 'object' && value !== null && !isGrid(value)) {
    return value.kind === 'error' ? value.code : 'date';
  }
  return String(value);
}

/**
 * One argument, as a host codec passed it (host types converted, text as typed), decoded by its
 * catalog type with the rules of `scalar-text.ts`: `number`/`integer` from a number or number
 * text (`1 234,5`; `1,234` by `locale`), `integer` also whole; `day` from a calendar day (hosts
 * turn serials and date cells into days) or date text (`2024-03-12`, `12.03.2024`); `boolean`
 * from TRUE/FALSE or 1/0 (also as text); `text` trimmed, a number or boolean as its text;
 * `range` as given. Blank or omitted is `undefined` for an optional parameter.
 *
 * Throws `AnalyticsError('invalid_argument')` with a catalog message id naming the parameter for
 * a missing required value, an error cell, a range where one cell is expected, or a value that
 * does not read as its type.
 *
 * Example: `decodeCatalogArgument({ name: 'spend', type: 'number', ... }, '1 234,5', 'ru')` is
 * 1234.5 (tested in test/shared/catalog/catalog-arguments.test.ts).
 */
export function decodeCatalogArgument(
  param: CatalogParam,
  value: CatalogArg,
  locale: Locale,
): CatalogArg {
  const argument = param.name;
  if (param.type === 'range') {
    if (value === undefined && param.optional !== true) {
      throw catalogError('invalid_argument', 'argument.missing', { argument });
    }
    return value;
  }
  const cell = unwrap(value);
  if (isBlank(cell)) {
    if (param.optional === true) return undefined;
    throw catalogError('invalid_argument', 'argument.missing', { argument });
  }
  if (isGrid(cell)) throw catalogError('invalid_argument', 'argument.singleCell', { argument });
  if (typeof cell === 'object') {
    if (cell.kind === 'error') {
      throw catalogError('invalid_argument', 'argument.errorCell', { argument, value: cell.code });
    }
    if (param.type === 'day') return cell.day;
  }
  const text = typeof cell === 'string' ? cell.trim() : undefined;
  switch (param.type) {
    case 'number':
    case 'integer': {
      const n =
        typeof cell === 'number'
          ? cell
          : text === undefined
            ? undefined
            : numberFromText(text, locale);
      if (n === undefined || !Number.isFinite(n)) {
        throw text === undefined
          ? catalogError('invalid_argument', 'argument.number', { argument })
          : catalogError('invalid_argument', 'argument.numberText', { argument, value: text });
      }
      if (param.type === 'integer' && !Number.isInteger(n)) {
        throw catalogError('invalid_argument', 'argument.integer', { argument, value: text ?? n });
      }
      return n;
    }
    case 'day': {
      if (typeof cell === 'number') {
        if (Number.isInteger(cell)) return cell;
        throw catalogError('invalid_argument', 'argument.day', { argument });
      }
      const day = text === undefined ? undefined : dayFromText(text, locale);
      if (day !== undefined) return day;
      throw text === undefined
        ? catalogError('invalid_argument', 'argument.day', { argument })
        : catalogError('invalid_argument', 'argument.dayText', { argument, value: text });
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return cell;
      if (cell === 1 || cell === 0) return cell === 1;
      const b = text === undefined ? undefined : booleanFromText(text);
      if (b !== undefined) return b;
      throw catalogError('invalid_argument', 'argument.booleanValue', {
        argument,
        value: shown(cell),
      });
    }
    case 'text':
      if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
      if (text !== undefined) return text;
      throw catalogError('invalid_argument', 'argument.text', { argument });
  }
}

export function numberArgument(args: readonly CatalogArg[], index: number, name: string): number {
  const value = unwrap(args[index]);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw catalogError('invalid_argument', 'argument.number', { argument: name });
}

export function optionalNumberArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
): number | undefined {
  const value = unwrap(args[index]);
  if (isBlank(value)) return undefined;
  return numberArgument(args, index, name);
}

/** A whole number or `undefined` when omitted; throws `invalid_argument` naming `name` otherwise. */
export function optionalIntegerArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
): number | undefined {
  const value = optionalNumberArgument(args, index, name);
  if (value === undefined || Number.isInteger(value)) return value;
  throw catalogError('invalid_argument', 'argument.integer', { argument: name, value });
}

/** A calendar day (a whole number of days) or `undefined` when omitted. */
export function optionalDayArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
): CalendarDay | undefined {
  const value = unwrap(args[index]);
  if (isBlank(value)) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw catalogError('invalid_argument', 'argument.day', { argument: name });
}

export function optionalTextArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
): string | undefined {
  const value = unwrap(args[index]);
  if (isBlank(value)) return undefined;
  if (typeof value === 'string') return value.trim();
  throw catalogError('invalid_argument', 'argument.text', { argument: name });
}

export function optionalBooleanArgument(
  args: readonly CatalogArg[],
  index: number,
  name: string,
): boolean | undefined {
  const value = unwrap(args[index]);
  if (isBlank(value)) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  throw catalogError('invalid_argument', 'argument.boolean', { argument: name });
}

/** The language `text` names, if it is one (`en`, `ru`, any case); `undefined` otherwise. */
function localeOf(text: string): Locale | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'en' || lower === 'ru' ? lower : undefined;
}

/**
 * The language of a call: the `language` argument at `index` when given, else the host's
 * language (`context.locale`: Excel's display language, the Sheets locale), else English. Every
 * catalog function with a `language` parameter reads it here, and its headers, texts and
 * errors follow it.
 *
 * Throws `AnalyticsError('invalid_argument')` naming the argument for a value other than `en` or
 * `ru` (such as `de`) rather than falling back silently.
 *
 * Example: `languageArgument([undefined], 0, { locale: 'ru' })` is `ru`;
 * `languageArgument(['EN'], 0, { locale: 'ru' })` is `en` (tested in
 * test/shared/catalog/catalog-arguments.test.ts).
 */
export function languageArgument(
  args: readonly CatalogArg[],
  index: number,
  context: CatalogContext | undefined,
  name = 'language',
): Locale {
  const text = optionalTextArgument(args, index, name);
  if (text === undefined) return context?.locale ?? 'en';
  const locale = localeOf(text);
  if (locale === undefined) {
    throw catalogError('invalid_argument', 'argument.language', { argument: name, value: text });
  }
  return locale;
}

/**
 * The language a call's messages come out in, without throwing: a valid `language` argument
 * (the parameter named `language`), else the host's language, else English. Used to render errors,
 * including the error about an invalid `language` itself (then in the host's language).
 */
export function callLocale(
  params: readonly CatalogParam[],
  args: readonly CatalogArg[],
  context: CatalogContext | undefined,
): Locale {
  const index = params.findIndex((p) => p.name === 'language');
  const value = index < 0 ? undefined : unwrap(args[index]);
  const chosen = typeof value === 'string' ? localeOf(value) : undefined;
  return chosen ?? context?.locale ?? 'en';
}

export function rangeArgument(args: readonly CatalogArg[], index: number, name: string): Grid {
  const value = args[index];
  if (isGrid(value)) return value;
  if (value === undefined) {
    throw catalogError('invalid_argument', 'argument.range', { argument: name });
  }
  return [[value]];
}

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
    throw first === undefined
      ? catalogError('empty_input', 'range.noPurchases', { argument: name }, locale)
      : catalogError(
          'empty_input',
          'range.noPurchasesFirstProblem',
          { argument: name, row: first.row, reason: first.reason },
          locale,
        );
  }
  return read;
}
