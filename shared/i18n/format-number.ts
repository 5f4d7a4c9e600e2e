import type { Locale } from './translate';

/** The language tag whose CLDR number symbols each locale uses. */
const LANGUAGE_TAGS: Readonly<Record<Locale, string>> = { en: 'en-US', ru: 'ru-RU' };

// One formatter per locale and pattern: building an Intl.NumberFormat costs far more than using it.
const cache = new Map<string, Intl.NumberFormat>();

function formatter(
  locale: Locale,
  key: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const id = `${locale}:${key}`;
  let found = cache.get(id);
  if (found === undefined) {
    found = new Intl.NumberFormat(LANGUAGE_TAGS[locale], options);
    cache.set(id, found);
  }
  return found;
}

function checkFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number: ${value}`);
}

/**
 * A money amount as people of `locale` write it: thousands grouped, always two decimals.
 *
 * Definition: the CLDR decimal pattern of the locale (https://cldr.unicode.org, via
 * `Intl.NumberFormat`): en groups by `,` with a `.` decimal point (`1,234.56`); ru groups by a
 * non-breaking space U+00A0 with a `,` decimal comma (`1 234,56`), as Russian typography does.
 * No currency sign: the amounts are in the sheet's own currency, which the core does not know.
 *
 * @param amount money, in the sheet's currency units.
 * @throws RangeError for a NaN or infinite amount (a bug in the caller, not a user mistake).
 * @example formatMoney(1234.5, 'ru') === '1\u00a0234,50'; formatMoney(1234.5, 'en') === '1,234.50'
 *   (tested in test/shared/i18n/format-number.test.ts).
 */
export function formatMoney(amount: number, locale: Locale): string {
  checkFinite(amount, 'amount');
  return formatter(locale, 'money', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/**
 * A plain quantity (days, months, a multiplier) with at most `maximumDecimals` decimals, trailing
 * zeros dropped, thousands grouped as in `formatMoney`.
 *
 * @param value the number, in whatever unit the caller states next to it.
 * @param maximumDecimals whole number 0..20; default 2.
 * @throws RangeError for a NaN or infinite value or a bad `maximumDecimals`.
 * @example formatNumber(10.5, 'ru') === '10,5'; formatNumber(1374, 'en') === '1,374' (tested).
 */
export function formatNumber(value: number, locale: Locale, maximumDecimals = 2): string {
  checkFinite(value, 'value');
  return formatter(locale, `number${maximumDecimals}`, {
    maximumFractionDigits: maximumDecimals,
  }).format(value);
}

/**
 * A ratio (0.205) shown as a percent with at most `maximumDecimals` decimals: en `20.5%`, ru
 * `20,5 %` (CLDR puts a non-breaking space before the sign in Russian).
 *
 * @param ratio the share as a ratio, 1 = 100 %; values outside 0..1 are shown as they are.
 * @param maximumDecimals decimals of the percent, whole number 0..20; default 1.
 * @throws RangeError for a NaN or infinite ratio or a bad `maximumDecimals`.
 * @example formatPercent(0.205, 'en') === '20.5%'; formatPercent(0.205, 'ru') === '20,5\u00a0%'
 *   (tested).
 */
export function formatPercent(ratio: number, locale: Locale, maximumDecimals = 1): string {
  checkFinite(ratio, 'ratio');
  return formatter(locale, `percent${maximumDecimals}`, {
    style: 'percent',
    maximumFractionDigits: maximumDecimals,
  }).format(ratio);
}
