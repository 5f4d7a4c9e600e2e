import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addChartsToXlsx } from '../../../cli/xlsx/add-charts';
import type { XlsxChart } from '../../../cli/xlsx/chart-xml';

async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Data').addRow(['untouched', 1]);
  const sheet = workbook.addWorksheet("Seg's");
  sheet.addRow(['Segment', 'Clients']);
  sheet.addRow(['A', 3]);
  sheet.addRow(['B', 4]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function chart(title: string): XlsxChart {
  return {
    sheetName: "Seg's",
    kind: 'column',
    title,
    categories: { column: 1, firstRow: 2, lastRow: 3 },
    cachedCategories: ['A', 'B'],
    series: [
      {
        name: 'Clients',
        nameCell: { row: 1, column: 2 },
        values: { column: 2, firstRow: 2, lastRow: 3 },
        cachedValues: [3, 4],
      },
    ],
    anchor: { fromColumn: 3, fromRow: 0, toColumn: 10, toRow: 15 },
  };
}

describe('addChartsToXlsx', () => {
  it('adds the chart, drawing, relationships, drawing element and content types (ECMA-376 parts)', async () => {
    const bytes = await addChartsToXlsx(await workbookBytes(), [chart('One'), chart('Two')]);
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file('xl/charts/chart1.xml')).not.toBeNull();
    expect(zip.file('xl/charts/chart2.xml')).not.toBeNull();
    const drawing = await zip.file('xl/drawings/drawing1.xml')?.async('string');
    expect(drawing?.match(/<xdr:graphicFrame/g)).toHaveLength(2);
    const drawingRels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')?.async('string');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    const sheetRels = await zip.file('xl/worksheets/_rels/sheet2.xml.rels')?.async('string');
    expect(sheetRels).toMatch(/Id="(rId\d+)"[^>]*relationships\/drawing"[^>]*drawing1\.xml/);
    const sheet = (await zip.file('xl/worksheets/sheet2.xml')?.async('string')) ?? '';
    const relationId = /Id="(rId\d+)"/.exec(sheetRels ?? '')?.[1];
    expect(sheet).toContain(`<drawing r:id="${relationId}"/>`);
    // <drawing> follows pageSetup and precedes tableParts/extLst (CT_Worksheet sequence).
    expect(sheet.indexOf('<drawing')).toBeGreaterThan(sheet.indexOf('<pageMargins'));
    const firstSheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(firstSheet).not.toContain('<drawing');
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
  });

  it('keeps the cells readable by ExcelJS after the charts are added', async () => {
    const bytes = await addChartsToXlsx(await workbookBytes(), [chart('One')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Data')?.getCell('A1').value).toBe('untouched');
    expect(workbook.getWorksheet("Seg's")?.getCell('B3').value).toBe(4);
  });

  it('throws for a chart on a sheet the workbook does not have', async () => {
    await expect(
      addChartsToXlsx(await workbookBytes(), [{ ...chart('x'), sheetName: 'Missing' }]),
    ).rejects.toThrow('Missing');
  });
});
