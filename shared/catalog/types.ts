import type { CalendarDay } from '../calendar';
import type { Locale, LocalizedText } from '../i18n';
import type { DateSystem, Grid } from '../sheet-data/types';

/**
 * The function catalog: one description of each spreadsheet function, from which the Excel
 * metadata (en + ru), the Apps Script wrappers with their JSDoc and the docs are generated.
 */
export type CatalogParamType =
  /** A single number. */
  | 'number'
  /** A whole number. */
  | 'integer'
  /** A calendar day: hosts decode their date cells or serials into a `CalendarDay`. */
  | 'day'
  | 'text'
  | 'boolean'
  /** A range: a 2-D grid of cells (a scalar is passed as a 1x1 grid). */
  | 'range';

export interface CatalogParam {
  /** camelCase parameter name, as shown in autocomplete. */
  readonly name: string;
  readonly type: CatalogParamType;
  readonly optional?: boolean;
  /** Unit in words, e.g. `money`, `clients`, `days`, `ratio 0..1`, `per period`. */
  readonly unit?: string;
  readonly description: LocalizedText;
}

export type CatalogArg = number | CalendarDay | string | boolean | Grid | undefined;

/** What a catalog function returns: a scalar or a rectangular array (spilled by the host). */
export type CatalogScalar = string | number | boolean | null;
export type CatalogResult = CatalogScalar | readonly (readonly CatalogScalar[])[];

export interface CatalogFunction {
  /** Base name, upper case, e.g. `CAC`; hosts add their namespace. */
  readonly name: string;
  /** Area: metrics, segmentation, retention, forecasting. */
  readonly category: string;
  readonly description: LocalizedText;
  readonly params: readonly CatalogParam[];
  /** `array` results spill: one row per client, optionally under a header row. */
  readonly result: 'scalar' | 'array';
  /** One worked example (formula text and expected result) for the docs. */
  readonly example?: { readonly formula: string; readonly result: string };
  /**
   * The core function behind it. Arguments arrive decoded, in `params` order; `undefined` for an
   * omitted optional. Throws `AnalyticsError` on bad input.
   */
  readonly implementation: (args: readonly CatalogArg[], context?: CatalogContext) => CatalogResult;
}

/**
 * What the host knows about the calling workbook, passed as an optional second argument to
 * `implementation`: range functions forward `dateSystem` to `readSheet` (bare numbers in a date
 * column are serials in it) and use `locale` for their messages and headers.
 */
export interface CatalogContext {
  readonly dateSystem?: DateSystem;
  readonly locale?: Locale;
}
