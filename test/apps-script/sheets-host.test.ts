import { makeDayOfDate } from '../../apps-script/sheets-codec';
import { OWNED_SHEET_KEY, SheetsHost } from '../../apps-script/server/sheets-host';
import { runAnalysesStepNow } from '../../apps-script/server/run-step';
import type { ReportSheet } from '../../shared/report/types';
import { inThreadEngine, runAnalyses } from '../../shared/workflows';
import type { WorkflowCore, WorkflowRead } from '../../shared/workflows';
import {
  FakeSpreadsheet,
  type FakeSheet,
  formatIsoInZone,
  makeAppsScriptGlobals,
  midnightInZone,
} from './helpers/fake-apps-script';

const ZONE = 'Europe/Moscow';
const IMPORTXML = '=IMPORTXML("http://example.com","//a")';

function setup(): { book: FakeSpreadsheet; host: SheetsHost } {
  const book = new FakeSpreadsheet('Clients', ZONE, 'en_US');
  const { globals } = makeAppsScriptGlobals(book);
  // The host uses SpreadsheetApp's builders and enums; the bundle test runs it in a vm instead.
  (globalThis as Record<string, unknown>).SpreadsheetApp = globals.SpreadsheetApp;
  const host = new SheetsHost(book as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, {
    locale: 'en',
    dayOfDate: makeDayOfDate((d) => formatIsoInZone(d, ZONE)),
  });
  book.active.put(1, 1, [
    ['Client', 'Date', 'Amount'],
    ['Anna', midnightInZone(2024, 3, 12, ZONE), 100],
    [IMPORTXML, midnightInZone(2024, 3, 13, ZONE), 50],
    ['Boris', midnightInZone(2024, 3, 14, ZONE), 70],
  ]);
  return { book, host };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).SpreadsheetApp;
});

const report: ReportSheet = {
  name: 'Segments',
  tables: [
    {
      id: 'clients',
      title: 'Clients',
      note: 'One row per client.',
      columns: [
        { key: 'id', label: 'Client', kind: 'text' },
        { key: 'revenue', label: 'Revenue', kind: 'money' },
        { key: 'last', label: 'Last purchase', kind: 'day' },
      ],
      rows: [
        [IMPORTXML, 50, 19795],
        ['00123', 100, 19794],
      ],
      rowFills: ['#63BE7B', null],
      chart: { kind: 'bar', title: 'Revenue', categoryColumn: 'id', valueColumns: ['revenue'] },
    },
  ],
};

describe('SheetsHost over fake SpreadsheetApp', () => {
  it('reads the current region with dates as calendar days in the sheet zone (2024-03-12 = 19794)', () => {
    const { host } = setup();
    const region = host.readRegionNow({ kind: 'current-region' });
    expect(region.address).toBe('A1:C4');
    expect(region.grid[1]).toEqual(['Anna', { kind: 'date', day: 19794 }, 100]);
    expect(region.grid[2]?.[0]).toBe('#FORMULA');
  });

  it('writes an owned sheet with text as text, day serials (19795 + 25569 = 45364), fills and a native chart', () => {
    const { book, host } = setup();
    const written = host.writeOwnedSheetNow(report, { locale: 'en' });
    expect(written).toEqual({ name: 'Segments', replaced: false, tableAddresses: ['A3:C5'] });
    const sheet = book.getSheetByName('Segments')!;
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toContain(OWNED_SHEET_KEY);
    expect(sheet.read(4, 1, 2, 3)).toEqual([
      [IMPORTXML, 50, 45364],
      ['00123', 100, 45363],
    ]);
    expect(sheet.cell(4, 1).formula).toBeNull();
    expect(sheet.cell(4, 1).format).toBe('@');
    expect(sheet.cell(4, 3).format).toBe('yyyy-mm-dd');
    expect(sheet.cell(4, 2).background).toBe('#63BE7B');
    expect(sheet.cell(5, 2).background).toBeNull();
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: 'bar', ranges: ['A3:A5', 'B3:B5'] });
  });

  it('re-writing replaces the owned sheet (one chart, new values) and refuses a user sheet of that name', () => {
    const { book, host } = setup();
    host.writeOwnedSheetNow(report, { locale: 'en' });
    const again = host.writeOwnedSheetNow(
      { ...report, tables: [{ ...report.tables[0]!, rows: [['Vera', 1, 19800]] }] },
      { locale: 'en' },
    );
    expect(again.replaced).toBe(true);
    const sheet = book.getSheetByName('Segments')!;
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.read(4, 1, 2, 1)).toEqual([['Vera'], ['']]);
    expect(() => host.writeOwnedSheetNow({ ...report, name: 'Clients' }, { locale: 'en' })).toThrow(
      'The sheet "Clients" was not created by this add-in and is left unchanged.',
    );
    expect(() => host.deleteOwnedSheetNow('Clients')).toThrow(/not created by this add-in/);
    expect(book.getSheetByName('Clients')!.read(1, 1, 1, 3)).toEqual([
      ['Client', 'Date', 'Amount'],
    ]);
  });

  it('annotates into the empty columns right of the table, then inserts columns when they are taken', () => {
    const { book, host } = setup();
    const region = host.readRegionNow({ kind: 'current-region' });
    const request = {
      region,
      headerRowNumber: 1,
      locale: 'en' as const,
      columns: [
        {
          key: 'segment',
          header: 'clientbase: RFM segment',
          kind: 'text' as const,
          values: ['=1+1', 'lost', '007'],
        },
      ],
    };
    const first = host.annotateNow(request);
    expect(first).toEqual({ sheetName: 'Clients', address: 'D1:D4', insertedColumns: false });
    const sheet = book.active;
    expect(sheet.read(1, 4, 4, 1)).toEqual([
      ['clientbase: RFM segment'],
      ['=1+1'],
      ['lost'],
      ['007'],
    ]);
    expect(sheet.cell(2, 4).formula).toBeNull();
    // Reading again leaves the add-on's own column out, and annotating again re-uses it.
    const reread = host.readRegionNow({ kind: 'current-region' });
    expect(reread.address).toBe('A1:C4');
    expect(host.annotateNow({ ...request, region: reread }).insertedColumns).toBe(false);
    // A user value in the way: columns are inserted, the user value moves right untouched.
    sheet.put(3, 4, [['user note']]);
    sheet.put(1, 4, [['Notes']]);
    const third = host.annotateNow({ ...request, region: reread });
    expect(third.insertedColumns).toBe(true);
    expect(sheet.read(1, 5, 3, 1)).toEqual([['Notes'], ['=1+1'], ['user note']]);
    expect(sheet.read(1, 1, 4, 3)[3]).toEqual(['Boris', expect.any(Date), 70]);
  });

  it('a run with more analyses re-uses its own columns and inserts only the new ones before a user column; fewer analyses clear the rest', () => {
    const { book, host } = setup();
    const sheet = book.active;
    const region = host.readRegionNow({ kind: 'current-region' });
    const column = (key: string, header: string) => ({
      key,
      header,
      kind: 'text' as const,
      values: [`${key} 1`, `${key} 2`, `${key} 3`],
    });
    const segment = column('segment', 'clientbase: RFM segment');
    const abc = column('abc', 'clientbase: ABC');
    const request = { region, headerRowNumber: 1, locale: 'en' as const, columns: [segment] };
    expect(host.annotateNow(request).address).toBe('D1:D4');
    // The user types a note right of the add-on's column.
    sheet.put(1, 5, [['Notes'], ['call back']]);
    const reread = host.readRegionNow({ kind: 'current-region' });
    expect(reread.address).toBe('A1:C4');
    const more = host.annotateNow({ ...request, region: reread, columns: [segment, abc] });
    expect(more).toEqual({ sheetName: 'Clients', address: 'D1:E4', insertedColumns: true });
    expect(sheet.read(1, 4, 2, 3)).toEqual([
      ['clientbase: RFM segment', 'clientbase: ABC', 'Notes'],
      ['segment 1', 'abc 1', 'call back'],
    ]);
    // One set of columns, not a second copy of the segment column.
    expect(
      sheet
        .read(1, 1, 1, 8)
        .flat()
        .filter((h) => h === 'clientbase: RFM segment'),
    ).toHaveLength(1);
    const fewer = host.annotateNow({ ...request, region: reread, columns: [segment] });
    expect(fewer.insertedColumns).toBe(false);
    expect(sheet.read(1, 4, 2, 3)).toEqual([
      ['clientbase: RFM segment', '', 'Notes'],
      ['segment 1', '', 'call back'],
    ]);
  });

  it('runs the shared async workflow (runAnalyses) against the host: owned sheets written, user cells untouched', async () => {
    const { book, host } = setup();
    const before = JSON.stringify(book.active.read(1, 1, 4, 3));
    const core: WorkflowCore = {
      readSheet: (grid) =>
        ({
          shape: 'transactions',
          headerRow: 1,
          mapping: { client: 0, date: 1, amount: 2 },
          headers: (grid[0] ?? []).map(String),
          dateOrders: [],
          notes: [],
          transactions: [],
          clients: [],
          rejectedRows: [],
          dataRowCount: grid.length - 1,
        }) satisfies WorkflowRead,
      buildReport: () => ({
        report: { locale: 'en', title: 'r', sheets: [report] },
        json: {},
        clients: [],
      }),
    };
    const result = await runAnalyses(
      host,
      { analyses: ['rfm'], mode: 'sheets', locale: 'en' },
      undefined,
      inThreadEngine(core),
    );
    expect(result.sheets.map((s) => s.name)).toEqual(['Segments']);
    expect(JSON.stringify(book.getSheetByName('Clients')!.read(1, 1, 4, 3))).toBe(before);
    expect(book.getSheetByName('Segments')).not.toBeNull();
  });

  it('a run in steps writes one sheet per call when the budget is spent, then deletes stale owned sheets', () => {
    const { book, host } = setup();
    host.writeOwnedSheetNow({ ...report, name: 'Old result' }, { locale: 'en' });
    const sheets: ReportSheet[] = ['One', 'Two', 'Three'].map((name) => ({ ...report, name }));
    const core: WorkflowCore = {
      readSheet: () => ({
        shape: 'transactions',
        headerRow: 1,
        mapping: {},
        headers: [],
        dateOrders: [],
        notes: [],
        transactions: [],
        clients: [],
        rejectedRows: [],
        dataRowCount: 3,
      }),
      buildReport: () => ({ report: { locale: 'en', title: 'r', sheets }, json: {}, clients: [] }),
    };
    let clock = 0;
    const now = (): number => (clock += 10);
    const request = { analyses: ['rfm' as const], mode: 'sheets' as const, stepBudgetMs: 0 };
    const steps = [];
    let cursor = null;
    for (let i = 0; i < 10; i += 1) {
      const step = runAnalysesStepNow(host, request, cursor, 'en', now, core);
      steps.push(step);
      if (step.done) break;
      cursor = step.cursor;
    }
    expect(steps.map((s) => s.done)).toEqual([false, false, true]);
    const pinned = { kind: 'range', sheetName: 'Clients', address: 'A1:C4' };
    expect(steps.map((s) => s.cursor)).toEqual([
      { sheetIndex: 1, source: pinned },
      { sheetIndex: 2, source: pinned },
      null,
    ]);
    expect(steps[2]!.writtenSheets).toEqual(['One', 'Two', 'Three']);
    expect(steps[2]!.deletedSheets).toEqual(['Old result']);
    expect(book.getSheets().map((s) => s.getName())).toEqual(['Clients', 'One', 'Two', 'Three']);
  });

  it('one workflow: the sidebar run in one-sheet steps (real core) leaves the same spreadsheet as the async runAnalyses', async () => {
    /** Every sheet: name, owned marker, values, number formats, fills and chart count. */
    const dump = (book: FakeSpreadsheet): unknown[] =>
      book.getSheets().map((sheet: FakeSheet) => {
        const rows = sheet.getLastRow();
        const columns = sheet.getLastColumn();
        const cells = Array.from({ length: rows }, (_, r) =>
          Array.from({ length: columns }, (_, c) => {
            const cell = sheet.cell(r + 1, c + 1);
            return [
              cell.value instanceof Date ? cell.value.getTime() : cell.value,
              cell.format,
              cell.background,
            ];
          }),
        );
        return [sheet.getName(), host.isOwned(sheet as never), cells, sheet.charts.length];
      });
    const { book: viaAsync, host } = setup();
    host.writeOwnedSheetNow({ ...report, name: 'Old result' }, { locale: 'en' });
    const asyncResult = await runAnalyses(host, {
      analyses: ['rfm', 'abcXyz'],
      mode: 'sheets',
      locale: 'en',
    });
    const { book: viaSteps, host: stepHost } = setup();
    stepHost.writeOwnedSheetNow({ ...report, name: 'Old result' }, { locale: 'en' });
    const request = {
      analyses: ['rfm' as const, 'abcXyz' as const],
      mode: 'sheets' as const,
      stepBudgetMs: 0,
    };
    let cursor = null;
    let last = null;
    let calls = 0;
    for (; calls < 20; calls += 1) {
      last = runAnalysesStepNow(stepHost, request, cursor, 'en', () => 0);
      if (last.done) break;
      cursor = last.cursor;
    }
    expect(asyncResult.sheets.length).toBeGreaterThan(1);
    expect(calls + 1).toBe(asyncResult.sheets.length);
    expect(last?.writtenSheets).toEqual(asyncResult.sheets.map((s) => s.name));
    expect(last?.deletedSheets).toEqual(asyncResult.deletedSheets);
    expect(last?.deletedSheets).toEqual(['Old result']);
    expect(last?.clientCount).toBe(asyncResult.clientCount);
    expect(dump(viaSteps)).toEqual(dump(viaAsync));
    expect(viaSteps.getActiveSheet().getName()).toBe(viaAsync.getActiveSheet().getName());
  });
});
