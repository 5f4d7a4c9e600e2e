import { formatNumber, translate, type Locale } from '../shared/i18n';
import { CLI_MESSAGES } from '../shared/report/cli-messages';
import type { RejectedRow } from '../shared/sheet-data/types';

/**
 * The lines listing rejected rows, in `locale`: a title with how many are shown of how many, one
 * line per row (its sheet row number and reason) for the first `shownAtMost`, then how many more
 * there are. No lines when no row was rejected.
 * Example: three rows with `shownAtMost` 2 give `Rejected rows (first 2 of 3):`, `  row 2: ...`,
 * `  row 3: ...`, `  ... and 1 more` (tested in test/cli/rejected-row-lines.test.ts).
 */
export function rejectedRowLines(
  rows: readonly RejectedRow[],
  shownAtMost: number,
  locale: Locale,
): string[] {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, shownAtMost);
  const lines = [
    translate(CLI_MESSAGES, 'summaryRejectedTitle', locale, {
      shown: formatNumber(shown.length, locale, 0),
      total: formatNumber(rows.length, locale, 0),
    }),
  ];
  for (const rejected of shown) {
    lines.push(
      translate(CLI_MESSAGES, 'summaryRejectedLine', locale, {
        row: rejected.row,
        reason: rejected.reason,
      }),
    );
  }
  const more = rows.length - shown.length;
  if (more > 0) {
    lines.push(
      translate(CLI_MESSAGES, 'summaryRejectedMore', locale, {
        count: formatNumber(more, locale, 0),
      }),
    );
  }
  return lines;
}
