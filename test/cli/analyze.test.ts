import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseAnalyzeArguments } from '../../cli/commands/analyze';
import { SAMPLE_CLIENTS } from '../../scripts/generate-sample';
import type { AnalysisJson } from '../../shared/report/analysis-report';
import { runCaptured, SAMPLE_CSV, tempDir } from './cli-helpers';

// Each case starts a process or writes a whole report; allow for a slow, busy machine.
jest.setTimeout(180_000);

const sampleLines = readFileSync(SAMPLE_CSV, 'utf8').split('\n');
/** 1-based sheet row of the first line containing `text` (the header is row 1). */
function sampleRowOf(text: string): number {
  return sampleLines.findIndex((line) => line.includes(text)) + 1;
}

describe('clientbase analyze on the bundled sample', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCaptured>>;
  let json: AnalysisJson;

  beforeAll(async () => {
    dir = tempDir();
    run = await runCaptured(
      ['analyze', SAMPLE_CSV, '--out', 'report.xlsx', '--json', 'report.json'],
      {
        cwd: dir,
      },
    );
    json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as AnalysisJson;
  }, 180_000);

  it('exits 0 and prints the summary and the written paths', () => {
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toContain('read as a transaction list');
    expect(run.stdout).toContain('Report written to report.xlsx');
    expect(run.stdout).toContain('JSON written to report.json');
  });

  it('finds the 1,500 clients the generator made (stray spaces and case in names matched)', () => {
    expect(json.clients).toHaveLength(SAMPLE_CLIENTS);
    expect(new Set(json.clients.map((c) => c.id.toLowerCase())).size).toBe(SAMPLE_CLIENTS);
  });

  it('gives each client the JSON fields of user guide §2 with valid values', () => {
    const segments = new Set(json.segments.map((s) => s.segment));
    for (const client of json.clients) {
      expect(Object.keys(client).sort()).toEqual(
        [
          'abc',
          'daysSinceLastPurchase',
          'f',
          'id',
          'm',
          'purchaseCount',
          'r',
          'rfmCell',
          'segment',
          'totalRevenue',
          'xyz',
        ].sort(),
      );
      expect(client.rfmCell).toBe(`${client.r}${client.f}${client.m}`);
      expect(segments.has(client.segment)).toBe(true);
      expect(['A', 'B', 'C']).toContain(client.abc);
      expect(['X', 'Y', 'Z']).toContain(client.xyz);
    }
    expect(json.asOf).toBe('2024-12-29');
    expect(json.shape).toBe('transactions');
  });

  it('rejects exactly the five planted dirty rows, with their sheet row numbers (found in the CSV text)', () => {
    expect(json.rejectedRows.map((r) => r.row)).toEqual([
      sampleRowOf('31.02.2024'),
      sampleRowOf('бесплатно'),
      sampleRowOf('З-90003'),
      sampleRowOf('#N/A'),
      sampleRowOf('2024-13-01'),
    ]);
    for (const rejected of json.rejectedRows) expect(rejected.reason.length).toBeGreaterThan(5);
  });

  it('writes a workbook whose first sheet is the CSV unchanged, then the result sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'report.xlsx'));
    // The core sheets come first; extra sections (retention, ...) follow.
    expect(workbook.worksheets.map((ws) => ws.name).slice(0, 6)).toEqual([
      'salon-clients',
      'Summary',
      'Segments',
      'Clients',
      'ABC-XYZ',
      'Rejected rows',
    ]);
    const data = workbook.worksheets[0];
    const row = (n: number) => sampleLines[n - 1]?.split(';');
    for (const n of [1, 2, sampleRowOf('бесплатно'), sampleLines.length - 1]) {
      const cells = (data?.getRow(n).values as unknown[]).slice(1).map((v) => v ?? '');
      expect(cells).toEqual(row(n));
    }
    const clients = workbook.getWorksheet('Clients');
    expect(clients?.rowCount).toBe(2 + SAMPLE_CLIENTS);
  });
});

describe('clientbase analyze options and locales', () => {
  it('prints the summary and names sheets in Russian with --locale ru', async () => {
    const dir = tempDir();
    const run = await runCaptured(['analyze', SAMPLE_CSV, '--locale', 'ru', '--out', 'r.xlsx'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toContain('как список покупок');
    expect(run.stdout.join('\n')).toContain('строка');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'r.xlsx'));
    expect(workbook.worksheets.map((ws) => ws.name)).toContain('Сегменты');
  });

  it('takes the locale from LANG (ru_RU.UTF-8) when --locale is absent', async () => {
    const run = await runCaptured(['analyze', 'missing.csv'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(run.stderr).toEqual(['Ошибка: файл не найден: missing.csv']);
  });

  it('uses --as-of: clients are counted as of that day', async () => {
    const dir = tempDir();
    const run = await runCaptured(
      ['analyze', SAMPLE_CSV, '--as-of', '2024-01-01', '--json', 'a.json'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')) as AnalysisJson;
    expect(json.asOf).toBe('2024-01-01');
    expect(json.clients.length).toBeLessThan(SAMPLE_CLIENTS);
    expect(
      Math.min(...json.clients.map((c) => c.daysSinceLastPurchase ?? Infinity)),
    ).toBeGreaterThanOrEqual(1);
  });

  it('a client list without first purchase dates: lifetime, purchases per month and LTV not available in the JSON and the workbook', async () => {
    // The user's file: 6 rows, rows 6 and 7 unreadable; as of 2024-07-01, margin 50 %.
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'cl.csv'),
      [
        'Клиент;Дата последней покупки;Количество покупок;Сумма покупок',
        'Анна;01.01.2024;1;1 000',
        'Борис;15.06.2024;5;10 000',
        'Вера;20.06.2024;2;3 000',
        'Глеб;30.06.2024;0;0',
        'Дина;31.02.2024;2;500',
        'Егор;10.05.2024;abc;500',
        '',
      ].join('\n'),
    );
    const run = await runCaptured(
      [
        'analyze',
        'cl.csv',
        '--as-of',
        '2024-07-01',
        '--margin',
        '0.5',
        '--json',
        'o.json',
        '--out',
        'o.xlsx',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'o.json'), 'utf8')) as AnalysisJson;
    expect(json.metrics.ltv).toMatchObject({
      averageCheck: 1750,
      purchasesPerMonth: null,
      lifetimeMonths: null,
      ltv: null,
    });
    expect(json.metrics.ltv?.notAvailable.map((n) => n.metric)).toEqual([
      'purchasesPerMonth',
      'lifetimeMonths',
      'ltv',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'o.xlsx'));
    const summary = workbook.getWorksheet('Summary');
    const rows: unknown[][] = [];
    summary?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const lifetime = rows.find((row) => row[0] === 'Average lifetime, months');
    expect(lifetime?.[1] ?? null).toBeNull();
    expect(lifetime?.[2]).toBe(
      'Not available: needs the first purchase date of every client with a purchase',
    );
    expect(rows.find((row) => row[0] === 'LTV (simple)')?.[1] ?? null).toBeNull();
  });

  it('reads an xlsx workbook: the named sheet, date cells, formulas and the 1904 date system', async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    workbook.addWorksheet('Notes').addRow(['nothing here']);
    const sheet = workbook.addWorksheet('Sales');
    sheet.addRow(['Клиент', 'Дата', 'Сумма']);
    sheet.addRow(['Анна', new Date(Date.UTC(2024, 2, 1)), 100]);
    sheet.addRow(['Анна', new Date(Date.UTC(2024, 2, 11)), { formula: 'B2*2', result: 200 }]);
    sheet.addRow(['Борис', new Date(Date.UTC(2024, 2, 6)), { error: '#N/A' }]);
    sheet.addRow(['Борис', new Date(Date.UTC(2024, 2, 6)), 50]);
    await workbook.xlsx.writeFile(path.join(dir, 'in.xlsx'));
    const run = await runCaptured(
      ['analyze', 'in.xlsx', '--sheet', 'sales', '--json', 'o.json', '--out', 'o.xlsx'],
      {
        cwd: dir,
      },
    );
    expect(run.stderr).toEqual([]);
    const json = JSON.parse(readFileSync(path.join(dir, 'o.json'), 'utf8')) as AnalysisJson;
    // Hand: as of 2024-03-12; Анна 2 purchases 300, 1 day; Борис 1 purchase 50, 6 days.
    expect(json.asOf).toBe('2024-03-12');
    expect(
      json.clients.map((c) => [c.id, c.purchaseCount, c.totalRevenue, c.daysSinceLastPurchase]),
    ).toEqual([
      ['Анна', 2, 300, 1],
      ['Борис', 1, 50, 6],
    ]);
    expect(json.rejectedRows.map((r) => r.row)).toEqual([4]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(path.join(dir, 'o.xlsx'));
    expect(report.worksheets[0]?.name).toBe('Sales');
    expect((report.worksheets[0]?.getCell('B2').value as Date).toISOString().slice(0, 10)).toBe(
      '2024-03-01',
    );
  });

  it('prints a hint and writes nothing without --out or --json', async () => {
    const run = await runCaptured(['analyze', SAMPLE_CSV]);
    expect(run.code).toBe(0);
    expect(run.stdout.at(-1)).toContain('--out report.xlsx');
  });
});

describe('clientbase errors: one clear line on stderr, exit code 1, no stack trace', () => {
  async function expectError(args: string[], expected: RegExp, setup?: (dir: string) => unknown) {
    const dir = tempDir();
    await setup?.(dir);
    const run = await runCaptured(args, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(expected);
    expect(run.stderr[0]).not.toMatch(/\n\s+at /);
  }

  it('missing file', () =>
    expectError(['analyze', 'nope.csv'], /^Error: file not found: .*nope\.csv$/));
  it('unknown format', () =>
    expectError(['analyze', 'data.pdf'], /^Error: cannot read files of type '\.pdf'/));
  it('old .xls', () => expectError(['analyze', 'data.xls'], /save it as \.xlsx/));
  it('missing columns', () =>
    expectError(['analyze', 'x.csv'], /^Error: .*column/i, (dir) =>
      writeFileSync(path.join(dir, 'x.csv'), 'a;b\n1;2\n'),
    ));
  it('empty file', () =>
    expectError(['analyze', 'e.csv'], /^Error: .*is empty/, (dir) =>
      writeFileSync(path.join(dir, 'e.csv'), ''),
    ));
  it('empty sheet in a workbook', () =>
    expectError(['analyze', 'e.xlsx'], /^Error: .*(no data|empty)/i, (dir) => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Empty');
      return workbook.xlsx.writeFile(path.join(dir, 'e.xlsx'));
    }));
  it('not a workbook', () =>
    expectError(['analyze', 'bad.xlsx'], /is not a readable \.xlsx workbook/, (dir) =>
      writeFileSync(path.join(dir, 'bad.xlsx'), 'not a zip'),
    ));
  it('sheet not found', () =>
    expectError(
      ['analyze', 'w.xlsx', '--sheet', 'Nope'],
      /^Error: there is no sheet 'Nope' in w\.xlsx\. Its sheets: Sales, Notes\.$/,
      (dir) => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('Sales');
        workbook.addWorksheet('Notes');
        return workbook.xlsx.writeFile(path.join(dir, 'w.xlsx'));
      },
    ));
  it('unknown command', () =>
    expectError(['analyse-this'], /^Error: unknown command 'analyse-this'/));
  it('no command', () => expectError([], /^Error: name a command/));
  it('unknown option', () =>
    expectError(['analyze', 'a.csv', '--bogus'], /^Error: unknown option --bogus/));
  it('bad --as-of', () =>
    expectError(
      ['analyze', 'a.csv', '--as-of', '2025-02-30'],
      /^Error: --as-of must be a real date/,
    ));
  it('bad --locale', () =>
    expectError(['analyze', 'a.csv', '--locale', 'de'], /^Error: --locale must be/));
  it('two input files', () =>
    expectError(['analyze', 'a.csv', 'b.csv'], /^Error: too many arguments: b\.csv/));
  it('Russian message with --locale ru', () =>
    expectError(['analyze', 'nope.csv', '--locale', 'ru'], /^Ошибка: файл не найден/));
});

describe('every row rejected: the rows and their reasons follow the error line', () => {
  it("lists allbad.csv's rows 2 (amount 'abc') and 3 (31.02.2024) and exits 1, writing nothing", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'allbad.csv'),
      'client,date,amount\na,2024-01-01,abc\nb,31.02.2024,1\n',
    );
    const run = await runCaptured(
      ['analyze', 'allbad.csv', '--json', 'o.json', '--out', 'o.xlsx'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toEqual([
      'Error: No row of the sheet could be read as a purchase; see the rejected rows.',
      'Rejected rows (first 2 of 2):',
      '  row 2: Cannot read "abc" in column C (amount) as a number.',
      '  row 3: The date "31.02.2024" in column B (date) does not exist.',
    ]);
    expect(existsSync(path.join(dir, 'o.json'))).toBe(false);
  });

  it('shows the first 20 of 25 bare serial dates (45352..) in Russian, then how many more', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 25 }, (_, k) => `c${k},${45352 + k},100`);
    writeFileSync(path.join(dir, 'serial.csv'), ['client,date,amount', ...rows, ''].join('\n'));
    const run = await runCaptured(['analyze', 'serial.csv', '--locale', 'ru'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(
      'Ошибка: Ни одна строка листа не прочитана как покупка; см. отклонённые строки.',
    );
    expect(run.stderr[1]).toBe('Отклонённые строки (первые 20 из 25):');
    expect(run.stderr[2]).toBe(
      '  строка 2: Не получается прочитать «45352» в столбце B (date) как дату.',
    );
    expect(run.stderr.slice(2, 22).map((line) => line.match(/строка (\d+)/)?.[1])).toEqual(
      Array.from({ length: 20 }, (_, k) => String(k + 2)),
    );
    expect(run.stderr.slice(22)).toEqual(['  ... и ещё 5']);
  });

  it('clv lists them too', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'allbad.csv'), 'client,date,amount\na,2024-01-01,abc\n');
    const run = await runCaptured(['clv', 'allbad.csv', '--calibration-end', '2024-06-01'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr.slice(1)).toEqual([
      'Rejected rows (first 1 of 1):',
      '  row 2: Cannot read "abc" in column C (amount) as a number.',
    ]);
  });
});

describe('help', () => {
  it('clientbase --help lists the analyze command and exits 0', async () => {
    const run = await runCaptured(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n')).toMatch(/analyze\s+analyse a purchase/);
  });

  it('clientbase analyze --help explains every option, in Russian too', async () => {
    const en = await runCaptured(['analyze', '--help']);
    for (const option of ['--sheet', '--as-of', '--locale', '--out', '--json']) {
      expect(en.stdout.join('\n')).toContain(option);
    }
    const ru = await runCaptured(['analyze', '--help', '--locale', 'ru']);
    expect(ru.stdout.join('\n')).toContain('Параметры');
  });
});

describe('parseAnalyzeArguments', () => {
  it('accepts --name=value and rejects an impossible --as-of (2025-02-30 does not exist)', () => {
    expect(parseAnalyzeArguments(['a.xlsx', '--as-of=2025-01-31', '--sheet=S'])).toMatchObject({
      input: 'a.xlsx',
      sheet: 'S',
      asOf: 20119,
    });
    expect(() => parseAnalyzeArguments(['a.csv', '--as-of', '2025-02-30'])).toThrow('badAsOf');
  });
});

describe('analyze options for the metrics', () => {
  it('reads --margin as a ratio or percent, --inactive-days as days and --abc as percent cut-offs', () => {
    expect(
      parseAnalyzeArguments([
        'a.csv',
        '--margin',
        '35%',
        '--inactive-days',
        '90',
        '--abc',
        '75/95',
      ]),
    ).toMatchObject({ marginRatio: 0.35, inactiveAfterDays: 90, abcThresholds: [0.75, 0.95] });
    expect(parseAnalyzeArguments(['a.csv', '--margin=0,4'])).toMatchObject({ marginRatio: 0.4 });
  });

  it.each([
    [['--margin', '2'], 'badMargin'],
    [['--margin', 'half'], 'badMargin'],
    [['--inactive-days', '0'], 'badInactiveDays'],
    [['--inactive-days', '12.5'], 'badInactiveDays'],
    [['--abc', '95/80'], 'badAbc'],
    [['--abc', '80'], 'badAbc'],
  ])('rejects %j with %s', (options, code) => {
    expect(() => parseAnalyzeArguments(['a.csv', ...options])).toThrow(code);
  });

  it('passes the margin to the simple LTV: S × C × P × t with P = 0.35 (sample, by the JSON inputs)', async () => {
    const json = path.join(tempDir(), 'r.json');
    const result = await runCaptured(['analyze', SAMPLE_CSV, '--margin', '35%', '--json', json]);
    expect(result.code).toBe(0);
    const ltv = JSON.parse(readFileSync(json, 'utf8')).metrics.ltv;
    expect(ltv.marginRatio).toBe(0.35);
    expect(ltv.ltv).toBeCloseTo(
      ltv.averageCheck * ltv.purchasesPerMonth * 0.35 * ltv.lifetimeMonths,
      1,
    );
  });
});
