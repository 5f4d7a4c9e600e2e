import type {
  AnnotateResult,
  ProgressListener,
  RegionSource,
  SpreadsheetHost,
  WrittenSheet,
} from '../host';
import type { CalendarDay } from '../calendar/calendar-day';
import type { Locale } from '../i18n/translate';
import type { ColumnMapping, DateSystem } from '../sheet-data/types';
import type { AnalysisId } from './analyses';
import { emitProgress, progressUpdate } from './progress';
import {
  assertAnalysesChosen,
  newRunLog,
  performRunStep,
  planRun,
  readRunRegion,
  runComputeRequest,
  runResult,
  runStepProgress,
  throwPlanFailure,
} from './run-plan';
import type { SegmentSummary } from './segment-summary';
import { inThreadEngine, type WorkflowEngine } from './workflow-engine';

export type WriteMode = 'sheets' | 'annotate';

export interface RunAnalysesOptions {
  /** Where the client list is (default: the current region). */
  readonly source?: RegionSource;
  /** The column roles, as detected and possibly fixed by the user. */
  readonly mapping?: ColumnMapping;
  /** 1-based sheet row of the header, when the user fixed it. */
  readonly headerRow?: number;
  readonly analyses: readonly AnalysisId[];
  /** The day the analysis is "as of" (default: the day after the latest valid purchase). */
  readonly asOf?: CalendarDay;
  readonly mode: WriteMode;
  readonly locale: Locale;
  readonly dateSystem?: DateSystem;
  /** False when the caller does not need `json` (saves copying it from a worker); default true. */
  readonly withJson?: boolean;
  /** True to get the RFM segment summary in the result (`segments`); default false. */
  readonly withSegments?: boolean;
}

export interface RunAnalysesResult {
  readonly mode: WriteMode;
  /** Owned sheets written (mode `sheets`), in report order. */
  readonly sheets: readonly WrittenSheet[];
  /** Owned sheets of an earlier run that this run's report no longer has, deleted. */
  readonly deletedSheets: readonly string[];
  /** Where the columns went (mode `annotate`). */
  readonly annotation?: AnnotateResult;
  readonly clientCount: number;
  readonly rejectedRowCount: number;
  readonly notes: readonly string[];
  /** The machine-readable report (same as the CLI's `--json`); `null` with `withJson: false`. */
  readonly json: unknown;
  /** Each RFM segment's size, meaning, action and example clients (with `withSegments: true`). */
  readonly segments?: readonly SegmentSummary[];
}

/**
 * The whole run a UI starts: read the client list from the host, normalise it with the core
 * reader, compute the chosen analyses into a host-neutral report, and write it — as owned sheets
 * (re-running replaces only owned sheets; a user sheet of the same name is left alone and the
 * report sheet gets a suffixed name) or as annotation columns beside the user's table. Yields to
 * the UI between steps and reports progress 0..1. The steps are those of `run-plan.ts`, which the
 * synchronous `runAnalysesNow` (Apps Script) runs too.
 * Throws `AnalyticsError` ('invalid_argument' when no analysis is chosen; whatever the reader and
 * the report builder throw, with localised messages). When every row was rejected, `sheets` mode
 * first writes the Rejected rows sheet and throws an error naming it; annotate mode throws with
 * the first rejected rows in the message.
 *
 * Example: RFM on a three-client sheet in `sheets` mode writes the report's sheets and leaves the
 * user's cells unchanged (checked in test/shared/workflows with a fake workbook).
 */
export async function runAnalyses(
  host: SpreadsheetHost,
  options: RunAnalysesOptions,
  onProgress?: ProgressListener,
  engine: WorkflowEngine = inThreadEngine(),
): Promise<RunAnalysesResult> {
  const listeners = [onProgress, host.reportProgress?.bind(host)];
  assertAnalysesChosen(options.analyses, options.locale);
  emitProgress(listeners, progressUpdate('reading', 0, 1));
  const region = await readRunRegion(host, options);
  emitProgress(listeners, progressUpdate('reading', 1, 1));
  await host.yieldToUi();

  const computed = await engine.compute(runComputeRequest(region, options));
  emitProgress(listeners, progressUpdate('computing', 1, 1));
  await host.yieldToUi();

  const existingSheets = options.mode === 'sheets' ? await host.listSheets() : [];
  const plan = planRun(computed, {
    mode: options.mode,
    locale: options.locale,
    region,
    existingSheets,
  });
  const log = newRunLog();
  for (const [index, step] of plan.steps.entries()) {
    const update = runStepProgress(step);
    if (update !== undefined) emitProgress(listeners, update);
    await performRunStep(step, host, log);
    if (index < plan.steps.length - 1) await host.yieldToUi();
  }
  throwPlanFailure(plan);
  emitProgress(listeners, progressUpdate('done', 1, 1));
  return runResult(options.mode, computed, log);
}
