import { parseIsoDay } from '../../shared/calendar';
import { AnalyticsError } from '../../shared/errors';
import type { ProgressUpdate, RegionSource } from '../../shared/host';
import type { Locale } from '../../shared/i18n';
import { translate } from '../../shared/i18n';
import { uiMessages } from '../../shared/i18n/ui-messages';
import { RFM_SEGMENTS, segmentInfo } from '../../shared/segmentation';
import type { RfmSegment } from '../../shared/segmentation';
import {
  annotationColumns,
  chooseOwnedSheetName,
  computeDetection,
  defaultWorkflowCore,
  progressUpdate,
} from '../../shared/workflows';
import type {
  ColumnDetection,
  WorkflowClientResult,
  WorkflowCore,
  WorkflowRead,
} from '../../shared/workflows';
import type {
  DetectRequest,
  RunCursor,
  RunRequest,
  RunStepResult,
  SegmentLine,
} from '../server-api';
import { DEFAULT_STEP_BUDGET_MS } from '../server-api';
import type { SheetsHost } from './sheets-host';

/**
 * The sidebar's workflow on the server, synchronously (a `google.script.run` call returns a value,
 * not a promise) and in steps: each call re-reads the sheet and recomputes the report (cheap and
 * deterministic), then writes report sheets from `cursor` on until its time budget is spent, so a
 * large run spans several calls and none nears Apps Script's 6-minute execution limit. The steps
 * mirror `runAnalyses` of `shared/workflows`, using its helpers for sheet names, annotation
 * columns and progress.
 */

/**
 * Reads the region and detects header, columns and shape: the synchronous twin of `detectColumns`
 * in `shared/workflows`, through the same `computeDetection` (when the reader finds no complete
 * set of columns: `complete: false`, the header row's own roles and the reader's message in
 * `problem`, so the user can map the columns by hand).
 * Throws `AnalyticsError('empty_input')` for a region without data.
 */
export function detectColumnsNow(
  host: SheetsHost,
  request: DetectRequest,
  locale: Locale,
  core: WorkflowCore = defaultWorkflowCore,
): ColumnDetection {
  const region = host.readRegionNow(request.source ?? { kind: 'current-region' });
  const { grid, ...ref } = region;
  const detected = computeDetection(
    {
      grid,
      read: { locale, dateSystem: region.dateSystem, firstRowNumber: region.firstRowNumber },
    },
    core,
  );
  return { region: ref, dateSystem: region.dateSystem, ...detected };
}

/** Client names shown per segment in the sidebar. */
export const EXAMPLES_PER_SEGMENT = 3;

/**
 * Segment sizes with their meaning, action and a few client names, in the core's segment order.
 * `names` maps a client key to its display name.
 */
export function segmentLines(
  clients: readonly WorkflowClientResult[],
  names: ReadonlyMap<string, string>,
  locale: Locale,
): SegmentLine[] {
  const counts = new Map<string, number>();
  const examples = new Map<string, string[]>();
  for (const c of clients) {
    if (c.segment === undefined) continue;
    counts.set(c.segment, (counts.get(c.segment) ?? 0) + 1);
    const list = examples.get(c.segment) ?? [];
    if (list.length < EXAMPLES_PER_SEGMENT) list.push(names.get(c.clientKey) ?? c.clientKey);
    examples.set(c.segment, list);
  }
  const lines: SegmentLine[] = [];
  for (const segment of RFM_SEGMENTS as readonly RfmSegment[]) {
    const clientsInSegment = counts.get(segment);
    if (clientsInSegment === undefined) continue;
    const info = segmentInfo(segment);
    lines.push({
      segment,
      name: info.name[locale],
      clients: clientsInSegment,
      meaning: info.meaning[locale],
      action: info.action[locale],
      color: info.color,
      examples: examples.get(segment) ?? [],
    });
  }
  return lines;
}

/** Client key → the first spelling seen in the sheet. */
function clientNames(read: WorkflowRead): Map<string, string> {
  const names = new Map<string, string>();
  const rows = read.shape === 'transactions' ? read.transactions : read.clients;
  for (const row of rows) if (!names.has(row.clientKey)) names.set(row.clientKey, row.clientName);
  return names;
}

function phaseMessage(update: ProgressUpdate, locale: Locale): string {
  const id =
    update.phase === 'reading'
      ? 'phaseReading'
      : update.phase === 'detecting'
        ? 'phaseDetecting'
        : update.phase === 'computing'
          ? 'phaseComputing'
          : update.phase === 'writing'
            ? 'phaseWriting'
            : 'phaseDone';
  return translate(uiMessages, id, locale);
}

/**
 * One step of a run. `now` is the clock in milliseconds (injected for tests).
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
  if (request.analyses.length === 0) {
    throw new AnalyticsError('invalid_argument', translate(uiMessages, 'errorNoAnalysis', locale));
  }
  let asOf: number | undefined;
  if (request.asOf !== undefined && request.asOf.trim() !== '') {
    asOf = parseIsoDay(request.asOf);
    if (asOf === undefined) {
      throw new AnalyticsError('invalid_argument', translate(uiMessages, 'asOfInvalid', locale));
    }
  }
  const region = host.readRegionNow(cursor?.source ?? request.source ?? { kind: 'current-region' });
  const pinned: RegionSource = {
    kind: 'range',
    sheetName: region.sheetName,
    address: region.address,
  };
  const read = core.readSheet(region.grid, {
    locale,
    dateSystem: region.dateSystem,
    firstRowNumber: region.firstRowNumber,
    ...(request.mapping !== undefined ? { mapping: request.mapping } : {}),
    ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
  });
  const built = core.buildReport(read, {
    locale,
    analyses: request.analyses,
    ...(asOf !== undefined ? { asOf } : {}),
  });
  const base = {
    clientCount: built.clients.length,
    rejectedRowCount: read.rejectedRows.length,
    notes: read.notes,
  };
  const finished = (
    written: string[],
    deleted: string[],
    annotationAddress: string | null,
    insertedColumns: boolean,
  ): RunStepResult => {
    const update = progressUpdate('done', 1, 1);
    return {
      ...base,
      done: true,
      cursor: null,
      fraction: update.fraction,
      message: phaseMessage(update, locale),
      writtenSheets: written,
      deletedSheets: deleted,
      annotationAddress,
      insertedColumns,
      segments: segmentLines(built.clients, clientNames(read), locale),
    };
  };

  if (request.mode === 'annotate') {
    const columns = annotationColumns(
      read,
      built.clients,
      region.firstRowNumber + region.rowCount - 1,
      { analyses: request.analyses, locale },
    );
    const result = host.annotateNow({
      region,
      headerRowNumber: read.headerRow,
      columns,
      locale,
    });
    return finished([], [], result.address, result.insertedColumns);
  }

  // Names are chosen for the whole report on every step, so each step agrees with the earlier
  // ones: sheets written earlier are owned now and keep their names.
  const existing = host.listSheetsNow();
  const names: string[] = [];
  for (const sheet of built.report.sheets)
    names.push(chooseOwnedSheetName(sheet.name, existing, names));
  const total = built.report.sheets.length;
  const written: string[] = names.slice(0, cursor?.sheetIndex ?? 0);
  let index = cursor?.sheetIndex ?? 0;
  while (index < total) {
    const sheet = built.report.sheets[index];
    const name = names[index];
    if (sheet === undefined || name === undefined) break;
    host.writeOwnedSheetNow({ ...sheet, name }, { locale });
    written.push(name);
    index += 1;
    if (index < total && now() - started >= budget) {
      const update = progressUpdate('writing', index, total);
      return {
        ...base,
        done: false,
        cursor: { sheetIndex: index, source: pinned },
        fraction: update.fraction,
        message: phaseMessage(update, locale),
        writtenSheets: written,
        deletedSheets: [],
        annotationAddress: null,
        insertedColumns: false,
        segments: [],
      };
    }
  }
  const keep = new Set(names.map((n) => n.toLowerCase()));
  const deleted: string[] = [];
  for (const sheet of host.listSheetsNow()) {
    if (sheet.owned && !keep.has(sheet.name.toLowerCase())) {
      host.deleteOwnedSheetNow(sheet.name);
      deleted.push(sheet.name);
    }
  }
  const first = names[0];
  if (first !== undefined) host.activateSheetNow(first);
  return finished(written, deleted, null, false);
}
