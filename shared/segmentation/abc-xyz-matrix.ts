import { AnalyticsError } from '../errors';
import { CompensatedAccumulator } from '../math/compensated-sum';
import type { AbcClass, AbcClassification } from './abc-classes';
import type { XyzClass, XyzClassification } from './xyz-classes';

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

const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
const XYZ: readonly XyzClass[] = ['X', 'Y', 'Z'];

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
  // Cell index = 3 × ABC index + XYZ index, so the loop allocates nothing per client.
  const counts = new Float64Array(9);
  const revenues = Array.from({ length: 9 }, () => new CompensatedAccumulator());
  const total = new CompensatedAccumulator();
  for (let position = 0; position < abc.length; position += 1) {
    const a = abc[position] as AbcClassification;
    const x = sameOrder ? xyz[position]?.xyzClass : xyzByKey.get(a.clientKey);
    if (x === undefined) {
      throw new AnalyticsError(
        'invalid_argument',
        `Client "${a.clientKey}" has an ABC class but no XYZ class.`,
      );
    }
    const index = 3 * ABC.indexOf(a.abcClass) + XYZ.indexOf(x);
    counts[index] = (counts[index] as number) + 1;
    (revenues[index] as CompensatedAccumulator).add(a.totalRevenue);
    total.add(a.totalRevenue);
  }
  const totalRevenue = total.value();
  const cells: AbcXyzCell[] = [];
  ABC.forEach((abcClass, i) => {
    XYZ.forEach((xyzClass, j) => {
      const clientCount = counts[3 * i + j] as number;
      const revenue = (revenues[3 * i + j] as CompensatedAccumulator).value();
      cells.push({
        abcClass,
        xyzClass,
        cell: `${abcClass}${xyzClass}`,
        clientCount,
        clientShare: abc.length > 0 ? clientCount / abc.length : 0,
        totalRevenue: revenue,
        revenueShare: totalRevenue > 0 ? revenue / totalRevenue : null,
      });
    });
  });
  return cells;
}
