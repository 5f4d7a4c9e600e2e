import { AnalyticsError } from '../errors';
import type { CustomerSummary } from '../segmentation/customer-summary';
import type { Transaction } from '../sheet-data/types';

/** Default churn window: a client with no purchase in the last 180 days is inactive. */
export const DEFAULT_ACTIVITY_WINDOW_DAYS = 180;

/** A client whose latest NPS answer is at most this is unhappy (detractors: 0–6). */
export const UNHAPPY_NPS_MAX = 6;

export interface ClientActivityOptions {
  /** Days; a client is active when daysSinceLastPurchase ≤ windowDays. Default 180. */
  readonly windowDays?: number;
}

export interface ClientActivity {
  readonly clients: number;
  readonly windowDays: number;
  /** Clients with a purchase within the window (daysSinceLastPurchase ≤ windowDays). */
  readonly active: number;
  /** The rest, refund-only clients included. */
  readonly inactive: number;
  /** Ratios 0..1 of `clients`; `null` when there are no clients. */
  readonly activeShare: number | null;
  readonly inactiveShare: number | null;
  /** False when the data has neither an NPS nor a complaint column: unhappy is then unknown. */
  readonly unhappyAvailable: boolean;
  /** Unhappy clients; `null` (not available, never 0) without NPS or complaint data. */
  readonly unhappy: number | null;
  readonly unhappyShare: number | null;
}

/**
 * Active, inactive and unhappy clients. Active: a purchase within the window (days since the last
 * purchase ≤ `windowDays`, default 180); inactive: the rest. Unhappy: the client's latest NPS
 * answer (by day, then sheet row) is 0–6 (an NPS detractor, Reichheld 2003), or any of its rows is
 * marked as a complaint. Unhappy is reported only when some transaction carries an NPS answer or a
 * complaint flag; otherwise it is `null`, never 0. Rows on or after each summary's as-of day are
 * ignored.
 *
 * Parameters: `summaries` from `summariseCustomers`; `transactions` the rows they came from (for
 * NPS and complaints); `options.windowDays` days (> 0).
 * Throws `AnalyticsError('invalid_argument')` for a window that is not a positive number.
 *
 * Example: days since last purchase 10, 200 and a refund-only client, window 180: active 1,
 * inactive 2, activeShare 1/3.
 */
export function clientActivity(
  summaries: readonly CustomerSummary[],
  transactions: readonly Transaction[],
  options: ClientActivityOptions = {},
): ClientActivity {
  const windowDays = options.windowDays ?? DEFAULT_ACTIVITY_WINDOW_DAYS;
  if (!(typeof windowDays === 'number' && windowDays > 0 && Number.isFinite(windowDays))) {
    throw new AnalyticsError(
      'invalid_argument',
      `windowDays must be a positive number of days, got ${String(windowDays)}.`,
      { argument: 'windowDays' },
    );
  }
  let active = 0;
  const asOfByKey = new Map<string, number>();
  for (const s of summaries) {
    asOfByKey.set(s.clientKey, s.asOfDay);
    if (s.daysSinceLastPurchase !== null && s.daysSinceLastPurchase <= windowDays) active += 1;
  }

  let unhappyAvailable = false;
  const latestNps = new Map<string, Transaction>();
  const complained = new Set<string>();
  for (const t of transactions) {
    if (t.nps === undefined && t.complaint === undefined) continue;
    unhappyAvailable = true;
    const asOf = asOfByKey.get(t.clientKey);
    if (asOf === undefined || t.day >= asOf) continue;
    if (t.complaint === true) complained.add(t.clientKey);
    if (t.nps !== undefined && Number.isFinite(t.nps)) {
      const current = latestNps.get(t.clientKey);
      if (
        current === undefined ||
        t.day > current.day ||
        (t.day === current.day && t.row > current.row)
      ) {
        latestNps.set(t.clientKey, t);
      }
    }
  }
  let unhappy: number | null = null;
  if (unhappyAvailable) {
    const keys = new Set(complained);
    for (const [key, t] of latestNps) if ((t.nps as number) <= UNHAPPY_NPS_MAX) keys.add(key);
    unhappy = keys.size;
  }
  const clients = summaries.length;
  const share = (count: number | null): number | null =>
    count === null || clients === 0 ? null : count / clients;
  return {
    clients,
    windowDays,
    active,
    inactive: clients - active,
    activeShare: share(active),
    inactiveShare: share(clients - active),
    unhappyAvailable,
    unhappy,
    unhappyShare: share(unhappy),
  };
}
