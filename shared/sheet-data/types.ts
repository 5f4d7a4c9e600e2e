import type { CalendarDay } from '../calendar';
import type { Locale } from '../i18n';

/**
 * A cell as a spreadsheet host gives it. Hosts decode their own quirks in their codec: a date the
 * host already knows to be a date arrives as `{ kind: 'date', day }`; an error cell as
 * `{ kind: 'error', code }`; a blank as `null` or `''`. A bare number in a date column is read as a
 * serial number in the sheet's date system (see `DateSystem`).
 */
export type Cell = string | number | boolean | null | DateCell | ErrorCell;

export interface DateCell {
  readonly kind: 'date';
  readonly day: CalendarDay;
}

export interface ErrorCell {
  readonly kind: 'error';
  /** As shown by the host, e.g. `#N/A`, `#VALUE!`, `#REF!`. */
  readonly code: string;
}

export type Grid = readonly (readonly Cell[])[];

/** Excel's two serial-date systems: 1900 (with the phantom 1900-02-29) and 1904 (Mac). */
export type DateSystem = '1900' | '1904';

/** The logical columns the core knows. `client`, `date` and `amount` make a transaction list. */
export type ColumnRole =
  | 'client'
  | 'date'
  | 'amount'
  | 'orderId'
  | 'profit'
  | 'manager'
  | 'channel'
  | 'category'
  | 'email'
  | 'phone'
  | 'nps'
  | 'complaint'
  | 'lastPurchaseDate'
  | 'firstPurchaseDate'
  | 'purchaseCount'
  | 'totalRevenue';

/** Role -> 0-based column index in the grid. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/** How an ambiguous `dd/mm` vs `mm/dd` column was read, and why. */
export interface DateOrderChoice {
  /** 0-based column in the grid, as in `ColumnMapping`. */
  readonly column: number;
  readonly order: 'day-first' | 'month-first' | 'year-first';
  readonly decidedBy: 'values' | 'locale' | 'unambiguous' | 'override';
}

/** A row left out of the analysis: 1-based sheet row number and a reason in the report locale. */
export interface RejectedRow {
  readonly row: number;
  readonly code: string;
  readonly reason: string;
}

/** One purchase (amount > 0) or refund (amount < 0) after normalisation. */
export interface Transaction {
  /** 1-based sheet row number it came from. */
  readonly row: number;
  /** Normalised id: trimmed, inner spaces collapsed, lower-cased. Clients match on this. */
  readonly clientKey: string;
  /** The first spelling seen for this client, for display. */
  readonly clientName: string;
  readonly day: CalendarDay;
  /** Money amount in the sheet's currency; negative for a refund. */
  readonly amount: number;
  readonly orderId?: string;
  readonly profit?: number;
  readonly manager?: string;
  readonly channel?: string;
  readonly category?: string;
  readonly email?: string;
  readonly phone?: string;
  /** 0..10 answer to "would you recommend us", when a column has it. */
  readonly nps?: number;
  /** True when a complaint column marks this row. */
  readonly complaint?: boolean;
}

/** One row of a client list (a row per client, no transactions). */
export interface ClientRecord {
  readonly row: number;
  readonly clientKey: string;
  readonly clientName: string;
  readonly lastPurchaseDay?: CalendarDay;
  readonly firstPurchaseDay?: CalendarDay;
  readonly purchaseCount?: number;
  readonly totalRevenue?: number;
  readonly profit?: number;
  readonly manager?: string;
  readonly channel?: string;
  readonly category?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly nps?: number;
  readonly complaint?: boolean;
}

export type InputShape = 'transactions' | 'clients';

/** How an ambiguous slash date (`03/04/2024`) is read: day first (`dd/mm`) or month first. */
export type SlashDateOrder = 'day-first' | 'month-first';

/** Options of `readSheet`; every field is optional and overrides what the reader would detect. */
export interface ReadSheetOptions {
  /** Language of notes and rejection reasons, and the fallback for ambiguous slash dates. */
  readonly locale?: Locale;
  /** Serial-date system of the workbook (default `1900`). */
  readonly dateSystem?: DateSystem;
  /** Role -> 0-based column; merged over the detected mapping (an override wins its column). */
  readonly mapping?: ColumnMapping;
  /**
   * Role -> a header text or a column letter, as a user names a column (`resolveColumnChoices`);
   * found once the header row is known, and merged over the detected mapping like `mapping`
   * (a role in both takes the choice here).
   */
  readonly columns?: Partial<Record<ColumnRole, string>>;
  /** 1-based sheet row of the header; `0` means the grid has no header row (give `mapping`). */
  readonly headerRow?: number;
  /** Order for slash dates in every date column, instead of deciding it from values or locale. */
  readonly dateOrder?: SlashDateOrder;
  /** Read as a transaction list or a client list, instead of detecting it. */
  readonly shape?: InputShape;
  /** 1-based sheet row number of the grid's first row (default 1), for reported row numbers. */
  readonly firstRowNumber?: number;
  /** 1-based sheet column number of the grid's first column (default 1), for column letters. */
  readonly firstColumnNumber?: number;
}

/** What `readSheet` found: the records, the rows it left out and why, and how it decided. */
export interface SheetReadResult {
  readonly shape: InputShape;
  /** 1-based sheet row of the header row (0 when the grid has none). */
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  /** Header texts as shown (blank cells as ''). */
  readonly headers: string[];
  readonly dateOrders: DateOrderChoice[];
  /** Filled for a transaction list, empty for a client list. */
  readonly transactions: Transaction[];
  /** Filled for a client list, empty for a transaction list. */
  readonly clients: ClientRecord[];
  readonly rejectedRows: RejectedRow[];
  /** Localized sentences saying how the sheet was read. */
  readonly notes: string[];
  /** Non-blank rows below the header: read records plus rejected rows. */
  readonly dataRowCount: number;
}
