import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { parseDelimitedText } from '../../shared/sheet-data';
import type { AnalysisJson } from '../../shared/report/analysis-report';
import { runCaptured, SAMPLE_CSV, tempDir } from './cli-helpers';

// A real spreadsheet program must open the report: LibreOffice Calc (Debian `libreoffice-calc`,
// installed by `npm run setup`) converts it headless to ODS and to CSV, and we read what it saw.
const SOFFICE = process.env['SOFFICE'] ?? 'soffice';
// CSV filter options: comma, double quote, UTF-8, from line 1, raw values, and -1 = every sheet
// to its own file (LibreOffice 7.2+ "Filter Options for the CSV Filter").
const CSV_ALL_SHEETS =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

function convert(file: string, target: string, outDir: string, profile: string): void {
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      target,
      '--outdir',
      outDir,
      file,
    ],
    { timeout: 150_000, stdio: 'pipe' },
  );
}

describe('LibreOffice opens the report', () => {
  let dir: string;
  let json: AnalysisJson;

  beforeAll(async () => {
    dir = tempDir();
    const run = await runCaptured(
      ['analyze', SAMPLE_CSV, '--out', 'report.xlsx', '--json', 'report.json'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as AnalysisJson;
    const profile = path.join(dir, 'lo-profile');
    convert(path.join(dir, 'report.xlsx'), 'ods', path.join(dir, 'ods'), profile);
    convert(path.join(dir, 'report.xlsx'), CSV_ALL_SHEETS, path.join(dir, 'csv'), profile);
  }, 300_000);

  it('sees every sheet and the segment chart as a bar chart object on the Segments sheet', async () => {
    const ods = await JSZip.loadAsync(readFileSync(path.join(dir, 'ods', 'report.ods')));
    const content = (await ods.file('content.xml')?.async('string')) ?? '';
    const tables = [...content.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1]);
    // The core sheets come first; extra sections (retention, ...) follow.
    expect(tables.slice(0, 6)).toEqual([
      'salon-clients',
      'Summary',
      'Segments',
      'Clients',
      'ABC-XYZ',
      'Rejected rows',
    ]);
    const segments = content.slice(
      content.indexOf('<table:table table:name="Segments"'),
      content.indexOf('<table:table table:name="Clients"'),
    );
    const objectHref = /<draw:object[^>]*xlink:href="\.\/([^"]+)"/.exec(segments)?.[1];
    expect(objectHref).toBeDefined();
    const chart = (await ods.file(`${objectHref}/content.xml`)?.async('string')) ?? '';
    expect(chart).toContain('<chart:chart');
    expect(chart).toContain('chart:class="chart:bar"');
    expect(chart).toContain('Clients by segment');
  });

  it('reads the same segment counts as the JSON report, and the original data unchanged', () => {
    const files = readdirSync(path.join(dir, 'csv'));
    const sheet = (name: string) => {
      const file = files.find((f) => f.endsWith(`-${name}.csv`));
      expect(file).toBeDefined();
      return parseDelimitedText(readFileSync(path.join(dir, 'csv', file ?? ''), 'utf8')).grid;
    };
    const segments = sheet('Segments');
    const header = segments[2] ?? [];
    expect(header.slice(0, 2)).toEqual(['Segment', 'Clients']);
    const counts = segments.slice(3, 14).map((row) => Number(row[1]));
    expect(counts).toEqual(json.segments.map((s) => s.clients));

    const original = sheet('salon-clients');
    const sample = parseDelimitedText(readFileSync(SAMPLE_CSV, 'utf8')).grid;
    expect(original.slice(0, 50)).toEqual(sample.slice(0, 50));
  });
});
