/**
 * Benchmark of the core path: file-to-segments (read a CSV file, read its bytes into a
 * transaction table with `readDelimitedTransactions`, then `segmentTable`: per-client numbers, RFM
 * scores and segments, ABC, XYZ, the ABC-XYZ matrix) and grid-to-segments (the same from a grid of
 * cells already in memory, as a spreadsheet host hands it over, through `readSheet`). Also times
 * the same segmentation as one object per client and step, the form reports list, apart.
 * Each measurement runs in a fresh child process, so its peak memory (max RSS) is its own.
 * Prints the figures; asserts nothing (a benchmark is not a test).
 *
 * Run: `npx tsx bench/segments.ts` (or `npm run bench`, which runs every bench script).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byteDecoder } from '../cli/read-input-file';
import {
  abcClasses,
  abcXyzMatrix,
  rfmScores,
  rfmSegment,
  segmentTable,
  summariseTable,
  xyzClassesOfTable,
} from '../shared/segmentation';
import { transactionTable } from '../shared/segmentation/transaction-client-index';
import { readDelimitedTransactions, readSheet, type TransactionTable } from '../shared/sheet-data';
import type { Grid } from '../shared/sheet-data/types';
import { generateTransactions, transactionsCsv, transactionsGrid } from './generate-transactions';

const FULL_ROWS = 1_000_000;
const ROWS_PER_CLIENT = 10;
const SCALES = [250_000, 500_000, 1_000_000];
const WARM_RUNS = 4;

type Stages = Record<string, number>;

interface Measurement {
  readonly stages: Stages;
  /** CPU ms per stage of the first run: less sensitive than wall time to other load. */
  readonly cpuStages: Stages;
  /** The per-object form of the same segmentation, after the two runs (file only). */
  readonly objects: Stages;
  readonly cpuTotalMs: number;
  readonly totalMs: number;
  /** The quickest of `WARM_RUNS` further runs in the same process, and its stages. */
  readonly warmTotalMs: number;
  readonly warmStages: Stages;
  readonly maxRssMb: number;
  readonly clients: number;
  readonly rows: number;
}

/** Wall-clock ms per stage; CPU ms (user + system, all threads) are kept under `cpu:<stage>`. */
function timed<T>(stages: Stages, name: string, run: () => T): T {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStart);
  stages[name] = (stages[name] ?? 0) + performance.now() - start;
  cpuTimes[name] = (cpuTimes[name] ?? 0) + (cpu.user + cpu.system) / 1000;
  return result;
}

let cpuTimes: Stages = {};

function segmentsOf(grid: Grid, stages: Stages): { clients: number; rows: number } {
  const read = timed(stages, 'readSheet', () => readSheet(grid));
  // The table `readSheet` leaves for its transactions.
  const table = transactionTable(read.transactions, Infinity);
  const segments = timed(stages, 'segments', () => segmentTable(table));
  return { clients: segments.summary.clients.length, rows: table.length };
}

function fileToSegments(file: string, stages: Stages): { clients: number; rows: number } {
  const bytes = timed(stages, 'readFile', () => readFileSync(file));
  const read = timed(stages, 'readTable', () =>
    readDelimitedTransactions(bytes, { decode: byteDecoder(bytes).decode }),
  );
  const segments = timed(stages, 'segments', () => segmentTable(read.table));
  tableOfLastRun = read.table;
  return { clients: segments.summary.clients.length, rows: read.table.length };
}

let tableOfLastRun: TransactionTable | undefined;

/**
 * The same segmentation as one object per client and step (`summariseTable`, `rfmScores` with
 * `rfmSegment`, `abcClasses`, `xyzClassesOfTable`, `abcXyzMatrix`), the form reports list: not
 * part of file-to-segments, timed apart.
 */
function objectsOf(table: TransactionTable, stages: Stages): void {
  const summary = timed(stages, 'summarise', () => summariseTable(table));
  timed(stages, 'rfm', () => rfmScores(summary.customers).map((score) => rfmSegment(score)));
  const abc = timed(stages, 'abc', () => abcClasses(summary.customers));
  const xyz = timed(stages, 'xyz', () => xyzClassesOfTable(table, summary.customers));
  timed(stages, 'abcXyz', () => abcXyzMatrix(abc, xyz));
}

function sum(stages: Stages): number {
  return Object.values(stages).reduce((a, b) => a + b, 0);
}

/** Child: measure one thing, print one JSON line. */
function measureInChild(kind: 'file' | 'grid', target: string): void {
  let grid: Grid | undefined;
  if (kind === 'grid') {
    const rows = Number(target);
    grid = transactionsGrid(generateTransactions(rows, rows / ROWS_PER_CLIENT));
  }
  const run = (stages: Stages) =>
    kind === 'file' ? fileToSegments(target, stages) : segmentsOf(grid as Grid, stages);
  const stages: Stages = {};
  cpuTimes = {};
  const counts = run(stages);
  const cpuStages = cpuTimes;
  cpuTimes = {};
  // Further runs in the same process, as when one process analyses file after file: compiled
  // code and memory the allocator already holds are reused.
  let warm: Stages = {};
  for (let k = 0; k < WARM_RUNS; k++) {
    const again: Stages = {};
    run(again);
    if (k === 0 || sum(again) < sum(warm)) warm = again;
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const objects: Stages = {};
  if (tableOfLastRun !== undefined) objectsOf(tableOfLastRun, objects);
  const result: Measurement = {
    stages,
    cpuStages,
    objects,
    cpuTotalMs: sum(cpuStages),
    totalMs: sum(stages),
    warmTotalMs: sum(warm),
    warmStages: warm,
    maxRssMb,
    ...counts,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function child(args: string[]): Measurement {
  const tsxCli = require.resolve('tsx/cli');
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', tsxCli, __filename, ...args],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (result.status !== 0) throw new Error(`bench child failed: ${result.stderr}`);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Measurement;
}

function formatMs(ms: number): string {
  return `${ms.toFixed(0).padStart(6)} ms`;
}

function stagesLine(stages: Stages): string {
  return Object.entries(stages)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
    .join(', ');
}

/**
 * Milliseconds to touch 64 MB of fresh memory, a page at a time: the machine's page-fault cost,
 * which a first run pays for every array it fills and which varies several-fold between virtual
 * machines (24 ms on one 2-core VM, over 200 ms on another), so that figures from two machines
 * can be compared.
 */
function freshMemoryMs(): number {
  const start = performance.now();
  const bytes = new Uint8Array(64 << 20);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 1;
  return performance.now() - start;
}

/**
 * Milliseconds of a fixed integer loop (300 million steps), the machine's compute speed at the
 * moment: a virtual machine's speed drifts with its neighbours' load, so this tells whether two
 * runs' figures differ because of the code or because of the machine.
 */
function fixedLoopMs(): number {
  const start = performance.now();
  let state = 0;
  for (let i = 0; i < 300_000_000; i++) state = (state + i * 7) | 0;
  const ms = performance.now() - start;
  if (state === 1) console.log('');
  return ms;
}

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clientbase-bench-'));
  try {
    console.log(
      `Segments benchmark (node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(1)}, fresh memory ${freshMemoryMs().toFixed(0)} ms per 64 MB, fixed loop ${fixedLoopMs().toFixed(0)} ms)`,
    );
    const files = new Map<number, string>();
    for (const rows of SCALES) {
      const file = path.join(dir, `transactions-${rows}.csv`);
      const data = generateTransactions(rows, rows / ROWS_PER_CLIENT);
      writeFileSync(file, transactionsCsv(data));
      files.set(rows, file);
    }
    const full = child(['--measure', 'file', files.get(FULL_ROWS) ?? '']);
    console.log(
      `file-to-segments, ${full.rows.toLocaleString('en-US')} transactions, ${full.clients.toLocaleString('en-US')} clients:`,
    );
    console.log(`  first run ${formatMs(full.totalMs)} (${stagesLine(full.stages)})`);
    console.log(`  CPU time  ${formatMs(full.cpuTotalMs)} (${stagesLine(full.cpuStages)})`);
    console.log(
      `  warm run  ${formatMs(full.warmTotalMs)} (${stagesLine(full.warmStages)}; the quickest of ${WARM_RUNS} more runs in the same process)`,
    );
    console.log(`  peak RSS  ${full.maxRssMb.toFixed(0)} MB (the whole process, all runs)`);
    console.log(
      `  objects   ${formatMs(sum(full.objects))} (${stagesLine(full.objects)}): the same as an object per client and step, as reports list them; not part of the above`,
    );
    const grid = child(['--measure', 'grid', String(FULL_ROWS)]);
    console.log(
      `grid-to-segments, same size (grid of text ids, date cells and numbers built first):`,
    );
    console.log(`  first run ${formatMs(grid.totalMs)} (${stagesLine(grid.stages)})`);
    console.log(`  CPU time  ${formatMs(grid.cpuTotalMs)} (${stagesLine(grid.cpuStages)})`);
    console.log(
      `  warm run  ${formatMs(grid.warmTotalMs)} (the quickest of ${WARM_RUNS} more runs in the same process)`,
    );
    console.log(`  peak RSS  ${grid.maxRssMb.toFixed(0)} MB (incl. building the grid)`);
    console.log(
      'scaling of file-to-segments (first run; linear grows x2.0 per doubling, n log n x2.1):',
    );
    let previous: Measurement | undefined;
    for (const rows of SCALES) {
      const m = rows === FULL_ROWS ? full : child(['--measure', 'file', files.get(rows) ?? '']);
      const growth =
        previous === undefined
          ? ''
          : `  x${(m.cpuTotalMs / previous.cpuTotalMs).toFixed(2)} CPU, x${(m.totalMs / previous.totalMs).toFixed(2)} wall`;
      const perRow = (m.cpuTotalMs * 1e6) / rows;
      console.log(
        `  ${rows.toLocaleString('en-US').padStart(9)} rows ${formatMs(m.totalMs)} wall ${formatMs(m.cpuTotalMs)} CPU  ${perRow.toFixed(0)} ns CPU/row${growth}`,
      );
      previous = m;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const measureAt = process.argv.indexOf('--measure');
if (require.main === module) {
  if (measureAt >= 0) {
    measureInChild(
      process.argv[measureAt + 1] === 'grid' ? 'grid' : 'file',
      process.argv[measureAt + 2] ?? '',
    );
  } else {
    main();
  }
}
