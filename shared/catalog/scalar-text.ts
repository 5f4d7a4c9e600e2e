import type { CalendarDay } from '../calendar';
import type { Locale } from '../i18n';
import { localeDecimalSeparator, localeSlashDateOrder } from '../sheet-data/locale-conventions';
import { readDateText, slashDateParts } from '../sheet-data/parse-date-text';
import { parseMoney } from '../sheet-data/parse-money';
import type { SlashDateOrder } from '../sheet-data/types';

/**
 * How a spreadsheet-function argument typed as text is read, the same in every host and by the
 * sheet reader's rules, so `CAC("1,234"; 1)` means one thing in Excel and in Sheets.
 */

/**
 * A number typed as text, read as a money cell is read (`parseMoney`: spaces, apostrophes or
 * the other separator group thousands, an optional sign, parentheses or currency mark), or
 * `undefined` when it is not a number a person types (`0x10`, `1e3`, `Infinity`, `12 34`).
 * An ambiguous `1,234` (one separator, exactly three digits after it) is decided by the locale,
 * as `readSheet` decides a column without other evidence: en groups thousands (1234), ru reads a
 * decimal comma (1.234).
 *
 * Example: `numberFromText('1,234', 'en')` is 1234 and `numberFromText('1,234', 'ru')` is 1.234
 * (tested in test/shared/catalog/scalar-text.test.ts).
 */
export function numberFromText(text: string, locale: Locale): number | undefined {
  const decimalSeparator = localeDecimalSeparator(locale);
  return parseMoney(text, decimalSeparator === undefined ? {} : { decimalSeparator });
}

/**
 * A date typed as text, read as a date cell's text is read (`readDateText`: ISO `2024-03-12`,
 * dotted `12.03.2024`, slash or dash `12/03/2024`, an optional time), or `undefined` when it is
 * not a real date. A slash date's order follows the one value the way `readSheet` decides a
 * column: a first part above 12 is the day, a second part above 12 is the day, otherwise the
 * locale's order (ru day first, en month first).
 *
 * Example: `dayFromText('12.03.2024', 'en')` is 19794 (2024-03-12); `dayFromText('03/12/2024',
 * 'en')` is the same day and `'ru'` reads it as 2024-12-03.
 */
export function dayFromText(text: string, locale: Locale): CalendarDay | undefined {
  const parts = slashDateParts(text);
  let order: SlashDateOrder = localeSlashDateOrder(locale);
  if (parts !== undefined && parts.first > 12 && parts.second <= 12) order = 'day-first';
  else if (parts !== undefined && parts.second > 12 && parts.first <= 12) order = 'month-first';
  const day = readDateText(text, order);
  return typeof day === 'number' ? day : undefined;
}

/**
 * A boolean typed as text: `TRUE`/`FALSE` in any case, or `1`/`0`; `undefined` for anything
 * else (`yes`, `2`, `ИСТИНА` as text: a Russian Excel passes a real boolean for ИСТИНА).
 *
 * Example: `booleanFromText(' true ')` is true; `booleanFromText('2')` is undefined.
 */
export function booleanFromText(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}
