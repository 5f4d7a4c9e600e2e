import { LOCALES, translate, type Locale } from '../i18n';
import { SHEET_DATA_MESSAGES } from './messages';

/** The row counts the notes of a read state. */
export interface RowTotals {
  /** Rows kept. */
  readonly read: number;
  /** Non-blank rows below the header (`SheetReadResult.dataRowCount`). */
  readonly total: number;
  /** Rows rejected, each listed with its reason. */
  readonly rejected: number;
}

/** "Rows read: …" and, when some were rejected, "Rows rejected: …", as `readSheet` writes them. */
function countNotes(locale: Locale, totals: RowTotals): string[] {
  const read = translate(SHEET_DATA_MESSAGES, 'rowsRead', locale, {
    read: totals.read,
    total: totals.total,
  });
  if (totals.rejected === 0) return [read];
  return [read, translate(SHEET_DATA_MESSAGES, 'rowsRejected', locale, { count: totals.rejected })];
}

/**
 * The notes of a read (`SheetReadResult.notes`) with the row counts said again after a later step
 * rejected more rows (a client list's rows on or after the as-of day, say), so that the notes agree
 * with the rejected rows: the "Rows read" and "Rows rejected" sentences `readSheet` wrote for
 * `before`, in whichever locale it wrote them, are replaced by those for `after` in the same
 * locale, the rejected count right after the rows read; the other notes keep their order. Notes
 * without the "Rows read" sentence of `before` (not written by `readSheet`) get the sentences for
 * `after` in `locale` at the end. Throws nothing.
 *
 * Example: `['Header found in row 1.', 'Rows read: 6 of 6.']` with before (6 of 6, 0 rejected)
 * and after (3 of 6, 3 rejected) gives `['Header found in row 1.', 'Rows read: 3 of 6.',
 * 'Rows rejected: 3 (listed with their reasons).']`.
 */
export function recountRowNotes(
  notes: readonly string[],
  before: RowTotals,
  after: RowTotals,
  locale: Locale,
): string[] {
  for (const written of LOCALES) {
    const [oldRead, oldRejected] = countNotes(written, before);
    const at = notes.indexOf(oldRead as string);
    if (at >= 0) {
      const renewed = countNotes(written, after);
      return notes.flatMap((note, i) => (i === at ? renewed : note === oldRejected ? [] : [note]));
    }
  }
  return [...notes, ...countNotes(locale, after)];
}
