import type { ColumnMapping, ColumnRole, InputShape } from '../sheet-data/types';

/** A column role a UI offers a drop-down for, and whether the reader needs it for the shape. */
export interface OfferedColumnRole {
  readonly role: ColumnRole;
  readonly required: boolean;
}

/** The roles a transaction list can use, required ones first (the reader needs all three). */
const TRANSACTION_ROLES: readonly ColumnRole[] = [
  'client',
  'date',
  'amount',
  'orderId',
  'profit',
  'manager',
  'channel',
  'category',
];
const TRANSACTION_REQUIRED: ReadonlySet<ColumnRole> = new Set(['client', 'date', 'amount']);

/**
 * The roles a client list can use. It needs a client column and at least one of last purchase
 * date, purchase count and total revenue, so only the client is required on its own.
 */
const CLIENT_LIST_ROLES: readonly ColumnRole[] = [
  'client',
  'lastPurchaseDate',
  'firstPurchaseDate',
  'purchaseCount',
  'totalRevenue',
  'manager',
  'channel',
];
const CLIENT_LIST_REQUIRED: ReadonlySet<ColumnRole> = new Set(['client']);

/**
 * The column roles a UI lets the user assign after detection: every role of the detected shape
 * (so a column headed `GP $`, which the reader does not know, can still be made the profit), then
 * any other role the reader mapped, each marked required when the reader cannot read the shape
 * without it. The list depends on the detection only, not on the user's later choices, so
 * choosing "(none)" keeps a drop-down.
 *
 * Example: `offeredColumnRoles('clients', { client: 0, email: 3 })` lists `client` (required),
 * `lastPurchaseDate`, `firstPurchaseDate`, `purchaseCount`, `totalRevenue`, `manager`, `channel`,
 * then `email` (tested).
 */
export function offeredColumnRoles(
  shape: InputShape,
  detectedMapping: ColumnMapping,
): readonly OfferedColumnRole[] {
  const roles = shape === 'transactions' ? TRANSACTION_ROLES : CLIENT_LIST_ROLES;
  const required = shape === 'transactions' ? TRANSACTION_REQUIRED : CLIENT_LIST_REQUIRED;
  const offered = new Set<ColumnRole>(roles);
  for (const [role, column] of Object.entries(detectedMapping) as [ColumnRole, number][]) {
    if (column !== undefined) offered.add(role);
  }
  return [...offered].map((role) => ({ role, required: required.has(role) }));
}
