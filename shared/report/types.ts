import type { Locale } from '../i18n';

/**
 * Host-neutral report tables: what to show, not how. The CLI writes them to xlsx and JSON, the
 * Excel add-in to Excel tables, the Sheets add-on to ranges. Labels are already localised.
 */
export type ReportValue = string | number | boolean | null;

export type ReportColumnKind = 'text' | 'integer' | 'number' | 'money' | 'percent' | 'day';

export interface ReportColumn {
  /** Stable machine key (also the JSON field name). */
  readonly key: string;
  /** Localised header. */
  readonly label: string;
  /** `percent` values are ratios 0..1; `day` values are calendar days (days since 1970-01-01). */
  readonly kind: ReportColumnKind;
}

export interface ChartSpec {
  readonly kind: 'bar' | 'column' | 'pie' | 'line' | 'stacked-column';
  readonly title: string;
  /** Column key holding the category labels. */
  readonly categoryColumn: string;
  /** Column keys holding the plotted series. */
  readonly valueColumns: readonly string[];
}

export interface ColorScale {
  /** Column keys the scale applies to (e.g. cohort month columns). */
  readonly columns: readonly string[];
  readonly minColor: string;
  readonly maxColor: string;
}

export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly ReportValue[])[];
  /** Optional fill colour (`#RRGGBB`) per row, e.g. the segment colour. */
  readonly rowFills?: readonly (string | null)[];
  readonly colorScale?: ColorScale;
  readonly chart?: ChartSpec;
  /** Short plain-language note shown under the title. */
  readonly note?: string;
}

export interface ReportSheet {
  /** Sheet name, at most 31 characters, unique in the report. */
  readonly name: string;
  readonly tables: readonly ReportTable[];
}

export interface Report {
  readonly locale: Locale;
  readonly title: string;
  readonly sheets: readonly ReportSheet[];
}
