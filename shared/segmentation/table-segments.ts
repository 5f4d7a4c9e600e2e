import type { CalendarDay } from '../calendar';
import type { TransactionTable } from '../sheet-data/transaction-table';
import { abcClassColumns, type AbcColumns } from './abc-classes';
import { abcXyzMatrixOfColumns, type AbcXyzCell } from './abc-xyz-matrix';
import type { SegmentationOptions } from './client-segments';
import { summaryColumnsOfTable, type SummaryColumns } from './customer-summary';
import { rfmScoreColumns, type RfmScoreColumns } from './rfm-scores';
import {
  ALL_RFM_CELLS,
  DEFAULT_RFM_SEGMENT_MAP,
  RFM_SEGMENTS,
  validateRfmSegmentMap,
  type RfmSegment,
} from './rfm-segments';
import { positionsOfClients } from './summary-clients';
import { xyzClassColumns, type XyzColumns } from './xyz-classes';

/**
 * Every client's segments as columns, position i being the i-th client in `clientKey` order (the
 * order of `summariseTable`): its numbers, RFM scores and segment, ABC and XYZ classes, and the
 * ABC-XYZ matrix. The objects of `summariseTable`, `rfmScores`, `abcClasses` and
 * `xyzClassesOfTable` hold the same values, one object per client.
 */
export interface TableSegments {
  readonly summary: SummaryColumns;
  /** Per client of the table its position, −1 for a client with no row before the as-of day. */
  readonly positionOfClient: Int32Array;
  readonly rfm: RfmScoreColumns;
  /** Per client its RFM segment, an index into `RFM_SEGMENTS`. */
  readonly segment: Uint8Array;
  readonly abc: AbcColumns;
  readonly xyz: XyzColumns;
  readonly matrix: AbcXyzCell[];
}

/**
 * The segmentation of user guide §3–8 (per-client numbers, RFM scores and segments, ABC, XYZ, the
 * ABC-XYZ matrix) of a transaction table, computed on columns: on a file of a million rows this
 * saves building and collecting an object per client per step. Same rules, options and errors as
 * `summariseTable`, `rfmScores`, `rfmSegment`, `abcClasses`, `xyzClassesOfTable` and
 * `abcXyzMatrix`, which are built on the same column functions.
 *
 * @example the table of rows (a, day 10, 100), (a, day 20, 50), (b, day 15, −30) as of day 21
 *   gives a at position 0 with RFM cell 333 (`potential_loyalist`) and ABC class A; b at position 1
 *   with cell 111 (`lost`), C and Z.
 */
export function segmentTable(
  table: TransactionTable,
  options: SegmentationOptions & { readonly asOf?: CalendarDay } = {},
): TableSegments {
  const summary = summaryColumnsOfTable(
    table,
    options.asOf === undefined ? {} : { asOf: options.asOf },
  );
  const { clients, asOfDay, lastPurchaseDay, totalRevenue } = summary;
  const positionOfClient = positionsOfClients(clients, table.clientKeys.length);
  const daysSinceLastPurchase = lastPurchaseDay.map((day) => asOfDay - day);
  const rfm = rfmScoreColumns(
    { daysSinceLastPurchase, purchaseCount: summary.purchaseCount, totalRevenue },
    options.rfm ?? { mode: 'rank' },
  );
  const segmentOfCell = segmentIndexOfCell(options.rfmSegmentMap ?? DEFAULT_RFM_SEGMENT_MAP);
  const segment = new Uint8Array(clients.length);
  for (let i = 0; i < clients.length; i += 1) {
    const cell =
      25 * (rfm.recency[i] as number) +
      5 * (rfm.frequency[i] as number) +
      (rfm.monetary[i] as number) -
      31;
    segment[i] = segmentOfCell[cell] as number;
  }
  const abc = abcClassColumns(
    totalRevenue,
    (i) => table.clientKeys[clients[i] as number] as string,
    options.abc ?? {},
  );
  const xyz = xyzClassColumns(table, { ...summary, positionOfClient }, options.xyz ?? {});
  const matrix = abcXyzMatrixOfColumns(abc.abcClass, xyz.xyzClass, totalRevenue);
  return { summary, positionOfClient, rfm, segment, abc, xyz, matrix };
}

/** Per RFM cell index (25(R−1) + 5(F−1) + M−1) the index of its segment in `RFM_SEGMENTS`. */
function segmentIndexOfCell(map: Parameters<typeof validateRfmSegmentMap>[0]): Uint8Array {
  const lookup = validateRfmSegmentMap(map);
  return Uint8Array.from(ALL_RFM_CELLS, (cell) =>
    RFM_SEGMENTS.indexOf(lookup.get(cell) as RfmSegment),
  );
}
