import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAnalyzeArguments } from '../../cli/commands/analyze';
import {
  channelSpend,
  moneyAmount,
  RETENTION_OPTIONS,
  retentionOptions,
} from '../../cli/retention-options';
import { dayFromYmd } from '../../shared/calendar';
import { REPO_ROOT, runCaptured, SAMPLE_CSV, tempDir } from './cli-helpers';

// The end-to-end cases analyse the whole sample; allow for a slow, busy machine.
jest.setTimeout(180_000);

describe('retentionOptions: each flag reaches the core option of the same meaning', () => {
  it('gives undefined without a retention flag, so the core keeps its defaults', () => {
    expect(retentionOptions({ margin: '0.3' }, new Set())).toBeUndefined();
    expect(parseAnalyzeArguments(['a.csv'])).not.toHaveProperty('retention');
  });

  it('reads the churn window, the look-back and the value options', () => {
    expect(
      parseAnalyzeArguments([
        'a.csv',
        '--lost-factor',
        '2,5',
        '--lost-min-days=60',
        '--lost-one-time-days',
        '365',
        '--lost-period-months',
        '6',
        '--lost-remaining-months',
        '14.5',
        '--lost-yearly-value',
        '12 000',
      ]).retention,
    ).toEqual({
      lost: {
        windowMultiplier: 2.5,
        minimumWindowDays: 60,
        oneTimeBuyerWindowDays: 365,
        periodMonths: 6,
        expectedRemainingMonths: 14.5,
        yearlyValuePerClient: 12000,
      },
    });
  });

  it('reads the alert thresholds: 30% = 0.3, 3/6 = at least 3 of 6 months, --alert-lost', () => {
    expect(
      retentionOptions(
        {
          'alert-check-drop': '30%',
          'alert-check-months': '2',
          'alert-regular-purchases': '4',
          'alert-silence-factor': '1.5',
          'alert-category': '2/4',
          'alert-category-gap': '3',
        },
        new Set(['alert-lost']),
      ),
    ).toEqual({
      alerts: {
        checkDropRatio: 0.3,
        checkWindowMonths: 2,
        regularMinPurchases: 4,
        silenceMultiplier: 1.5,
        categoryMinMonths: 2,
        categoryHistoryMonths: 4,
        categoryRecentMonths: 3,
        includeLostClients: true,
      },
    });
    expect(retentionOptions({ 'alert-check-drop': '0,25' }, new Set())).toEqual({
      alerts: { checkDropRatio: 0.25 },
    });
  });

  it('reads migration periods with both days included (TO 2024-06-30 -> first day not covered 2024-07-01)', () => {
    expect(
      retentionOptions(
        {
          'migration-previous': '..2023-12-31',
          'migration-current': '2024-01-01..2024-06-30',
        },
        new Set(),
      ),
    ).toEqual({
      migration: {
        previous: { asOf: dayFromYmd(2024, 1, 1) },
        current: { fromDay: dayFromYmd(2024, 1, 1), asOf: dayFromYmd(2024, 7, 1) },
      },
    });
    expect(retentionOptions({ 'migration-months': '12' }, new Set())).toEqual({
      migration: { months: 12 },
    });
  });

  it('reads channel spend: commas between entries, or semicolons when amounts have a decimal comma', () => {
    expect(channelSpend('Instagram=50000,Avito=20 000')).toEqual({
      Instagram: 50000,
      Avito: 20000,
    });
    expect(channelSpend('Instagram = 50 000,50; Яндекс Карты=1\u00a0500;')).toEqual({
      Instagram: 50000.5,
      'Яндекс Карты': 1500,
    });
    expect(moneyAmount('50 000,5')).toBe(50000.5);
    expect(moneyAmount('50,000')).toBeUndefined();
    expect(moneyAmount('-5')).toBeUndefined();
    // Read as the sheet reader reads money: a currency sign and grouped thousands are fine.
    expect(moneyAmount('20 000 ₽')).toBe(20000);
    expect(moneyAmount('1,234.56')).toBe(1234.56);
  });

  it.each([
    [['--lost-factor', '0'], 'badPositiveOption'],
    [['--lost-factor', 'three'], 'badPositiveOption'],
    [['--lost-min-days', '-1'], 'badWholeOption'],
    [['--lost-one-time-days', '0'], 'badWholeOption'],
    [['--lost-period-months', '1.5'], 'badWholeOption'],
    [['--lost-remaining-months', '-2'], 'badNonNegativeOption'],
    [['--lost-yearly-value', '12,000'], 'badAmountOption'],
    [['--alert-check-drop', '120%'], 'badRatioOption'],
    [['--alert-check-drop', '20'], 'badRatioOption'],
    [['--alert-regular-purchases', '1'], 'badWholeOption'],
    [['--alert-category', '7/6'], 'badAlertCategory'],
    [['--alert-category', '3'], 'badAlertCategory'],
    [['--alert-category-gap', '0'], 'badWholeOption'],
    [['--migration-months', '0'], 'badWholeOption'],
    [['--migration-months', '6', '--migration-current', '..2024-06-30'], 'migrationConflict'],
    [['--migration-current', '..2024-06-30'], 'migrationNeedsBoth'],
    [['--migration-previous', '2024-01-01', '--migration-current', '..2024-06-30'], 'badPeriod'],
    [
      ['--migration-previous', '2024-02-30..2024-03-31', '--migration-current', '..2024-06-30'],
      'badPeriod',
    ],
    [
      ['--migration-previous', '2024-06-30..2024-01-01', '--migration-current', '..2024-06-30'],
      'badPeriod',
    ],
    [
      ['--migration-previous', '..2024-12-31', '--migration-current', '2024-01-01..2024-06-30'],
      'migrationOrder',
    ],
    [['--channel-spend', 'Instagram'], 'badChannelSpend'],
    [['--channel-spend', '=500'], 'badChannelSpend'],
    [['--channel-spend', 'Instagram=50000,50'], 'badChannelSpend'],
    [['--channel-spend', 'Instagram=lots'], 'badChannelAmount'],
    [['--channel-spend', 'Instagram=1,instagram =2'], 'duplicateChannel'],
  ])('rejects %j with %s', (options, code) => {
    expect(() => parseAnalyzeArguments(['a.csv', ...options])).toThrow(code);
  });
});

describe('the retention options are documented', () => {
  const flags = Object.keys(RETENTION_OPTIONS).map((name) => `--${name}`);

  it('in `clientbase analyze --help`, in English and Russian', async () => {
    for (const locale of ['en', 'ru']) {
      const help = (await runCaptured(['analyze', '--help', '--locale', locale])).stdout.join('\n');
      for (const flag of flags) expect(help).toContain(flag);
    }
  });

  it('in the user guide, docs/user-guide.md and docs/user-guide.ru.md', () => {
    for (const file of ['user-guide.md', 'user-guide.ru.md']) {
      const guide = readFileSync(path.join(REPO_ROOT, 'docs', file), 'utf8');
      for (const flag of flags) expect(guide).toContain(`\`${flag}`);
    }
  });
});

describe('--sheet with a delimited file', () => {
  it('is refused: a CSV has one table, so a sheet name is a mistake (en and ru)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.csv'), 'Client;Date;Amount\nAnn;2024-01-01;100\n');
    const en = await runCaptured(['analyze', 'a.csv', '--sheet', 'Sales'], { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.stderr).toEqual([
      'Error: --sheet picks a worksheet of an .xlsx workbook, but a.csv is delimited text with a single table: remove --sheet.',
    ]);
    const ru = await runCaptured(['analyze', 'a.csv', '--sheet', 'Sales', '--locale', 'ru'], {
      cwd: dir,
    });
    expect(ru.stderr[0]).toMatch(/^Ошибка: --sheet выбирает лист книги \.xlsx/);
  });
});

describe('clientbase analyze with the retention options, on the bundled sample', () => {
  it('fills spend and CAC (= spend / clients acquired), the migration periods and looser alerts', async () => {
    const dir = tempDir();
    const base = await runCaptured(['analyze', SAMPLE_CSV, '--json', 'base.json'], { cwd: dir });
    expect(base.code).toBe(0);
    const run = await runCaptured(
      [
        'analyze',
        SAMPLE_CSV,
        '--json',
        'r.json',
        '--channel-spend',
        'instagram=50000,Авито=20 000,Nowhere=100',
        '--migration-previous',
        '2023-07-01..2023-12-31',
        '--migration-current',
        '2024-01-01..2024-06-30',
        '--alert-check-drop',
        '10%',
      ],
      { cwd: dir },
    );
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    type Channel = { channel: string | null; clientsAcquired: number; spend?: number; cac: number };
    interface Retention {
      channels: Channel[];
      migration: { previous: unknown; current: unknown };
      alerts: { kind: string }[];
    }
    const read = (file: string) =>
      (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { retention: Retention })
        .retention;
    const retention = read('r.json');
    const instagram = retention.channels.find((c) => c.channel === 'Instagram');
    expect(instagram?.spend).toBe(50000);
    expect(instagram?.cac).toBeCloseTo(50000 / (instagram?.clientsAcquired ?? Number.NaN), 9);
    expect(retention.channels.find((c) => c.channel === 'Авито')?.spend).toBe(20000);
    // A channel with spend and no clients is listed with CAC null rather than dropped.
    expect(retention.channels.find((c) => c.channel === 'Nowhere')).toMatchObject({
      clientsAcquired: 0,
      cac: null,
    });
    expect(retention.migration.previous).toEqual({ from: '2023-07-01', to: '2023-12-31' });
    expect(retention.migration.current).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    // A 10 % drop fires on every check that a 20 % drop fires on, and on more.
    const falling = (r: Retention) => r.alerts.filter((a) => a.kind === 'falling_check').length;
    expect(falling(retention)).toBeGreaterThan(falling(read('base.json')));
  });

  it('refuses migration periods past the as-of day with one localized line', async () => {
    const run = await runCaptured([
      'analyze',
      SAMPLE_CSV,
      '--as-of',
      '2024-07-01',
      '--migration-previous',
      '2024-01-01..2024-06-30',
      '--migration-current',
      '2024-07-01..2024-12-31',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      'Error: the migration periods must end before the as-of day 2024-07-01: a period ends on 2024-12-31.',
    ]);
  });
});
