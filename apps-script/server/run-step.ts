import { parseIsoDay } from '../../shared/calendar';
import { AnalyticsError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n';
import { translate } from '../../shared/i18n';
import { uiMessages } from '../../shared/i18n/ui-messages';
import {
  assertAnalysesChosen,
  defaultWorkflowCore,
  progressMessage,
  runAnalysesNow,
  type RunAnalysesOptions,
  type WorkflowCore,
} from '../../shared/workflows';
import type { RunCursor, RunRequest, RunStepResult } from '../server-api';
import { DEFAULT_STEP_BUDGET_MS } from '../server-api';
import type { SheetsHost } from './sheets-host';

/**
 * The sidebar's run on the server: one call of `runAnalysesNow` (the shared workflow's steps,
 * synchronously, since a `google.script.run` call returns a value, not a promise). Each call
 * re-reads the region and recomputes the report (cheap and deterministic), then performs the
 * planned writes from `cursor` on until its time budget is spent, so a large run spans several
 * calls and none nears Apps Script's 6-minute execution limit. This file only decodes the request
 * (`asOf` text, budget, cursor) and encodes the step result for the sidebar.
 */

/** The shared run options of a sidebar request; `asOf` is ISO `YYYY-MM-DD` text there. */
function runOptions(
  request: RunRequest,
  cursor: RunCursor | null,
  locale: Locale,
): RunAnalysesOptions {
  assertAnalysesChosen(request.analyses, locale);
  let asOf: number | undefined;
  if (request.asOf !== undefined && request.asOf.trim() !== '') {
    asOf = parseIsoDay(request.asOf);
    if (asOf === undefined) {
      throw new AnalyticsError('invalid_argument', translate(uiMessages, 'asOfInvalid', locale));
    }
  }
  const source = cursor?.source ?? request.source;
  return {
    ...(source !== undefined ? { source } : {}),
    ...(request.mapping !== undefined ? { mapping: request.mapping } : {}),
    ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    analyses: request.analyses,
    mode: request.mode,
    locale,
    withJson: false,
    withSegments: true,
  };
}

/**
 * One step of a run. `now` is the clock in milliseconds (injected for tests). The cursor keeps
 * the next report sheet's index and the region the first step read, pinned as a range (writing a
 * sheet activates it, so "the region around the active cell" would move).
 * Throws `AnalyticsError` for no chosen analysis, a bad `asOf`, and whatever the reader, the report
 * builder and the host throw.
 */
export function runAnalysesStepNow(
  host: SheetsHost,
  request: RunRequest,
  cursor: RunCursor | null,
  locale: Locale,
  now: () => number,
  core: WorkflowCore = defaultWorkflowCore,
): RunStepResult {
  const started = now();
  const budget = request.stepBudgetMs ?? DEFAULT_STEP_BUDGET_MS;
  const run = runAnalysesNow(
    host,
    runOptions(request, cursor, locale),
    {
      fromStep: cursor?.sheetIndex ?? 0,
      shouldPause: () => now() - started >= budget,
    },
    core,
  );
  const done = run.nextStep === null;
  return {
    done,
    cursor: done
      ? null
      : {
          sheetIndex: run.nextStep,
          source: { kind: 'range', sheetName: run.region.sheetName, address: run.region.address },
        },
    fraction: run.progress.fraction,
    message: progressMessage(run.progress, locale),
    writtenSheets: run.writtenSheetNames,
    deletedSheets: run.deletedSheets,
    annotationAddress: run.annotation?.address ?? null,
    insertedColumns: run.annotation?.insertedColumns ?? false,
    segments: done ? (run.segments ?? []) : [],
    clientCount: run.clientCount,
    rejectedRowCount: run.rejectedRowCount,
    notes: run.notes,
  };
}
