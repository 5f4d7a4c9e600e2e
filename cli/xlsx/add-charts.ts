import JSZip from 'jszip';
import { chartXml, drawingXml, escapeXml, type XlsxChart } from './chart-xml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_REL = `${REL_NS}/drawing`;
const CHART_REL = `${REL_NS}/chart`;
const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** Elements that must follow `<drawing>` in a worksheet (ECMA-376 Part 1, CT_Worksheet order). */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

function decodeXmlAttribute(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attribute(element: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return match?.[1] === undefined ? undefined : decodeXmlAttribute(match[1]);
}

async function readText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`xlsx package has no part ${path}`);
  return file.async('string');
}

/** Maps each sheet name to its worksheet part path (e.g. `xl/worksheets/sheet2.xml`). */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readText(zip, 'xl/workbook.xml');
  const rels = await readText(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id !== undefined && target !== undefined) {
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const parts = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(match[0], 'name');
    const id = attribute(match[0], 'r:id');
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target !== undefined) parts.set(name, target);
  }
  return parts;
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

function nextRelationId(relsXml: string): string {
  let highest = 0;
  for (const match of relsXml.matchAll(/Id="rId(\d+)"/g)) {
    highest = Math.max(highest, Number(match[1]));
  }
  return `rId${highest + 1}`;
}

function addRelationship(relsXml: string | undefined, id: string, type: string, target: string) {
  const relationship = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (relsXml === undefined) {
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationship}</Relationships>`
    );
  }
  return relsXml.replace('</Relationships>', `${relationship}</Relationships>`);
}

function insertDrawingElement(sheetXml: string, relationId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error('worksheet already has a drawing');
  let withNamespace = sheetXml;
  if (!/xmlns:r="/.test(withNamespace)) {
    withNamespace = withNamespace.replace('<worksheet ', `<worksheet xmlns:r="${REL_NS}" `);
  }
  const element = `<drawing r:id="${relationId}"/>`;
  let position = -1;
  for (const marker of AFTER_DRAWING) {
    const found = withNamespace.indexOf(marker);
    if (found >= 0 && (position < 0 || found < position)) position = found;
  }
  if (position < 0) throw new Error('worksheet part has no closing tag');
  return withNamespace.slice(0, position) + element + withNamespace.slice(position);
}

/**
 * Adds charts to a saved xlsx package: per chart a part `xl/charts/chartN.xml`, per sheet with
 * charts a drawing `xl/drawings/drawingN.xml` with its relationships, the sheet's `<drawing r:id>`
 * element and the content-type overrides (ECMA-376 Part 1 §12.3.8 drawings, §21.2 charts).
 * `xlsx` is the package bytes as written by ExcelJS; returns the new package bytes.
 * Throws `Error` when a chart names a sheet the package does not have (a bug in the caller).
 * Example: one column chart on sheet `Segments` adds `xl/charts/chart1.xml` and
 * `xl/drawings/drawing1.xml` (checked in `test/cli/xlsx/add-charts.test.ts`).
 */
export async function addChartsToXlsx(
  xlsx: Uint8Array,
  charts: readonly XlsxChart[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  if (charts.length === 0) return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const parts = await sheetParts(zip);
  let contentTypes = await readText(zip, '[Content_Types].xml');
  const bySheet = new Map<string, XlsxChart[]>();
  for (const chart of charts) {
    if (!parts.has(chart.sheetName)) throw new Error(`no sheet named ${chart.sheetName}`);
    const list = bySheet.get(chart.sheetName) ?? [];
    list.push(chart);
    bySheet.set(chart.sheetName, list);
  }
  let chartNumber = 0;
  let drawingNumber = 0;
  const overrides: string[] = [];
  for (const [sheetName, sheetCharts] of bySheet) {
    drawingNumber += 1;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const drawingRelationIds: string[] = [];
    let drawingRels: string | undefined;
    for (const [index, chart] of sheetCharts.entries()) {
      chartNumber += 1;
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPath, chartXml(chart));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CHART_CONTENT_TYPE}"/>`);
      const relationId = `rId${index + 1}`;
      drawingRelationIds.push(relationId);
      drawingRels = addRelationship(
        drawingRels,
        relationId,
        CHART_REL,
        `../charts/chart${chartNumber}.xml`,
      );
    }
    zip.file(
      drawingPath,
      drawingXml(
        sheetCharts.map((chart) => chart.anchor),
        drawingRelationIds,
        sheetCharts.map((chart) => chart.title),
      ),
    );
    zip.file(relsPathOf(drawingPath), drawingRels ?? '');
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${DRAWING_CONTENT_TYPE}"/>`);

    const sheetPath = parts.get(sheetName) ?? '';
    const sheetRelsPath = relsPathOf(sheetPath);
    const existingRels =
      zip.file(sheetRelsPath) === null ? undefined : await readText(zip, sheetRelsPath);
    const sheetRelationId = existingRels === undefined ? 'rId1' : nextRelationId(existingRels);
    zip.file(
      sheetRelsPath,
      addRelationship(
        existingRels,
        sheetRelationId,
        DRAWING_REL,
        `../drawings/drawing${drawingNumber}.xml`,
      ),
    );
    zip.file(sheetPath, insertDrawingElement(await readText(zip, sheetPath), sheetRelationId));
  }
  contentTypes = contentTypes.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
