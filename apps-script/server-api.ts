import type { RegionSource } from '../shared/host';
import type { Locale } from '../shared/i18n';
import type { ColumnMapping } from '../shared/sheet-data/types';
import type { AnalysisId, ColumnDetection, SegmentSummary, WriteMode } from '../shared/workflows';

/**
 * The functions the sidebar calls on the server through `google.script.run`, with their argument
 * and result types. `google.script.run` reaches only top-level functions, so the build declares
 * one top-level function per name in `SERVER_FUNCTION_NAMES` that forwards to the bundle; the
 * sidebar's `callServer` is typed by `ServerApi`, so both sides agree at compile time.
 * Everything crossing the boundary is plain JSON-like data (no `Date`, no class instances), and
 * every server function returns synchronously (Apps Script sends the return value as is).
 */

export interface SidebarState {
  readonly locale: Locale;
  readonly activeSheetName: string;
  /** Sheets this add-on owns (its result sheets). */
  readonly ownedSheetNames: readonly string[];
  /** Analyses the core can run in this build (the others are shown disabled). */
  readonly availableAnalyses: readonly AnalysisId[];
}

export interface DetectRequest {
  /** Default: the region around the active cell. */
  readonly source?: RegionSource;
}

export interface RunRequest {
  readonly source?: RegionSource;
  /** The column roles as detected and possibly fixed by the user. */
  readonly mapping?: ColumnMapping;
  readonly headerRow?: number;
  readonly analyses: readonly AnalysisId[];
  readonly mode: WriteMode;
  /** ISO `YYYY-MM-DD`; omitted: the day after the latest purchase. */
  readonly asOf?: string;
  /**
   * Milliseconds one server call may spend writing sheets before it hands back a cursor
   * (default `DEFAULT_STEP_BUDGET_MS`); at least one sheet is written per call.
   */
  readonly stepBudgetMs?: number;
}

/** Where a run stopped: the index of the next report sheet to write. */
export interface RunCursor {
  readonly sheetIndex: number;
  /**
   * The region the first step read, pinned as a range: writing a sheet makes it the active one,
   * so "the region around the active cell" would point somewhere else on the next step.
   */
  readonly source: RegionSource;
}

/** One RFM segment as the sidebar lists it after a run (`segmentSummaries` of the workflows). */
export type SegmentLine = SegmentSummary;

export interface RunStepResult {
  /** True when everything is written; otherwise call `runAnalysesStep` again with `cursor`. */
  readonly done: boolean;
  readonly cursor: RunCursor | null;
  /** 0..1 over the whole run. */
  readonly fraction: number;
  /** Localised status line. */
  readonly message: string;
  /** Owned sheets written so far in this run. */
  readonly writtenSheets: readonly string[];
  /** Owned sheets of an earlier run that this report no longer has, deleted (last step). */
  readonly deletedSheets: readonly string[];
  /** A1 address of the annotation columns (mode `annotate`). */
  readonly annotationAddress: string | null;
  readonly insertedColumns: boolean;
  /** Each segment's size, meaning and suggested action (filled on the last step). */
  readonly segments: readonly SegmentLine[];
  readonly clientCount: number;
  readonly rejectedRowCount: number;
  readonly notes: readonly string[];
}

export interface ServerApi {
  getSidebarState(): SidebarState;
  detectColumns(request: DetectRequest): ColumnDetection;
  runAnalysesStep(request: RunRequest, cursor: RunCursor | null): RunStepResult;
  /** Deletes every sheet this add-on owns; returns how many. */
  removeResultSheets(): number;
}

/** Names of the server functions (the build declares each at top level). */
export const SERVER_FUNCTION_NAMES: readonly (keyof ServerApi)[] = [
  'getSidebarState',
  'detectColumns',
  'runAnalysesStep',
  'removeResultSheets',
];

/** Default time one `runAnalysesStep` call may spend writing: far under the 6-minute limit. */
export const DEFAULT_STEP_BUDGET_MS = 30_000;
