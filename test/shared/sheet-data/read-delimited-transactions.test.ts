import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { generateTransactions, transactionsCsv } from '../../../bench/generate-transactions';
import { byteDecoder } from '../../../cli/read-input-file';
import { formatIsoDay } from '../../../shared/calendar';
import { summariseCustomersDetailed, type CustomerSummary } from '../../../shared/segmentation';
import {
  plainDecimalAmount,
  plainDecimalBytes,
  readDelimitedTransactions,
  transactionsOfTable,
  type Transaction,
} from '../../../shared/sheet-data';
import {
  delimitedFileArbitrary,
  expectSameAsGridReader,
  fuzzFileArbitrary,
  longAmbiguousFileArbitrary,
  utf8,
  windows1251,
  WINDOWS_1251_SYMBOLS,
} from './delimited-files';

// readDelimitedTransactions reads a file's bytes straight into a table; its contract is the
// result of the general path readSheet(parseDelimitedText(decodeText(bytes).text).grid) on the
// same file. Each expected value here comes from that independent path (or is worked by hand).

const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

describe('readDelimitedTransactions equals the grid reader', () => {
  it('the hand-written Windows-1251 table agrees with the WHATWG windows-1251 index (TextDecoder)', () => {
    const letters = Array.from({ length: 64 }, (_, k) => String.fromCharCode(0x410 + k)).join('');
    const text = `abc;123${letters}${[...WINDOWS_1251_SYMBOLS.keys()].join('')}`;
    expect(new TextDecoder('windows-1251').decode(windows1251(text))).toBe(text);
  });

  it('property: random nasty files (delimiters, quotes, line ends, encodings, options) read as readSheet reads their text', () => {
    fc.assert(
      fc.property(delimitedFileArbitrary, (file) => {
        expectSameAsGridReader(file.bytes, file.options);
      }),
      { numRuns: 200 },
    );
  });

  it('property: long files whose date order and decimal separator hang on values anywhere in the column read as readSheet reads them', () => {
    fc.assert(
      fc.property(longAmbiguousFileArbitrary, (file) => {
        expectSameAsGridReader(file.bytes, file.options);
      }),
      { numRuns: 100 },
    );
  });

  it('property: structural fuzz (random runs of delimiters, quotes, line breaks, names, dates under a header) reads as readSheet reads it', () => {
    fc.assert(
      fc.property(fuzzFileArbitrary, (file) => {
        expectSameAsGridReader(file.bytes, file.options);
      }),
      { numRuns: 300 },
    );
  });

  it('the bundled sample/salon-clients.csv (locale ru) reads as readSheet reads its text', () => {
    const bytes = readFileSync(path.join(__dirname, '../../../sample/salon-clients.csv'));
    const general = expectSameAsGridReader(new Uint8Array(bytes), { locale: 'ru' });
    // The sample's README plants five rejected rows among about 5,300 visits.
    expect(general?.rejectedRows).toHaveLength(5);
    expect(general?.transactions.length).toBeGreaterThan(5000);
  });

  it('a 20,000-row file from bench/generate-transactions (seed 7) reads as readSheet reads its text', () => {
    const bytes = utf8(transactionsCsv(generateTransactions(20_000, 3_000, 7)));
    const general = expectSameAsGridReader(bytes, {});
    expect(general?.transactions).toHaveLength(20_000);
  });

  it('6,000 rows with 2,500 distinct clients and dates, every 7th row quoted (comma decimals in a comma file), read as readSheet reads their text', () => {
    const lines = ['Клиент,Дата,Сумма,Менеджер'];
    for (let k = 0; k < 6000; k += 1) {
      const client = `Клиент ${(k * 7919) % 2500}`;
      const day = 19000 + ((k * 31) % 700);
      const amount = `${(k * 37) % 5000},${String(k % 100).padStart(2, '0')}`;
      const fields = [
        k % 5 === 0 ? client.toUpperCase() : client,
        formatIsoDay(day),
        `"${amount}"`,
      ];
      fields.push(k % 3 === 0 ? '' : `M${k % 4}`);
      if (k % 7 === 0) fields[0] = `"${fields[0] as string}"`;
      lines.push(fields.join(','));
    }
    const general = expectSameAsGridReader(utf8(lines.join('\r\n')), { locale: 'ru' });
    // Hand count: every row has a client, an ISO date and an amount such as `1234,56`.
    expect(general?.transactions).toHaveLength(6000);
    expect(general?.rejectedRows).toEqual([]);
  });

  it('64 long rows (a 900-byte note) then 30,000 short ones, some quoted (more records than the first rows suggest), read as readSheet reads their text', () => {
    const note = 'x'.repeat(900);
    const lines = ['Client;Date;Amount;Note'];
    for (let k = 0; k < 64; k += 1) lines.push(`C${k % 9};2024-01-${10 + (k % 20)};${k}.5;${note}`);
    for (let k = 0; k < 30_000; k += 1) {
      const client = k % 11 === 0 ? `"c${k % 13}"` : `C${k % 13}`;
      lines.push(`${client};1${k % 10}.0${1 + (k % 9)}.2024;${k % 17 === 0 ? '"7,5"' : k % 100}`);
    }
    const general = expectSameAsGridReader(utf8(lines.join('\n')), {});
    // Hand count: every row is valid (days 10..19, months 01..09), so all 30,064 are kept.
    expect(general?.transactions).toHaveLength(30_064);
  });

  it('a header below 64 records of title and blank lines (byte reader falls back to the whole text) reads as readSheet reads it', () => {
    const titles = Array.from({ length: 70 }, (_, k) => (k % 3 === 0 ? 'Report line;;' : ';;'));
    const text = [...titles, 'Client;Date;Amount', 'Ann;12.03.2024;5', 'Bob;13.03.2024;1 234,56']
      .join('\r\n')
      .concat('\r\n');
    // Title rows padded with `;` as spreadsheets export them (so `;` is the delimiter found). The
    // header search looks at 50 rows, so the header row is given; without it both throw.
    expect(expectSameAsGridReader(utf8(text), { locale: 'ru' })).toBeUndefined();
    const general = expectSameAsGridReader(utf8(text), { locale: 'ru', headerRow: 71 });
    // Hand count: 70 title lines, so the header is sheet row 71 and the rows 72 and 73.
    expect(general?.headerRow).toBe(71);
    expect(general?.transactions.map((t) => [t.row, t.amount])).toEqual([
      [72, 5],
      [73, 1234.56],
    ]);
  });

  it('a client list (last purchase / purchases / total revenue per client) gives an empty table and readSheet’s clients', () => {
    const text =
      'Клиент;Дата последней покупки;Количество покупок;Сумма покупок\n' +
      'Анна;12.03.2024;3;1 500,00\nБорис;01.02.2024;1;700\n';
    const bytes = windows1251(text);
    const general = expectSameAsGridReader(bytes, { locale: 'ru' });
    expect(general?.shape).toBe('clients');
    expect(general?.clients).toHaveLength(2);
    const read = readDelimitedTransactions(bytes, {
      locale: 'ru',
      decode: byteDecoder(bytes).decode,
    });
    expect(read.table.length).toBe(0);
    expect(read.clients).toStrictEqual(general?.clients);
  });

  it('an empty file throws readSheet’s AnalyticsError code and message', () => {
    expect(expectSameAsGridReader(new Uint8Array(0), {})).toBeUndefined();
    expect(() => readDelimitedTransactions(new Uint8Array(0), { decode })).toThrow(
      expect.objectContaining({ code: 'empty_input' }),
    );
  });

  it('a header-only file throws readSheet’s AnalyticsError code and message', () => {
    const bytes = utf8('Client,Date,Amount\r\n');
    expect(expectSameAsGridReader(bytes, { locale: 'ru' })).toBeUndefined();
    expect(() => readDelimitedTransactions(bytes, { decode })).toThrow(
      expect.objectContaining({ code: 'empty_input' }),
    );
  });

  it('doc example: Client,Date,Amount / Ann,2024-03-12,5 gives client ann (Ann), day 19794 (worked: 54 years of 365 days + 13 leap days + 71 days of 2024), amount 5, sheet row 2', () => {
    expect(54 * 365 + 13 + 31 + 29 + 11).toBe(19794);
    const read = readDelimitedTransactions(utf8('Client,Date,Amount\nAnn,2024-03-12,5\n'), {
      decode,
    });
    expect(read.table.length).toBe(1);
    expect(read.table.clientKeys).toEqual(['ann']);
    expect(read.table.clientNames).toEqual(['Ann']);
    expect(Array.from(read.table.day)).toEqual([19794]);
    expect(Array.from(read.table.amount)).toEqual([5]);
    expect(Array.from(read.table.sheetRow)).toEqual([2]);
    expect(transactionsOfTable(read.table)).toEqual([
      { row: 2, clientKey: 'ann', clientName: 'Ann', day: 19794, amount: 5 },
    ]);
  });
});

describe('plainDecimalBytes equals plainDecimalAmount', () => {
  const alphabet = [...'0123456789', '-', '.', ',', ' ', 'a', 'e', 'E', 'x', 'р', 'Б', '\u00a0'];
  const mixed = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 24 });
  // Mostly digits, so plain numbers of every length (past the 15 exact digits) come up often.
  const numeric = fc.string({
    unit: fc.constantFrom(...'0123456789', '0123456789', '-', '.'),
    maxLength: 24,
  });
  const texts = fc.oneof(mixed, numeric);

  it('property: on the UTF-8 bytes of arbitrary text, Object.is-equal to the text reader', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const bytes = utf8(text);
        expect(Object.is(plainDecimalBytes(bytes, 0, bytes.length), plainDecimalAmount(text))).toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('property: on a run inside other bytes, Object.is-equal to the text reader of the run', () => {
    fc.assert(
      fc.property(
        texts,
        fc.uint8Array({ maxLength: 6 }),
        fc.uint8Array({ maxLength: 6 }),
        (text, before, after) => {
          const run = utf8(text);
          const bytes = new Uint8Array(before.length + run.length + after.length);
          bytes.set(before, 0);
          bytes.set(run, before.length);
          bytes.set(after, before.length + run.length);
          const value = plainDecimalBytes(bytes, before.length, before.length + run.length);
          expect(Object.is(value, plainDecimalAmount(text))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a run right before a `-` or a digit stops at its end (worked by hand)', () => {
    expect(plainDecimalBytes(utf8('12-5'), 0, 2)).toBe(12);
    expect(plainDecimalBytes(utf8('-5'), 0, 0)).toBeUndefined();
    expect(plainDecimalBytes(utf8('7.59'), 0, 3)).toBe(7.5);
    expect(plainDecimalBytes(utf8('7.9'), 0, 2)).toBeUndefined();
  });
});

// ---- The per-client summary against a reference written from docs/user-guide.md ----

interface ReferenceSummary {
  clientKey: string;
  clientName: string;
  firstPurchaseDay: number | null;
  lastPurchaseDay: number | null;
  daysSinceLastPurchase: number | null;
  purchaseCount: number;
  refundCount: number;
  revenueCents: number;
  profitCents?: number;
  manager?: string;
  channel?: string;
  asOfDay: number;
}

/**
 * The rules of docs/user-guide.md section 3 ("Per-client numbers"), section 16 ("Managers and
 * channels") and the CustomerSummary field notes, one client at a time with a Map: as-of day by
 * default the day after the latest purchase (the latest row when all are refunds); rows on or
 * after it left out; purchases = rows with amount ≥ 0, distinct order ids when present; refunds
 * lower revenue; the shown name is the lowest sheet row's; manager and channel of the earliest
 * row (by day, then sheet row) that names one. Money in whole cents, summed exactly.
 */
function referenceSummary(
  rows: readonly Transaction[],
  asOf: number | undefined,
): { customers: ReferenceSummary[]; asOfDay: number; transactionsAfterAsOf: number } {
  const purchases = rows.filter((t) => t.amount >= 0);
  const latest = (list: readonly Transaction[]) => Math.max(...list.map((t) => t.day));
  const asOfDay = asOf ?? (purchases.length > 0 ? latest(purchases) : latest(rows)) + 1;
  const byClient = new Map<string, Transaction[]>();
  let after = 0;
  for (const t of rows) {
    if (t.day >= asOfDay) {
      after += 1;
      continue;
    }
    byClient.set(t.clientKey, [...(byClient.get(t.clientKey) ?? []), t]);
  }
  const earliestNaming = (list: Transaction[], field: 'manager' | 'channel') =>
    list
      .filter((t) => t[field] !== undefined && t[field] !== '')
      .sort((a, b) => a.day - b.day || a.row - b.row)[0]?.[field];
  const customers = [...byClient.keys()].sort().map((key) => {
    const list = byClient.get(key) as Transaction[];
    const bought = list.filter((t) => t.amount >= 0);
    const orders = new Set(bought.map((t) => t.orderId).filter((o) => o !== undefined && o !== ''));
    const withoutOrder = bought.filter((t) => t.orderId === undefined || t.orderId === '').length;
    const first = bought.length > 0 ? Math.min(...bought.map((t) => t.day)) : null;
    const last = bought.length > 0 ? Math.max(...bought.map((t) => t.day)) : null;
    const lowest = [...list].sort((a, b) => a.row - b.row)[0] as Transaction;
    const summary: ReferenceSummary = {
      clientKey: key,
      clientName: lowest.clientName,
      firstPurchaseDay: first,
      lastPurchaseDay: last,
      daysSinceLastPurchase: last === null ? null : asOfDay - last,
      purchaseCount: orders.size + withoutOrder,
      refundCount: list.length - bought.length,
      revenueCents: list.reduce((sum, t) => sum + Math.round(t.amount * 100), 0),
      asOfDay,
    };
    const profits = list.filter((t) => t.profit !== undefined);
    if (profits.length > 0) {
      summary.profitCents = profits.reduce((sum, t) => sum + Math.round((t.profit ?? 0) * 100), 0);
    }
    const manager = earliestNaming(list, 'manager');
    if (manager !== undefined) summary.manager = manager;
    const channel = earliestNaming(list, 'channel');
    if (channel !== undefined) summary.channel = channel;
    return summary;
  });
  return { customers, asOfDay, transactionsAfterAsOf: after };
}

function inCents(s: CustomerSummary): ReferenceSummary {
  const { totalRevenue, totalProfit, ...rest } = s;
  const summary: ReferenceSummary = { ...rest, revenueCents: Math.round(totalRevenue * 100) };
  if (totalProfit !== undefined) summary.profitCents = Math.round(totalProfit * 100);
  return summary;
}

const summaryRows = fc
  .array(
    fc.record({
      client: fc.constantFrom('ann', 'bob', 'cat', 'борис', 'eve'),
      spelling: fc.constantFrom('', 'upper', 'spaced'),
      day: fc.integer({ min: 19000, max: 19100 }),
      cents: fc.integer({ min: -5000, max: 500000 }),
      order: fc.option(fc.constantFrom('o1', 'o2', 'o3', ''), { nil: undefined }),
      profitCents: fc.option(fc.integer({ min: -1000, max: 100000 }), { nil: undefined }),
      manager: fc.option(fc.constantFrom('Olga', 'Ivan', ''), { nil: undefined }),
      channel: fc.option(fc.constantFrom('web', 'Сайт', ''), { nil: undefined }),
      rowKey: fc.nat(),
    }),
    { minLength: 1, maxLength: 50 },
  )
  .map((drawn) => {
    // Distinct sheet rows in an order unrelated to the list order.
    const rowOf = drawn
      .map((r, i) => ({ key: r.rowKey, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i);
    const sheetRow = new Array<number>(drawn.length);
    rowOf.forEach(({ i }, rank) => {
      sheetRow[i] = rank + 2;
    });
    return drawn.map((r, i): Transaction => {
      const name =
        r.spelling === 'upper'
          ? r.client.toUpperCase()
          : r.spelling === 'spaced'
            ? ` ${r.client}`
            : r.client;
      const t: { -readonly [K in keyof Transaction]: Transaction[K] } = {
        row: sheetRow[i] as number,
        clientKey: r.client,
        clientName: name,
        day: r.day,
        amount: r.cents / 100,
      };
      if (r.order !== undefined) t.orderId = r.order;
      if (r.profitCents !== undefined) t.profit = r.profitCents / 100;
      if (r.manager !== undefined) t.manager = r.manager;
      if (r.channel !== undefined) t.channel = r.channel;
      return t;
    });
  });

describe('summariseCustomersDetailed against a reference written from the rules in docs/user-guide.md', () => {
  it('property: every field equals the Map-based reference, with the default and a given as-of day', () => {
    fc.assert(
      fc.property(
        summaryRows,
        fc.option(fc.integer({ min: 19000, max: 19101 }), { nil: undefined }),
        (rows, asOf) => {
          const options = asOf === undefined ? {} : { asOf };
          const actual = summariseCustomersDetailed(rows, options);
          const expected = referenceSummary(rows, asOf);
          expect(actual.asOfDay).toBe(expected.asOfDay);
          expect(actual.transactionsAfterAsOf).toBe(expected.transactionsAfterAsOf);
          expect(actual.customers.map(inCents)).toStrictEqual(expected.customers);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('user guide section 3 example: Anna 1 day / 2 purchases / 300, Boris 6 / 1 / 100, Clara 21 / 1 / 30, as of 12 March', () => {
    // 1 March 2024 is day 19783 (the doc example's 12 March is 19794, minus 11).
    const march = (d: number) => 19782 + d;
    const rows: Transaction[] = [
      { row: 2, clientKey: 'anna', clientName: 'Anna', day: march(1), amount: 100 },
      { row: 3, clientKey: 'anna', clientName: 'Anna', day: march(11), amount: 200 },
      { row: 4, clientKey: 'boris', clientName: 'Boris', day: march(6), amount: 100 },
      { row: 5, clientKey: 'clara', clientName: 'Clara', day: march(-9), amount: 50 },
      { row: 6, clientKey: 'clara', clientName: 'Clara', day: march(-4), amount: -20 },
    ];
    const result = summariseCustomersDetailed(rows);
    expect(result.asOfDay).toBe(march(12));
    expect(
      result.customers.map((c) => [
        c.clientKey,
        c.daysSinceLastPurchase,
        c.purchaseCount,
        c.totalRevenue,
      ]),
    ).toEqual([
      ['anna', 1, 2, 300],
      ['boris', 6, 1, 100],
      ['clara', 21, 1, 30],
    ]);
    expect(referenceSummary(rows, undefined).customers.map((c) => c.revenueCents)).toEqual([
      30000, 10000, 3000,
    ]);
  });
});
