import type { SheetInfo } from '../host';

/** Excel's limit on a sheet name, which Sheets accepts too. */
export const MAX_SHEET_NAME_LENGTH = 31;

/**
 * The name to give an owned report sheet: `desired` itself when no sheet has it or the sheet
 * with it is already owned (it will be replaced); otherwise `desired (2)`, `desired (3)`, ... cut
 * to 31 characters, so a user's own sheet is never replaced. Names compare case-insensitively,
 * as both Excel and Sheets do. `taken` holds names already chosen in this run.
 *
 * Example: with a user sheet `Segments`, `chooseOwnedSheetName('Segments', sheets)` is
 * `Segments (2)`.
 */
export function chooseOwnedSheetName(
  desired: string,
  sheets: readonly SheetInfo[],
  taken: readonly string[] = [],
): string {
  const base = sanitiseSheetName(desired);
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const takenSet = new Set(taken.map((t) => t.toLowerCase()));
  const free = (name: string): boolean => {
    const key = name.toLowerCase();
    if (takenSet.has(key)) return false;
    const existing = byName.get(key);
    return existing === undefined || existing.owned;
  };
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate =
      sanitiseSheetName(base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length)) + suffix;
    if (free(candidate)) return candidate;
  }
}

/**
 * Replaces the characters Excel forbids in sheet names (`\ / ? * [ ] :`) with `-`, trims a
 * leading or trailing apostrophe or space and cuts to 31 characters (never half a surrogate pair);
 * an empty result becomes `Report`.
 */
export function sanitiseSheetName(name: string): string {
  // Apostrophes and spaces at either end go together (" ' " is no name), also after the cut.
  const ends = /^['\s]+|['\s]+$/g;
  const cleaned = name
    .replace(/[\\/?*[\]:]/g, '-')
    .replace(ends, '')
    .slice(0, MAX_SHEET_NAME_LENGTH)
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(ends, '');
  return cleaned === '' ? 'Report' : cleaned;
}
