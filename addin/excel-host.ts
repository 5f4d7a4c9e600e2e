import { a1Address, columnLetters } from '../shared/sheet-data/a1-address';
import { AnalyticsError } from '../shared/errors';
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
} from '../shared/host';
import { translate, type Locale } from '../shared/i18n/translate';
import { uiMessages } from '../shared/i18n/ui-messages';
import type {
  ChartSpec,
  ReportColumnKind,
  ReportSheet,
  ReportTable,
  ReportValue,
} from '../shared/report/types';
import type { Cell, DateSystem } from '../shared/sheet-data/types';
import {
  MAX_ANNOTATION_COLUMNS,
  isOwnAnnotationHeader,
  widthWithoutOwnAnnotations,
} from '../shared/workflows/own-annotation-columns';
import { calendarDayToSerial, decodeCell, detectDateSystem } from './excel-codec';

/**
 * `SpreadsheetHost` for Excel, on the Office.js `Excel.run` batch API. Owned sheets carry the
 * worksheet custom property `clientbase` (ExcelApi 1.12); reads and writes go in row chunks whose
 * estimated JSON size stays under `maxRequestBytes` (Excel's limit is 5 MB per request:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization);
 * the UI gets a macrotask between chunks.
 */
export interface ExcelHostOptions {
  /** `Excel.run` (tests pass the `office-addin-mock` one). */
  readonly run?: ExcelRun;
  /** The date system to use when the sheet's own date cells do not reveal it. */
  readonly dateSystem?: DateSystem;
  readonly locale?: Locale;
  /** Request budget per chunk in bytes (default 4 MB, under Excel's 5 MB limit). */
  readonly maxRequestBytes?: number;
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Worksheet custom property that marks a sheet as created (owned) by this add-in. */
export const OWNED_PROPERTY_KEY = 'clientbase';
const OWNED_PROPERTY_VALUE = 'owned-report-sheet';
/** Rows whose shown text is read to detect the workbook's date system. */
const DATE_SAMPLE_ROWS = 50;
/** Rows a chart beside a table spans. */
const CHART_HEIGHT_ROWS = 18;
/** Above this many separate fill runs a table keeps its plain style (one request per run). */
const MAX_FILL_RUNS = 2000;

const NUMBER_FORMAT: Readonly<Record<ReportColumnKind, string>> = {
  text: '@',
  integer: '0',
  number: '0.00',
  money: '#,##0.00',
  percent: '0.0%',
  day: 'yyyy-mm-dd',
};

const CHART_TYPE: Readonly<Record<ChartSpec['kind'], Excel.ChartType>> = {
  bar: Excel_ChartType('BarClustered'),
  column: Excel_ChartType('ColumnClustered'),
  pie: Excel_ChartType('Pie'),
  line: Excel_ChartType('Line'),
  'stacked-column': Excel_ChartType('ColumnStacked'),
};

function Excel_ChartType(name: `${Excel.ChartType}`): Excel.ChartType {
  return name as Excel.ChartType;
}

/** The address part of `Sheet1!A1:B2` or `'My sheet'!A1:B2`. */
export function stripSheetName(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** Estimated bytes a value takes in an Office.js request (JSON text plus separators). */
function valueBytes(value: unknown): number {
  if (typeof value === 'string') return value.length * 2 + 4;
  if (value === null || value === undefined) return 4;
  return 24;
}

/**
 * Splits `rowCount` rows into chunks whose estimated request size stays under `maxBytes`, from
 * the bytes of a sample of rows (the largest row seen, times a safety factor of 1.5).
 * Example: 10 rows of 1 MB each under a 4 MB budget go two rows at a time.
 */
export function rowsPerChunk(
  sampleRows: readonly (readonly unknown[])[],
  maxBytes: number,
): number {
  let largest = 16;
  for (const row of sampleRows) {
    let bytes = 8;
    for (const v of row) bytes += valueBytes(v);
    if (bytes > largest) largest = bytes;
  }
  return Math.max(1, Math.floor(maxBytes / (largest * 1.5)));
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A report value as Excel gets it: days as serials, null as blank. */
function excelValue(
  value: ReportValue,
  kind: ReportColumnKind,
  system: DateSystem,
): string | number | boolean {
  if (value === null) return '';
  if (kind === 'day' && typeof value === 'number') return calendarDayToSerial(value, system);
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}

export class ExcelHost implements SpreadsheetHost {
  private readonly run: ExcelRun;
  private readonly maxRequestBytes: number;
  private dateSystem: DateSystem;
  private readonly locale: Locale;

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.maxRequestBytes = options.maxRequestBytes ?? 4 * 1024 * 1024;
    this.dateSystem = options.dateSystem ?? '1900';
    this.locale = options.locale ?? 'en';
  }

  /** The date system used for writing days and for sheets whose date cells do not reveal it. */
  setDateSystem(system: DateSystem): void {
    this.dateSystem = system;
  }

  async yieldToUi(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const marks = sheets.items.map((s) => {
        const mark = s.customProperties.getItemOrNullObject(OWNED_PROPERTY_KEY);
        mark.load(['isNullObject', 'value']);
        return mark;
      });
      await context.sync();
      return sheets.items.map((s, i) => ({
        name: s.name,
        owned:
          marks[i] !== undefined &&
          !marks[i].isNullObject &&
          marks[i].value === OWNED_PROPERTY_VALUE,
      }));
    });
  }

  async listTables(): Promise<readonly TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load('items/name');
      await context.sync();
      const parts = tables.items.map((t) => {
        const range = t.getRange();
        range.load('address');
        t.worksheet.load('name');
        return { table: t, range };
      });
      await context.sync();
      return parts.map(({ table, range }) => ({
        name: table.name,
        sheetName: table.worksheet.name,
        address: stripSheetName(range.address),
      }));
    });
  }

  async readRegion(source: RegionSource): Promise<SheetRegion> {
    return this.run(async (context) => {
      const { range, sheet } = this.sourceRange(context, source);
      range.load(['isNullObject', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      sheet.load('name');
      await context.sync();
      if (range.isNullObject || range.rowCount === 0 || range.columnCount === 0) {
        throw new AnalyticsError(
          'empty_input',
          translate(uiMessages, 'errorEmptyRegion', this.locale),
        );
      }
      const { rowIndex, columnIndex, rowCount } = range;
      // Sample the top rows first: their shown text reveals the date system and their size sets
      // the chunk length for the rest.
      const sampleCount = Math.min(rowCount, DATE_SAMPLE_ROWS);
      const sample = sheet.getRangeByIndexes(rowIndex, columnIndex, sampleCount, range.columnCount);
      sample.load(['values', 'text']);
      await context.sync();
      // The add-in's own annotation columns touch the table, so the region takes them in: they
      // are not the user's data.
      const columnCount = widthWithoutOwnAnnotations(sample.values, range.columnCount);
      const samples: { value: unknown; text: string }[] = [];
      sample.values.forEach((row, r) =>
        row
          .slice(0, columnCount)
          .forEach((value, c) => samples.push({ value, text: String(sample.text[r]?.[c] ?? '') })),
      );
      const dateSystem = detectDateSystem(samples) ?? this.dateSystem;
      const grid: Cell[][] = sample.values.map((row) => row.slice(0, columnCount).map(decodeCell));
      const chunk = rowsPerChunk(
        sample.values.map((row) => row.slice(0, columnCount)),
        this.maxRequestBytes,
      );
      for (let start = sampleCount; start < rowCount; start += chunk) {
        const n = Math.min(chunk, rowCount - start);
        const part = sheet.getRangeByIndexes(rowIndex + start, columnIndex, n, columnCount);
        part.load('values');
        await context.sync();
        for (const row of part.values) grid.push(row.map(decodeCell));
        await this.yieldToUi();
      }
      if (grid.every((row) => row.every((c) => c === null))) {
        throw new AnalyticsError(
          'empty_input',
          translate(uiMessages, 'errorEmptyRegion', this.locale),
        );
      }
      return {
        sheetName: sheet.name,
        address:
          columnCount === range.columnCount
            ? stripSheetName(range.address)
            : a1Address(rowIndex + 1, columnIndex + 1, rowCount, columnCount),
        firstRowNumber: rowIndex + 1,
        firstColumnNumber: columnIndex + 1,
        rowCount,
        columnCount,
        grid,
        dateSystem,
        ...(source.kind === 'table' ? { tableName: source.name } : {}),
      };
    });
  }

  /** The range a source names, trimmed to the used range so `A:D` never reads blank rows. */
  private sourceRange(
    context: Excel.RequestContext,
    source: RegionSource,
  ): { range: Excel.Range; sheet: Excel.Worksheet } {
    const worksheets = context.workbook.worksheets;
    switch (source.kind) {
      case 'current-region': {
        const sheet = worksheets.getActiveWorksheet();
        const region = context.workbook.getActiveCell().getSurroundingRegion();
        return { range: region.getIntersectionOrNullObject(sheet.getUsedRange(true)), sheet };
      }
      case 'used-range': {
        const sheet = source.sheetName
          ? worksheets.getItem(source.sheetName)
          : worksheets.getActiveWorksheet();
        return { range: sheet.getUsedRangeOrNullObject(true), sheet };
      }
      case 'table': {
        const table = context.workbook.tables.getItem(source.name);
        return { range: table.getRange(), sheet: table.worksheet };
      }
      case 'range': {
        const sheet = source.sheetName
          ? worksheets.getItem(source.sheetName)
          : worksheets.getActiveWorksheet();
        const used = sheet.getUsedRange(true);
        return { range: sheet.getRange(source.address).getIntersectionOrNullObject(used), sheet };
      }
    }
  }

  async writeOwnedSheet(report: ReportSheet, options: WriteSheetOptions): Promise<WrittenSheet> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(report.name);
      existing.load(['isNullObject', 'name', 'position']);
      const mark = existing.customProperties.getItemOrNullObject(OWNED_PROPERTY_KEY);
      mark.load(['isNullObject', 'value']);
      await context.sync();
      let replaced = false;
      let position = options.position;
      if (!existing.isNullObject) {
        if (mark.isNullObject || mark.value !== OWNED_PROPERTY_VALUE) {
          throw new AnalyticsError(
            'invalid_argument',
            translate(uiMessages, 'errorNotOwned', options.locale, { name: report.name }),
          );
        }
        // Deleting and re-adding drops the old tables, charts and formats in one step.
        position ??= existing.position;
        existing.delete();
        replaced = true;
      }
      const sheet = sheets.add(report.name);
      sheet.customProperties.add(OWNED_PROPERTY_KEY, OWNED_PROPERTY_VALUE);
      if (position !== undefined) sheet.position = position;
      await context.sync();

      const tableAddresses: string[] = [];
      let row = 1;
      for (const [index, table] of report.tables.entries()) {
        const written = await this.writeTable(
          context,
          sheet,
          table,
          row,
          excelTableName(report.name, index),
        );
        tableAddresses.push(written.address);
        row = written.nextRow;
      }
      await context.sync();
      return { name: report.name, replaced, tableAddresses };
    });
  }

  /** Writes one table at `top` (title, note, header + rows as an Excel table) and returns its address. */
  private async writeTable(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    table: ReportTable,
    top: number,
    tableName: string,
  ): Promise<{ address: string; nextRow: number }> {
    const width = Math.max(1, table.columns.length);
    const title = sheet.getRange(`A${top}`);
    title.values = [[table.title]];
    title.format.font.bold = true;
    title.format.font.size = 14;
    let headerRow = top + 1;
    if (table.note !== undefined) {
      const note = sheet.getRange(`A${headerRow}`);
      note.numberFormat = [['@']];
      note.values = [[table.note]];
      note.format.font.italic = true;
      headerRow++;
    }
    const rows = table.rows.length;
    const header = sheet.getRange(a1Address(headerRow, 1, 1, width));
    header.numberFormat = [table.columns.map(() => '@')];
    header.values = [table.columns.map((c) => c.label)];
    await context.sync();
    const body = table.rows.map((r) =>
      table.columns.map((col, c) => excelValue(r[c] ?? null, col.kind, this.dateSystem)),
    );
    await this.writeRows(
      context,
      sheet,
      headerRow + 1,
      1,
      body,
      table.columns.map((c) => c.kind),
    );
    const address = a1Address(headerRow, 1, rows + 1, width);
    const excelTable = sheet.tables.add(address, true);
    excelTable.name = tableName;
    excelTable.style = 'TableStyleLight9';
    this.applyFills(sheet, table, headerRow + 1, width);
    if (table.colorScale !== undefined && rows > 0) {
      for (const key of table.colorScale.columns) {
        const c = table.columns.findIndex((col) => col.key === key);
        if (c < 0) continue;
        const format = sheet
          .getRange(a1Address(headerRow + 1, c + 1, rows, 1))
          .conditionalFormats.add('ColorScale' as Excel.ConditionalFormatType);
        format.colorScale.criteria = {
          minimum: { type: 'LowestValue', color: table.colorScale.minColor },
          maximum: { type: 'HighestValue', color: table.colorScale.maxColor },
        };
      }
    }
    if (table.chart !== undefined && rows > 0)
      this.addChart(sheet, table, table.chart, headerRow, width);
    sheet.getRange(a1Address(headerRow, 1, Math.min(rows, 200) + 1, width)).format.autofitColumns();
    await context.sync();
    // One blank row between tables; a chart beside a short table keeps the next table below it.
    const chartRows = table.chart !== undefined && rows > 0 ? CHART_HEIGHT_ROWS : 0;
    return { address, nextRow: headerRow + Math.max(rows + 1, chartRows) + 2 };
  }

  /**
   * Writes rows at (`top`, `left`) in chunks, each one request under the byte budget: the
   * chunk's number formats first (text columns as `@`, so "=HYPERLINK(...)" or "+7 917 ..." stay
   * text), then its values; the UI gets a macrotask after each chunk.
   */
  private async writeRows(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    top: number,
    left: number,
    body: readonly (string | number | boolean)[][],
    kinds: readonly ReportColumnKind[],
  ): Promise<void> {
    const width = kinds.length;
    const formats = kinds.map((k) => NUMBER_FORMAT[k]);
    const chunk = rowsPerChunk(
      body.slice(0, 200).map((row) => [...row, ...formats]),
      this.maxRequestBytes,
    );
    for (let start = 0; start < body.length; start += chunk) {
      const part = body.slice(start, start + chunk);
      const range = sheet.getRange(a1Address(top + start, left, part.length, width));
      range.numberFormat = part.map(() => formats);
      range.values = part;
      await context.sync();
      await this.yieldToUi();
    }
  }

  /** Row fills, one request per run of equal colours; skipped above `MAX_FILL_RUNS` runs. */
  private applyFills(
    sheet: Excel.Worksheet,
    table: ReportTable,
    firstRow: number,
    width: number,
  ): void {
    const fills = table.rowFills;
    if (fills === undefined) return;
    const runs: { start: number; length: number; color: string }[] = [];
    fills.forEach((color, i) => {
      const last = runs[runs.length - 1];
      if (color === null) return;
      if (last !== undefined && last.color === color && last.start + last.length === i)
        last.length++;
      else runs.push({ start: i, length: 1, color });
    });
    if (runs.length > MAX_FILL_RUNS) return;
    for (const run of runs) {
      sheet.getRange(a1Address(firstRow + run.start, 1, run.length, width)).format.fill.color =
        run.color;
    }
  }

  /** A native chart beside the table: categories from one column, one series per value column. */
  private addChart(
    sheet: Excel.Worksheet,
    table: ReportTable,
    spec: ChartSpec,
    headerRow: number,
    width: number,
  ): void {
    const rows = table.rows.length;
    const column = (key: string): number => table.columns.findIndex((c) => c.key === key);
    const category = column(spec.categoryColumn);
    const values = spec.valueColumns.map(column).filter((c) => c >= 0);
    const first = values[0];
    if (category < 0 || first === undefined) return;
    const data = (c: number): Excel.Range =>
      sheet.getRange(a1Address(headerRow + 1, c + 1, rows, 1));
    const chart = sheet.charts.add(
      CHART_TYPE[spec.kind],
      data(first),
      'Columns' as Excel.ChartSeriesBy,
    );
    chart.title.text = spec.title;
    const series0 = chart.series.getItemAt(0);
    series0.name = table.columns[first]?.label ?? '';
    series0.setXAxisValues(data(category));
    for (const c of values.slice(1)) {
      const series = chart.series.add(table.columns[c]?.label ?? '');
      series.setValues(data(c));
      series.setXAxisValues(data(category));
    }
    const left = columnLetters(width + 2);
    const right = columnLetters(width + 9);
    chart.setPosition(`${left}${headerRow}`, `${right}${headerRow + CHART_HEIGHT_ROWS - 1}`);
  }

  async deleteOwnedSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const mark = sheet.customProperties.getItemOrNullObject(OWNED_PROPERTY_KEY);
      mark.load(['isNullObject', 'value']);
      await context.sync();
      if (mark.isNullObject || mark.value !== OWNED_PROPERTY_VALUE) {
        throw new AnalyticsError(
          'invalid_argument',
          translate(uiMessages, 'errorNotOwned', this.locale, { name }),
        );
      }
      sheet.delete();
      await context.sync();
    });
  }

  async activateSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  async annotate(request: AnnotateRequest): Promise<AnnotateResult> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(request.region.sheetName);
      const top = request.headerRowNumber;
      const bottom = request.region.firstRowNumber + request.region.rowCount - 1;
      const height = bottom - top + 1;
      const width = request.columns.length;
      const start = request.region.firstColumnNumber + request.region.columnCount;
      const headers = request.columns.map((c) => c.header);

      // The add-in's own earlier columns right of the table (their headers say so) are re-used;
      // any further columns needed go after them, into empty cells or inserted columns.
      const headerCells = sheet.getRange(a1Address(top, start, 1, width + MAX_ANNOTATION_COLUMNS));
      headerCells.load('values');
      await context.sync();
      const row = headerCells.values[0] ?? [];
      let own = 0;
      while (own < row.length && isOwnAnnotationHeader(row[own])) own++;
      const reused = Math.min(own, width);
      const extra = width - reused;
      let free = true;
      if (extra > 0) {
        const chunk = rowsPerChunk([new Array<unknown>(extra).fill('')], this.maxRequestBytes);
        for (let r = 0; r < height && free; r += chunk) {
          const part = sheet.getRange(
            a1Address(top + r, start + reused, Math.min(chunk, height - r), extra),
          );
          part.load('values');
          await context.sync();
          free = part.values.every((cells) => cells.every(isBlank));
        }
      }
      if (!free) {
        // Insert whole columns: every user cell right of them moves right, none is overwritten.
        sheet
          .getRange(`${columnLetters(start + reused)}:${columnLetters(start + width - 1)}`)
          .insert('Right' as Excel.InsertShiftDirection);
        await context.sync();
      }
      if (own > 0) {
        // Clear the own columns first, so no value or fill of the earlier run is left behind
        // (also in own columns this run no longer needs, when it has fewer analyses).
        sheet.getRange(a1Address(top, start, height, own)).clear();
        await context.sync();
      }
      const headerRange = sheet.getRange(a1Address(top, start, 1, width));
      headerRange.numberFormat = [headers.map(() => '@')];
      headerRange.values = [headers];
      headerRange.format.font.bold = true;
      headerRange.format.fill.color = '#DDEBF7';
      await context.sync();
      const body = Array.from({ length: height - 1 }, (_, i) =>
        request.columns.map((column) =>
          excelValue(column.values[i] ?? null, column.kind, this.dateSystem),
        ),
      );
      await this.writeRows(
        context,
        sheet,
        top + 1,
        start,
        body,
        request.columns.map((c) => c.kind),
      );
      request.columns.forEach((column, k) => {
        if (column.fills === undefined) return;
        let runs = 0;
        let i = 0;
        while (i < column.fills.length && runs < MAX_FILL_RUNS) {
          const color = column.fills[i];
          let j = i + 1;
          while (j < column.fills.length && column.fills[j] === color) j++;
          if (color !== null && color !== undefined) {
            sheet.getRange(a1Address(top + 1 + i, start + k, j - i, 1)).format.fill.color = color;
            runs++;
          }
          i = j;
        }
      });
      await context.sync();
      return {
        sheetName: request.region.sheetName,
        address: a1Address(top, start, height, width),
        insertedColumns: !free,
      };
    });
  }
}

/**
 * An Excel table name for the `index`-th table of an owned sheet: workbook-unique, letters,
 * digits and `_` only, so a hash (FNV-1a, 32 bit) of the sheet name keeps Cyrillic names apart.
 */
export function excelTableName(sheetName: string, index: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sheetName.length; i++) {
    hash ^= sheetName.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const ascii = sheetName.replace(/[^A-Za-z0-9]/g, '').slice(0, 40);
  return `cb_${ascii}_${hash.toString(16)}_${index}`;
}
