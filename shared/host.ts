import type { Locale } from './i18n/translate';
import type { ReportColumnKind, ReportSheet, ReportValue } from './report/types';
import type { DateSystem, Grid } from './sheet-data/types';

/**
 * The small async surface a spreadsheet UI implements so that `shared/workflows` can read the
 * user's data and write results without knowing the host. The Excel add-in implements it with
 * `Excel.run` (`addin/excel-host.ts`), the Google Sheets add-on with `SpreadsheetApp`, and tests
 * with an in-memory fake workbook.
 *
 * Rules every implementation keeps (the workflows rely on them):
 * - Reading never changes the workbook. Row and column numbers are 1-based sheet numbers.
 * - A whole-column reference (`A:D`) is trimmed to the used part of the sheet before reading, so
 *   a million blank rows are never read.
 * - Writing touches only sheets the add-in owns (created by `writeOwnedSheet`, recognised by a
 *   hidden marker: Excel worksheet custom property, Sheets developer metadata) and, in annotate
 *   mode, only empty cells or inserted columns beside the user's table.
 * - Text is written as text: a value such as `=HYPERLINK("http://x","y")`, `+7 917 000-00-00`,
 *   `-`, `@home` or `00123` is stored as the string it is, never parsed as a formula, number or date
 *   (see `mustForceText`).
 * - Large writes are split by the host (Excel: rows per request from a byte estimate, under the
 *   5 MB request limit).
 */
export interface SpreadsheetHost {
  /** Sheets of the workbook in tab order, with the owned marker. */
  listSheets(): Promise<readonly SheetInfo[]>;

  /** Named tables (Excel tables; named ranges in Sheets) the user can pick as the client list. */
  listTables(): Promise<readonly TableInfo[]>;

  /**
   * Reads a region of the workbook as a grid of cells (dates decoded by the host codec when the
   * host knows a cell is a date; other numbers in a date column are serials in `dateSystem`).
   * The add-in's own annotation columns touching the table are not part of it: the region ends
   * before the first of them (`widthWithoutOwnAnnotations`).
   * Throws `AnalyticsError('empty_input')` when the region has no cells with data.
   */
  readRegion(source: RegionSource): Promise<SheetRegion>;

  /**
   * Creates the owned sheet `sheet.name`, or replaces its contents when an owned sheet of that
   * name exists, and writes its tables one under another (title, note, header, rows) with number
   * formats per column kind, row fills, colour scales and a native chart per `ChartSpec`.
   * Throws `AnalyticsError('invalid_argument')` when a sheet of that name exists and is not owned:
   * the caller picks another name (see `chooseOwnedSheetName`), a user sheet is never replaced.
   */
  writeOwnedSheet(sheet: ReportSheet, options: WriteSheetOptions): Promise<WrittenSheet>;

  /** Deletes an owned sheet; refuses (throws `AnalyticsError('invalid_argument')`) a user sheet. */
  deleteOwnedSheet(name: string): Promise<void>;

  /**
   * Adds clearly headed columns beside the user's table, one value per data row. The host writes
   * into the first block of wholly empty columns right of the table (header row through last data
   * row), re-uses columns it annotated before (headed so: `isOwnAnnotationHeader`), or inserts
   * columns; it never overwrites a non-empty user cell.
   */
  annotate(request: AnnotateRequest): Promise<AnnotateResult>;

  /** Brings a sheet to the front (after a run, the summary sheet). */
  activateSheet(name: string): Promise<void>;

  /**
   * Gives the UI a chance to repaint between chunks of work (browser: a macrotask; Apps Script
   * server side: nothing to do). Workflows call it at least every few hundred milliseconds.
   */
  yieldToUi(): Promise<void>;

  /** Optional progress sink on the host side (e.g. Apps Script stores it for the sidebar to poll). */
  reportProgress?(update: ProgressUpdate): void;
}

export interface SheetInfo {
  readonly name: string;
  /** True when the sheet carries this add-in's ownership marker. */
  readonly owned: boolean;
}

export interface TableInfo {
  readonly name: string;
  readonly sheetName: string;
  /** A1 address without the sheet name, e.g. `A1:F120`. */
  readonly address: string;
}

/** Where to read the client list from. */
export type RegionSource =
  /** The block of contiguous non-empty cells around the active cell (Excel `getSurroundingRegion`). */
  | { readonly kind: 'current-region' }
  /** The used range of a sheet (the active sheet when `sheetName` is omitted). */
  | { readonly kind: 'used-range'; readonly sheetName?: string }
  /** A named table, header row included. */
  | { readonly kind: 'table'; readonly name: string }
  /** An A1 address (`A1:F200`, `A:D`), on the active sheet when `sheetName` is omitted. */
  | { readonly kind: 'range'; readonly address: string; readonly sheetName?: string };

/** A rectangle of a sheet, in 1-based sheet numbers. */
export interface RegionRef {
  readonly sheetName: string;
  /** A1 address without the sheet name, e.g. `B3:G1502`. */
  readonly address: string;
  /** Sheet row number of the grid's first row. */
  readonly firstRowNumber: number;
  /** Sheet column number of the grid's first column (A = 1). */
  readonly firstColumnNumber: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface SheetRegion extends RegionRef {
  readonly grid: Grid;
  /** The workbook's serial-date system, as far as the host knows it (Excel: 1900 unless detected). */
  readonly dateSystem: DateSystem;
  /** Named table the region came from, when it is one. */
  readonly tableName?: string;
}

export interface WriteSheetOptions {
  readonly locale: Locale;
  /** Put the sheet at this 0-based tab position (default: after the last sheet). */
  readonly position?: number;
}

export interface WrittenSheet {
  readonly name: string;
  /** True when an owned sheet of that name existed and was replaced. */
  readonly replaced: boolean;
  /** A1 address of each written table, in `sheet.tables` order. */
  readonly tableAddresses: readonly string[];
}

/** One added column: a header and a value per data row. */
export interface AnnotationColumn {
  /** Stable key, e.g. `segment`; the host uses it to recognise its own earlier columns. */
  readonly key: string;
  /** Localised header, clearly naming the add-in's result (e.g. `RFM segment`). */
  readonly header: string;
  readonly kind: ReportColumnKind;
  /** `values[i]` belongs to sheet row `request.headerRowNumber + 1 + i`. */
  readonly values: readonly ReportValue[];
  /** Optional fill (`#RRGGBB`) per value, aligned with `values`. */
  readonly fills?: readonly (string | null)[];
}

export interface AnnotateRequest {
  /** The user's table as it was read (`SheetRegion` without the grid is enough). */
  readonly region: RegionRef;
  /** Sheet row number of the table's header row. */
  readonly headerRowNumber: number;
  readonly columns: readonly AnnotationColumn[];
  readonly locale: Locale;
}

export interface AnnotateResult {
  readonly sheetName: string;
  /** A1 address of the written block, header included. */
  readonly address: string;
  /** True when columns had to be inserted because the cells right of the table were not empty. */
  readonly insertedColumns: boolean;
}

/** The steps of a workflow, in order; UIs show a localised label per phase. */
export type WorkflowPhase = 'reading' | 'detecting' | 'computing' | 'writing' | 'done';

export interface ProgressUpdate {
  readonly phase: WorkflowPhase;
  /** Work done so far in this phase, in `total` units (rows, sheets or steps). */
  readonly done: number;
  readonly total: number;
  /** 0..1 over the whole workflow, for a single progress bar. */
  readonly fraction: number;
}

export type ProgressListener = (update: ProgressUpdate) => void;

/**
 * True when a text, written as a plain value, would be read by a spreadsheet as something other
 * than that text: a formula or sign-led entry (`=`, `+`, `-`, `@`, as Excel and Sheets parse typed
 * input), or text that looks like a number, percent or date (`00123`, `1e5`, `12/03`, `50%`).
 * Hosts write such values with a text number format (`@`) or as a literal string.
 *
 * Example: `mustForceText('=HYPERLINK("http://x","y")')` is true, `mustForceText('Anna')` false.
 */
export function mustForceText(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  const first = trimmed.charCodeAt(0);
  // '=' '+' '-' '@' start a formula in Excel's typed input; Sheets treats '=' and '+' the same way.
  if (first === 61 || first === 43 || first === 45 || first === 64) return true;
  if (text.charCodeAt(0) === 39) return true; // a leading apostrophe would be swallowed
  // Anything containing a digit might be coerced to a number, percent, currency, time or date.
  return /\d/.test(trimmed) && /^[\d\s.,:/%$€₽()eE+-]+$/.test(trimmed);
}
