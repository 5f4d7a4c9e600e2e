import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CliError } from '../../cli/cli-error';
import { columnChoicesOf, COLUMN_OPTIONS } from '../../cli/column-options';
import { parseAnalyzeArguments } from '../../cli/commands/analyze';
import { parseClvArguments } from '../../cli/commands/clv';
import type { AnalysisJson } from '../../shared/report/analysis-report';
import { REPO_ROOT, runCaptured, tempDir } from './cli-helpers';
import { thrownError } from '../thrown-error';

// Each end-to-end case reads a file and may write a report; allow for a slow, busy machine.
jest.setTimeout(120_000);

const errorOf = (run: () => unknown): CliError | undefined => thrownError(run, CliError);

// Two amount-like columns: without VAT (detected as the amount) and with VAT (20% more).
// Hand: with VAT, Анна 120 + 60 = 180 and Борис 12, revenue 192; without, 100 + 50 + 10 = 160.
const VAT_CSV = [
  'Клиент;Дата;Сумма без НДС;Сумма с НДС',
  'Анна;2024-03-01;100;120',
  'Анна;2024-03-05;50;60',
  'Борис;2024-03-02;10;12',
  '',
].join('\n');

describe('columnChoicesOf', () => {
  it('reads ROLE=COLUMN entries, the role in any case, split at the first = (the doc card)', () => {
    expect(columnChoicesOf(['amount=Сумма с НДС', 'Date=B'])).toEqual({
      amount: 'Сумма с НДС',
      date: 'B',
    });
    expect(columnChoicesOf([' orderid = №=заказа '])).toEqual({ orderId: '№=заказа' });
    expect(columnChoicesOf(undefined)).toBeUndefined();
  });

  it.each([
    [['amount'], 'badColumnOption'],
    [['amount='], 'badColumnOption'],
    [['=D'], 'badColumnOption'],
    [['amont=D'], 'unknownColumnRole'],
    [['amount=C', 'AMOUNT=D'], 'duplicateColumnRole'],
  ])('refuses %j with %s', (values, code) => {
    expect(errorOf(() => columnChoicesOf(values))?.messageId).toBe(code);
  });

  it('is an option of analyze and clv', () => {
    expect(parseAnalyzeArguments(['a.csv', '--column', 'amount=D']).columns).toEqual({
      amount: 'D',
    });
    expect(
      parseClvArguments(
        ['a.csv', '--calibration-end', '2024-03-01', '--column', 'client=A', '--column=amount=D'],
        'en',
      ).columns,
    ).toEqual({ client: 'A', amount: 'D' });
  });
});

describe('clientbase analyze --column', () => {
  it('reads "Сумма с НДС" instead of "Сумма без НДС": revenue 192, not 160 (hand, above)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'vat.csv'), VAT_CSV);
    const detected = await runCaptured(['analyze', 'vat.csv', '--json', 'a.json'], { cwd: dir });
    expect(detected.code).toBe(0);
    const before = JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')) as AnalysisJson;
    expect(before.metrics.revenue).toBe(160);
    const run = await runCaptured(
      ['analyze', 'vat.csv', '--column', 'amount=сумма с ндс', '--json', 'b.json'],
      { cwd: dir },
    );
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'b.json'), 'utf8')) as AnalysisJson;
    expect(json.metrics.revenue).toBe(192);
    expect(json.clients.map((c) => [c.id, c.totalRevenue])).toEqual([
      ['Анна', 180],
      ['Борис', 12],
    ]);
  });

  it('chooses an xlsx column by its letter the same way', async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Продажи');
    for (const line of VAT_CSV.trim().split('\n')) {
      const [client, date, net, gross] = line.split(';');
      sheet.addRow(
        client === 'Клиент'
          ? [client, date, net, gross]
          : [client, date, Number(net), Number(gross)],
      );
    }
    await workbook.xlsx.writeFile(path.join(dir, 'vat.xlsx'));
    const run = await runCaptured(
      ['analyze', 'vat.xlsx', '--column', 'amount=D', '--json', 'o.json'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'o.json'), 'utf8')) as AnalysisJson;
    expect(json.metrics.revenue).toBe(192);
  });

  it('says in one line naming --column what is wrong (en, ru)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'vat.csv'), VAT_CSV);
    const notThere = await runCaptured(['analyze', 'vat.csv', '--column', 'amount=Сумма'], {
      cwd: dir,
    });
    expect(notThere.code).toBe(1);
    expect(notThere.stderr).toEqual([
      'Error: --column: No column "Сумма" for amount: give a column letter from A to D or a header (Клиент, Дата, Сумма без НДС, Сумма с НДС).',
    ]);
    const badRole = await runCaptured(
      ['analyze', 'vat.csv', '--column', 'sum=D', '--locale', 'ru'],
      { cwd: dir },
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toHaveLength(1);
    expect(badRole.stderr[0]).toMatch(
      /^Ошибка: --column: 'sum' — не роль столбца; роли: client, date, amount, orderId,/,
    );
    const noEquals = await runCaptured(['analyze', 'vat.csv', '--column', 'D'], { cwd: dir });
    expect(noEquals.stderr).toEqual([
      'Error: --column takes ROLE=COLUMN, the column a letter or its header text (e.g. --column amount=D or --column amount="Sum incl. VAT"), not \'D\'.',
    ]);
  });

  it('reaches the reader in clv too: a column that is not there is the --column mistake', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'vat.csv'), VAT_CSV);
    const run = await runCaptured(
      ['clv', 'vat.csv', '--calibration-end', '2024-03-10', '--column', 'amount=Z'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toMatch(/^Error: --column: No column "Z" for amount/);
  });
});

describe('--column is documented', () => {
  it('in the help of analyze and clv, in English and Russian', async () => {
    for (const command of ['analyze', 'clv']) {
      for (const locale of ['en', 'ru']) {
        const help = (await runCaptured([command, '--help', '--locale', locale])).stdout.join('\n');
        for (const name of Object.keys(COLUMN_OPTIONS)) expect(help).toContain(`--${name}`);
      }
    }
  });

  it('in README.md and the user guides', () => {
    for (const [file, text] of [
      ['README.md', '--column ROLE=COLUMN'],
      ['docs/user-guide.md', '--column ROLE=COLUMN'],
      ['docs/user-guide.ru.md', '--column РОЛЬ=СТОЛБЕЦ'],
    ] as const) {
      expect(readFileSync(path.join(REPO_ROOT, file), 'utf8')).toContain(text);
    }
  });
});
