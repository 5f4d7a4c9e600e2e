import type { Locale } from '../../shared/i18n';
import { localeFromTag } from '../../shared/i18n';
import type { SheetsCodecContext } from '../sheets-codec';
import { makeDayOfDate } from '../sheets-codec';

/**
 * The Apps Script services the codec and the host need, read once per execution. Custom
 * functions run without authorisation, so everything here is a read that needs no scope.
 */

/** The spreadsheet's time zone (dates are calendar days there), else the script's. */
export function spreadsheetTimeZone(): string {
  try {
    const zone = SpreadsheetApp.getActive()?.getSpreadsheetTimeZone();
    if (zone) return zone;
  } catch {
    // No active spreadsheet (e.g. run from the editor): fall back to the script's zone below.
  }
  return Session.getScriptTimeZone();
}

/** `ru_RU` (Sheets' spreadsheet locale form) → `ru-RU`, the BCP 47 form `localeFromTag` reads. */
function localeOf(tag: string | undefined | null): Locale {
  return localeFromTag(tag === undefined || tag === null ? undefined : tag.replace(/_/g, '-'));
}

/** The user's interface language for menus and the sidebar (`ru`, `en`, `ru_RU` ...). */
export function userLocale(): Locale {
  try {
    return localeOf(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/** The spreadsheet's locale, used for custom-function messages (no user identity is needed). */
export function spreadsheetLocale(): Locale {
  try {
    return localeOf(SpreadsheetApp.getActive()?.getSpreadsheetLocale());
  } catch {
    return userLocale();
  }
}

/**
 * A codec context for this execution: `Date` → day via `Utilities.formatDate` in the sheet's zone.
 * The zone and the locale are looked up only when first needed (a custom function given no dates
 * and raising no error makes no extra service call).
 */
export function sheetsCodecContext(locale: () => Locale): SheetsCodecContext {
  let dayOfDate: ((date: Date) => number) | undefined;
  let resolvedLocale: Locale | undefined;
  return {
    get locale(): Locale {
      resolvedLocale ??= locale();
      return resolvedLocale;
    },
    dayOfDate(date: Date): number {
      if (dayOfDate === undefined) {
        const timeZone = spreadsheetTimeZone();
        dayOfDate = makeDayOfDate((d) => Utilities.formatDate(d, timeZone, 'yyyy-MM-dd'));
      }
      return dayOfDate(date);
    },
  };
}
