/**
 * Benchmark of the retention analyses (user guide §13–16) on 1,000,000 transactions for
 * 100,000 clients: prints milliseconds per analysis and the peak heap. Run: `npx tsx bench/retention.ts`
 * (optional arguments: transactions, clients, seed).
 */
import { addMonths, dayFromYmd } from '../shared/calendar';
import { seededRng } from '../shared/math/seeded-rng';
import { buildRetentionSheets } from '../shared/report/retention-report';
import {
  channelPortfolios,
  cohortRetention,
  lastMonthsPeriods,
  lostClients,
  managerPortfolios,
  retentionAlerts,
  segmentMigration,
} from '../shared/segmentation';
import type { SheetReadResult, Transaction } from '../shared/sheet-data/types';

const transactionCount = Number(process.argv[2] ?? 1_000_000);
const clientCount = Number(process.argv[3] ?? 100_000);
const seed = Number(process.argv[4] ?? 20240601);

const categories = ['hair', 'nails', 'spa', 'massage', 'cosmetics'];
const managers = ['Anna', 'Boris', 'Olga', 'Ivan', 'Maria', 'Petr'];
const channels = ['instagram', 'referral', 'walk-in', 'maps', 'site'];

/** Three years of purchases; each client has its own start day and buying rate. */
function generate(): Transaction[] {
  const rng = seededRng(seed);
  const start = dayFromYmd(2022, 1, 1);
  const span = 3 * 365;
  const clientStart = new Float64Array(clientCount);
  const clientWeight = new Float64Array(clientCount);
  let weightSum = 0;
  for (let c = 0; c < clientCount; c += 1) {
    clientStart[c] = start + Math.floor(rng() * span * 0.9);
    const w = -Math.log(1 - rng());
    clientWeight[c] = w;
    weightSum += w;
  }
  // Cumulative weights, so heavy buyers get more rows (picked by binary search: n log k).
  const cumulative = new Float64Array(clientCount);
  let acc = 0;
  for (let c = 0; c < clientCount; c += 1) {
    acc += (clientWeight[c] ?? 0) / weightSum;
    cumulative[c] = acc;
  }
  const rows: Transaction[] = new Array(transactionCount);
  for (let i = 0; i < transactionCount; i += 1) {
    // The first clientCount rows give every client one purchase; the rest follow the weights.
    let c = i;
    if (i >= clientCount) {
      const u = rng();
      let lo = 0;
      let hi = clientCount - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] ?? 1) < u) lo = mid + 1;
        else hi = mid;
      }
      c = lo;
    }
    const first = clientStart[c] ?? start;
    const day = first + Math.floor(rng() * (start + span - first));
    const refund = rng() < 0.01;
    rows[i] = {
      row: i + 2,
      clientKey: `client ${c}`,
      clientName: `Client ${c}`,
      day,
      amount: refund ? -500 : Math.round(500 + rng() * 4500),
      category: categories[Math.floor(rng() * categories.length)] ?? 'hair',
      manager: managers[c % managers.length] ?? 'Anna',
      channel: channels[(c * 7) % channels.length] ?? 'site',
    };
  }
  return rows;
}

/** Prints wall-clock and CPU milliseconds (CPU time is steadier on a shared machine). */
function time<T>(label: string, run: () => T): T {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms wall ${cpuMs.toFixed(0).padStart(7)} ms CPU`,
  );
  return result;
}

const transactions = time('generate (not an analysis)', generate);
const asOf = addMonths(dayFromYmd(2025, 1, 1), 0);
console.log(`${transactionCount} transactions, ${clientCount} clients, as of 2025-01-01`);
const lost = time('lostClients', () => lostClients(transactions, { asOf }));
time('retentionAlerts', () => retentionAlerts(transactions, { asOf }));
time('cohortRetention', () => cohortRetention(transactions, { asOf }));
time('segmentMigration (6 vs 6 months)', () =>
  segmentMigration(transactions, lastMonthsPeriods(asOf, 6)),
);
time('managerPortfolios', () => managerPortfolios(transactions, { asOf }));
time('channelPortfolios', () => channelPortfolios(transactions, { asOf }));
const read: SheetReadResult = {
  shape: 'transactions',
  headerRow: 1,
  mapping: {},
  headers: [],
  dateOrders: [],
  transactions,
  clients: [],
  rejectedRows: [],
  notes: [],
  dataRowCount: transactions.length,
};
time('buildRetentionSheets (all of them)', () =>
  buildRetentionSheets(read, { locale: 'en', asOf }),
);
console.log(
  `lost in the last 12 months: ${lost.totals.lostInPeriod}; churn rate ${((lost.totals.churnRate ?? 0) * 100).toFixed(1)} %`,
);
console.log(
  `peak heap used (approx.): ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
);
