import { AnalyticsError } from '../errors';
import { ExactAccumulator } from '../math/exact-sum';
import { ABC_CLASSES as ABC, type AbcClass, type AbcClassification } from './abc-classes';
import { XYZ_CLASSES as XYZ, type XyzClass, type XyzClassification } from './xyz-classes';

export interface AbcXyzCell {
  readonly abcClass: AbcClass;
  readonly xyzClass: XyzClass;
  /** e.g. `'AX'` */
  readonly cell: string;
  readonly clientCount: number;
  /** clientCount / all clients; ratio 0..1 (0 when there are no clients). */
  readonly clientShare: number;
  /** Sum of the cell's clients' total revenue (refunds included), money. */
  readonly totalRevenue: number;
  /**
   * The cell's revenue / the revenue of all clients (net of refunds); ratio. `null` when the total
   * is not positive, where a share means nothing.
   */
  readonly revenueShare: number | null;
}

/**
 * The ABC-XYZ matrix: 9 cells (AX, AY, AZ, BX, …, CZ, in that order) with client counts and revenue
 * shares (user guide §8, The ABC-XYZ matrix). The nine revenue shares add up to 1.
 *
 * Parameters: `abc` from `abcClasses` and `xyz` from `xyzClasses` for the same clients (matched by
 * clientKey). Throws `AnalyticsError('invalid_argument')` when a client is in one list and not the
 * other.
 *
 * Example: clients A/X with revenue 60, A/Z 30 and C/Z 10 give AX 1 client and share 0.6, AZ 0.3,
 * CZ 0.1, the other six cells 0.
 */
export function abcXyzMatrix(
  abc: readonly AbcClassification[],
  xyz: readonly XyzClassification[],
): AbcXyzCell[] {
  // Lists in the same ascending client order (as the classifiers return summaries' order) pair up
  // by position; any other order is matched through a map.
  const sameOrder =
    xyz.length === abc.length &&
    abc.every(
      (a, i) =>
        a.clientKey === xyz[i]?.clientKey &&
        (i === 0 || (abc[i - 1] as AbcClassification).clientKey < a.clientKey),
    );
  const xyzByKey = new Map<string, XyzClass>();
  if (!sameOrder) for (const x of xyz) xyzByKey.set(x.clientKey, x.xyzClass);
  if ((!sameOrder && xyzByKey.size !== abc.length) || xyz.length !== abc.length) {
    throw new AnalyticsError(
      'invalid_argument',
      `ABC and XYZ lists must cover the same clients (${abc.length} vs ${xyz.length}).`,
    );
  }
  const abcClass = new Uint8Array(abc.length);
  const xyzClass = new Uint8Array(abc.length);
  const totalRevenue = new Float64Array(abc.length);
  for (let position = 0; position < abc.length; position += 1) {
    const a = abc[position] as AbcClassification;
    const x = sameOrder ? xyz[position]?.xyzClass : xyzByKey.get(a.clientKey);
    if (x === undefined) {
      throw new AnalyticsError(
        'invalid_argument',
        `Client "${a.clientKey}" has an ABC class but no XYZ class.`,
      );
    }
    abcClass[position] = ABC.indexOf(a.abcClass);
    xyzClass[position] = XYZ.indexOf(x);
    totalRevenue[position] = a.totalRevenue;
  }
  return abcXyzMatrixOfColumns(abcClass, xyzClass, totalRevenue);
}

/**
 * The one implementation of `abcXyzMatrix`, on columns: per client its ABC class index (0 A, 1 B,
 * 2 C, as `AbcColumns`), XYZ class index (0 X, 1 Y, 2 Z, as `XyzColumns`) and total revenue.
 *
 * @example classes [0, 0, 2], [0, 1, 2], revenue [60, 30, 10] give AX and AY 1 client each
 *   (revenue shares 0.6 and 0.3) and CZ 1 client (0.1).
 */
export function abcXyzMatrixOfColumns(
  abcClass: Uint8Array,
  xyzClass: Uint8Array,
  totalRevenue: Float64Array,
): AbcXyzCell[] {
  const n = abcClass.length;
  // Cell index = 3 × ABC index + XYZ index, so the loop allocates nothing per client.
  const counts = new Float64Array(9);
  const revenues = Array.from({ length: 9 }, () => new ExactAccumulator());
  const total = new ExactAccumulator();
  for (let position = 0; position < n; position += 1) {
    const index = 3 * (abcClass[position] as number) + (xyzClass[position] as number);
    const revenue = totalRevenue[position] as number;
    counts[index] = (counts[index] as number) + 1;
    (revenues[index] as ExactAccumulator).add(revenue);
    total.add(revenue);
  }
  const allRevenue = total.value();
  const cells: AbcXyzCell[] = [];
  ABC.forEach((abc, i) => {
    XYZ.forEach((xyz, j) => {
      const clientCount = counts[3 * i + j] as number;
      const revenue = (revenues[3 * i + j] as ExactAccumulator).value();
      cells.push({
        abcClass: abc,
        xyzClass: xyz,
        cell: `${abc}${xyz}`,
        clientCount,
        clientShare: n > 0 ? clientCount / n : 0,
        totalRevenue: revenue,
        revenueShare: allRevenue > 0 ? revenue / allRevenue : null,
      });
    });
  });
  return cells;
}
