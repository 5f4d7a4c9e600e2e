/** The analyses the task pane and the sidebar offer, in display order. */
export const ANALYSIS_IDS = [
  'rfm',
  'abcXyz',
  'alerts',
  'lostClients',
  'cohorts',
  'migration',
  'managers',
  'clv',
] as const;

export type AnalysisId = (typeof ANALYSIS_IDS)[number];

/** True for a string naming a known analysis. */
export function isAnalysisId(text: string): text is AnalysisId {
  return (ANALYSIS_IDS as readonly string[]).includes(text);
}

/**
 * Which analyses a report table belongs to, from its stable id: the summary (`metrics`,
 * `reading`) and `rejectedRows` always stay; `segments` and `clients` are RFM; ids starting with
 * `abcXyz` are ABC/XYZ; the retention and forecasting tables are matched by the words in their
 * ids (`alert`, `lost`, `cohort`, `migration`, `manager`/`channel`/`portfolio`, `clv`/`model`/
 * `bgNbd`/`pareto`/`gammaGamma`). An id matching none stays with RFM, so nothing is lost silently.
 *
 * Example: `analysesOfTable('abcXyzMatrix')` is `['abcXyz']`.
 */
export function analysesOfTable(tableId: string): readonly AnalysisId[] | 'always' {
  if (tableId === 'metrics' || tableId === 'reading' || tableId === 'rejectedRows') return 'always';
  const id = tableId.toLowerCase();
  const owners: AnalysisId[] = [];
  if (id.startsWith('abcxyz')) owners.push('abcXyz');
  if (id.includes('alert')) owners.push('alerts');
  if (id.includes('lost') || id.includes('churn')) owners.push('lostClients');
  if (id.includes('cohort')) owners.push('cohorts');
  if (id.includes('migration')) owners.push('migration');
  if (id.includes('manager') || id.includes('channel') || id.includes('portfolio'))
    owners.push('managers');
  if (/clv|model|bgnbd|pareto|gammagamma|palive|forecast/.test(id)) owners.push('clv');
  return owners.length > 0 ? owners : ['rfm'];
}

/**
 * The analyses a report offers, from the ids of the tables it contains: a UI enables an analysis
 * only when the core produced a table for it (so analyses not yet in the core show as
 * unavailable). RFM is always available.
 */
export function availableAnalyses(tableIds: readonly string[]): ReadonlySet<AnalysisId> {
  const found = new Set<AnalysisId>(['rfm']);
  for (const id of tableIds) {
    const owners = analysesOfTable(id);
    if (owners !== 'always') for (const owner of owners) found.add(owner);
  }
  return found;
}
