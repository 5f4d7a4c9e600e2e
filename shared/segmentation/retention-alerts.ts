import { addMonths, formatIsoDay, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import { formatMoney, formatNumber, formatPercent } from '../i18n/format-number';
import { translate, type Locale } from '../i18n/translate';
import { ExactAccumulator } from '../math/exact-sum';
import { median } from '../math/statistics';
import type { Transaction } from '../sheet-data/types';
import {
  assertDay,
  assertNumberAtLeast,
  clientHistories,
  compareText,
  definedOnly,
  purchaseIntervalsDays,
  type ClientHistory,
} from './client-histories';
import { churnWindow, resolveWindowOptions, type ChurnWindowOptions } from './lost-clients';
import { retentionMessages } from './retention-messages';

/** The thresholds of the three alerts; every one is an option with the default of user guide §14. */
export interface RetentionAlertThresholds {
  /** Length of each of the two compared check windows, calendar months. Default 3. */
  readonly checkWindowMonths: number;
  /** Alert when the recent average check is more than this share below the previous. Default 0.2. */
  readonly checkDropRatio: number;
  /** A regular client has at least this many purchases. Default 3. */
  readonly regularMinPurchases: number;
  /** Alert when days since the last purchase exceed this × the median interval. Default 2. */
  readonly silenceMultiplier: number;
  /** Months without the category that raise the alert. Default 2. */
  readonly categoryRecentMonths: number;
  /** Months before those in which the category habit is looked for. Default 6. */
  readonly categoryHistoryMonths: number;
  /** Months (of `categoryHistoryMonths`) with the category that make a habit. Default 3. */
  readonly categoryMinMonths: number;
  /** Also alert about clients already lost (see `lostClients`). Default false: they are listed there. */
  readonly includeLostClients: boolean;
}

export const DEFAULT_ALERT_THRESHOLDS: RetentionAlertThresholds = {
  checkWindowMonths: 3,
  checkDropRatio: 0.2,
  regularMinPurchases: 3,
  silenceMultiplier: 2,
  categoryRecentMonths: 2,
  categoryHistoryMonths: 6,
  categoryMinMonths: 3,
  includeLostClients: false,
};

export interface RetentionAlertOptions
  extends Partial<RetentionAlertThresholds>, ChurnWindowOptions {
  /** The first day not covered (CalendarDay); rows on or after it are ignored. Required. */
  readonly asOf: CalendarDay;
}

export type RetentionAlertKind = 'falling_check' | 'silent_regular' | 'category_dropped';

export interface FallingCheckEvidence {
  /** Net revenue / purchases on [asOf − 3 months, asOf): money per purchase. */
  readonly recentAverageCheck: number;
  /** The same on [asOf − 6 months, asOf − 3 months). */
  readonly previousAverageCheck: number;
  readonly recentPurchases: number;
  readonly previousPurchases: number;
  /** Length of each compared window, calendar months. */
  readonly windowMonths: number;
  /** 1 − recent / previous (ratio; 0.25 = a quarter lower). */
  readonly dropRatio: number;
}

export interface SilentRegularEvidence {
  readonly purchaseCount: number;
  readonly medianIntervalDays: number;
  readonly daysSinceLastPurchase: number;
  /** silenceMultiplier × medianIntervalDays: days. */
  readonly thresholdDays: number;
  readonly lastPurchaseDay: CalendarDay;
}

export interface CategoryDroppedEvidence {
  readonly category: string;
  /** Months of the habit window with a purchase in the category (of `historyMonths`). */
  readonly monthsWithCategory: number;
  readonly historyMonths: number;
  /** Months just before the as-of day without the category. */
  readonly recentMonths: number;
  readonly lastCategoryPurchaseDay: CalendarDay;
}

interface AlertBase {
  readonly clientKey: string;
  readonly clientName: string;
}

export type RetentionAlert =
  | (AlertBase & { readonly kind: 'falling_check'; readonly evidence: FallingCheckEvidence })
  | (AlertBase & { readonly kind: 'silent_regular'; readonly evidence: SilentRegularEvidence })
  | (AlertBase & { readonly kind: 'category_dropped'; readonly evidence: CategoryDroppedEvidence });

const KIND_ORDER: Record<RetentionAlertKind, number> = {
  falling_check: 0,
  silent_regular: 1,
  category_dropped: 2,
};

/**
 * Retention alerts per client, each with the numbers that raised it (user guide §14, Retention alerts):
 * - `falling_check`: the average check (net revenue / purchases) on the last `checkWindowMonths`
 *   calendar months before the as-of day is more than `checkDropRatio` below the average check of
 *   the window before; both windows need a purchase and the earlier average must be above 0;
 * - `silent_regular`: a client with at least `regularMinPurchases` purchases (and two distinct
 *   purchase days) has gone more than `silenceMultiplier` × its median interval without buying;
 * - `category_dropped`: the client bought a category in at least `categoryMinMonths` of the
 *   `categoryHistoryMonths` months before the last `categoryRecentMonths`, and not in those.
 *   Months are counted back from the as-of day (month k = [asOf − k months, asOf − k + 1 months));
 *   rows without a category are not looked at, so without a category column this alert never fires.
 * Clients lost on the as-of day (`lostClients` rule, same window options) get no alert unless
 * `includeLostClients`.
 *
 * @param transactions normalised rows; order does not matter; rows on or after asOf are ignored.
 * @throws AnalyticsError `invalid_argument` for a bad as-of day, threshold or row.
 * @returns alerts by client key, then kind (falling check, silence, category), then category.
 * @example a client with 3 purchases of 100 at 10-day gaps, last 2024-05-21, as of 2024-07-01:
 *   41 days > 2 × 10 → `silent_regular` with `{ medianIntervalDays: 10, thresholdDays: 20 }`.
 */
export function retentionAlerts(
  transactions: readonly Transaction[],
  options: RetentionAlertOptions,
): RetentionAlert[] {
  assertDay(options.asOf, 'asOf');
  return retentionAlertsFromHistories(clientHistories(transactions, options.asOf), options);
}

/**
 * As `retentionAlerts`, from histories already grouped by `clientHistories(transactions,
 * options.asOf)` (so several analyses can share one grouping).
 */
export function retentionAlertsFromHistories(
  histories: readonly ClientHistory[],
  options: RetentionAlertOptions,
): RetentionAlert[] {
  const { asOf } = options;
  assertDay(asOf, 'asOf');
  const windowOptions = resolveWindowOptions(options);
  const t = { ...DEFAULT_ALERT_THRESHOLDS, ...definedOnly(options) };
  for (const name of [
    'checkWindowMonths',
    'categoryRecentMonths',
    'categoryHistoryMonths',
    'regularMinPurchases',
  ] as const) {
    if (!Number.isInteger(t[name]) || t[name] < 1) {
      throw new AnalyticsError('invalid_argument', `${name} must be a whole number of at least 1.`);
    }
  }
  assertNumberAtLeast(t.checkDropRatio, 0, 'checkDropRatio');
  assertNumberAtLeast(t.silenceMultiplier, 0, 'silenceMultiplier');
  assertNumberAtLeast(t.categoryMinMonths, 1, 'categoryMinMonths');

  const recentStart = addMonths(asOf, -t.checkWindowMonths);
  const previousStart = addMonths(asOf, -2 * t.checkWindowMonths);
  const monthStarts: CalendarDay[] = [asOf];
  const categoryMonths = t.categoryRecentMonths + t.categoryHistoryMonths;
  for (let k = 1; k <= categoryMonths; k += 1) monthStarts.push(addMonths(asOf, -k));

  const alerts: RetentionAlert[] = [];
  for (const h of histories) {
    const last = h.purchaseDays[h.purchaseDays.length - 1];
    if (last === undefined) continue;
    if (
      !t.includeLostClients &&
      asOf - last >= churnWindow(h.purchaseDays, windowOptions).windowDays
    ) {
      continue;
    }
    const base = { clientKey: h.clientKey, clientName: h.clientName };
    const falling = fallingCheck(h, previousStart, recentStart, asOf, t);
    if (falling) alerts.push({ ...base, kind: 'falling_check', evidence: falling });
    const silent = silentRegular(h, asOf, t);
    if (silent) alerts.push({ ...base, kind: 'silent_regular', evidence: silent });
    for (const evidence of droppedCategories(h, monthStarts, t)) {
      alerts.push({ ...base, kind: 'category_dropped', evidence });
    }
  }
  return alerts.sort(
    (a, b) =>
      compareText(a.clientKey, b.clientKey) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      compareText(categoryOf(a), categoryOf(b)),
  );
}

function categoryOf(alert: RetentionAlert): string {
  return alert.kind === 'category_dropped' ? alert.evidence.category : '';
}

function fallingCheck(
  h: ClientHistory,
  previousStart: CalendarDay,
  recentStart: CalendarDay,
  asOf: CalendarDay,
  t: RetentionAlertThresholds,
): FallingCheckEvidence | undefined {
  const previous = windowCheck(h.transactions, previousStart, recentStart);
  const recent = windowCheck(h.transactions, recentStart, asOf);
  if (previous.purchases === 0 || recent.purchases === 0) return undefined;
  const previousAverageCheck = previous.revenue / previous.purchases;
  const recentAverageCheck = recent.revenue / recent.purchases;
  if (!(previousAverageCheck > 0)) return undefined;
  if (!(recentAverageCheck < previousAverageCheck * (1 - t.checkDropRatio))) return undefined;
  return {
    recentAverageCheck,
    previousAverageCheck,
    recentPurchases: recent.purchases,
    previousPurchases: previous.purchases,
    windowMonths: t.checkWindowMonths,
    dropRatio: 1 - recentAverageCheck / previousAverageCheck,
  };
}

/** Net revenue and purchases (distinct order ids, else rows) on [from, to). */
function windowCheck(
  rows: readonly Transaction[],
  from: CalendarDay,
  to: CalendarDay,
): { revenue: number; purchases: number } {
  const revenue = new ExactAccumulator();
  const orders = new Set<string>();
  let rowsWithoutOrder = 0;
  for (const r of rows) {
    if (r.day < from || r.day >= to) continue;
    revenue.add(r.amount);
    if (r.amount < 0) continue;
    if (r.orderId !== undefined && r.orderId !== '') orders.add(r.orderId);
    else rowsWithoutOrder += 1;
  }
  return { revenue: revenue.value(), purchases: orders.size + rowsWithoutOrder };
}

function silentRegular(
  h: ClientHistory,
  asOf: CalendarDay,
  t: RetentionAlertThresholds,
): SilentRegularEvidence | undefined {
  const last = h.purchaseDays[h.purchaseDays.length - 1];
  if (last === undefined || h.purchaseCount < t.regularMinPurchases) return undefined;
  const intervals = purchaseIntervalsDays(h.purchaseDays);
  if (intervals.length === 0) return undefined;
  const medianIntervalDays = median(intervals);
  const thresholdDays = t.silenceMultiplier * medianIntervalDays;
  const daysSinceLastPurchase = asOf - last;
  if (!(daysSinceLastPurchase > thresholdDays)) return undefined;
  return {
    purchaseCount: h.purchaseCount,
    medianIntervalDays,
    daysSinceLastPurchase,
    thresholdDays,
    lastPurchaseDay: last,
  };
}

/** `monthStarts[k]` is the first day of month k back from the as-of day (k = 0 is asOf itself). */
function droppedCategories(
  h: ClientHistory,
  monthStarts: readonly CalendarDay[],
  t: RetentionAlertThresholds,
): CategoryDroppedEvidence[] {
  const totalMonths = monthStarts.length - 1;
  const earliest = monthStarts[totalMonths] ?? 0;
  const byCategory = new Map<string, { months: Set<number>; lastDay: CalendarDay }>();
  for (const r of h.transactions) {
    if (r.category === undefined || r.category === '' || r.amount < 0) continue;
    const entry = byCategory.get(r.category) ?? { months: new Set<number>(), lastDay: r.day };
    byCategory.set(r.category, entry);
    entry.lastDay = Math.max(entry.lastDay, r.day);
    if (r.day < earliest) continue;
    // Month k (1-based) holds days in [monthStarts[k], monthStarts[k - 1]).
    let k = 1;
    while (k < totalMonths && r.day < (monthStarts[k] ?? 0)) k += 1;
    entry.months.add(k);
  }
  const out: CategoryDroppedEvidence[] = [];
  for (const [category, { months, lastDay }] of byCategory) {
    let recent = 0;
    let history = 0;
    for (const k of months) {
      if (k <= t.categoryRecentMonths) recent += 1;
      else history += 1;
    }
    if (recent > 0 || history < t.categoryMinMonths) continue;
    out.push({
      category,
      monthsWithCategory: history,
      historyMonths: t.categoryHistoryMonths,
      recentMonths: t.categoryRecentMonths,
      lastCategoryPurchaseDay: lastDay,
    });
  }
  return out;
}

export interface AlertText {
  readonly title: string;
  readonly evidence: string;
  readonly action: string;
}

/**
 * The alert's title, evidence sentence and suggested action in `locale`. Money, days and the drop
 * are written as that locale writes numbers (`formatMoney`, `formatNumber`, `formatPercent`:
 * en `1,234.56` and `20.5%`, ru `1 234,56` and `20,5 %`); the exact numbers stay in `evidence`.
 *
 * @example a silent regular with 3 purchases, median 10, 41 days, threshold 20 reads in English
 *   "Purchases: 3, usually every 10 days; no purchase for 41 days (more than 20)."; a falling check
 *   of 1,000 against 1,250 reads "... 20% lower." in English and "... ниже на 20 %." in Russian.
 */
export function describeRetentionAlert(alert: RetentionAlert, locale: Locale): AlertText {
  const title = translate(retentionMessages, `alert.${alert.kind}.title`, locale);
  const action = translate(retentionMessages, `alert.${alert.kind}.action`, locale);
  const count = (value: number) => formatNumber(value, locale, 0);
  let evidence: string;
  switch (alert.kind) {
    case 'falling_check': {
      const e = alert.evidence;
      evidence = translate(retentionMessages, 'alert.falling_check.evidence', locale, {
        recent: formatMoney(e.recentAverageCheck, locale),
        previous: formatMoney(e.previousAverageCheck, locale),
        recentPurchases: count(e.recentPurchases),
        previousPurchases: count(e.previousPurchases),
        months: count(e.windowMonths),
        drop: formatPercent(e.dropRatio, locale, 1),
      });
      break;
    }
    case 'silent_regular': {
      const e = alert.evidence;
      evidence = translate(retentionMessages, 'alert.silent_regular.evidence', locale, {
        purchases: count(e.purchaseCount),
        median: formatNumber(e.medianIntervalDays, locale, 2),
        days: count(e.daysSinceLastPurchase),
        threshold: formatNumber(e.thresholdDays, locale, 2),
      });
      break;
    }
    case 'category_dropped': {
      const e = alert.evidence;
      evidence = translate(retentionMessages, 'alert.category_dropped.evidence', locale, {
        category: e.category,
        monthsWith: count(e.monthsWithCategory),
        historyMonths: count(e.historyMonths),
        recentMonths: count(e.recentMonths),
        lastDay: formatIsoDay(e.lastCategoryPurchaseDay),
      });
      break;
    }
  }
  return { title, evidence, action };
}
