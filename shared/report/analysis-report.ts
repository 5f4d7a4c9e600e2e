import { formatIsoDay, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { translate, type Locale } from '../i18n';
import { ExactAccumulator } from '../math/exact-sum';
import {
  averageCheckOfClients,
  clientActivity,
  ltvSimpleInputs,
  repeatPurchaseStats,
} from '../metrics';
import {
  abcClasses,
  abcXyzMatrix,
  RFM_SEGMENTS,
  rfmScores,
  rfmSegment,
  segmentInfo,
  summariseCustomersDetailed,
  xyzClasses,
  type AbcClass,
  type AbcOptions,
  type CustomerSummary,
  type RfmScoreOptions,
  type RfmSegment,
  type RfmSegmentMap,
  type XyzClass,
  type XyzOptions,
} from '../segmentation';
import { recountRowNotes } from '../sheet-data/recount-row-notes';
import type {
  ClientRecord,
  InputShape,
  RejectedRow,
  SheetReadResult,
  Transaction,
} from '../sheet-data/types';
import { ANALYSIS_SECTIONS } from './analysis-extensions';
import type { AnalysisContext, AnalysisSection } from './analysis-sections';
import { REPORT_MESSAGES, type ReportMessageId } from './messages';
import { rejectedRowsSheet } from './rejected-rows-sheet';
import type { RetentionSectionOptions } from './retention-report';
import type { Report, ReportSheet, ReportTable, ReportValue } from './types';

/** Default window for "inactive": no purchase within this many days (user guide §9, Key metrics). */
export const DEFAULT_INACTIVE_AFTER_DAYS = 180;

export interface AnalysisOptions {
  readonly locale: Locale;
  /** The day the analysis stands on; default the day after the latest purchase. */
  readonly asOf?: CalendarDay;
  readonly rfm?: RfmScoreOptions;
  readonly rfmSegmentMap?: RfmSegmentMap;
  readonly abc?: AbcOptions;
  readonly xyz?: XyzOptions;
  /** Days (> 0) without a purchase after which a client counts as inactive (default 180). */
  readonly inactiveAfterDays?: number;
  /** Margin ratio 0..1 for the simple LTV; default profit / revenue when the data has profit. */
  readonly marginRatio?: number;
  /**
   * Options of the retention sheets: churn window and look-back, alert thresholds, migration
   * periods, spend per channel (user guide §13–16). Absent: the documented defaults.
   */
  readonly retention?: RetentionSectionOptions;
  /** Extra sections; default `ANALYSIS_SECTIONS` (retention, ...). */
  readonly sections?: readonly AnalysisSection[];
}

/** One client in the JSON report (user guide §2, The command line). */
export interface AnalysisClientJson {
  /** The client id as first spelled in the sheet. */
  readonly id: string;
  /** As-of day − last purchase day; `null` for a client with refunds only or no known purchase. */
  readonly daysSinceLastPurchase: number | null;
  readonly purchaseCount: number;
  /** Money, refunds included. */
  readonly totalRevenue: number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly rfmCell: string;
  /** Stable segment key, e.g. `champions`. */
  readonly segment: RfmSegment;
  readonly abc: AbcClass;
  /** `null` for a client list (XYZ needs transactions). */
  readonly xyz: XyzClass | null;
}

export interface AnalysisSegmentJson {
  readonly segment: RfmSegment;
  readonly name: string;
  readonly clients: number;
  /** Ratio 0..1. */
  readonly clientShare: number;
  readonly revenue: number;
  /** Ratio of all clients' revenue; `null` when that total is not positive. */
  readonly revenueShare: number | null;
  /** Segment revenue / segment purchases; `null` with no purchases. */
  readonly averageCheck: number | null;
  readonly meaning: string;
  readonly action: string;
  readonly color: string;
}

export interface AnalysisAbcXyzJson {
  readonly cell: string;
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  readonly clients: number;
  readonly clientShare: number;
  readonly revenue: number;
  readonly revenueShare: number | null;
}

export interface AnalysisMetricsJson {
  readonly clients: number;
  /** Clients with at least one purchase (a refund-only client is not a buyer). */
  readonly buyingClients: number;
  /** Money, refunds included. */
  readonly revenue: number;
  readonly purchases: number;
  readonly refunds: number;
  /** Revenue / purchases (`averageCheckOfClients`); `null` with no purchases. */
  readonly averageCheck: number | null;
  /** Profit / purchases; `null` without a profit column. */
  readonly averageProfitPerSale: number | null;
  readonly repeatBuyers: number;
  /** Repeat buyers / buying clients (`repeatPurchaseStats`), ratio 0..1; `null` if nobody bought. */
  readonly repeatRate: number | null;
  readonly inactiveAfterDays: number;
  readonly activeClients: number;
  readonly inactiveClients: number;
  /** Ratios 0..1 (`clientActivity`); `null` with no clients. */
  readonly activeShare: number | null;
  readonly inactiveShare: number | null;
  /** Clients whose latest NPS answer is 0–6 or with a complaint; `null` without such columns. */
  readonly unhappyClients: number | null;
  readonly unhappyShare: number | null;
  /** Inputs of the simple LTV S × C × P × t (`ltvSimpleInputs`); `null` if nobody bought. */
  readonly ltv: {
    /** S, money per purchase. */
    readonly averageCheck: number;
    /** C, purchases per client per active month; `null` when t is unknown. */
    readonly purchasesPerMonth: number | null;
    /** t, average active months per client; `null` without every buyer's first purchase day. */
    readonly lifetimeMonths: number | null;
    /** P, ratio 0..1: given, or profit / revenue; `null` when unknown. */
    readonly marginRatio: number | null;
    /** S × C × P × t, money per client; `null` when P or t is unknown. */
    readonly ltv: number | null;
    /** Each of C, t and the LTV that is `null`, with the reason (in the report locale). */
    readonly notAvailable: readonly {
      readonly metric: 'purchasesPerMonth' | 'lifetimeMonths' | 'ltv';
      readonly reason: string;
    }[];
  } | null;
  /** ISO days; `null` when unknown (for `firstPurchase`: some buyer's first purchase day is). */
  readonly firstPurchase: string | null;
  readonly lastPurchase: string | null;
}

/** The machine-readable report. Extra sections add their own top-level fields. */
export interface AnalysisJson {
  /** ISO `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly shape: InputShape;
  readonly locale: Locale;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly dataRowCount: number;
  readonly clients: readonly AnalysisClientJson[];
  readonly rejectedRows: readonly {
    readonly row: number;
    readonly reason: string;
    readonly code: string;
  }[];
  readonly segments: readonly AnalysisSegmentJson[];
  /** The 9 cells AX..CZ; empty for a client list. */
  readonly abcXyz: readonly AnalysisAbcXyzJson[];
  readonly metrics: AnalysisMetricsJson;
  readonly notes: readonly string[];
  readonly [section: string]: unknown;
}

export interface AnalysisResult {
  readonly report: Report;
  readonly json: AnalysisJson;
  /** Everything computed, for hosts that show more than the report. */
  readonly context: AnalysisContext;
}

type Translate = (
  id: ReportMessageId,
  params?: Readonly<Record<string, string | number>>,
) => string;

/**
 * Summaries from a client list. RFM needs all three measures, so the list must have the last
 * purchase, purchase count and total revenue columns; a row with one of them blank, a second row
 * of the same client, or a last purchase on or after the as-of day is rejected with its reason,
 * never filled in.
 */
function summariesFromClientList(
  read: SheetReadResult,
  asOfOption: CalendarDay | undefined,
  t: Translate,
): {
  summaries: CustomerSummary[];
  asOfDay: CalendarDay;
  rejected: RejectedRow[];
  /** The records behind `summaries`, in sheet order: what the other sections read. */
  kept: ClientRecord[];
} {
  const missing = (
    [
      ['lastPurchaseDate', 'columnLastPurchase'],
      ['purchaseCount', 'columnPurchases'],
      ['totalRevenue', 'columnTotalRevenue'],
    ] as const
  )
    .filter(([role]) => read.mapping[role] === undefined)
    .map(([, label]) => t(label));
  if (missing.length > 0) {
    throw new AnalyticsError(
      'missing_column',
      t('errorClientListColumns', { columns: missing.join(', ') }),
      {
        missing,
      },
    );
  }
  let latest: number | undefined;
  for (const record of read.clients) {
    if (record.lastPurchaseDay !== undefined) {
      latest =
        latest === undefined ? record.lastPurchaseDay : Math.max(latest, record.lastPurchaseDay);
    }
  }
  if (asOfOption === undefined && latest === undefined) {
    throw new AnalyticsError('empty_input', t('errorNoClients'), {
      rejectedRows: read.rejectedRows,
    });
  }
  const asOfDay = asOfOption ?? (latest as number) + 1;
  const rejected: RejectedRow[] = [];
  const reject = (row: number, code: string, reason: string) =>
    rejected.push({ row, code, reason });
  const byKey = new Map<string, CustomerSummary>();
  const kept: ClientRecord[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of read.clients) {
    const first = firstRowOf.get(record.clientKey);
    if (first !== undefined) {
      reject(record.row, 'duplicate_client', t('rejectDuplicateClient', { row: first }));
      continue;
    }
    const blank = (
      [
        [record.lastPurchaseDay, 'columnLastPurchase'],
        [record.purchaseCount, 'columnPurchases'],
        [record.totalRevenue, 'columnTotalRevenue'],
      ] as const
    )
      .filter(([value]) => value === undefined)
      .map(([, label]) => t(label));
    if (blank.length > 0) {
      reject(record.row, 'blank_value', t('rejectBlankValues', { columns: blank.join(', ') }));
      continue;
    }
    const last = record.lastPurchaseDay as number;
    if (last >= asOfDay) {
      reject(record.row, 'after_as_of', t('rejectAfterAsOf', { asOf: formatIsoDay(asOfDay) }));
      continue;
    }
    firstRowOf.set(record.clientKey, record.row);
    kept.push(record);
    byKey.set(record.clientKey, {
      clientKey: record.clientKey,
      clientName: record.clientName,
      // Unknown, not the last purchase: lifetime and purchases per month then say "not available".
      firstPurchaseDay: record.firstPurchaseDay ?? null,
      lastPurchaseDay: last,
      daysSinceLastPurchase: asOfDay - last,
      purchaseCount: record.purchaseCount as number,
      refundCount: 0,
      totalRevenue: record.totalRevenue as number,
      ...(record.profit === undefined ? {} : { totalProfit: record.profit }),
      ...(record.manager === undefined ? {} : { manager: record.manager }),
      ...(record.channel === undefined ? {} : { channel: record.channel }),
      asOfDay,
    });
  }
  const summaries = [...byKey.values()].sort((x, y) =>
    x.clientKey < y.clientKey ? -1 : x.clientKey > y.clientKey ? 1 : 0,
  );
  return { summaries, asOfDay, rejected, kept };
}

function sumOf(values: Iterable<number>): number {
  const sum = new ExactAccumulator();
  for (const value of values) sum.add(value);
  return sum.value();
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * Key metrics of the base, from the metric functions of `shared/metrics` (user guide §9, Key metrics):
 * revenue (refunds included), purchases, average check = revenue / purchases, repeat buyers
 * (≥ 2 purchases) / buying clients, active / inactive clients (inactive = no purchase within
 * `inactiveAfterDays`; a refund-only client is inactive), unhappy clients when the data has NPS or
 * complaints, and the inputs of the simple LTV; each of those that cannot be known is `null`
 * (never 0 or a guess), and the LTV inputs carry the reason in `ltv.notAvailable`.
 * Parameters: `summaries` from `summariseCustomers`; `transactions` they came from (`[]` for a
 * client list); `inactiveAfterDays` days; `marginRatio` 0..1 when known; `locale` of the reasons.
 * Throws `AnalyticsError('invalid_argument')` for a window ≤ 0 or a margin outside 0..1.
 * Example: clients with (2 purchases, revenue 300), (1, 100) and (1 purchase and 1 refund, 30)
 * give revenue 430, purchases 4, average check 107.5 and repeat rate 1/3 (tested).
 */
export function analysisMetrics(
  summaries: readonly CustomerSummary[],
  transactions: readonly Transaction[],
  inactiveAfterDays: number,
  marginRatio?: number,
  locale: Locale = 'en',
): AnalysisMetricsJson {
  const t = (id: ReportMessageId): string => translate(REPORT_MESSAGES, id, locale);
  const check = averageCheckOfClients(summaries);
  const repeat = repeatPurchaseStats(summaries);
  const activity = clientActivity(summaries, transactions, { windowDays: inactiveAfterDays });
  const ltv = ltvSimpleInputs(summaries, marginRatio === undefined ? {} : { marginRatio });
  let refunds = 0;
  let first: number | undefined;
  let firstKnown = true;
  let last: number | undefined;
  for (const s of summaries) {
    refunds += s.refundCount;
    if (s.purchaseCount > 0 && s.firstPurchaseDay === null) firstKnown = false;
    if (s.firstPurchaseDay !== null) {
      first = first === undefined ? s.firstPurchaseDay : Math.min(first, s.firstPurchaseDay);
    }
    if (s.lastPurchaseDay !== null) {
      last = last === undefined ? s.lastPurchaseDay : Math.max(last, s.lastPurchaseDay);
    }
  }
  return {
    clients: summaries.length,
    buyingClients: repeat.buyingClients,
    revenue: check.revenue,
    purchases: check.purchaseCount,
    refunds,
    averageCheck: check.byRevenue,
    averageProfitPerSale: check.byProfit,
    repeatBuyers: repeat.repeatClients,
    repeatRate: repeat.repeatRate,
    inactiveAfterDays: activity.windowDays,
    activeClients: activity.active,
    inactiveClients: activity.inactive,
    activeShare: activity.activeShare,
    inactiveShare: activity.inactiveShare,
    unhappyClients: activity.unhappy,
    unhappyShare: activity.unhappyShare,
    ltv:
      ltv === null
        ? null
        : {
            averageCheck: ltv.averageCheck,
            purchasesPerMonth: ltv.purchasesPerMonth,
            lifetimeMonths: ltv.lifetimeMonths,
            marginRatio: ltv.marginRatio,
            ltv: ltv.ltv,
            notAvailable: ltvNotAvailable(ltv, t),
          },
    firstPurchase: first === undefined || !firstKnown ? null : formatIsoDay(first),
    lastPurchase: last === undefined ? null : formatIsoDay(last),
  };
}

/** Why the simple LTV is unknown: the lifetime when that is unknown, else the margin. */
function ltvMissingMessage(ltv: {
  readonly lifetimeMonths: number | null;
}): 'metricNeedsFirstPurchase' | 'metricLtvMissing' {
  return ltv.lifetimeMonths === null ? 'metricNeedsFirstPurchase' : 'metricLtvMissing';
}

type LtvJson = NonNullable<AnalysisMetricsJson['ltv']>;

/** Each LTV input that is unknown (`null`), with why. */
function ltvNotAvailable(
  ltv: Omit<LtvJson, 'notAvailable'>,
  t: (id: ReportMessageId) => string,
): LtvJson['notAvailable'] {
  const result: LtvJson['notAvailable'][number][] = [];
  if (ltv.purchasesPerMonth === null) {
    result.push({ metric: 'purchasesPerMonth', reason: t('metricNeedsFirstPurchase') });
  }
  if (ltv.lifetimeMonths === null) {
    result.push({ metric: 'lifetimeMonths', reason: t('metricNeedsFirstPurchase') });
  }
  if (ltv.ltv === null) result.push({ metric: 'ltv', reason: t(ltvMissingMessage(ltv)) });
  return result;
}

function percent(value: number | null): number | null {
  return value === null ? null : value * 100;
}

/**
 * The analysis every host shows, from a read sheet: per-client summary, RFM scores and segments,
 * ABC and XYZ classes, the segment summary, the ABC-XYZ matrix, key metrics and the rejected rows,
 * as a host-neutral `Report` (labels in `options.locale`) and as JSON (user guide §2, The command
 * line). Sections in `options.sections` (default `ANALYSIS_SECTIONS`) add sheets and JSON fields.
 *
 * Parameters: `read` from `readSheet`; `options.asOf` a calendar day; `inactiveAfterDays` days.
 * Throws `AnalyticsError('empty_input')` when no client is left to analyse (every row rejected, or
 * all dated on or after `asOf`), with the rows rejected so far in `details.rejectedRows` (read them
 * with `rejectedRowsOfError`), `AnalyticsError('missing_column')` for a client list without the
 * last purchase, purchase count or total revenue column, `AnalyticsError('invalid_argument')` for
 * an inactivity window ≤ 0, and passes on the option errors of the segmentation functions. A
 * client-list row with one of those values blank, a repeated client or a last purchase on or after
 * the as-of day joins the rejected rows with its reason.
 *
 * Example: clients a (2 purchases, 300), b (1, 100) and c (1 purchase of 50 and a refund of 20)
 * give `json.metrics.averageCheck` = 430 / 4 = 107.5 and RFM cells 444, 212, 111 (loyal,
 * hibernating, lost), worked by hand in `test/shared/report/analysis-report.test.ts`.
 */
export function buildAnalysisReport(
  read: SheetReadResult,
  options: AnalysisOptions,
): AnalysisResult {
  const { locale } = options;
  const t = (id: ReportMessageId, params?: Readonly<Record<string, string | number>>): string =>
    translate(REPORT_MESSAGES, id, locale, params);
  const inactiveAfterDays = options.inactiveAfterDays ?? DEFAULT_INACTIVE_AFTER_DAYS;
  if (!(Number.isFinite(inactiveAfterDays) && inactiveAfterDays > 0)) {
    throw new AnalyticsError(
      'invalid_argument',
      t('errorInactiveDays', { value: inactiveAfterDays }),
      { argument: 'inactiveAfterDays' },
    );
  }

  let notes = [...read.notes];
  let rejectedRows: readonly RejectedRow[] = read.rejectedRows;
  // The read as the other sections see it: a client list without the rows rejected here.
  let sectionRead: SheetReadResult = read;
  let summaries: CustomerSummary[];
  let asOfDay: CalendarDay;
  if (read.shape === 'transactions') {
    if (read.transactions.length === 0) {
      // The rows are the only thing the user can act on here: they travel with the error.
      throw new AnalyticsError('empty_input', t('errorNoTransactions'), {
        rejectedRows: read.rejectedRows,
      });
    }
    const detailed = summariseCustomersDetailed(
      read.transactions,
      options.asOf === undefined ? {} : { asOf: options.asOf },
    );
    summaries = detailed.customers;
    asOfDay = detailed.asOfDay;
    if (detailed.transactionsAfterAsOf > 0) {
      notes.push(
        t('noteAfterAsOf', { count: detailed.transactionsAfterAsOf, asOf: formatIsoDay(asOfDay) }),
      );
    }
  } else {
    const fromList = summariesFromClientList(read, options.asOf, t);
    ({ summaries, asOfDay } = fromList);
    rejectedRows = [...read.rejectedRows, ...fromList.rejected].sort((x, y) => x.row - y.row);
    if (fromList.rejected.length > 0) {
      // The reader counted these rows as read; say the counts again so the notes agree.
      notes = recountRowNotes(
        notes,
        {
          read: read.clients.length,
          total: read.dataRowCount,
          rejected: read.rejectedRows.length,
        },
        { read: summaries.length, total: read.dataRowCount, rejected: rejectedRows.length },
        locale,
      );
    }
    notes.push(t('xyzNeedsTransactions'));
    sectionRead = { ...read, clients: fromList.kept, rejectedRows: [...rejectedRows] };
  }
  if (summaries.length === 0) {
    throw new AnalyticsError('empty_input', t('errorNoClients'), { rejectedRows });
  }

  const rfm = rfmScores(summaries, options.rfm);
  const segments = rfm.map((score) => rfmSegment(score, options.rfmSegmentMap));
  const abc = abcClasses(summaries, options.abc);
  const xyz =
    read.shape === 'transactions'
      ? xyzClasses(read.transactions, summaries, options.xyz)
      : undefined;
  const metrics = analysisMetrics(
    summaries,
    read.shape === 'transactions' ? read.transactions : [],
    inactiveAfterDays,
    options.marginRatio,
    locale,
  );
  if (metrics.firstPurchase !== null && metrics.lastPurchase !== null) {
    notes.push(
      t('notePeriod', {
        first: metrics.firstPurchase,
        last: metrics.lastPurchase,
        asOf: formatIsoDay(asOfDay),
      }),
    );
  } else if (metrics.lastPurchase !== null) {
    notes.push(t('noteLastPurchases', { last: metrics.lastPurchase, asOf: formatIsoDay(asOfDay) }));
  }

  const clientsJson: AnalysisClientJson[] = summaries.map((s, index) => {
    const score = rfm[index];
    const abcClass = abc[index];
    const segment = segments[index];
    if (score === undefined || abcClass === undefined || segment === undefined) {
      throw new AnalyticsError('numeric', 'Internal mismatch between client lists.');
    }
    return {
      id: s.clientName,
      daysSinceLastPurchase: s.daysSinceLastPurchase,
      purchaseCount: s.purchaseCount,
      totalRevenue: s.totalRevenue,
      r: score.recencyScore,
      f: score.frequencyScore,
      m: score.monetaryScore,
      rfmCell: score.rfmCell,
      segment,
      abc: abcClass.abcClass,
      xyz: xyz?.[index]?.xyzClass ?? null,
    };
  });

  const segmentsJson: AnalysisSegmentJson[] = RFM_SEGMENTS.map((segment) => {
    const members = summaries.filter((_, index) => segments[index] === segment);
    const revenue = sumOf(members.map((s) => s.totalRevenue));
    const purchases = members.reduce((total, s) => total + s.purchaseCount, 0);
    const info = segmentInfo(segment);
    return {
      segment,
      name: info.name[locale],
      clients: members.length,
      clientShare: members.length / summaries.length,
      revenue,
      revenueShare: ratio(revenue, metrics.revenue),
      averageCheck: ratio(revenue, purchases),
      meaning: info.meaning[locale],
      action: info.action[locale],
      color: info.color,
    };
  });

  const abcXyzJson: AnalysisAbcXyzJson[] =
    xyz === undefined
      ? []
      : abcXyzMatrix(abc, xyz).map((cell) => ({
          cell: cell.cell,
          abc: cell.abcClass,
          xyz: cell.xyzClass,
          clients: cell.clientCount,
          clientShare: cell.clientShare,
          revenue: cell.totalRevenue,
          revenueShare: cell.revenueShare,
        }));

  const sheetNames = {
    summary: t('sheetSummary'),
    segments: t('sheetSegments'),
    clients: t('sheetClients'),
    abcXyz: t('sheetAbcXyz'),
    rejected: t('sheetRejected'),
  };

  const metricRows: (readonly ReportValue[])[] = [
    [t('metricClients'), metrics.clients, t('metricClientsHow')],
    [t('metricRevenue'), metrics.revenue, t('metricRevenueHow')],
    [t('metricPurchases'), metrics.purchases, t('metricPurchasesHow')],
    [t('metricRefunds'), metrics.refunds, t('metricRefundsHow')],
    [t('metricAverageCheck'), metrics.averageCheck, t('metricAverageCheckHow')],
    [t('metricRepeatBuyers'), metrics.repeatBuyers, t('metricRepeatBuyersHow')],
    [t('metricRepeatRate'), percent(metrics.repeatRate), t('metricRepeatRateHow')],
    [t('metricActive'), metrics.activeClients, t('metricActiveHow', { days: inactiveAfterDays })],
    [
      t('metricInactive'),
      metrics.inactiveClients,
      t('metricInactiveHow', { days: inactiveAfterDays }),
    ],
    [t('metricActiveShare'), percent(metrics.activeShare), t('metricShareHow')],
    [t('metricInactiveShare'), percent(metrics.inactiveShare), t('metricShareHow')],
    [
      t('metricUnhappy'),
      metrics.unhappyClients,
      metrics.unhappyClients === null ? t('metricUnhappyMissing') : t('metricUnhappyHow'),
    ],
  ];
  if (metrics.ltv !== null) {
    const { lifetimeMonths, purchasesPerMonth, ltv } = metrics.ltv;
    metricRows.push(
      [
        t('metricLifetime'),
        lifetimeMonths,
        lifetimeMonths === null ? t('metricNeedsFirstPurchase') : t('metricLifetimeHow'),
      ],
      [
        t('metricPurchasesPerMonth'),
        purchasesPerMonth,
        purchasesPerMonth === null
          ? t('metricNeedsFirstPurchase')
          : t('metricPurchasesPerMonthHow'),
      ],
      [t('metricLtv'), ltv, ltv === null ? t(ltvMissingMessage(metrics.ltv)) : t('metricLtvHow')],
    );
  }
  metricRows.push(
    [t('metricDataRows'), read.dataRowCount, t('metricDataRowsHow')],
    [
      t('metricRejected'),
      rejectedRows.length,
      t('metricRejectedHow', { sheet: sheetNames.rejected }),
    ],
  );
  const summarySheet: ReportSheet = {
    name: sheetNames.summary,
    tables: [
      {
        id: 'metrics',
        title: t('tableMetrics', { asOf: formatIsoDay(asOfDay) }),
        note: t('tableMetricsNote'),
        columns: [
          { key: 'metric', label: t('columnMetric'), kind: 'text' },
          { key: 'value', label: t('columnValue'), kind: 'number' },
          { key: 'how', label: t('columnExplanation'), kind: 'text' },
        ],
        rows: metricRows,
      },
      {
        id: 'reading',
        title: t('tableReading'),
        columns: [{ key: 'note', label: t('columnNote'), kind: 'text' }],
        rows: notes.map((note) => [note]),
      },
    ],
  };

  const averageDays = (segment: RfmSegment): number | null => {
    const days = summaries
      .filter((_, index) => segments[index] === segment)
      .map((s) => s.daysSinceLastPurchase)
      .filter((d): d is number => d !== null);
    return days.length === 0 ? null : days.reduce((a, b) => a + b, 0) / days.length;
  };
  const segmentTable: ReportTable = {
    id: 'segments',
    title: t('tableSegments'),
    note: t('tableSegmentsNote'),
    columns: [
      { key: 'name', label: t('columnSegment'), kind: 'text' },
      { key: 'clients', label: t('columnClients'), kind: 'integer' },
      { key: 'clientShare', label: t('columnClientShare'), kind: 'percent' },
      { key: 'revenue', label: t('columnRevenue'), kind: 'money' },
      { key: 'revenueShare', label: t('columnRevenueShare'), kind: 'percent' },
      { key: 'averageCheck', label: t('columnAverageCheck'), kind: 'money' },
      { key: 'averageDays', label: t('columnAverageDays'), kind: 'number' },
      { key: 'meaning', label: t('columnMeaning'), kind: 'text' },
      { key: 'action', label: t('columnAction'), kind: 'text' },
      { key: 'segment', label: t('columnSegmentKey'), kind: 'text' },
    ],
    rows: segmentsJson.map((s) => [
      s.name,
      s.clients,
      s.clientShare,
      s.revenue,
      s.revenueShare,
      s.averageCheck,
      averageDays(s.segment),
      s.meaning,
      s.action,
      s.segment,
    ]),
    rowFills: segmentsJson.map((s) => s.color),
    chart: {
      kind: 'column',
      title: t('chartSegments'),
      categoryColumn: 'name',
      valueColumns: ['clients'],
    },
  };

  const clientTable: ReportTable = {
    id: 'clients',
    title: t('tableClients'),
    columns: [
      { key: 'id', label: t('columnClient'), kind: 'text' },
      { key: 'daysSinceLastPurchase', label: t('columnDaysSince'), kind: 'integer' },
      { key: 'purchaseCount', label: t('columnPurchases'), kind: 'integer' },
      { key: 'totalRevenue', label: t('columnTotalRevenue'), kind: 'money' },
      { key: 'firstPurchase', label: t('columnFirstPurchase'), kind: 'day' },
      { key: 'lastPurchase', label: t('columnLastPurchase'), kind: 'day' },
      { key: 'r', label: t('columnR'), kind: 'integer' },
      { key: 'f', label: t('columnF'), kind: 'integer' },
      { key: 'm', label: t('columnM'), kind: 'integer' },
      { key: 'rfmCell', label: t('columnRfmCell'), kind: 'text' },
      { key: 'segment', label: t('columnSegment'), kind: 'text' },
      { key: 'abc', label: t('columnAbc'), kind: 'text' },
      { key: 'xyz', label: t('columnXyz'), kind: 'text' },
      { key: 'cv', label: t('columnCv'), kind: 'number' },
      { key: 'manager', label: t('columnManager'), kind: 'text' },
      { key: 'channel', label: t('columnChannel'), kind: 'text' },
    ],
    rows: clientsJson.map((client, index) => {
      const s = summaries[index] as CustomerSummary;
      return [
        client.id,
        client.daysSinceLastPurchase,
        client.purchaseCount,
        client.totalRevenue,
        s.firstPurchaseDay,
        s.lastPurchaseDay,
        client.r,
        client.f,
        client.m,
        client.rfmCell,
        segmentInfo(client.segment).name[locale],
        client.abc,
        client.xyz,
        xyz?.[index]?.coefficientOfVariation ?? null,
        s.manager ?? null,
        s.channel ?? null,
      ];
    }),
  };

  const sheets: ReportSheet[] = [
    summarySheet,
    { name: sheetNames.segments, tables: [segmentTable] },
    { name: sheetNames.clients, tables: [clientTable] },
  ];

  if (abcXyzJson.length > 0) {
    const cellOf = (abcClass: AbcClass, xyzClass: XyzClass) =>
      abcXyzJson.find((cell) => cell.abc === abcClass && cell.xyz === xyzClass);
    const classes: AbcClass[] = ['A', 'B', 'C'];
    const xyzList: XyzClass[] = ['X', 'Y', 'Z'];
    sheets.push({
      name: sheetNames.abcXyz,
      tables: [
        {
          id: 'abcXyzMatrix',
          title: t('tableAbcXyz'),
          note: t('tableAbcXyzNote'),
          columns: [
            { key: 'abc', label: t('columnAbcClass'), kind: 'text' },
            { key: 'xClients', label: t('columnXClients'), kind: 'integer' },
            { key: 'yClients', label: t('columnYClients'), kind: 'integer' },
            { key: 'zClients', label: t('columnZClients'), kind: 'integer' },
            { key: 'xShare', label: t('columnXShare'), kind: 'percent' },
            { key: 'yShare', label: t('columnYShare'), kind: 'percent' },
            { key: 'zShare', label: t('columnZShare'), kind: 'percent' },
          ],
          rows: classes.map((abcClass) => [
            abcClass,
            ...xyzList.map((x) => cellOf(abcClass, x)?.clients ?? 0),
            ...xyzList.map((x) => cellOf(abcClass, x)?.revenueShare ?? null),
          ]),
          colorScale: {
            columns: ['xShare', 'yShare', 'zShare'],
            minColor: '#FFFFFF',
            maxColor: '#63BE7B',
          },
        },
        {
          id: 'abcXyzCells',
          title: t('tableAbcXyzCells'),
          columns: [
            { key: 'cell', label: t('columnCell'), kind: 'text' },
            { key: 'clients', label: t('columnClients'), kind: 'integer' },
            { key: 'clientShare', label: t('columnClientShare'), kind: 'percent' },
            { key: 'revenue', label: t('columnRevenue'), kind: 'money' },
            { key: 'revenueShare', label: t('columnRevenueShare'), kind: 'percent' },
          ],
          rows: abcXyzJson.map((cell) => [
            cell.cell,
            cell.clients,
            cell.clientShare,
            cell.revenue,
            cell.revenueShare,
          ]),
        },
      ],
    });
  }

  sheets.push(rejectedRowsSheet(rejectedRows, locale));

  const context: AnalysisContext = {
    read: sectionRead,
    locale,
    asOfDay,
    summaries,
    rfm,
    segments,
    abc,
    xyz,
    sheetNames: sheets.map((sheet) => sheet.name),
    segmentation: {
      ...(options.rfm === undefined ? {} : { rfm: options.rfm }),
      ...(options.rfmSegmentMap === undefined ? {} : { rfmSegmentMap: options.rfmSegmentMap }),
      ...(options.abc === undefined ? {} : { abc: options.abc }),
      ...(options.xyz === undefined ? {} : { xyz: options.xyz }),
    },
    ...(options.retention === undefined ? {} : { retention: options.retention }),
  };

  const coreJson = {
    asOf: formatIsoDay(asOfDay),
    shape: read.shape,
    locale,
    headerRow: read.headerRow,
    dataRowCount: read.dataRowCount,
    clients: clientsJson,
    rejectedRows: rejectedRows.map((rejected) => ({
      row: rejected.row,
      reason: rejected.reason,
      code: rejected.code,
    })),
    segments: segmentsJson,
    abcXyz: abcXyzJson,
    metrics,
    notes,
  };
  const extra: Record<string, unknown> = {};
  for (const section of options.sections ?? ANALYSIS_SECTIONS) {
    const result = section({ ...context, sheetNames: sheets.map((sheet) => sheet.name) });
    if (result === undefined) continue;
    sheets.push(...result.sheets);
    for (const [key, value] of Object.entries(result.json ?? {})) {
      if (key in coreJson || key in extra) {
        throw new AnalyticsError(
          'invalid_argument',
          `Report section field "${key}" is already used.`,
        );
      }
      extra[key] = value;
    }
  }

  return {
    report: { locale, title: t('reportTitle'), sheets },
    json: { ...coreJson, ...extra },
    context,
  };
}
