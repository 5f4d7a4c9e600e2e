/**
 * Benchmark of the Google Sheets custom-function path: 50,000 purchase rows as Sheets passes
 * them to a custom function (a 2-D array with `Date` objects for dates), decoded by the Sheets
 * codec, computed by the core and encoded back, for each range function of the catalog (RFM,
 * SEGMENT, ABC, XYZ, ...). Sheets stops a custom function after 30 s; this prints how far inside
 * that the core stays on this machine. Run: `npx tsx bench/apps-script.ts [rows]`.
 *
 * The purchases are drawn from the BG/NBD process (seeded), so that the forecasting functions
 * (P_ALIVE, EXPECTED_PURCHASES, CLV) have data that identifies their models: each client's rate
 * varies (gamma), each may drop out after a purchase (beta), spend per purchase varies per client.
 * Purely random purchases at one rate for everyone would push BG/NBD to its boundary, and the
 * functions would rightly answer with an error instead of a forecast.
 *
 * `Utilities.formatDate` is replaced by `Intl.DateTimeFormat` (Apps Script's V8 runs the same
 * JavaScript; its service calls are cached per distinct date by the codec).
 * A function that throws is reported on its line and the script exits with 1 after the others.
 */
import { functionCatalog } from '../shared/catalog';
import {
  betaVariate,
  exponentialVariate,
  gammaVariate,
  seededRng,
} from '../shared/math/seeded-rng';
import { invokeCustomFunction } from '../apps-script/custom-functions';
import { decodeGrid, makeDayOfDate, type SheetsValue } from '../apps-script/sheets-codec';

const rowCount = Number(process.argv[2] ?? 50_000);
const zone = 'Europe/Moscow';
const rng = seededRng(20240312);
/** Days of purchases: 2023 and 2024. Clients start buying in the first of the two years. */
const DAYS = 730;
/** BG/NBD in days: mean rate 1/30 a day, drop-out after a purchase 1 in 10 on average. */
const RATE_SHAPE = 1.2;
const RATE_RATE = 36;
const DROP_A = 1;
const DROP_B = 9;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const context = { locale: 'en' as const, dayOfDate: makeDayOfDate((d) => dayFormat.format(d)) };

// Midnight Moscow (UTC+3) is 21:00 UTC of the day before.
const start = Date.UTC(2023, 0, 1) - 3 * 3600_000;
const rows: SheetsValue[][] = [['Client', 'Date', 'Amount']];
let clientCount = 0;
while (rows.length <= rowCount) {
  clientCount += 1;
  const client = `Client ${clientCount}`;
  const rate = gammaVariate(rng, RATE_SHAPE, RATE_RATE);
  const dropOut = betaVariate(rng, DROP_A, DROP_B);
  const spend = 500 + gammaVariate(rng, 2, 1 / 1000);
  let day = Math.floor(rng() * (DAYS / 2));
  for (;;) {
    rows.push([client, new Date(start + day * 86_400_000), Math.round(spend * (0.5 + rng()))]);
    if (rows.length > rowCount) break;
    day += Math.floor(exponentialVariate(rng, rate));
    if (day >= DAYS || rng() < dropOut) break;
  }
}

function timeMs(f: () => unknown, repeats: number): { median: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < repeats; i += 1) {
    const t0 = process.hrtime.bigint();
    result = f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? NaN, result };
}

console.log(
  `Sheets custom-function path, ${rowCount} rows, ${clientCount} clients (median of 5 runs)`,
);
const decode = timeMs(
  () =>
    decodeGrid(rows, {
      locale: 'en',
      dayOfDate: makeDayOfDate((d) => dayFormat.format(d)),
    }),
  5,
);
console.log(`  codec: decode the range          ${decode.median.toFixed(0).padStart(6)} ms`);

const rangeFunctions = functionCatalog.filter(
  (f) => f.params[0]?.type === 'range' && f.params[0].name === 'transactions',
);
/** Required arguments after the range, per function that has any: a year ahead, in weeks. */
const FURTHER_ARGUMENTS: Readonly<Record<string, readonly SheetsValue[]>> = {
  EXPECTED_PURCHASES: [52],
};
let failures = 0;
for (const fn of rangeFunctions) {
  const args = [rows, ...(FURTHER_ARGUMENTS[fn.name] ?? [])];
  const label = `  =${fn.name}(A1:C${rowCount + 1})`.padEnd(36);
  try {
    const run = timeMs(() => invokeCustomFunction(functionCatalog, fn.name, args, context), 5);
    const out = run.result;
    const shape = Array.isArray(out)
      ? `${out.length}x${(out[0] as unknown[] | undefined)?.length ?? 0}`
      : 'scalar';
    console.log(
      `${label}${run.median.toFixed(0).padStart(6)} ms  -> ${shape}  (Sheets limit: 30000 ms)`,
    );
  } catch (error) {
    failures += 1;
    console.log(`${label}failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (failures > 0) process.exitCode = 1;
