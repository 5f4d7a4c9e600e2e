import { columnLetters } from '../../../shared/sheet-data/a1-address';
import { AnalyticsError } from '../../../shared/errors';
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
} from '../../../shared/host';
import type { ReportSheet } from '../../../shared/report/types';
import type { Cell } from '../../../shared/sheet-data/types';
import {
  isOwnAnnotationHeader,
  widthWithoutOwnAnnotations,
} from '../../../shared/workflows/own-annotation-columns';
import type { SpreadsheetHostNow } from '../../../shared/workflows/spreadsheet-host-now';

/** One sheet of the fake workbook: cells by [row-1][column-1], plus what was written on it. */
export interface FakeSheet {
  name: string;
  owned: boolean;
  cells: Cell[][];
  report?: ReportSheet;
}

/** `A1:C3`-style address of a rectangle in 1-based sheet numbers. */
export function a1(row: number, column: number, rows: number, columns: number): string {
  return `${columnLetters(column)}${row}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}

function isEmpty(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || cell === '';
}

/**
 * An in-memory workbook implementing `SpreadsheetHost` with the rules the interface states:
 * current region = the used block of the active sheet from A1 without its own annotation columns,
 * owned sheets marked, annotate only into empty or its own columns (inserting columns otherwise). Like the Apps Script host, every method has a
 * synchronous twin (`SpreadsheetHostNow`), so one workbook can run both the async and the
 * synchronous workflow. Used by the workflow tests.
 */
export class FakeWorkbook implements SpreadsheetHost, SpreadsheetHostNow {
  readonly sheets: FakeSheet[] = [];
  activeSheet = '';
  readonly tables: TableInfo[] = [];
  yields = 0;
  /** Every write in order (`write NAME`, `delete NAME`, `annotate ADDRESS`, `activate NAME`). */
  readonly writes: string[] = [];

  addUserSheet(name: string, cells: Cell[][]): FakeSheet {
    const sheet = { name, owned: false, cells: cells.map((r) => [...r]) };
    this.sheets.push(sheet);
    if (this.activeSheet === '') this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  listSheetsNow(): SheetInfo[] {
    return this.sheets.map((s) => ({ name: s.name, owned: s.owned }));
  }

  async listTables(): Promise<readonly TableInfo[]> {
    return this.tables;
  }

  readRegionNow(source: RegionSource): SheetRegion {
    const name =
      source.kind === 'used-range' || source.kind === 'range'
        ? (source.sheetName ?? this.activeSheet)
        : this.activeSheet;
    const sheet = this.sheet(name);
    const rowCount = sheet.cells.length;
    const usedColumns = Math.max(0, ...sheet.cells.map((r) => r.length));
    // The current region stops at the first wholly empty column, as Excel's does.
    let columnCount = usedColumns;
    if (source.kind === 'current-region') {
      for (let c = 0; c < usedColumns; c++) {
        if (sheet.cells.every((r) => isEmpty(r[c]))) {
          columnCount = c;
          break;
        }
      }
    }
    columnCount = widthWithoutOwnAnnotations(sheet.cells, columnCount);
    if (rowCount === 0 || columnCount === 0) throw new AnalyticsError('empty_input', 'empty');
    const grid = sheet.cells.map((r) =>
      Array.from({ length: columnCount }, (_, c) => r[c] ?? null),
    );
    return {
      sheetName: sheet.name,
      address: a1(1, 1, rowCount, columnCount),
      firstRowNumber: 1,
      firstColumnNumber: 1,
      rowCount,
      columnCount,
      grid,
      dateSystem: '1900',
    };
  }

  writeOwnedSheetNow(report: ReportSheet, _options: WriteSheetOptions): WrittenSheet {
    this.writes.push(`write ${report.name}`);
    const existing = this.sheets.find((s) => s.name.toLowerCase() === report.name.toLowerCase());
    if (existing && !existing.owned) throw new AnalyticsError('invalid_argument', 'not owned');
    const cells: Cell[][] = [];
    const tableAddresses: string[] = [];
    for (const table of report.tables) {
      cells.push([table.title]);
      const top = cells.length + 1;
      cells.push(table.columns.map((c) => c.label));
      for (const row of table.rows) cells.push([...row]);
      tableAddresses.push(a1(top, 1, table.rows.length + 1, table.columns.length));
      cells.push([]);
    }
    if (existing) {
      existing.cells = cells;
      existing.report = report;
    } else {
      this.sheets.push({ name: report.name, owned: true, cells, report });
    }
    return { name: report.name, replaced: existing !== undefined, tableAddresses };
  }

  deleteOwnedSheetNow(name: string): void {
    this.writes.push(`delete ${name}`);
    const index = this.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    const sheet = this.sheets[index];
    if (!sheet || !sheet.owned) throw new AnalyticsError('invalid_argument', 'not owned');
    this.sheets.splice(index, 1);
  }

  annotateNow(request: AnnotateRequest): AnnotateResult {
    const sheet = this.sheet(request.region.sheetName);
    const top = request.headerRowNumber;
    const bottom = request.region.firstRowNumber + request.region.rowCount - 1;
    const width = request.columns.length;
    const start = request.region.firstColumnNumber + request.region.columnCount;
    let free = true;
    for (let c = start; c < start + width; c++) {
      if (isOwnAnnotationHeader(sheet.cells[top - 1]?.[c - 1])) continue;
      for (let r = top; r <= bottom; r++) {
        if (!isEmpty(sheet.cells[r - 1]?.[c - 1])) free = false;
      }
    }
    if (!free) {
      for (const row of sheet.cells) {
        if (row.length >= start) row.splice(start - 1, 0, ...new Array<Cell>(width).fill(null));
      }
    }
    request.columns.forEach((column, k) => {
      const c = start + k - 1;
      const setCell = (r: number, v: Cell): void => {
        const row = (sheet.cells[r - 1] ??= []);
        while (row.length < c) row.push(null);
        row[c] = v;
      };
      setCell(top, column.header);
      column.values.forEach((v, i) => setCell(top + 1 + i, v));
    });
    const address = a1(top, start, bottom - top + 1, width);
    this.writes.push(`annotate ${address}`);
    return { sheetName: sheet.name, address, insertedColumns: !free };
  }

  activateSheetNow(name: string): void {
    this.writes.push(`activate ${name}`);
    this.activeSheet = this.sheet(name).name;
  }

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.listSheetsNow();
  }

  async readRegion(source: RegionSource): Promise<SheetRegion> {
    return this.readRegionNow(source);
  }

  async writeOwnedSheet(report: ReportSheet, options: WriteSheetOptions): Promise<WrittenSheet> {
    return this.writeOwnedSheetNow(report, options);
  }

  async deleteOwnedSheet(name: string): Promise<void> {
    this.deleteOwnedSheetNow(name);
  }

  async annotate(request: AnnotateRequest): Promise<AnnotateResult> {
    return this.annotateNow(request);
  }

  async activateSheet(name: string): Promise<void> {
    this.activateSheetNow(name);
  }

  async yieldToUi(): Promise<void> {
    this.yields++;
  }
}
