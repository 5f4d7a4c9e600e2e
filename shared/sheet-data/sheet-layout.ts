import { AnalyticsError } from '../errors';
import { translate, type Locale, type MessageParams } from '../i18n';
import { resolveColumnChoices } from './column-choices';
import { columnRoleLabel } from './column-role-label';
import { detectHeaderRow, headerText } from './detect-header-row';
import { hasClientListColumns, hasTransactionColumns, mapColumns } from './map-columns';
import { SHEET_DATA_MESSAGES, type SheetDataMessageId } from './messages';
import {
  firstRepeatedClient,
  mergeMapping,
  rowIsBlank,
  type ColumnTexts,
  type FirstTexts,
  type SheetReader,
} from './sheet-reader';
import type {
  ColumnMapping,
  ColumnRole,
  DateOrderChoice,
  Grid,
  InputShape,
  ReadSheetOptions,
  RejectedRow,
} from './types';

/**
 * Where a table sits in a grid and what it holds: the header row, the column roles and the
 * shape. Internal to shared/sheet-data; `readSheet` and `readDelimitedTransactions` both start
 * from it.
 */
export interface SheetLayout {
  readonly grid: Grid;
  readonly locale: Locale;
  readonly firstRowNumber: number;
  /** 0-based index of the header row in `grid`; −1 when there is none. */
  readonly headerIndex: number;
  /** 1-based sheet row of the header (0 when none). */
  readonly headerRow: number;
  readonly headers: string[];
  readonly mapping: ColumnMapping;
  /** 0-based index of the first row below the header. */
  readonly dataStart: number;
  readonly shape: InputShape;
  /** Why the shape was chosen, as a sentence in `locale`. */
  readonly why: string;
}

/** What a row loop counted, besides its records. */
export interface RowCounts {
  readonly rejectedRows: RejectedRow[];
  readonly blankRows: number;
  readonly zeroAmounts: number;
  readonly dataRowCount: number;
}

function messages(locale: Locale) {
  return (id: SheetDataMessageId, params?: MessageParams): string =>
    translate(SHEET_DATA_MESSAGES, id, locale, params);
}

/**
 * Finds the header row, maps the columns and decides the shape, as `readSheet` documents.
 * @throws AnalyticsError `empty_input`, `missing_column` or `invalid_argument` as `readSheet`
 *   (`invalid_argument` also for a column choice `resolveColumnChoices` cannot find).
 */
export function sheetLayout(grid: Grid, options: ReadSheetOptions): SheetLayout {
  const locale = options.locale ?? 'en';
  const firstRowNumber = options.firstRowNumber ?? 1;
  const message = messages(locale);

  let headerIndex: number;
  if (options.headerRow === 0) {
    headerIndex = -1;
  } else if (options.headerRow !== undefined) {
    headerIndex = options.headerRow - firstRowNumber;
    if (headerIndex < 0 || headerIndex >= grid.length) {
      throw new AnalyticsError(
        'invalid_argument',
        message('badHeaderRow', {
          row: options.headerRow,
          first: firstRowNumber,
          last: firstRowNumber + grid.length - 1,
        }),
      );
    }
  } else {
    headerIndex = detectHeaderRow(grid);
    if (headerIndex < 0) throw new AnalyticsError('empty_input', message('emptyInput'));
  }
  const headerRow = headerIndex >= 0 ? firstRowNumber + headerIndex : 0;
  const headers = headerIndex >= 0 ? (grid[headerIndex] ?? []).map(headerText) : [];
  const chosen =
    options.columns === undefined
      ? undefined
      : resolveColumnChoices(options.columns, headers, columnCountOf(grid), {
          locale,
          firstColumnNumber: options.firstColumnNumber ?? 1,
        });
  let mapping = mergeMapping(
    headerIndex >= 0 ? mapColumns(headers) : {},
    chosen === undefined ? options.mapping : { ...options.mapping, ...chosen },
  );
  const dataStart = headerIndex + 1;

  let hasData = false;
  for (let r = dataStart; r < grid.length && !hasData; r++) hasData = !rowIsBlank(grid[r]);
  if (!hasData) {
    throw new AnalyticsError(
      'empty_input',
      headerIndex >= 0 ? message('noDataRows', { row: headerRow }) : message('emptyInput'),
    );
  }

  const transactionColumns = hasTransactionColumns(mapping);
  const clientColumns = hasClientListColumns(mapping);
  let shape: InputShape;
  let why: string;
  if (options.shape !== undefined) {
    shape = options.shape;
    why = message('whyOverride');
  } else if (transactionColumns && clientColumns && mapping.client !== undefined) {
    const repeated = firstRepeatedClient(grid, dataStart, mapping.client);
    if (repeated !== undefined) {
      shape = 'transactions';
      why = message('whyRepeats', { example: repeated });
    } else if (mapping.lastPurchaseDate === undefined) {
      // A purchase list with a count column beside it ("Orders", "Visits"): without a last
      // purchase date it is no client list, and its date and amount columns make it a purchase list.
      shape = 'transactions';
      why = message('whyNoLastPurchase');
    } else {
      shape = 'clients';
      why = message('whyNoRepeats');
    }
  } else if (clientColumns) {
    shape = 'clients';
    why = message('whyClientColumns');
  } else {
    shape = 'transactions';
    why = message('whyTransactionColumns');
  }
  if (shape === 'transactions' && !transactionColumns) {
    const missing = (['client', 'date', 'amount'] as const)
      .filter((role) => mapping[role] === undefined)
      .map((role) =>
        message(role === 'client' ? 'roleClient' : role === 'date' ? 'roleDate' : 'roleAmount'),
      );
    throw new AnalyticsError(
      'missing_column',
      message('missingColumns', {
        missing: missing.join(message('listSeparator')),
        count: missing.length,
      }),
      { missing },
    );
  }
  if (shape === 'clients' && !clientColumns) {
    throw new AnalyticsError('missing_column', message('missingClientListColumns'));
  }
  if (shape === 'clients') mapping = clientListMapping(mapping);
  return {
    grid,
    locale,
    firstRowNumber,
    headerIndex,
    headerRow,
    headers,
    mapping,
    dataStart,
    shape,
    why,
  };
}

/** The number of columns of the longest row. */
function columnCountOf(grid: Grid): number {
  let count = 0;
  for (const row of grid) count = Math.max(count, row.length);
  return count;
}

/**
 * A client list's mapping: a column named as a purchase amount (`Revenue`, `Выручка`, `Сумма`)
 * is its total revenue when no column is named as a total, since a row is a client, not a purchase.
 */
function clientListMapping(mapping: ColumnMapping): ColumnMapping {
  if (mapping.totalRevenue !== undefined || mapping.amount === undefined) return mapping;
  const { amount, ...rest } = mapping;
  return { ...rest, totalRevenue: amount };
}

/** Roles a transaction list reads and a client list does not, and the other way round. */
const TRANSACTION_ONLY_ROLES: ReadonlySet<ColumnRole> = new Set(['date', 'amount', 'orderId']);
const CLIENT_LIST_ONLY_ROLES: ReadonlySet<ColumnRole> = new Set([
  'lastPurchaseDate',
  'firstPurchaseDate',
  'purchaseCount',
  'totalRevenue',
]);

/**
 * The first notes of a read: the shape and why, the header row, and the columns read for each
 * role in sheet order (`A (Дата) → Purchase date`), so that a user sees which of two amount-like
 * columns was taken.
 */
export function layoutNotes(layout: SheetLayout, reader: SheetReader): string[] {
  const message = messages(layout.locale);
  const unused = layout.shape === 'transactions' ? CLIENT_LIST_ONLY_ROLES : TRANSACTION_ONLY_ROLES;
  const used = (Object.entries(layout.mapping) as [ColumnRole, number | undefined][])
    .filter(
      (entry): entry is [ColumnRole, number] => entry[1] !== undefined && !unused.has(entry[0]),
    )
    .sort((x, y) => x[1] - y[1])
    .map(
      ([role, column]) => `${reader.columnLabel(column)} → ${columnRoleLabel(role, layout.locale)}`,
    );
  return [
    message(layout.shape === 'transactions' ? 'shapeTransactions' : 'shapeClients', {
      why: layout.why,
    }),
    layout.headerIndex >= 0
      ? message('headerRow', { row: layout.headerRow })
      : message('noHeaderRow'),
    message('columnsUsed', { columns: used.join(message('listSeparator')) }),
  ];
}

/**
 * Makes the per-column decisions before the rows are read: the order of slash dates in each date
 * column (its choice and note added to `notes`) and the decimal separator of each money column.
 * Returns the date-order choices.
 */
export function prepareColumns(
  reader: SheetReader,
  layout: SheetLayout,
  options: ReadSheetOptions,
  notes: string[],
  columnTexts: (column: number) => ColumnTexts,
  firstTexts: (column: number) => FirstTexts,
): DateOrderChoice[] {
  const { mapping, shape } = layout;
  const dateRoles: readonly ColumnRole[] =
    shape === 'transactions' ? ['date'] : ['lastPurchaseDate', 'firstPurchaseDate'];
  const dateOrders: DateOrderChoice[] = [];
  for (const role of dateRoles) {
    const column = mapping[role];
    if (column === undefined) continue;
    const prepared = reader.prepareDateColumn(column, options.dateOrder, columnTexts(column));
    if (prepared.choice) dateOrders.push(prepared.choice);
    if (prepared.note !== undefined) notes.push(prepared.note);
  }
  const moneyRoles: readonly ColumnRole[] =
    shape === 'transactions' ? ['amount', 'profit'] : ['totalRevenue', 'profit'];
  for (const role of moneyRoles) {
    const column = mapping[role];
    if (column !== undefined) reader.prepareMoneyColumn(column, firstTexts(column));
  }
  return dateOrders;
}

/** `notes` completed with what the row loop found: separators, counts, blank and zero rows. */
export function finalNotes(
  reader: SheetReader,
  layout: SheetLayout,
  notes: string[],
  counts: RowCounts,
  recordCount: number,
): string[] {
  const message = messages(layout.locale);
  const ambiguous = reader.ambiguousMoney;
  if (ambiguous) {
    const params = {
      column: reader.columnLabel(ambiguous.column),
      example: ambiguous.text,
      value: ambiguous.value,
    };
    notes.push(
      ambiguous.fromValues
        ? message('decimalSeparator', {
            ...params,
            separator: reader.moneyColumns.get(ambiguous.column)?.hint ?? '.',
          })
        : message('decimalSeparatorLocale', params),
    );
  }
  notes.push(message('rowsRead', { read: recordCount, total: counts.dataRowCount }));
  if (counts.blankRows > 0) notes.push(message('blankRowsSkipped', { count: counts.blankRows }));
  if (counts.zeroAmounts > 0) notes.push(message('zeroAmounts', { count: counts.zeroAmounts }));
  if (counts.rejectedRows.length > 0) {
    notes.push(message('rowsRejected', { count: counts.rejectedRows.length }));
  }
  return notes;
}
