// The task pane's Web Worker: reads and analyses the grid off the UI thread, so Excel stays
// responsive on large sheets. Protocol and slicing: worker-protocol.ts.
import { AnalyticsError } from '../../shared/errors';
import type { Cell } from '../../shared/sheet-data/types';
import {
  computeAnalyses,
  computeDetection,
  type ComputeResult,
} from '../../shared/workflows/workflow-engine';
import { ROWS_PER_MESSAGE, type WorkerRequest, type WorkerResponse } from './worker-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

const grids = new Map<number, (readonly Cell[])[]>();

/** Sends a compute result's table rows and annotation values in slices, then the emptied result. */
function postResult(id: number, result: ComputeResult): void {
  const sheets = result.report.sheets.map((sheet, s) => ({
    ...sheet,
    tables: sheet.tables.map((table, t) => {
      for (let start = 0; start < table.rows.length; start += ROWS_PER_MESSAGE) {
        const fills = table.rowFills?.slice(start, start + ROWS_PER_MESSAGE);
        scope.postMessage({
          id,
          kind: 'tableRows',
          sheet: s,
          table: t,
          rows: table.rows.slice(start, start + ROWS_PER_MESSAGE),
          ...(fills !== undefined ? { fills } : {}),
        });
      }
      return { ...table, rows: [], ...(table.rowFills !== undefined ? { rowFills: [] } : {}) };
    }),
  }));
  const columns = result.annotationColumns?.map((column, c) => {
    const slice = ROWS_PER_MESSAGE * 4;
    for (let start = 0; start < column.values.length; start += slice) {
      const fills = column.fills?.slice(start, start + slice);
      scope.postMessage({
        id,
        kind: 'columnValues',
        column: c,
        values: column.values.slice(start, start + slice),
        ...(fills !== undefined ? { fills } : {}),
      });
    }
    return { ...column, values: [], ...(column.fills !== undefined ? { fills: [] } : {}) };
  });
  scope.postMessage({
    id,
    kind: 'result',
    result: {
      ...result,
      report: { ...result.report, sheets },
      ...(columns !== undefined ? { annotationColumns: columns } : {}),
    },
  });
}

scope.onmessage = (event) => {
  const message = event.data;
  const { id } = message;
  if (message.kind === 'rows') {
    const grid = grids.get(id) ?? [];
    for (const row of message.rows) grid.push(row);
    grids.set(id, grid);
    return;
  }
  const grid = grids.get(id) ?? [];
  grids.delete(id);
  try {
    if (message.kind === 'detect') {
      scope.postMessage({
        id,
        kind: 'result',
        result: computeDetection({ ...message.request, grid }),
      });
    } else {
      postResult(id, computeAnalyses({ ...message.request, grid }));
    }
  } catch (error) {
    scope.postMessage({
      id,
      kind: 'error',
      error: {
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof AnalyticsError ? { code: error.code } : {}),
      },
    });
  }
};
