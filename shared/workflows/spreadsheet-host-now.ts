import type {
  AnnotateRequest,
  AnnotateResult,
  RegionSource,
  SheetInfo,
  SheetRegion,
  WriteSheetOptions,
  WrittenSheet,
} from '../host';
import type { ReportSheet } from '../report/types';

/**
 * The synchronous twin of `SpreadsheetHost` (same rules, same errors), for a host whose calls
 * must return a value rather than a promise: an Apps Script server function called by
 * `google.script.run` (its `SheetsHost` implements both). The workflows' `…Now` functions
 * (`runAnalysesNow`, `detectColumnsNow`) run the same steps as `runAnalyses` and `detectColumns`
 * against it.
 */
export interface SpreadsheetHostNow {
  listSheetsNow(): readonly SheetInfo[];
  readRegionNow(source: RegionSource): SheetRegion;
  writeOwnedSheetNow(sheet: ReportSheet, options: WriteSheetOptions): WrittenSheet;
  deleteOwnedSheetNow(name: string): void;
  annotateNow(request: AnnotateRequest): AnnotateResult;
  activateSheetNow(name: string): void;
}
