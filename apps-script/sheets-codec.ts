import type { CalendarDay } from '../shared/calendar';
import { parseIsoDay } from '../shared/calendar';
import type {
  CatalogArg,
  CatalogParam,
  CatalogResult,
  CatalogScalar,
} from '../shared/catalog/types';
import { AnalyticsError } from '../shared/errors';
import type { Locale } from '../shared/i18n';
import { translate } from '../shared/i18n';
import type { Cell, Grid } from '../shared/sheet-data/types';
import { sidebarMessages } from '../shared/i18n/sidebar-messages';
import { catalogError } from '../shared/catalog/catalog-messages';

/**
 * The one place that knows how Google Sheets hands values to a custom function and how it wants
 * them back (https://developers.google.com/apps-script/guides/sheets/functions#data_types):
 * a single cell arrives as a scalar, a range as a 2-D array (rows of columns); dates arrive as
 * JavaScript `Date` objects for the instant of the cell's date-time in the spreadsheet's time
 * zone; a blank cell is `''`; an error cell is its error text (`#N/A`). Results go back as a
 * scalar or a rectangular 2-D array; an error is thrown as `Error(message)`.
 */

/** A value Sheets passes for one cell. */
export type SheetsValue = string | number | boolean | Date | null | undefined;
/** A custom-function argument: one cell or a range (rows of cells). */
export type SheetsArg = SheetsValue | readonly (readonly SheetsValue[])[];
/** What a custom function returns to Sheets. */
export type SheetsScalar = string | number | boolean;
export type SheetsResult = SheetsScalar | SheetsScalar[][];

/** Host services the codec needs, injected so the codec stays testable outside Apps Script. */
export interface SheetsCodecContext {
  /**
   * The calendar day of a `Date` in the spreadsheet's time zone, e.g. via
   * `Utilities.formatDate(date, timeZone, 'yyyy-MM-dd')` (see `makeDayOfDate`).
   */
  readonly dayOfDate: (date: Date) => CalendarDay;
  readonly locale: Locale;
}

/** Error texts Sheets shows for error cells. */
const SHEETS_ERROR_TEXTS: ReadonlySet<string> = new Set([
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#ERROR!',
]);

/** Days between the Sheets serial epoch 1899-12-30 and 1970-01-01. */
export const SHEETS_SERIAL_OF_UNIX_EPOCH = 25569;

/**
 * Builds `dayOfDate` from a formatter such as `Utilities.formatDate`, caching by instant (a column
 * of dates repeats the same few hundred days, and each formatter call crosses into the host).
 * Throws `AnalyticsError('invalid_argument')` if the formatter returns something not ISO.
 * Example: with a formatter returning `'2024-03-12'`, the day is 19794 (= 2024-03-12).
 */
export function makeDayOfDate(
  formatIsoInTimeZone: (date: Date) => string,
): (date: Date) => CalendarDay {
  const cache = new Map<number, CalendarDay>();
  return (date: Date): CalendarDay => {
    const instant = date.getTime();
    const cached = cache.get(instant);
    if (cached !== undefined) return cached;
    const text = formatIsoInTimeZone(date);
    const day = parseIsoDay(text);
    if (day === undefined) {
      throw new AnalyticsError('invalid_argument', `Cannot read the date ${text}`);
    }
    cache.set(instant, day);
    return day;
  };
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * One Sheets cell value as a core `Cell`: `Date` → `{ kind: 'date', day }` in the spreadsheet's
 * time zone, an error text → `{ kind: 'error', code }`, `undefined`/`null` → `null`, the rest as is.
 * Example: `decodeCell('#N/A', ctx)` is `{ kind: 'error', code: '#N/A' }`.
 */
export function decodeCell(value: SheetsValue, context: SheetsCodecContext): Cell {
  if (value === undefined || value === null) return null;
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return { kind: 'error', code: '#VALUE!' };
    return { kind: 'date', day: context.dayOfDate(value) };
  }
  if (typeof value === 'string' && SHEETS_ERROR_TEXTS.has(value)) {
    return { kind: 'error', code: value };
  }
  return value;
}

/**
 * A scalar or a range as a `Grid`: a scalar becomes a 1×1 grid; ragged rows are kept as given.
 * Example: `decodeGrid(5, ctx)` is `[[5]]`.
 */
export function decodeGrid(arg: SheetsArg, context: SheetsCodecContext): Grid {
  if (Array.isArray(arg)) {
    // Sheets always passes rows of cells; a flat array (from another script) counts as one column.
    return (arg as readonly unknown[]).map((row) =>
      Array.isArray(row)
        ? (row as readonly SheetsValue[]).map((v) => decodeCell(v, context))
        : [decodeCell(row as SheetsValue, context)],
    );
  }
  return [[decodeCell(arg as SheetsValue, context)]];
}

/** The single cell of a scalar argument (a 1×1 range counts as a scalar). */
function singleCell(arg: SheetsArg, param: CatalogParam, context: SheetsCodecContext): Cell {
  const grid = decodeGrid(arg, context);
  const cells = grid.flat();
  if (cells.length > 1) {
    throw catalogError('invalid_argument', 'argument.singleCell', { argument: param.name });
  }
  return cells[0] ?? null;
}

/**
 * One argument as the core reads it (`decodeCatalogArgument` in `shared/catalog`): `range` →
 * `Grid`; a date cell → its `CalendarDay` for a `day` (its Sheets serial, counted from
 * 1899-12-30, for any other type, as Excel passes a date cell's serial); a number for a `day` is
 * a Sheets serial; blank → `undefined`; other numbers, text and booleans as they are (text is
 * read by the core's rules, the same as in Excel). Throws `AnalyticsError('invalid_argument')`
 * naming the parameter for a range where one cell is expected or an error cell.
 * Example: a `day` parameter given the serial 45363 decodes to 19794 (45363 − 25569, 2024-03-12).
 */
export function decodeArg(
  param: CatalogParam,
  arg: SheetsArg,
  context: SheetsCodecContext,
): CatalogArg {
  if (param.type === 'range') {
    return arg === undefined || arg === null || arg === '' ? undefined : decodeGrid(arg, context);
  }
  const cell = singleCell(arg, param, context);
  if (cell === null || cell === '') return undefined;
  if (typeof cell === 'object') {
    if (cell.kind === 'error') {
      throw catalogError('invalid_argument', 'argument.errorCell', {
        argument: param.name,
        value: cell.code,
      });
    }
    return param.type === 'day' ? cell.day : cell.day + SHEETS_SERIAL_OF_UNIX_EPOCH;
  }
  if (param.type === 'day' && typeof cell === 'number' && Number.isFinite(cell)) {
    return Math.floor(cell) - SHEETS_SERIAL_OF_UNIX_EPOCH;
  }
  return cell;
}

function encodeScalar(value: CatalogScalar): SheetsScalar {
  if (value === null) return '';
  // A number Sheets cannot hold (NaN, ±Infinity) is shown blank rather than as a bogus value.
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}

/**
 * A core result as Sheets wants it: `null` → `''`, NaN/±Infinity → `''` inside an array; a
 * non-finite scalar result throws (there is no single number to show). Arrays are padded with
 * `''` to the widest row so the result is rectangular. An empty array throws
 * `AnalyticsError('not_available')` "No rows to show." (`runCatalogFunction` raises it first, in
 * the call's language), as Excel shows `#N/A` with that message.
 * Example: `encodeResult([[1, 2], [3]], ctx)` is `[[1, 2], [3, '']]`.
 */
export function encodeResult(result: CatalogResult): SheetsResult {
  if (!Array.isArray(result)) {
    const scalar = result as CatalogScalar;
    if (typeof scalar === 'number' && !Number.isFinite(scalar)) {
      throw catalogError('numeric', 'result.notFinite');
    }
    return encodeScalar(scalar);
  }
  const rows = result as readonly (readonly CatalogScalar[])[];
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (rows.length === 0 || width === 0) throw catalogError('not_available', 'result.noRows');
  return rows.map((row) => {
    const out: SheetsScalar[] = new Array<SheetsScalar>(width);
    for (let c = 0; c < width; c += 1) {
      const v = row[c];
      out[c] = v === undefined ? '' : encodeScalar(v);
    }
    return out;
  });
}

/**
 * Any failure as the `Error(message)` Sheets shows in the cell's tooltip: the core's message
 * when it has one, a generic localised text otherwise.
 */
export function toSheetsError(error: unknown, locale: Locale): Error {
  if (error instanceof Error && error.message !== '') return new Error(error.message);
  return new Error(translate(sidebarMessages, 'unknownError', locale));
}
