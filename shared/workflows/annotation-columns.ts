import type { AnnotationColumn } from '../host';
import { translate, type Locale } from '../i18n/translate';
import { uiMessages } from '../i18n/ui-messages';
import type { ReportValue } from '../report/types';
import type { AnalysisId } from './analyses';
import type { WorkflowClientResult, WorkflowRead } from './workflow-core';

/**
 * The columns annotate mode adds: segment, RFM cell, ABC, XYZ (and the alert when that analysis
 * ran), one value per sheet row below the header through `lastRowNumber`; a row the reader
 * rejected gets its reason in a check column instead, so no row is silently left blank.
 */
export function annotationColumns(
  read: WorkflowRead,
  clients: readonly WorkflowClientResult[],
  lastRowNumber: number,
  options: { readonly analyses: readonly AnalysisId[]; readonly locale: Locale },
): AnnotationColumn[] {
  const byKey = new Map(clients.map((c) => [c.clientKey, c]));
  const firstDataRow = read.headerRow + 1;
  const length = Math.max(0, lastRowNumber - firstDataRow + 1);
  const clientOfRow: (WorkflowClientResult | undefined)[] = new Array<
    WorkflowClientResult | undefined
  >(length);
  const rows = read.shape === 'transactions' ? read.transactions : read.clients;
  for (const row of rows) {
    const i = row.row - firstDataRow;
    if (i >= 0 && i < length) clientOfRow[i] = byKey.get(row.clientKey);
  }
  const rejected: ReportValue[] = new Array<ReportValue>(length).fill(null);
  for (const r of read.rejectedRows) {
    const i = r.row - firstDataRow;
    if (i >= 0 && i < length) rejected[i] = r.reason;
  }
  const t = (id: Parameters<typeof translate<typeof uiMessages>>[1]): string =>
    translate(uiMessages, id, options.locale);
  const pick = (f: (c: WorkflowClientResult) => string | undefined): ReportValue[] =>
    Array.from({ length }, (_, i) => {
      const c = clientOfRow[i];
      return c === undefined ? null : (f(c) ?? null);
    });
  const columns: AnnotationColumn[] = [];
  if (options.analyses.includes('rfm')) {
    columns.push({
      key: 'segment',
      header: t('annotateSegment'),
      kind: 'text',
      values: pick((c) => c.segmentLabel ?? c.segment),
      fills: Array.from({ length }, (_, i) => clientOfRow[i]?.segmentColor ?? null),
    });
    columns.push({
      key: 'rfmCell',
      header: t('annotateRfm'),
      kind: 'text',
      values: pick((c) => c.rfmCell),
    });
  }
  if (options.analyses.includes('abcXyz')) {
    columns.push({
      key: 'abc',
      header: t('annotateAbc'),
      kind: 'text',
      values: pick((c) => c.abc),
    });
    columns.push({
      key: 'xyz',
      header: t('annotateXyz'),
      kind: 'text',
      values: pick((c) => c.xyz),
    });
  }
  if (options.analyses.includes('alerts')) {
    columns.push({
      key: 'alert',
      header: t('annotateAlert'),
      kind: 'text',
      values: pick((c) => c.alert),
    });
  }
  if (rejected.some((v) => v !== null)) {
    columns.push({
      key: 'rowCheck',
      header: t('annotateRowCheck'),
      kind: 'text',
      values: rejected,
    });
  }
  return columns;
}
