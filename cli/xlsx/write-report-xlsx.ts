import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Report, ReportColumn, ReportTable, ReportValue } from '../../shared/report/types';
import { addChartsToXlsx } from './add-charts';
import { columnLetters } from '../../shared/sheet-data/a1-address';
import type { XlsxChart } from './chart-xml';

/** A value of the user's original sheet, as the report copies it. */
export type OriginalPlainValue =
  string | number | boolean | Date | null | { readonly error: string };

/**
 * A cell of the user's original sheet, copied as is into the report: a value, or a formula (without
 * its `=`) with the result the source workbook saved for it (null when it saved none).
 */
export type OriginalValue =
  OriginalPlainValue | { readonly formula: string; readonly result: OriginalPlainValue };

export interface OriginalCell {
  readonly value: OriginalValue;
  /** Excel number format of the source cell, e.g. `dd.mm.yyyy`; kept so dates look the same. */
  readonly numFmt?: string;
}

/** The input data, copied untouched to the first sheet of the report. */
export interface OriginalSheet {
  readonly name: string;
  readonly rows: readonly (readonly OriginalCell[])[];
  /** Character widths of the source columns, when known. */
  readonly columnWidths?: readonly (number | undefined)[];
}

export interface WriteReportOptions {
  readonly original?: OriginalSheet;
  /**
   * The input workbook used the 1904 date system. Dates are written as dates in the 1900 system,
   * which shows the same days, so this changes nothing in the output; it is kept for callers.
   */
  readonly date1904?: boolean;
}

const MS_PER_DAY = 86_400_000;
const HEADER_FILL = 'FF1F4E78';
const TITLE_FONT_SIZE = 13;
const CHART_WIDTH_COLUMNS = 9;
const CHART_HEIGHT_ROWS = 20;
const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;
/** Widest column, in characters; longer text wraps. */
const MAX_TEXT_WIDTH = 50;

const NUMBER_FORMATS: Record<ReportColumn['kind'], string | undefined> = {
  text: undefined,
  integer: '#,##0',
  number: '#,##0.00',
  money: '#,##0.00',
  percent: '0.0%',
  day: 'yyyy-mm-dd',
};

/**
 * A valid, unique worksheet name: forbidden characters `[]:*?/\` replaced by `-`, at most 31
 * characters, no leading or trailing apostrophe, and a ` (2)` style suffix when already used.
 * Example: `safeSheetName('Q1/Q2: sales', new Set())` is `Q1-Q2- sales` (tested).
 */
export function safeSheetName(wanted: string, used: ReadonlySet<string>): string {
  const cleaned =
    wanted
      .replace(FORBIDDEN_SHEET_CHARS, '-')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  const base = cleaned.slice(0, 31);
  const lowerUsed = new Set([...used].map((name) => name.toLowerCase()));
  if (!lowerUsed.has(base.toLowerCase())) return base;
  for (let suffix = 2; ; suffix += 1) {
    const tail = ` (${suffix})`;
    const candidate = `${cleaned.slice(0, 31 - tail.length)}${tail}`;
    if (!lowerUsed.has(candidate.toLowerCase())) return candidate;
  }
}

function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

function excelValue(value: ReportValue, column: ReportColumn): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.kind === 'day' && typeof value === 'number') return new Date(value * MS_PER_DAY);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

function textLength(value: ReportValue, column: ReportColumn): number {
  if (value === null) return 0;
  if (column.kind === 'day') return 10;
  if (typeof value === 'number') {
    if (column.kind === 'percent') return 7;
    return Math.min(16, Math.abs(value).toFixed(column.kind === 'integer' ? 0 : 2).length + 4);
  }
  return String(value).length;
}

interface TablePlacement {
  readonly startRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
}

type SheetWriter = ExcelJS.Worksheet;

/** Where each table of a sheet goes: title row, optional note row, header, data, gap or chart. */
function layoutTables(tables: readonly ReportTable[]): TablePlacement[] {
  const placements: TablePlacement[] = [];
  let row = 1;
  for (const table of tables) {
    const headerRow = row + 1 + (table.note !== undefined && table.note !== '' ? 1 : 0);
    const firstDataRow = headerRow + 1;
    const lastDataRow = firstDataRow + table.rows.length - 1;
    placements.push({ startRow: row, headerRow, firstDataRow, lastDataRow });
    const hasChart = table.chart !== undefined && table.rows.length > 0;
    row = Math.max(Math.max(lastDataRow, headerRow), hasChart ? row + CHART_HEIGHT_ROWS : 0) + 2;
  }
  return placements;
}

/** Column widths in characters for a sheet's tables, from headers and values. */
function columnWidths(tables: readonly ReportTable[]): number[] {
  const widths: number[] = [];
  for (const table of tables) {
    table.columns.forEach((column, index) => {
      let width = Math.min(column.label.length + 2, 30);
      for (const row of table.rows) {
        width = Math.max(
          width,
          Math.min(textLength(row[index] ?? null, column) + 2, MAX_TEXT_WIDTH),
        );
      }
      widths[index] = Math.max(widths[index] ?? 8, width);
    });
  }
  return widths;
}

function writeTable(sheet: SheetWriter, table: ReportTable, placement: TablePlacement): void {
  const title = sheet.getRow(placement.startRow);
  title.getCell(1).value = table.title;
  title.getCell(1).font = { bold: true, size: TITLE_FONT_SIZE };
  title.commit();
  if (placement.headerRow > placement.startRow + 1) {
    const note = sheet.getRow(placement.startRow + 1);
    note.getCell(1).value = table.note ?? '';
    note.getCell(1).font = { italic: true, color: { argb: 'FF595959' } };
    note.commit();
  }
  const header = sheet.getRow(placement.headerRow);
  header.height = 30;
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.label;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  header.commit();
  table.rows.forEach((values, rowIndex) => {
    const excelRow = sheet.getRow(placement.firstDataRow + rowIndex);
    const fill = table.rowFills?.[rowIndex] ?? null;
    table.columns.forEach((column, index) => {
      const cell = excelRow.getCell(index + 1);
      const value = values[index] ?? null;
      cell.value = excelValue(value, column);
      // A `number` column mixes counts and ratios (the metrics table): whole numbers without decimals.
      const format =
        column.kind === 'number' && typeof value === 'number' && Number.isInteger(value)
          ? NUMBER_FORMATS.integer
          : NUMBER_FORMATS[column.kind];
      if (format !== undefined) cell.numFmt = format;
      if (typeof value === 'string' && value.length > MAX_TEXT_WIDTH) {
        cell.alignment = { wrapText: true, vertical: 'top' };
      }
      if (fill !== null) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      }
    });
    excelRow.commit();
  });
  if (table.colorScale !== undefined && table.rows.length > 0) {
    for (const key of table.colorScale.columns) {
      const index = table.columns.findIndex((column) => column.key === key);
      if (index < 0) continue;
      const letter = columnLetters(index + 1);
      sheet.addConditionalFormatting({
        ref: `${letter}${placement.firstDataRow}:${letter}${placement.lastDataRow}`,
        rules: [
          {
            type: 'colorScale',
            priority: 1,
            cfvo: [{ type: 'min' }, { type: 'max' }],
            color: [
              { argb: argb(table.colorScale.minColor) },
              { argb: argb(table.colorScale.maxColor) },
            ],
          },
        ],
      });
    }
  }
}

function chartFor(
  sheetName: string,
  table: ReportTable,
  placement: TablePlacement,
): XlsxChart | undefined {
  const spec = table.chart;
  if (spec === undefined || table.rows.length === 0) return undefined;
  const categoryIndex = table.columns.findIndex((column) => column.key === spec.categoryColumn);
  if (categoryIndex < 0) return undefined;
  const series = spec.valueColumns
    .map((key) => table.columns.findIndex((column) => column.key === key))
    .filter((index) => index >= 0)
    .map((index) => ({
      name: table.columns[index]?.label ?? '',
      nameCell: { row: placement.headerRow, column: index + 1 },
      values: {
        column: index + 1,
        firstRow: placement.firstDataRow,
        lastRow: placement.lastDataRow,
      },
      cachedValues: table.rows.map((row) => {
        const value = row[index];
        return typeof value === 'number' && Number.isFinite(value) ? value : null;
      }),
    }));
  if (series.length === 0) return undefined;
  const fromColumn = table.columns.length + 1;
  return {
    sheetName,
    kind: spec.kind,
    title: spec.title,
    categories: {
      column: categoryIndex + 1,
      firstRow: placement.firstDataRow,
      lastRow: placement.lastDataRow,
    },
    cachedCategories: table.rows.map((row) => {
      const value = row[categoryIndex];
      return value === null || value === undefined ? '' : String(value);
    }),
    series,
    ...(table.rowFills === undefined ? {} : { pointColors: table.rowFills }),
    anchor: {
      fromColumn,
      fromRow: placement.startRow - 1,
      toColumn: fromColumn + CHART_WIDTH_COLUMNS,
      toRow: placement.startRow - 1 + CHART_HEIGHT_ROWS,
    },
  };
}

function excelPlainValue(
  value: Exclude<OriginalPlainValue, null>,
): string | number | boolean | Date | ExcelJS.CellErrorValue {
  if (typeof value === 'object' && !(value instanceof Date)) {
    return { error: value.error } as ExcelJS.CellErrorValue;
  }
  return value;
}

function excelValueOf(value: Exclude<OriginalValue, null>): ExcelJS.CellValue {
  if (typeof value === 'object' && 'formula' in value) {
    // The saved result goes with the formula, so the copy shows what the source showed even in a
    // reader that does not recalculate.
    const formula: ExcelJS.CellFormulaValue = { formula: value.formula };
    if (value.result !== null) formula.result = excelPlainValue(value.result);
    return formula;
  }
  return excelPlainValue(value);
}

function writeOriginal(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  original: OriginalSheet,
  name: string,
): void {
  const sheet = workbook.addWorksheet(name);
  const widths = original.columnWidths ?? [];
  if (widths.some((width) => width !== undefined)) {
    sheet.columns = widths.map((width) => (width === undefined ? {} : { width }));
  }
  original.rows.forEach((cells, rowIndex) => {
    const row = sheet.getRow(rowIndex + 1);
    cells.forEach((cell, columnIndex) => {
      if (cell.value === null) return;
      const target = row.getCell(columnIndex + 1);
      target.value = excelValueOf(cell.value);
      if (cell.numFmt !== undefined) target.numFmt = cell.numFmt;
    });
    row.commit();
  });
  sheet.commit();
}

/** Sheet names as written, in order: the original data first (when given), then the report. */
export function reportSheetNames(report: Report, original?: OriginalSheet): string[] {
  const used = new Set<string>();
  const names: string[] = [];
  if (original !== undefined) {
    const name = safeSheetName(original.name, used);
    used.add(name);
    names.push(name);
  }
  for (const sheet of report.sheets) {
    const name = safeSheetName(sheet.name, used);
    used.add(name);
    names.push(name);
  }
  return names;
}

/**
 * Writes a host-neutral `Report` as an xlsx workbook: the user's original data untouched on the
 * first sheet, then one sheet per `ReportSheet` with its tables stacked (bold title, note, white
 * header on dark blue, number formats per column kind, row fills, colour scales) and a native chart
 * beside every table that has a `ChartSpec`. Rows are streamed (ExcelJS `WorkbookWriter`), so
 * memory stays flat on large inputs. Dates are written in the 1900 system whatever the input used;
 * they show the same days. Returns the package bytes.
 * Example: a report with a segment table whose chart is a column chart gives a workbook whose
 * segment sheet has a `c:barChart` part (tested in `test/cli/xlsx/write-report-xlsx.test.ts`).
 */
export async function writeReportXlsx(
  report: Report,
  options: WriteReportOptions = {},
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'clientbase';
  const names = reportSheetNames(report, options.original);
  let nameIndex = 0;
  if (options.original !== undefined) {
    writeOriginal(workbook, options.original, names[nameIndex] ?? options.original.name);
    nameIndex += 1;
  }
  const charts: XlsxChart[] = [];
  for (const reportSheet of report.sheets) {
    const sheetName = names[nameIndex] ?? reportSheet.name;
    nameIndex += 1;
    const placements = layoutTables(reportSheet.tables);
    const only = reportSheet.tables.length === 1 ? reportSheet.tables[0] : undefined;
    const onlyPlacement = placements[0];
    const sheet = workbook.addWorksheet(
      sheetName,
      only !== undefined && onlyPlacement !== undefined
        ? { views: [{ state: 'frozen', ySplit: onlyPlacement.headerRow }] }
        : {},
    );
    sheet.columns = columnWidths(reportSheet.tables).map((width) => ({ width }));
    if (only !== undefined && onlyPlacement !== undefined && only.rows.length > 0) {
      sheet.autoFilter = {
        from: { row: onlyPlacement.headerRow, column: 1 },
        to: { row: onlyPlacement.lastDataRow, column: only.columns.length },
      };
    }
    reportSheet.tables.forEach((table, index) => {
      const placement = placements[index] as TablePlacement;
      writeTable(sheet, table, placement);
      const chart = chartFor(sheetName, table, placement);
      if (chart !== undefined) charts.push(chart);
    });
    sheet.commit();
  }
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await workbook.commit();
  sink.end();
  await finished;
  return addChartsToXlsx(new Uint8Array(Buffer.concat(chunks)), charts);
}
