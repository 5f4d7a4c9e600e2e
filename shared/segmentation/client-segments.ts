import type { CalendarDay } from '../calendar';
import type { Transaction } from '../sheet-data/types';
import { abcClasses, type AbcClass, type AbcOptions } from './abc-classes';
import { summariseCustomers, type CustomerSummary } from './customer-summary';
import { rfmScores, type RfmScoreOptions } from './rfm-scores';
import { rfmSegment, type RfmSegment, type RfmSegmentMap } from './rfm-segments';
import { rowsFromDay } from './transaction-client-index';
import { xyzClasses, type XyzClass, type XyzOptions } from './xyz-classes';

/** Options of the segmentations of user guide §4–7, passed through unchanged. */
export interface SegmentationOptions {
  readonly abc?: AbcOptions;
  readonly xyz?: XyzOptions;
  readonly rfm?: RfmScoreOptions;
  readonly rfmSegmentMap?: RfmSegmentMap;
}

/** One client's segments (user guide §4–7) on one as-of day. */
export interface ClientSegments {
  readonly summary: CustomerSummary;
  readonly abcClass: AbcClass;
  readonly xyzClass: XyzClass;
  readonly rfmCell: string;
  readonly segment: RfmSegment;
}

/**
 * Summary, ABC, XYZ and RFM segment of every client from `transactions` with
 * `fromDay ≤ day < asOf` (all rows before asOf when `fromDay` is absent), by client key. A thin
 * join of `summariseCustomers`, `abcClasses`, `xyzClasses`, `rfmScores` and `rfmSegment`.
 *
 * @throws AnalyticsError as those functions do.
 * @example p (1,000 on 2023-08-01), q (100 on 2023-09-01) and r (50 on 2023-10-01) as of
 *   2024-01-01: p is A, Z, cell 114 `cannot_lose` (see the migration tests).
 */
export function clientSegments(
  transactions: readonly Transaction[],
  asOf: CalendarDay,
  fromDay: CalendarDay | undefined,
  options: SegmentationOptions = {},
): ClientSegments[] {
  const rows = fromDay === undefined ? transactions : rowsFromDay(transactions, fromDay, asOf);
  const summaries = summariseCustomers(rows, { asOf });
  const abc = abcClasses(summaries, options.abc ?? {});
  const xyz = xyzClasses(rows, summaries, options.xyz ?? {});
  const rfm = rfmScores(summaries, options.rfm ?? { mode: 'rank' });
  return summaries.map((summary, i) => {
    const cell = rfm[i]?.rfmCell ?? '111';
    return {
      summary,
      abcClass: abc[i]?.abcClass ?? 'C',
      xyzClass: xyz[i]?.xyzClass ?? 'Z',
      rfmCell: cell,
      segment: rfmSegment(cell, options.rfmSegmentMap),
    };
  });
}
