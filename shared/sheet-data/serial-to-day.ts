import type { CalendarDay } from '../calendar';
import type { DateSystem } from './types';

/** Epoch day of serial 61 minus 61 in the 1900 system: serial 25569 is 1970-01-01. */
const OFFSET_1900_FROM_MARCH = 25569;
/** Serials 1..59 sit one day later, because Excel counts the phantom 1900-02-29 as serial 60. */
const OFFSET_1900_BEFORE_MARCH = 25568;
/** 1904-01-01 is epoch day -24107 (66 years of 365 days plus 17 leap days). */
const OFFSET_1904 = 24107;
/** Serial of 9999-12-31, the last day Excel shows, in each system. */
const MAX_SERIAL_1900 = 2958465;
const MAX_SERIAL_1904 = 2957003;

/**
 * The calendar day of a spreadsheet date serial, or `undefined` when the serial names no real day.
 *
 * Definition (Microsoft, "Differences between the 1900 and the 1904 date system in Excel",
 * https://learn.microsoft.com/office/troubleshoot/excel/1900-and-1904-date-system): in the 1900
 * system serial 1 is 1900-01-01 and serial 60 is the non-existent 1900-02-29 kept for Lotus 1-2-3
 * compatibility, so it is rejected and serial 61 is 1900-03-01; in the 1904 system serial 0 is
 * 1904-01-01. The fractional part is the time of day and is dropped.
 *
 * @param serial days in the sheet's serial system (a number, fraction = time of day)
 * @param dateSystem `1900` (Windows default, Google Sheets) or `1904` (old Mac workbooks)
 * @returns days since 1970-01-01, or `undefined` for serial 60 (1900), serials before the first
 *   day, after 9999-12-31, or not finite. Never throws.
 * @example serialToDay(45363, '1900') === 19794 // 2024-03-12
 */
export function serialToDay(
  serial: number,
  dateSystem: DateSystem = '1900',
): CalendarDay | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (dateSystem === '1904') {
    if (whole < 0 || whole > MAX_SERIAL_1904) return undefined;
    return whole - OFFSET_1904;
  }
  if (whole < 1 || whole > MAX_SERIAL_1900 || whole === 60) return undefined;
  return whole < 60 ? whole - OFFSET_1900_BEFORE_MARCH : whole - OFFSET_1900_FROM_MARCH;
}
