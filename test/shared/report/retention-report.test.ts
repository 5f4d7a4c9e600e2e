import fc from 'fast-check';
import { readSheet } from '../../../shared/sheet-data';
import type { Grid, SheetReadResult, Transaction } from '../../../shared/sheet-data/types';
import { BASE_DAY, shuffled, transactionsArbitrary } from '../segmentation/retention-fixtures';
import { buildAnalysisReport } from '../../../shared/report/analysis-report';
import { buildRetentionSheets, type RetentionJson } from '../../../shared/report/retention-report';
import type { ReportSheet } from '../../../shared/report/types';
import { lostClients } from '../../../shared/segmentation/lost-clients';
import { parseIsoDay } from '../../../shared/calendar';

function day(iso: string): number {
  const d = parseIsoDay(iso);
  if (d === undefined) throw new Error(iso);
  return d;
}

/*
 * A small salon sheet. Ann buys 1,000 on the 1st of every month of 2023 and stops (lost on
 * 2024-03-03: median gap 31 days × 3 = 93); Bob buys on 2023-01-15 and 2024-05-01 (active);
 * Cat buys once on 2023-09-01 (lost 2024-02-28). As of 2024-06-01 with 240 expected months,
 * Ann's value lost is 12,000 / 12 × 240 = 240,000.
 */
const grid: Grid = [
  ['Client', 'Date', 'Amount', 'Manager', 'Channel', 'Category'],
  ...Array.from({ length: 12 }, (_, i) => [
    'Ann',
    `2023-${String(i + 1).padStart(2, '0')}-01`,
    1000,
    'Olga',
    'instagram',
    'hair',
  ]),
  ['Bob', '2023-01-15', 200, 'Ivan', 'walk-in', 'nails'],
  ['Bob', '2024-05-01', 300, 'Ivan', 'walk-in', 'nails'],
  ['Cat', '2023-09-01', 500, 'Olga', 'instagram', 'spa'],
];

function checkShape(sheets: readonly ReportSheet[]): void {
  const names = sheets.map((s) => s.name);
  expect(new Set(names).size).toBe(names.length);
  const ids = new Set<string>();
  for (const sheet of sheets) {
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    for (const table of sheet.tables) {
      expect(ids.has(table.id)).toBe(false);
      ids.add(table.id);
      const keys = table.columns.map((c) => c.key);
      for (const row of table.rows) expect(row).toHaveLength(keys.length);
      for (const key of table.colorScale?.columns ?? []) expect(keys).toContain(key);
      if (table.chart) {
        expect(keys).toContain(table.chart.categoryColumn);
        for (const key of table.chart.valueColumns) expect(keys).toContain(key);
      }
    }
  }
}

describe('buildRetentionSheets from a transaction list', () => {
  const read = readSheet(grid);
  const options = {
    locale: 'en' as const,
    asOf: day('2024-06-01'),
    lost: { expectedRemainingMonths: 240 },
  };
  const { sheets, json } = buildRetentionSheets(read, options);

  it('gives the six retention sheets, well formed, with heat-map and charts', () => {
    expect(read.shape).toBe('transactions');
    expect(sheets.map((s) => s.name)).toEqual([
      'Lost clients',
      'Retention alerts',
      'Cohorts',
      'Migration',
      'Managers',
      'Channels',
    ]);
    checkShape(sheets);
    const cohorts = sheets[2]?.tables[0];
    expect(cohorts?.colorScale?.columns[0]).toBe('m0');
    expect(sheets[3]?.tables[0]?.chart?.kind).toBe('stacked-column');
    expect(sheets[4]?.tables[0]?.chart?.valueColumns).toEqual([
      'aShare',
      'xShare',
      'atRiskOrLostShare',
    ]);
  });

  it("shows Ann's 240,000 (1,000 a month × 240 months) in the lost list and the JSON", () => {
    const list = sheets[0]?.tables[1];
    const valueColumn = list?.columns.findIndex((c) => c.key === 'valueLost') ?? -1;
    const ann = list?.rows.find((r) => r[0] === 'Ann');
    expect(ann?.[valueColumn]).toBe(240000);
    const clients = json.retention.lostClients.clients as { id: string; valueLost: number }[];
    expect(clients.find((c) => c.id === 'Ann')?.valueLost).toBe(240000);
  });

  it('carries the same totals as lostClients, and survives JSON round-trip unchanged', () => {
    const direct = lostClients(read.transactions, {
      asOf: options.asOf,
      expectedRemainingMonths: 240,
    });
    expect(json.retention.lostClients.totals).toEqual(direct.totals);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.retention.notAvailable).toEqual([]);
  });

  it('labels everything in Russian for locale ru', () => {
    const ru = buildRetentionSheets(read, { ...options, locale: 'ru' });
    expect(ru.sheets.map((s) => s.name)).toEqual([
      'Ушедшие клиенты',
      'Сигналы оттока',
      'Когорты',
      'Миграция',
      'Менеджеры',
      'Каналы',
    ]);
    checkShape(ru.sheets);
  });
});

describe('buildRetentionSheets from a client list', () => {
  const clientGrid: Grid = [
    ['Client', 'Last purchase date', 'Purchase count', 'Total revenue', 'Manager'],
    ['Ann', '2023-12-01', 12, 12000, 'Olga'],
    ['Cat', '2023-09-01', 1, 500, 'Olga'],
  ];
  const read = readSheet(clientGrid);
  const { sheets, json } = buildRetentionSheets(read, { locale: 'en', asOf: day('2024-06-01') });

  it('computes lost status, ABC and portfolios, and reports the rest as not available', () => {
    expect(read.shape).toBe('clients');
    expect(sheets.map((s) => s.name)).toEqual(['Lost clients', 'Managers', 'Channels']);
    checkShape(sheets);
    const na = sheets[0]?.tables[1];
    expect(na?.rows.length).toBe(7);
    expect(
      na?.rows.every((r) => r[1] === 'not available: needs transactions (a row per purchase)'),
    ).toBe(true);
    expect(json.retention.alerts).toBeNull();
    expect(json.retention.cohorts).toBeNull();
    expect(json.retention.migration).toBeNull();
    // Cat: one purchase 2023-09-01 + 180 days = 2024-02-28 ≤ 2024-06-01 → lost.
    const clients = json.retention.lostClients.clients as { id: string; status: string }[];
    expect(clients.find((c) => c.id === 'Cat')?.status).toBe('lost');
  });
});

describe('retention sheets inside the analysis report', () => {
  it('buildAnalysisReport carries the six retention sheets and the retention JSON', () => {
    const { report, json } = buildAnalysisReport(readSheet(grid), {
      locale: 'en',
      asOf: day('2024-06-01'),
    });
    const names = report.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Lost clients', 'Cohorts', 'Migration']));
    expect(new Set(names).size).toBe(names.length);
    const retention = (json as unknown as RetentionJson).retention;
    expect(retention.asOf).toBe('2024-06-01');
    // Default remaining lifetime: active months A 12, B 17, C 1 → 30 / 3 = 10; A loses 1,000 × 10.
    const clients = retention.lostClients.clients as { id: string; valueLost: number }[];
    expect(clients.find((c) => c.id === 'Ann')?.valueLost).toBe(10000);
  });
});

describe('retention sheets on a dirty sheet', () => {
  it('merges re-cased ids, leaves rejected rows out, and still finds Ann lost', () => {
    const dirty: Grid = [
      ...grid.slice(0, 7),
      ['  ANN ', '2023-07-01', 1000, 'Olga', 'instagram', 'hair'],
      ['ann', '31.02.2023', 1000, 'Olga', 'instagram', 'hair'],
      ['Ann', '2023-08-01', 'free', 'Olga', 'instagram', 'hair'],
      ...grid.slice(9),
    ];
    const read = readSheet(dirty);
    expect(read.rejectedRows.map((r) => r.row)).toEqual([9, 10]);
    const { json } = buildRetentionSheets(read, {
      locale: 'en',
      asOf: day('2024-06-01'),
      lost: { expectedRemainingMonths: 240 },
    });
    // Ann keeps 11 valid months of 1,000 (August's only row is rejected): yearly revenue 11,000.
    const clients = json.retention.lostClients.clients as {
      id: string;
      yearlyRevenueBeforeLeaving: number;
    }[];
    expect(clients.map((c) => c.id).sort()).toEqual(['Ann', 'Cat']);
    expect(clients.find((c) => c.id === 'Ann')?.yearlyRevenueBeforeLeaving).toBe(11000);
  });
});

describe('retention sheets properties', () => {
  it('shuffled rows give the same sheets and JSON', () => {
    fc.assert(
      fc.property(transactionsArbitrary, fc.array(fc.nat()), (rows, picks) => {
        fc.pre(rows.some((r) => r.amount >= 0));
        const asRead = (transactions: Transaction[]): SheetReadResult => ({
          ...readSheet(grid),
          transactions,
        });
        const options = { locale: 'ru' as const, asOf: BASE_DAY + 800 };
        const a = buildRetentionSheets(asRead(rows), options);
        const b = buildRetentionSheets(asRead(shuffled(rows, picks)), options);
        expect(b).toEqual(a);
        checkShape(a.sheets);
      }),
      { numRuns: 40 },
    );
  });
});

describe('retention sheets of a client list', () => {
  // By hand: Ann bought once, last on 2024-01-01, so her window is the one-time buyer's 180 days
  // and she is lost on 2024-06-29 (2024-01-01 + 180 days); Bob's count is 5 but his purchase
  // dates are unknown, so the fixed 180-day window applies: lost day 2024-10-28, active on
  // 2024-08-01.
  const clientList: Grid = [
    ['Client', 'Last purchase', 'Purchases', 'Total revenue'],
    ['Ann', '2024-01-01', 1, 1000],
    ['Bob', '2024-05-01', 5, 5000],
  ];

  it('lists each client with its window, lost day and status (worked by hand)', () => {
    const read = readSheet(clientList);
    expect(read.shape).toBe('clients');
    const { sheets } = buildRetentionSheets(read, { locale: 'en', asOf: day('2024-08-01') });
    const table = sheets
      .flatMap((s) => s.tables)
      .find((tb) => tb.id === 'retention-client-list-status');
    expect(table?.columns.map((c) => c.key).slice(0, 6)).toEqual([
      'client',
      'lastPurchase',
      'windowDays',
      'windowBasis',
      'lostDay',
      'status',
    ]);
    const byName = new Map(table?.rows.map((row) => [row[0], row]));
    expect(byName.get('Ann')?.slice(0, 3)).toEqual(['Ann', day('2024-01-01'), 180]);
    expect(byName.get('Ann')?.[4]).toBe(day('2024-06-29'));
    expect(byName.get('Bob')?.[4]).toBe(day('2024-10-28'));
    expect(byName.get('Ann')?.[5]).toBe('lost');
    expect(byName.get('Bob')?.[5]).toBe('active');
  });

  it('in the analysis report, leaves out the rows the report rejects (a second row of a client, a blank revenue, a last purchase after the as-of day)', () => {
    const read = readSheet([
      ...clientList,
      ['ann', '2024-02-01', 2, 300],
      ['Cat', '2024-03-01', 2, ''],
      ['Dan', '2024-09-01', 1, 100],
    ]);
    const { report, json } = buildAnalysisReport(read, { locale: 'en', asOf: day('2024-08-01') });
    expect(json.rejectedRows.map((r) => [r.row, r.code])).toEqual([
      [4, 'duplicate_client'],
      [5, 'blank_value'],
      [6, 'after_as_of'],
    ]);
    const table = report.sheets
      .flatMap((s) => s.tables)
      .find((tb) => tb.id === 'retention-client-list-status');
    // Ann keeps her first row (last purchase 2024-01-01), as in the test above.
    expect(table?.rows.map((row) => [row[0], row[1]])).toEqual([
      ['Ann', day('2024-01-01')],
      ['Bob', day('2024-05-01')],
    ]);
  });
});

describe('buildAnalysisReport passes the retention options through (AnalysisOptions.retention)', () => {
  const read = readSheet(grid);
  const asOf = day('2024-06-01');
  const retentionOf = (json: Readonly<Record<string, unknown>>) =>
    (json as unknown as RetentionJson).retention;

  it('spend per channel gives CAC (hand: instagram acquired Ann and Cat, 1,000 / 2 = 500)', () => {
    const { json } = buildAnalysisReport(read, {
      locale: 'en',
      asOf,
      retention: { spendByChannel: { Instagram: 1000 } },
    });
    const channels = retentionOf(json).channels;
    expect(channels.find((c) => c.channel === 'instagram')).toMatchObject({
      clientsAcquired: 2,
      spend: 1000,
      cac: 500,
    });
    expect(channels.find((c) => c.channel === 'walk-in')?.cac).toBeNull();
  });

  it('a 200-day floor keeps Ann (lost day 2023-12-01 + 200 = 2024-06-18) and the alerts use the same window: 183 silent days > 2 × 31, hair 3 of 6 months (hand)', () => {
    const defaults = retentionOf(buildAnalysisReport(read, { locale: 'en', asOf }).json);
    expect(defaults.lostClients.clients).toHaveLength(2);
    expect(defaults.alerts).toEqual([]);
    const { json } = buildAnalysisReport(read, {
      locale: 'en',
      asOf,
      retention: { lost: { minimumWindowDays: 200 } },
    });
    const retention = retentionOf(json);
    const lost = retention.lostClients.clients as readonly { id: string }[];
    expect(lost.map((c) => c.id)).toEqual(['Cat']);
    // Also category_dropped: hair in Oct, Nov, Dec 2023 = 3 of the 6 months Oct 2023 – Mar 2024,
    // and not in April or May 2024.
    expect(retention.alerts?.map((a) => [a['id'], a['kind']])).toEqual([
      ['Ann', 'silent_regular'],
      ['Ann', 'category_dropped'],
    ]);
    expect(retention.alerts?.[0]?.['evidence']).toMatchObject({
      medianIntervalDays: 31,
      daysSinceLastPurchase: 183,
      thresholdDays: 62,
    });
  });

  it("gives the alerts' evidence days as ISO dates, like every date of the JSON (Ann's last purchase and last hair purchase: 2023-12-01)", () => {
    const { json } = buildAnalysisReport(read, {
      locale: 'en',
      asOf,
      retention: { lost: { minimumWindowDays: 200 } },
    });
    const evidence = retentionOf(json).alerts?.map((a) => a['evidence']);
    expect(evidence?.[0]).toEqual({
      purchaseCount: 12,
      medianIntervalDays: 31,
      daysSinceLastPurchase: 183,
      thresholdDays: 62,
      lastPurchase: '2023-12-01',
    });
    expect(evidence?.[1]).toEqual({
      category: 'hair',
      monthsWithCategory: 3,
      historyMonths: 6,
      recentMonths: 2,
      lastCategoryPurchase: '2023-12-01',
    });
  });

  it('writes the window options in the notes as the locale writes numbers (ru: 2,5 and 1 000)', () => {
    const { report } = buildAnalysisReport(read, {
      locale: 'ru',
      asOf,
      retention: { lost: { windowMultiplier: 2.5, minimumWindowDays: 1000 } },
    });
    const note = report.sheets
      .flatMap((sheet) => sheet.tables)
      .find((table) => table.id === 'retention-lost-totals')?.note;
    expect(note).toContain(
      'через 2,5 × его медианный интервал между покупками (не меньше 1\u00a0000 дн.;',
    );
  });

  it('migration months and explicit periods reach the Migration sheet; a period past the as-of day is refused', () => {
    const months = retentionOf(
      buildAnalysisReport(read, { locale: 'en', asOf, retention: { migration: { months: 3 } } })
        .json,
    );
    expect(months.migration).toMatchObject({
      previous: { from: '2023-12-01', to: '2024-02-29' },
      current: { from: '2024-03-01', to: '2024-05-31' },
    });
    const periods = {
      previous: { fromDay: day('2023-01-01'), asOf: day('2023-07-01') },
      current: { fromDay: day('2023-07-01'), asOf: day('2024-01-01') },
    };
    const explicit = retentionOf(
      buildAnalysisReport(read, { locale: 'en', asOf, retention: { migration: periods } }).json,
    );
    // Ann bought in both halves of 2023; Bob only in the first, Cat only in the second.
    expect(explicit.migration).toMatchObject({
      previous: { from: '2023-01-01', to: '2023-06-30' },
      current: { from: '2023-07-01', to: '2023-12-31' },
      clientsInBoth: 1,
      onlyPrevious: ['Bob'],
      onlyCurrent: ['Cat'],
    });
    const late = { ...periods, current: { fromDay: day('2024-01-01'), asOf: day('2024-07-01') } };
    expect(() =>
      buildAnalysisReport(read, { locale: 'ru', asOf, retention: { migration: late } }),
    ).toThrow('периоды миграции должны заканчиваться до даты анализа 2024-06-01');
    expect(() =>
      buildAnalysisReport(read, { locale: 'en', asOf, retention: { migration: late } }),
    ).toThrow('a period ends on 2024-06-30');
  });
});
