import type { SpreadsheetHost, RegionRef, RegionSource } from '../host';
import type { Locale } from '../i18n/translate';
import type { ColumnMapping, DateSystem, InputShape } from '../sheet-data/types';
import { inThreadEngine, type WorkflowEngine } from './workflow-engine';

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
 * Reads the client list from the host (default: the current region) and detects its header row,
 * column roles and shape with the core reader, so the UI can show them and let the user fix them.
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
  const dateSystem = options.dateSystem ?? region.dateSystem;
  const { grid, ...ref } = region;
  const found = await engine.detect({
    grid,
    read: { locale: options.locale, dateSystem, firstRowNumber: region.firstRowNumber },
  });
  return { region: ref, dateSystem, ...found };
}
