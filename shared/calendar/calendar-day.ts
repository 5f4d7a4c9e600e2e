/**
 * Calendar days as whole numbers: the count of days since 1970-01-01 (day 0), in no time zone.
 * Every date in the core is a `CalendarDay`; hosts decode their own date types into it (Excel
 * serials, Sheets `Date` objects in the spreadsheet's time zone, text in the CLI). Conversions use
 * the proleptic Gregorian calendar (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * https://howardhinnant.github.io/date_algorithms.html), so no `Date` object or time zone is involved.
 */
export type CalendarDay = number;

export interface YearMonthDay {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
}

/** Days since 1970-01-01 for a valid Gregorian date. Does not validate; see `isValidDate`. */
export function dayFromYmd(year: number, month: number, day: number): CalendarDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The Gregorian date of a calendar day. Example: `ymdFromDay(0)` is 1970-01-01. */
export function ymdFromDay(dayNumber: CalendarDay): YearMonthDay {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year/month/day name a real date (so 31.02.2024 and 2024-13-01 are false). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** ISO text `YYYY-MM-DD` of a calendar day. */
export function formatIsoDay(dayNumber: CalendarDay): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses strict ISO `YYYY-MM-DD` (as used for `--as-of` and similar options).
 * Returns `undefined` for anything else or an impossible date.
 */
export function parseIsoDay(text: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidDate(year, month, day) ? dayFromYmd(year, month, day) : undefined;
}

/** Month index counted from January 1970 (0), for calendar-month bucketing. */
export function monthIndexOfDay(dayNumber: CalendarDay): number {
  const { year, month } = ymdFromDay(dayNumber);
  return (year - 1970) * 12 + (month - 1);
}

/** First calendar day of a month index (see `monthIndexOfDay`). */
export function firstDayOfMonthIndex(monthIndex: number): CalendarDay {
  const year = 1970 + Math.floor(monthIndex / 12);
  const month = monthIndex - (year - 1970) * 12 + 1;
  return dayFromYmd(year, month, 1);
}

/** `YYYY-MM` label of a month index. */
export function formatMonthIndex(monthIndex: number): string {
  return formatIsoDay(firstDayOfMonthIndex(monthIndex)).slice(0, 7);
}

/** Adds whole calendar months, clamping the day to the target month's length. */
export function addMonths(dayNumber: CalendarDay, months: number): CalendarDay {
  const { year, month, day } = ymdFromDay(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return dayFromYmd(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}
