import type { BgNbdParameters } from './bg-nbd';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesIfAlive,
  bgNbdExpectedPurchasesNewClient,
  bgNbdProbabilityAlive,
} from './bg-nbd';
import type { ParetoNbdParameters } from './pareto-nbd';
import {
  paretoNbdExpectedPurchases,
  paretoNbdExpectedPurchasesIfAlive,
  paretoNbdExpectedPurchasesNewClient,
  paretoNbdProbabilityAlive,
} from './pareto-nbd';
import type { RecencyFrequency } from './types';

/** A fitted purchase-count model, either kind, so CLV and fit-quality code can take both. */
export type PurchaseModel =
  | { readonly kind: 'bg-nbd'; readonly parameters: BgNbdParameters }
  | { readonly kind: 'pareto-nbd'; readonly parameters: ParetoNbdParameters };

/**
 * P(alive) under either model (BG/NBD: FHL 2005 eq. 13; Pareto/NBD: Fader & Hardie 2005 note eq. 25).
 * Example: `probabilityAlive({ kind: 'bg-nbd', parameters: FHL }, { x: 2, t_x: 30.43, T: 38.86 })` is 0.7266.
 */
export function probabilityAlive(model: PurchaseModel, row: RecencyFrequency): number {
  return model.kind === 'bg-nbd'
    ? bgNbdProbabilityAlive(model.parameters, row)
    : paretoNbdProbabilityAlive(model.parameters, row);
}

/**
 * Expected repeat purchases in the next t model time units for a client with history row.
 * Example: BG/NBD at the FHL 2005 parameters, the paper's example client, t = 39: 1.226.
 */
export function expectedPurchases(model: PurchaseModel, row: RecencyFrequency, t: number): number {
  return model.kind === 'bg-nbd'
    ? bgNbdExpectedPurchases(model.parameters, row, t)
    : paretoNbdExpectedPurchases(model.parameters, row, t);
}

/**
 * Expected repeat purchases in the first t model time units after a client's first purchase.
 * Example: BG/NBD at the FHL 2005 parameters, t = 39: 1.1967.
 */
export function expectedPurchasesNewClient(model: PurchaseModel, t: number): number {
  return model.kind === 'bg-nbd'
    ? bgNbdExpectedPurchasesNewClient(model.parameters, t)
    : paretoNbdExpectedPurchasesNewClient(model.parameters, t);
}

/**
 * Expected repeat purchases in the next t model time units for a client still active, with x
 * repeat purchases and age T (the conditional expectation without its P(alive) factor).
 * Example: BG/NBD at the FHL 2005 parameters, x = 2, T = 38.86, t = 39: 1.6874.
 */
export function expectedPurchasesIfAlive(
  model: PurchaseModel,
  row: { readonly x: number; readonly T: number },
  t: number,
): number {
  return model.kind === 'bg-nbd'
    ? bgNbdExpectedPurchasesIfAlive(model.parameters, row, t)
    : paretoNbdExpectedPurchasesIfAlive(model.parameters, row, t);
}
