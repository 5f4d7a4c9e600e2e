import type { CalendarDay } from '../calendar';
import type { Locale } from '../i18n';
import type {
  AbcClassification,
  CustomerSummary,
  RfmScore,
  RfmSegment,
  SegmentationOptions,
  XyzClassification,
} from '../segmentation';
import type { SheetReadResult } from '../sheet-data/types';
import type { RetentionSectionOptions } from './retention-report';
import type { ReportSheet } from './types';

/**
 * What the core analysis computed, handed to every extra report section so it can build on it
 * without recomputing: the read sheet, the as-of day, and per client (same order, sorted by
 * clientKey) the summary, RFM scores, segment, ABC and XYZ classes.
 */
export interface AnalysisContext {
  readonly read: SheetReadResult;
  readonly locale: Locale;
  readonly asOfDay: CalendarDay;
  readonly summaries: readonly CustomerSummary[];
  readonly rfm: readonly RfmScore[];
  readonly segments: readonly RfmSegment[];
  readonly abc: readonly AbcClassification[];
  /** `undefined` for a client list, which has no monthly revenue. */
  readonly xyz: readonly XyzClassification[] | undefined;
  /** Names of the sheets already in the report (for cross-references in notes). */
  readonly sheetNames: readonly string[];
  /** The RFM, segment-map, ABC and XYZ options the core used, so sections segment alike. */
  readonly segmentation?: SegmentationOptions;
  /** Options of the retention sheets (`AnalysisOptions.retention`); absent: their defaults. */
  readonly retention?: RetentionSectionOptions;
}

/** An extra part of the analysis report: more sheets, and more top-level fields of the JSON. */
export interface AnalysisSectionResult {
  readonly sheets: readonly ReportSheet[];
  /** Merged into the report JSON at the top level; keys must not clash with the core fields. */
  readonly json?: Readonly<Record<string, unknown>>;
}

/**
 * A section builder. It may return `undefined` when it has nothing to add (e.g. a section that
 * needs transactions, given a client list).
 */
export type AnalysisSection = (context: AnalysisContext) => AnalysisSectionResult | undefined;
