import { columnLetters } from './a1-address';
import { formatIsoDay, type CalendarDay } from '../calendar';
import { translate, type Locale, type MessageParams } from '../i18n';
import { isBlankCell } from './detect-header-row';
import { localeDecimalSeparator, localeSlashDateOrder } from './locale-conventions';
import { SHEET_DATA_MESSAGES, type SheetDataMessageId } from './messages';
import { clientKeyOf, displayClientId } from './normalise-client-id';
import { plainIsoDay, readDateText, slashDateParts } from './parse-date-text';
import {
  decimalSeparatorEvidence,
  parseMoney,
  type DecimalSeparator,
  type ParseMoneyOptions,
} from './parse-money';
import { serialToDay } from './serial-to-day';
import type {
  Cell,
  ColumnMapping,
  ColumnRole,
  DateOrderChoice,
  DateSystem,
  Grid,
  RejectedRow,
  SlashDateOrder,
} from './types';
import type { TransactionDetails } from './transaction-table';

/**
 * Calls `visit` with the text cells of a column: each distinct text with the number of rows that
 * hold it, in order of first appearance, or every cell with count 1. Both give the same decision.
 */
export type ColumnTexts = (visit: (text: string, count: number) => void) => void;

/** Calls `visit` with the text cells of a column in row order until it returns false. */
export type FirstTexts = (visit: (text: string) => boolean) => void;

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
export interface CellProblem {
  readonly id: SheetDataMessageId;
  readonly params: MessageParams;
}

export interface ClientIdentity {
  readonly key: string;
  readonly name: string;
  /** 0 for the first client the reader met, 1 for the next, ... */
  readonly ordinal: number;
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
  /** True when the column's own values settled `hint`; false when the locale did, or nothing. */
  readonly fromValues: boolean;
  readonly options: ParseMoneyOptions;
  /** The character that groups thousands when `hint` is set: `,` for `.` decimals. */
  readonly grouping: string | undefined;
}

/**
 * The per-cell rules of the sheet reader and the decisions it makes per column, shared by
 * `readSheet` (a grid of cells) and `readDelimitedTransactions` (delimited bytes). One instance per
 * read. Internal to shared/sheet-data.
 */
export class SheetReader {
  readonly clientsByText = new Map<string, ClientIdentity | undefined>();
  readonly clientsByKey = new Map<string, ClientIdentity>();
  readonly dateColumns = new Map<number, DateColumn>();
  readonly moneyColumns = new Map<number, MoneyColumn>();
  /** The first amount read by a column's decision on `1,234`-style text, for the note. */
  ambiguousMoney: { column: number; text: string; value: number; fromValues: boolean } | undefined;

  constructor(
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
      identity = this.identity(raw);
      this.clientsByText.set(raw, identity);
    }
    return identity ?? { id: 'blankClient', params: {} };
  }

  /**
   * The client of a text cell, or a problem: `client` without its cache by cell text, for a
   * caller that passes each distinct text once.
   */
  clientOfText(raw: string, column: number): ClientIdentity | CellProblem {
    if (raw.charCodeAt(0) === 35) {
      const textError = this.textError(raw, column);
      if (textError) return textError;
    }
    return this.identity(raw) ?? { id: 'blankClient', params: {} };
  }

  /** The client an id text names (the first spelling seen is kept), `undefined` when blank. */
  private identity(raw: string): ClientIdentity | undefined {
    const name = displayClientId(raw);
    if (name === '') return undefined;
    const key = clientKeyOf(name);
    let identity = this.clientsByKey.get(key);
    if (identity === undefined) {
      identity = { key, name, ordinal: this.clientsByKey.size };
      this.clientsByKey.set(key, identity);
    }
    return identity;
  }

  /**
   * Decides how a date column's slash dates are read, from the column's text cells: `columnTexts`
   * calls back with each distinct text and how many rows hold it, in order of first appearance
   * (or with every cell and count 1).
   */
  prepareDateColumn(
    column: number,
    override: SlashDateOrder | undefined,
    columnTexts: ColumnTexts,
  ): DateColumn {
    let dayFirstVotes = 0;
    let monthFirstVotes = 0;
    let dayExample = '';
    let monthExample = '';
    let openExample = '';
    let sawDotted = false;
    let sawYearFirst = false;
    columnTexts((cell, count) => {
      if (cell === '') return;
      if (
        cell.charCodeAt(4) === 45 &&
        isDigitCode(cell.charCodeAt(2)) &&
        isDigitCode(cell.charCodeAt(3))
      ) {
        sawYearFirst = true;
        return;
      }
      if (cell.indexOf('/') < 0 && cell.indexOf('-') < 0) {
        if (cell.indexOf('.') >= 0) sawDotted = true;
        return;
      }
      const parts = slashDateParts(cell);
      if (!parts) return;
      if (parts.first > 12 && parts.first <= 31 && parts.second <= 12) {
        dayFirstVotes += count;
        if (dayExample === '') dayExample = cell.trim();
      } else if (parts.second > 12 && parts.second <= 31 && parts.first <= 12) {
        monthFirstVotes += count;
        if (monthExample === '') monthExample = cell.trim();
      } else if (openExample === '') {
        openExample = cell.trim();
      }
    });
    const sawSlash = dayFirstVotes + monthFirstVotes > 0 || openExample !== '';
    const columnName = this.columnLabel(column);
    const orderName = (order: SlashDateOrder): string =>
      this.text(order === 'day-first' ? 'orderDayFirst' : 'orderMonthFirst');
    const localeOrder = localeSlashDateOrder(this.locale);
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

  /**
   * Settles a money column's decimal separator from its first text cells in row order:
   * `firstTexts` calls back with each text cell until the callback returns false. When they show
   * neither (`$1,200`, `12,000`), the locale's convention settles it: English writes `,` for
   * thousands, so `.` is the decimal point; Russian writes `,` for decimals, which is what
   * `parseMoney` does without a hint.
   */
  prepareMoneyColumn(column: number, firstTexts: FirstTexts): MoneyColumn {
    let dots = 0;
    let commas = 0;
    firstTexts((cell) => {
      const evidence = decimalSeparatorEvidence(cell);
      if (evidence === '.') dots++;
      else if (evidence === ',') commas++;
      return dots + commas < DECIMAL_EVIDENCE_LIMIT;
    });
    const fromValues = dots !== commas;
    const hint: DecimalSeparator | undefined =
      dots > commas ? '.' : commas > dots ? ',' : localeDecimalSeparator(this.locale);
    const prepared: MoneyColumn = {
      column,
      hint,
      fromValues,
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
        // A value whose one separator could group thousands or mark decimals, read by the
        // column's decision (without one, `,` is the decimal point).
        if (
          this.ambiguousMoney === undefined &&
          prepared !== undefined &&
          cell.indexOf(prepared.grouping ?? ',') >= 0 &&
          decimalSeparatorEvidence(cell) === undefined
        ) {
          const fromValues = prepared.fromValues;
          this.ambiguousMoney = { column, text: cell.trim(), value, fromValues };
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

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isProblem(value: unknown): value is CellProblem {
  return typeof value === 'object' && value !== null && 'id' in value;
}

export function rowIsBlank(row: readonly Cell[] | undefined): boolean {
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

/** The optional fields a row can fill, besides client, date and amount. */
export type OptionalFields = Mutable<TransactionDetails>;

type OptionalRole = keyof OptionalFields;
type OptionalValue = string | number | boolean;

/** Reads one mapped optional column: the value of a cell, a problem, or `undefined` (blank). */
export interface OptionalReader {
  readonly role: OptionalRole;
  /** 0-based column in the grid. */
  readonly column: number;
  /** True for a money column, read through the column's decimal-separator decision. */
  readonly money: boolean;
  readonly value: (cell: Cell | undefined) => OptionalValue | CellProblem | undefined;
}

/** Puts what an optional reader gave into `target`, or its problem into `problems`. */
export function applyOptional(
  reader: OptionalReader,
  value: OptionalValue | CellProblem | undefined,
  target: OptionalFields,
  problems: CellProblem[],
): void {
  if (value === undefined) return;
  if (isProblem(value)) problems.push(value);
  else (target as Record<OptionalRole, OptionalValue>)[reader.role] = value;
}

/** One reader per mapped optional column, built once so the row loop does no role lookups. */
export function optionalReaders(
  reader: SheetReader,
  mapping: ColumnMapping,
  withOrderId: boolean,
): OptionalReader[] {
  const readers: OptionalReader[] = [];
  for (const role of OPTIONAL_TEXT_ROLES) {
    const column = mapping[role];
    if (column === undefined || (role === 'orderId' && !withOrderId)) continue;
    readers.push({ role, column, money: false, value: (cell) => reader.textValue(cell, column) });
  }
  const profitColumn = mapping.profit;
  if (profitColumn !== undefined) {
    readers.push({
      role: 'profit',
      column: profitColumn,
      money: true,
      value: (cell) => reader.number(cell, profitColumn),
    });
  }
  const npsColumn = mapping.nps;
  if (npsColumn !== undefined) {
    readers.push({
      role: 'nps',
      column: npsColumn,
      money: false,
      value: (cell) => reader.nps(cell, npsColumn),
    });
  }
  const complaintColumn = mapping.complaint;
  if (complaintColumn !== undefined) {
    readers.push({
      role: 'complaint',
      column: complaintColumn,
      money: false,
      value: (cell) => reader.complaint(cell, complaintColumn),
    });
  }
  return readers;
}

export function mergeMapping(
  detected: ColumnMapping,
  override: ColumnMapping | undefined,
): ColumnMapping {
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
export function firstRepeatedClient(
  grid: Grid,
  dataStart: number,
  column: number,
): string | undefined {
  const seen = new Set<string>();
  for (let r = dataStart; r < grid.length; r++) {
    const cell = grid[r]?.[column];
    if (typeof cell !== 'string' && typeof cell !== 'number') continue;
    const name = displayClientId(String(cell));
    if (name === '') continue;
    const key = clientKeyOf(name);
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return undefined;
}

/** The column texts of a grid below its header, every cell with count 1 (see `ColumnTexts`). */
export function gridColumnTexts(grid: Grid, dataStart: number, column: number): ColumnTexts {
  return (visit) => {
    for (let r = dataStart; r < grid.length; r++) {
      const cell = grid[r]?.[column];
      if (typeof cell === 'string') visit(cell, 1);
    }
  };
}

/** The text cells of a grid column below its header, in row order (see `FirstTexts`). */
export function gridFirstTexts(grid: Grid, dataStart: number, column: number): FirstTexts {
  return (visit) => {
    for (let r = dataStart; r < grid.length; r++) {
      const cell = grid[r]?.[column];
      if (typeof cell === 'string' && !visit(cell)) return;
    }
  };
}

/**
 * The problems of a transaction row, in the order they are reported: the client's, then the
 * date's (blank or unreadable), then the amount's.
 */
export function transactionRowProblems(
  reader: SheetReader,
  client: ClientIdentity | CellProblem,
  day: CalendarDay | CellProblem | undefined,
  amount: number | CellProblem | undefined,
  mapping: ColumnMapping,
  problems: CellProblem[],
): void {
  if (isProblem(client)) problems.push(client);
  if (day === undefined) problems.push(reader.problem('missingDate', mapping.date ?? 0));
  else if (isProblem(day)) problems.push(day);
  if (amount === undefined) problems.push(reader.problem('missingAmount', mapping.amount ?? 0));
  else if (isProblem(amount)) problems.push(amount);
}
