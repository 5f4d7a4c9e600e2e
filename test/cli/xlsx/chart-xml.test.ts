import {
  chartXml,
  drawingXml,
  escapeXml,
  quoteSheetName,
  rangeFormula,
  type XlsxChart,
} from '../../../cli/xlsx/chart-xml';

const CHART: XlsxChart = {
  sheetName: 'Segments',
  kind: 'column',
  title: 'Clients <by> segment',
  categories: { column: 1, firstRow: 4, lastRow: 6 },
  cachedCategories: ['Champions', 'Loyal & co', 'Lost'],
  series: [
    {
      name: 'Clients',
      nameCell: { row: 3, column: 2 },
      values: { column: 2, firstRow: 4, lastRow: 6 },
      cachedValues: [10, 5, null],
    },
  ],
  pointColors: ['#63BE7B', null, '#BFBFBF'],
  anchor: { fromColumn: 11, fromRow: 0, toColumn: 20, toRow: 20 },
};

describe('formula references', () => {
  it("quotes sheet names and doubles inner apostrophes (ECMA-376 formula grammar: 'It''s')", () => {
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(rangeFormula('Сегменты', { column: 2, firstRow: 4, lastRow: 14 })).toBe(
      "'Сегменты'!$B$4:$B$14",
    );
  });

  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });
});

describe('chartXml', () => {
  const xml = chartXml(CHART);

  it('writes a clustered column c:barChart with the sheet ranges and cached values', () => {
    expect(xml).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(xml).toContain('<c:f>&apos;Segments&apos;!$A$4:$A$6</c:f>');
    expect(xml).toContain('<c:f>&apos;Segments&apos;!$B$4:$B$6</c:f>');
    expect(xml).toContain('<c:f>&apos;Segments&apos;!$B$3</c:f>');
    expect(xml).toContain('<c:pt idx="1"><c:v>Loyal &amp; co</c:v></c:pt>');
    expect(xml).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>');
    expect(xml).toContain('<c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="1"><c:v>5</c:v></c:pt>');
    expect(xml).not.toContain('<c:pt idx="2"><c:v>null');
    expect(xml).toContain('Clients &lt;by&gt; segment');
  });

  it('colours the points with the segment colours, skipping a missing colour', () => {
    expect(xml).toContain('<c:dPt><c:idx val="0"/>');
    expect(xml).toContain('<a:srgbClr val="63BE7B"/>');
    expect(xml).not.toContain('<c:dPt><c:idx val="1"/>');
    expect(xml).toContain('<c:dPt><c:idx val="2"/>');
  });

  it('writes the other kinds: bar, stacked column, line and pie', () => {
    expect(chartXml({ ...CHART, kind: 'bar' })).toContain('<c:barDir val="bar"/>');
    expect(chartXml({ ...CHART, kind: 'stacked-column' })).toContain('<c:grouping val="stacked"/>');
    expect(chartXml({ ...CHART, kind: 'line' })).toContain('<c:lineChart>');
    const pie = chartXml({ ...CHART, kind: 'pie' });
    expect(pie).toContain('<c:pieChart>');
    expect(pie).not.toContain('<c:catAx>');
  });
});

describe('drawingXml', () => {
  it('anchors each chart to its cells with a graphic frame pointing at its relationship', () => {
    const xml = drawingXml([CHART.anchor], ['rId1'], ['Chart']);
    expect(xml).toContain('<xdr:from><xdr:col>11</xdr:col>');
    expect(xml).toContain('<xdr:to><xdr:col>20</xdr:col>');
    expect(xml).toContain('r:id="rId1"');
    expect(xml.match(/<xdr:twoCellAnchor/g)).toHaveLength(1);
  });
});
