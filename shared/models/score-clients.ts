import type { DiscountedClvOptions } from './discounted-clv';
import { checkClvOptions, discountedClvOfCurve } from './discounted-clv';
import type { GammaGammaParameters } from './gamma-gamma';
import { gammaGammaExpectedSpend } from './gamma-gamma';
import type { PurchaseModel } from './purchase-model';
import { expectedPurchasesIfAlive, probabilityAlive } from './purchase-model';
import type { ModelClientRow } from './types';

export interface ClientForecast {
  readonly clientKey: string;
  readonly clientName: string;
  /** Repeat purchases in the calibration period (x). */
  readonly repeatPurchases: number;
  /** First to last calibration purchase (t_x), model time units. */
  readonly firstToLastPurchase: number;
  /** First purchase to calibration end (T), model time units. */
  readonly firstPurchaseToEnd: number;
  readonly meanRepeatValue: number;
  /** 0..1 */
  readonly probabilityAlive: number;
  /** Expected repeat purchases over the whole horizon (horizonPeriods × periodLength). */
  readonly expectedPurchases: number;
  /** Expected money per future purchase (Gamma-Gamma). */
  readonly expectedSpendPerPurchase: number;
  /** Discounted CLV over the horizon, margin applied. */
  readonly clv: number;
  readonly holdoutRepeatCount?: number;
}

/**
 * Forecasts for every client: P(alive), expected purchases over the horizon, expected spend per
 * purchase (Gamma-Gamma, population mean for clients without repeat purchases) and discounted CLV
 * (see `discountedClv` for the discretisation). Plain names replace the literature symbols here.
 * @throws AnalyticsError as the functions it combines (invalid options, q <= 1).
 * Example: CDNOW client 1 (x = 2, t_x = 30.43, T = 38.86) with FHL 2005 BG/NBD and CDNOW
 * Gamma-Gamma parameters, 39 periods of 1 week, d = 0: expected purchases 1.226.
 */
export function scoreClients(
  clients: readonly ModelClientRow[],
  model: PurchaseModel,
  spend: GammaGammaParameters,
  options: DiscountedClvOptions,
): ClientForecast[] {
  const checked = checkClvOptions(options);
  const horizon = checked.horizonPeriods * checked.periodLength;
  // Given the client is alive, expected purchases depend on (x, T) only, not on t_x: clients
  // sharing them share the curve; each client then multiplies by its own P(alive).
  const curves = new Map<string, { purchases: number; clvPerMoney: number }>();
  return clients.map((c) => {
    const row = { x: c.x, t_x: c.t_x, T: c.T };
    const key = `${c.x}|${c.T}`;
    let curve = curves.get(key);
    if (!curve) {
      curve = {
        purchases: expectedPurchasesIfAlive(model, row, horizon),
        clvPerMoney: discountedClvOfCurve(
          (t) => expectedPurchasesIfAlive(model, row, t),
          1,
          options,
        ),
      };
      curves.set(key, curve);
    }
    const alive = probabilityAlive(model, row);
    const spendPerPurchase = gammaGammaExpectedSpend(spend, {
      x: c.x,
      meanRepeatValue: c.meanRepeatValue,
    });
    return {
      clientKey: c.clientKey,
      clientName: c.clientName,
      repeatPurchases: c.x,
      firstToLastPurchase: c.t_x,
      firstPurchaseToEnd: c.T,
      meanRepeatValue: c.meanRepeatValue,
      probabilityAlive: alive,
      expectedPurchases: alive * curve.purchases,
      expectedSpendPerPurchase: spendPerPurchase,
      // CLV is linear in P(alive) and in the spend per purchase (see discountedClv).
      clv: alive * curve.clvPerMoney * spendPerPurchase,
      ...(c.holdoutRepeatCount !== undefined ? { holdoutRepeatCount: c.holdoutRepeatCount } : {}),
    };
  });
}
