import { HEADER_SYNONYMS, normaliseHeader } from './header-synonyms';
import type { ColumnMapping, ColumnRole } from './types';

const ROLES = Object.keys(HEADER_SYNONYMS) as ColumnRole[];

/** Synonym -> its role and rank (position in the role's list: lower is a stronger match). */
const EXACT = new Map<string, { readonly role: ColumnRole; readonly rank: number }>();
for (const role of ROLES) {
  HEADER_SYNONYMS[role].forEach((synonym, rank) => {
    if (!EXACT.has(synonym)) EXACT.set(synonym, { role, rank });
  });
}

/** Synonyms of 4+ characters, longest first, for headers that add words (`Дата покупки МСК`). */
const PREFIXES: readonly (readonly [string, ColumnRole])[] = ROLES.flatMap((role) =>
  HEADER_SYNONYMS[role].filter((s) => s.length >= 4).map((s) => [s, role] as const),
).sort((x, y) => y[0].length - x[0].length);

/**
 * Maps header texts to column roles by name, in English and Russian.
 *
 * Definition: each header is normalised (`normaliseHeader`: case, `ё`, punctuation, brackets and
 * currency units ignored) and looked up in `HEADER_SYNONYMS` (the list of user guide §1, Your
 * data: client/customer/клиент/покупатель/контрагент, date/дата/дата покупки,
 * amount/sum/revenue/сумма/выручка, order id, profit, manager, channel, category, email, phone,
 * plus the client-list columns). Exact
 * matches are assigned first: the strongest synonym (earliest in its list) wins, then the leftmost
 * column (so `Client` beats a `Name` column to its left); a header still unmatched then takes the role of the
 * longest synonym it starts with (`Дата покупки клиента` -> date). Each role goes to one column.
 *
 * @param headers header texts, one per column (blank allowed)
 * @returns role -> 0-based column index; roles not found are absent. Never throws.
 * @example mapColumns(['Клиент', 'Дата покупки', 'Сумма, руб.']) gives { client: 0, date: 1, amount: 2 }
 */
export function mapColumns(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const bestRank: Partial<Record<ColumnRole, number>> = {};
  normalised.forEach((header, column) => {
    const match = EXACT.get(header);
    if (match === undefined) return;
    const { role, rank } = match;
    const previous = mapping[role];
    if (previous === undefined || rank < (bestRank[role] ?? Infinity)) {
      if (previous !== undefined) used.delete(previous);
      mapping[role] = column;
      bestRank[role] = rank;
      used.add(column);
    }
  });
  normalised.forEach((header, column) => {
    if (used.has(column) || header === '') return;
    for (const [synonym, role] of PREFIXES) {
      if (mapping[role] === undefined && header.startsWith(`${synonym} `)) {
        mapping[role] = column;
        used.add(column);
        return;
      }
    }
  });
  return mapping;
}

/** True when the mapping has what a transaction list needs: client, date and amount. */
export function hasTransactionColumns(mapping: ColumnMapping): boolean {
  return mapping.client !== undefined && mapping.date !== undefined && mapping.amount !== undefined;
}

/** True when the mapping has a client column and one of the client-list summary columns. */
export function hasClientListColumns(mapping: ColumnMapping): boolean {
  return (
    mapping.client !== undefined &&
    (mapping.lastPurchaseDate !== undefined ||
      mapping.purchaseCount !== undefined ||
      mapping.totalRevenue !== undefined)
  );
}
