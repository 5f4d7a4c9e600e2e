import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseClvArguments } from '../../cli/commands/clv';
import { runCaptured, tempDir } from './cli-helpers';

// The run fits three models and writes a workbook; allow for a slow, busy machine.
jest.setTimeout(180_000);

/** BTYD's cdnowElog.csv (provenance: shared/data/cdnow/SOURCE.md), beside the repository. */
const ELOG = path.resolve(__dirname, '../../../shared/data/cdnow/cdnowElog.csv');

/** The elog with sampleid as client, YYYYMMDD as an ISO date and sales as amount. */
function writeIsoCsv(dir: string): string {
  const lines = readFileSync(ELOG, 'utf8').trim().split(/\r?\n/).slice(1);
  const out = ['client,date,amount'];
  for (const line of lines) {
    const [, sampleId, ymd, , sales] = line.split(',') as [string, string, string, string, string];
    out.push(`${sampleId},${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)},${sales}`);
  }
  const file = path.join(dir, 'cdnow.csv');
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

interface ClvJson {
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  paretoNbd: { r: number; alpha: number; s: number; beta: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; gamma: number };
  clients: {
    client: string;
    pAlive: number;
    expectedPurchases: number;
    clv: number;
    holdoutRepeatPurchases: number;
  }[];
  fit: {
    holdoutByFrequency: { clients: number; actualMeanHoldout: number }[];
    tracking: { period: number; actualCumulative: number }[];
  };
}

describe('clientbase clv on CDNOW (BTYD cdnowElog.csv)', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCaptured>>;
  let json: ClvJson;

  beforeAll(async () => {
    dir = tempDir();
    writeIsoCsv(dir);
    run = await runCaptured(
      [
        'clv',
        'cdnow.csv',
        '--calibration-end',
        '1997-09-30',
        '--holdout-end',
        '1998-06-30',
        '--unit',
        'week',
        '--horizon',
        '39',
        '--discount-rate',
        '0.002',
        '--margin',
        '0.3',
        '--json',
        'out.json',
        '--out',
        'report.xlsx',
      ],
      { cwd: dir },
    );
    json = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as ClvJson;
  }, 180_000);

  it('exits 0 and prints the fitted models and the written paths', () => {
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n')).toContain('BG/NBD: r = 0.2426');
    expect(run.stdout).toContain('JSON written to out.json');
    expect(run.stdout).toContain('Report written to report.xlsx');
  });

  it('JSON carries the Fader-Hardie-Lee 2005 BG/NBD, BTYD Pareto/NBD and FHL 2005 Gamma-Gamma CDNOW estimates', () => {
    expect(json.bgnbd.r).toBeCloseTo(0.243, 3);
    expect(json.bgnbd.alpha).toBeCloseTo(4.414, 3);
    expect(json.bgnbd.a).toBeCloseTo(0.793, 3);
    expect(json.bgnbd.b).toBeCloseTo(2.426, 3);
    expect(json.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(json.paretoNbd.r).toBeCloseTo(0.553, 3);
    expect(json.paretoNbd.s).toBeCloseTo(0.606, 3);
    expect(json.paretoNbd.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(json.gammaGamma.p).toBeCloseTo(6.25, 2);
    expect(json.gammaGamma.q).toBeCloseTo(3.74, 2);
    expect(json.gammaGamma.gamma).toBeCloseTo(15.44, 2);
  });

  it('per-client rows: 2,357 clients; client 1 has P(alive) 0.727 and 1.226 expected purchases in 39 weeks (FHL 2005)', () => {
    expect(json.clients).toHaveLength(2357);
    const client1 = json.clients.find((c) => c.client === '1');
    expect(client1?.pAlive).toBeCloseTo(0.727, 3);
    expect(client1?.expectedPurchases).toBeCloseTo(1.226, 3);
    for (const c of json.clients) {
      expect(Number.isFinite(c.clv)).toBe(true);
      expect(c.clv).toBeGreaterThanOrEqual(0);
    }
  });

  it('fit tables: 1,882 holdout repeat purchases and 4,339 cumulative repeat purchases at week 78 (BTYD cdnowSummary)', () => {
    const holdout = json.fit.holdoutByFrequency.reduce(
      (s, r) => s + r.actualMeanHoldout * r.clients,
      0,
    );
    expect(holdout).toBeCloseTo(1882, 6);
    expect(json.fit.tracking).toHaveLength(78);
    expect(json.fit.tracking[77]?.actualCumulative).toBe(4339);
    expect(json.fit.tracking[38]?.actualCumulative).toBe(2457);
  });

  it('the workbook has the per-client, model and fit-quality sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'report.xlsx'));
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['CLV by client', 'CLV model', 'CLV fit quality']),
    );
  });

  it('rejects a missing calibration end and a bad discount rate with a message naming the option', async () => {
    const missing = await runCaptured(['clv', 'cdnow.csv'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr.join('\n')).toContain('--calibration-end');
    expect(() =>
      parseClvArguments(
        ['a.csv', '--calibration-end', '1997-09-30', '--discount-rate', '-2'],
        'en',
      ),
    ).toThrow(/--discount-rate/);
    expect(parseClvArguments(['a.csv', '--calibration-end', '1997-09-30'], 'en').horizon).toBe(52);
  });
});
