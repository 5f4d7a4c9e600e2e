import { AnalyticsError } from '../errors';
import type {
  AnnotateRequest,
  AnnotateResult,
  ProgressUpdate,
  RegionRef,
  RegionSource,
  SheetInfo,
  SheetRegion,
  SpreadsheetHost,
  WriteSheetOptions,
  WrittenSheet,
} from '../host';
import { translate, type Locale } from '../i18n/translate';
import { uiMessages } from '../i18n/ui-messages';
import type { ReportSheet } from '../report/types';
import type { AnalysisId } from './analyses';
import { detectRequestFor } from './detect-columns';
import { chooseOwnedSheetName } from './owned-sheet-name';
import { progressUpdate } from './progress';
import type { RunAnalysesOptions, RunAnalysesResult, WriteMode } from './run-analyses';
import type { SpreadsheetHostNow } from './spreadsheet-host-now';
import type { ComputeFailure, ComputeRequest, ComputeResult } from './workflow-engine';

/**
 * The parts of a run every host shares. A run is: check the options, read the region, compute
 * (`computeAnalyses`, directly or through an engine), plan the writes (`planRun`), then perform
 * the planned steps one by one (`performRunStep` / `performRunStepNow`). `runAnalyses` (async:
 * Excel, tests) and `runAnalysesNow` (sync, resumable: the Apps Script sidebar) are thin loops
 * over these, so both hosts write the same sheets in the same order.
 */

/** One write of a run, in the order the run performs them. */
export type RunStep =
  /** Write report sheet `index` of `total` (its owned name already chosen) as an owned sheet. */
  | {
      readonly kind: 'writeSheet';
      readonly sheet: ReportSheet;
      readonly options: WriteSheetOptions;
      readonly index: number;
      readonly total: number;
    }
  /** Delete an owned sheet of an earlier run that this run's report no longer has. */
  | { readonly kind: 'deleteSheet'; readonly name: string }
  /** Bring the first report sheet to the front. */
  | { readonly kind: 'activateSheet'; readonly name: string }
  /** Write the annotation columns beside the user's table. */
  | { readonly kind: 'annotate'; readonly request: AnnotateRequest };

/**
 * The writes of a run, in order. In `sheets` mode: every report sheet (`writeSheet`, report
 * order), then the stale owned sheets (`deleteSheet`), then `activateSheet`; in `annotate` mode
 * one `annotate` step. The `writeSheet` steps come first, so the index of the next one to write
 * is also the index of the report sheet (what a resumable run keeps as its cursor).
 */
export interface RunPlan {
  readonly mode: WriteMode;
  readonly steps: readonly RunStep[];
  /**
   * The error to throw once the steps are done, when every row was rejected (`computed.failure`):
   * the steps then only write the Rejected rows sheet, and the message names it.
   */
  readonly failure?: ComputeFailure;
}

/** What the steps of a run did so far (filled by `performRunStep` / `performRunStepNow`). */
export interface RunLog {
  readonly sheets: WrittenSheet[];
  readonly deletedSheets: string[];
  annotation: AnnotateResult | undefined;
}

/** An empty log for a run (or for one call of a resumable run). */
export function newRunLog(): RunLog {
  return { sheets: [], deletedSheets: [], annotation: undefined };
}

/**
 * Throws `AnalyticsError('invalid_argument')` with the localised `errorNoAnalysis` message when
 * `analyses` is empty: a run must compute something.
 * Example: `assertAnalysesChosen([], 'ru')` throws `Выберите хотя бы один анализ.` (checked in
 * test/shared/workflows).
 */
export function assertAnalysesChosen(analyses: readonly AnalysisId[], locale: Locale): void {
  if (analyses.length === 0) {
    throw new AnalyticsError('invalid_argument', translate(uiMessages, 'errorNoAnalysis', locale));
  }
}

/** Where a run reads the client list: `options.source`, else the current region. */
export function runSource(options: Pick<RunAnalysesOptions, 'source'>): RegionSource {
  return options.source ?? { kind: 'current-region' };
}

/**
 * Reads a run's region (`runSource`). When the source is a region pinned by sheet and address (a
 * UI's detected region, `detectedRegionSource`) and it is gone — its sheet no longer in the
 * workbook, or its cells emptied — the error says so and asks to detect the columns again
 * (localised `errorRegionGone`), instead of the host's "no such item" or "select a cell".
 * Throws what `readRegion` throws otherwise.
 */
export async function readRunRegion(
  host: Pick<SpreadsheetHost, 'readRegion' | 'listSheets'>,
  options: Pick<RunAnalysesOptions, 'source' | 'locale'>,
): Promise<SheetRegion> {
  const source = runSource(options);
  try {
    return await host.readRegion(source);
  } catch (error) {
    if (!isPinned(source)) throw error;
    throw regionGoneOr(error, source, await host.listSheets(), options.locale);
  }
}

/** `readRunRegion` against a synchronous host. */
export function readRunRegionNow(
  host: Pick<SpreadsheetHostNow, 'readRegionNow' | 'listSheetsNow'>,
  options: Pick<RunAnalysesOptions, 'source' | 'locale'>,
): SheetRegion {
  const source = runSource(options);
  try {
    return host.readRegionNow(source);
  } catch (error) {
    if (!isPinned(source)) throw error;
    throw regionGoneOr(error, source, host.listSheetsNow(), options.locale);
  }
}

type PinnedSource = Extract<RegionSource, { kind: 'range' }> & { readonly sheetName: string };

function isPinned(source: RegionSource): source is PinnedSource {
  return source.kind === 'range' && source.sheetName !== undefined;
}

function regionGoneOr(
  error: unknown,
  source: PinnedSource,
  sheets: readonly SheetInfo[],
  locale: Locale,
): unknown {
  const wanted = source.sheetName.toLowerCase();
  const sheetGone = !sheets.some((sheet) => sheet.name.toLowerCase() === wanted);
  const emptied = error instanceof AnalyticsError && error.code === 'empty_input';
  if (!sheetGone && !emptied) return error;
  return new AnalyticsError(
    'invalid_argument',
    translate(uiMessages, 'errorRegionGone', locale, {
      sheet: source.sheetName,
      address: source.address,
    }),
  );
}

/** A region as a reference, without its cells (what a plan and a resumable cursor keep). */
export function regionRefOf(region: RegionRef): RegionRef {
  return {
    sheetName: region.sheetName,
    address: region.address,
    firstRowNumber: region.firstRowNumber,
    firstColumnNumber: region.firstColumnNumber,
    rowCount: region.rowCount,
    columnCount: region.columnCount,
  };
}

/**
 * The compute request of a run over a region just read: the reader gets the options' date system
 * (else the host's), mapping and header row; annotate mode asks for the annotation columns through
 * the region's last row, `sheets` mode for the Rejected rows sheet should every row be rejected.
 */
export function runComputeRequest(
  region: SheetRegion,
  options: RunAnalysesOptions,
): ComputeRequest {
  const detect = detectRequestFor(region, options);
  return {
    grid: detect.grid,
    read: {
      ...detect.read,
      ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
      ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
    },
    report: {
      locale: options.locale,
      analyses: options.analyses,
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    },
    ...(options.mode === 'annotate'
      ? { annotateThroughRow: region.firstRowNumber + region.rowCount - 1 }
      : { rejectedRowsSheetOnFailure: true }),
    ...(options.withJson === false ? { withJson: false } : {}),
    ...(options.withSegments === true ? { withSegments: true } : {}),
  };
}

/** What `planRun` needs besides the computed report. */
export interface RunPlanContext {
  readonly mode: WriteMode;
  readonly locale: Locale;
  /** The region the run read (its grid is not used). */
  readonly region: RegionRef;
  /** The workbook's sheets before the run writes (only used in `sheets` mode). */
  readonly existingSheets: readonly SheetInfo[];
}

/**
 * The writes of a run (see `RunPlan`). Report sheet names go through `chooseOwnedSheetName`
 * against `existingSheets` and the names chosen before them, so a user sheet is never replaced;
 * planning again after some sheets were written gives the same names (a sheet the run wrote is
 * owned, so its name stays free), which is what lets a run resume from a step index. Owned sheets
 * whose names the report no longer uses are deleted, compared case-insensitively.
 *
 * When every row was rejected (`computed.failure`), the plan writes the Rejected rows sheet the
 * same way, deletes nothing (the sheets of the last good run stay), brings it to the front and
 * carries the error, its message naming that sheet (`errorRejectedRowsSheet`).
 *
 * Example: report sheets `Segments, Clients` over a workbook with a user sheet `Segments` and an
 * owned `Old` plan `writeSheet Segments (2)`, `writeSheet Clients`, `deleteSheet Old`,
 * `activateSheet Segments (2)` (checked in test/shared/workflows).
 */
export function planRun(computed: ComputeResult, context: RunPlanContext): RunPlan {
  if (context.mode === 'annotate') {
    return {
      mode: 'annotate',
      steps: [
        {
          kind: 'annotate',
          request: {
            region: regionRefOf(context.region),
            headerRowNumber: computed.headerRow,
            columns: computed.annotationColumns ?? [],
            locale: context.locale,
          },
        },
      ],
    };
  }
  const names: string[] = [];
  for (const sheet of computed.report.sheets) {
    names.push(chooseOwnedSheetName(sheet.name, context.existingSheets, names));
  }
  const total = computed.report.sheets.length;
  const steps: RunStep[] = computed.report.sheets.map((sheet, index) => ({
    kind: 'writeSheet',
    sheet: { ...sheet, name: names[index] ?? sheet.name },
    options: { locale: context.locale },
    index,
    total,
  }));
  const keep = new Set(names.map((n) => n.toLowerCase()));
  for (const sheet of computed.failure === undefined ? context.existingSheets : []) {
    if (sheet.owned && !keep.has(sheet.name.toLowerCase())) {
      steps.push({ kind: 'deleteSheet', name: sheet.name });
    }
  }
  const first = names[0];
  if (first !== undefined) steps.push({ kind: 'activateSheet', name: first });
  if (computed.failure === undefined) return { mode: 'sheets', steps };
  const where = translate(uiMessages, 'errorRejectedRowsSheet', context.locale, {
    sheet: first ?? '',
  });
  return {
    mode: 'sheets',
    steps,
    failure: { code: computed.failure.code, message: `${computed.failure.message} ${where}` },
  };
}

/**
 * Throws the plan's `failure` as an `AnalyticsError` (code and message kept); a run calls it once
 * every step is done. Does nothing for a plan without one.
 */
export function throwPlanFailure(plan: RunPlan): void {
  if (plan.failure !== undefined) {
    throw new AnalyticsError(plan.failure.code, plan.failure.message);
  }
}

/** How many `writeSheet` steps a plan has (they come first). */
export function sheetWriteCount(plan: RunPlan): number {
  return plan.steps.filter((step) => step.kind === 'writeSheet').length;
}

/**
 * The progress to show as a step starts: `writing` sheet `index` of `total`, or 0 of 1 for the
 * annotation; deletions and activation are too quick to show. Example: the second of two sheets
 * shows fraction 0.8 (see `progressUpdate`).
 */
export function runStepProgress(step: RunStep): ProgressUpdate | undefined {
  if (step.kind === 'writeSheet') return progressUpdate('writing', step.index, step.total);
  if (step.kind === 'annotate') return progressUpdate('writing', 0, 1);
  return undefined;
}

/** Performs one step against an async host and notes what it did in `log`. Throws what the host throws. */
export async function performRunStep(
  step: RunStep,
  host: SpreadsheetHost,
  log: RunLog,
): Promise<void> {
  switch (step.kind) {
    case 'writeSheet':
      log.sheets.push(await host.writeOwnedSheet(step.sheet, step.options));
      return;
    case 'deleteSheet':
      await host.deleteOwnedSheet(step.name);
      log.deletedSheets.push(step.name);
      return;
    case 'activateSheet':
      await host.activateSheet(step.name);
      return;
    case 'annotate':
      log.annotation = await host.annotate(step.request);
      return;
  }
}

/** `performRunStep` against a synchronous host (`SpreadsheetHostNow`). */
export function performRunStepNow(step: RunStep, host: SpreadsheetHostNow, log: RunLog): void {
  switch (step.kind) {
    case 'writeSheet':
      log.sheets.push(host.writeOwnedSheetNow(step.sheet, step.options));
      return;
    case 'deleteSheet':
      host.deleteOwnedSheetNow(step.name);
      log.deletedSheets.push(step.name);
      return;
    case 'activateSheet':
      host.activateSheetNow(step.name);
      return;
    case 'annotate':
      log.annotation = host.annotateNow(step.request);
      return;
  }
}

/** A run's result from what it computed and what its steps did. */
export function runResult(
  mode: WriteMode,
  computed: ComputeResult,
  log: RunLog,
): RunAnalysesResult {
  return {
    mode,
    clientCount: computed.clientCount,
    rejectedRowCount: computed.rejectedRowCount,
    notes: computed.notes,
    json: computed.json,
    sheets: log.sheets,
    deletedSheets: log.deletedSheets,
    ...(log.annotation !== undefined ? { annotation: log.annotation } : {}),
    ...(computed.segments !== undefined ? { segments: computed.segments } : {}),
  };
}
