import type ExcelJS from 'exceljs';
import type { Cell } from '../../shared/sheet-data/types';

const MS_PER_DAY = 86_400_000;

/**
 * The calendar day of a date ExcelJS decoded from a serial. ExcelJS builds the `Date` in UTC
 * (serial − 25569 days since 1970-01-01, the 1904 system shifted by 1462 days), so the UTC day is
 * the sheet's day; a time of day is dropped.
 * Example: `dayOfExcelDate(new Date(Date.UTC(2024, 11, 31, 15)))` is 20088 (2024-12-31).
 */
export function dayOfExcelDate(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function scalarCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : { kind: 'error', code: '#NUM!' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { kind: 'error', code: '#VALUE!' }
      : { kind: 'date', day: dayOfExcelDate(value) };
  }
  if (isObject(value)) {
    if (typeof value['error'] === 'string') return { kind: 'error', code: value['error'] };
    const richText = value['richText'];
    if (Array.isArray(richText)) {
      return richText
        .map((run: unknown) => (isObject(run) ? String(run['text'] ?? '') : ''))
        .join('');
    }
    if ('formula' in value || 'sharedFormula' in value) return scalarCell(value['result']);
    if ('hyperlink' in value) return scalarCell(value['text']);
  }
  return String(value);
}

/**
 * Decodes one ExcelJS cell value into a core `Cell`: dates (already shifted for the workbook's
 * 1900/1904 system by ExcelJS) become `{ kind: 'date', day }`, formulas give their cached result,
 * rich text its plain text, a hyperlink its text, error cells `{ kind: 'error', code }`, blanks
 * `null`. Never throws.
 * Example: `cellFromExcelValue({ formula: 'A1*2', result: 84 })` is 84 (tested).
 */
export function cellFromExcelValue(value: ExcelJS.CellValue): Cell {
  return scalarCell(value);
}
