/**
 * Benchmark of the Google Sheets custom-function path: 50,000 purchase rows as Sheets passes
 * them to a custom function (a 2-D array with `Date` objects for dates), decoded by the Sheets
 * codec, computed by the core and encoded back, for each range function of the catalog (RFM,
 * SEGMENT, ABC, XYZ, ...). Sheets stops a custom function after 30 s; this prints how far inside
 * that the core stays on this machine. Run: `npx tsx bench/apps-script.ts [rows]`.
 *
 * `Utilities.formatDate` is replaced by `Intl.DateTimeFormat` (Apps Script's V8 runs the same
 * JavaScript; its service calls are cached per distinct date by the codec).
 */
import { functionCatalog } from '../shared/catalog';
import { seededRng } from '../shared/math/seeded-rng';
import { invokeCustomFunction } from '../apps-script/custom-functions';
import { decodeGrid, makeDayOfDate, type SheetsValue } from '../apps-script/sheets-codec';

const rowCount = Number(process.argv[2] ?? 50_000);
const clientCount = Math.max(1, Math.round(rowCount / 10));
const zone = 'Europe/Moscow';
const rng = seededRng(20240312);

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const context = { locale: 'en' as const, dayOfDate: makeDayOfDate((d) => dayFormat.format(d)) };

// Two years of purchases: midnight Moscow (UTC+3) is 21:00 UTC of the day before.
const start = Date.UTC(2023, 0, 1) - 3 * 3600_000;
const rows: SheetsValue[][] = [['Client', 'Date', 'Amount']];
for (let i = 0; i < rowCount; i += 1) {
  const client = `Client ${Math.floor(rng() * clientCount) + 1}`;
  const date = new Date(start + Math.floor(rng() * 730) * 86_400_000);
  rows.push([client, date, Math.round(500 + rng() * 4500)]);
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
for (const fn of rangeFunctions) {
  const run = timeMs(() => invokeCustomFunction(functionCatalog, fn.name, [rows], context), 5);
  const out = run.result;
  const shape = Array.isArray(out)
    ? `${out.length}x${(out[0] as unknown[] | undefined)?.length ?? 0}`
    : 'scalar';
  console.log(
    `  =${fn.name}(A1:C${rowCount + 1})`.padEnd(36) +
      `${run.median.toFixed(0).padStart(6)} ms  -> ${shape}  (Sheets limit: 30000 ms)`,
  );
}
