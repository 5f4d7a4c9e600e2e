import { buildAnalysisReport } from '../../../shared/report/analysis-report';
import { rejectedRowsReport, rejectedRowsSheet } from '../../../shared/report/rejected-rows-sheet';
import { readSheet } from '../../../shared/sheet-data';

describe('rejectedRowsSheet', () => {
  it('lists each row with its sheet row number and reason (the doc card example)', () => {
    const sheet = rejectedRowsSheet([{ row: 3, code: 'amount', reason: 'r' }], 'en');
    expect(sheet.name).toBe('Rejected rows');
    expect(sheet.tables.map((t) => [t.id, t.rows])).toEqual([['rejectedRows', [[3, 'r']]]]);
    expect(rejectedRowsSheet([], 'ru').name).toBe('Отклонённые строки');
  });

  it('is the sheet a full report writes: the analysis report uses it for its own rejected rows', () => {
    const read = readSheet([
      ['Client', 'Date', 'Amount'],
      ['Ann', '2024-01-10', 100],
      ['Bob', '2024-02-31', 50],
      ['Cat', '2024-01-05', 'abc'],
    ]);
    const report = buildAnalysisReport(read, { locale: 'ru' }).report;
    const fromReport = report.sheets.find((s) => s.tables.some((t) => t.id === 'rejectedRows'));
    expect(fromReport).toEqual(rejectedRowsSheet(read.rejectedRows, 'ru'));
    expect(fromReport?.tables[0]?.rows.map((r) => r[0])).toEqual([3, 4]);
  });

  it('rejectedRowsReport holds only that sheet, under the report title', () => {
    const report = rejectedRowsReport([{ row: 2, code: 'date', reason: 'x' }], 'en');
    expect(report.title).toBe('Client base analysis');
    expect(report.sheets).toEqual([
      rejectedRowsSheet([{ row: 2, code: 'date', reason: 'x' }], 'en'),
    ]);
  });
});
