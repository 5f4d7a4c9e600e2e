import { formatIsoDay, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { formatNumber } from '../i18n/format-number';
import { translate, type Locale, type MessageParams } from '../i18n/translate';
import {
  channelPortfoliosFromHistories,
  clientHistories,
  clientListRetention,
  clientSegments,
  cohortRetentionFromHistories,
  describeRetentionAlert,
  DEFAULT_CHURN_WINDOW,
  lastMonthsPeriods,
  lostClientsFromHistories,
  managerPortfoliosFromSegments,
  retentionAlertsFromHistories,
  retentionMessages,
  segmentInfo,
  segmentMigration,
  type AlertText,
  type ChannelPortfolio,
  type ClientSegments,
  type ClientListRetentionResult,
  type CohortRetentionResult,
  type LostClientsOptions,
  type LostClientsResult,
  type ManagerPortfolio,
  type MigrationPeriod,
  type NeedsTransactions,
  type RetentionAlert,
  type RetentionAlertOptions,
  type RetentionMessageId,
  type SegmentationOptions,
  type SegmentMigrationResult,
  type SegmentMove,
  type TransitionMatrix,
} from '../segmentation';
import type { RfmSegment } from '../segmentation/rfm-segments';
import type { ChurnWindowBasis, ChurnWindowOptions } from '../segmentation/lost-clients';
import type { ClientListWindowBasis } from '../segmentation/client-list-retention';
import type { SheetReadResult, Transaction } from '../sheet-data/types';
import type { AnalysisSection } from './analysis-sections';
import type { ReportColumn, ReportSheet, ReportTable, ReportValue } from './types';

/** Options of the retention report; each analysis keeps its own documented defaults. */
export interface RetentionReportOptions {
  readonly locale: Locale;
  /**
   * First day not covered. Default: the day after the latest purchase (as `summariseCustomers`),
   * or after the latest last-purchase date of a client list.
   */
  readonly asOf?: CalendarDay;
  readonly lost?: Omit<LostClientsOptions, 'asOf'>;
  readonly alerts?: Omit<RetentionAlertOptions, 'asOf'>;
  /** Compare the last N months with the N before (default 6), or two explicit periods. */
  readonly migration?:
    | { readonly months: number }
    | { readonly previous: MigrationPeriod; readonly current: MigrationPeriod };
  readonly segmentation?: SegmentationOptions;
  /** Marketing spend per acquisition channel, money, for CAC. */
  readonly spendByChannel?: Readonly<Record<string, number>>;
  /**
   * The segments (user guide §4–7) of every client on all rows before asOf, when the caller already has
   * them (the analysis report passes its own); computed here otherwise.
   */
  readonly clientSegments?: readonly ClientSegments[];
}

/**
 * The retention options a caller of the analysis report may set (`AnalysisOptions.retention`):
 * the churn window and look-back (`lost`), the alert thresholds (`alerts`; the churn window that
 * keeps lost clients out of the alerts comes from `lost` unless set here), the two migration
 * periods and the marketing spend per channel. Locale, as-of day and segmentation options come
 * from the analysis itself.
 */
export type RetentionSectionOptions = Pick<
  RetentionReportOptions,
  'lost' | 'alerts' | 'migration' | 'spendByChannel'
>;

/** The retention part of the JSON report: the same numbers as the sheets, keys stable. */
export interface RetentionJson {
  readonly retention: {
    readonly asOf: string;
    readonly shape: 'transactions' | 'clients';
    readonly lostClients: Readonly<Record<string, unknown>>;
    readonly alerts: readonly Readonly<Record<string, unknown>>[] | null;
    readonly cohorts: Readonly<Record<string, unknown>> | null;
    readonly migration: Readonly<Record<string, unknown>> | null;
    readonly managers: readonly ManagerPortfolio[];
    readonly channels: readonly ChannelPortfolio[];
    /** Analyses the input cannot give (client-list input), with the reason. */
    readonly notAvailable: readonly {
      readonly analysis: NeedsTransactions;
      readonly reason: string;
    }[];
  };
}

export interface RetentionSheets {
  readonly sheets: ReportSheet[];
  readonly json: RetentionJson;
}

/**
 * Host-neutral sheets and JSON for the retention analyses (user guide §13–17): lost clients (totals and
 * list), retention alerts with evidence and action, cohort retention (shares with a colour scale,
 * counts, revenue ratios), migration matrices with a stacked-column chart of segment flows,
 * manager portfolios with a comparison chart, and acquisition channels. A client list gets what
 * it allows (`clientListRetention`) and a "not available" table for the rest.
 *
 * @param read the result of `readSheet`.
 * @throws AnalyticsError `empty_input` when there is no purchase to stand on; `invalid_argument`
 *   for bad options (from the analyses).
 * @example a transaction list gives six sheets: Lost clients, Retention alerts, Cohorts,
 *   Migration, Managers, Channels (see the tests).
 */
export function buildRetentionSheets(
  read: SheetReadResult,
  options: RetentionReportOptions,
): RetentionSheets {
  const t = (id: RetentionMessageId, params?: MessageParams): string =>
    translate(retentionMessages, id, options.locale, params);
  return read.shape === 'clients'
    ? clientListSheets(read, options, t)
    : transactionSheets(read.transactions, options, t);
}

/** The retention sheets as a section of the analysis report (`ANALYSIS_SECTIONS`). */
export const retentionSection: AnalysisSection = (context) => {
  const { xyz } = context;
  const segments: ClientSegments[] | undefined =
    xyz === undefined
      ? undefined
      : context.summaries.map((summary, i) => ({
          summary,
          abcClass: context.abc[i]?.abcClass ?? 'C',
          xyzClass: xyz[i]?.xyzClass ?? 'Z',
          rfmCell: context.rfm[i]?.rfmCell ?? '111',
          segment: context.segments[i] ?? 'lost',
        }));
  const { sheets, json } = buildRetentionSheets(context.read, {
    ...context.retention,
    locale: context.locale,
    asOf: context.asOfDay,
    ...(context.segmentation ? { segmentation: context.segmentation } : {}),
    ...(segments ? { clientSegments: segments } : {}),
  });
  return { sheets, json: json as unknown as Readonly<Record<string, unknown>> };
};

type T = (id: RetentionMessageId, params?: MessageParams) => string;

function transactionSheets(
  transactions: readonly Transaction[],
  options: RetentionReportOptions,
  t: T,
): RetentionSheets {
  const asOf = options.asOf ?? defaultTransactionAsOf(transactions);
  const histories = clientHistories(transactions, asOf);
  const lost = lostClientsFromHistories(histories, { ...options.lost, asOf });
  const alerts = retentionAlertsFromHistories(histories, {
    ...churnWindowOf(options.lost),
    ...options.alerts,
    asOf,
  });
  const cohorts = cohortRetentionFromHistories(histories, { asOf });
  const alertTexts = alerts.map((a) => describeRetentionAlert(a, options.locale));
  const m = options.migration ?? { months: 6 };
  const periods = 'months' in m ? lastMonthsPeriods(asOf, m.months) : m;
  if (periods.current.asOf > asOf || periods.previous.asOf > asOf) {
    // The analysis leaves out the rows on or after its as-of day; so must the migration.
    throw new AnalyticsError(
      'invalid_argument',
      t('error.migrationAfterAsOf', {
        end: periodEnd(Math.max(periods.current.asOf, periods.previous.asOf)),
        asOf: formatIsoDay(asOf),
      }),
      { argument: 'migration' },
    );
  }
  const migration = segmentMigration(transactions, { ...options.segmentation, ...periods });
  const managers = managerPortfoliosFromSegments(
    options.clientSegments ?? clientSegments(transactions, asOf, undefined, options.segmentation),
    lost.statuses,
  );
  const channels = channelPortfoliosFromHistories(histories, {
    asOf,
    ...(options.spendByChannel ? { spendByChannel: options.spendByChannel } : {}),
  });
  // Display names: the spelling of each client's lowest sheet row, rows after asOf included. The
  // histories hold the rows before asOf grouped already, so only the later rows are looked up.
  const names = new Map<string, { row: number; name: string }>();
  for (const h of histories) {
    let row = Infinity;
    let name = h.clientName;
    for (const x of h.transactions) {
      if (x.row < row) {
        row = x.row;
        name = x.clientName;
      }
    }
    names.set(h.clientKey, { row, name });
  }
  for (const x of transactions) {
    if (x.day < asOf) continue;
    const seen = names.get(x.clientKey);
    if (!seen || x.row < seen.row) names.set(x.clientKey, { row: x.row, name: x.clientName });
  }
  const nameOf = (key: string): string => names.get(key)?.name ?? key;

  const sheets: ReportSheet[] = [
    {
      name: t('sheet.lost'),
      tables: [lostTotalsTable(lost, options, t), lostListTable(lost, options.locale, t)],
    },
    { name: t('sheet.alerts'), tables: [alertsTable(alerts, alertTexts, t)] },
    { name: t('sheet.cohorts'), tables: cohortTables(cohorts, t) },
    { name: t('sheet.migration'), tables: migrationTables(migration, options.locale, t) },
    { name: t('sheet.managers'), tables: [managersTable(managers, t)] },
    { name: t('sheet.channels'), tables: [channelsTable(channels, t)] },
  ];
  const json: RetentionJson = {
    retention: {
      asOf: formatIsoDay(asOf),
      shape: 'transactions',
      lostClients: {
        periodStart: formatIsoDay(lost.periodStart),
        periodMonths: lost.periodMonths,
        totals: lost.totals,
        clients: lost.lostClients.map((c) => ({
          id: c.clientName,
          firstPurchase: formatIsoDay(c.firstPurchaseDay),
          lastPurchase: formatIsoDay(c.lastPurchaseDay),
          windowDays: c.windowDays,
          windowBasis: c.basis,
          medianIntervalDays: c.medianIntervalDays,
          lostDay: formatIsoDay(c.lostDay),
          yearlyRevenueBeforeLeaving: c.yearlyRevenueBeforeLeaving,
          monthlySpend: c.monthlySpend,
          expectedRemainingMonths: c.expectedRemainingMonths,
          valueLost: c.valueLost,
          activeAtPeriodStart: c.activeAtPeriodStart,
        })),
      },
      alerts: alerts.map((a, i) => {
        const text = alertTexts[i] ?? describeRetentionAlert(a, options.locale);
        return {
          id: a.clientName,
          kind: a.kind,
          evidence: alertEvidenceJson(a),
          title: text.title,
          evidenceText: text.evidence,
          action: text.action,
        };
      }),
      cohorts: {
        lastMonthPartial: cohorts.lastMonthPartial,
        averageActiveShares: cohorts.averageActiveShares,
        cohorts: cohorts.cohorts.map((c) => ({
          cohort: c.label,
          clients: c.clients,
          activeClients: c.activeClients,
          activeShares: c.activeShares,
          revenue: c.revenue,
          revenueRatios: c.revenueRatios,
        })),
      },
      migration: migrationJson(migration, nameOf),
      managers,
      channels,
      notAvailable: [],
    },
  };
  return { sheets, json };
}

// The day after the latest purchase (amount ≥ 0), or after the latest row when all are refunds.
function defaultTransactionAsOf(transactions: readonly Transaction[]): CalendarDay {
  let latestPurchase = -Infinity;
  let latestRow = -Infinity;
  for (const x of transactions) {
    if (x.day > latestRow) latestRow = x.day;
    if (x.amount >= 0 && x.day > latestPurchase) latestPurchase = x.day;
  }
  return defaultAsOf([latestPurchase > -Infinity ? latestPurchase : latestRow]);
}

function defaultAsOf(days: readonly CalendarDay[]): CalendarDay {
  let latest = -Infinity;
  for (const d of days) if (d > latest) latest = d;
  if (latest === -Infinity) {
    throw new AnalyticsError('empty_input', 'No purchase dates to stand on.');
  }
  return latest + 1;
}

/** The churn-window fields of the lost-clients options, for the alerts' "already lost" test. */
function churnWindowOf(lost: RetentionReportOptions['lost']): ChurnWindowOptions {
  if (lost === undefined) return {};
  const { windowMultiplier, minimumWindowDays, oneTimeBuyerWindowDays } = lost;
  return {
    ...(windowMultiplier === undefined ? {} : { windowMultiplier }),
    ...(minimumWindowDays === undefined ? {} : { minimumWindowDays }),
    ...(oneTimeBuyerWindowDays === undefined ? {} : { oneTimeBuyerWindowDays }),
  };
}

function column(key: string, label: string, kind: ReportColumn['kind']): ReportColumn {
  return { key, label, kind };
}

function periodEnd(asOf: CalendarDay): string {
  return formatIsoDay(asOf - 1);
}

function lostTotalsTable(
  lost: LostClientsResult,
  options: RetentionReportOptions,
  t: T,
): ReportTable {
  const w = { ...DEFAULT_CHURN_WINDOW, ...options.lost };
  const s = lost.totals;
  const row = (id: keyof LostClientsResult['totals'], value: number | null): ReportValue[] => [
    t(`total.${id}` as RetentionMessageId),
    value,
    t(`total.${id}.how` as RetentionMessageId),
  ];
  return {
    id: 'retention-lost-totals',
    title: t('table.lostTotals'),
    note: t('table.lostTotals.note', {
      from: formatIsoDay(lost.periodStart),
      to: periodEnd(lost.asOf),
      multiplier: formatNumber(w.windowMultiplier, options.locale),
      minimum: formatNumber(w.minimumWindowDays, options.locale),
      oneTime: formatNumber(w.oneTimeBuyerWindowDays, options.locale),
    }),
    columns: [
      column('metric', t('col.metric'), 'text'),
      column('value', t('col.value'), 'number'),
      column('how', t('col.how'), 'text'),
    ],
    rows: [
      row('clientsWithPurchases', s.clientsWithPurchases),
      row('activeClients', s.activeClients),
      row('lostClients', s.lostClients),
      row('lostInPeriod', s.lostInPeriod),
      row('activeAtPeriodStart', s.activeAtPeriodStart),
      row('lostFromPeriodStart', s.lostFromPeriodStart),
      row('churnRate', s.churnRate === null ? null : s.churnRate * 100),
      row('lostYearlyRevenue', s.lostYearlyRevenue),
      row('valueLost', s.valueLost),
      row('expectedRemainingMonths', s.expectedRemainingMonths),
      row('yearlyValuePerClient', s.yearlyValuePerClient),
      row('valuePerChurnPoint', s.valuePerChurnPoint),
      row('yearlyCostOfChurn', s.yearlyCostOfChurn),
    ],
  };
}

/** The columns every lost-status table starts with: who, when last, the window and the lost day. */
function lostWindowColumns(t: T): ReportColumn[] {
  return [
    column('client', t('col.client'), 'text'),
    column('lastPurchase', t('col.lastPurchase'), 'day'),
    column('windowDays', t('col.windowDays'), 'number'),
    column('windowBasis', t('col.windowBasis'), 'text'),
    column('lostDay', t('col.lostDay'), 'day'),
  ];
}

/** The cells of `lostWindowColumns` for one client. */
function lostWindowCells(
  status: {
    readonly clientName: string;
    readonly lastPurchaseDay: number | null;
    readonly windowDays: number;
    readonly basis: ChurnWindowBasis | ClientListWindowBasis;
    readonly lostDay: number | null;
  },
  t: T,
): ReportValue[] {
  return [
    status.clientName,
    status.lastPurchaseDay,
    status.windowDays,
    t(`basis.${status.basis}`),
    status.lostDay,
  ];
}

function lostListTable(lost: LostClientsResult, locale: Locale, t: T): ReportTable {
  return {
    id: 'retention-lost-clients',
    title: t('table.lostList'),
    note: t('table.lostList.note', {
      months: formatNumber(lost.totals.expectedRemainingMonths, locale),
    }),
    columns: [
      ...lostWindowColumns(t),
      column('yearlyRevenue', t('col.yearlyRevenue'), 'money'),
      column('monthlySpend', t('col.monthlySpend'), 'money'),
      column('expectedMonths', t('col.expectedMonths'), 'number'),
      column('valueLost', t('col.valueLost'), 'money'),
      column('activeAtStart', t('col.activeAtStart'), 'text'),
    ],
    rows: lost.lostClients.map((c) => [
      ...lostWindowCells(c, t),
      c.yearlyRevenueBeforeLeaving,
      c.monthlySpend,
      c.expectedRemainingMonths,
      c.valueLost,
      t(c.activeAtPeriodStart ? 'value.yes' : 'value.no'),
    ]),
  };
}

function alertsTable(
  alerts: readonly RetentionAlert[],
  texts: readonly AlertText[],
  t: T,
): ReportTable {
  return {
    id: 'retention-alerts',
    title: t('table.alerts'),
    note: t('table.alerts.note'),
    columns: [
      column('client', t('col.client'), 'text'),
      column('alert', t('col.alert'), 'text'),
      column('evidence', t('col.evidence'), 'text'),
      column('action', t('col.action'), 'text'),
    ],
    rows: alerts.map((a, i) => {
      const text = texts[i];
      return [a.clientName, text?.title ?? null, text?.evidence ?? null, text?.action ?? null];
    }),
  };
}

function cohortTables(cohorts: CohortRetentionResult, t: T): ReportTable[] {
  const width = cohorts.cohorts.reduce((w, c) => Math.max(w, c.activeClients.length), 0);
  const monthKeys = Array.from({ length: width }, (_, k) => `m${k}`);
  const monthColumns = (kind: ReportColumn['kind']) =>
    monthKeys.map((key, k) => column(key, t('col.month', { k }), kind));
  const padded = (values: readonly (number | null)[]): ReportValue[] =>
    monthKeys.map((_, k) => values[k] ?? null);
  const head = [
    column('cohort', t('col.cohort'), 'text'),
    column('clients', t('col.clients'), 'integer'),
  ];
  const scale = { columns: monthKeys, minColor: '#F8696B', maxColor: '#63BE7B' };
  return [
    {
      id: 'retention-cohort-shares',
      title: t('table.cohortShares'),
      note: t('table.cohortShares.note', {
        partial: cohorts.lastMonthPartial ? t('table.cohortShares.partial') : '',
      }),
      columns: [...head, ...monthColumns('percent')],
      rows: cohorts.cohorts.map((c) => [c.label, c.clients, ...padded(c.activeShares)]),
      colorScale: scale,
    },
    {
      id: 'retention-cohort-counts',
      title: t('table.cohortCounts'),
      columns: [...head, ...monthColumns('integer')],
      rows: cohorts.cohorts.map((c) => [c.label, c.clients, ...padded(c.activeClients)]),
    },
    {
      id: 'retention-cohort-revenue',
      title: t('table.cohortRevenue'),
      columns: [...head, ...monthColumns('percent')],
      rows: cohorts.cohorts.map((c) => [c.label, c.clients, ...padded(c.revenueRatios)]),
      colorScale: scale,
    },
  ];
}

function periodText(p: MigrationPeriod): string {
  const end = periodEnd(p.asOf);
  return p.fromDay === undefined ? `… – ${end}` : `${formatIsoDay(p.fromDay)} – ${end}`;
}

function stateLabel(dimension: string, state: string, locale: Locale): string {
  return dimension === 'rfm' ? segmentInfo(state as RfmSegment).name[locale] : state;
}

function dimensionLabel(dimension: string): string {
  return dimension === 'rfm' ? 'RFM' : dimension.toUpperCase();
}

function migrationTables(migration: SegmentMigrationResult, locale: Locale, t: T): ReportTable[] {
  const note = t('table.migration.note', {
    previous: periodText(migration.previous),
    current: periodText(migration.current),
    both: migration.clientsInBoth,
  });
  const matrices = [migration.abc, migration.xyz, migration.rfm] as TransitionMatrix<string>[];
  const tables: ReportTable[] = matrices.map((m) => {
    const dimension = dimensionLabel(m.dimension);
    const stateKeys = m.states.map((s) => `to_${s}`);
    return {
      id: `retention-migration-${m.dimension}`,
      title: t('table.migration', { dimension }),
      note,
      columns: [
        column('from', t('col.previous'), 'text'),
        ...m.states.map((s, j) =>
          column(stateKeys[j] ?? s, stateLabel(m.dimension, s, locale), 'integer'),
        ),
        column('total', t('col.total'), 'integer'),
      ],
      rows: m.states.map((s, i) => {
        const counts = m.counts[i] ?? [];
        return [stateLabel(m.dimension, s, locale), ...counts, counts.reduce((a, b) => a + b, 0)];
      }),
      chart: {
        kind: 'stacked-column',
        title: t('chart.migration', { dimension }),
        categoryColumn: 'from',
        valueColumns: stateKeys,
      },
    };
  });
  const moves: [SegmentMove, 'up' | 'down'][] = [
    ...migration.movedUpToA.map((mv): [SegmentMove, 'up'] => [mv, 'up']),
    ...migration.movedUpToX.map((mv): [SegmentMove, 'up'] => [mv, 'up']),
    ...migration.slidDown.map((mv): [SegmentMove, 'down'] => [mv, 'down']),
  ];
  tables.push({
    id: 'retention-migration-moves',
    title: t('table.moves'),
    columns: [
      column('client', t('col.client'), 'text'),
      column('dimension', t('col.dimension'), 'text'),
      column('from', t('col.from'), 'text'),
      column('to', t('col.to'), 'text'),
      column('direction', t('col.direction'), 'text'),
    ],
    rows: moves.map(([mv, direction]) => [
      mv.clientName,
      dimensionLabel(mv.dimension),
      stateLabel(mv.dimension, mv.from, locale),
      stateLabel(mv.dimension, mv.to, locale),
      t(direction === 'up' ? 'value.up' : 'value.down'),
    ]),
  });
  return tables;
}

/**
 * An alert's evidence for the JSON: its numbers as they are, its calendar days as ISO dates named
 * without `Day`, as the lost clients' `lastPurchase` (`lastPurchaseDay` 19818 becomes
 * `lastPurchase` '2024-04-05').
 */
function alertEvidenceJson(alert: RetentionAlert): Readonly<Record<string, unknown>> {
  switch (alert.kind) {
    case 'falling_check':
      return { ...alert.evidence };
    case 'silent_regular': {
      const { lastPurchaseDay, ...rest } = alert.evidence;
      return { ...rest, lastPurchase: formatIsoDay(lastPurchaseDay) };
    }
    case 'category_dropped': {
      const { lastCategoryPurchaseDay, ...rest } = alert.evidence;
      return { ...rest, lastCategoryPurchase: formatIsoDay(lastCategoryPurchaseDay) };
    }
  }
}

function migrationJson(
  migration: SegmentMigrationResult,
  nameOf: (key: string) => string,
): Readonly<Record<string, unknown>> {
  const period = (p: MigrationPeriod) => ({
    from: p.fromDay === undefined ? null : formatIsoDay(p.fromDay),
    to: periodEnd(p.asOf),
  });
  const matrix = (m: TransitionMatrix<string>) => ({
    states: m.states,
    counts: m.counts,
    clients: m.clientKeys.map((row) => row.map((cell) => cell.map(nameOf))),
  });
  const move = (mv: SegmentMove) => ({
    id: mv.clientName,
    dimension: mv.dimension,
    from: mv.from,
    to: mv.to,
  });
  return {
    previous: period(migration.previous),
    current: period(migration.current),
    clientsInBoth: migration.clientsInBoth,
    onlyPrevious: migration.onlyPrevious.map(nameOf),
    onlyCurrent: migration.onlyCurrent.map(nameOf),
    abc: matrix(migration.abc),
    xyz: matrix(migration.xyz),
    rfm: matrix(migration.rfm),
    movedUpToA: migration.movedUpToA.map(move),
    movedUpToX: migration.movedUpToX.map(move),
    slidDown: migration.slidDown.map(move),
  };
}

function managersTable(managers: readonly ManagerPortfolio[], t: T): ReportTable {
  return {
    id: 'retention-managers',
    title: t('table.managers'),
    columns: [
      column('manager', t('col.manager'), 'text'),
      column('clients', t('col.clients'), 'integer'),
      column('revenue', t('col.revenue'), 'money'),
      column('revenueShare', t('col.revenueShare'), 'percent'),
      column('aShare', t('col.aShare'), 'percent'),
      column('xShare', t('col.xShare'), 'percent'),
      column('lostShare', t('col.lostShare'), 'percent'),
      column('atRiskOrLostShare', t('col.atRiskShare'), 'percent'),
    ],
    rows: managers.map((m) => [
      m.manager ?? t('value.none'),
      m.clients,
      m.revenue,
      m.revenueShare,
      m.aShare,
      m.xShare,
      m.lostShare,
      m.atRiskOrLostShare,
    ]),
    chart: {
      kind: 'column',
      title: t('chart.managers'),
      categoryColumn: 'manager',
      valueColumns: ['aShare', 'xShare', 'atRiskOrLostShare'],
    },
  };
}

function channelsTable(channels: readonly ChannelPortfolio[], t: T): ReportTable {
  return {
    id: 'retention-channels',
    title: t('table.channels'),
    note: t('table.channels.note'),
    columns: [
      column('channel', t('col.channel'), 'text'),
      column('clientsAcquired', t('col.clientsAcquired'), 'integer'),
      column('revenue', t('col.revenue'), 'money'),
      column('revenuePerClient', t('col.revenuePerClient'), 'money'),
      column('repeatRate', t('col.repeatRate'), 'percent'),
      column('spend', t('col.spend'), 'money'),
      column('cac', t('col.cac'), 'money'),
    ],
    rows: channels.map((c) => [
      c.channel ?? t('value.none'),
      c.clientsAcquired,
      c.revenue,
      c.revenuePerClient,
      c.repeatRate,
      c.spend ?? null,
      c.cac,
    ]),
  };
}

function clientListSheets(
  read: SheetReadResult,
  options: RetentionReportOptions,
  t: T,
): RetentionSheets {
  const asOf =
    options.asOf ??
    defaultAsOf(
      read.clients.flatMap((c) => (c.lastPurchaseDay === undefined ? [] : [c.lastPurchaseDay])),
    );
  const result: ClientListRetentionResult = clientListRetention(read.clients, {
    ...options.lost,
    asOf,
    ...(options.segmentation?.abc ? { abc: options.segmentation.abc } : {}),
    ...(options.spendByChannel ? { spendByChannel: options.spendByChannel } : {}),
  });
  const notAvailable = result.notAvailable.map((analysis) => ({
    analysis,
    reason: t('na.needsTransactions'),
  }));
  const statusTable: ReportTable = {
    id: 'retention-client-list-status',
    title: t('table.clientListStatus'),
    columns: [
      ...lostWindowColumns(t),
      column('status', t('col.status'), 'text'),
      column('revenue', t('col.revenue'), 'money'),
      column('abc', t('col.abc'), 'text'),
    ],
    rows: result.statuses.map((s) => [
      ...lostWindowCells(s, t),
      t(s.status === 'lost' ? 'value.lost' : 'value.active'),
      s.totalRevenue,
      s.abcClass,
    ]),
  };
  const naTable: ReportTable = {
    id: 'retention-not-available',
    title: t('table.notAvailable'),
    columns: [
      column('analysis', t('col.analysis'), 'text'),
      column('reason', t('col.reason'), 'text'),
    ],
    rows: notAvailable.map((n) => [t(`na.${n.analysis}`), n.reason]),
  };
  const sheets: ReportSheet[] = [
    { name: t('sheet.lost'), tables: [statusTable, naTable] },
    { name: t('sheet.managers'), tables: [managersTable(result.managers, t)] },
    { name: t('sheet.channels'), tables: [channelsTable(result.channels, t)] },
  ];
  const json: RetentionJson = {
    retention: {
      asOf: formatIsoDay(asOf),
      shape: 'clients',
      lostClients: {
        periodStart: formatIsoDay(result.periodStart),
        lostInPeriod: result.lostInPeriod,
        rowsWithoutLastPurchase: result.rowsWithoutLastPurchase,
        clients: result.statuses.map((s) => ({
          id: s.clientName,
          row: s.row,
          lastPurchase: formatIsoDay(s.lastPurchaseDay),
          windowDays: s.windowDays,
          windowBasis: s.basis,
          lostDay: formatIsoDay(s.lostDay),
          status: s.status,
          lostInPeriod: s.lostInPeriod,
          totalRevenue: s.totalRevenue,
          abc: s.abcClass,
          valueLost: null,
        })),
      },
      alerts: null,
      cohorts: null,
      migration: null,
      managers: result.managers,
      channels: result.channels,
      notAvailable,
    },
  };
  return { sheets, json };
}
