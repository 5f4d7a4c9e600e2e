import { formatIsoDay, type CalendarDay } from '../calendar';
import { isBlankCell } from './detect-header-row';
import { plainIsoDay } from './parse-date-text';
import { plainDecimalAmount } from './parse-money';
import {
  finalNotes,
  layoutNotes,
  prepareColumns,
  sheetLayout,
  type RowCounts,
  type SheetLayout,
} from './sheet-layout';
import {
  applyOptional,
  gridColumnTexts,
  gridFirstTexts,
  isProblem,
  optionalReaders,
  rowIsBlank,
  SheetReader,
  transactionRowProblems,
  type CellProblem,
  type ClientIdentity,
  type Mutable,
  type OptionalReader,
} from './sheet-reader';
import { rememberTransactionTable, type TransactionTable } from './transaction-table';
import type {
  ClientRecord,
  Grid,
  ReadSheetOptions,
  RejectedRow,
  SheetReadResult,
  Transaction,
} from './types';

/**
 * An array of `size` slots to fill in order and then cut to the filled length: a million pushes
 * would copy the growing array a dozen times.
 */
function presized<T>(size: number): T[] {
  return new Array<T>(Math.max(0, size));
}

/**
 * The rows of a transaction list. Plain cells (a text client id seen before, an ISO date, a
 * `123.45` amount) take the fast paths of the same rules `SheetReader` applies to every cell:
 * the client cache by cell text, `plainIsoDay`, `parseMoney`'s plain-decimal reading.
 */
function readTransactionRows(
  reader: SheetReader,
  layout: SheetLayout,
  optional: readonly OptionalReader[],
): RowCounts & { readonly records: Transaction[] } {
  const { grid, mapping, firstRowNumber, dataStart } = layout;
  const rowCount = grid.length;
  const records = presized<Transaction>(rowCount - dataStart);
  // The same rows as columns, kept for the analyses (`rememberTransactionTable`).
  const columns = new TableColumns(rowCount - dataStart);
  let recordCount = 0;
  const rejectedRows: RejectedRow[] = [];
  let blankRows = 0;
  let zeroAmounts = 0;
  let dataRowCount = 0;
  const clientColumn = mapping.client ?? 0;
  const dateColumn = mapping.date ?? 0;
  const amountColumn = mapping.amount ?? 0;
  const clientsByText = reader.clientsByText;
  const amountOptions = reader.moneyColumns.get(amountColumn)?.options;
  // Plain `123.45` text is read as such unless a `,` decimal hint makes `.` a grouping mark.
  const plainAmounts = amountOptions?.decimalSeparator !== ',';
  const hasOptional = optional.length > 0;
  const problems: CellProblem[] = [];

  for (let r = dataStart; r < rowCount; r++) {
    const row = grid[r] ?? [];
    const clientCell = row[clientColumn];
    if (isBlankCell(clientCell) && rowIsBlank(row)) {
      blankRows++;
      continue;
    }
    dataRowCount++;
    const rowNumber = firstRowNumber + r;

    let identity: ClientIdentity | undefined;
    if (typeof clientCell === 'string' && clientCell.charCodeAt(0) !== 35) {
      identity = clientsByText.get(clientCell);
    }
    let clientProblem: CellProblem | undefined;
    if (identity === undefined) {
      const found = reader.client(clientCell, clientColumn);
      if (isProblem(found)) clientProblem = found;
      else identity = found;
    }

    const dateCell = row[dateColumn];
    let day: CalendarDay | CellProblem | undefined;
    if (typeof dateCell === 'string') {
      const iso = plainIsoDay(dateCell);
      day = typeof iso === 'number' ? iso : reader.day(dateCell, dateColumn);
    } else {
      day = reader.day(dateCell, dateColumn);
    }

    const amountCell = row[amountColumn];
    let amount: number | CellProblem | undefined;
    if (typeof amountCell === 'string' && plainAmounts) {
      amount = plainDecimalAmount(amountCell) ?? reader.number(amountCell, amountColumn);
    } else {
      amount = reader.number(amountCell, amountColumn);
    }

    if (
      identity !== undefined &&
      typeof day === 'number' &&
      typeof amount === 'number' &&
      !hasOptional
    ) {
      // An object literal with one property order: every transaction shares one hidden class.
      const transaction: Transaction = {
        row: rowNumber,
        clientKey: identity.key,
        clientName: identity.name,
        day,
        amount,
      };
      if (amount === 0) zeroAmounts++;
      columns.set(recordCount, identity.ordinal, day, amount, rowNumber);
      records[recordCount++] = transaction;
      continue;
    }

    if (problems.length > 0) problems.length = 0;
    transactionRowProblems(
      reader,
      clientProblem ?? (identity as ClientIdentity),
      day,
      amount,
      mapping,
      problems,
    );
    const ok = problems.length === 0 && identity !== undefined;
    const transaction: Mutable<Transaction> = {
      row: rowNumber,
      clientKey: ok ? (identity?.key ?? '') : '',
      clientName: ok ? (identity?.name ?? '') : '',
      day: ok ? (day as CalendarDay) : 0,
      amount: ok ? (amount as number) : 0,
    };
    for (const read of optional)
      applyOptional(read, read.value(row[read.column]), transaction, problems);
    if (problems.length > 0) {
      rejectedRows.push(reader.reject(rowNumber, problems));
      continue;
    }
    if (transaction.amount === 0) zeroAmounts++;
    const ordinal = (identity as ClientIdentity).ordinal;
    columns.set(recordCount, ordinal, transaction.day, transaction.amount, rowNumber);
    records[recordCount++] = transaction;
  }
  records.length = recordCount;
  rememberTransactionTable(records, columns.table(records, reader));
  return { records, rejectedRows, blankRows, zeroAmounts, dataRowCount };
}

/** The columns of the transactions `readTransactionRows` keeps, filled row by row. */
class TableColumns {
  private readonly client: Int32Array;
  private readonly day: Float64Array;
  private readonly amount: Float64Array;
  private readonly sheetRow: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.client = new Int32Array(Math.max(0, capacity));
    this.day = new Float64Array(Math.max(0, capacity));
    this.amount = new Float64Array(Math.max(0, capacity));
    this.sheetRow = new Int32Array(Math.max(0, capacity));
  }

  set(index: number, client: number, day: number, amount: number, sheetRow: number): void {
    this.client[index] = client;
    this.day[index] = day;
    this.amount[index] = amount;
    this.sheetRow[index] = sheetRow;
    this.length = index + 1;
  }

  /**
   * The table of `transactions`: clients numbered as the reader met them (its identities'
   * ordinals; a client met only in rejected rows is listed and has no rows).
   */
  table(transactions: readonly Transaction[], reader: SheetReader): TransactionTable {
    const keys: string[] = [];
    const names: string[] = [];
    for (const identity of reader.clientsByKey.values()) {
      keys[identity.ordinal] = identity.key;
      names[identity.ordinal] = identity.name;
    }
    const n = this.length;
    return {
      length: n,
      client: this.client.subarray(0, n),
      clientKeys: keys,
      clientNames: names,
      day: this.day.subarray(0, n),
      amount: this.amount.subarray(0, n),
      sheetRow: this.sheetRow.subarray(0, n),
      details: transactions,
    };
  }
}

/** The rows of a client list (a row per client). */
function readClientRows(
  reader: SheetReader,
  layout: SheetLayout,
  optional: readonly OptionalReader[],
): RowCounts & { readonly records: ClientRecord[] } {
  const { grid, mapping, firstRowNumber, dataStart } = layout;
  const records: ClientRecord[] = [];
  const rejectedRows: RejectedRow[] = [];
  let blankRows = 0;
  let dataRowCount = 0;
  const clientColumn = mapping.client ?? 0;
  const clientDates = (
    [
      ['lastPurchaseDate', 'lastPurchaseDay'],
      ['firstPurchaseDate', 'firstPurchaseDay'],
    ] as const
  ).filter(([role]) => mapping[role] !== undefined);
  const problems: CellProblem[] = [];

  for (let r = dataStart; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const clientCell = row[clientColumn];
    if (isBlankCell(clientCell) && rowIsBlank(row)) {
      blankRows++;
      continue;
    }
    dataRowCount++;
    const rowNumber = firstRowNumber + r;
    if (problems.length > 0) problems.length = 0;
    const identity = reader.client(clientCell, clientColumn);
    if (isProblem(identity)) problems.push(identity);
    const record: Mutable<ClientRecord> = {
      row: rowNumber,
      clientKey: isProblem(identity) ? '' : identity.key,
      clientName: isProblem(identity) ? '' : identity.name,
    };
    for (const [role, field] of clientDates) {
      const column = mapping[role] ?? 0;
      const day = reader.day(row[column], column);
      if (isProblem(day)) problems.push(day);
      else if (day !== undefined) record[field] = day;
    }
    const { firstPurchaseDay: first, lastPurchaseDay: last } = record;
    if (first !== undefined && last !== undefined && first > last) {
      const column = reader.columnLabel(mapping.firstPurchaseDate ?? 0);
      problems.push({
        id: 'firstPurchaseAfterLast',
        params: { column, first: formatIsoDay(first), last: formatIsoDay(last) },
      });
    }
    if (mapping.purchaseCount !== undefined) {
      const count = reader.count(row[mapping.purchaseCount], mapping.purchaseCount);
      if (isProblem(count)) problems.push(count);
      else if (count !== undefined) record.purchaseCount = count;
    }
    if (mapping.totalRevenue !== undefined) {
      const total = reader.number(row[mapping.totalRevenue], mapping.totalRevenue);
      if (isProblem(total)) problems.push(total);
      else if (total !== undefined) record.totalRevenue = total;
    }
    for (const read of optional)
      applyOptional(read, read.value(row[read.column]), record, problems);
    if (problems.length > 0) {
      rejectedRows.push(reader.reject(rowNumber, problems));
      continue;
    }
    records.push(record);
  }
  return { records, rejectedRows, blankRows, zeroAmounts: 0, dataRowCount };
}

/**
 * Reads a grid of cells into transactions or client records, reporting every row it leaves out.
 *
 * Definition (user guide §1, Your data): find the header row (`detectHeaderRow`), map its
 * columns by name (`mapColumns`, then `options.mapping` and the user's `options.columns`, found
 * by `resolveColumnChoices`, on top), decide the shape (a transaction
 * list has client, date and amount columns; a client list has last purchase, purchase count or
 * total revenue columns; with both, repeated client ids mean a transaction list, and so does the
 * lack of a last purchase column; a client list's amount-named column is its total revenue), then
 * read each row below the header. Dates: date cells as they are, numbers as serials (`serialToDay`), text by
 * `parseDateText`, the order of slash dates decided per column (a first part above 12 means day
 * first, a second part above 12 month first, neither: the locale, ru day first and en month first;
 * both: the majority, and rows only valid the other way are rejected). Money by `parseMoney`, the
 * `1,234` ambiguity settled per column by its other amounts, else by the locale (en: thousands,
 * ru: decimals), with a note. Client ids by `normaliseClientId`, the first spelling kept
 * for display. A row with a blank client, a blank or impossible date, a blank or non-numeric
 * amount, an error cell, an unreadable optional value or (in a client list) a first purchase after
 * the last purchase is rejected with its 1-based sheet row number and the reasons; fully blank rows are skipped and counted in `notes`. An amount of 0 is
 * kept as a purchase with no revenue (a free visit is still a visit); a negative one is a refund.
 * Error values typed as text (`#N/A`, `#Н/Д` in a CSV) count as error cells. A complaint cell marks
 * a complaint unless it is blank, 0, false or says no (`no`, `нет`, `-`); NPS must be 0..10.
 *
 * @param grid cells row by row, as the host gives them
 * @param options locale of notes and reasons (default `en`), date system (default `1900`),
 *   mapping / column choices / header row / date order / shape overrides, and the sheet row and column numbers of
 *   the grid's first cell (default 1)
 * @returns the records, rejected rows, notes and what was decided (see `SheetReadResult`)
 * @throws AnalyticsError `empty_input` when the grid or the rows below the header are blank;
 *   `missing_column` when no client, date and amount (or client-list) columns are found;
 *   `invalid_argument` for a header row outside the grid or a column choice not found
 * @example readSheet([['Client', 'Date', 'Amount'], ['Ann', '12.03.2024', '1 234,56']]).transactions
 *   gives [{ row: 2, clientKey: 'ann', clientName: 'Ann', day: 19794, amount: 1234.56 }]
 */
export function readSheet(grid: Grid, options: ReadSheetOptions = {}): SheetReadResult {
  const layout = sheetLayout(grid, options);
  const { mapping, shape, dataStart } = layout;
  const reader = new SheetReader(
    layout.locale,
    options.dateSystem ?? '1900',
    layout.headers,
    options.firstColumnNumber ?? 1,
  );
  const notes = layoutNotes(layout, reader);
  const dateOrders = prepareColumns(
    reader,
    layout,
    options,
    notes,
    (column) => gridColumnTexts(grid, dataStart, column),
    (column) => gridFirstTexts(grid, dataStart, column),
  );
  const optional = optionalReaders(reader, mapping, shape === 'transactions');
  let counts: RowCounts;
  let transactions: Transaction[] = [];
  let clients: ClientRecord[] = [];
  if (shape === 'transactions') {
    const read = readTransactionRows(reader, layout, optional);
    transactions = read.records;
    counts = read;
  } else {
    const read = readClientRows(reader, layout, optional);
    clients = read.records;
    counts = read;
  }
  return {
    shape,
    headerRow: layout.headerRow,
    mapping,
    headers: layout.headers,
    dateOrders,
    transactions,
    clients,
    rejectedRows: counts.rejectedRows,
    notes: finalNotes(reader, layout, notes, counts, transactions.length + clients.length),
    dataRowCount: counts.dataRowCount,
  };
}
