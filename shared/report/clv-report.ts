import { formatIsoDay } from '../calendar';
import { translate, type Locale, type MessageParams } from '../i18n';
import type { BgNbdFit } from '../models/bg-nbd';
import type { DiscountedClvOptions } from '../models/discounted-clv';
import type { FrequencyBucketRow, FrequencyHistogramRow, TrackingRow } from '../models/fit-quality';
import type { GammaGammaFit } from '../models/gamma-gamma';
import { modelsMessages, type ModelsMessageId } from '../models/messages';
import type { ParetoNbdFit } from '../models/pareto-nbd';
import type { ClientForecast } from '../models/score-clients';
import type { TimeUnit } from '../models/types';
import type { Report, ReportColumn, ReportSheet, ReportTable, ReportValue } from './types';

export interface ClvReportInput {
  readonly locale: Locale;
  readonly unit: TimeUnit;
  readonly calibrationEnd: number;
  readonly bgNbd: BgNbdFit;
  readonly paretoNbd?: ParetoNbdFit;
  readonly gammaGamma: GammaGammaFit;
  /** Per-client forecasts (from `scoreClients`). */
  readonly forecasts: readonly ClientForecast[];
  readonly clvOptions: DiscountedClvOptions;
  readonly holdout?: readonly FrequencyBucketRow[];
  readonly histogram?: readonly FrequencyHistogramRow[];
  readonly tracking?: readonly TrackingRow[];
}

/** No NaN or Infinity reaches a cell: such a value becomes an empty cell. */
const cell = (v: number | undefined): ReportValue =>
  v !== undefined && Number.isFinite(v) ? v : null;

/**
 * The CLV report as host-neutral tables: a per-client forecast sheet; a model sheet with the
 * fitted parameters and standard errors of BG/NBD, Pareto/NBD (when fitted) and Gamma-Gamma; a
 * fit-quality sheet with calibration vs holdout by frequency, the calibration histogram and the
 * cumulative repeat-purchase tracking (with a line chart). Labels in `locale`.
 * Example: CDNOW with holdout gives three sheets; the tracking table has 78 weekly rows (tested).
 */
export function buildClvReport(input: ClvReportInput): Report {
  const { locale, unit } = input;
  const t = (id: ModelsMessageId, params?: MessageParams) =>
    translate(modelsMessages, id, locale, params);
  const unitLabel = t(`unit.${unit}`);
  const col = (
    key: string,
    id: ModelsMessageId,
    kind: ReportColumn['kind'],
    params?: MessageParams,
  ): ReportColumn => ({
    key,
    label: t(id, params),
    kind,
  });
  const o = input.clvOptions;
  const hasHoldout = input.forecasts.some((f) => f.holdoutRepeatCount !== undefined);
  const horizon = o.horizonPeriods * (o.periodLength ?? 1);
  const clientColumns: ReportColumn[] = [
    col('client', 'column.client', 'text'),
    col('x', 'column.repeatPurchases', 'integer'),
    col('t_x', 'column.firstToLast', 'number', { unit: unitLabel }),
    col('T', 'column.age', 'number', { unit: unitLabel }),
    col('meanRepeatValue', 'column.meanRepeatValue', 'money'),
    col('probabilityAlive', 'column.probabilityAlive', 'percent'),
    col('expectedPurchases', 'column.expectedPurchases', 'number', {
      horizon: Math.round(horizon * 100) / 100,
      unit: unitLabel,
    }),
    col('expectedSpend', 'column.expectedSpend', 'money'),
    col('clv', 'column.clv', 'money'),
    ...(hasHoldout ? [col('holdoutActual', 'column.holdoutActual', 'integer')] : []),
  ];
  const sorted = [...input.forecasts].sort((p, q) => q.clv - p.clv);
  const clients: ReportTable = {
    id: 'clv-clients',
    title: t('report.clientsTitle'),
    note: t('report.clientsNote', {
      calibrationEnd: formatIsoDay(input.calibrationEnd),
      unit: unitLabel,
      horizon: o.horizonPeriods,
      periodLength: Math.round((o.periodLength ?? 1) * 1000) / 1000,
      discount: o.discountRatePerPeriod,
      margin: o.marginRatio ?? 1,
    }),
    columns: clientColumns,
    rows: sorted.map((f) => [
      f.clientName,
      f.repeatPurchases,
      cell(f.firstToLastPurchase),
      cell(f.firstPurchaseToEnd),
      cell(f.meanRepeatValue),
      cell(f.probabilityAlive),
      cell(f.expectedPurchases),
      cell(f.expectedSpendPerPurchase),
      cell(f.clv),
      ...(hasHoldout ? [f.holdoutRepeatCount ?? null] : []),
    ]),
  };
  const parameterColumns: ReportColumn[] = [
    col('model', 'column.model', 'text'),
    col('parameter', 'column.parameter', 'text'),
    col('meaning', 'column.meaning', 'text'),
    col('value', 'column.value', 'number'),
    col('standardError', 'column.standardError', 'number'),
  ];
  const parameterRows: ReportValue[][] = [];
  const addFit = (
    model: string,
    names: readonly string[],
    values: Readonly<Record<string, number>>,
    errors: Readonly<Record<string, number>> | undefined,
    logLikelihood: number,
  ) => {
    for (const name of names) {
      parameterRows.push([
        model,
        name,
        t(`parameter.${name}` as ModelsMessageId, { unit: unitLabel }),
        cell(values[name]),
        cell(errors?.[name]),
      ]);
    }
    parameterRows.push([model, 'LL', t('parameter.logLikelihood'), cell(logLikelihood), null]);
  };
  addFit(
    'BG/NBD',
    ['r', 'alpha', 'a', 'b'],
    { ...input.bgNbd.parameters },
    input.bgNbd.standardErrors && { ...input.bgNbd.standardErrors },
    input.bgNbd.logLikelihood,
  );
  if (input.paretoNbd) {
    const p = input.paretoNbd;
    addFit(
      'Pareto/NBD',
      ['r', 'alpha', 's', 'beta'],
      { ...p.parameters },
      p.standardErrors && { ...p.standardErrors },
      p.logLikelihood,
    );
  }
  const g = input.gammaGamma;
  addFit(
    'Gamma-Gamma',
    ['p', 'q', 'gamma'],
    { ...g.parameters },
    g.standardErrors && { ...g.standardErrors },
    g.logLikelihood,
  );
  const parameters: ReportTable = {
    id: 'clv-parameters',
    title: t('report.parametersTitle'),
    note: t('report.parametersNote'),
    columns: parameterColumns,
    rows: parameterRows,
  };
  const fitTables: ReportTable[] = [];
  const bucketLabel = (k: number, open: boolean): string => (open ? `${k}+` : String(k));
  if (input.holdout) {
    fitTables.push({
      id: 'clv-holdout',
      title: t('report.holdoutTitle'),
      note: t('report.holdoutNote'),
      columns: [
        col('x', 'column.repeatPurchases', 'text'),
        col('clients', 'column.clients', 'integer'),
        col('actual', 'column.actualMean', 'number'),
        col('predicted', 'column.predictedMean', 'number'),
      ],
      rows: input.holdout.map((r) => [
        bucketLabel(r.repeatPurchases, r.isOpenEnded),
        r.clients,
        cell(r.actualMeanHoldout),
        cell(r.predictedMeanHoldout),
      ]),
      chart: {
        kind: 'column',
        title: t('report.holdoutTitle'),
        categoryColumn: 'x',
        valueColumns: ['actual', 'predicted'],
      },
    });
  }
  if (input.histogram) {
    fitTables.push({
      id: 'clv-histogram',
      title: t('report.histogramTitle'),
      columns: [
        col('x', 'column.repeatPurchases', 'text'),
        col('actual', 'column.actualClients', 'integer'),
        col('expected', 'column.expectedClients', 'number'),
      ],
      rows: input.histogram.map((r) => [
        bucketLabel(r.repeatPurchases, r.isOpenEnded),
        r.actualClients,
        cell(r.expectedClients),
      ]),
    });
  }
  if (input.tracking) {
    fitTables.push({
      id: 'clv-tracking',
      title: t('report.trackingTitle'),
      columns: [
        col('period', 'column.period', 'integer', { unit: unitLabel }),
        col('lastDay', 'column.lastDay', 'day'),
        col('actualCumulative', 'column.actualCumulative', 'integer'),
        col('expectedCumulative', 'column.expectedCumulative', 'number'),
      ],
      rows: input.tracking.map((r) => [
        r.period,
        r.lastDay,
        r.actualCumulative,
        cell(r.expectedCumulative),
      ]),
      chart: {
        kind: 'line',
        title: t('report.trackingChart'),
        categoryColumn: 'period',
        valueColumns: ['actualCumulative', 'expectedCumulative'],
      },
    });
  }
  const sheets: ReportSheet[] = [
    { name: t('report.sheetClients'), tables: [clients] },
    { name: t('report.sheetModel'), tables: [parameters] },
    ...(fitTables.length > 0 ? [{ name: t('report.sheetFit'), tables: fitTables }] : []),
  ];
  return { locale, title: t('report.title'), sheets };
}
