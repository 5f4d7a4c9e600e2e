import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  decodeText,
  inputFormatOf,
  readInputFile,
  readInputSheet,
} from '../../cli/read-input-file';
import { summariseCustomersDetailed } from '../../shared/segmentation';
import { readSheet, rememberedTransactionTable } from '../../shared/sheet-data';
import { SAMPLE_CSV, tempDir } from './cli-helpers';

describe('readInputFile', () => {
  it('reads the sample CSV: header first, `;` found, UTF-8', async () => {
    const input = await readInputFile(SAMPLE_CSV);
    expect(input.grid[0]).toEqual([
      'Номер заказа',
      'Дата',
      'Клиент',
      'Мастер',
      'Канал',
      'Категория',
      'Сумма, руб.',
    ]);
    expect(input.delimiter).toBe(';');
    expect(input.encoding).toBe('utf-8');
    expect(input.original.name).toBe('salon-clients');
  });

  it('keeps a formula with its saved result for the copy of the data (=100*2 is 200), shared formulas slid to their cell', async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sales');
    workbook.addWorksheet('Rates').getCell('A1').value = 2;
    sheet.addRow(['Client', 'Date', 'Amount', 'Double']);
    sheet.addRow(['Ann', '2024-03-01', { formula: '100*2', result: 200 }]);
    sheet.addRow(['Bob', '2024-03-02', { formula: 'Rates!A1*5', result: 10 }]);
    sheet.fillFormula('D2:D3', 'C2*2', [400, 20]);
    await workbook.xlsx.writeFile(path.join(dir, 'f.xlsx'));
    const input = await readInputFile(path.join(dir, 'f.xlsx'));
    const values = input.original.rows.map((row) => row.map((cell) => cell.value));
    expect(values[1]?.slice(2)).toEqual([
      { formula: '100*2', result: 200 },
      { formula: 'C2*2', result: 400 },
    ]);
    // Another sheet is not in the copy: that formula is copied as its saved result.
    expect(values[2]?.slice(2)).toEqual([10, { formula: 'C3*2', result: 20 }]);
    // The analysis reads the saved results.
    expect(input.grid[1]?.[2]).toBe(200);
  });

  it('readInputSheet reads the sample CSV from its bytes exactly as readSheet reads its grid (5,343 rows, 5 planted rejects)', async () => {
    const input = await readInputFile(SAMPLE_CSV);
    const fromBytes = readInputSheet(input, { locale: 'ru' });
    expect(fromBytes.transactions).toHaveLength(5343);
    expect(fromBytes.rejectedRows.map((r) => r.row)).toEqual([402, 1203, 2504, 3805, 5006]);
    expect(fromBytes).toEqual(readSheet(input.grid, { locale: 'ru' }));
    // The reader's table is kept for the analyses, and summarises as the rows do.
    expect(rememberedTransactionTable(fromBytes.transactions)).toBeDefined();
    expect(summariseCustomersDetailed(fromBytes.transactions)).toEqual(
      summariseCustomersDetailed([...fromBytes.transactions]),
    );
  });

  it('reads a Windows-1251 CSV, the usual Russian Excel export (bytes of "Клиент" = CA EB E8 E5 ED F2)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cp.csv');
    // "Клиент;Дата;Сумма\n" in Windows-1251 (code page table: К=CA л=EB и=E8 е=E5 н=ED т=F2 ...).
    const header = Buffer.from([0xca, 0xeb, 0xe8, 0xe5, 0xed, 0xf2, 0x3b, 0xc4, 0xe0, 0xf2, 0xe0]);
    writeFileSync(file, Buffer.concat([header, Buffer.from(';Sum\na;01.02.2024;5\n')]));
    const input = await readInputFile(file);
    expect(input.encoding).toBe('windows-1251');
    expect(input.grid[0]).toEqual(['Клиент', 'Дата', 'Sum']);
  });

  it('decodes a UTF-8 file with a BOM as UTF-8 and drops the BOM (WHATWG TextDecoder)', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Клиент')]);
    expect(decodeText(bytes)).toEqual({ text: 'Клиент', encoding: 'utf-8' });
  });

  it('knows the formats by extension, case ignored', () => {
    expect(['a.XLSX', 'b.xlsm', 'c.csv', 'd.TSV', 'e.txt'].map(inputFormatOf)).toEqual([
      'xlsx',
      'xlsx',
      'delimited',
      'delimited',
      'delimited',
    ]);
    expect(() => inputFormatOf('f.ods')).toThrow('unknownFormat');
  });
});
