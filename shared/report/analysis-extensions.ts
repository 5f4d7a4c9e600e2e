import type { AnalysisSection } from './analysis-sections';
import { retentionSection } from './retention-report';

/**
 * The extra sections every analysis report gets, in sheet order after the core sheets (summary,
 * segments, clients, ABC-XYZ, rejected rows). This list is the extension point: a new area adds
 * one import and one entry here (for example the retention sheets: lost clients, alerts, cohorts,
 * migration, managers, channels), and the CLI, the Excel add-in and the Sheets add-on all show it.
 */
export const ANALYSIS_SECTIONS: readonly AnalysisSection[] = [retentionSection];
