import type { Locale } from '../i18n';
import type { DecimalSeparator } from './parse-money';
import type { SlashDateOrder } from './types';

/**
 * How a language writes what its values alone cannot tell, as the sheet reader and the
 * spreadsheet functions' text arguments both fall back to it (CLDR, https://cldr.unicode.org).
 */

/**
 * The order of an ambiguous slash date (`03/04/2024`): Russian writes the day first, English
 * (as Excel's en-US) the month first.
 * @example localeSlashDateOrder('ru') === 'day-first' (tested)
 */
export function localeSlashDateOrder(locale: Locale): SlashDateOrder {
  return locale === 'ru' ? 'day-first' : 'month-first';
}

/**
 * The decimal mark that settles an ambiguous `1,234`: English groups thousands with `,`, so `.`
 * marks decimals; Russian marks decimals with `,`, which is `parseMoney`'s reading without a hint
 * (`undefined`), and never groups with `.`.
 * @example localeDecimalSeparator('en') === '.'; localeDecimalSeparator('ru') === undefined (tested)
 */
export function localeDecimalSeparator(locale: Locale): DecimalSeparator | undefined {
  return locale === 'en' ? '.' : undefined;
}
