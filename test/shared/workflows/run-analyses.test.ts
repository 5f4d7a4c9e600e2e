import fc from 'fast-check';
import { mustForceText } from '../../../shared/host';
import type { Report } from '../../../shared/report/types';
import type { Cell, Transaction } from '../../../shared/sheet-data/types';
import {
  chooseOwnedSheetName,
  sanitiseSheetName,
} from '../../../shared/workflows/owned-sheet-name';
import { progressUpdate } from '../../../shared/workflows/progress';
import { detectColumns, detectedRegionSource } from '../../../shared/workflows/detect-columns';
import { runAnalyses } from '../../../shared/workflows/run-analyses';
import { runAnalysesNow } from '../../../shared/workflows/run-analyses-now';
import type { WorkflowCore, WorkflowRead } from '../../../shared/workflows/workflow-core';
import { inThreadEngine } from '../../../shared/workflows/workflow-engine';
import { FakeWorkbook } from './fake-workbook';

// A stub core isolates the workflow's own logic (what is read, where results go) from the
// analytics, which have their own tests; the end-to-end run with the real core is in
// run-analyses-real-core.test.ts.
const userCells: Cell[][] = [
  ['Client', 'Date', 'Amount'],
  ['Anna', '2024-01-10', 100],
  ['Boris', '2024-01-11', 'abc'],
  ['anna', '2024-02-10', 50],
];

function tx(row: number, clientKey: string, amount: number): Transaction {
  return { row, clientKey, clientName: clientKey, day: 19732, amount };
}

const stubRead: WorkflowRead = {
  shape: 'transactions',
  headerRow: 1,
  mapping: { client: 0, date: 1, amount: 2 },
  headers: ['Client', 'Date', 'Amount'],
  notes: ['transactions'],
  transactions: [tx(2, 'anna', 100), tx(4, 'anna', 50)],
  clients: [],
  rejectedRows: [{ row: 3, code: 'amount', reason: 'Amount "abc" is not a number' }],
  dateOrders: [],
  dataRowCount: 3,
};

function stubReport(sheetNames: readonly string[]): Report {
  return {
    locale: 'en',
    title: 'Report',
    sheets: sheetNames.map((name) => ({
      name,
      tables: [
        {
          id: name,
          title: name,
          columns: [{ key: 'id', label: 'Client', kind: 'text' }],
          rows: [['Anna']],
        },
      ],
    })),
  };
}

function stubCore(sheetNames: readonly string[] = ['Segments', 'Clients']): WorkflowCore {
  return {
    readSheet: () => stubRead,
    buildReport: () => ({
      report: stubReport(sheetNames),
      json: { clients: [{ id: 'Anna' }] },
      clients: [
        {
          clientKey: 'anna',
          rfmCell: '555',
          segment: 'champions',
          segmentLabel: 'Champions',
          abc: 'A',
          xyz: 'X',
        },
      ],
    }),
  };
}

describe('runAnalyses (fake workbook, stub core)', () => {
  test('sheets mode writes each report sheet as an owned sheet and leaves the user sheet unchanged', async () => {
    const book = new FakeWorkbook();
    book.addUserSheet('Data', userCells);
    const fractions: number[] = [];
    const result = await runAnalyses(
      book,
      { analyses: ['rfm'], mode: 'sheets', locale: 'en' },
      (p) => fractions.push(p.fraction),
      inThreadEngine(stubCore()),
    );
    expect(result.sheets.map((s) => s.name)).toEqual(['Segments', 'Clients']);
    expect(book.sheet('Data').cells).toEqual(userCells);
    expect(book.sheets.map((s) => [s.name, s.owned])).toEqual([
      ['Data', false],
      ['Segments', true],
      ['Clients', true],
    ]);
    expect(result.rejectedRowCount).toBe(1);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(book.yields).toBeGreaterThanOrEqual(4);
  });

  test('a user sheet named like a report sheet is kept and the report gets "Segments (2)"', async () => {
    const book = new FakeWorkbook();
    book.addUserSheet('Data', userCells);
    book.addUserSheet('Segments', [['my notes']]);
    const result = await runAnalyses(
      book,
      { analyses: ['rfm'], mode: 'sheets', locale: 'en' },
      undefined,
      inThreadEngine(stubCore()),
    );
    expect(result.sheets.map((s) => s.name)).toEqual(['Segments (2)', 'Clients']);
    expect(book.sheet('Segments').cells).toEqual([['my notes']]);
  });

  test('re-running replaces owned sheets and deletes owned sheets the new report no longer has', async () => {
    const book = new FakeWorkbook();
    book.addUserSheet('Data', userCells);
    await runAnalyses(
      book,
      { analyses: ['rfm'], mode: 'sheets', locale: 'en' },
      undefined,
      inThreadEngine(stubCore(['Segments', 'Old'])),
    );
    const second = await runAnalyses(
      book,
      { analyses: ['rfm'], mode: 'sheets', locale: 'en' },
      undefined,
      inThreadEngine(stubCore(['Segments'])),
    );
    expect(second.sheets).toEqual([
      { name: 'Segments', replaced: true, tableAddresses: ['A2:A3'] },
    ]);
    expect(second.deletedSheets).toEqual(['Old']);
    expect(book.sheets.map((s) => s.name)).toEqual(['Data', 'Segments']);
  });

  test('annotate mode writes into the empty columns right of the table, per row, with the rejected reason', async () => {
    const book = new FakeWorkbook();
    book.addUserSheet('Data', userCells);
    const result = await runAnalyses(
      book,
      { analyses: ['rfm'], mode: 'annotate', locale: 'en' },
      undefined,
      inThreadEngine(stubCore()),
    );
    // 3 user columns (A:C); segment, RFM and row-check columns go to D:F, rows 1..4.
    expect(result.annotation).toEqual({
      sheetName: 'Data',
      address: 'D1:F4',
      insertedColumns: false,
    });
    const cells = book.sheet('Data').cells;
    expect(cells.map((r) => r.slice(0, 3))).toEqual(userCells);
    expect(cells.map((r) => r.slice(3))).toEqual([
      ['clientbase: RFM segment', 'clientbase: RFM', 'clientbase: row left out'],
      ['Champions', '555', null],
      [null, null, 'Amount "abc" is not a number'],
      ['Champions', '555', null],
    ]);
  });

  test('annotate mode inserts columns when a cell beside the table holds user data', async () => {
    const book = new FakeWorkbook();
    const withNote = userCells.map((r) => [...r]);
    withNote[2] = [...(withNote[2] ?? []), null, null, 'keep me'];
    book.addUserSheet('Data', withNote);
    const result = await runAnalyses(
      book,
      { analyses: ['rfm'], mode: 'annotate', locale: 'ru' },
      undefined,
      inThreadEngine(stubCore()),
    );
    expect(result.annotation?.insertedColumns).toBe(true);
    // The current region is A1:C4; D:F are not all empty (F3), so three columns are inserted at D.
    expect(book.sheet('Data').cells[2]?.[8]).toBe('keep me');
    expect(book.sheet('Data').cells[0]?.[3]).toBe('clientbase: RFM-сегмент');
    expect(book.sheet('Data').cells.map((r) => r.slice(0, 3))).toEqual(userCells);
  });

  test('no analysis chosen throws a localised invalid_argument error', async () => {
    const book = new FakeWorkbook();
    book.addUserSheet('Data', userCells);
    await expect(
      runAnalyses(
        book,
        { analyses: [], mode: 'sheets', locale: 'ru' },
        undefined,
        inThreadEngine(stubCore()),
      ),
    ).rejects.toMatchObject({ code: 'invalid_argument', message: 'Выберите хотя бы один анализ.' });
  });

  test('a run on the detected region reads the data again after the first run brought its summary sheet to the front', async () => {
    const book = new FakeWorkbook();
    book.addUserSheet('Data', userCells);
    const grids: unknown[] = [];
    const core = stubCore();
    const recording: WorkflowCore = {
      ...core,
      readSheet: (grid, options) => {
        grids.push(grid);
        return core.readSheet(grid, options);
      },
    };
    const detection = await detectColumns(book, { locale: 'en' }, inThreadEngine(recording));
    const source = detectedRegionSource(detection);
    expect(source).toEqual({ kind: 'range', sheetName: 'Data', address: 'A1:C4' });
    const options = {
      source,
      analyses: ['rfm'] as const,
      mode: 'sheets' as const,
      locale: 'en' as const,
    };
    await runAnalyses(book, options, undefined, inThreadEngine(recording));
    expect(book.activeSheet).toBe('Segments');
    await runAnalyses(book, options, undefined, inThreadEngine(recording));
    expect(grids).toEqual([userCells, userCells, userCells]);
  });

  test('a detected region whose sheet was removed, or whose cells were emptied, asks to detect again (both hosts)', async () => {
    const book = new FakeWorkbook();
    book.addUserSheet('Data', userCells);
    book.addUserSheet('Other', [['x']]);
    const detection = await detectColumns(book, { locale: 'en' }, inThreadEngine(stubCore()));
    const options = {
      source: detectedRegionSource(detection),
      analyses: ['rfm'] as const,
      mode: 'sheets' as const,
    };
    book.sheet('Data').cells = [];
    await expect(
      runAnalyses(book, { ...options, locale: 'en' }, undefined, inThreadEngine(stubCore())),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'The data detected at Data!A1:C4 is no longer there. Detect the columns again.',
    });
    book.sheets.splice(0, 1);
    expect(() => runAnalysesNow(book, { ...options, locale: 'ru' }, {}, stubCore())).toThrow(
      'Данных, найденных в Data!A1:C4, больше нет. Определите столбцы заново.',
    );
  });

  test('detectColumns reports the reader mapping, shape and rejected-row count', async () => {
    const book = new FakeWorkbook();
    book.addUserSheet('Data', userCells);
    const d = await detectColumns(book, { locale: 'en' }, inThreadEngine(stubCore()));
    expect(d).toMatchObject({
      region: { sheetName: 'Data', address: 'A1:C4', rowCount: 4, columnCount: 3 },
      mapping: { client: 0, date: 1, amount: 2 },
      shape: 'transactions',
      rejectedRowCount: 1,
    });
  });
});

describe('mustForceText', () => {
  test.each([
    ['=HYPERLINK("http://x","y")', true],
    ['+7 917 000-00-00', true],
    ['-', true],
    ['@home', true],
    ['00123', true],
    ['12/03', true],
    ['50%', true],
    ["'quoted", true],
    ['Anna', false],
    ['ООО «Ромашка» 2', false],
    ['', false],
  ])(
    '%s -> %s (Excel typed-input rules: =,+,-,@ start a formula; digits may become numbers)',
    (text, expected) => {
      expect(mustForceText(text)).toBe(expected);
    },
  );

  test('property: any text starting with = is forced to text', () => {
    fc.assert(fc.property(fc.string(), (s) => mustForceText(`=${s}`)));
  });
});

describe('owned sheet names', () => {
  test('an owned sheet of the same name is re-used; a user sheet is not (worked by hand)', () => {
    const sheets = [
      { name: 'Segments', owned: false },
      { name: 'Segments (2)', owned: false },
      { name: 'Clients', owned: true },
    ];
    expect(chooseOwnedSheetName('segments', sheets)).toBe('segments (3)');
    expect(chooseOwnedSheetName('Clients', sheets)).toBe('Clients');
    expect(chooseOwnedSheetName('Clients', sheets, ['clients'])).toBe('Clients (2)');
  });

  test('never keeps an apostrophe or space at either end, nor half an emoji (by hand)', () => {
    expect(sanitiseSheetName(" ' ")).toBe('Report');
    expect(sanitiseSheetName("  'Sales' ")).toBe('Sales');
    expect(sanitiseSheetName(`${'a'.repeat(29)} '😀`)).toBe('a'.repeat(29));
    const emoji = `${'a'.repeat(30)}😀`;
    expect(sanitiseSheetName(emoji)).toBe('a'.repeat(30));
    const taken = [{ name: 'a'.repeat(30), owned: false }];
    expect(chooseOwnedSheetName(`${'a'.repeat(26)}😀`, taken, ['a'.repeat(26) + '😀'])).toBe(
      `${'a'.repeat(26)} (2)`,
    );
  });

  test('property: the chosen name is at most 31 characters, free, and never a user sheet', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40, unit: 'binary' })),
        fc.array(
          fc.record({ name: fc.string({ minLength: 1, maxLength: 31 }), owned: fc.boolean() }),
        ),
        (desired, sheets) => {
          const name = chooseOwnedSheetName(desired, sheets);
          expect(name.length).toBeLessThanOrEqual(31);
          expect(name).toBe(sanitiseSheetName(name));
          expect(name).not.toMatch(/^['\s]|['\s]$/);
          expect(name).not.toMatch(
            /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
          );
          const clash = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
          expect(clash === undefined || clash.owned).toBe(true);
        },
      ),
    );
  });

  test('progress: writing 1 of 2 is 0.8 overall (phase span 0.6..1, worked by hand)', () => {
    expect(progressUpdate('writing', 1, 2).fraction).toBeCloseTo(0.8, 12);
  });
});
