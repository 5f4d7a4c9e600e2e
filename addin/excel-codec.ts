import { ymdFromDay, type CalendarDay } from '../shared/calendar/calendar-day';
import { catalogError, catalogMessages } from '../shared/catalog/catalog-messages';
import type { CatalogArg, CatalogParamType, CatalogResult } from '../shared/catalog/types';
import { AnalyticsError, isNumericFailure } from '../shared/errors';
import type { Cell, DateSystem, Grid } from '../shared/sheet-data/types';

/**
 * The Excel codec: every Excel quirk the add-in meets, in one place. Excel gives dates as serial
 * numbers (1900 system: serial 1 = 1900-01-01 and the phantom 1900-02-29 = 60 kept from Lotus
 * 1-2-3; 1904 system: serial 0 = 1904-01-01), blanks as `''` or `null`, error cells as `#N/A`-style
 * text or error objects, and a single cell where a range is expected. Source: Microsoft, "Date
 * systems in Excel" (https://support.microsoft.com/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487).
 *
 * The 1904 system: custom functions get no workbook access, so they use the date system the task
 * pane stored for this workbook (it shares the runtime with the functions; see
 * `setFunctionsDateSystem`), 1900 by default. The task pane detects it from a date cell's shown
 * text (`detectDateSystem`) and lets the user set it.
 */

/** Serial of 1970-01-01 in the 1900 system (25569) and in the 1904 system (24107). */
const EPOCH_SERIAL: Readonly<Record<DateSystem, number>> = { '1900': 25569, '1904': 24107 };

/** The 1900 system's phantom day 1900-02-29, which does not exist. */
export const PHANTOM_SERIAL_1900 = 60;

/**
 * The calendar day of an Excel serial date; the fractional part (time of day) is dropped.
 * Returns `undefined` for the phantom 1900-02-29 (serial 60), for serials before the system's
 * first day (1 in 1900, 0 in 1904) and for non-finite numbers.
 *
 * Example: `serialToCalendarDay(45292, '1900')` is the day of 2024-01-01 (19723).
 */
export function serialToCalendarDay(serial: number, system: DateSystem): CalendarDay | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (system === '1904') return whole >= 0 ? whole - EPOCH_SERIAL['1904'] : undefined;
  if (whole < 1 || whole === PHANTOM_SERIAL_1900) return undefined;
  // Serials 1..59 are before the phantom day, so one day less must be added back.
  return whole < PHANTOM_SERIAL_1900
    ? whole - EPOCH_SERIAL['1900'] + 1
    : whole - EPOCH_SERIAL['1900'];
}

/**
 * The Excel serial of a calendar day (the inverse of `serialToCalendarDay`).
 * Throws `AnalyticsError('invalid_argument')` for a day before the system's first day.
 *
 * Example: `calendarDayToSerial(dayFromYmd(1900, 3, 1), '1900')` is 61.
 */
export function calendarDayToSerial(day: CalendarDay, system: DateSystem): number {
  const serial = day + EPOCH_SERIAL[system];
  if (system === '1904') {
    if (serial < 0) throw new AnalyticsError('invalid_argument', 'Date before 1904-01-01.');
    return serial;
  }
  if (serial < PHANTOM_SERIAL_1900) {
    if (serial - 1 < 1) throw new AnalyticsError('invalid_argument', 'Date before 1900-01-01.');
    return serial - 1;
  }
  return serial;
}

const ERROR_TEXT =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/**
 * One Excel cell value as a core `Cell`: numbers, text and booleans as they are (a number in a
 * date column is a serial the reader decodes with the date system), `''`/`null`/`undefined` as
 * blank, `#N/A`-style text and Excel error objects (`{ errorCode }`, `{ code }`, `{ type: 'Error' }`)
 * as an error cell. Non-finite numbers become a `#NUM!` error cell.
 *
 * Example: `decodeCell('#N/A')` is `{ kind: 'error', code: '#N/A' }`.
 */
export function decodeCell(value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : { kind: 'error', code: '#NUM!' };
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string')
    return ERROR_TEXT.test(value) ? { kind: 'error', code: value } : value;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const code = o['errorCode'] ?? o['code'] ?? o['errorType'];
    if (typeof code === 'string' || o['type'] === 'Error') {
      return { kind: 'error', code: errorCodeText(typeof code === 'string' ? code : '') };
    }
    if (o['type'] === 'Double' && typeof o['basicValue'] === 'number')
      return decodeCell(o['basicValue']);
    if (typeof o['basicValue'] === 'string' || typeof o['basicValue'] === 'boolean')
      return o['basicValue'];
  }
  return String(value);
}

function errorCodeText(code: string): string {
  if (code.startsWith('#')) return code;
  const map: Record<string, string> = {
    NotAvailable: '#N/A',
    '#N/A': '#N/A',
    InvalidValue: '#VALUE!',
    Value: '#VALUE!',
    InvalidNumber: '#NUM!',
    Num: '#NUM!',
    DivisionByZero: '#DIV/0!',
    Div0: '#DIV/0!',
    InvalidReference: '#REF!',
    Ref: '#REF!',
    InvalidName: '#NAME?',
    Name: '#NAME?',
    NullReference: '#NULL!',
    Null: '#NULL!',
  };
  return map[code] ?? '#VALUE!';
}

/** A custom-function range argument (`any[][]`, or a scalar for a single cell) as a `Grid`. */
export function decodeRange(value: unknown): Grid {
  if (!Array.isArray(value)) return [[decodeCell(value)]];
  return value.map((row: unknown) =>
    Array.isArray(row) ? row.map(decodeCell) : [decodeCell(row)],
  );
}

/**
 * One custom-function argument as the core reads it (`decodeCatalogArgument` in
 * `shared/catalog`): `range` -> `Grid`; for a `day` a serial -> `CalendarDay` in the workbook's
 * date system; blank or omitted -> `undefined`; other numbers, text and booleans as they are
 * (text is read by the core's rules, the same as in Sheets). A 1x1 range counts as its cell.
 * Throws `AnalyticsError('invalid_argument')` naming the parameter for an error cell or a serial
 * that is no date.
 *
 * Example: `decodeArgument('day', 45292, 'asOf', '1900')` is 19723 (2024-01-01).
 */
export function decodeArgument(
  type: CatalogParamType,
  value: unknown,
  name: string,
  system: DateSystem,
): CatalogArg {
  if (type === 'range')
    return value === undefined || value === null ? undefined : decodeRange(value);
  const scalar = Array.isArray(value) ? (value[0] as unknown[] | undefined)?.[0] : value;
  const cell = decodeCell(scalar);
  if (cell === null) return undefined;
  if (typeof cell === 'object') {
    if (cell.kind === 'error') {
      throw catalogError('invalid_argument', 'argument.errorCell', {
        argument: name,
        value: cell.code,
      });
    }
    return cell.day;
  }
  if (type === 'day' && typeof cell === 'number') {
    const day = serialToCalendarDay(cell, system);
    if (day === undefined)
      throw catalogError('invalid_argument', 'argument.day', { argument: name });
    return day;
  }
  return cell;
}

/** Excel's three error kinds a custom function can return. */
export type ExcelErrorKind = 'invalidValue' | 'notAvailable' | 'invalidNumber';

/** An error to return from a custom function, before it becomes a `CustomFunctions.Error`. */
export interface EncodedError {
  readonly kind: 'error';
  readonly errorKind: ExcelErrorKind;
  readonly message: string;
}

export type EncodedScalar = string | number | boolean | EncodedError;
export type EncodedResult = EncodedScalar | EncodedScalar[][];

/**
 * The error Excel shows for a thrown error: `#NUM!` for numeric failures and convergence, `#N/A`
 * for `not_available` and empty input, `#VALUE!` for everything else; the message is kept.
 */
export function encodeError(error: unknown): EncodedError {
  const message = error instanceof Error ? error.message : String(error);
  if (isNumericFailure(error)) return { kind: 'error', errorKind: 'invalidNumber', message };
  if (
    error instanceof AnalyticsError &&
    (error.code === 'not_available' || error.code === 'empty_input')
  ) {
    return { kind: 'error', errorKind: 'notAvailable', message };
  }
  return { kind: 'error', errorKind: 'invalidValue', message };
}

function encodeScalar(value: unknown): EncodedScalar {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? value
      : {
          kind: 'error',
          errorKind: 'invalidNumber',
          // A cell inside a spilled array; the whole result's failures are localised by the core.
          message: catalogMessages['result.notFinite'].en,
        };
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * A catalog result for Excel: a scalar for `scalar` functions; for `array` functions a
 * rectangular matrix (short rows padded with `''`, `null` as `''`). A non-finite number becomes a
 * `#NUM!` error (the whole result for a scalar, that cell in a matrix). An empty array throws
 * `AnalyticsError('not_available')` "No rows to show." (`runCatalogFunction` raises it before in
 * the call's language), which `encodeError` shows as `#N/A`. No NaN or Infinity reaches the sheet.
 *
 * Example: `encodeResult([[1, null], [2]], 'array')` is `[[1, ''], [2, '']]`.
 */
export function encodeResult(result: CatalogResult, kind: 'scalar' | 'array'): EncodedResult {
  if (!Array.isArray(result)) {
    const scalar = encodeScalar(result);
    return kind === 'array' ? [[scalar]] : scalar;
  }
  const rows = result as readonly (readonly unknown[])[];
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) throw catalogError('not_available', 'result.noRows');
  const matrix = rows.map((row) => Array.from({ length: width }, (_, c) => encodeScalar(row[c])));
  if (kind === 'scalar') return matrix[0]?.[0] ?? '';
  return matrix;
}

/**
 * The workbook's date system from date cells and the text Excel shows for them: a serial whose
 * shown text contains the year of its 1904 reading (and not of its 1900 reading) means 1904.
 * Returns `undefined` when no sample decides it (no date cells with a 4-digit year shown).
 *
 * Example: serial 45292 shown as `2028-01-02` means 1904 (45292 is 2024-01-01 in 1900).
 */
export function detectDateSystem(
  samples: readonly { value: unknown; text: string }[],
): DateSystem | undefined {
  for (const { value, text } of samples) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const years = text.match(/\b(1[89]\d\d|2\d\d\d)\b/g);
    if (!years) continue;
    const y1900 = yearOf(serialToCalendarDay(value, '1900'));
    const y1904 = yearOf(serialToCalendarDay(value, '1904'));
    const shown = new Set(years.map(Number));
    if (y1904 !== undefined && shown.has(y1904) && !(y1900 !== undefined && shown.has(y1900)))
      return '1904';
    if (y1900 !== undefined && shown.has(y1900) && !(y1904 !== undefined && shown.has(y1904)))
      return '1900';
  }
  return undefined;
}

function yearOf(day: CalendarDay | undefined): number | undefined {
  return day === undefined ? undefined : ymdFromDay(day).year;
}
