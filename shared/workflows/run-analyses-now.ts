import type { ProgressUpdate, RegionRef } from '../host';
import { defaultWorkflowCore } from './default-core';
import { progressUpdate } from './progress';
import type { RunAnalysesOptions, RunAnalysesResult } from './run-analyses';
import {
  assertAnalysesChosen,
  newRunLog,
  performRunStepNow,
  planRun,
  readRunRegionNow,
  regionRefOf,
  runComputeRequest,
  runResult,
  runStepProgress,
  sheetWriteCount,
  throwPlanFailure,
} from './run-plan';
import type { SpreadsheetHostNow } from './spreadsheet-host-now';
import type { WorkflowCore } from './workflow-core';
import { computeAnalyses } from './workflow-engine';

/** Where a call of a resumable run starts and when it stops. */
export interface RunStepping {
  /** Index of the first plan step to perform: `nextStep` of the previous call; default 0. */
  readonly fromStep?: number;
  /**
   * Asked before each further report sheet once this call has performed a step; true stops the
   * call there (deletions and activation, which are quick, are never split off).
   */
  readonly shouldPause?: () => boolean;
}

export interface RunAnalysesNowResult extends RunAnalysesResult {
  /** The step the next call starts at (its `fromStep`), or `null` when the run is complete. */
  readonly nextStep: number | null;
  /** Where the run stands: the next sheet to write, or `done`. */
  readonly progress: ProgressUpdate;
  /** The region read (without its cells), for the next call to read again by address. */
  readonly region: RegionRef;
  /** Owned sheets the run has written so far, this call and earlier ones, in report order. */
  readonly writtenSheetNames: readonly string[];
}

/**
 * `runAnalyses` for a synchronous host, resumable: reads the region, computes the report (the
 * same `computeAnalyses` the async engines run) and plans the writes (`planRun`) on every call,
 * then performs the plan's steps from `fromStep` on until `shouldPause` says so (at least one step
 * per call). The report is deterministic and re-planning keeps the sheet names, so a run split
 * into calls writes what one call writes. `sheets`, `deletedSheets` and `annotation` are what this
 * call did; `writtenSheetNames` covers the whole run.
 * Throws `AnalyticsError` ('invalid_argument' when no analysis is chosen; whatever the reader, the
 * report builder and the host throw; when every row was rejected, in `sheets` mode the error naming
 * the Rejected rows sheet, once the call has written it, as `runAnalyses` does).
 *
 * Example: three report sheets with `shouldPause: () => true` take three calls, resumed at steps
 * 1 and 2, and leave the same sheets as one call (checked in test/shared/workflows).
 */
export function runAnalysesNow(
  host: SpreadsheetHostNow,
  options: RunAnalysesOptions,
  stepping: RunStepping = {},
  core: WorkflowCore = defaultWorkflowCore,
): RunAnalysesNowResult {
  assertAnalysesChosen(options.analyses, options.locale);
  const region = readRunRegionNow(host, options);
  const computed = computeAnalyses(runComputeRequest(region, options), core);
  const existingSheets = options.mode === 'sheets' ? host.listSheetsNow() : [];
  const plan = planRun(computed, {
    mode: options.mode,
    locale: options.locale,
    region,
    existingSheets,
  });
  // A cursor past the sheets (the report shrank between calls) resumes with the deletions.
  const writes = sheetWriteCount(plan);
  const from = Math.max(0, Math.min(stepping.fromStep ?? 0, writes));
  const log = newRunLog();
  let nextStep: number | null = null;
  for (let index = from; index < plan.steps.length; index += 1) {
    const step = plan.steps[index];
    if (step === undefined) break;
    if (index > from && step.kind === 'writeSheet' && stepping.shouldPause?.() === true) {
      nextStep = index;
      break;
    }
    performRunStepNow(step, host, log);
  }
  if (nextStep === null) throwPlanFailure(plan);
  const next = nextStep === null ? undefined : plan.steps[nextStep];
  const writtenSheetNames = plan.steps
    .slice(0, nextStep ?? plan.steps.length)
    .flatMap((step) => (step.kind === 'writeSheet' ? [step.sheet.name] : []));
  return {
    ...runResult(options.mode, computed, log),
    nextStep,
    progress:
      (next !== undefined ? runStepProgress(next) : undefined) ?? progressUpdate('done', 1, 1),
    region: regionRefOf(region),
    writtenSheetNames,
  };
}
