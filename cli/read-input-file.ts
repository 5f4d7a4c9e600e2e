import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  parseDelimitedText,
  readDelimitedTransactions,
  readSheet,
  rememberTransactionTable,
  transactionsOfTable,
} from '../shared/sheet-data';
import type {
  Cell,
  DateSystem,
  Grid,
  ReadSheetOptions,
  SheetReadResult,
} from '../shared/sheet-data/types';
import { CliError } from './cli-error';
import { asColumnOptionError } from './column-options';
import { cellFromExcelValue } from './xlsx/excel-cell';
import type {
  OriginalCell,
  OriginalPlainValue,
  OriginalSheet,
  OriginalValue,
} from './xlsx/write-report-xlsx';

export type InputFormat = 'xlsx' | 'delimited';

/** A file read into a grid of cells, with what the report needs to copy it untouched. */
export interface InputFile {
  readonly format: InputFormat;
  /** Worksheet read (xlsx) or the file name (text). */
  readonly sheetName: string;
  readonly grid: Grid;
  readonly dateSystem: DateSystem;
  readonly original: OriginalSheet;
  /** For delimited text: the separator found and the text encoding. */
  readonly delimiter?: string;
  readonly encoding?: TextEncoding;
  /** For delimited text: the file's bytes and a decoder of runs of them (`byteDecoder`). */
  readonly bytes?: Uint8Array;
  readonly decode?: (run: Uint8Array) => string;
}

const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/** The input format of a file name, by extension. Throws `CliError` for anything else. */
export function inputFormatOf(filePath: string): InputFormat {
  const extension = path.extname(filePath).toLowerCase();
  if (XLSX_EXTENSIONS.has(extension)) return 'xlsx';
  if (TEXT_EXTENSIONS.has(extension)) return 'delimited';
  if (extension === '.xls') throw new CliError('oldExcelFormat', { path: filePath });
  throw new CliError('unknownFormat', { path: filePath, extension: extension || '(none)' });
}

/** The text encodings of delimited files the CLI reads. */
export type TextEncoding = 'utf-8' | 'windows-1251';

/**
 * The encoding of a delimited file: UTF-8 (with or without a BOM) when the bytes are valid UTF-8,
 * otherwise Windows-1251, the usual encoding of Russian CSV exports from Excel and 1C.
 */
export function textEncodingOf(bytes: Uint8Array): TextEncoding {
  return isUtf8(bytes) ? 'utf-8' : 'windows-1251';
}

/**
 * A decoder of runs of a file's bytes in the file's encoding (`textEncodingOf`), as
 * `readDelimitedTransactions` takes it. A byte order mark is text like any other here: the
 * reader skips the file's own. ASCII reads the same in both encodings, so the file's encoding is
 * only looked for when a run that is not ASCII comes to be decoded.
 */
export function byteDecoder(bytes: Uint8Array): {
  readonly decode: (run: Uint8Array) => string;
  /** The file's encoding (looked for on the first call). */
  readonly encoding: () => TextEncoding;
} {
  let found: { encoding: TextEncoding; decoder: InstanceType<typeof TextDecoder> } | undefined;
  const encoding = () => {
    if (found === undefined) {
      const name = textEncodingOf(bytes);
      found = { encoding: name, decoder: new TextDecoder(name, { ignoreBOM: true }) };
    }
    return found;
  };
  return {
    decode: (run) => {
      for (let k = 0; k < run.length; k++) {
        if ((run[k] as number) >= 0x80) return encoding().decoder.decode(run);
      }
      return Buffer.from(run.buffer, run.byteOffset, run.length).toString('latin1');
    },
    encoding: () => encoding().encoding,
  };
}

/** Text of a delimited file, in the encoding `textEncodingOf` finds. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = textEncodingOf(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

function originalPlainValue(value: ExcelJS.CellValue): OriginalPlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return { error: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? null : originalPlainValue(value.result);
  }
  const cell = cellFromExcelValue(value);
  return typeof cell === 'string' ? cell : null;
}

/**
 * A cell as the report copies it: a formula with its saved result when the formula can work in
 * the copy, which holds only this sheet at the same addresses; otherwise its value (a formula's
 * saved result). A formula that names another sheet or workbook (`!`), a table column (`[`) or,
 * in a workbook with defined names, possibly one of them would not find it there; array formulas
 * span cells the copy does not group, so they are copied as values too.
 */
function originalValue(
  cell: ExcelJS.Cell,
  value: ExcelJS.CellValue,
  hasNames: boolean,
): OriginalValue {
  const plain = originalPlainValue(value);
  if (
    value === null ||
    typeof value !== 'object' ||
    !('formula' in value || 'sharedFormula' in value)
  )
    return plain;
  if ('shareType' in value && value.shareType === 'array') return plain;
  // A shared formula's dependents hold only their master's address; `cell.formula` slides it.
  const formula: unknown = cell.formula;
  if (typeof formula !== 'string' || formula === '' || hasNames || /[![]/.test(formula)) {
    return plain;
  }
  return { formula, result: plain };
}

async function readXlsx(
  filePath: string,
  shown: string,
  sheet: string | undefined,
): Promise<InputFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(filePath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('notAWorkbook', { path: shown, reason });
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new CliError('noSheets', { path: shown });
  const worksheet =
    sheet === undefined
      ? sheets[0]
      : (sheets.find((ws) => ws.name === sheet) ??
        sheets.find((ws) => ws.name.toLowerCase() === sheet.trim().toLowerCase()));
  if (worksheet === undefined) {
    throw new CliError('sheetNotFound', {
      path: shown,
      sheet: sheet ?? '',
      sheets: sheets.map((ws) => ws.name).join(', '),
    });
  }
  const hasNames = workbook.definedNames.model.length > 0;
  const rowCount = worksheet.rowCount;
  const columnCount = worksheet.columnCount;
  const grid: Cell[][] = [];
  const originalRows: OriginalCell[][] = [];
  for (let r = 1; r <= rowCount; r += 1) {
    const row = worksheet.getRow(r);
    const cells: Cell[] = [];
    const originals: OriginalCell[] = [];
    for (let c = 1; c <= columnCount; c += 1) {
      const cell = row.getCell(c);
      const isMergedTail = cell.isMerged && cell.master !== cell;
      const value = isMergedTail ? null : cell.value;
      cells.push(cellFromExcelValue(value));
      const numFmt = cell.numFmt;
      originals.push({
        value: isMergedTail ? null : originalValue(cell, value, hasNames),
        ...(typeof numFmt === 'string' && numFmt !== '' ? { numFmt } : {}),
      });
    }
    grid.push(cells);
    originalRows.push(originals);
  }
  const columnWidths: (number | undefined)[] = [];
  for (let c = 1; c <= columnCount; c += 1) columnWidths.push(worksheet.getColumn(c).width);
  return {
    format: 'xlsx',
    sheetName: worksheet.name,
    grid,
    dateSystem: workbook.properties.date1904 ? '1904' : '1900',
    original: { name: worksheet.name, rows: originalRows, columnWidths },
  };
}

async function readDelimited(filePath: string, shown: string): Promise<InputFile> {
  const bytes = await readFile(filePath);
  const decoder = byteDecoder(bytes);
  if (isBlankText(bytes, decoder.decode)) throw new CliError('emptyFile', { path: shown });
  const name = path.basename(filePath, path.extname(filePath));
  // The grid is split from the text only when something asks for it (the report's copy of the
  // original data, the models' reader); `analyze` reads the bytes themselves.
  let parsed: ReturnType<typeof parseDelimitedText> | undefined;
  let original: OriginalSheet | undefined;
  const parse = () => {
    parsed ??= parseDelimitedText(decodeText(bytes).text);
    return parsed;
  };
  return {
    format: 'delimited',
    sheetName: name,
    get grid() {
      return parse().grid;
    },
    dateSystem: '1900',
    get original() {
      original ??= {
        name,
        rows: parse().grid.map((row) =>
          row.map((value) => ({ value: value === '' ? null : value })),
        ),
      };
      return original;
    },
    get delimiter() {
      return parse().delimiter;
    },
    get encoding() {
      return decoder.encoding();
    },
    bytes,
    decode: decoder.decode,
  };
}

/** True when the file holds nothing but a byte order mark and white space. */
function isBlankText(bytes: Uint8Array, decode: (run: Uint8Array) => string): boolean {
  let other = false;
  for (const byte of bytes) {
    // Visible ASCII (a delimiter, a digit) settles it at once: a Russian header's first letters
    // must not make the whole file be decoded.
    if (byte > 32 && byte < 127) return false;
    if (byte >= 0x80) other = true;
  }
  return (
    !other ||
    decode(bytes)
      .replace(/^\uFEFF/, '')
      .trim() === ''
  );
}

/**
 * Reads an input file into a grid: `.xlsx`/`.xlsm` with ExcelJS (the named sheet or the first;
 * dates, formulas' cached results, rich text and error cells decoded by `cellFromExcelValue`; the
 * workbook's 1904 flag kept), `.csv`/`.tsv`/`.txt` as delimited text (UTF-8 or Windows-1251).
 * Throws `CliError` for a missing file, a folder, an unknown or old format, an unreadable workbook,
 * a missing sheet or an empty file.
 * Example: `readInputFile('sample/salon-clients.csv')` gives a grid whose first row is the
 * header `Клиент, Дата, ...` (tested in `test/cli/read-input-file.test.ts`).
 */
export async function readInputFile(
  filePath: string,
  options: { readonly sheet?: string; readonly displayPath?: string } = {},
): Promise<InputFile> {
  const shown = options.displayPath ?? filePath;
  const format = inputFormatOf(shown);
  let info;
  try {
    info = await stat(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new CliError('fileNotFound', { path: shown });
    throw new CliError('fileUnreadable', { path: shown, reason: (error as Error).message });
  }
  if (info.isDirectory()) throw new CliError('notAFile', { path: shown });
  if (format === 'xlsx') return readXlsx(filePath, shown, options.sheet);
  return readDelimited(filePath, shown);
}

/**
 * The sheet read of an input file, as `readSheet` reads its grid: delimited text straight from
 * its bytes into columns (`readDelimitedTransactions`, no grid of strings), a workbook's grid by
 * `readSheet` with the workbook's date system.
 * Throws `AnalyticsError` as `readSheet` does, except that a column choice (`options.columns`)
 * not found is a `CliError` naming `--column`.
 * Example: the bundled sample gives 5,343 transactions and its 5 planted rejected rows either way
 * (test/cli/read-input-file.test.ts).
 */
export function readInputSheet(input: InputFile, options: ReadSheetOptions): SheetReadResult {
  try {
    return readSheetOf(input, options);
  } catch (error) {
    throw asColumnOptionError(error);
  }
}

function readSheetOf(input: InputFile, options: ReadSheetOptions): SheetReadResult {
  if (input.bytes !== undefined && input.decode !== undefined) {
    const {
      table,
      delimiter: _delimiter,
      ...read
    } = readDelimitedTransactions(input.bytes, { ...options, decode: input.decode });
    const transactions = transactionsOfTable(table);
    // The analyses of these rows take the reader's columns instead of indexing them again.
    rememberTransactionTable(transactions, table);
    return { ...read, transactions };
  }
  return readSheet(input.grid, { dateSystem: input.dateSystem, ...options });
}
