import { a1Address } from '../../shared/sheet-data/a1-address';
import { AnalyticsError } from '../../shared/errors';
import type {
  AnnotateRequest,
  AnnotateResult,
  RegionSource,
  SheetInfo,
  SheetRegion,
  SpreadsheetHost,
  TableInfo,
  WriteSheetOptions,
  WrittenSheet,
} from '../../shared/host';
import { translate } from '../../shared/i18n';
import type { Locale } from '../../shared/i18n';
import { uiMessages } from '../../shared/i18n/ui-messages';
import type {
  ChartSpec,
  ReportColumnKind,
  ReportSheet,
  ReportTable,
  ReportValue,
} from '../../shared/report/types';
import type { Cell } from '../../shared/sheet-data/types';
import {
  isOwnAnnotationHeader,
  widthWithoutOwnAnnotations,
} from '../../shared/workflows/own-annotation-columns';
import type { SheetsCodecContext, SheetsValue } from '../sheets-codec';
import { decodeCell, SHEETS_SERIAL_OF_UNIX_EPOCH } from '../sheets-codec';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Developer-metadata key marking a sheet this add-on created (project-visible, hidden in the UI). */
export const OWNED_SHEET_KEY = 'clientbase.owned';

/** Rows per `setValues` call: keeps each request small for sheets of 100,000 rows. */
export const ROWS_PER_WRITE = 5000;

/** Sheets' number format patterns per report column kind; `@` is plain text. */
export const NUMBER_FORMATS: Readonly<Record<ReportColumnKind, string>> = {
  text: '@',
  integer: '0',
  number: '0.00',
  money: '#,##0.00',
  percent: '0.0%',
  day: 'yyyy-mm-dd',
};

const HEADER_FILL = '#E8EAED';

/** A report value as Sheets stores it: a `day` becomes a Sheets serial (1899-12-30 = 0). */
function sheetsValue(value: ReportValue, kind: ReportColumnKind): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return kind === 'day' ? value + SHEETS_SERIAL_OF_UNIX_EPOCH : value;
  }
  return value;
}

/**
 * `SpreadsheetHost` over `SpreadsheetApp`. Apps Script services are synchronous, so every method
 * has a synchronous twin (`…Now`) that the server functions call directly (a value returned to
 * `google.script.run` cannot wait for a promise); the async methods wrap them for the shared
 * workflows.
 *
 * Writing keeps the host rules of `shared/host.ts`: only sheets carrying the `OWNED_SHEET_KEY`
 * developer metadata are replaced or deleted; text columns get the plain-text format `@` before
 * their values, so `=IMPORTXML(...)` or `+7 917 …` stays the text it is; annotation writes only
 * into empty columns, its own earlier columns, or inserted columns.
 */
export class SheetsHost implements SpreadsheetHost {
  private readonly spreadsheet: Spreadsheet;
  private readonly codec: SheetsCodecContext;

  constructor(spreadsheet: Spreadsheet, codec: SheetsCodecContext) {
    this.spreadsheet = spreadsheet;
    this.codec = codec;
  }

  private get locale(): Locale {
    return this.codec.locale;
  }

  isOwned(sheet: Sheet): boolean {
    return sheet.getDeveloperMetadata().some((m) => m.getKey() === OWNED_SHEET_KEY);
  }

  private sheetNamed(name: string): Sheet | undefined {
    const lower = name.toLowerCase();
    return this.spreadsheet.getSheets().find((s) => s.getName().toLowerCase() === lower);
  }

  listSheetsNow(): SheetInfo[] {
    return this.spreadsheet
      .getSheets()
      .map((sheet) => ({ name: sheet.getName(), owned: this.isOwned(sheet) }));
  }

  listTablesNow(): TableInfo[] {
    return this.spreadsheet.getNamedRanges().map((named) => {
      const range = named.getRange();
      return {
        name: named.getName(),
        sheetName: range.getSheet().getName(),
        address: range.getA1Notation(),
      };
    });
  }

  private sourceRange(source: RegionSource): Range {
    const active = this.spreadsheet.getActiveSheet();
    const sheetOf = (name: string | undefined): Sheet => {
      if (name === undefined) return active;
      const sheet = this.sheetNamed(name);
      if (sheet === undefined) {
        throw new AnalyticsError(
          'invalid_argument',
          translate(uiMessages, 'errorTableNotFound', this.locale, { name }),
        );
      }
      return sheet;
    };
    switch (source.kind) {
      case 'current-region': {
        const cell = this.spreadsheet.getActiveRange() ?? active.getRange(1, 1);
        return cell.getDataRegion();
      }
      case 'used-range':
        return sheetOf(source.sheetName).getDataRange();
      case 'table': {
        const named = this.spreadsheet.getRangeByName(source.name);
        if (named === null) {
          throw new AnalyticsError(
            'invalid_argument',
            translate(uiMessages, 'errorTableNotFound', this.locale, { name: source.name }),
          );
        }
        return named;
      }
      case 'range': {
        const sheet = sheetOf(source.sheetName);
        const range = sheet.getRange(source.address);
        // A whole-column reference (`A:D`) is trimmed to the used rows.
        const lastRow = Math.min(range.getLastRow(), sheet.getLastRow());
        const rows = Math.max(1, lastRow - range.getRow() + 1);
        return sheet.getRange(range.getRow(), range.getColumn(), rows, range.getNumColumns());
      }
    }
  }

  readRegionNow(source: RegionSource): SheetRegion {
    const range = this.sourceRange(source);
    const raw = range.getValues() as SheetsValue[][];
    const width = widthWithoutOwnAnnotations(raw, raw[0]?.length ?? 0);
    const grid: Cell[][] = raw.map((row) =>
      row.slice(0, width).map((v) => decodeCell(v, this.codec)),
    );
    const hasData = grid.some((row) => row.some((c) => c !== null && c !== ''));
    if (!hasData) {
      throw new AnalyticsError(
        'empty_input',
        translate(uiMessages, 'errorEmptyRegion', this.locale),
      );
    }
    const sheetName = range.getSheet().getName();
    const firstRowNumber = range.getRow();
    const firstColumnNumber = range.getColumn();
    return {
      sheetName,
      address: a1Address(firstRowNumber, firstColumnNumber, grid.length, width),
      firstRowNumber,
      firstColumnNumber,
      rowCount: grid.length,
      columnCount: width,
      grid,
      // Sheets counts serials from 1899-12-30, as Excel's 1900 system does after 1900-03-01.
      dateSystem: '1900',
      ...(source.kind === 'table' ? { tableName: source.name } : {}),
    };
  }

  /** Writes `values` at (row, column) in blocks of `ROWS_PER_WRITE` rows. */
  private writeBlock(
    sheet: Sheet,
    row: number,
    column: number,
    values: (string | number | boolean)[][],
    formats?: string[][],
  ): void {
    for (let start = 0; start < values.length; start += ROWS_PER_WRITE) {
      const part = values.slice(start, start + ROWS_PER_WRITE);
      const width = part[0]?.length ?? 0;
      if (width === 0) continue;
      const range = sheet.getRange(row + start, column, part.length, width);
      // Formats first: a value lands in a plain-text cell as text, never as a formula.
      if (formats !== undefined)
        range.setNumberFormats(formats.slice(start, start + ROWS_PER_WRITE));
      range.setValues(part);
    }
  }

  private writeTable(
    sheet: Sheet,
    table: ReportTable,
    top: number,
  ): { address: string; next: number } {
    const width = Math.max(1, table.columns.length);
    let row = top;
    this.writeBlock(sheet, row, 1, [[table.title]], [['@']]);
    sheet.getRange(row, 1).setFontWeight('bold').setFontSize(12);
    row += 1;
    if (table.note !== undefined && table.note !== '') {
      this.writeBlock(sheet, row, 1, [[table.note]], [['@']]);
      sheet.getRange(row, 1).setFontStyle('italic');
      row += 1;
    }
    const headerRow = row;
    if (table.columns.length > 0) {
      this.writeBlock(
        sheet,
        headerRow,
        1,
        [table.columns.map((c) => c.label)],
        [table.columns.map(() => '@')],
      );
      sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold').setBackground(HEADER_FILL);
    }
    row += 1;
    const kinds = table.columns.map((c) => c.kind);
    const values = table.rows.map((r) => kinds.map((kind, c) => sheetsValue(r[c] ?? null, kind)));
    const formatRow = kinds.map((kind) => NUMBER_FORMATS[kind]);
    this.writeBlock(
      sheet,
      row,
      1,
      values,
      values.map(() => formatRow),
    );
    const dataRows = values.length;
    if (table.rowFills !== undefined && dataRows > 0 && table.columns.length > 0) {
      const fills = table.rows.map((_, i) => {
        const fill = table.rowFills?.[i] ?? null;
        return kinds.map(() => fill);
      });
      for (let start = 0; start < dataRows; start += ROWS_PER_WRITE) {
        const part = fills.slice(start, start + ROWS_PER_WRITE);
        sheet.getRange(row + start, 1, part.length, width).setBackgrounds(part as string[][]);
      }
    }
    if (table.colorScale !== undefined && dataRows > 0)
      this.addColorScale(sheet, table, row, dataRows);
    if (table.chart !== undefined && dataRows > 0) {
      this.addChart(sheet, table, table.chart, headerRow, dataRows, width);
    }
    return {
      address: a1Address(headerRow, 1, dataRows + 1, width),
      next: row + dataRows + 1,
    };
  }

  private addColorScale(
    sheet: Sheet,
    table: ReportTable,
    firstDataRow: number,
    rows: number,
  ): void {
    const scale = table.colorScale;
    if (scale === undefined) return;
    const ranges = scale.columns
      .map((key) => table.columns.findIndex((c) => c.key === key))
      .filter((i) => i >= 0)
      .map((i) => sheet.getRange(firstDataRow, i + 1, rows, 1));
    if (ranges.length === 0) return;
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpoint(scale.minColor)
      .setGradientMaxpoint(scale.maxColor)
      .setRanges(ranges)
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
  }

  private addChart(
    sheet: Sheet,
    table: ReportTable,
    chart: ChartSpec,
    headerRow: number,
    rows: number,
    width: number,
  ): void {
    const column = (key: string): number => table.columns.findIndex((c) => c.key === key) + 1;
    const categoryColumn = column(chart.categoryColumn);
    const valueColumns = chart.valueColumns.map(column).filter((c) => c > 0);
    if (categoryColumn <= 0 || valueColumns.length === 0) return;
    let builder = sheet.newChart();
    builder = builder.addRange(sheet.getRange(headerRow, categoryColumn, rows + 1, 1));
    for (const c of valueColumns)
      builder = builder.addRange(sheet.getRange(headerRow, c, rows + 1, 1));
    builder = builder.setNumHeaders(1).setOption('title', chart.title);
    builder = builder.setPosition(headerRow, width + 2, 0, 0);
    const typed =
      chart.kind === 'bar'
        ? builder.asBarChart()
        : chart.kind === 'pie'
          ? builder.asPieChart()
          : chart.kind === 'line'
            ? builder.asLineChart()
            : chart.kind === 'stacked-column'
              ? builder.asColumnChart().setStacked()
              : builder.asColumnChart();
    sheet.insertChart(typed.build());
  }

  /** Empties an owned sheet: values, formats, rules and charts. */
  private clearOwned(sheet: Sheet): void {
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    sheet.setConditionalFormatRules([]);
    sheet.clear();
  }

  writeOwnedSheetNow(report: ReportSheet, options: WriteSheetOptions): WrittenSheet {
    const existing = this.sheetNamed(report.name);
    if (existing !== undefined && !this.isOwned(existing)) {
      throw new AnalyticsError(
        'invalid_argument',
        translate(uiMessages, 'errorNotOwned', options.locale, { name: report.name }),
      );
    }
    let sheet: Sheet;
    if (existing !== undefined) {
      this.clearOwned(existing);
      sheet = existing;
    } else {
      const position = options.position ?? this.spreadsheet.getNumSheets();
      // Inserting activates the new sheet; the user's sheet stays in front while results are written.
      const previous = this.spreadsheet.getActiveSheet();
      sheet = this.spreadsheet.insertSheet(report.name, position);
      previous.activate();
      sheet.addDeveloperMetadata(
        OWNED_SHEET_KEY,
        'report',
        SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
      );
    }
    const tableAddresses: string[] = [];
    let row = 1;
    for (const table of report.tables) {
      const written = this.writeTable(sheet, table, row);
      tableAddresses.push(written.address);
      row = written.next + 1;
    }
    return { name: sheet.getName(), replaced: existing !== undefined, tableAddresses };
  }

  deleteOwnedSheetNow(name: string): void {
    const sheet = this.sheetNamed(name);
    if (sheet === undefined) return;
    if (!this.isOwned(sheet)) {
      throw new AnalyticsError(
        'invalid_argument',
        translate(uiMessages, 'errorNotOwned', this.locale, { name }),
      );
    }
    this.spreadsheet.deleteSheet(sheet);
  }

  annotateNow(request: AnnotateRequest): AnnotateResult {
    const sheet = this.sheetNamed(request.region.sheetName);
    if (sheet === undefined) {
      throw new AnalyticsError(
        'invalid_argument',
        translate(uiMessages, 'errorTableNotFound', request.locale, {
          name: request.region.sheetName,
        }),
      );
    }
    const count = request.columns.length;
    const lastRow = request.region.firstRowNumber + request.region.rowCount - 1;
    const top = request.headerRowNumber;
    const height = lastRow - top + 1;
    if (count === 0 || height < 1) {
      return { sheetName: sheet.getName(), address: '', insertedColumns: false };
    }
    const tableRight = request.region.firstColumnNumber + request.region.columnCount - 1;
    const first = tableRight + 1;
    // The add-on's own earlier columns right of the table (their headers say so) are re-used;
    // any further columns needed go after them, into empty cells or inserted columns, as the
    // Excel add-in does.
    const own = this.ownAnnotationColumns(sheet, top, first);
    const reused = Math.min(own, count);
    const extra = count - reused;
    let inserted = false;
    if (extra > 0) {
      const probe = sheet
        .getRange(top, first + reused, height, extra)
        .getValues() as SheetsValue[][];
      const empty = probe.every((row) =>
        row.every((value) => value === '' || value === null || value === undefined),
      );
      if (!empty) {
        sheet.insertColumnsAfter(first + reused - 1, extra);
        inserted = true;
      }
    }
    // No value or fill of the earlier run is left behind, also in own columns this run no
    // longer needs (fewer analyses).
    if (own > 0) sheet.getRange(top, first, height, own).clear();
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    values.push(request.columns.map((c) => c.header));
    formats.push(request.columns.map(() => '@'));
    for (let i = 0; i < height - 1; i += 1) {
      values.push(request.columns.map((c) => sheetsValue(c.values[i] ?? null, c.kind)));
      formats.push(request.columns.map((c) => NUMBER_FORMATS[c.kind]));
    }
    this.writeBlock(sheet, top, first, values, formats);
    sheet.getRange(top, first, 1, count).setFontWeight('bold').setBackground(HEADER_FILL);
    if (request.columns.some((c) => c.fills !== undefined)) {
      const fills = Array.from({ length: height - 1 }, (_, i) =>
        request.columns.map((c) => c.fills?.[i] ?? null),
      );
      if (fills.length > 0) {
        sheet.getRange(top + 1, first, fills.length, count).setBackgrounds(fills as string[][]);
      }
    }
    return {
      sheetName: sheet.getName(),
      address: a1Address(top, first, height, count),
      insertedColumns: inserted,
    };
  }

  /** How many columns from `column` on have the add-on's own headers in row `top`. */
  private ownAnnotationColumns(sheet: Sheet, top: number, column: number): number {
    const lastColumn = sheet.getMaxColumns();
    let own = 0;
    // Headers read 16 at a time, never past the sheet's last column (Apps Script refuses that).
    while (column + own <= lastColumn) {
      const width = Math.min(16, lastColumn - (column + own) + 1);
      const headers = (sheet.getRange(top, column + own, 1, width).getValues()[0] ??
        []) as SheetsValue[];
      let k = 0;
      while (k < width && isOwnAnnotationHeader(headers[k])) k += 1;
      own += k;
      if (k < width) break;
    }
    return own;
  }

  activateSheetNow(name: string): void {
    this.sheetNamed(name)?.activate();
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    return Promise.resolve(this.listSheetsNow());
  }

  listTables(): Promise<readonly TableInfo[]> {
    return Promise.resolve(this.listTablesNow());
  }

  readRegion(source: RegionSource): Promise<SheetRegion> {
    return settle(() => this.readRegionNow(source));
  }

  writeOwnedSheet(sheet: ReportSheet, options: WriteSheetOptions): Promise<WrittenSheet> {
    return settle(() => this.writeOwnedSheetNow(sheet, options));
  }

  deleteOwnedSheet(name: string): Promise<void> {
    return settle(() => this.deleteOwnedSheetNow(name));
  }

  annotate(request: AnnotateRequest): Promise<AnnotateResult> {
    return settle(() => this.annotateNow(request));
  }

  activateSheet(name: string): Promise<void> {
    return settle(() => this.activateSheetNow(name));
  }

  /** Server-side Apps Script has no UI thread to yield to. */
  yieldToUi(): Promise<void> {
    return Promise.resolve();
  }
}

/** A synchronous step as a promise that rejects (rather than throws) on failure. */
function settle<T>(step: () => T): Promise<T> {
  try {
    return Promise.resolve(step());
  } catch (error) {
    return Promise.reject(error);
  }
}
