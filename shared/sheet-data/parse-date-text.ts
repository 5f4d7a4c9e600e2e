import { dayFromYmd, type CalendarDay } from '../calendar';
import type { SlashDateOrder } from './types';

/** Why a date text gave no day: it looks like a date that does not exist, or not like a date. */
export type DateTextFailure = 'impossible' | 'unreadable';

/** The three numbers of a date text before deciding which is the day. */
interface DateParts {
  /** `year-first` for ISO-like, `dotted` for `dd.mm.yyyy`, `slash` for `a/b/yyyy` or `a-b-yyyy`. */
  readonly kind: 'year-first' | 'dotted' | 'slash';
  readonly first: number;
  readonly second: number;
  readonly third: number;
}

const TIME_TAIL =
  /^(?:[T ]|\s+)\d{1,2}:\d{2}(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const YEAR_MARK = /\s*г\.?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `isValidDate` for whole numbers, without allocating (the hot path calls it per row). */
function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (MONTH_DAYS[month - 1] ?? 0);
}

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** Checks the part after the date: nothing, or a time of day that is itself valid. */
function validTail(tail: string): boolean {
  if (tail === '') return true;
  // Fast path: ` HH:MM`, ` HH:MM:SS`, `THH:MM:SS`.
  const sep = tail.charCodeAt(0);
  if ((sep === 32 || sep === 84) && (tail.length === 6 || tail.length === 9)) {
    const h = digitAt(tail, 1) * 10 + digitAt(tail, 2);
    const m = digitAt(tail, 4) * 10 + digitAt(tail, 5);
    const s = tail.length === 9 ? digitAt(tail, 7) * 10 + digitAt(tail, 8) : 0;
    const colons = tail.charCodeAt(3) === 58 && (tail.length === 6 || tail.charCodeAt(6) === 58);
    if (colons && digitAt(tail, 1) >= 0 && digitAt(tail, 2) >= 0 && digitAt(tail, 4) >= 0) {
      if (tail.length === 6 || (digitAt(tail, 7) >= 0 && digitAt(tail, 8) >= 0)) {
        return digitAt(tail, 5) >= 0 && h <= 23 && m <= 59 && s <= 59;
      }
    }
  }
  const match = TIME_TAIL.exec(tail);
  if (!match) return false;
  const clock = /(\d{1,2}):(\d{2})/.exec(tail);
  const hours = Number(clock?.[1]);
  const minutes = Number(clock?.[2]);
  const seconds = match[1] === undefined ? 0 : Number(match[1]);
  const maxHours = match[2] === undefined ? 23 : 12;
  const minHours = match[2] === undefined ? 0 : 1;
  return hours >= minHours && hours <= maxHours && minutes <= 59 && seconds <= 59;
}

/** Reads `[digits][sep][digits][sep][digits][time]`, or `undefined` for any other shape. */
function splitDate(raw: string): { parts: DateParts; tail: string } | undefined {
  const trimmed = raw.trim();
  const last = trimmed.charCodeAt(trimmed.length - 1);
  const text = last === 0x433 || last === 46 ? trimmed.replace(YEAR_MARK, '') : trimmed; // г or .

  const n = text.length;
  let i = 0;
  const numbers: number[] = [];
  const lengths: number[] = [];
  let separator = -1;
  for (let part = 0; part < 3; part++) {
    const start = i;
    let value = 0;
    while (i < n) {
      const d = digitAt(text, i);
      if (d < 0) break;
      value = value * 10 + d;
      i++;
    }
    if (i === start || i - start > 4) return undefined;
    numbers.push(value);
    lengths.push(i - start);
    if (part < 2) {
      const code = text.charCodeAt(i);
      if (code !== 45 && code !== 46 && code !== 47) return undefined; // - . /
      if (separator < 0) separator = code;
      else if (code !== separator) return undefined;
      i++;
    }
  }
  const [a = 0, b = 0, c = 0] = numbers;
  const [la = 0, lb = 0, lc = 0] = lengths;
  const tail = text.slice(i);
  if (la === 4) {
    if (lb > 2 || lc > 2) return undefined;
    return { parts: { kind: 'year-first', first: a, second: b, third: c }, tail };
  }
  if (la > 2 || lb > 2 || (lc !== 4 && lc !== 2)) return undefined;
  // Two-digit years follow Excel's rule: 00-29 are 2000-2029, 30-99 are 1930-1999
  // (Microsoft, "How Excel works with two-digit year numbers").
  const year = lc === 4 ? c : c < 30 ? 2000 + c : 1900 + c;
  const kind = separator === 46 ? 'dotted' : 'slash';
  return { parts: { kind, first: a, second: b, third: year }, tail };
}

/**
 * The day of plain ISO text `YYYY-MM-DD` (exactly ten characters), `'impossible'` for a date that
 * does not exist, or `undefined` when the text has another shape. The hot path of big files.
 * @example plainIsoDay('2024-03-12') === 19794
 */
export function plainIsoDay(text: string): CalendarDay | 'impossible' | undefined {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y0 = digitAt(text, 0);
    const y1 = digitAt(text, 1);
    const y2 = digitAt(text, 2);
    const y3 = digitAt(text, 3);
    const m0 = digitAt(text, 5);
    const m1 = digitAt(text, 6);
    const d0 = digitAt(text, 8);
    const d1 = digitAt(text, 9);
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) >= 0) {
      const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      const m = m0 * 10 + m1;
      const d = d0 * 10 + d1;
      return isRealDate(y, m, d) ? dayFromYmd(y, m, d) : 'impossible';
    }
  }
  return undefined;
}

/**
 * Reads a date text, telling an impossible date apart from text that is not a date.
 * See `parseDateText` for the formats. Never throws.
 * @example readDateText('31.02.2024', 'day-first') === 'impossible'
 */
export function readDateText(text: string, order: SlashDateOrder): CalendarDay | DateTextFailure {
  const iso = plainIsoDay(text);
  if (iso !== undefined) return iso;
  const split = splitDate(text);
  if (!split || !validTail(split.tail)) return 'unreadable';
  const { kind, first, second, third } = split.parts;
  let year: number;
  let month: number;
  let day: number;
  if (kind === 'year-first') {
    [year, month, day] = [first, second, third];
  } else if (kind === 'dotted' || order === 'day-first') {
    [day, month, year] = [first, second, third];
  } else {
    [month, day, year] = [first, second, third];
  }
  return isRealDate(year, month, day) ? dayFromYmd(year, month, day) : 'impossible';
}

/**
 * Reads a date typed as text, or `undefined` when it is not a real, readable date.
 *
 * Definition: ISO 8601 calendar dates `2024-03-12` (also `2024/03/12`, `2024.03.12`); dotted
 * `12.03.2024`, always day first as in GOST R 7.0.97 (ru) and most of Europe; slash or dash
 * `12/03/2024`, read in `order` (day first in ru, month first in en-US). Each may carry a time
 * (`12.03.2024 14:30`, `2024-03-12T10:00:00Z`, `3/12/2024 2:30 PM`), which is checked and
 * dropped, as is a time-zone offset (the day is the one written). Two-digit years follow Excel
 * (00-29 -> 20xx, 30-99 -> 19xx). An impossible date such as `31.02.2024` or `2024-13-01` gives
 * `undefined`; it is never rolled over into another month.
 *
 * @param text the cell text
 * @param order how to read an ambiguous slash date; ignored for ISO and dotted dates
 * @returns days since 1970-01-01, or `undefined`. Never throws.
 * @example parseDateText('12/03/2024', 'day-first') === 19794 // 2024-03-12; 'month-first' gives 20060, 2024-12-03
 */
export function parseDateText(
  text: string,
  order: SlashDateOrder = 'day-first',
): CalendarDay | undefined {
  const result = readDateText(text, order);
  return typeof result === 'number' ? result : undefined;
}

/**
 * The first two numbers of a slash or dash date whose order is open (`03/04/2024` -> 3 and 4),
 * or `undefined` for ISO, dotted or non-date text. Used to decide a column's order.
 * @example slashDateParts('31/12/2024') gives { first: 31, second: 12 }
 */
export function slashDateParts(text: string): { first: number; second: number } | undefined {
  const split = splitDate(text);
  if (split?.parts.kind !== 'slash') return undefined;
  return { first: split.parts.first, second: split.parts.second };
}
