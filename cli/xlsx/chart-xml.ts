import { columnLetters } from '../../shared/sheet-data/a1-address';
/**
 * DrawingML chart parts for an xlsx package. ExcelJS writes cells but no charts, so the report
 * writer adds them to the saved package: a chart part (`c:chartSpace`, ECMA-376 Part 1 §21.2) whose
 * series reference the sheet ranges and carry cached values (so a reader that does not recalculate
 * still draws them), and a drawing part (`xdr:wsDr`, §20.5) anchoring each chart to cells.
 */

export type XlsxChartKind = 'bar' | 'column' | 'stacked-column' | 'pie' | 'line';

/** A block of cells in one column: 1-based rows, 1-based column. */
export interface XlsxColumnRange {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface XlsxChartSeries {
  readonly name: string;
  /** Cell holding the series name (the table header), 1-based. */
  readonly nameCell: { readonly row: number; readonly column: number };
  readonly values: XlsxColumnRange;
  readonly cachedValues: readonly (number | null)[];
}

/** Where the chart sits: 0-based cell corners, as in `xdr:from` / `xdr:to`. */
export interface XlsxChartAnchor {
  readonly fromColumn: number;
  readonly fromRow: number;
  readonly toColumn: number;
  readonly toRow: number;
}

export interface XlsxChart {
  readonly sheetName: string;
  readonly kind: XlsxChartKind;
  readonly title: string;
  readonly categories: XlsxColumnRange;
  readonly cachedCategories: readonly string[];
  readonly series: readonly XlsxChartSeries[];
  /** Optional `#RRGGBB` per category, used to colour the points of a single-series chart. */
  readonly pointColors?: readonly (string | null)[];
  readonly anchor: XlsxChartAnchor;
}

const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E'];

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A sheet name as it must appear in a formula: always quoted, inner quotes doubled. */
export function quoteSheetName(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** Absolute formula reference of a column range, e.g. `'Segments'!$A$5:$A$15`. */
export function rangeFormula(sheetName: string, range: XlsxColumnRange): string {
  const letters = columnLetters(range.column);
  return `${quoteSheetName(sheetName)}!$${letters}$${range.firstRow}:$${letters}$${range.lastRow}`;
}

function cellFormula(sheetName: string, row: number, column: number): string {
  return `${quoteSheetName(sheetName)}!$${columnLetters(column)}$${row}`;
}

function solidFill(color: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
}

function colorHex(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}

function stringCache(values: readonly string[]): string {
  const points = values
    .map((value, index) => `<c:pt idx="${index}"><c:v>${escapeXml(value)}</c:v></c:pt>`)
    .join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: readonly (number | null)[]): string {
  const points = values
    .map((value, index) =>
      value === null || !Number.isFinite(value)
        ? ''
        : `<c:pt idx="${index}"><c:v>${String(value)}</c:v></c:pt>`,
    )
    .join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function seriesXml(chart: XlsxChart, series: XlsxChartSeries, index: number): string {
  const name =
    `<c:tx><c:strRef><c:f>${escapeXml(cellFormula(chart.sheetName, series.nameCell.row, series.nameCell.column))}</c:f>` +
    `${stringCache([series.name])}</c:strRef></c:tx>`;
  const single = chart.series.length === 1;
  const fill =
    chart.kind === 'pie' ? '' : solidFill(PALETTE[index % PALETTE.length] ?? PALETTE[0]!);
  const colored = single && chart.pointColors !== undefined ? chart.pointColors : [];
  const pointFills = colored
    .map((color, pointIndex) => {
      if (color === null) return '';
      const extra =
        chart.kind === 'bar' || chart.kind === 'column' || chart.kind === 'stacked-column'
          ? '<c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
          : '<c:bubble3D val="0"/>';
      return `<c:dPt><c:idx val="${pointIndex}"/>${extra}${solidFill(colorHex(color))}</c:dPt>`;
    })
    .join('');
  const categories =
    `<c:cat><c:strRef><c:f>${escapeXml(rangeFormula(chart.sheetName, chart.categories))}</c:f>` +
    `${stringCache(chart.cachedCategories)}</c:strRef></c:cat>`;
  const values =
    `<c:val><c:numRef><c:f>${escapeXml(rangeFormula(chart.sheetName, series.values))}</c:f>` +
    `${numberCache(series.cachedValues)}</c:numRef></c:val>`;
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${name}`;
  switch (chart.kind) {
    case 'pie':
      return `<c:ser>${head}${pointFills}${categories}${values}</c:ser>`;
    case 'line':
      return `<c:ser>${head}${fill}<c:marker><c:symbol val="circle"/></c:marker>${categories}${values}<c:smooth val="0"/></c:ser>`;
    default:
      return `<c:ser>${head}${fill}<c:invertIfNegative val="0"/>${pointFills}${categories}${values}</c:ser>`;
  }
}

const CATEGORY_AXIS_ID = 50010;
const VALUE_AXIS_ID = 50020;

function axesXml(horizontalBars: boolean): string {
  const categoryPosition = horizontalBars ? 'l' : 'b';
  const valuePosition = horizontalBars ? 'b' : 'l';
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="${horizontalBars ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${categoryPosition}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valuePosition}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="${horizontalBars ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotXml(chart: XlsxChart): string {
  const series = chart.series.map((s, index) => seriesXml(chart, s, index)).join('');
  const axisIds = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  switch (chart.kind) {
    case 'pie':
      return `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
    case 'line':
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axisIds}</c:lineChart>${axesXml(false)}`;
    case 'stacked-column':
      return `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/><c:overlap val="100"/>${axisIds}</c:barChart>${axesXml(false)}`;
    case 'bar':
      return `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${axisIds}</c:barChart>${axesXml(true)}`;
    case 'column':
      return `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${axisIds}</c:barChart>${axesXml(false)}`;
  }
}

/**
 * The chart part (`xl/charts/chartN.xml`) for one chart.
 * Example: a one-series column chart of segment sizes gives a `c:barChart` with `barDir="col"`,
 * one `c:ser` whose `c:val` formula is the table's count column (checked in
 * `test/cli/xlsx/chart-xml.test.ts`).
 */
export function chartXml(chart: XlsxChart): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  const showLegend = chart.series.length > 1 || chart.kind === 'pie';
  const legend = showLegend
    ? `<c:legend><c:legendPos val="${chart.kind === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${plotXml(chart)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/**
 * The drawing part (`xl/drawings/drawingN.xml`) of one sheet: one `xdr:twoCellAnchor` with a
 * `xdr:graphicFrame` per chart; `relationIds[i]` is the drawing's relationship to chart `i`.
 */
export function drawingXml(
  anchors: readonly XlsxChartAnchor[],
  relationIds: readonly string[],
  names: readonly string[],
): string {
  const frames = anchors
    .map((anchor, index) => {
      const relationId = relationIds[index] ?? `rId${index + 1}`;
      const name = names[index] ?? `Chart ${index + 1}`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${anchor.fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${anchor.toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${anchor.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relationId}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${frames}</xdr:wsDr>`
  );
}
