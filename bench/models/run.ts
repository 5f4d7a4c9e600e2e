/**
 * Speed of the CLV models. Prints figures; asserts nothing (see STYLE.md: a benchmark is a script).
 *
 *   npx tsx bench/models/run.ts
 *
 * 1. CDNOW (2,357 clients, weeks): BG/NBD fit, Gamma-Gamma fit, scoring (P(alive), expected
 *    purchases in 39 weeks, expected spend, 12-month discounted CLV), Pareto/NBD fit; median of
 *    repeated runs after warm-up.
 * 2. 100,000 clients simulated from BG/NBD (seeded), times in whole days expressed in weeks.
 * 3. The independent Python/scipy BG/NBD fit (bench/models/reference_scipy.py, run with
 *    /usr/bin/python3, which needs Debian's python3-scipy) on the same data, and the ratio of the
 *    two fit times; skipped with a line saying why when scipy is missing.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { dayFromYmd } from '../../shared/calendar';
import { seededRng } from '../../shared/math/seeded-rng';
import {
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  scoreClients,
  simulateBgNbd,
  summariseForModels,
} from '../../shared/models';
import type { Transaction } from '../../shared/sheet-data/types';

const DATA = path.resolve(__dirname, '../../../shared/data/cdnow/CDNOW_sample.txt');

function readCdnow(): Transaction[] {
  return fs
    .readFileSync(DATA, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 5)
    .map((f, i) => {
      const ymd = f[2] as string;
      const id = String(Number(f[1]));
      return {
        row: i + 1,
        clientKey: id,
        clientName: id,
        day: dayFromYmd(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8))),
        amount: Number(f[4]),
      };
    });
}

function median(values: number[]): number {
  const s = [...values].sort((p, q) => p - q);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Median wall time of `runs` calls after `warmUp` calls, and the mean CPU time of this process
 * per call (less affected when other programs share the cores).
 */
function time<T>(
  label: string,
  runs: number,
  warmUp: number,
  f: () => T,
): { ms: number; value: T } {
  let value = f();
  for (let i = 1; i < warmUp; i++) value = f();
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = f();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  const ms = median(times);
  console.log(
    `${label.padEnd(64)} ${ms.toFixed(2).padStart(9)} ms wall (median of ${runs}), ${cpuMs.toFixed(2)} ms CPU`,
  );
  return { ms, value };
}

const transactions = readCdnow();
const summary = summariseForModels(transactions, {
  calibrationEnd: dayFromYmd(1997, 9, 30),
  unit: 'week',
});
const clients = summary.clients;
console.log(`CDNOW: ${clients.length} clients, calibration to 1997-09-30, unit ${summary.unit}`);

const clvOptions = {
  horizonPeriods: 12,
  periodLength: 365.25 / 12 / 7,
  discountRatePerPeriod: 0.01,
  marginRatio: 1,
};
const bg = time('BG/NBD fit', 30, 5, () => fitBgNbd(clients));
const gg = time('Gamma-Gamma fit', 30, 5, () => fitGammaGamma(clients));
const model = { kind: 'bg-nbd' as const, parameters: bg.value.parameters };
const score = time(
  'scoring 2,357 clients (P(alive), E[12 months], spend, 12-month CLV)',
  30,
  5,
  () => scoreClients(clients, model, gg.value.parameters, clvOptions),
);
const all = time('BG/NBD + Gamma-Gamma fit + scoring, end to end', 30, 5, () => {
  const b = fitBgNbd(clients);
  const g = fitGammaGamma(clients);
  return scoreClients(
    clients,
    { kind: 'bg-nbd', parameters: b.parameters },
    g.parameters,
    clvOptions,
  );
});
const p = bg.value.parameters;
console.log(
  `  BG/NBD r=${p.r.toFixed(4)} alpha=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)} LL=${bg.value.logLikelihood.toFixed(2)}`,
);
const pg = gg.value.parameters;
console.log(`  Gamma-Gamma p=${pg.p.toFixed(3)} q=${pg.q.toFixed(3)} gamma=${pg.gamma.toFixed(3)}`);
console.log(
  `  total CLV ${score.value.reduce((s, c) => s + c.clv, 0).toFixed(2)}; end-to-end ${all.ms.toFixed(2)} ms`,
);
const pareto = time('Pareto/NBD fit', 5, 2, () => fitParetoNbd(clients));
const pp = pareto.value.parameters;
console.log(
  `  Pareto/NBD r=${pp.r.toFixed(4)} alpha=${pp.alpha.toFixed(3)} s=${pp.s.toFixed(4)} beta=${pp.beta.toFixed(3)} LL=${pareto.value.logLikelihood.toFixed(2)}`,
);

// 100,000 simulated clients: T between 30 and 78 weeks in whole days, purchase times rounded to days.
const rng = seededRng(2024);
const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
const lengths = Array.from({ length: 100_000 }, () => Math.floor(210 + 336 * rng()) / 7);
const simulated = simulateBgNbd(truth, lengths, rng).map((c) => {
  const t_x = Math.floor(c.t_x * 7) / 7;
  return { x: c.x, t_x: c.x > 0 ? Math.max(t_x, 1 / 7) : 0, T: c.T };
});
const big = time('BG/NBD fit, 100,000 simulated clients', 5, 1, () => fitBgNbd(simulated));
const bp = big.value.parameters;
console.log(
  `  recovered r=${bp.r.toFixed(4)} alpha=${bp.alpha.toFixed(3)} a=${bp.a.toFixed(3)} b=${bp.b.toFixed(3)} (truth 0.25, 4, 0.8, 2.5)`,
);
const simClients = simulated.map((c, i) => ({
  ...c,
  clientKey: String(i),
  clientName: String(i),
  firstPurchaseDay: 0,
  lastCalibrationPurchaseDay: 0,
  meanRepeatValue: c.x > 0 ? 30 : 0,
}));
time('scoring 100,000 simulated clients (same outputs)', 3, 1, () =>
  scoreClients(simClients, { kind: 'bg-nbd', parameters: bp }, pg, clvOptions),
);

try {
  const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'reference_scipy.py'), DATA], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ref = JSON.parse(out) as {
    medianFitMs: number;
    logLikelihood: number;
    parameters: Record<string, number>;
  };
  console.log(
    `scipy BG/NBD fit (reference_scipy.py): ${ref.medianFitMs.toFixed(2)} ms, LL ${ref.logLikelihood.toFixed(2)}, r=${ref.parameters.r?.toFixed(4)}`,
  );
  console.log(`ratio scipy / TypeScript BG/NBD fit: ${(ref.medianFitMs / bg.ms).toFixed(1)}x`);
} catch (e) {
  // The reference needs numpy and scipy, which a fresh machine lacks (Debian: python3-scipy).
  const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim();
  const reason = stderr.split('\n').at(-1) || (e as Error).message.split('\n')[0];
  console.log(`scipy reference not run (${reason}; \`apt-get install python3-scipy\` brings it)`);
}
