import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { safeSheetName, writeReportXlsx } from '../../../cli/xlsx/write-report-xlsx';
import type { Report } from '../../../shared/report/types';

const REPORT: Report = {
  locale: 'en',
  title: 'Test',
  sheets: [
    {
      name: 'Segments',
      tables: [
        {
          id: 'segments',
          title: 'RFM segments',
          note: 'a note',
          columns: [
            { key: 'name', label: 'Segment', kind: 'text' },
            { key: 'clients', label: 'Clients', kind: 'integer' },
            { key: 'share', label: 'Share', kind: 'percent' },
            { key: 'revenue', label: 'Revenue', kind: 'money' },
            { key: 'last', label: 'Last', kind: 'day' },
          ],
          rows: [
            ['Champions', 2, 0.4, 1234.5, 20088],
            ['=HYPERLINK("x")', 3, 0.6, null, null],
          ],
          rowFills: ['#63BE7B', null],
          chart: {
            kind: 'column',
            title: 'Clients',
            categoryColumn: 'name',
            valueColumns: ['clients'],
          },
        },
      ],
    },
    { name: 'Bad/name: *?', tables: [] },
  ],
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('safeSheetName', () => {
  it('replaces the characters Excel forbids in sheet names ([]:*?/\\) and keeps 31 characters', () => {
    expect(safeSheetName('Q1/Q2: sales', new Set())).toBe('Q1-Q2- sales');
    expect(safeSheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(safeSheetName("'quoted'", new Set())).toBe('quoted');
  });

  it('makes a name unique ignoring case, as Excel compares sheet names', () => {
    expect(safeSheetName('Data', new Set(['data']))).toBe('Data (2)');
    expect(safeSheetName('Data', new Set(['Data', 'Data (2)']))).toBe('Data (3)');
  });
});

describe('writeReportXlsx', () => {
  const original = {
    name: 'Segments',
    rows: [
      [{ value: 'Клиент' }, { value: 'Дата' }, { value: 'Сумма' }],
      [
        { value: 'Иванов' },
        { value: new Date(Date.UTC(2024, 11, 31)), numFmt: 'dd.mm.yyyy' },
        { value: '1 234,56 ₽' },
      ],
      [{ value: null }, { value: { error: '#N/A' } }, { value: 12.5 }],
    ],
  };

  it('keeps the original data untouched on the first sheet and renames a clashing report sheet', async () => {
    const workbook = await load(await writeReportXlsx(REPORT, { original }));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Segments',
      'Segments (2)',
      'Bad-name- --',
    ]);
    const data = workbook.worksheets[0];
    expect(data?.getCell('A2').value).toBe('Иванов');
    expect((data?.getCell('B2').value as Date).toISOString()).toBe('2024-12-31T00:00:00.000Z');
    expect(data?.getCell('B2').numFmt).toBe('dd.mm.yyyy');
    expect(data?.getCell('C2').value).toBe('1 234,56 ₽');
    expect(data?.getCell('B3').value).toEqual({ error: '#N/A' });
    expect(data?.getCell('C3').value).toBe(12.5);
    expect(data?.getCell('A3').value).toBeNull();
  });

  it('copies a formula of the original data as a formula with its saved result', async () => {
    const withFormulas = {
      name: 'Data',
      rows: [
        [{ value: 'Amount' }],
        [{ value: { formula: '100*2', result: 200 } }],
        [{ value: { formula: 'A2/0', result: { error: '#DIV/0!' } } }],
        [{ value: { formula: 'NOW()', result: null } }],
      ],
    };
    const data = (await load(await writeReportXlsx(REPORT, { original: withFormulas })))
      .worksheets[0];
    expect(data?.getCell('A2').value).toEqual({ formula: '100*2', result: 200 });
    expect(data?.getCell('A3').value).toEqual({ formula: 'A2/0', result: { error: '#DIV/0!' } });
    expect(data?.getCell('A4').formula).toBe('NOW()');
  });

  it('writes title, note, header and typed cells with number formats and fills', async () => {
    const sheet = (await load(await writeReportXlsx(REPORT))).getWorksheet('Segments');
    expect(sheet?.getCell('A1').value).toBe('RFM segments');
    expect(sheet?.getCell('A2').value).toBe('a note');
    expect(sheet?.getRow(3).values).toEqual([
      undefined,
      'Segment',
      'Clients',
      'Share',
      'Revenue',
      'Last',
    ]);
    expect(sheet?.getCell('B4').numFmt).toBe('#,##0');
    expect(sheet?.getCell('C4').numFmt).toBe('0.0%');
    expect(sheet?.getCell('D4').numFmt).toBe('#,##0.00');
    expect((sheet?.getCell('E4').value as Date).toISOString().slice(0, 10)).toBe('2024-12-31');
    expect(sheet?.getCell('A4').fill).toMatchObject({ fgColor: { argb: 'FF63BE7B' } });
    // Text that looks like a formula stays text.
    expect(sheet?.getCell('A5').value).toBe('=HYPERLINK("x")');
    expect(sheet?.getCell('A5').formula).toBeUndefined();
  });

  it('adds a chart of the table beside it (chart part referencing the written ranges)', async () => {
    const zip = await JSZip.loadAsync(await writeReportXlsx(REPORT, { original }));
    const chart = (await zip.file('xl/charts/chart1.xml')?.async('string')) ?? '';
    // Title row 1, note row 2, header row 3, data rows 4..5; categories in A, counts in B.
    expect(chart).toContain('&apos;Segments (2)&apos;!$A$4:$A$5');
    expect(chart).toContain('&apos;Segments (2)&apos;!$B$4:$B$5');
    expect(zip.file('xl/drawings/drawing1.xml')).not.toBeNull();
  });

  it('shows the same day for a date from a 1904-system workbook (written in the 1900 system)', async () => {
    const bytes = await writeReportXlsx(REPORT, { original, date1904: true });
    const data = (await load(bytes)).worksheets[0];
    expect((data?.getCell('B2').value as Date).toISOString()).toBe('2024-12-31T00:00:00.000Z');
  });
});
