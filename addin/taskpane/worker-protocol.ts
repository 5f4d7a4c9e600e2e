import type { AnalyticsErrorCode } from '../../shared/errors';
import type { ReportValue } from '../../shared/report/types';
import type { Cell } from '../../shared/sheet-data/types';
import type {
  ComputeRequest,
  ComputeResult,
  DetectRequest,
  DetectResult,
} from '../../shared/workflows/workflow-engine';

/**
 * Messages between the task pane and its compute worker. Large data crosses in slices, one
 * message each, so copying never holds the UI thread for long: the grid goes in as `rows`
 * messages before its `detect`/`compute` request, and a compute result comes back as
 * `tableRows`/`columnValues` slices before the result itself (whose tables and columns are then
 * empty and get the slices in order).
 */
export type WorkerRequest =
  | { readonly id: number; readonly kind: 'rows'; readonly rows: readonly (readonly Cell[])[] }
  | { readonly id: number; readonly kind: 'detect'; readonly request: Omit<DetectRequest, 'grid'> }
  | {
      readonly id: number;
      readonly kind: 'compute';
      readonly request: Omit<ComputeRequest, 'grid'>;
    };

export type WorkerResponse =
  | {
      readonly id: number;
      readonly kind: 'tableRows';
      readonly sheet: number;
      readonly table: number;
      readonly rows: readonly (readonly ReportValue[])[];
      readonly fills?: readonly (string | null)[];
    }
  | {
      readonly id: number;
      readonly kind: 'columnValues';
      readonly column: number;
      readonly values: readonly ReportValue[];
      readonly fills?: readonly (string | null)[];
    }
  | { readonly id: number; readonly kind: 'result'; readonly result: DetectResult | ComputeResult }
  | {
      readonly id: number;
      readonly kind: 'error';
      readonly error: { readonly message: string; readonly code?: AnalyticsErrorCode };
    };

/** Rows per message in either direction. */
export const ROWS_PER_MESSAGE = 5000;
