import type { CalendarDay } from '../calendar/calendar-day';
import type { Locale } from '../i18n/translate';
import type { Report } from '../report/types';
import type { AnalysisId } from './analyses';
import type { ColumnMapping, DateSystem, Grid, SheetReadResult } from '../sheet-data/types';

/**
 * The core steps a workflow needs, as plain functions: the sheet reader (`readSheet` of
 * `shared/sheet-data`) and the report builder (`buildAnalysisReport` of `shared/report`).
 * `defaultWorkflowCore` wires the real ones; tests may pass their own to isolate a host.
 */
export interface WorkflowCore {
  readonly readSheet: (grid: Grid, options: WorkflowReadOptions) => WorkflowRead;
  readonly buildReport: (read: WorkflowRead, options: WorkflowReportOptions) => WorkflowReport;
}

/** The subset of `readSheet` options the workflows pass. */
export interface WorkflowReadOptions {
  readonly locale: Locale;
  readonly dateSystem: DateSystem;
  /** 1-based sheet row number of the grid's first row. */
  readonly firstRowNumber: number;
  readonly mapping?: ColumnMapping;
  /** 1-based sheet row number of the header row, when the user fixed it. */
  readonly headerRow?: number;
}

/** What `readSheet` returns (the workflows pass it on to the report builder unchanged). */
export type WorkflowRead = SheetReadResult;

export interface WorkflowReportOptions {
  readonly locale: Locale;
  readonly asOf?: CalendarDay;
  readonly analyses: readonly AnalysisId[];
}

/** Per-client results the annotate mode writes beside the user's rows. */
export interface WorkflowClientResult {
  /** Normalised client key (`Transaction.clientKey`). */
  readonly clientKey: string;
  readonly rfmCell?: string;
  /** Stable segment key, e.g. `champions`. */
  readonly segment?: string;
  /** Localised segment name. */
  readonly segmentLabel?: string;
  readonly segmentColor?: string;
  readonly abc?: string;
  readonly xyz?: string;
  /** Localised alert text, when the alerts analysis ran and raised one. */
  readonly alert?: string;
}

export interface WorkflowReport {
  readonly report: Report;
  readonly json: unknown;
  readonly clients: readonly WorkflowClientResult[];
  /**
   * How the sheet was read and how many rows were rejected, as the report says it, when the report
   * rejects rows the reader kept (a client list's rows on or after the as-of day); absent: the
   * reader's notes and rejected rows stand.
   */
  readonly notes?: readonly string[];
  readonly rejectedRowCount?: number;
}
