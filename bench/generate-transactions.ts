/**
 * Seeded synthetic transactions for the benchmark: `clients` clients with a gamma-distributed
 * purchase rate, `rows` purchases spread over two years (2023–2024), a few refunds. Written as the
 * CSV a shop system exports (`Client,Date,Amount`, ISO dates, `.` decimals), or kept as a grid of
 * typed cells the way a spreadsheet host hands them over (dates as calendar days, numbers).
 */
import { dayFromYmd, formatIsoDay } from '../shared/calendar';
import { gammaVariate, seededRng } from '../shared/math/seeded-rng';
import type { Cell } from '../shared/sheet-data/types';

export interface BenchTransactions {
  readonly clientIds: readonly string[];
  readonly clientOfRow: Int32Array;
  readonly dayOfRow: Int32Array;
  readonly amountOfRow: Float64Array;
}

const FIRST_DAY = dayFromYmd(2023, 1, 1);
const DAYS = 731;

/** `rows` transactions for `clients` clients, the same for the same seed. */
export function generateTransactions(rows: number, clients: number, seed = 1): BenchTransactions {
  const rng = seededRng(seed);
  const weights = new Float64Array(clients);
  let total = 0;
  for (let c = 0; c < clients; c += 1) {
    weights[c] = gammaVariate(rng, 0.8, 1);
    total += weights[c] as number;
  }
  // Every client buys at least once; the rest of the rows follow the weights (cumulative search).
  const cumulative = new Float64Array(clients);
  let running = 0;
  for (let c = 0; c < clients; c += 1) {
    running += (weights[c] as number) / total;
    cumulative[c] = running;
  }
  const clientOfRow = new Int32Array(rows);
  const dayOfRow = new Int32Array(rows);
  const amountOfRow = new Float64Array(rows);
  for (let r = 0; r < rows; r += 1) {
    let client = r;
    if (r >= clients) {
      const u = rng();
      let lo = 0;
      let hi = clients - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) < u) lo = mid + 1;
        else hi = mid;
      }
      client = lo;
    }
    clientOfRow[r] = client;
    dayOfRow[r] = FIRST_DAY + Math.floor(rng() * DAYS);
    const amount = Math.round((200 + rng() * 9800) * 100) / 100;
    amountOfRow[r] = rng() < 0.005 ? -amount : amount;
  }
  const clientIds = Array.from({ length: clients }, (_, c) => `C${String(c + 1).padStart(6, '0')}`);
  return { clientIds, clientOfRow, dayOfRow, amountOfRow };
}

/** The transactions as CSV text with a header row. */
export function transactionsCsv(data: BenchTransactions): string {
  const parts: string[] = ['Client,Date,Amount'];
  for (let r = 0; r < data.clientOfRow.length; r += 1) {
    parts.push(
      `${data.clientIds[data.clientOfRow[r] as number]},${formatIsoDay(data.dayOfRow[r] as number)},${(data.amountOfRow[r] as number).toFixed(2)}`,
    );
  }
  return `${parts.join('\n')}\n`;
}

/** The transactions as a host grid: text ids, date cells, numbers. */
export function transactionsGrid(data: BenchTransactions): Cell[][] {
  const grid: Cell[][] = [['Client', 'Date', 'Amount']];
  for (let r = 0; r < data.clientOfRow.length; r += 1) {
    grid.push([
      data.clientIds[data.clientOfRow[r] as number] as string,
      { kind: 'date', day: data.dayOfRow[r] as number },
      data.amountOfRow[r] as number,
    ]);
  }
  return grid;
}
