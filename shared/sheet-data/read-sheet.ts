import { columnLetters } from './a1-address';
import { formatIsoDay, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { translate, type Locale, type MessageParams } from '../i18n';
import { detectHeaderRow, headerText, isBlankCell } from './detect-header-row';
import { hasClientListColumns, hasTransactionColumns, mapColumns } from './map-columns';
import { SHEET_DATA_MESSAGES, type SheetDataMessageId } from './messages';
import { displayClientId } from './normalise-client-id';
import { plainIsoDay, readDateText, slashDateParts } from './parse-date-text';
import {
  decimalSeparatorEvidence,
  parseMoney,
  plainDecimalAmount,
  type DecimalSeparator,
  type ParseMoneyOptions,
} from './parse-money';
import { serialToDay } from './serial-to-day';
import type {
  Cell,
  ClientRecord,
  ColumnMapping,
  ColumnRole,
  DateOrderChoice,
  DateSystem,
  Grid,
  InputShape,
  ReadSheetOptions,
  RejectedRow,
  SheetReadResult,
  SlashDateOrder,
  Transaction,
} from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Values inspected to settle a money column's decimal separator. */
const DECIMAL_EVIDENCE_LIMIT = 1000;
/** Distinct date texts remembered per column; date-times are mostly distinct, so it is capped. */
const DATE_CACHE_LIMIT = 50000;
/**
 * Error values as Excel, LibreOffice and Google Sheets show them in English and Russian, for error
 * cells that reach the reader as text (CSV exports). Upper case.
 */
const SHEET_ERROR_TEXTS = new Set([
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#Н/Д',
  '#ЗНАЧ!',
  '#ССЫЛКА!',
  '#ДЕЛ/0!',
  '#ЧИСЛО!',
  '#ИМЯ?',
  '#ПУСТО!',
  '#ОШИБКА!',
]);

/** Texts in a complaint column that mean "no complaint"; any other non-blank text is one. */
const NO_COMPLAINT = new Set([
  '',
  '0',
  'no',
  'n',
  'false',
  'нет',
  'н',
  'ложь',
  '-',
  '—',
  'none',
  'ok',
]);

/** A problem found in one cell: a message id and its parameters, localized only when reported. */
interface CellProblem {
  readonly id: SheetDataMessageId;
  readonly params: MessageParams;
}

interface ClientIdentity {
  readonly key: string;
  readonly name: string;
}

interface DateColumn {
  readonly column: number;
  readonly order: SlashDateOrder;
  readonly choice: DateOrderChoice | undefined;
  readonly note: string | undefined;
  readonly cache: Map<string, CalendarDay | 'impossible' | 'unreadable'>;
}

interface MoneyColumn {
  readonly column: number;
  readonly hint: DecimalSeparator | undefined;
  readonly options: ParseMoneyOptions;
  /** The character that groups thousands when `hint` is set: `,` for `.` decimals. */
  readonly grouping: string | undefined;
}

/** Shared state of one `readSheet` call. */
class SheetReader {
  readonly clientsByText = new Map<string, ClientIdentity | undefined>();
  readonly clientsByKey = new Map<string, ClientIdentity>();
  readonly dateColumns = new Map<number, DateColumn>();
  readonly moneyColumns = new Map<number, MoneyColumn>();
  ambiguousMoney: { column: number; text: string; value: number } | undefined;

  constructor(
    readonly grid: Grid,
    readonly dataStart: number,
    readonly locale: Locale,
    readonly dateSystem: DateSystem,
    readonly headers: readonly string[],
    readonly firstColumnNumber: number,
  ) {}

  text(id: SheetDataMessageId, params?: MessageParams): string {
    return translate(SHEET_DATA_MESSAGES, id, this.locale, params);
  }

  columnLabel(column: number): string {
    const letter = columnLetters(column + this.firstColumnNumber);
    const header = this.headers[column] ?? '';
    return header === '' ? letter : `${letter} (${header})`;
  }

  problem(id: SheetDataMessageId, column: number, value?: string | number): CellProblem {
    const params: Record<string, string | number> = { column: this.columnLabel(column) };
    if (value !== undefined) params.value = value;
    return { id, params };
  }

  errorProblem(cell: Cell | undefined, column: number): CellProblem | undefined {
    if (cell !== null && typeof cell === 'object' && cell.kind === 'error') {
      return this.problem('errorValue', column, cell.code);
    }
    return undefined;
  }

  /** An error value that arrived as text (a CSV saved from a sheet shows `#N/A` as text). */
  textError(text: string, column: number): CellProblem | undefined {
    const code = text.trim();
    return SHEET_ERROR_TEXTS.has(code.toUpperCase())
      ? this.problem('errorValue', column, code)
      : undefined;
  }

  /** The client of a row, or a problem. Identities are cached per distinct cell text. */
  client(cell: Cell | undefined, column: number): ClientIdentity | CellProblem {
    const error = this.errorProblem(cell, column);
    if (error) return error;
    const raw =
      typeof cell === 'string'
        ? cell
        : typeof cell === 'number' || typeof cell === 'boolean'
          ? String(cell)
          : cell !== null && cell !== undefined && cell.kind === 'date'
            ? formatIsoDay(cell.day)
            : '';
    if (raw.charCodeAt(0) === 35) {
      const textError = this.textError(raw, column);
      if (textError) return textError;
    }
    let identity = this.clientsByText.get(raw);
    if (identity === undefined && !this.clientsByText.has(raw)) {
      const name = displayClientId(raw);
      if (name !== '') {
        const key = name.toLocaleLowerCase('ru');
        identity = this.clientsByKey.get(key);
        if (identity === undefined) {
          identity = { key, name };
          this.clientsByKey.set(key, identity);
        }
      }
      this.clientsByText.set(raw, identity);
    }
    return identity ?? { id: 'blankClient', params: {} };
  }

  prepareDateColumn(column: number, override: SlashDateOrder | undefined): DateColumn {
    let dayFirstVotes = 0;
    let monthFirstVotes = 0;
    let dayExample = '';
    let monthExample = '';
    let openExample = '';
    let sawDotted = false;
    let sawYearFirst = false;
    for (let r = this.dataStart; r < this.grid.length; r++) {
      const cell = this.grid[r]?.[column];
      if (typeof cell !== 'string' || cell === '') continue;
      if (
        cell.charCodeAt(4) === 45 &&
        isDigitCode(cell.charCodeAt(2)) &&
        isDigitCode(cell.charCodeAt(3))
      ) {
        sawYearFirst = true;
        continue;
      }
      if (cell.indexOf('/') < 0 && cell.indexOf('-') < 0) {
        if (cell.indexOf('.') >= 0) sawDotted = true;
        continue;
      }
      const parts = slashDateParts(cell);
      if (!parts) continue;
      if (parts.first > 12 && parts.first <= 31 && parts.second <= 12) {
        dayFirstVotes++;
        if (dayExample === '') dayExample = cell.trim();
      } else if (parts.second > 12 && parts.second <= 31 && parts.first <= 12) {
        monthFirstVotes++;
        if (monthExample === '') monthExample = cell.trim();
      } else if (openExample === '') {
        openExample = cell.trim();
      }
    }
    const sawSlash = dayFirstVotes + monthFirstVotes > 0 || openExample !== '';
    const columnName = this.columnLabel(column);
    const orderName = (order: SlashDateOrder): string =>
      this.text(order === 'day-first' ? 'orderDayFirst' : 'orderMonthFirst');
    const localeOrder: SlashDateOrder = this.locale === 'ru' ? 'day-first' : 'month-first';
    let order: SlashDateOrder;
    let choice: DateOrderChoice | undefined;
    let note: string | undefined;
    if (override !== undefined) {
      order = override;
      choice = { column, order, decidedBy: 'override' };
      if (sawSlash)
        note = this.text('dateOrderOverride', { column: columnName, order: orderName(order) });
    } else if (dayFirstVotes > 0 && monthFirstVotes > 0) {
      order =
        dayFirstVotes > monthFirstVotes
          ? 'day-first'
          : monthFirstVotes > dayFirstVotes
            ? 'month-first'
            : localeOrder;
      choice = { column, order, decidedBy: 'values' };
      note = this.text('dateOrderConflict', {
        column: columnName,
        dayExample,
        monthExample,
        order: orderName(order),
      });
    } else if (dayFirstVotes > 0 || monthFirstVotes > 0) {
      order = dayFirstVotes > 0 ? 'day-first' : 'month-first';
      choice = { column, order, decidedBy: 'values' };
      note = this.text('dateOrderValues', {
        column: columnName,
        order: orderName(order),
        example: dayFirstVotes > 0 ? dayExample : monthExample,
      });
    } else if (sawSlash) {
      order = localeOrder;
      choice = { column, order, decidedBy: 'locale' };
      note = this.text('dateOrderLocale', {
        column: columnName,
        order: orderName(order),
        example: openExample,
        locale: this.locale,
      });
    } else {
      order = localeOrder;
      if (sawDotted) choice = { column, order: 'day-first', decidedBy: 'unambiguous' };
      else if (sawYearFirst) choice = { column, order: 'year-first', decidedBy: 'unambiguous' };
    }
    const prepared: DateColumn = { column, order, choice, note, cache: new Map() };
    this.dateColumns.set(column, prepared);
    return prepared;
  }

  /** A day from a date cell, a serial number or text; `undefined` for a blank cell. */
  day(cell: Cell | undefined, column: number): CalendarDay | CellProblem | undefined {
    if (typeof cell === 'string') {
      const iso = plainIsoDay(cell);
      if (typeof iso === 'number') return iso;
      const prepared = this.dateColumns.get(column);
      const cache = prepared?.cache;
      let result = cache?.get(cell);
      if (result === undefined) {
        if (cell.trim() === '') return undefined;
        result = readDateText(cell, prepared?.order ?? 'day-first');
        if (cache && cache.size < DATE_CACHE_LIMIT) cache.set(cell, result);
      }
      if (typeof result === 'number') return result;
      if (result === 'unreadable') {
        return this.textError(cell, column) ?? this.problem('unreadableDate', column, cell.trim());
      }
      const other: SlashDateOrder = prepared?.order === 'month-first' ? 'day-first' : 'month-first';
      if (slashDateParts(cell) && typeof readDateText(cell, other) === 'number') {
        const problem = this.problem('dateOrderConflictRow', column, cell.trim());
        const names = { 'day-first': 'orderDayFirst', 'month-first': 'orderMonthFirst' } as const;
        return {
          id: problem.id,
          params: {
            ...problem.params,
            other: this.text(names[other]),
            order: this.text(names[prepared?.order ?? 'day-first']),
          },
        };
      }
      return this.problem('impossibleDate', column, cell.trim());
    }
    if (typeof cell === 'number') {
      return serialToDay(cell, this.dateSystem) ?? this.problem('badSerial', column, cell);
    }
    if (cell === null || cell === undefined) return undefined;
    if (typeof cell === 'boolean') return this.problem('unreadableDate', column, String(cell));
    if (cell.kind === 'date') return cell.day;
    return this.problem('errorValue', column, cell.code);
  }

  prepareMoneyColumn(column: number): MoneyColumn {
    let dots = 0;
    let commas = 0;
    for (
      let r = this.dataStart;
      r < this.grid.length && dots + commas < DECIMAL_EVIDENCE_LIMIT;
      r++
    ) {
      const cell = this.grid[r]?.[column];
      if (typeof cell !== 'string') continue;
      const evidence = decimalSeparatorEvidence(cell);
      if (evidence === '.') dots++;
      else if (evidence === ',') commas++;
    }
    const hint: DecimalSeparator | undefined =
      dots > commas ? '.' : commas > dots ? ',' : undefined;
    const prepared: MoneyColumn = {
      column,
      hint,
      options: hint === undefined ? {} : { decimalSeparator: hint },
      grouping: hint === undefined ? undefined : hint === '.' ? ',' : '.',
    };
    this.moneyColumns.set(column, prepared);
    return prepared;
  }

  /** A number from a number cell or money text; `undefined` for a blank cell. */
  number(cell: Cell | undefined, column: number): number | CellProblem | undefined {
    if (typeof cell === 'number') {
      return Number.isFinite(cell) ? cell : this.problem('badNumber', column, String(cell));
    }
    if (typeof cell === 'string') {
      const prepared = this.moneyColumns.get(column);
      const value = parseMoney(cell, prepared?.options);
      if (value !== undefined) {
        if (
          this.ambiguousMoney === undefined &&
          prepared?.grouping !== undefined &&
          cell.indexOf(prepared.grouping) >= 0 &&
          isAmbiguousAmount(cell)
        ) {
          this.ambiguousMoney = { column, text: cell.trim(), value };
        }
        return value;
      }
      if (cell.trim() === '') return undefined;
      return this.textError(cell, column) ?? this.problem('badNumber', column, cell.trim());
    }
    if (cell === null || cell === undefined) return undefined;
    if (typeof cell === 'boolean') return this.problem('badNumber', column, String(cell));
    if (cell.kind === 'date') return this.problem('badNumber', column, formatIsoDay(cell.day));
    return this.problem('errorValue', column, cell.code);
  }

  /** Text of an optional text column; `undefined` for a blank cell. */
  textValue(cell: Cell | undefined, column: number): string | CellProblem | undefined {
    if (typeof cell === 'string') {
      const text = cell.trim();
      if (text.charCodeAt(0) === 35) {
        const error = this.textError(text, column);
        if (error) return error;
      }
      return text === '' ? undefined : text;
    }
    if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
    if (cell === null || cell === undefined) return undefined;
    if (cell.kind === 'date') return formatIsoDay(cell.day);
    return this.problem('errorValue', column, cell.code);
  }

  nps(cell: Cell | undefined, column: number): number | CellProblem | undefined {
    const value = this.number(cell, column);
    if (typeof value !== 'number') return value;
    if (Number.isInteger(value) && value >= 0 && value <= 10) return value;
    return this.problem('badNps', column, typeof cell === 'string' ? cell.trim() : value);
  }

  complaint(cell: Cell | undefined, column: number): boolean | CellProblem | undefined {
    if (typeof cell === 'boolean') return cell;
    if (typeof cell === 'number') return cell !== 0;
    if (typeof cell === 'string') {
      const text = cell.trim().toLocaleLowerCase('ru');
      if (text === '') return undefined;
      const error = text.charCodeAt(0) === 35 ? this.textError(cell, column) : undefined;
      if (error) return error;
      return !NO_COMPLAINT.has(text);
    }
    if (cell === null || cell === undefined) return undefined;
    if (cell.kind === 'date') return true;
    return this.problem('errorValue', column, cell.code);
  }

  count(cell: Cell | undefined, column: number): number | CellProblem | undefined {
    const value = this.number(cell, column);
    if (typeof value !== 'number') return value;
    if (Number.isInteger(value) && value >= 0) return value;
    return this.problem('badCount', column, typeof cell === 'string' ? cell.trim() : value);
  }

  reject(row: number, problems: readonly CellProblem[]): RejectedRow {
    const first = problems[0];
    return {
      row,
      code: first?.id ?? 'rejected',
      reason: problems.map((p) => this.text(p.id, p.params)).join(this.text('reasonSeparator')),
    };
  }
}

/** `1,234` or `1.234`: one separator followed by exactly three digits, nothing else. */
function isAmbiguousAmount(text: string): boolean {
  return /^\s*-?\d{1,3}[.,]\d{3}\s*$/.test(text);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isProblem(value: unknown): value is CellProblem {
  return typeof value === 'object' && value !== null && 'id' in value;
}

function rowIsBlank(row: readonly Cell[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

const OPTIONAL_TEXT_ROLES = [
  'orderId',
  'manager',
  'channel',
  'category',
  'email',
  'phone',
] as const;

type OptionalFields = Pick<
  Mutable<Transaction>,
  | 'orderId'
  | 'profit'
  | 'manager'
  | 'channel'
  | 'category'
  | 'email'
  | 'phone'
  | 'nps'
  | 'complaint'
>;

/** Reads one optional column of a row into `target`, or adds a problem. */
type OptionalReader = (
  row: readonly Cell[],
  target: OptionalFields,
  problems: CellProblem[],
) => void;

/** One reader per mapped optional column, built once so the row loop does no role lookups. */
function optionalReaders(
  reader: SheetReader,
  mapping: ColumnMapping,
  withOrderId: boolean,
): OptionalReader[] {
  const readers: OptionalReader[] = [];
  for (const role of OPTIONAL_TEXT_ROLES) {
    const column = mapping[role];
    if (column === undefined || (role === 'orderId' && !withOrderId)) continue;
    readers.push((row, target, problems) => {
      const value = reader.textValue(row[column], column);
      if (value === undefined) return;
      if (isProblem(value)) problems.push(value);
      else target[role] = value;
    });
  }
  const numeric = [
    ['profit', (cell: Cell | undefined, column: number) => reader.number(cell, column)],
    ['nps', (cell: Cell | undefined, column: number) => reader.nps(cell, column)],
  ] as const;
  for (const [role, read] of numeric) {
    const column = mapping[role];
    if (column === undefined) continue;
    readers.push((row, target, problems) => {
      const value = read(row[column], column);
      if (isProblem(value)) problems.push(value);
      else if (value !== undefined) target[role] = value;
    });
  }
  const complaintColumn = mapping.complaint;
  if (complaintColumn !== undefined) {
    readers.push((row, target, problems) => {
      const value = reader.complaint(row[complaintColumn], complaintColumn);
      if (isProblem(value)) problems.push(value);
      else if (value !== undefined) target.complaint = value;
    });
  }
  return readers;
}

function mergeMapping(detected: ColumnMapping, override: ColumnMapping | undefined): ColumnMapping {
  if (!override) return detected;
  const overridden = new Set(Object.values(override));
  const merged: ColumnMapping = {};
  for (const [role, column] of Object.entries(detected) as [ColumnRole, number][]) {
    if (override[role] === undefined && !overridden.has(column)) merged[role] = column;
  }
  for (const [role, column] of Object.entries(override) as [ColumnRole, number | undefined][]) {
    if (column !== undefined) merged[role] = column;
  }
  return merged;
}

/** The first client key that appears twice among the data rows, if any. */
function firstRepeatedClient(grid: Grid, dataStart: number, column: number): string | undefined {
  const seen = new Set<string>();
  for (let r = dataStart; r < grid.length; r++) {
    const cell = grid[r]?.[column];
    if (typeof cell !== 'string' && typeof cell !== 'number') continue;
    const name = displayClientId(String(cell));
    if (name === '') continue;
    const key = name.toLocaleLowerCase('ru');
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return undefined;
}

/** What a row loop counted, besides its records. */
interface RowCounts {
  readonly rejectedRows: RejectedRow[];
  readonly blankRows: number;
  readonly zeroAmounts: number;
  readonly dataRowCount: number;
}

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
  mapping: ColumnMapping,
  optional: readonly OptionalReader[],
  firstRowNumber: number,
): RowCounts & { readonly records: Transaction[] } {
  const grid = reader.grid;
  const rowCount = grid.length;
  const records = presized<Transaction>(rowCount - reader.dataStart);
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

  for (let r = reader.dataStart; r < rowCount; r++) {
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
      records[recordCount++] = transaction;
      continue;
    }

    if (problems.length > 0) problems.length = 0;
    if (clientProblem !== undefined) problems.push(clientProblem);
    if (day === undefined) problems.push(reader.problem('missingDate', dateColumn));
    else if (isProblem(day)) problems.push(day);
    if (amount === undefined) problems.push(reader.problem('missingAmount', amountColumn));
    else if (isProblem(amount)) problems.push(amount);
    const ok = problems.length === 0 && identity !== undefined;
    const transaction: Mutable<Transaction> = {
      row: rowNumber,
      clientKey: ok ? (identity?.key ?? '') : '',
      clientName: ok ? (identity?.name ?? '') : '',
      day: ok ? (day as CalendarDay) : 0,
      amount: ok ? (amount as number) : 0,
    };
    for (const read of optional) read(row, transaction, problems);
    if (problems.length > 0) {
      rejectedRows.push(reader.reject(rowNumber, problems));
      continue;
    }
    if (transaction.amount === 0) zeroAmounts++;
    records[recordCount++] = transaction;
  }
  records.length = recordCount;
  return { records, rejectedRows, blankRows, zeroAmounts, dataRowCount };
}

/** The rows of a client list (a row per client). */
function readClientRows(
  reader: SheetReader,
  mapping: ColumnMapping,
  optional: readonly OptionalReader[],
  firstRowNumber: number,
): RowCounts & { readonly records: ClientRecord[] } {
  const grid = reader.grid;
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

  for (let r = reader.dataStart; r < grid.length; r++) {
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
    for (const read of optional) read(row, record, problems);
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
 * Definition (issue 2, "Reading real sheets"): find the header row (`detectHeaderRow`), map its
 * columns by name (`mapColumns`, then `options.mapping` on top), decide the shape (a transaction
 * list has client, date and amount columns; a client list has last purchase, purchase count or
 * total revenue columns; with both, repeated client ids mean a transaction list), then read each
 * row below the header. Dates: date cells as they are, numbers as serials (`serialToDay`), text by
 * `parseDateText`, the order of slash dates decided per column (a first part above 12 means day
 * first, a second part above 12 month first, neither: the locale, ru day first and en month first;
 * both: the majority, and rows only valid the other way are rejected). Money by `parseMoney`, the
 * `1,234` ambiguity settled per column. Client ids by `normaliseClientId`, the first spelling kept
 * for display. A row with a blank client, a blank or impossible date, a blank or non-numeric
 * amount, an error cell or an unreadable optional value is rejected with its 1-based sheet row
 * number and the reasons; fully blank rows are skipped and counted in `notes`. An amount of 0 is
 * kept as a purchase with no revenue (a free visit is still a visit); a negative one is a refund.
 * Error values typed as text (`#N/A`, `#Н/Д` in a CSV) count as error cells. A complaint cell marks
 * a complaint unless it is blank, 0, false or says no (`no`, `нет`, `-`); NPS must be 0..10.
 *
 * @param grid cells row by row, as the host gives them
 * @param options locale of notes and reasons (default `en`), date system (default `1900`),
 *   mapping / header row / date order / shape overrides, and the sheet row and column numbers of
 *   the grid's first cell (default 1)
 * @returns the records, rejected rows, notes and what was decided (see `SheetReadResult`)
 * @throws AnalyticsError `empty_input` when the grid or the rows below the header are blank;
 *   `missing_column` when no client, date and amount (or client-list) columns are found;
 *   `invalid_argument` for a header row outside the grid
 * @example readSheet([['Client', 'Date', 'Amount'], ['Ann', '12.03.2024', '1 234,56']]).transactions
 *   gives [{ row: 2, clientKey: 'ann', clientName: 'Ann', day: 19794, amount: 1234.56 }]
 */
export function readSheet(grid: Grid, options: ReadSheetOptions = {}): SheetReadResult {
  const locale = options.locale ?? 'en';
  const firstRowNumber = options.firstRowNumber ?? 1;
  const message = (id: SheetDataMessageId, params?: MessageParams): string =>
    translate(SHEET_DATA_MESSAGES, id, locale, params);

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
  const mapping = mergeMapping(headerIndex >= 0 ? mapColumns(headers) : {}, options.mapping);
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
    shape = repeated !== undefined ? 'transactions' : 'clients';
    why =
      repeated !== undefined
        ? message('whyRepeats', { example: repeated })
        : message('whyNoRepeats');
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
      message('missingColumns', { missing: missing.join(message('listSeparator')) }),
      { missing },
    );
  }
  if (shape === 'clients' && !clientColumns) {
    throw new AnalyticsError('missing_column', message('missingClientListColumns'));
  }

  const reader = new SheetReader(
    grid,
    dataStart,
    locale,
    options.dateSystem ?? '1900',
    headers,
    options.firstColumnNumber ?? 1,
  );
  const notes: string[] = [
    message(shape === 'transactions' ? 'shapeTransactions' : 'shapeClients', { why }),
    headerIndex >= 0 ? message('headerRow', { row: headerRow }) : message('noHeaderRow'),
  ];
  const dateRoles: readonly ColumnRole[] =
    shape === 'transactions' ? ['date'] : ['lastPurchaseDate', 'firstPurchaseDate'];
  const dateOrders: DateOrderChoice[] = [];
  for (const role of dateRoles) {
    const column = mapping[role];
    if (column === undefined) continue;
    const prepared = reader.prepareDateColumn(column, options.dateOrder);
    if (prepared.choice) dateOrders.push(prepared.choice);
    if (prepared.note !== undefined) notes.push(prepared.note);
  }
  const moneyRoles: readonly ColumnRole[] =
    shape === 'transactions' ? ['amount', 'profit'] : ['totalRevenue', 'profit'];
  for (const role of moneyRoles) {
    const column = mapping[role];
    if (column !== undefined) reader.prepareMoneyColumn(column);
  }

  const optional = optionalReaders(reader, mapping, shape === 'transactions');
  let counts: RowCounts;
  let transactions: Transaction[] = [];
  let clients: ClientRecord[] = [];
  if (shape === 'transactions') {
    const read = readTransactionRows(reader, mapping, optional, firstRowNumber);
    transactions = read.records;
    counts = read;
  } else {
    const read = readClientRows(reader, mapping, optional, firstRowNumber);
    clients = read.records;
    counts = read;
  }
  const { rejectedRows, blankRows, zeroAmounts, dataRowCount } = counts;

  const ambiguous = reader.ambiguousMoney;
  if (ambiguous) {
    notes.push(
      message('decimalSeparator', {
        column: reader.columnLabel(ambiguous.column),
        separator: reader.moneyColumns.get(ambiguous.column)?.hint ?? '.',
        example: ambiguous.text,
        value: ambiguous.value,
      }),
    );
  }
  notes.push(
    message('rowsRead', { read: transactions.length + clients.length, total: dataRowCount }),
  );
  if (blankRows > 0) notes.push(message('blankRowsSkipped', { count: blankRows }));
  if (zeroAmounts > 0) notes.push(message('zeroAmounts', { count: zeroAmounts }));
  if (rejectedRows.length > 0) notes.push(message('rowsRejected', { count: rejectedRows.length }));

  return {
    shape,
    headerRow,
    mapping,
    headers,
    dateOrders,
    transactions,
    clients,
    rejectedRows,
    notes,
    dataRowCount,
  };
}
