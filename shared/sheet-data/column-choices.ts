import { AnalyticsError } from '../errors';
import { translate, type Locale } from '../i18n';
import { columnLetters } from './a1-address';
import { SHEET_DATA_MESSAGES } from './messages';
import type { ColumnMapping, ColumnRole } from './types';

// A record, so the compiler refuses a role added to `ColumnRole` but not here.
const ROLES: Readonly<Record<ColumnRole, true>> = {
  client: true,
  date: true,
  amount: true,
  orderId: true,
  profit: true,
  manager: true,
  channel: true,
  category: true,
  email: true,
  phone: true,
  nps: true,
  complaint: true,
  lastPurchaseDate: true,
  firstPurchaseDate: true,
  purchaseCount: true,
  totalRevenue: true,
};

/** Every column role the reader knows, as `ColumnRole` spells it (transactions, then client lists). */
export const COLUMN_ROLES = Object.keys(ROLES) as readonly ColumnRole[];

/**
 * Columns chosen by the user: role -> a column letter (`A`, `B`, ..., `AA`) or the text of its
 * header. See `resolveColumnChoices` for how a choice is found.
 */
export type ColumnChoices = Partial<Record<ColumnRole, string>>;

/**
 * The role a user's role name stands for, ignoring case and surrounding spaces (`orderid` and
 * `OrderId` are `orderId`); undefined for a name that is no role.
 * Example: `columnRoleOf(' Amount ')` is `'amount'` (tested).
 */
export function columnRoleOf(name: string): ColumnRole | undefined {
  const wanted = name.trim().toLowerCase();
  return COLUMN_ROLES.find((role) => role.toLowerCase() === wanted);
}

const LETTERS = /^[A-Za-z]{1,3}$/;

/**
 * The 0-based grid columns of the user's column choices. A choice is the text of a header, matched
 * ignoring case and spaces around it; when no header has that text, a column letter of the sheet
 * (`A` is the sheet's first column; `firstColumnNumber` is the sheet column of the grid's first),
 * which must lie within the table's `columnCount` columns. A header wins over a letter, so a column
 * headed `ID` is found by its header even though `ID` is also a letter.
 *
 * @param choices role -> letter or header text
 * @param headers the header row's texts as `readSheet` shows them ([] for no header row)
 * @param columnCount the number of columns of the table (the longest row)
 * @throws AnalyticsError `invalid_argument` (details `{ argument: 'columns', role, column }`) for a
 *   choice that is neither a header nor a letter within the table, or the header of several columns
 * @example resolveColumnChoices({ amount: 'сумма с ндс' }, ['Клиент', 'Дата', 'Сумма без НДС',
 *   'Сумма с НДС'], 4) is `{ amount: 3 }`, and `{ amount: 'C' }` gives `{ amount: 2 }` (tested)
 */
export function resolveColumnChoices(
  choices: ColumnChoices,
  headers: readonly string[],
  columnCount: number,
  options: { readonly locale?: Locale; readonly firstColumnNumber?: number } = {},
): ColumnMapping {
  const locale = options.locale ?? 'en';
  const firstColumnNumber = options.firstColumnNumber ?? 1;
  const mapping: ColumnMapping = {};
  for (const [role, choice] of Object.entries(choices) as [ColumnRole, string | undefined][]) {
    if (choice === undefined) continue;
    const wanted = choice.trim().toLowerCase();
    const matches: number[] = [];
    headers.forEach((header, index) => {
      if (wanted !== '' && header.trim().toLowerCase() === wanted) matches.push(index);
    });
    const fail = (id: 'columnChoiceNotFound' | 'columnChoiceAmbiguous', letters?: string) =>
      new AnalyticsError(
        'invalid_argument',
        translate(SHEET_DATA_MESSAGES, id, locale, {
          column: choice.trim(),
          role,
          first: columnLetters(firstColumnNumber),
          last: columnLetters(firstColumnNumber + Math.max(columnCount, 1) - 1),
          headers: headers.filter((h) => h.trim() !== '').join(', ') || '—',
          letters: letters ?? '',
        }),
        { argument: 'columns', role, column: choice },
      );
    if (matches.length > 1) {
      throw fail(
        'columnChoiceAmbiguous',
        matches.map((index) => columnLetters(firstColumnNumber + index)).join(', '),
      );
    }
    const [match] = matches;
    if (match !== undefined) {
      mapping[role] = match;
      continue;
    }
    const index = LETTERS.test(wanted) ? letterColumn(wanted) - firstColumnNumber : -1;
    if (index < 0 || index >= columnCount) throw fail('columnChoiceNotFound');
    mapping[role] = index;
  }
  return mapping;
}

/** `a` -> 1, `z` -> 26, `aa` -> 27 (lower-case letters). */
function letterColumn(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 96);
  return column;
}
