import { dayFromYmd } from '../calendar/calendar-day';
import type { Grid } from '../sheet-data/types';
import { ANALYSIS_IDS, availableAnalyses, type AnalysisId } from './analyses';
import { defaultWorkflowCore } from './default-core';
import type { WorkflowCore } from './workflow-core';

/** Twelve purchases of three clients over six months: enough for every analysis to show a table. */
const PROBE_GRID: Grid = [
  ['Client', 'Date', 'Amount', 'Manager', 'Channel', 'Category'],
  ...[
    ['Anna', 2024, 1, 5, 100],
    ['Anna', 2024, 2, 6, 120],
    ['Anna', 2024, 3, 4, 90],
    ['Anna', 2024, 4, 8, 110],
    ['Anna', 2024, 5, 7, 100],
    ['Anna', 2024, 6, 3, 130],
    ['Boris', 2024, 1, 10, 300],
    ['Boris', 2024, 2, 12, 50],
    ['Boris', 2024, 6, 20, 20],
    ['Vera', 2024, 1, 15, 40],
    ['Vera', 2024, 3, 15, 40],
    ['Gleb', 2024, 2, 1, 500],
  ].map(([client, y, m, d, amount]) => [
    client as string,
    { kind: 'date' as const, day: dayFromYmd(y as number, m as number, d as number) },
    amount as number,
    client === 'Anna' ? 'Olga' : 'Ivan',
    client === 'Boris' ? 'ads' : 'referral',
    client === 'Vera' ? 'massage' : 'spa',
  ]),
];

/**
 * The analyses the core can run now: the report built from a small fixed sample with every
 * analysis chosen, matched to analyses by its table ids (see `availableAnalyses`). The task pane
 * disables the rest with a note. Never throws: a failing probe offers RFM only.
 *
 * Example: with the core of this version it includes `rfm` and `abcXyz` (test/shared/workflows).
 */
export function detectAvailableAnalyses(
  core: WorkflowCore = defaultWorkflowCore,
): ReadonlySet<AnalysisId> {
  try {
    const read = core.readSheet(PROBE_GRID, {
      locale: 'en',
      dateSystem: '1900',
      firstRowNumber: 1,
    });
    const built = core.buildReport(read, { locale: 'en', analyses: ANALYSIS_IDS });
    return availableAnalyses(built.report.sheets.flatMap((s) => s.tables.map((t) => t.id)));
  } catch {
    // A probe failure must not block the task pane; RFM is the core's first analysis.
    return new Set<AnalysisId>(['rfm']);
  }
}
