import type { CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import type { Transaction } from '../sheet-data/types';
import { assertDay, clientHistories, compareText, type ClientHistory } from './client-histories';
import { ExactAccumulator } from '../math/exact-sum';

export interface ChannelPortfolioOptions {
  /** The first day not covered (CalendarDay); rows on or after it are ignored. Required. */
  readonly asOf: CalendarDay;
  /** Count only clients whose first purchase is on or after this day. Default: every client. */
  readonly acquiredFrom?: CalendarDay;
  /**
   * Marketing spend per channel for the same acquisition period, money. Channel names match
   * trimmed and case-insensitively. A channel with spend and no clients is listed with CAC `null`.
   */
  readonly spendByChannel?: Readonly<Record<string, number>>;
}

export interface ChannelPortfolio {
  /** The channel as first written in the sheet; `null` when the client's rows name none. */
  readonly channel: string | null;
  /** Clients whose first purchase came through the channel. */
  readonly clientsAcquired: number;
  /** Their net revenue before the as-of day (refunds included): money. */
  readonly revenue: number;
  /** revenue / clientsAcquired: money per client; `null` with no clients. */
  readonly revenuePerClient: number | null;
  /** Acquired clients with 2 or more purchases. */
  readonly repeatClients: number;
  /** repeatClients / clientsAcquired, ratio 0..1; `null` with no clients. */
  readonly repeatRate: number | null;
  /** Spend given for the channel, money; absent without a spend map entry. */
  readonly spend?: number;
  /** CAC = spend / clientsAcquired (user guide §9, Key metrics): money per client; `null` without spend or clients. */
  readonly cac: number | null;
}

/**
 * Acquisition channels side by side (user guide §16, Managers and channels). A client is acquired by the channel of its first
 * purchase row (earliest day, then sheet row); when that row names no channel, the earliest row
 * that names one is used. Per channel: clients acquired, their revenue and revenue per client,
 * the repeat rate (share with 2+ purchases: distinct order ids, else rows) and, with a spend map,
 * CAC = spend / clients acquired.
 *
 * @param transactions normalised rows; order does not matter; rows on or after asOf are ignored.
 * @throws AnalyticsError `invalid_argument` for a bad day, a negative or non-finite spend, or a
 *   bad row.
 * @returns channels by clients acquired descending, then name; unknown channel last.
 * @example 2 clients from "instagram" (one buying twice) and spend 1,000: repeat rate 0.5,
 *   CAC 500.
 */
export function channelPortfolios(
  transactions: readonly Transaction[],
  options: ChannelPortfolioOptions,
): ChannelPortfolio[] {
  assertDay(options.asOf, 'asOf');
  return channelPortfoliosFromHistories(clientHistories(transactions, options.asOf), options);
}

/**
 * As `channelPortfolios`, from histories already grouped by `clientHistories(transactions,
 * options.asOf)` (so several analyses can share one grouping).
 */
export function channelPortfoliosFromHistories(
  histories: readonly ClientHistory[],
  options: ChannelPortfolioOptions,
): ChannelPortfolio[] {
  assertDay(options.asOf, 'asOf');
  if (options.acquiredFrom !== undefined) assertDay(options.acquiredFrom, 'acquiredFrom');
  const clients: AcquiredClient[] = [];
  for (const h of histories) {
    const first = h.purchaseDays[0];
    if (first === undefined) continue;
    if (options.acquiredFrom !== undefined && first < options.acquiredFrom) continue;
    const firstPurchase = h.transactions.find((t) => t.amount >= 0);
    const named = (c: string | undefined) => c !== undefined && c.trim() !== '';
    const channel = named(firstPurchase?.channel)
      ? (firstPurchase?.channel ?? null)
      : (h.transactions.find((t) => named(t.channel))?.channel ?? null);
    clients.push({ channel, revenue: h.netRevenue, purchases: h.purchaseCount });
  }
  return channelRows(clients, options.spendByChannel);
}

/** One acquired client's facts for a channel row (shared by transaction and client-list input). */
export interface AcquiredClient {
  readonly channel: string | null;
  readonly revenue: number;
  /** Purchases, or `null` when unknown (then the repeat rate is `null`). */
  readonly purchases: number | null;
}

/**
 * Groups acquired clients into channel rows and applies the spend map (names matched trimmed and
 * case-insensitively); the repeat rate is `null` when a client's purchase count is unknown.
 *
 * @throws AnalyticsError `invalid_argument` for a negative or non-finite spend.
 * @example two "web" clients with 1 and 5 purchases and spend { web: 600 }: repeat rate 0.5, CAC 300.
 */
export function channelRows(
  clients: readonly AcquiredClient[],
  spendByChannel: Readonly<Record<string, number>> | undefined,
): ChannelPortfolio[] {
  const spend = new Map<string, { name: string; amount: number }>();
  for (const [name, amount] of Object.entries(spendByChannel ?? {})) {
    if (!Number.isFinite(amount) || amount < 0) {
      throw new AnalyticsError('invalid_argument', `Spend for "${name}" must be a number ≥ 0.`, {
        channel: name,
      });
    }
    spend.set(channelKey(name), { name, amount });
  }
  const groups = new Map<string | null, { name: string | null; members: AcquiredClient[] }>();
  for (const c of clients) {
    const key = c.channel === null ? null : channelKey(c.channel);
    const group = groups.get(key);
    if (group) group.members.push(c);
    else groups.set(key, { name: c.channel?.trim() ?? null, members: [c] });
  }
  for (const [key, s] of spend) {
    if (!groups.has(key)) groups.set(key, { name: s.name, members: [] });
  }
  const rows: ChannelPortfolio[] = [];
  for (const [key, { name, members }] of groups) {
    const revenue = new ExactAccumulator();
    let repeat = 0;
    let purchasesKnown = true;
    for (const c of members) {
      revenue.add(c.revenue);
      if (c.purchases === null) purchasesKnown = false;
      else if (c.purchases >= 2) repeat += 1;
    }
    const n = members.length;
    const s = key === null ? undefined : spend.get(key);
    rows.push({
      channel: name,
      clientsAcquired: n,
      revenue: revenue.value(),
      revenuePerClient: n === 0 ? null : revenue.value() / n,
      repeatClients: repeat,
      repeatRate: n === 0 || !purchasesKnown ? null : repeat / n,
      ...(s ? { spend: s.amount } : {}),
      cac: s && n > 0 ? s.amount / n : null,
    });
  }
  return rows.sort((p, q) => {
    if ((p.channel === null) !== (q.channel === null)) return p.channel === null ? 1 : -1;
    return q.clientsAcquired - p.clientsAcquired || compareText(p.channel ?? '', q.channel ?? '');
  });
}

function channelKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
