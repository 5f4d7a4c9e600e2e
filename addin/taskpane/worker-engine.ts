import { AnalyticsError } from '../../shared/errors';
import type { AnnotationColumn } from '../../shared/host';
import type { ReportTable, ReportValue } from '../../shared/report/types';
import type { Grid } from '../../shared/sheet-data/types';
import {
  inThreadEngine,
  type ComputeResult,
  type DetectResult,
  type WorkflowEngine,
} from '../../shared/workflows/workflow-engine';
import { ROWS_PER_MESSAGE, type WorkerRequest, type WorkerResponse } from './worker-protocol';

interface Waiter {
  resolve(result: DetectResult | ComputeResult): void;
  reject(error: Error): void;
  tableRows: Map<string, { rows: (readonly ReportValue[])[]; fills: (string | null)[] }>;
  columnValues: Map<number, { values: ReportValue[]; fills: (string | null)[] }>;
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Puts the slices that came before a compute result back into its tables and columns. */
function assemble(
  result: DetectResult | ComputeResult,
  waiter: Waiter,
): DetectResult | ComputeResult {
  if (!('report' in result)) return result;
  const sheets = result.report.sheets.map((sheet, s) => ({
    ...sheet,
    tables: sheet.tables.map((table, t): ReportTable => {
      const parts = waiter.tableRows.get(`${s}/${t}`);
      if (!parts) return table;
      return {
        ...table,
        rows: parts.rows,
        ...(table.rowFills !== undefined ? { rowFills: parts.fills } : {}),
      };
    }),
  }));
  const columns = result.annotationColumns?.map((column, c): AnnotationColumn => {
    const parts = waiter.columnValues.get(c);
    if (!parts) return column;
    return {
      ...column,
      values: parts.values,
      ...(column.fills !== undefined ? { fills: parts.fills } : {}),
    };
  });
  return {
    ...result,
    report: { ...result.report, sheets },
    ...(columns !== undefined ? { annotationColumns: columns } : {}),
  };
}

/**
 * A `WorkflowEngine` that runs the reading and the analysis in a Web Worker (a separate bundle
 * chunk, `compute-worker.ts`), so the task pane never blocks Excel's UI thread for the seconds a
 * 100,000-row sheet takes. The grid and the results cross in slices of `ROWS_PER_MESSAGE` rows,
 * with a macrotask between the slices sent. Falls back to the calling thread where workers are not
 * available.
 */
export function workerEngine(): WorkflowEngine {
  if (typeof Worker === 'undefined') return inThreadEngine();
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Waiter>();
  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./compute-worker.ts', import.meta.url), {
      name: 'compute-worker',
    });
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const data = event.data;
      const waiter = pending.get(data.id);
      if (!waiter) return;
      switch (data.kind) {
        case 'tableRows': {
          const key = `${data.sheet}/${data.table}`;
          const parts = waiter.tableRows.get(key) ?? { rows: [], fills: [] };
          for (const row of data.rows) parts.rows.push(row);
          if (data.fills) for (const fill of data.fills) parts.fills.push(fill);
          waiter.tableRows.set(key, parts);
          return;
        }
        case 'columnValues': {
          const parts = waiter.columnValues.get(data.column) ?? { values: [], fills: [] };
          for (const value of data.values) parts.values.push(value);
          if (data.fills) for (const fill of data.fills) parts.fills.push(fill);
          waiter.columnValues.set(data.column, parts);
          return;
        }
        case 'result':
          pending.delete(data.id);
          waiter.resolve(assemble(data.result, waiter));
          return;
        case 'error':
          pending.delete(data.id);
          waiter.reject(
            data.error.code !== undefined
              ? new AnalyticsError(data.error.code, data.error.message)
              : new Error(data.error.message),
          );
      }
    };
    w.onerror = (event: ErrorEvent) => {
      // A worker that failed (e.g. could not load) fails every waiting call; the next call starts a new one.
      for (const waiter of pending.values())
        waiter.reject(new Error(event.message || 'The compute worker failed.'));
      pending.clear();
      w.terminate();
      worker = undefined;
    };
    worker = w;
    return w;
  };
  const call = async <T extends DetectResult | ComputeResult>(
    grid: Grid,
    message: { kind: 'detect' | 'compute'; request: unknown },
  ): Promise<T> => {
    const id = nextId++;
    const w = start();
    const done = new Promise<T>((resolve, reject) => {
      pending.set(id, {
        resolve: resolve as (r: DetectResult | ComputeResult) => void,
        reject,
        tableRows: new Map(),
        columnValues: new Map(),
      });
    });
    for (let row = 0; row < grid.length; row += ROWS_PER_MESSAGE) {
      w.postMessage({
        id,
        kind: 'rows',
        rows: grid.slice(row, row + ROWS_PER_MESSAGE),
      } satisfies WorkerRequest);
      await pause();
    }
    w.postMessage({ id, ...message } as WorkerRequest);
    return done;
  };
  return {
    detect: ({ grid, ...request }) => call<DetectResult>(grid, { kind: 'detect', request }),
    compute: ({ grid, ...request }) => call<ComputeResult>(grid, { kind: 'compute', request }),
  };
}
