/**
 * Prints how long the task pane's workflow keeps the UI thread busy on a large sheet, for 100,000
 * transaction rows of 20,000 clients (seeded), written to an in-memory host that only records
 * what it gets. The task pane computes in a Web Worker, so the UI thread pays only for the host
 * calls and for copying the request and the result between threads; this script runs the engine
 * in-thread but measures its time apart ("worker time") and charges the UI thread with a
 * `structuredClone` of the request and of the result instead, as the worker's postMessage does.
 * Printed: the longest stretch between two points where the UI can repaint, and the totals.
 *
 *   npx tsx addin/tools/bench-workflow.ts [rows]
 */
import { dayFromYmd } from '../../shared/calendar/calendar-day';
import type { SpreadsheetHost } from '../../shared/host';
import type { Cell } from '../../shared/sheet-data/types';
import { runAnalyses } from '../../shared/workflows/run-analyses';
import { ROWS_PER_MESSAGE } from '../taskpane/worker-protocol';
import {
  computeAnalyses,
  computeDetection,
  type WorkflowEngine,
} from '../../shared/workflows/workflow-engine';

function grid(rows: number): Cell[][] {
  let seed = 12345;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const start = dayFromYmd(2023, 1, 1);
  const out: Cell[][] = [['Client', 'Date', 'Amount', 'Manager']];
  for (let i = 0; i < rows; i++) {
    out.push([
      `Client ${Math.floor(next() * (rows / 5))}`,
      { kind: 'date', day: start + Math.floor(next() * 700) },
      Math.round(next() * 5000) / 100,
      `M${Math.floor(next() * 5)}`,
    ]);
  }
  return out;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const cells = grid(rows);
  let last = performance.now();
  let longest = 0;
  let longestAt = '';
  let phase = 'start';
  const stamp = (label: string): void => {
    const now = performance.now();
    if (now - last > longest) {
      longest = now - last;
      longestAt = label;
    }
    last = now;
  };
  const host: SpreadsheetHost = {
    listSheets: async () => [{ name: 'Data', owned: false }],
    listTables: async () => [],
    readRegion: async () => ({
      sheetName: 'Data',
      address: `A1:D${rows + 1}`,
      firstRowNumber: 1,
      firstColumnNumber: 1,
      rowCount: rows + 1,
      columnCount: 4,
      grid: cells,
      dateSystem: '1900',
    }),
    writeOwnedSheet: async (sheet) => ({ name: sheet.name, replaced: false, tableAddresses: [] }),
    deleteOwnedSheet: async () => undefined,
    annotate: async (r) => ({
      sheetName: 'Data',
      address: r.region.address,
      insertedColumns: false,
    }),
    activateSheet: async () => undefined,
    yieldToUi: async () => stamp(phase),
  };
  let workerMs = 0;
  // Runs the step "in the worker": its own time is excluded from the UI thread's stretches; the
  // UI thread is charged with copying the grid and the result in slices of ROWS_PER_MESSAGE rows
  // (the worker engine pauses for the UI between the slices it sends; each slice it receives is
  // its own message event).
  const offThread = async <T>(grid: readonly unknown[], step: () => T): Promise<T> => {
    for (let row = 0; row < grid.length; row += ROWS_PER_MESSAGE) {
      structuredClone(grid.slice(row, row + ROWS_PER_MESSAGE));
      stamp(`${phase} (grid slice copied)`);
    }
    const t = performance.now();
    const result = step();
    workerMs += performance.now() - t;
    last = performance.now();
    const report = (result as { report?: { sheets: { tables: { rows: unknown[] }[] }[] } }).report;
    for (const sheet of report?.sheets ?? []) {
      for (const table of sheet.tables) {
        for (let row = 0; row < table.rows.length; row += ROWS_PER_MESSAGE) {
          structuredClone(table.rows.slice(row, row + ROWS_PER_MESSAGE));
          stamp(`${phase} (result slice copied)`);
        }
      }
    }
    const columns = (result as { annotationColumns?: { values: unknown[] }[] }).annotationColumns;
    for (const column of columns ?? []) {
      for (let row = 0; row < column.values.length; row += ROWS_PER_MESSAGE * 4) {
        structuredClone(column.values.slice(row, row + ROWS_PER_MESSAGE * 4));
        stamp(`${phase} (result slice copied)`);
      }
    }
    return result;
  };
  const engine: WorkflowEngine = {
    detect: (request) => offThread(request.grid, () => computeDetection(request)),
    compute: (request) => offThread(request.grid, () => computeAnalyses(request)),
  };
  for (const analyses of [
    ['rfm', 'abcXyz'],
    ['rfm', 'abcXyz', 'alerts', 'lostClients', 'cohorts', 'migration', 'managers'],
  ] as const) {
    for (const mode of ['sheets', 'annotate'] as const) {
      longest = 0;
      workerMs = 0;
      const t0 = performance.now();
      last = t0;
      await runAnalyses(
        host,
        { analyses, mode, locale: 'en' },
        (p) => {
          phase = p.phase;
        },
        engine,
      );
      stamp('end');
      console.log(
        `${rows} rows, ${analyses.join('+')}, mode ${mode}: total ${(performance.now() - t0).toFixed(0)} ms, ` +
          `worker ${workerMs.toFixed(0)} ms, UI thread longest stretch ${longest.toFixed(0)} ms (at "${longestAt}")`,
      );
    }
  }
}

void main();
