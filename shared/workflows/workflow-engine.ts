import { AnalyticsError, rejectedRowsOfError, type AnalyticsErrorCode } from '../errors';
import { translate, type Locale } from '../i18n/translate';
import { uiMessages } from '../i18n/ui-messages';
import type { AnnotationColumn } from '../host';
import { rejectedRowsReport } from '../report/rejected-rows-sheet';
import type { Report } from '../report/types';
import { detectHeaderRow, headerText, isBlankCell } from '../sheet-data/detect-header-row';
import { mapColumns } from '../sheet-data/map-columns';
import type { ColumnMapping, Grid, InputShape } from '../sheet-data/types';
import { annotationColumns } from './annotation-columns';
import { defaultWorkflowCore } from './default-core';
import { clientNamesOf, segmentSummaries, type SegmentSummary } from './segment-summary';
import type {
  WorkflowCore,
  WorkflowReadOptions,
  WorkflowReport,
  WorkflowReportOptions,
} from './workflow-core';

/**
 * The compute steps of a workflow as two messages, so a browser UI can run them in a Web Worker
 * (the task pane does: reading and analysing 100,000 rows takes seconds, which must not freeze
 * Excel) and other hosts in the same thread (`inThreadEngine`). Requests and results are plain
 * data (structured-clone safe); errors keep their `AnalyticsError` code.
 */
export interface WorkflowEngine {
  detect(request: DetectRequest): Promise<DetectResult>;
  compute(request: ComputeRequest): Promise<ComputeResult>;
}

export interface DetectRequest {
  readonly grid: Grid;
  readonly read: WorkflowReadOptions;
}

export interface DetectResult {
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly shape: InputShape;
  readonly notes: readonly string[];
  readonly dataRowCount: number;
  readonly rejectedRowCount: number;
  readonly complete: boolean;
  readonly problem?: string;
}

export interface ComputeRequest {
  readonly grid: Grid;
  readonly read: WorkflowReadOptions;
  readonly report: WorkflowReportOptions;
  /** Set for annotate mode: the sheet row number of the table's last row. */
  readonly annotateThroughRow?: number;
  /** False to leave out the machine-readable report (`json` is then `null`); default true. */
  readonly withJson?: boolean;
  /** True to add the RFM segment summary (`segments`) a UI lists after a run; default false. */
  readonly withSegments?: boolean;
  /**
   * True (a run writing report sheets) to get, when the report cannot be built because every row
   * was rejected, a result with `failure` and a report of only the Rejected rows sheet, to write
   * before showing the error; default false: the error is thrown with the first rows in its message.
   */
  readonly rejectedRowsSheetOnFailure?: boolean;
}

/** The error a run shows after writing the Rejected rows sheet (plain data, worker safe). */
export interface ComputeFailure {
  readonly code: AnalyticsErrorCode;
  readonly message: string;
}

export interface ComputeResult {
  readonly headerRow: number;
  readonly notes: readonly string[];
  readonly rejectedRowCount: number;
  readonly clientCount: number;
  readonly report: Report;
  readonly json: unknown;
  /** Present when `annotateThroughRow` was given. */
  readonly annotationColumns?: readonly AnnotationColumn[];
  /** Present when `withSegments` was true (see `segmentSummaries`). */
  readonly segments?: readonly SegmentSummary[];
  /**
   * Present when `rejectedRowsSheetOnFailure` was true and every row was rejected: the report
   * builder's error; `report` then holds only the Rejected rows sheet and there are no clients.
   */
  readonly failure?: ComputeFailure;
}

/**
 * Detection: the reader's header row, mapping, shape and notes; when the reader finds no complete
 * set of columns (`missing_column`), the header row and the roles its names give, with
 * `complete: false` and the reader's message, so the user can map the rest.
 * Throws what `readSheet` throws otherwise (e.g. `empty_input`).
 */
export function computeDetection(
  request: DetectRequest,
  core: WorkflowCore = defaultWorkflowCore,
): DetectResult {
  try {
    const read = core.readSheet(request.grid, request.read);
    return {
      headerRow: read.headerRow,
      headers: read.headers,
      mapping: read.mapping,
      shape: read.shape,
      notes: read.notes,
      dataRowCount: read.dataRowCount,
      rejectedRowCount: read.rejectedRows.length,
      complete: true,
    };
  } catch (error) {
    if (!(error instanceof AnalyticsError && error.code === 'missing_column')) throw error;
    const { grid } = request;
    const headerIndex = Math.max(0, detectHeaderRow(grid));
    const headers = (grid[headerIndex] ?? []).map(headerText);
    return {
      headerRow: request.read.firstRowNumber + headerIndex,
      headers,
      mapping: mapColumns(headers),
      shape: 'transactions',
      notes: [],
      dataRowCount: grid.slice(headerIndex + 1).filter((row) => row.some((c) => !isBlankCell(c)))
        .length,
      rejectedRowCount: 0,
      complete: false,
      problem: error.message,
    };
  }
}

/** Rejected rows an error message lists at most (a UI shows the message, not a table). */
const REJECTED_ROWS_IN_MESSAGE = 5;

/**
 * The error with the first rows it says were rejected (`rejectedRowsOfError`) added to its message,
 * each with its sheet row number and reason, and how many more there are; code and details are
 * kept. The task pane and the sidebar show only an error's message, so when every row was
 * rejected this is where the user learns why. Any other error is returned as it is.
 */
function withRejectedRowsInMessage(error: unknown, locale: Locale): unknown {
  const rows = rejectedRowsOfError(error);
  if (!(error instanceof AnalyticsError) || rows.length === 0) return error;
  const parts = [error.message];
  for (const rejected of rows.slice(0, REJECTED_ROWS_IN_MESSAGE)) {
    parts.push(
      translate(uiMessages, 'errorRejectedRow', locale, {
        row: rejected.row,
        reason: rejected.reason,
      }),
    );
  }
  if (rows.length > REJECTED_ROWS_IN_MESSAGE) {
    parts.push(
      translate(uiMessages, 'errorRejectedMore', locale, {
        count: rows.length - REJECTED_ROWS_IN_MESSAGE,
      }),
    );
  }
  return new AnalyticsError(error.code, parts.join(' '), error.details);
}

/**
 * Read, analyse and (for annotate mode) build the annotation columns, in one step: the compute
 * part of every run, whichever host started it (`runAnalyses` through an engine,
 * `runAnalysesNow` directly). Throws what the reader and the report builder throw; when every row
 * was rejected, the error's message lists the first rejected rows with their reasons, or, with
 * `rejectedRowsSheetOnFailure`, the result carries the error as `failure` and a report of every
 * rejected row (`rejectedRowsReport`).
 */
export function computeAnalyses(
  request: ComputeRequest,
  core: WorkflowCore = defaultWorkflowCore,
): ComputeResult {
  const read = core.readSheet(request.grid, request.read);
  let built: WorkflowReport;
  try {
    built = core.buildReport(read, request.report);
  } catch (error) {
    const rejected = rejectedRowsOfError(error);
    if (
      request.rejectedRowsSheetOnFailure === true &&
      error instanceof AnalyticsError &&
      rejected.length > 0
    ) {
      return {
        headerRow: read.headerRow,
        notes: read.notes,
        rejectedRowCount: rejected.length,
        clientCount: 0,
        report: rejectedRowsReport(rejected, request.report.locale),
        json: null,
        failure: { code: error.code, message: error.message },
      };
    }
    throw withRejectedRowsInMessage(error, request.report.locale);
  }
  return {
    headerRow: read.headerRow,
    notes: built.notes ?? read.notes,
    rejectedRowCount: built.rejectedRowCount ?? read.rejectedRows.length,
    clientCount: built.clients.length,
    report: built.report,
    json: request.withJson === false ? null : built.json,
    ...(request.annotateThroughRow !== undefined
      ? {
          annotationColumns: annotationColumns(
            read,
            built.clients,
            request.annotateThroughRow,
            request.report,
          ),
        }
      : {}),
    ...(request.withSegments === true
      ? { segments: segmentSummaries(built.clients, clientNamesOf(read), request.report.locale) }
      : {}),
  };
}

/** The engine that computes in the calling thread (Apps Script, tests, and the worker itself). */
export function inThreadEngine(core: WorkflowCore = defaultWorkflowCore): WorkflowEngine {
  return {
    detect: async (request) => computeDetection(request, core),
    compute: async (request) => computeAnalyses(request, core),
  };
}
