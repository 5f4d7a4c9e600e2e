import type { CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { isBlankCell } from './detect-header-row';
import { hasClientListColumns } from './map-columns';
import { detectDelimiter, parseDelimitedText, type Delimiter } from './parse-delimited-text';
import { plainDecimalAmount, readPlainDecimalBytes } from './parse-money';
import { readSheet } from './read-sheet';
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
  isProblem,
  optionalReaders,
  rowIsBlank,
  SheetReader,
  transactionRowProblems,
  type CellProblem,
  type ClientIdentity,
  type ColumnTexts,
  type FirstTexts,
  type OptionalFields,
  type OptionalReader,
} from './sheet-reader';
import type { TransactionDetails, TransactionTable } from './transaction-table';
import type { ColumnRole, ReadSheetOptions, RejectedRow, SheetReadResult } from './types';

export interface ReadDelimitedOptions extends ReadSheetOptions {
  /**
   * The text of a run of the file's bytes, a byte order mark included as U+FEFF. The encoding
   * must keep ASCII as ASCII (UTF-8, Windows-1251): delimiters, quotes, line breaks, digits and
   * `-` `.` are found as bytes.
   */
  readonly decode: (bytes: Uint8Array) => string;
  /** Force a delimiter instead of detecting it (`detectDelimiter`). */
  readonly delimiter?: Delimiter;
}

/** What `readDelimitedTransactions` found: `readSheet`'s result with the rows as a table. */
export interface DelimitedTransactionsResult extends Omit<SheetReadResult, 'transactions'> {
  /** The transactions (empty for a client list, whose rows are in `clients`). */
  readonly table: TransactionTable;
  readonly delimiter: Delimiter;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Records decoded as text up front, for the header search (`detectHeaderRow` looks at 50). */
const HEADER_RECORDS = 64;
/** Lines `detectDelimiter` samples; the text up to them decides the delimiter. */
const DELIMITER_LINES = 30;
/** Bytes that hold at least the 2^20 characters `detectDelimiter` may read (4 per character). */
const DELIMITER_BYTES = 4 * (1 << 20) + 3;

const KIND_SKIP = 0;
const KIND_INTERN = 1;
const KIND_MONEY = 2;
/** The amount column: a money column whose plain cells are read while scanning. */
const KIND_AMOUNT = 3;

/**
 * Reads a transaction list from the bytes of a delimited text file (CSV, semicolon CSV, TSV)
 * straight into a `TransactionTable`, with the result `readSheet` gives for the same text:
 * the same rows kept and rejected with the same reasons, the same notes and decisions.
 *
 * Definition: the text is read as `parseDelimitedText` splits it and each cell as `readSheet`
 * reads it; what differs is only the work. Instead of a grid of strings and an object per row,
 * the bytes are scanned once: client ids, dates and other text columns are collected per distinct
 * value (a hash of the bytes, no string made for a repeat), and the sheet reader's rules run once
 * per distinct value; plain amounts (`123.45`) are read from the bytes while scanning
 * (`plainDecimalBytes`), every other amount (and profit) from its text by `parseMoney`. The
 * table's columns take over the scan's arrays: a million rows take about 30 MB besides the file's
 * bytes. The per-column decisions (day/month order of slash dates from the counts of each distinct
 * date text; the decimal separator from the first money cells) are taken from the same evidence
 * as `readSheet` takes them. A record with a quoted field is decoded and split by
 * `parseDelimitedText` itself. A file that is not a transaction list, or whose header is not
 * within its first 64 records, is read by `readSheet` on the whole text, and its transactions put
 * in a table.
 *
 * @param bytes the file's bytes (a leading UTF-8 byte order mark is skipped)
 * @param options `decode` for the file's encoding, the delimiter if known, and `readSheet`'s
 *   options (locale, date system, mapping, header row, date order, shape, first row/column)
 * @returns the table of transactions (or the client records), rejected rows, notes, decisions
 * @throws AnalyticsError as `readSheet` does on the decoded text
 * @example readDelimitedTransactions(utf8('Client,Date,Amount\nAnn,2024-03-12,5\n'), { decode })
 *   gives a table with one row: client 'ann' ('Ann'), day 19794, amount 5, sheet row 2
 */
export function readDelimitedTransactions(
  bytes: Uint8Array,
  options: ReadDelimitedOptions,
): DelimitedTransactionsResult {
  const decode = options.decode;
  const bodyStart = hasByteOrderMark(bytes, decode) ? 3 : 0;
  const delimiter = options.delimiter ?? detectDelimiter(decode(delimiterSample(bytes, bodyStart)));
  const d = delimiter.charCodeAt(0);
  // The grid of the first records, for the header search and the column roles.
  const recordStarts: number[] = [];
  let prefixEnd = bodyStart;
  while (prefixEnd < bytes.length && recordStarts.length < HEADER_RECORDS) {
    recordStarts.push(prefixEnd);
    prefixEnd = recordEnd(bytes, prefixEnd, d).next;
  }
  const complete = prefixEnd >= bytes.length;
  const prefixGrid = parseDelimitedText(
    decode(bytes.subarray(bodyStart, prefixEnd)),
    delimiter,
  ).grid;
  let layout: SheetLayout | undefined;
  try {
    layout = sheetLayout(prefixGrid, options);
  } catch (error) {
    // Decided on the whole text below (a header or data further down, or the error itself).
    if (!(error instanceof AnalyticsError) || complete) throw error;
  }
  if (
    layout === undefined ||
    layout.shape !== 'transactions' ||
    (hasClientListColumns(layout.mapping) && options.shape !== 'transactions') ||
    bytes.length >= 2 ** 31 ||
    columnKinds(layout) === undefined
  ) {
    return readWholeText(bytes, bodyStart, delimiter, options);
  }
  const dataStart = layout.dataStart;
  const firstDataByte =
    dataStart < recordStarts.length ? (recordStarts[dataStart] as number) : prefixEnd;
  // Bytes per data record in the first records, to size the per-record arrays.
  const prefixRecords = recordStarts.length - dataStart;
  const recordBytes = prefixRecords > 0 ? (prefixEnd - firstDataByte) / prefixRecords : 64;
  return readTransactionBytes(bytes, firstDataByte, recordBytes, d, layout, options, delimiter);
}

function hasByteOrderMark(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): boolean {
  return (
    bytes[0] === 0xef &&
    bytes[1] === 0xbb &&
    bytes[2] === 0xbf &&
    decode(bytes.subarray(0, 3)) === '\ufeff'
  );
}

/**
 * The bytes whose text `detectDelimiter` reads: up to its 30th line break when no quote comes
 * before it (its quote counting cannot then differ), else enough for its first 2^20 characters.
 */
function delimiterSample(bytes: Uint8Array, start: number): Uint8Array {
  let lines = 0;
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c === QUOTE) return bytes.subarray(start, Math.min(bytes.length, start + DELIMITER_BYTES));
    if (c === LF && ++lines === DELIMITER_LINES) return bytes.subarray(start, i + 1);
  }
  return bytes.subarray(start);
}

/**
 * The end of the record starting at `start`, split as `parseDelimitedText` splits text: `end` is
 * where its line break starts (or the end of the bytes), `next` where the next record starts.
 * A field starting with a quote runs to its closing quote (`""` stands for one quote) and may
 * hold delimiters and line breaks; `quoted` tells whether the record has such a field.
 */
function recordEnd(
  bytes: Uint8Array,
  start: number,
  d: number,
): { end: number; next: number; quoted: boolean } {
  const n = bytes.length;
  let i = start;
  let quoted = false;
  while (i < n) {
    if (bytes[i] === QUOTE) {
      quoted = true;
      i++;
      for (;;) {
        const q = bytes.indexOf(QUOTE, i);
        if (q < 0) {
          i = n;
          break;
        }
        if (bytes[q + 1] === QUOTE) {
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
    while (i < n) {
      const c = bytes[i] as number;
      if (c === d || c === LF || c === CR) break;
      i++;
    }
    if (i >= n) return { end: n, next: n, quoted };
    const c = bytes[i] as number;
    if (c === d) {
      i++;
      continue;
    }
    return { end: i, next: c === CR && bytes[i + 1] === LF ? i + 2 : i + 1, quoted };
  }
  return { end: n, next: n, quoted };
}

/** The columns a transaction list's rows are read from, and how each is kept while scanning. */
const ROLE_KINDS: Partial<Record<ColumnRole, number>> = {
  client: KIND_INTERN,
  date: KIND_INTERN,
  amount: KIND_AMOUNT,
  orderId: KIND_INTERN,
  profit: KIND_MONEY,
  manager: KIND_INTERN,
  channel: KIND_INTERN,
  category: KIND_INTERN,
  email: KIND_INTERN,
  phone: KIND_INTERN,
  nps: KIND_INTERN,
  complaint: KIND_INTERN,
};

/**
 * Per column: skip, collect distinct values (text, dates, ids), read amounts, or re-read each
 * cell (other money). `undefined` when a column serves two roles read in different ways (a text
 * and a money role on one column): such a mapping is read from the whole text instead.
 */
function columnKinds(layout: SheetLayout): Uint8Array | undefined {
  const entries = Object.entries(layout.mapping) as [ColumnRole, number | undefined][];
  let width = 0;
  for (const [, column] of entries) if (column !== undefined) width = Math.max(width, column + 1);
  const kinds = new Uint8Array(width);
  for (const [role, column] of entries) {
    const kind = ROLE_KINDS[role];
    if (column === undefined || kind === undefined) continue;
    const current = kinds[column] as number;
    if (current !== KIND_SKIP && current !== kind) return undefined;
    kinds[column] = kind;
  }
  return kinds;
}

function readWholeText(
  bytes: Uint8Array,
  bodyStart: number,
  delimiter: Delimiter,
  options: ReadDelimitedOptions,
): DelimitedTransactionsResult {
  const grid = parseDelimitedText(options.decode(bytes.subarray(bodyStart)), delimiter).grid;
  const { transactions, ...read } = readSheet(grid, options);
  const keys: string[] = [];
  const names: string[] = [];
  const indexByKey = new Map<string, number>();
  const n = transactions.length;
  const table = {
    length: n,
    client: new Int32Array(n),
    clientKeys: keys,
    clientNames: names,
    day: new Float64Array(n),
    amount: new Float64Array(n),
    sheetRow: new Int32Array(n),
    details: transactions,
  };
  transactions.forEach((t, j) => {
    let client = indexByKey.get(t.clientKey);
    if (client === undefined) {
      client = keys.length;
      indexByKey.set(t.clientKey, client);
      keys.push(t.clientKey);
      names.push(t.clientName);
    }
    table.client[j] = client;
    table.day[j] = t.day;
    table.amount[j] = t.amount;
    table.sheetRow[j] = t.row;
  });
  return { ...read, table, delimiter };
}

/**
 * The distinct values of one column, keyed by their bytes: entry 0 is the empty text (a blank or
 * missing cell); every other entry keeps a copy of its bytes, how many records hold it, and its
 * text once decoded. Entries of quoted fields are added by text and never merged, so a value may
 * have two entries with the same text, which the readers treat alike.
 *
 * An open-addressing table of (hash, pool offset) pairs finds a value. Each value's copy in the
 * byte pool is preceded by its length and entry, so a lookup reads the slot and one place in the
 * pool: on a million rows of a hundred thousand clients, the table and pool outgrow the cache and
 * every further array a lookup reads costs a memory access.
 */
class DistinctValues {
  /** Per slot its hash and the pool offset of its record + 1 (0: empty), side by side. */
  private slots = new Int32Array(2 << 10);
  private mask = (1 << 10) - 1;
  /** Per value: its length and entry (4 bytes each, little-endian), then its bytes. */
  private pool = new Uint8Array(1 << 12);
  private poolSize = 0;
  /** Per entry the offset of its bytes in `pool` and their length, side by side. */
  private spans: Int32Array = new Int32Array(2 << 8);
  /** Per entry the records holding it, when `counted`. */
  counts: Int32Array = new Int32Array(1 << 8);
  private readonly texts: (string | undefined)[] = [''];
  size = 1;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly counted: boolean,
  ) {}

  /** The entry of `bytes[start, end)`, whose hash the caller computed while scanning. */
  intern(start: number, end: number, hash: number): number {
    if (end === start) return 0;
    const bytes = this.bytes;
    const pool = this.pool;
    const slots = this.slots;
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const at = (slots[2 * slot + 1] as number) - 1;
      if (at < 0) break;
      if (slots[2 * slot] === hash && readInt32(pool, at) === length) {
        const offset = at + VALUE_HEADER;
        let k = 0;
        while (k < length && bytes[start + k] === pool[offset + k]) k++;
        if (k === length) {
          const entry = readInt32(pool, at + 4);
          if (this.counted) this.counts[entry] = (this.counts[entry] as number) + 1;
          return entry;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    const at = this.poolSize;
    const entry = this.add(length, VALUE_HEADER);
    const into = this.pool;
    writeInt32(into, at, length);
    writeInt32(into, at + 4, entry);
    // A copy by hand: `subarray` of a Node Buffer builds a Buffer object per value.
    for (let k = 0; k < length; k++) into[at + VALUE_HEADER + k] = bytes[start + k] as number;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = at + 1;
    // Up to three quarters full: longer probes in a table half the size, which stays in cache.
    if (this.size * 4 > (this.mask + 1) * 3) this.growSlots();
    return entry;
  }

  /** Where the value in `hash`'s first slot sits in the pool, −1 for none: a read ahead of `intern`. */
  firstAt(hash: number): number {
    return (this.slots[2 * (hash & this.mask) + 1] as number) - 1;
  }

  /** Reads the pool at `at` (if ≥ 0), a read ahead of `intern`. */
  touch(at: number): number {
    return at < 0 ? 0 : (this.pool[at] as number);
  }

  /** A new entry for the text of a quoted field. */
  addText(text: string): number {
    if (text === '') return 0;
    const entry = this.add(0, 0);
    this.texts[entry] = text;
    return entry;
  }

  /** Takes back one record's use of `entry` (a record re-read as quoted text). */
  release(entry: number): void {
    if (entry > 0 && this.counted) this.counts[entry] = (this.counts[entry] as number) - 1;
  }

  text(entry: number, decode: (bytes: Uint8Array) => string): string {
    let text = this.texts[entry];
    if (text === undefined) {
      const offset = this.spans[2 * entry] as number;
      text = decodeBytes(this.pool, offset, offset + (this.spans[2 * entry + 1] as number), decode);
      this.texts[entry] = text;
    }
    return text;
  }

  /**
   * Decodes every value not decoded yet with one call of `decode`, which is much quicker than a
   * call per value when there are many. Unquoted values hold no line break, so they are joined
   * with one and split after; a leading one keeps the first value from the start of the stream,
   * where a decoder may drop a byte order mark.
   */
  decodeAll(decode: (bytes: Uint8Array) => string): void {
    const { spans, texts, pool } = this;
    let length = 1;
    for (let entry = 1; entry < this.size; entry++) {
      if (texts[entry] === undefined) length += (spans[2 * entry + 1] as number) + 1;
    }
    const joined = new Uint8Array(length);
    joined[0] = LF;
    let at = 1;
    for (let entry = 1; entry < this.size; entry++) {
      if (texts[entry] !== undefined) continue;
      const offset = spans[2 * entry] as number;
      const end = offset + (spans[2 * entry + 1] as number);
      // By hand: a `subarray` per value costs more than copying a short value.
      for (let k = offset; k < end; k++) joined[at++] = pool[k] as number;
      joined[at++] = LF;
    }
    const parts = decode(joined).split('\n');
    let part = 1;
    for (let entry = 1; entry < this.size; entry++) {
      if (texts[entry] === undefined) texts[entry] = parts[part++];
    }
  }

  /** A new entry of `length` bytes after a `header` in the pool. */
  private add(length: number, header: number): number {
    const entry = this.size++;
    if (entry >= this.counts.length) {
      const capacity = this.counts.length * 2;
      this.spans = grown(this.spans, 2 * capacity);
      this.counts = grown(this.counts, capacity);
    }
    const needed = this.poolSize + header + length;
    if (needed > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, needed));
      pool.set(this.pool.subarray(0, this.poolSize));
      this.pool = pool;
    }
    this.spans[2 * entry] = this.poolSize + header;
    this.spans[2 * entry + 1] = length;
    this.poolSize = needed;
    this.counts[entry] = 1;
    this.texts[entry] = undefined;
    return entry;
  }

  private growSlots(): void {
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * capacity);
    const mask = capacity - 1;
    const old = this.slots;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1] === 0) continue;
      let slot = (old[k] as number) & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[k] as number;
      slots[2 * slot + 1] = old[k + 1] as number;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Bytes before each value in a `DistinctValues` pool: its length and its entry. */
const VALUE_HEADER = 8;

function readInt32(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] as number) |
    ((bytes[at + 1] as number) << 8) |
    ((bytes[at + 2] as number) << 16) |
    ((bytes[at + 3] as number) << 24)
  );
}

function writeInt32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
  bytes[at + 2] = (value >>> 16) & 0xff;
  bytes[at + 3] = value >>> 24;
}

/**
 * A 32-bit hash's bits mixed (the finaliser of MurmurHash3), so that ids differing in their last
 * characters, whose running hashes are close, spread over the table.
 */
function mixHash(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function grown(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

/** The text of `bytes[start, end)`: ASCII directly, anything else through the host's decoder. */
function decodeBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  decode: (bytes: Uint8Array) => string,
): string {
  if (end - start > 64) return decode(bytes.subarray(start, end));
  for (let k = start; k < end; k++) {
    if ((bytes[k] as number) >= 0x80) return decode(bytes.subarray(start, end));
  }
  // One call over the run: quicker than concatenating it a character at a time (which also
  // leaves a rope every later use of the text flattens).
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/**
 * Where field `column` of the unquoted record starting at `start` begins; the record's end (an
 * empty field) when it has fewer fields.
 */
function fieldStart(bytes: Uint8Array, start: number, column: number, d: number): number {
  let pos = start;
  for (let k = 0; k < column; k++) {
    const n = bytes.length;
    let c = 0;
    while (pos < n) {
      c = bytes[pos] as number;
      if (c === d || c === LF || c === CR) break;
      pos++;
    }
    if (c !== d || pos >= n) return pos;
    pos++;
  }
  return pos;
}

/** Where the unquoted field starting at `start` ends. */
function fieldEnd(bytes: Uint8Array, start: number, d: number): number {
  const n = bytes.length;
  let pos = start;
  while (pos < n) {
    const c = bytes[pos] as number;
    if (c === d || c === LF || c === CR) break;
    pos++;
  }
  return pos;
}

/**
 * What the scan keeps per record: where it starts, the distinct-value entry of each text column,
 * its plain amount, and whether it had a quoted field.
 */
class RecordColumns {
  capacity: number;
  count = 0;
  recordStart: Int32Array;
  /** 1 when the record has a quoted field and its cells are in `quotedMoney` / entries by text. */
  quoted: Uint8Array;
  readonly entries: Int32Array[];
  /** Each record's amount when its cell is plain decimal text (`plainDecimalBytes`), else NaN. */
  amounts: Float64Array;
  /** Money cells of quoted records, by `record * moneyColumns + slot`. */
  readonly quotedMoney = new Map<number, string>();

  constructor(
    capacity: number,
    readonly internColumns: number,
    readonly moneyColumns: number,
  ) {
    this.capacity = capacity;
    this.recordStart = new Int32Array(capacity);
    this.quoted = new Uint8Array(capacity);
    this.entries = Array.from({ length: internColumns }, () => new Int32Array(capacity));
    this.amounts = new Float64Array(capacity);
  }

  grow(): void {
    const capacity = this.capacity * 2;
    this.recordStart = grown(this.recordStart, capacity);
    const quoted = new Uint8Array(capacity);
    quoted.set(this.quoted);
    this.quoted = quoted;
    for (let k = 0; k < this.internColumns; k++) {
      this.entries[k] = grown(this.entries[k] as Int32Array, capacity);
    }
    const amounts = new Float64Array(capacity);
    amounts.set(this.amounts);
    this.amounts = amounts;
    this.capacity = capacity;
  }
}

/** The rows of a transaction list from `bytes`, from its first data record on. */
function readTransactionBytes(
  bytes: Uint8Array,
  firstDataByte: number,
  recordBytes: number,
  d: number,
  layout: SheetLayout,
  options: ReadDelimitedOptions,
  delimiter: Delimiter,
): DelimitedTransactionsResult {
  const decode = options.decode;
  const { mapping } = layout;
  const kinds = columnKinds(layout) as Uint8Array;
  // Each interned or money column gets a slot in the per-record arrays.
  const slotOf = new Int32Array(kinds.length).fill(-1);
  let internColumns = 0;
  let moneyColumns = 0;
  kinds.forEach((kind, column) => {
    if (kind === KIND_INTERN) slotOf[column] = internColumns++;
    else if (kind === KIND_MONEY || kind === KIND_AMOUNT) slotOf[column] = moneyColumns++;
  });
  // Only the date column's values are counted: the day/month order of its slash dates is voted.
  const dateSlot = slotOf[mapping.date ?? 0] as number;
  const distinct = Array.from(
    { length: internColumns },
    (_, slot) => new DistinctValues(bytes, slot === dateSlot),
  );
  const records = new RecordColumns(
    Math.ceil((bytes.length - firstDataByte) / Math.max(4, recordBytes * 0.9)) + 1024,
    internColumns,
    moneyColumns,
  );

  // Pass 1: split the records, collecting distinct values and money cells' places.
  scanRecords({ bytes, d, delimiter, kinds, slotOf, distinct, records, decode }, firstDataByte);

  // The per-column decisions, from the same evidence `readSheet` uses.
  const reader = new SheetReader(
    layout.locale,
    options.dateSystem ?? '1900',
    layout.headers,
    options.firstColumnNumber ?? 1,
  );
  const notes = layoutNotes(layout, reader);
  const columnTexts = (column: number): ColumnTexts => {
    const values = distinct[slotOf[column] as number] as DistinctValues;
    return (visit) => {
      values.decodeAll(decode);
      for (let entry = 1; entry < values.size; entry++) {
        const count = values.counts[entry] as number;
        if (count > 0) visit(values.text(entry, decode), count);
      }
    };
  };
  const firstTexts = (column: number): FirstTexts => {
    const slot = slotOf[column] as number;
    return (visit) => {
      for (let record = 0; record < records.count; record++) {
        if (records.quoted[record] === 1) {
          const text = records.quotedMoney.get(record * moneyColumns + slot);
          if (text !== undefined && !visit(text)) return;
          continue;
        }
        const start = fieldStart(bytes, records.recordStart[record] as number, column, d);
        const end = fieldEnd(bytes, start, d);
        // A cell without `.` or `,` is no evidence of either (`decimalSeparatorEvidence`).
        let separator = false;
        for (let k = start; k < end && !separator; k++) {
          const c = bytes[k] as number;
          separator = c === 46 || c === 44;
        }
        if (separator && !visit(decodeBytes(bytes, start, end, decode))) return;
      }
    };
  };
  const dateOrders = prepareColumns(reader, layout, options, notes, columnTexts, firstTexts);

  // Pass 2: the rows in sheet order, each cell read by the sheet reader's rules.
  const optional = optionalReaders(reader, mapping, true);
  const rows = new RowAssembler(
    bytes,
    d,
    layout,
    reader,
    records,
    distinct,
    slotOf,
    decode,
    optional.length === 0,
  );
  const counts = rows.readAll(optional);
  return {
    shape: 'transactions',
    headerRow: layout.headerRow,
    mapping,
    headers: layout.headers,
    dateOrders,
    table: rows.table(),
    clients: [],
    rejectedRows: counts.rejectedRows,
    notes: finalNotes(reader, layout, notes, counts, rows.length),
    dataRowCount: counts.dataRowCount,
    delimiter,
  };
}

/** What the scan of the records works with. */
interface Scan {
  readonly bytes: Uint8Array;
  /** The delimiter's byte. */
  readonly d: number;
  readonly delimiter: Delimiter;
  /** Per column its `KIND_*`, and its slot among the columns of that kind. */
  readonly kinds: Uint8Array;
  readonly slotOf: Int32Array;
  readonly distinct: DistinctValues[];
  readonly records: RecordColumns;
  readonly decode: (bytes: Uint8Array) => string;
}

/**
 * Pass 1 of `readTransactionBytes`: splits the records from `start` on as `parseDelimitedText`
 * does, keeping per record where it starts, the distinct-value entry of each text column and the
 * amount when it is plain. A hot loop over every byte, kept apart so its variables stay local.
 */
function scanRecords(scan: Scan, start: number): void {
  const { bytes, d, kinds, slotOf, distinct, records } = scan;
  const n = bytes.length;
  const columns = kinds.length;
  const pending = new PendingValues();
  // The record arrays in locals (taken again after they grow), read and written once per record.
  let recordStart = records.recordStart;
  let amounts = records.amounts;
  let capacity = records.capacity;
  let record = records.count;
  let pos = start;
  while (pos < n) {
    if (record === capacity) {
      records.count = record;
      records.grow();
      recordStart = records.recordStart;
      amounts = records.amounts;
      capacity = records.capacity;
    }
    recordStart[record] = pos;
    // A record without an amount cell has no plain amount.
    amounts[record] = NaN;
    let column = 0;
    let quoted = false;
    for (;;) {
      if (bytes[pos] === QUOTE) {
        quoted = true;
        break;
      }
      const fieldStart = pos;
      const kind = column < columns ? (kinds[column] as number) : KIND_SKIP;
      let c = 0;
      if (kind === KIND_INTERN) {
        let hash = 0;
        while (pos < n) {
          c = bytes[pos] as number;
          if (c === d || c === LF || c === CR) break;
          hash = (Math.imul(hash, 31) + c) | 0;
          pos++;
        }
        if (pending.count === PENDING_VALUES) pending.flush(distinct, records);
        pending.add(fieldStart, pos, mixHash(hash), slotOf[column] as number, record);
      } else {
        while (pos < n) {
          c = bytes[pos] as number;
          if (c === d || c === LF || c === CR) break;
          pos++;
        }
        if (kind === KIND_AMOUNT) readPlainDecimalBytes(bytes, fieldStart, pos, amounts, record);
      }
      column++;
      if (pos >= n) break;
      if (c === d) {
        pos++;
        // A delimiter at the very end leaves an empty last field: nothing to keep.
        if (pos >= n) break;
        continue;
      }
      pos += c === CR && bytes[pos + 1] === LF ? 2 : 1;
      break;
    }
    record++;
    if (quoted) {
      records.count = record;
      // The record's values looked up before it is read again.
      pending.flush(distinct, records);
      pos = readQuotedRecord(scan, record - 1);
    }
  }
  records.count = record;
  pending.flush(distinct, records);
}

/** How many text values `scanRecords` gathers before looking them up (`PendingValues`). */
const PENDING_VALUES = 64;

/**
 * Text values waiting for their distinct-value entries. On a large file a lookup misses the cache
 * twice (the slot, then the pool); looking up a batch first reads every value's slot and then
 * every pool record those slots name, so the misses of the batch overlap instead of each waiting
 * for the one before.
 */
class PendingValues {
  count = 0;
  private readonly start = new Int32Array(PENDING_VALUES);
  private readonly end = new Int32Array(PENDING_VALUES);
  private readonly hash = new Int32Array(PENDING_VALUES);
  private readonly slot = new Int32Array(PENDING_VALUES);
  private readonly record = new Int32Array(PENDING_VALUES);
  private readonly at = new Int32Array(PENDING_VALUES);
  /** What the reads ahead read, kept so that they are not dropped as unused. */
  touched = 0;

  add(start: number, end: number, hash: number, slot: number, record: number): void {
    const k = this.count++;
    this.start[k] = start;
    this.end[k] = end;
    this.hash[k] = hash;
    this.slot[k] = slot;
    this.record[k] = record;
  }

  flush(distinct: readonly DistinctValues[], records: RecordColumns): void {
    const count = this.count;
    for (let k = 0; k < count; k++) {
      this.at[k] = (distinct[this.slot[k] as number] as DistinctValues).firstAt(
        this.hash[k] as number,
      );
    }
    let touched = 0;
    for (let k = 0; k < count; k++) {
      touched += (distinct[this.slot[k] as number] as DistinctValues).touch(this.at[k] as number);
    }
    for (let k = 0; k < count; k++) {
      const slot = this.slot[k] as number;
      (records.entries[slot] as Int32Array)[this.record[k] as number] = (
        distinct[slot] as DistinctValues
      ).intern(this.start[k] as number, this.end[k] as number, this.hash[k] as number);
    }
    this.count = 0;
    this.touched = touched;
  }
}

/**
 * Re-reads record `record` (which has a quoted field) with `parseDelimitedText`, replacing what
 * the byte scan kept for it. Returns where the next record starts.
 */
function readQuotedRecord(scan: Scan, record: number): number {
  const { bytes, d, delimiter, kinds, slotOf, distinct, records, decode } = scan;
  const start = records.recordStart[record] as number;
  const { end, next } = recordEnd(bytes, start, d);
  const fields = parseDelimitedText(decode(bytes.subarray(start, end)), delimiter).grid[0] ?? [];
  records.quoted[record] = 1;
  kinds.forEach((kind, column) => {
    const slot = slotOf[column] as number;
    const text = fields[column] ?? '';
    if (kind === KIND_INTERN) {
      const entries = records.entries[slot] as Int32Array;
      const values = distinct[slot] as DistinctValues;
      values.release(entries[record] as number);
      entries[record] = values.addText(text);
    } else if (kind === KIND_MONEY || kind === KIND_AMOUNT) {
      records.quotedMoney.set(record * records.moneyColumns + slot, text);
    }
  });
  return next;
}

/** Reads the collected records into table columns or rejected rows, in sheet order. */
class RowAssembler {
  length = 0;
  private readonly client: Int32Array;
  private day: Int32Array | Float64Array;
  private readonly amount: Float64Array;
  private readonly sheetRow: Int32Array;
  private details: (TransactionDetails | undefined)[] | undefined;
  private readonly keys: string[] = [];
  private readonly names: string[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly d: number,
    private readonly layout: SheetLayout,
    private readonly reader: SheetReader,
    private readonly records: RecordColumns,
    private readonly distinct: DistinctValues[],
    private readonly slotOf: Int32Array,
    private readonly decode: (bytes: Uint8Array) => string,
    plainRowsOnly: boolean,
  ) {
    // Rows are kept in record order and row j comes from record j or a later one, so the table
    // can take over the record arrays it reads each row from before writing that row: clients
    // over the client entries, amounts over the plain amounts, sheet rows over the date entries,
    // days (whole, in 32 bits) over the record starts.
    const { mapping } = layout;
    const clientSlot = slotOf[mapping.client ?? 0] as number;
    const dateSlot = slotOf[mapping.date ?? 0] as number;
    const inPlace = clientSlot !== dateSlot && plainRowsOnly;
    this.client = inPlace
      ? (records.entries[clientSlot] as Int32Array)
      : new Int32Array(records.count);
    this.day = records.recordStart;
    this.amount = records.amounts;
    this.sheetRow = inPlace
      ? (records.entries[dateSlot] as Int32Array)
      : new Int32Array(records.count);
  }

  readAll(optional: readonly OptionalReader[]): RowCounts {
    const { layout, reader, records, distinct, slotOf, decode, bytes } = this;
    const { mapping } = layout;
    const clientColumn = mapping.client ?? 0;
    const dateColumn = mapping.date ?? 0;
    const amountColumn = mapping.amount ?? 0;
    const clientSlot = slotOf[clientColumn] as number;
    const dateSlot = slotOf[dateColumn] as number;
    const amountSlot = slotOf[amountColumn] as number;
    const clientValues = distinct[clientSlot] as DistinctValues;
    const dateValues = distinct[dateSlot] as DistinctValues;
    // Each distinct client and date read once, in order of first appearance, which is the order
    // `readSheet` first meets them (the first spelling of a client is the one shown). A client
    // entry maps to its table index, −1 for a problem, −2 for a blank id; a date entry to its
    // day, NaN when it is blank or has a problem.
    clientValues.decodeAll(decode);
    dateValues.decodeAll(decode);
    const clientOfEntry = new Int32Array(clientValues.size);
    for (let entry = 0; entry < clientValues.size; entry++) {
      const text = clientValues.text(entry, decode);
      const read = reader.clientOfText(text, clientColumn);
      clientOfEntry[entry] = isProblem(read)
        ? isBlankCell(text)
          ? -2
          : -1
        : this.clientIndex(read);
    }
    const dayReads = new Array<CalendarDay | CellProblem | undefined>(dateValues.size);
    const dayOfEntry = new Float64Array(dateValues.size);
    for (let entry = 0; entry < dateValues.size; entry++) {
      const read = reader.day(dateValues.text(entry, decode), dateColumn);
      dayReads[entry] = read;
      dayOfEntry[entry] = typeof read === 'number' ? read : NaN;
      // A day the 32-bit column cannot hold exactly (none the date rules give) keeps 64 bits.
      if (typeof read === 'number' && (read | 0) !== read) {
        this.day = new Float64Array(records.count);
      }
    }
    const clientEntries = records.entries[clientSlot] as Int32Array;
    const dateEntries = records.entries[dateSlot] as Int32Array;
    const recordStarts = records.recordStart;
    const amounts = records.amounts;
    const d = this.d;
    const optionalReads = optional.map(
      () => new Map<number, ReturnType<OptionalReader['value']>>(),
    );
    const plainAmounts = reader.moneyColumns.get(amountColumn)?.options.decimalSeparator !== ',';
    const plainRows = optional.length === 0;
    const rejectedRows: RejectedRow[] = [];
    const problems: CellProblem[] = [];
    let blankRows = 0;
    let zeroAmounts = 0;
    let dataRowCount = 0;
    const firstSheetRow = layout.firstRowNumber + layout.dataStart;

    for (let record = 0; record < records.count; record++) {
      const clientEntry = clientEntries[record] as number;
      const dateEntry = dateEntries[record] as number;
      const client = clientOfEntry[clientEntry] as number;
      const day = dayOfEntry[dateEntry] as number;
      const quoted = records.quoted[record] === 1;
      // The common row: a known client, a date, a plain amount, nothing else to read.
      const plainAmount = amounts[record] as number;
      if (plainRows && client >= 0 && day === day && plainAmount === plainAmount && plainAmounts) {
        dataRowCount++;
        if (plainAmount === 0) zeroAmounts++;
        this.push(client, day, plainAmount, firstSheetRow + record, undefined);
        continue;
      }
      if (client === -2 && rowIsBlank(this.recordFields(record, quoted))) {
        blankRows++;
        continue;
      }
      dataRowCount++;
      const rowNumber = firstSheetRow + record;
      let amount: number | CellProblem | undefined;
      if (quoted) {
        const text = records.quotedMoney.get(record * records.moneyColumns + amountSlot) ?? '';
        amount =
          (plainAmounts ? plainDecimalAmount(text) : undefined) ??
          reader.number(text, amountColumn);
      } else {
        amount = plainAmounts && plainAmount === plainAmount ? plainAmount : undefined;
        if (amount === undefined) {
          const start = fieldStart(bytes, recordStarts[record] as number, amountColumn, d);
          const end = fieldEnd(bytes, start, d);
          amount = reader.number(decodeBytes(bytes, start, end, decode), amountColumn);
        }
      }
      if (problems.length > 0) problems.length = 0;
      // Read again (the client is known by now, or the problem is the same).
      const identity = reader.clientOfText(clientValues.text(clientEntry, decode), clientColumn);
      transactionRowProblems(reader, identity, dayReads[dateEntry], amount, mapping, problems);
      const fields: OptionalFields = {};
      optional.forEach((read, k) => {
        const cache = optionalReads[k] as Map<number, ReturnType<OptionalReader['value']>>;
        applyOptional(read, this.optionalValue(read, record, quoted, cache), fields, problems);
      });
      if (problems.length > 0) {
        rejectedRows.push(reader.reject(rowNumber, problems));
        continue;
      }
      if (amount === 0) zeroAmounts++;
      const details = Object.keys(fields).length > 0 ? fields : undefined;
      this.push(client, day, amount as number, rowNumber, details);
    }
    return { rejectedRows, blankRows, zeroAmounts, dataRowCount };
  }

  /**
   * The table index of a client: its ordinal, as clients are met in order of first appearance
   * here and nowhere else.
   */
  private clientIndex(identity: ClientIdentity): number {
    if (identity.ordinal === this.keys.length) {
      this.keys.push(identity.key);
      this.names.push(identity.name);
    }
    return identity.ordinal;
  }

  private push(
    client: number,
    day: number,
    amount: number,
    rowNumber: number,
    details: TransactionDetails | undefined,
  ): void {
    const j = this.length++;
    this.client[j] = client;
    this.day[j] = day;
    this.amount[j] = amount;
    this.sheetRow[j] = rowNumber;
    if (details !== undefined) {
      if (this.details === undefined) this.details = [];
      this.details[j] = details;
    }
  }

  /** An optional column's value for a record, read once per distinct text (money: per cell). */
  private optionalValue(
    read: OptionalReader,
    record: number,
    quoted: boolean,
    cache: Map<number, ReturnType<OptionalReader['value']>>,
  ): ReturnType<OptionalReader['value']> {
    const slot = this.slotOf[read.column] as number;
    if (read.money) {
      const text = quoted
        ? (this.records.quotedMoney.get(record * this.records.moneyColumns + slot) ?? '')
        : this.cellText(record, read.column);
      return read.value(text);
    }
    const entry = (this.records.entries[slot] as Int32Array)[record] as number;
    if (cache.has(entry)) return cache.get(entry);
    const value = read.value((this.distinct[slot] as DistinctValues).text(entry, this.decode));
    cache.set(entry, value);
    return value;
  }

  /** The text of cell `column` of an unquoted record. */
  private cellText(record: number, column: number): string {
    const start = fieldStart(
      this.bytes,
      this.records.recordStart[record] as number,
      column,
      this.d,
    );
    return decodeBytes(this.bytes, start, fieldEnd(this.bytes, start, this.d), this.decode);
  }

  /** Every field of a record as text, for the rare check of a whole row for blankness. */
  private recordFields(record: number, quoted: boolean): string[] {
    const start = this.records.recordStart[record] as number;
    const { end } = recordEnd(this.bytes, start, this.d);
    const text = this.decode(this.bytes.subarray(start, end));
    if (quoted)
      return parseDelimitedText(text, String.fromCharCode(this.d) as Delimiter).grid[0] ?? [];
    return text.split(String.fromCharCode(this.d));
  }

  table(): TransactionTable {
    const n = this.length;
    const table: TransactionTable = {
      length: n,
      client: this.client.subarray(0, n),
      clientKeys: this.keys,
      clientNames: this.names,
      day: this.day.subarray(0, n),
      amount: this.amount.subarray(0, n),
      sheetRow: this.sheetRow.subarray(0, n),
    };
    if (this.details === undefined) return table;
    this.details.length = n;
    return { ...table, details: this.details };
  }
}
