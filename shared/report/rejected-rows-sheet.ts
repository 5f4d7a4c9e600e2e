import { translate, type Locale } from '../i18n';
import type { RejectedRow } from '../sheet-data/types';
import { REPORT_MESSAGES } from './messages';
import type { Report, ReportSheet } from './types';

/**
 * The Rejected rows sheet of a report: one table of the rows left out of the analysis, each with
 * its sheet row number and reason, in the order given (`buildAnalysisReport` gives them by row).
 * Its name is the localised `sheetRejected` (`Rejected rows`, `Отклонённые строки`).
 * Example: `rejectedRowsSheet([{ row: 3, code: 'amount', reason: 'r' }], 'en')` has one table
 * `rejectedRows` with the row `[3, 'r']` (checked in test/shared/report).
 */
export function rejectedRowsSheet(rows: readonly RejectedRow[], locale: Locale): ReportSheet {
  const t = (id: keyof typeof REPORT_MESSAGES): string => translate(REPORT_MESSAGES, id, locale);
  return {
    name: t('sheetRejected'),
    tables: [
      {
        id: 'rejectedRows',
        title: t('tableRejected'),
        note: rows.length === 0 ? t('tableRejectedNoneNote') : t('tableRejectedNote'),
        columns: [
          { key: 'row', label: t('columnRow'), kind: 'integer' },
          { key: 'reason', label: t('columnReason'), kind: 'text' },
        ],
        rows: rows.map((rejected) => [rejected.row, rejected.reason]),
      },
    ],
  };
}

/**
 * The report of a run that could not analyse anything because every row was rejected: only the
 * Rejected rows sheet (`rejectedRowsSheet`), so the user can read every reason, not just the few an
 * error message has room for.
 */
export function rejectedRowsReport(rows: readonly RejectedRow[], locale: Locale): Report {
  return {
    locale,
    title: translate(REPORT_MESSAGES, 'reportTitle', locale),
    sheets: [rejectedRowsSheet(rows, locale)],
  };
}
