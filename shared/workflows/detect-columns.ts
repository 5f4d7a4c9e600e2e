import type { SpreadsheetHost, RegionRef, RegionSource, SheetRegion } from '../host';
import type { Locale } from '../i18n/translate';
import type { ColumnMapping, DateSystem, InputShape } from '../sheet-data/types';
import { defaultWorkflowCore } from './default-core';
import type { SpreadsheetHostNow } from './spreadsheet-host-now';
import type { WorkflowCore } from './workflow-core';
import {
  computeDetection,
  inThreadEngine,
  type DetectRequest,
  type DetectResult,
  type WorkflowEngine,
} from './workflow-engine';

export interface DetectColumnsOptions {
  readonly source?: RegionSource;
  readonly locale: Locale;
  /** Overrides the host's date system (a user setting, e.g. a Mac workbook in the 1904 system). */
  readonly dateSystem?: DateSystem;
}

/** What the UI shows before a run: where the data is and how its columns were understood. */
export interface ColumnDetection {
  readonly region: RegionRef;
  readonly dateSystem: DateSystem;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly shape: InputShape;
  /** Localised notes of the reader (shape, date order). */
  readonly notes: readonly string[];
  readonly dataRowCount: number;
  readonly rejectedRowCount: number;
  /**
   * False when the reader found no complete set of columns (e.g. no amount header it knows): the
   * mapping is partial and `problem` says what is missing, so the user can pick the columns.
   */
  readonly complete: boolean;
  readonly problem?: string;
}

/**
 * Where a run reads what was detected: the detected region, pinned by sheet and address. "The
 * current region" or "the active sheet" would move, since a run brings its summary sheet to the
 * front; the Sheets sidebar and the Excel task pane both run on this source.
 * Example: a detection of `Data!A1:C7` gives `{ kind: 'range', sheetName: 'Data', address:
 * 'A1:C7' }` (tested).
 */
export function detectedRegionSource(detection: Pick<ColumnDetection, 'region'>): RegionSource {
  return {
    kind: 'range',
    sheetName: detection.region.sheetName,
    address: detection.region.address,
  };
}

/** The detect request for a region read from the host: the options' date system, else the host's. */
export function detectRequestFor(
  region: SheetRegion,
  options: DetectColumnsOptions,
): DetectRequest {
  return {
    grid: region.grid,
    read: {
      locale: options.locale,
      dateSystem: options.dateSystem ?? region.dateSystem,
      firstRowNumber: region.firstRowNumber,
    },
  };
}

/** What the UI shows: the region (without its cells), the date system used, what was found. */
function columnDetection(
  region: SheetRegion,
  request: DetectRequest,
  found: DetectResult,
): ColumnDetection {
  const { grid: _grid, ...ref } = region;
  return { region: ref, dateSystem: request.read.dateSystem, ...found };
}

/**
 * Reads the client list from the host (default: the current region) and detects its header row,
 * column roles and shape with the core reader (`computeDetection`), so the UI can show them and
 * let the user fix them.
 * Throws what `readRegion` and `readSheet` throw (`AnalyticsError` 'empty_input', with a
 * localised message); missing columns are not an error here but `complete: false`.
 *
 * Example: on a sheet `Client | Date | Amount` the mapping is `{ client: 0, date: 1, amount: 2 }`
 * (checked in test/shared/workflows).
 */
export async function detectColumns(
  host: SpreadsheetHost,
  options: DetectColumnsOptions,
  engine: WorkflowEngine = inThreadEngine(),
): Promise<ColumnDetection> {
  const region = await host.readRegion(options.source ?? { kind: 'current-region' });
  await host.yieldToUi();
  const request = detectRequestFor(region, options);
  return columnDetection(region, request, await engine.detect(request));
}

/**
 * `detectColumns` for a synchronous host (the Apps Script sidebar's server call): the same read,
 * request and `computeDetection`, without promises. Throws as `detectColumns`.
 *
 * Example: gives the same detection as `detectColumns` on the same workbook (checked in
 * test/shared/workflows).
 */
export function detectColumnsNow(
  host: Pick<SpreadsheetHostNow, 'readRegionNow'>,
  options: DetectColumnsOptions,
  core: WorkflowCore = defaultWorkflowCore,
): ColumnDetection {
  const region = host.readRegionNow(options.source ?? { kind: 'current-region' });
  const request = detectRequestFor(region, options);
  return columnDetection(region, request, computeDetection(request, core));
}
