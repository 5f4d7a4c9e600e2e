import { buildAnalysisReport } from '../report/analysis-report';
import { segmentInfo } from '../segmentation/segment-info';
import { readSheet } from '../sheet-data/read-sheet';
import { analysesOfTable, type AnalysisId } from './analyses';
import type { WorkflowClientResult, WorkflowCore, WorkflowReport } from './workflow-core';

/**
 * The real core steps: `readSheet` from `shared/sheet-data` and `buildAnalysisReport` from
 * `shared/report`, whose report is cut down to the chosen analyses (tables are matched to
 * analyses by their ids, see `analysesOfTable`; the summary and the rejected rows always stay).
 */
export const defaultWorkflowCore: WorkflowCore = {
  readSheet: (grid, options) => readSheet(grid, options),
  buildReport: (read, options): WorkflowReport => {
    // The extra sections (retention, forecasting) cost most of the time on a large sheet: skip
    // them when only RFM and ABC/XYZ are chosen.
    const needsSections = options.analyses.some((a) => a !== 'rfm' && a !== 'abcXyz');
    const result = buildAnalysisReport(read, {
      locale: options.locale,
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      ...(needsSections ? {} : { sections: [] }),
    });
    const chosen = new Set<AnalysisId>(options.analyses);
    const sheets = result.report.sheets
      .map((sheet) => ({
        ...sheet,
        tables: sheet.tables.filter((table) => {
          const owners = analysesOfTable(table.id);
          return owners === 'always' || owners.some((a) => chosen.has(a));
        }),
      }))
      .filter((sheet) => sheet.tables.length > 0);
    const { summaries, rfm, segments, abc, xyz } = result.context;
    const clients: WorkflowClientResult[] = summaries.map((summary, i) => {
      const segment = segments[i];
      const info = segment !== undefined ? segmentInfo(segment) : undefined;
      const rfmCell = rfm[i]?.rfmCell;
      const abcClass = abc[i]?.abcClass;
      const xyzClass = xyz?.[i]?.xyzClass;
      return {
        clientKey: summary.clientKey,
        ...(rfmCell !== undefined ? { rfmCell } : {}),
        ...(info !== undefined
          ? {
              segment: info.segment,
              segmentLabel: info.name[options.locale],
              segmentColor: info.color,
            }
          : {}),
        ...(abcClass !== undefined ? { abc: abcClass } : {}),
        ...(xyzClass !== undefined ? { xyz: xyzClass } : {}),
      };
    });
    return {
      report: { ...result.report, sheets },
      json: result.json,
      clients,
      notes: result.json.notes,
      rejectedRowCount: result.json.rejectedRows.length,
    };
  },
};
