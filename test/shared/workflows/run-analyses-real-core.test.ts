import { dayFromYmd } from '../../../shared/calendar';
import { AnalyticsError } from '../../../shared/errors';
import type { Cell } from '../../../shared/sheet-data/types';
import { detectAvailableAnalyses } from '../../../shared/workflows/available-analyses';
import { detectColumns } from '../../../shared/workflows/detect-columns';
import { runAnalyses } from '../../../shared/workflows/run-analyses';
import { runAnalysesNow } from '../../../shared/workflows/run-analyses-now';
import { thrownError } from '../../thrown-error';
import { FakeWorkbook } from './fake-workbook';

// Three clients, worked by hand with issue 2's rank rule score = 1 + floor(5 W / n), n = 3:
// as of 2024-03-11 (the day after the last purchase) the days since the last purchase are
// hyperlink 1, phone 39, Boris 101; purchases 3, 2, 1; revenue 300, 100, 30. The best client on
// each measure has W = 2 -> 1 + floor(10/3) = 4, the middle W = 1 -> 2, the worst W = 0 -> 1.
// Cells 444 (loyal), 222 (hibernating), 111 (lost) per the segment map.
const hyperlink = '=HYPERLINK("http://x","y")';
const phone = '+7 917 000-00-00';
const userCells: Cell[][] = [
  ['Client', 'Date', 'Amount'],
  [hyperlink, '2024-01-10', 100],
  [phone, '2024-01-05', 50],
  ['Boris', '2023-12-01', 30],
  [hyperlink, '2024-02-10', 100],
  [phone, '2024-02-01', 50],
  [hyperlink, '2024-03-10', 100],
];

function book(): FakeWorkbook {
  const b = new FakeWorkbook();
  b.addUserSheet('Data', userCells);
  return b;
}

describe('runAnalyses with the real core (fake workbook)', () => {
  test('RFM cells 444 / 222 / 111 (worked by hand above) reach the owned client sheet as text', async () => {
    const b = book();
    const result = await runAnalyses(b, { analyses: ['rfm'], mode: 'sheets', locale: 'en' });
    expect(b.sheet('Data').cells).toEqual(userCells);
    const json = result.json as { clients: { id: string; rfmCell: string; segment: string }[] };
    const byId = Object.fromEntries(json.clients.map((c) => [c.id, [c.rfmCell, c.segment]]));
    expect(byId).toEqual({
      [hyperlink]: ['444', 'loyal'],
      [phone]: ['222', 'hibernating'],
      Boris: ['111', 'lost'],
    });
    const clientSheet = b.sheets.find((s) => s.report?.tables.some((t) => t.id === 'clients'));
    const clientTable = clientSheet?.report?.tables.find((t) => t.id === 'clients');
    expect(clientTable?.rows.map((r) => r[0])).toEqual(
      expect.arrayContaining([hyperlink, phone, 'Boris']),
    );
    expect(b.sheets.filter((s) => s.owned).length).toBe(result.sheets.length);
    // ABC/XYZ not chosen: no ABC-XYZ tables.
    expect(b.sheets.some((s) => s.report?.tables.some((t) => t.id.startsWith('abcXyz')))).toBe(
      false,
    );
  });

  test("annotate mode puts each row's own segment beside it (rows 2..7) and leaves A:C unchanged", async () => {
    const b = book();
    const result = await runAnalyses(b, { analyses: ['rfm'], mode: 'annotate', locale: 'en' });
    expect(result.annotation).toEqual({
      sheetName: 'Data',
      address: 'D1:E7',
      insertedColumns: false,
    });
    const cells = b.sheet('Data').cells;
    expect(cells.map((r) => r.slice(0, 3))).toEqual(userCells);
    expect(cells.map((r) => r[4])).toEqual([
      'clientbase: RFM',
      '444',
      '222',
      '111',
      '444',
      '222',
      '444',
    ]);
    expect(cells[1]?.[3]).toBe('Loyal');
  });

  // Seven clients whose amounts are all text: every row rejected, so no report can be built.
  const allRejected: Cell[][] = [
    ['Client', 'Date', 'Amount'],
    ...Array.from({ length: 7 }, (_, k): Cell[] => [`c${k}`, '2024-01-01', 'abc']),
  ];
  const reasonOf = (row: number): string =>
    `Row ${row}: Cannot read "abc" in column C (Amount) as a number.`;
  const noPurchase = 'No row of the sheet could be read as a purchase; see the rejected rows.';

  test('when every row is rejected, sheets mode writes all of them to the owned Rejected rows sheet and the error names it', async () => {
    const b = new FakeWorkbook();
    b.addUserSheet('Data', allRejected);
    const run = runAnalyses(b, { analyses: ['rfm'], mode: 'sheets', locale: 'en' });
    await expect(run).rejects.toMatchObject({
      code: 'empty_input',
      message: `${noPurchase} Each rejected row and its reason are listed on the sheet "Rejected rows".`,
    });
    expect(b.sheet('Data').cells).toEqual(allRejected);
    const owned = b.sheets.filter((s) => s.owned);
    expect(owned.map((s) => s.name)).toEqual(['Rejected rows']);
    const table = owned[0]?.report?.tables[0];
    expect(table?.id).toBe('rejectedRows');
    expect(table?.rows).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((row) => [row, reasonOf(row).replace(`Row ${row}: `, '')]),
    );
    expect(b.activeSheet).toBe('Rejected rows');
  });

  test('when every row is rejected, a user sheet named Отклонённые строки is left alone: the rows go to Отклонённые строки (2), which the error names', async () => {
    const b = new FakeWorkbook();
    b.addUserSheet('Data', allRejected);
    b.addUserSheet('Отклонённые строки', [['мои заметки']]);
    b.sheets.push({ name: 'Сводка', owned: true, cells: [['прошлый запуск']] });
    const run = runAnalyses(b, { analyses: ['rfm'], mode: 'sheets', locale: 'ru' });
    await expect(run).rejects.toMatchObject({
      code: 'empty_input',
      message: expect.stringMatching(
        /Все отклонённые строки и причины перечислены на листе «Отклонённые строки \(2\)»\.$/,
      ),
    });
    expect(b.sheet('Отклонённые строки').cells).toEqual([['мои заметки']]);
    expect(b.sheet('Отклонённые строки (2)').report?.tables[0]?.rows).toHaveLength(7);
    // A failed run deletes nothing: the owned sheets of the last good run stay.
    expect(b.sheet('Сводка').cells).toEqual([['прошлый запуск']]);
    expect(b.writes).toEqual(['write Отклонённые строки (2)', 'activate Отклонённые строки (2)']);
  });

  test('when every row is rejected, runAnalysesNow (the sidebar) writes the same sheet and throws the same error', async () => {
    const viaAsync = new FakeWorkbook();
    viaAsync.addUserSheet('Data', allRejected);
    const viaSync = new FakeWorkbook();
    viaSync.addUserSheet('Data', allRejected);
    const options = { analyses: ['rfm'], mode: 'sheets', locale: 'en' } as const;
    const asyncError = await runAnalyses(viaAsync, options).catch((error: unknown) => error);
    const syncError = thrownError(() => runAnalysesNow(viaSync, options), AnalyticsError);
    expect(syncError).toBeInstanceOf(AnalyticsError);
    expect(syncError?.message).toBe((asyncError as Error).message);
    expect(viaSync.sheets).toEqual(viaAsync.sheets);
    expect(viaSync.writes).toEqual(['write Rejected rows', 'activate Rejected rows']);
  });

  test('when every row is rejected, annotate mode writes nothing and its message lists the first 5 rows and how many more', async () => {
    const b = new FakeWorkbook();
    b.addUserSheet('Data', allRejected);
    const run = runAnalyses(b, { analyses: ['rfm'], mode: 'annotate', locale: 'en' });
    await expect(run).rejects.toMatchObject({
      code: 'empty_input',
      message: [noPurchase, ...[2, 3, 4, 5, 6].map(reasonOf), 'And 2 more rejected rows.'].join(
        ' ',
      ),
    });
    expect(b.sheets.filter((s) => s.owned)).toEqual([]);
    expect(b.sheet('Data').cells).toEqual(allRejected);
    expect(b.writes).toEqual([]);
  });

  test('detectColumns finds client, date and amount in columns A..C of a transaction list', async () => {
    const d = await detectColumns(book(), { locale: 'ru' });
    expect(d.mapping).toMatchObject({ client: 0, date: 1, amount: 2 });
    expect(d.shape).toBe('transactions');
    expect(d.headerRow).toBe(1);
    expect(d.dataRowCount).toBe(6);
  });

  test('an amount header the reader does not know leaves the mapping partial; the user mapping then runs', async () => {
    const b = new FakeWorkbook();
    const cells = userCells.map((row, i) => (i === 0 ? ['Клиент', 'Дата', 'Оплачено'] : row));
    b.addUserSheet('Data', cells);
    const d = await detectColumns(b, { locale: 'ru' });
    expect(d.complete).toBe(false);
    expect(d.problem).toEqual(expect.any(String));
    expect(d.mapping).toEqual({ client: 0, date: 1 });
    expect(d.headers).toEqual(['Клиент', 'Дата', 'Оплачено']);
    const result = await runAnalyses(b, {
      analyses: ['rfm'],
      mode: 'sheets',
      locale: 'ru',
      mapping: { ...d.mapping, amount: 2 },
      headerRow: d.headerRow,
    });
    expect(result.clientCount).toBe(3);
    expect(b.sheet('Data').cells).toEqual(cells);
  });

  test('a client list as of 2024-03-01 reports the rows the report rejected too (3 after that day, 1 first after last)', async () => {
    const b = new FakeWorkbook();
    b.addUserSheet('Data', [
      ['Client', 'First purchase', 'Last purchase', 'Purchases', 'Total revenue'],
      ['Ann', '2023-01-10', '2024-01-01', 3, 3000],
      ['Bob', '2024-06-15', '2024-06-15', 1, 500],
      ['Cat', '2022-03-01', '2024-02-01', 11, 9000],
      ['Dan', '2024-02-01', '2024-01-01', 2, 100],
      ['Eve', '2024-03-01', '2024-03-01', 5, 100],
      ['Fay', '', '2024-03-01', 2, 100],
    ]);
    const result = await runAnalyses(b, {
      analyses: ['rfm'],
      mode: 'sheets',
      locale: 'en',
      asOf: dayFromYmd(2024, 3, 1),
    });
    expect(result.clientCount).toBe(2);
    expect(result.rejectedRowCount).toBe(4);
    expect(result.notes).toContain('Rows read: 2 of 6.');
    expect(result.notes).toContain('Rows rejected: 4 (listed with their reasons).');
  });

  test('the core of this version offers RFM and ABC/XYZ', () => {
    const available = detectAvailableAnalyses();
    expect(available.has('rfm')).toBe(true);
    expect(available.has('abcXyz')).toBe(true);
  });
});
