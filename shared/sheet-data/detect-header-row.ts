import { hasClientListColumns, hasTransactionColumns, mapColumns } from './map-columns';
import type { Cell, Grid } from './types';

/** Rows searched for a header: title blocks above a table are rarely longer than this. */
const HEADER_SEARCH_ROWS = 50;

/** True for a blank cell: `null`, `''` or whitespace only. */
export function isBlankCell(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') {
    // Most cells start with a visible character; only the rest need trimming.
    const first = cell.charCodeAt(0);
    if ((first > 32 && first < 127) || (first >= 0x400 && first < 0x2000)) return false;
    return cell.trim() === '';
  }
  return false;
}

/** Header text of a cell: strings as they are, numbers and booleans as text, others blank. */
export function headerText(cell: Cell | undefined): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}

/**
 * Finds the header row of a table that may sit under a title, notes or blank rows.
 *
 * Definition: among the first 50 rows, the row whose cells name the most column roles (by
 * `mapColumns`), with a bonus of 100 when those roles make a complete transaction list (client,
 * date, amount) or client list (client plus last purchase, purchase count or total revenue);
 * ties go to the upper row. When no row names any role, the first non-blank row.
 *
 * @param grid the cells, row by row
 * @returns the 0-based index of the header row in `grid`, or -1 when every row is blank.
 *   Never throws.
 * @example detectHeaderRow([['Sales 2024'], [], ['Client', 'Date', 'Amount'], ['Ann', '2024-01-02', 5]]) === 2
 */
export function detectHeaderRow(grid: Grid): number {
  let best = -1;
  let bestScore = 0;
  let firstNonBlank = -1;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid[r] ?? [];
    if (row.every((cell) => isBlankCell(cell))) continue;
    if (firstNonBlank < 0) firstNonBlank = r;
    const mapping = mapColumns(row.map((cell) => (typeof cell === 'string' ? cell : '')));
    let score = Object.keys(mapping).length;
    if (hasTransactionColumns(mapping) || hasClientListColumns(mapping)) score += 100;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  if (firstNonBlank >= 0) return firstNonBlank;
  for (let r = limit; r < grid.length; r++) {
    if (!(grid[r] ?? []).every((cell) => isBlankCell(cell))) return r;
  }
  return -1;
}
