import { AnalyticsError } from '../errors';
import type {
  AnnotateResult,
  ProgressListener,
  RegionSource,
  SpreadsheetHost,
  WrittenSheet,
} from '../host';
import type { CalendarDay } from '../calendar/calendar-day';
import { translate, type Locale } from '../i18n/translate';
import { uiMessages } from '../i18n/ui-messages';
import type { ColumnMapping, DateSystem } from '../sheet-data/types';
import type { AnalysisId } from './analyses';
import { chooseOwnedSheetName } from './owned-sheet-name';
import { emitProgress, progressUpdate } from './progress';
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
}

/**
 * The whole run a UI starts: read the client list from the host, normalise it with the core
 * reader, compute the chosen analyses into a host-neutral report, and write it — as owned sheets
 * (re-running replaces only owned sheets; a user sheet of the same name is left alone and the
 * report sheet gets a suffixed name) or as annotation columns beside the user's table. Yields to
 * the UI between steps and sheets and reports progress 0..1.
 * Throws `AnalyticsError` ('invalid_argument' when no analysis is chosen; whatever the reader and
 * the report builder throw, with localised messages).
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
  if (options.analyses.length === 0) {
    throw new AnalyticsError(
      'invalid_argument',
      translate(uiMessages, 'errorNoAnalysis', options.locale),
    );
  }
  emitProgress(listeners, progressUpdate('reading', 0, 1));
  const region = await host.readRegion(options.source ?? { kind: 'current-region' });
  emitProgress(listeners, progressUpdate('reading', 1, 1));
  await host.yieldToUi();

  const lastRowNumber = region.firstRowNumber + region.rowCount - 1;
  const computed = await engine.compute({
    grid: region.grid,
    read: {
      locale: options.locale,
      dateSystem: options.dateSystem ?? region.dateSystem,
      firstRowNumber: region.firstRowNumber,
      ...(options.mapping !== undefined ? { mapping: options.mapping } : {}),
      ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
    },
    report: {
      locale: options.locale,
      analyses: options.analyses,
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    },
    ...(options.mode === 'annotate' ? { annotateThroughRow: lastRowNumber } : {}),
    ...(options.withJson === false ? { withJson: false } : {}),
  });
  emitProgress(listeners, progressUpdate('computing', 1, 1));
  await host.yieldToUi();

  const common = {
    mode: options.mode,
    clientCount: computed.clientCount,
    rejectedRowCount: computed.rejectedRowCount,
    notes: computed.notes,
    json: computed.json,
  };

  if (options.mode === 'annotate') {
    emitProgress(listeners, progressUpdate('writing', 0, 1));
    const annotation = await host.annotate({
      region,
      headerRowNumber: computed.headerRow,
      columns: computed.annotationColumns ?? [],
      locale: options.locale,
    });
    emitProgress(listeners, progressUpdate('done', 1, 1));
    return { ...common, sheets: [], deletedSheets: [], annotation };
  }

  const existing = await host.listSheets();
  const sheets: WrittenSheet[] = [];
  const chosen: string[] = [];
  const total = computed.report.sheets.length;
  for (const [index, sheet] of computed.report.sheets.entries()) {
    emitProgress(listeners, progressUpdate('writing', index, total));
    const name = chooseOwnedSheetName(sheet.name, existing, chosen);
    chosen.push(name);
    sheets.push(await host.writeOwnedSheet({ ...sheet, name }, { locale: options.locale }));
    await host.yieldToUi();
  }
  const keep = new Set(chosen.map((n) => n.toLowerCase()));
  const deletedSheets: string[] = [];
  for (const sheet of existing) {
    if (sheet.owned && !keep.has(sheet.name.toLowerCase())) {
      await host.deleteOwnedSheet(sheet.name);
      deletedSheets.push(sheet.name);
    }
  }
  const first = sheets[0];
  if (first !== undefined) await host.activateSheet(first.name);
  emitProgress(listeners, progressUpdate('done', 1, 1));
  return { ...common, sheets, deletedSheets };
}
