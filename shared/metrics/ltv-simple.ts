import { monthIndexOfDay } from '../calendar';
import { ExactAccumulator } from '../math/exact-sum';
import type { CustomerSummary } from '../segmentation/customer-summary';
import { requireNonNegative, requireRatio } from './argument-checks';

/**
 * Simple lifetime value: S × C × P × t, where S = average check (money per purchase), C = purchases
 * per client per month, P = margin ratio (0..1) and t = average client lifetime in months.
 * Source: the practitioners' LTV formula "average order value × purchase frequency × customer
 * lifespan × gross margin" (e.g. https://trustprofit.io/tools/ltv-calculator: $60 × 3 a year ×
 * 2 years × 50 % = $180), undiscounted; for the discounted form see `ltvWithRetention`. Any time
 * unit works if frequency and lifetime use the same one; the spreadsheet function uses months.
 *
 * Parameters: `averageCheck` money per purchase (≥ 0); `purchasesPerMonth` per client (≥ 0);
 * `marginRatio` 0..1; `lifetimeMonths` months (≥ 0). Result: money per client.
 * Throws `AnalyticsError('invalid_argument')` naming the argument for a negative value or a
 * margin outside 0..1.
 *
 * Example: `ltvSimple(1500, 0.5, 0.4, 18)` is 1500 × 0.5 × 0.4 × 18 = 5400.
 */
export function ltvSimple(
  averageCheck: number,
  purchasesPerMonth: number,
  marginRatio: number,
  lifetimeMonths: number,
): number {
  requireNonNegative('averageCheck', averageCheck);
  requireNonNegative('purchasesPerMonth', purchasesPerMonth);
  requireRatio('marginRatio', marginRatio);
  requireNonNegative('lifetimeMonths', lifetimeMonths);
  return averageCheck * purchasesPerMonth * marginRatio * lifetimeMonths;
}

/**
 * A client's active months: calendar months from the month of its first purchase through the month
 * of its last purchase, both included (a one-time buyer has 1; purchases on 31 January and
 * 1 February give 2). 0 when either day is unknown (a refund-only client; a client-list row without
 * a first purchase date, whose months `ltvSimpleInputs` reports as unknown). Throws nothing.
 *
 * Example: first purchase 2024-01-15, last 2024-06-02: 6 active months.
 */
export function activeMonths(summary: CustomerSummary): number {
  if (summary.firstPurchaseDay === null || summary.lastPurchaseDay === null) return 0;
  return monthIndexOfDay(summary.lastPurchaseDay) - monthIndexOfDay(summary.firstPurchaseDay) + 1;
}

export interface LtvSimpleInputs {
  /** Clients with at least one purchase. */
  readonly buyingClients: number;
  /** S: net revenue of buying clients / their purchases (money per purchase). */
  readonly averageCheck: number;
  /**
   * C: purchases / Σ active months (purchases per client per active month); `null` when t is
   * unknown.
   */
  readonly purchasesPerMonth: number | null;
  /**
   * t: Σ active months / buying clients (months); `null` when a buying client's first purchase
   * day is unknown (a client list without first purchase dates), since its months are unknown.
   */
  readonly lifetimeMonths: number | null;
  /** P as given, or Σ profit / Σ revenue when the data has profit and no margin was given. */
  readonly marginRatio: number | null;
  /** S × C × P × t; `null` when P or t is unknown. */
  readonly ltv: number | null;
}

/**
 * The inputs of `ltvSimple` measured on a client base, over clients with at least one purchase:
 * S = their net revenue / purchases, C = purchases / Σ active months, t = Σ active months /
 * clients (see `activeMonths`). Note S × C × t is the average net revenue per client, so the
 * simple LTV is that times the margin ratio. `marginRatio` (0..1) may be given; otherwise it is
 * profit / revenue when every buying client has profit data, else unknown (`null`). Likewise C, t
 * and the LTV are known only when every buying client has a first purchase day: a client list
 * without first purchase dates cannot tell how long its clients stayed (user guide §17), and
 * counting each of them as 1 month would be a guess.
 * Throws `AnalyticsError('invalid_argument')` for a margin outside 0..1; returns `null` when
 * nobody bought.
 *
 * Example: clients with (revenue 300, 3 purchases, 3 active months) and (100, 1, 1):
 * S = 400 / 4 = 100, C = 4 / 4 = 1, t = 4 / 2 = 2; with margin 0.5, LTV = 100 × 1 × 0.5 × 2 = 100.
 */
export function ltvSimpleInputs(
  summaries: readonly CustomerSummary[],
  options: { readonly marginRatio?: number } = {},
): LtvSimpleInputs | null {
  if (options.marginRatio !== undefined) requireRatio('marginRatio', options.marginRatio);
  const revenue = new ExactAccumulator();
  const profit = new ExactAccumulator();
  let allHaveProfit = true;
  let allHaveFirstPurchase = true;
  let buyingClients = 0;
  let purchases = 0;
  let months = 0;
  for (const s of summaries) {
    if (s.purchaseCount < 1) continue;
    buyingClients += 1;
    purchases += s.purchaseCount;
    if (s.firstPurchaseDay === null) allHaveFirstPurchase = false;
    months += activeMonths(s);
    revenue.add(s.totalRevenue);
    if (s.totalProfit === undefined) allHaveProfit = false;
    else profit.add(s.totalProfit);
  }
  if (buyingClients === 0) return null;
  const averageCheck = revenue.value() / purchases;
  const purchasesPerMonth = allHaveFirstPurchase ? purchases / months : null;
  const lifetimeMonths = allHaveFirstPurchase ? months / buyingClients : null;
  let marginRatio: number | null = options.marginRatio ?? null;
  if (marginRatio === null && allHaveProfit && revenue.value() > 0) {
    marginRatio = profit.value() / revenue.value();
  }
  const ltv =
    marginRatio === null || purchasesPerMonth === null || lifetimeMonths === null
      ? null
      : averageCheck * purchasesPerMonth * marginRatio * lifetimeMonths;
  return { buyingClients, averageCheck, purchasesPerMonth, lifetimeMonths, marginRatio, ltv };
}
