// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose own
// dependencies are ES modules this Node's Jest cannot require; give it just those names.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));

import { ExcelHost, OWNED_PROPERTY_KEY, rowsPerChunk } from '../../addin/excel-host';
import { AnalyticsError } from '../../shared/errors';
import type { ReportSheet } from '../../shared/report/types';
import { mockExcelRun, newSheet, sheetGrid, type XlBook, type XlSheet } from './excel-mock';

const hyperlink = '=HYPERLINK("http://x","y")';
// 45301 is 2024-01-10 in the 1900 system (=DATE(2024,1,10)); shown as 2024-01-10.
const userRows: unknown[][] = [
  ['Client', 'Date', 'Amount', '', '', 'note far away'],
  [hyperlink, 45301, 100],
  ['+7 917 000-00-00', 45296, 50],
  ['Boris', 45261, 30],
];

function book(extra: XlSheet[] = []): XlBook {
  const data = newSheet('Data', userRows);
  data.texts.set('1,1', '2024-01-10');
  return {
    sheets: [data, ...extra],
    active: 'Data',
    activeCell: [0, 0],
    requests: 0,
    largestWrite: 0,
  };
}

function host(b: XlBook, maxRequestBytes?: number): ExcelHost {
  return new ExcelHost({
    run: mockExcelRun(b),
    locale: 'en',
    ...(maxRequestBytes ? { maxRequestBytes } : {}),
  });
}

const report: ReportSheet = {
  name: 'Segments',
  tables: [
    {
      id: 'segments',
      title: 'RFM segments',
      note: 'One row per segment.',
      columns: [
        { key: 'name', label: 'Segment', kind: 'text' },
        { key: 'clients', label: 'Clients', kind: 'integer' },
        { key: 'share', label: 'Share', kind: 'percent' },
        { key: 'since', label: 'Since', kind: 'day' },
      ],
      rows: [
        [hyperlink, 2, 0.5, 19732],
        ['00123', 1, 0.25, 0],
      ],
      rowFills: ['#63BE7B', '#FFEB84'],
      colorScale: { columns: ['share'], minColor: '#FFFFFF', maxColor: '#63BE7B' },
      chart: {
        kind: 'column',
        title: 'Clients per segment',
        categoryColumn: 'name',
        valueColumns: ['clients'],
      },
    },
  ],
};

describe('ExcelHost against office-addin-mock', () => {
  test('the mock stores "=..." written to a General cell as a formula (so the text tests below can fail)', async () => {
    const b = book();
    await mockExcelRun(b)(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('H1').values = [['=1+1']];
      await context.sync();
    });
    expect(b.sheets[0]?.cells.get('0,7')).toEqual({ formula: '=1+1' });
  });

  test('reads the current region around the active cell (A1:C4, the far note left out), 1900 from shown text', async () => {
    const region = await host(book()).readRegion({ kind: 'current-region' });
    expect(region).toMatchObject({
      sheetName: 'Data',
      address: 'A1:C4',
      firstRowNumber: 1,
      firstColumnNumber: 1,
      rowCount: 4,
      columnCount: 3,
      dateSystem: '1900',
    });
    expect(region.grid).toEqual(userRows.map((r) => r.slice(0, 3)));
  });

  test('the 1904 system is detected when 45301 is shown as 2028-01-11 (45301 + 1462 = 46763 in 1900 terms)', async () => {
    const b = book();
    b.sheets[0]?.texts.set('1,1', '2028-01-11');
    expect((await host(b).readRegion({ kind: 'current-region' })).dateSystem).toBe('1904');
  });

  test('a whole-column reference A:C is trimmed to the used rows, not 1,048,576', async () => {
    const region = await host(book()).readRegion({ kind: 'range', address: 'A:C' });
    expect(region.rowCount).toBe(4);
    expect(region.address).toBe('A1:C4');
  });

  test('reads in chunks under the request budget and gets the same grid', async () => {
    const rows: unknown[][] = [['Client', 'Date', 'Amount']];
    for (let i = 0; i < 300; i++) rows.push([`client ${i}`, 45000 + i, i]);
    const b: XlBook = {
      sheets: [newSheet('Big', rows)],
      active: 'Big',
      activeCell: [0, 0],
      requests: 0,
      largestWrite: 0,
    };
    const region = await host(b, 2000).readRegion({ kind: 'used-range' });
    expect(region.grid).toEqual(rows);
    // 50 sample rows, then chunks of rowsPerChunk(...) rows: more than three requests in all.
    expect(b.requests).toBeGreaterThan(3);
  });

  test('an empty sheet is an empty_input error', async () => {
    const b: XlBook = {
      sheets: [newSheet('Empty')],
      active: 'Empty',
      activeCell: [0, 0],
      requests: 0,
      largestWrite: 0,
    };
    await expect(host(b).readRegion({ kind: 'used-range' })).rejects.toMatchObject({
      code: 'empty_input',
    });
  });

  test('writes an owned sheet: marker, title, text kept as text, day as serial, table, fills, colour scale, chart', async () => {
    const b = book();
    const written = await host(b).writeOwnedSheet(report, { locale: 'en' });
    expect(written).toEqual({ name: 'Segments', replaced: false, tableAddresses: ['A3:D5'] });
    const sheet = b.sheets.find((s) => s.name === 'Segments') as XlSheet;
    expect(sheet.props.get(OWNED_PROPERTY_KEY)).toBeDefined();
    expect(sheetGrid(sheet)).toEqual([
      ['RFM segments', '', '', ''],
      ['One row per segment.', '', '', ''],
      ['Segment', 'Clients', 'Share', 'Since'],
      // 19732 is 2024-01-10 (days since 1970) -> serial 45301; day 0 -> 25569.
      [hyperlink, 2, 0.5, 45301],
      ['00123', 1, 0.25, 25569],
    ]);
    expect(sheet.formats.get('3,0')).toBe('@');
    expect(sheet.formats.get('3,2')).toBe('0.0%');
    expect(sheet.formats.get('3,3')).toBe('yyyy-mm-dd');
    expect(sheet.tables).toEqual([
      {
        name: expect.stringMatching(/^cb_Segments_[0-9a-f]+_0$/),
        address: 'A3:D5',
        style: 'TableStyleLight9',
      },
    ]);
    expect(sheet.fills.get('3,0')).toBe('#63BE7B');
    expect(sheet.fills.get('4,3')).toBe('#FFEB84');
    expect(sheet.colorScales).toEqual([
      {
        address: 'C4:C5',
        criteria: {
          minimum: { type: 'LowestValue', color: '#FFFFFF' },
          maximum: { type: 'HighestValue', color: '#63BE7B' },
        },
      },
    ]);
    expect(sheet.charts).toEqual([
      {
        type: 'ColumnClustered',
        title: 'Clients per segment',
        series: ['Clients'],
        position: 'F3:M20',
      },
    ]);
  });

  test('re-writing replaces the owned sheet; a user sheet of that name is refused and left unchanged', async () => {
    const b = book();
    const h = host(b);
    await h.writeOwnedSheet(report, { locale: 'en' });
    const again = await h.writeOwnedSheet(
      { ...report, tables: [{ ...report.tables[0]!, rows: [] }] },
      { locale: 'en' },
    );
    expect(again.replaced).toBe(true);
    expect(b.sheets.filter((s) => s.name === 'Segments')).toHaveLength(1);
    expect(sheetGrid(b.sheets.find((s) => s.name === 'Segments') as XlSheet)).toHaveLength(3);

    const user = newSheet('Mine', [['keep']]);
    const b2 = book([user]);
    await expect(
      host(b2).writeOwnedSheet({ ...report, name: 'Mine' }, { locale: 'ru' }),
    ).rejects.toThrow(/Лист «Mine» создан не этой надстройкой/);
    expect(sheetGrid(user)).toEqual([['keep']]);
    await expect(host(b2).deleteOwnedSheet('Mine')).rejects.toBeInstanceOf(AnalyticsError);
    expect(await host(b2).listSheets()).toEqual([
      { name: 'Data', owned: false },
      { name: 'Mine', owned: false },
    ]);
  });

  test('large writes go in chunks: every request stays under the budget', async () => {
    const b = book();
    const rows = Array.from({ length: 3000 }, (_, i) => [`client name number ${i}`, i, 0.5, 19732]);
    const budget = 64 * 1024;
    await host(b, budget).writeOwnedSheet(
      { ...report, tables: [{ ...report.tables[0]!, rows, rowFills: undefined as never }] },
      { locale: 'en' },
    );
    expect(b.requests).toBeGreaterThan(5);
    expect(b.largestWrite).toBeLessThanOrEqual(budget);
  });

  test('annotate writes into empty columns D:E beside A1:C4 and keeps the far note in F1', async () => {
    const b = book();
    const h = host(b);
    const region = await h.readRegion({ kind: 'current-region' });
    const columns = [
      {
        key: 'segment',
        header: 'clientbase: RFM segment',
        kind: 'text' as const,
        values: ['Loyal', 'Hibernating', 'Lost'],
      },
      {
        key: 'rfmCell',
        header: 'clientbase: RFM',
        kind: 'text' as const,
        values: ['444', '222', '111'],
      },
    ];
    const result = await h.annotate({ region, headerRowNumber: 1, columns, locale: 'en' });
    expect(result).toEqual({ sheetName: 'Data', address: 'D1:E4', insertedColumns: false });
    const grid = sheetGrid(b.sheets[0] as XlSheet);
    expect(grid.map((r) => r.slice(0, 3))).toEqual(userRows.map((r) => r.slice(0, 3)));
    expect(grid.map((r) => r.slice(3, 6))).toEqual([
      ['clientbase: RFM segment', 'clientbase: RFM', 'note far away'],
      ['Loyal', '444', ''],
      ['Hibernating', '222', ''],
      ['Lost', '111', ''],
    ]);
    // Running again re-uses its own columns instead of inserting new ones.
    const again = await h.annotate({ region, headerRowNumber: 1, columns, locale: 'en' });
    expect(again.insertedColumns).toBe(false);
  });

  test('a table annotated before: reading leaves the own columns out, annotating again re-uses them (ABC/XYZ go after them, the note moves right), fewer columns clear the rest', async () => {
    const b = book();
    const h = host(b);
    const text = (key: string, header: string, values: string[]) => ({
      key,
      header,
      kind: 'text' as const,
      values,
    });
    const rfm = [
      text('segment', 'clientbase: RFM segment', ['Loyal', 'Hibernating', 'Lost']),
      text('rfmCell', 'clientbase: RFM', ['444', '222', '111']),
    ];
    const abcXyz = [
      text('abc', 'clientbase: ABC', ['A', 'B', 'C']),
      text('xyz', 'clientbase: XYZ', ['X', 'Y', 'Z']),
    ];
    const first = await h.readRegion({ kind: 'current-region' });
    await h.annotate({ region: first, headerRowNumber: 1, columns: rfm, locale: 'en' });
    // D:E now touch the table and the note in F1, so Excel's current region is A1:F4.
    const again = await h.readRegion({ kind: 'current-region' });
    expect(again).toMatchObject({ address: 'A1:C4', columnCount: 3 });
    expect(again.grid).toEqual(userRows.map((r) => r.slice(0, 3)));

    const more = await h.annotate({
      region: again,
      headerRowNumber: 1,
      columns: [...rfm, ...abcXyz],
      locale: 'en',
    });
    expect(more).toEqual({ sheetName: 'Data', address: 'D1:G4', insertedColumns: true });
    expect(sheetGrid(b.sheets[0] as XlSheet).map((r) => r.slice(3))).toEqual([
      [
        'clientbase: RFM segment',
        'clientbase: RFM',
        'clientbase: ABC',
        'clientbase: XYZ',
        'note far away',
      ],
      ['Loyal', '444', 'A', 'X', ''],
      ['Hibernating', '222', 'B', 'Y', ''],
      ['Lost', '111', 'C', 'Z', ''],
    ]);

    const fewer = await h.annotate({
      region: await h.readRegion({ kind: 'current-region' }),
      headerRowNumber: 1,
      columns: rfm,
      locale: 'en',
    });
    expect(fewer).toEqual({ sheetName: 'Data', address: 'D1:E4', insertedColumns: false });
    expect(sheetGrid(b.sheets[0] as XlSheet).map((r) => r.slice(3))).toEqual([
      ['clientbase: RFM segment', 'clientbase: RFM', '', '', 'note far away'],
      ['Loyal', '444', '', '', ''],
      ['Hibernating', '222', '', '', ''],
      ['Lost', '111', '', '', ''],
    ]);
  });

  test('annotate inserts columns when a user cell sits in the way, moving it right, never overwriting it', async () => {
    const b = book();
    b.sheets[0]?.cells.set('2,4', 'user value in E3');
    const h = host(b);
    const region = await h.readRegion({ kind: 'range', address: 'A1:C4' });
    const result = await h.annotate({
      region,
      headerRowNumber: 1,
      columns: [
        {
          key: 'segment',
          header: 'clientbase: RFM segment',
          kind: 'text',
          values: ['a', 'b', 'c'],
        },
      ],
      locale: 'en',
    });
    expect(result.insertedColumns).toBe(false);
    const r2 = await h.annotate({
      region,
      headerRowNumber: 1,
      columns: [
        { key: 'abc', header: 'clientbase: ABC', kind: 'text', values: ['A', 'B', 'C'] },
        { key: 'xyz', header: 'clientbase: XYZ', kind: 'text', values: ['X', 'Y', 'Z'] },
      ],
      locale: 'en',
    });
    expect(r2.insertedColumns).toBe(true);
    const grid = sheetGrid(b.sheets[0] as XlSheet);
    expect(grid[2]).toContain('user value in E3');
    expect(grid.map((r) => r.slice(0, 3))).toEqual(userRows.map((r) => r.slice(0, 3)));
  });
});

describe('chunk sizing', () => {
  test('a 500,000-character row (about 1 MB estimated) under a 4 MB budget goes two rows per request (4,194,304 / (1,000,012 x 1.5) = 2.8)', () => {
    // A 500,000-character string is estimated at 2 bytes per character + 4 = 1,000,004 bytes, the
    // row at 1,000,012; with the 1.5 safety factor 4,194,304 / 1,500,018 = 2.79 -> 2 rows.
    const row = ['x'.repeat(500_000)];
    expect(rowsPerChunk([row], 4 * 1024 * 1024)).toBe(2);
    expect(rowsPerChunk([], 100)).toBe(4);
  });
});
