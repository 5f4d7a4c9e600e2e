import type { RecencyFrequency, WeightedRecencyFrequency } from './types';

/**
 * Collapses clients with identical (x, t_x, T) into one weighted row: the likelihood of a
 * pattern is computed once however many clients share it (CDNOW's 2,357 clients have far fewer
 * distinct patterns, since 1,411 have x = 0 and first purchases fall on 84 days).
 * Example: two rows {x: 0, t_x: 0, T: 5} become one row with weight 2.
 */
export function aggregateRows(rows: readonly RecencyFrequency[]): WeightedRecencyFrequency[] {
  // Nested maps on the numbers themselves: no key strings to build.
  const byX = new Map<
    number,
    Map<number, Map<number, { x: number; t_x: number; T: number; weight: number }>>
  >();
  const out: { x: number; t_x: number; T: number; weight: number }[] = [];
  for (const { x, t_x, T } of rows) {
    let byT = byX.get(x);
    if (!byT) {
      byT = new Map();
      byX.set(x, byT);
    }
    let byTx = byT.get(T);
    if (!byTx) {
      byTx = new Map();
      byT.set(T, byTx);
    }
    const hit = byTx.get(t_x);
    if (hit) hit.weight++;
    else {
      const row = { x, t_x, T, weight: 1 };
      byTx.set(t_x, row);
      out.push(row);
    }
  }
  return out;
}
