import fc from 'fast-check';
import { dayFromYmd } from '../../../shared/calendar';
import { AnalyticsError, rejectedRowsOfError } from '../../../shared/errors';
import { buildAnalysisReport, analysisMetrics } from '../../../shared/report/analysis-report';
import type { AnalysisSection } from '../../../shared/report/analysis-sections';
import { readSheet } from '../../../shared/sheet-data';
import type { Grid, SheetReadResult, Transaction } from '../../../shared/sheet-data/types';

// Three clients worked by hand (as of 2024-03-12, the day after the last purchase):
//   a: 2024-03-01 100, 2024-03-11 200      -> 2 purchases, revenue 300, 1 day since the last
//   b: 2024-03-06 100                      -> 1 purchase, revenue 100, 6 days
//   c: 2024-02-20 50, 2024-02-25 refund 20 -> 1 purchase, revenue 30, 21 days (9 to Feb 29 + 12)
//   row 7: 30.02.2024 does not exist      -> rejected
const GRID: Grid = [
  ['Client', 'Date', 'Amount'],
  ['a', '2024-03-01', 100],
  ['a', '2024-03-11', 200],
  ['b', '2024-03-06', 100],
  ['c', '2024-02-20', 50],
  ['c', '2024-02-25', -20],
  ['x', '30.02.2024', 10],
];

function handWorked() {
  return buildAnalysisReport(readSheet(GRID, { locale: 'en' }), { locale: 'en', sections: [] });
}

describe('buildAnalysisReport', () => {
  it('gives the RFM scores worked by hand with score = 1 + floor(5W/n) (user guide §4 rule, n = 3)', () => {
    // Recency W (clients with more days): a 2, b 1, c 0 -> 1+floor(10/3)=4, 1+floor(5/3)=2, 1.
    // Frequency W (fewer purchases): a 2, b 0, c 0 -> 4, 1, 1 (b and c tie).
    // Monetary W (less revenue): a 2, b 1, c 0 -> 4, 2, 1.
    const { json } = handWorked();
    expect(json.asOf).toBe('2024-03-12');
    expect(
      json.clients.map((c) => [c.id, c.daysSinceLastPurchase, c.purchaseCount, c.totalRevenue]),
    ).toEqual([
      ['a', 1, 2, 300],
      ['b', 6, 1, 100],
      ['c', 21, 1, 30],
    ]);
    expect(json.clients.map((c) => [c.r, c.f, c.m, c.rfmCell, c.segment])).toEqual([
      [4, 4, 4, '444', 'loyal'],
      [2, 1, 2, '212', 'hibernating'],
      [1, 1, 1, '111', 'lost'],
    ]);
  });

  it('gives ABC and XYZ classes worked by hand (user guide §6–7 rules: 80/95 % cut-offs, CV of months)', () => {
    // ABC: shares before a 0, b 300/430 = 0.698 (< 0.8: A), c 400/430 = 0.930 (< 0.95: B).
    // XYZ: a has one month (March) of 300 -> CV 0 -> X; b and c have one purchase -> Z.
    const { json } = handWorked();
    expect(json.clients.map((c) => `${c.abc}${c.xyz}`)).toEqual(['AX', 'AZ', 'BZ']);
    const cells = Object.fromEntries(json.abcXyz.map((cell) => [cell.cell, cell]));
    expect(cells['AX']?.clients).toBe(1);
    expect(cells['AX']?.revenueShare).toBeCloseTo(300 / 430, 12);
    expect(cells['BZ']?.revenueShare).toBeCloseTo(30 / 430, 12);
    expect(json.abcXyz).toHaveLength(9);
  });

  it('gives the key metrics worked by hand: average check 430 / 4 = 107.5, repeat rate 1/3', () => {
    const { json } = handWorked();
    expect(json.metrics).toMatchObject({
      clients: 3,
      revenue: 430,
      purchases: 4,
      refunds: 1,
      averageCheck: 107.5,
      repeatBuyers: 1,
      activeClients: 3,
      inactiveClients: 0,
      firstPurchase: '2024-02-20',
      lastPurchase: '2024-03-11',
    });
    expect(json.metrics.repeatRate).toBeCloseTo(1 / 3, 12);
    // LTV inputs: each client is active in one calendar month, so S = 107.5, C = 4 / 3 purchases
    // per active month, t = 3 / 3 = 1 month; no profit column, so the margin and LTV are unknown.
    expect(json.metrics.ltv).toMatchObject({
      averageCheck: 107.5,
      lifetimeMonths: 1,
      marginRatio: null,
      ltv: null,
    });
    expect(json.metrics.ltv?.purchasesPerMonth).toBeCloseTo(4 / 3, 12);
    expect(json.metrics.unhappyClients).toBeNull();
  });

  it('lists the rejected row with its sheet row number (row 7: the header is row 1)', () => {
    const { json, report } = handWorked();
    expect(json.rejectedRows.map((r) => r.row)).toEqual([7]);
    expect(json.rejectedRows[0]?.reason).toContain('30.02.2024');
    const rejectedSheet = report.sheets.find((sheet) => sheet.name === 'Rejected rows');
    expect(rejectedSheet?.tables[0]?.rows).toEqual([[7, json.rejectedRows[0]?.reason]]);
  });

  it('summarises segments with revenue share and average check (hand: loyal 300/430, check 150)', () => {
    const { json, report } = handWorked();
    const loyal = json.segments.find((s) => s.segment === 'loyal');
    expect(loyal).toMatchObject({ clients: 1, revenue: 300, averageCheck: 150 });
    expect(loyal?.revenueShare).toBeCloseTo(300 / 430, 12);
    expect(json.segments).toHaveLength(11);
    const segmentTable = report.sheets.find((s) => s.name === 'Segments')?.tables[0];
    expect(segmentTable?.chart).toMatchObject({
      categoryColumn: 'name',
      valueColumns: ['clients'],
    });
    expect(segmentTable?.rowFills).toHaveLength(11);
  });

  it('labels the report in Russian with --locale ru (sheet names from REPORT_MESSAGES)', () => {
    const { report, json } = buildAnalysisReport(readSheet(GRID, { locale: 'ru' }), {
      locale: 'ru',
      sections: [],
    });
    expect(report.sheets.map((s) => s.name)).toEqual([
      'Сводка',
      'Сегменты',
      'Клиенты',
      'ABC-XYZ',
      'Отклонённые строки',
    ]);
    expect(json.segments.find((s) => s.segment === 'lost')?.name).toBe('Потерянные');
  });

  it('leaves out rows dated on or after the as-of day and says how many (hand: 2024-03-07, 1 row; LTV with margin)', () => {
    const { json } = buildAnalysisReport(readSheet(GRID, { locale: 'en' }), {
      locale: 'en',
      asOf: dayFromYmd(2024, 3, 7),
      sections: [],
      marginRatio: 0.5,
    });
    expect(json.clients.find((c) => c.id === 'a')).toMatchObject({
      purchaseCount: 1,
      daysSinceLastPurchase: 6,
    });
    expect(
      json.notes.some((note) =>
        note.includes('on or after 2024-03-07, left out of the analysis: 1.'),
      ),
    ).toBe(true);
  });

  it('adds the sheets and JSON fields of an extra section after the core sheets', () => {
    const section: AnalysisSection = (context) => ({
      sheets: [{ name: 'Extra', tables: [] }],
      json: { extra: { clients: context.summaries.length } },
    });
    const { report, json } = buildAnalysisReport(readSheet(GRID), {
      locale: 'en',
      sections: [section],
    });
    expect(report.sheets.at(-1)?.name).toBe('Extra');
    expect(json['extra']).toEqual({ clients: 3 });
  });

  it('rejects a section whose JSON field clashes with a core field', () => {
    const section: AnalysisSection = () => ({ sheets: [], json: { clients: [] } });
    expect(() =>
      buildAnalysisReport(readSheet(GRID), { locale: 'en', sections: [section] }),
    ).toThrow(AnalyticsError);
  });

  it('throws empty_input when every client is after the as-of day', () => {
    expect(() =>
      buildAnalysisReport(readSheet(GRID), {
        locale: 'en',
        asOf: dayFromYmd(2020, 1, 1),
        sections: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'empty_input' }));
  });

  it('throws empty_input with every rejected row in details when no row is a purchase', () => {
    const read = readSheet(
      [
        ['client', 'date', 'amount'],
        ['a', '2024-01-01', 'abc'],
        ['b', '31.02.2024', 1],
      ],
      { locale: 'en' },
    );
    let thrown: unknown;
    try {
      buildAnalysisReport(read, { locale: 'en', sections: [] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'empty_input' });
    expect(rejectedRowsOfError(thrown).map((r) => r.row)).toEqual([2, 3]);
    expect(rejectedRowsOfError(thrown)).toEqual(read.rejectedRows);
  });

  it('reads a client list: RFM and ABC from its columns, XYZ not available (hand: 2 clients)', () => {
    const grid: Grid = [
      ['Client', 'Last purchase', 'Purchases', 'Total revenue'],
      ['a', '2024-03-01', 5, 500],
      ['b', '2024-01-01', 1, 100],
    ];
    const read = readSheet(grid, { locale: 'en' });
    expect(read.shape).toBe('clients');
    const { json } = buildAnalysisReport(read, { locale: 'en', sections: [] });
    // As of the day after 2024-03-01: a 1 day, b 61 days (31 in Jan + 29 in Feb + 1).
    expect(json.clients.map((c) => [c.id, c.daysSinceLastPurchase, c.abc, c.xyz])).toEqual([
      ['a', 1, 'A', null],
      ['b', 61, 'B', null],
    ]);
    expect(json.abcXyz).toEqual([]);
  });

  it('rejects client-list rows with a blank measure, a repeated client or a date after as-of', () => {
    const grid: Grid = [
      ['Client', 'Last purchase', 'Purchases', 'Total revenue'],
      ['a', '2024-01-20', 5, 500],
      ['b', '2024-01-01', null, 100],
      ['A', '2024-01-10', 2, 50],
      ['c', '2024-03-01', 1, 80],
    ];
    const { json } = buildAnalysisReport(readSheet(grid, { locale: 'en' }), {
      locale: 'en',
      asOf: dayFromYmd(2024, 2, 15),
      sections: [],
    });
    expect(json.clients.map((c) => c.id)).toEqual(['a']);
    expect(json.rejectedRows.map((r) => [r.row, r.code])).toEqual([
      [3, 'blank_value'],
      [4, 'duplicate_client'],
      [5, 'after_as_of'],
    ]);
    expect(json.rejectedRows[1]?.reason).toBe('The client is already listed in row 2.');
  });

  // The user's client list without first purchase dates (rows 6 and 7 unreadable), as of
  // 2024-07-01 with a margin of 50 %: 4 clients, 3 of them buying, 8 purchases, 14,000 revenue.
  const NO_FIRST_DATES: Grid = [
    ['Клиент', 'Дата последней покупки', 'Количество покупок', 'Сумма покупок'],
    ['Анна', '01.01.2024', '1', '1 000'],
    ['Борис', '15.06.2024', '5', '10 000'],
    ['Вера', '20.06.2024', '2', '3 000'],
    ['Глеб', '30.06.2024', '0', '0'],
    ['Дина', '31.02.2024', '2', '500'],
    ['Егор', '10.05.2024', 'abc', '500'],
  ];
  const summaryValue = (
    report: {
      sheets: readonly {
        tables: readonly { id: string; rows: readonly (readonly unknown[])[] }[];
      }[];
    },
    label: string,
  ) =>
    report.sheets
      .flatMap((sheet) => sheet.tables)
      .find((table) => table.id === 'metrics')
      ?.rows.find((row) => row[0] === label);

  it('reports lifetime, purchases per month and LTV of a client list without first purchase dates as not available, with the reason (user guide §17), not as 1 month', () => {
    const { json, report } = buildAnalysisReport(readSheet(NO_FIRST_DATES, { locale: 'en' }), {
      locale: 'en',
      asOf: dayFromYmd(2024, 7, 1),
      marginRatio: 0.5,
      sections: [],
    });
    const reason = 'Not available: needs the first purchase date of every client with a purchase';
    // S = 14,000 / 8 = 1,750 needs no dates and stays.
    expect(json.metrics.ltv).toEqual({
      averageCheck: 1750,
      purchasesPerMonth: null,
      lifetimeMonths: null,
      marginRatio: 0.5,
      ltv: null,
      notAvailable: [
        { metric: 'purchasesPerMonth', reason },
        { metric: 'lifetimeMonths', reason },
        { metric: 'ltv', reason },
      ],
    });
    expect(summaryValue(report, 'Average lifetime, months')).toEqual([
      'Average lifetime, months',
      null,
      reason,
    ]);
    expect(summaryValue(report, 'Purchases per client per month')?.[1]).toBeNull();
    expect(summaryValue(report, 'LTV (simple)')?.slice(1)).toEqual([null, reason]);
    // The first purchase of the base is unknown too; the Clients sheet leaves it blank.
    expect(json.metrics.firstPurchase).toBeNull();
    expect(json.notes).toContain(
      'Last purchases up to 2024-06-30 (first purchase dates unknown); analysis as of 2024-07-01 (given, or the day after the latest purchase).',
    );
    const clients = report.sheets.flatMap((sheet) => sheet.tables).find((t) => t.id === 'clients');
    expect(clients?.rows.map((row) => row[4])).toEqual([null, null, null, null]);
  });

  it('gives the not-available reason in Russian with locale ru', () => {
    const { json } = buildAnalysisReport(readSheet(NO_FIRST_DATES, { locale: 'ru' }), {
      locale: 'ru',
      asOf: dayFromYmd(2024, 7, 1),
      sections: [],
    });
    expect(json.metrics.ltv?.notAvailable[1]).toEqual({
      metric: 'lifetimeMonths',
      reason: 'Нет данных: нужна дата первой покупки каждого клиента с покупками',
    });
  });

  it('computes lifetime, purchases per month and LTV from a first purchase column as user guide §10 defines (hand: t = 37 / 2, C = 14 / 37, LTV 3,000 at 50 %)', () => {
    // Active months, first through last purchase month both included: a Jan 2023 – Jan 2024 = 13,
    // b Mar 2022 – Feb 2024 = 10 + 12 + 2 = 24. S = 12,000 / 14, C = 14 / 37, t = 37 / 2 = 18.5;
    // LTV = S × C × 0.5 × t = 12,000 / 2 × 0.5 = 3,000.
    const grid: Grid = [
      ['Client', 'First purchase', 'Last purchase', 'Purchases', 'Total revenue'],
      ['a', '2023-01-10', '2024-01-01', 3, 3000],
      ['b', '2022-03-01', '2024-02-01', 11, 9000],
    ];
    const { json } = buildAnalysisReport(readSheet(grid, { locale: 'en' }), {
      locale: 'en',
      asOf: dayFromYmd(2024, 3, 1),
      marginRatio: 0.5,
      sections: [],
    });
    const ltv = json.metrics.ltv;
    expect(ltv?.lifetimeMonths).toBe(18.5);
    expect(ltv?.purchasesPerMonth).toBeCloseTo(14 / 37, 12);
    expect(ltv?.averageCheck).toBeCloseTo(12000 / 14, 9);
    expect(ltv?.ltv).toBeCloseTo(3000, 9);
    expect(ltv?.notAvailable).toEqual([]);
    expect(json.metrics.firstPurchase).toBe('2022-03-01');
  });

  it('reports the lifetime as not available when one buyer of a client list has no first purchase date', () => {
    const grid: Grid = [
      ['Client', 'First purchase', 'Last purchase', 'Purchases', 'Total revenue'],
      ['a', '2023-01-10', '2024-01-01', 3, 3000],
      ['b', '', '2024-02-01', 11, 9000],
    ];
    const { json } = buildAnalysisReport(readSheet(grid, { locale: 'en' }), {
      locale: 'en',
      asOf: dayFromYmd(2024, 3, 1),
      sections: [],
    });
    expect(json.metrics.ltv?.lifetimeMonths).toBeNull();
    expect(json.metrics.ltv?.notAvailable.map((n) => n.metric)).toEqual([
      'purchasesPerMonth',
      'lifetimeMonths',
      'ltv',
    ]);
  });

  // The user's client list as of 2024-03-01: rows 3, 6 and 7 have their last purchase on or
  // after that day; row 5 (Dan) has its first purchase after its last.
  const AS_OF_LIST: Grid = [
    ['Client', 'First purchase', 'Last purchase', 'Purchases', 'Total revenue'],
    ['Ann', '2023-01-10', '2024-01-01', '3', '3000'],
    ['Bob', '2024-06-15', '2024-06-15', '1', '500'],
    ['Cat', '2022-03-01', '2024-02-01', '11', '9000'],
    ['Dan', '2024-02-01', '2024-01-01', '2', '100'],
    ['Eve', '2024-03-01', '2024-03-01', '5', '100'],
    ['Fay', '', '2024-03-01', '2', '100'],
  ];

  it('counts the client-list rows rejected for the as-of day in the notes (user’s list: 2 of 6 read, 4 rejected)', () => {
    const { json, report } = buildAnalysisReport(readSheet(AS_OF_LIST, { locale: 'en' }), {
      locale: 'en',
      asOf: dayFromYmd(2024, 3, 1),
      sections: [],
    });
    expect(json.rejectedRows.map((r) => [r.row, r.code])).toEqual([
      [3, 'after_as_of'],
      [5, 'firstPurchaseAfterLast'],
      [6, 'after_as_of'],
      [7, 'after_as_of'],
    ]);
    expect(json.notes).toContain('Rows read: 2 of 6.');
    expect(json.notes).toContain('Rows rejected: 4 (listed with their reasons).');
    expect(json.notes.filter((note) => note.startsWith('Rows '))).toHaveLength(2);
    const reading = report.sheets[0]?.tables.find((t) => t.id === 'reading');
    expect(reading?.rows.map((row) => row[0])).toEqual(json.notes);
    expect(summaryValue(report, 'Rows rejected')?.[1]).toBe(4);
  });

  it('counts client-list rows rejected for a blank measure or a repeat in the notes too, in Russian', () => {
    const grid: Grid = [
      ['Client', 'Last purchase', 'Purchases', 'Total revenue'],
      ['a', '2024-01-20', 5, 500],
      ['b', '2024-01-01', null, 100],
      ['A', '2024-01-10', 2, 50],
    ];
    const { json } = buildAnalysisReport(readSheet(grid, { locale: 'ru' }), {
      locale: 'ru',
      sections: [],
    });
    expect(json.notes).toContain('Прочитано строк: 1 из 3.');
    expect(json.notes).toContain('Отклонено строк: 2 (перечислены с причинами).');
    expect(json.notes).not.toContain('Прочитано строк: 3 из 3.');
  });

  it('names the missing columns of a client list (RFM needs all three measures)', () => {
    const grid: Grid = [
      ['Client', 'Last purchase'],
      ['a', '2024-03-01'],
    ];
    const read = readSheet(grid, { locale: 'ru' });
    expect(() => buildAnalysisReport(read, { locale: 'ru', sections: [] })).toThrow(
      'нет столбцов: Покупок, Выручка',
    );
  });

  it('rejects an inactivity window of 0 days', () => {
    expect(() =>
      buildAnalysisReport(readSheet(GRID), { locale: 'en', inactiveAfterDays: 0, sections: [] }),
    ).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});

describe('analysisMetrics', () => {
  it('counts a client past the 180-day window as inactive (hand: 181 days)', () => {
    const base = {
      clientName: 'x',
      firstPurchaseDay: 0,
      lastPurchaseDay: 0,
      refundCount: 0,
      totalRevenue: 10,
      purchaseCount: 1,
      asOfDay: 181,
    };
    const metrics = analysisMetrics(
      [
        { ...base, clientKey: 'a', daysSinceLastPurchase: 180 },
        { ...base, clientKey: 'b', daysSinceLastPurchase: 181 },
      ],
      [],
      180,
    );
    expect([metrics.activeClients, metrics.inactiveClients, metrics.inactiveShare]).toEqual([
      1, 1, 0.5,
    ]);
  });
});

const transactionArbitrary = fc.record({
  client: fc.constantFrom('Anna', 'Boris', 'Vera', 'Gleb', 'Dina', 'Egor'),
  day: fc.integer({ min: 19_000, max: 19_700 }),
  amount: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -5_000, max: -1 })),
});

function readOf(rows: readonly { client: string; day: number; amount: number }[]): SheetReadResult {
  const transactions: Transaction[] = rows.map((row, index) => ({
    row: index + 2,
    clientKey: row.client.toLowerCase(),
    clientName: row.client,
    day: row.day,
    amount: row.amount,
  }));
  return {
    shape: 'transactions',
    headerRow: 1,
    mapping: { client: 0, date: 1, amount: 2 },
    headers: ['Client', 'Date', 'Amount'],
    dateOrders: [],
    transactions,
    clients: [],
    rejectedRows: [],
    notes: [],
    dataRowCount: transactions.length,
  };
}

describe('buildAnalysisReport properties', () => {
  const nonEmpty = fc
    .array(transactionArbitrary, { minLength: 1, maxLength: 40 })
    .filter((rows) => rows.some((row) => row.amount > 0));

  it('gives the same clients when the rows are shuffled', () => {
    fc.assert(
      fc.property(nonEmpty, fc.func(fc.integer()), (rows, key) => {
        const shuffled = [...rows].sort((x, y) => key(x) - key(y));
        const a = buildAnalysisReport(readOf(rows), { locale: 'en', sections: [] }).json;
        const b = buildAnalysisReport(readOf(shuffled), { locale: 'en', sections: [] }).json;
        expect(b.clients).toEqual(a.clients);
        expect(b.segments.map((s) => s.clients)).toEqual(a.segments.map((s) => s.clients));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same results when client ids are re-cased', () => {
    fc.assert(
      fc.property(nonEmpty, (rows) => {
        const upper = rows.map((row) => ({ ...row, client: row.client.toUpperCase() }));
        const a = buildAnalysisReport(readOf(rows), { locale: 'en', sections: [] }).json;
        const b = buildAnalysisReport(readOf(upper), { locale: 'en', sections: [] }).json;
        expect(b.clients.map((c) => ({ ...c, id: c.id.toLowerCase() }))).toEqual(
          a.clients.map((c) => ({ ...c, id: c.id.toLowerCase() })),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('puts every client in exactly one segment and one ABC-XYZ cell; shares sum to 1', () => {
    fc.assert(
      fc.property(nonEmpty, (rows) => {
        const { json } = buildAnalysisReport(readOf(rows), { locale: 'en', sections: [] });
        const n = json.clients.length;
        expect(json.segments.reduce((sum, s) => sum + s.clients, 0)).toBe(n);
        expect(json.abcXyz.reduce((sum, cell) => sum + cell.clients, 0)).toBe(n);
        expect(json.segments.reduce((sum, s) => sum + s.clientShare, 0)).toBeCloseTo(1, 9);
        if (json.metrics.revenue > 0) {
          const shares = json.segments.reduce((sum, s) => sum + (s.revenueShare ?? 0), 0);
          expect(shares).toBeCloseTo(1, 9);
        }
        for (const client of json.clients) {
          for (const score of [client.r, client.f, client.m]) {
            expect(score).toBeGreaterThanOrEqual(1);
            expect(score).toBeLessThanOrEqual(5);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
