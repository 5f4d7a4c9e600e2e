import fc from 'fast-check';
import type { Report } from '../../../shared/report/types';
import type { Cell } from '../../../shared/sheet-data/types';
import { segmentInfo } from '../../../shared/segmentation/segment-info';
import { detectColumns, detectColumnsNow } from '../../../shared/workflows/detect-columns';
import { runAnalyses, type RunAnalysesOptions } from '../../../shared/workflows/run-analyses';
import {
  runAnalysesNow,
  type RunAnalysesNowResult,
} from '../../../shared/workflows/run-analyses-now';
import { assertAnalysesChosen, planRun, runStepProgress } from '../../../shared/workflows/run-plan';
import { segmentSummaries } from '../../../shared/workflows/segment-summary';
import type { WorkflowCore, WorkflowRead } from '../../../shared/workflows/workflow-core';
import { inThreadEngine, type ComputeResult } from '../../../shared/workflows/workflow-engine';
import { FakeWorkbook } from './fake-workbook';

// The same three clients as run-analyses-real-core.test.ts (RFM cells 444 / 222 / 111 worked by
// hand there); here only the agreement of the two runners matters, so no number is restated.
const userCells: Cell[][] = [
  ['Client', 'Date', 'Amount'],
  ['Anna', '2024-01-10', 100],
  ['Vera', '2024-01-05', 50],
  ['Boris', '2023-12-01', 30],
  ['Anna', '2024-02-10', 100],
  ['Vera', '2024-02-01', 50],
  ['Anna', '2024-03-10', 100],
];

/** A workbook with the user's data, optionally a user sheet and an owned sheet of an earlier run. */
function workbook(userSheet?: string, staleOwned?: string): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addUserSheet('Data', userCells);
  if (userSheet !== undefined) book.addUserSheet(userSheet, [['my notes']]);
  if (staleOwned !== undefined) book.sheets.push({ name: staleOwned, owned: true, cells: [['x']] });
  return book;
}

/** Runs `runAnalysesNow` call after call, as the Apps Script sidebar does, until it is done. */
function runInCalls(
  book: FakeWorkbook,
  options: RunAnalysesOptions,
  shouldPause: () => boolean,
  core?: WorkflowCore,
): RunAnalysesNowResult[] {
  const calls: RunAnalysesNowResult[] = [];
  let fromStep = 0;
  for (let i = 0; i < 50; i += 1) {
    const call = runAnalysesNow(book, options, { fromStep, shouldPause }, core);
    calls.push(call);
    if (call.nextStep === null) return calls;
    fromStep = call.nextStep;
  }
  throw new Error('the run did not finish in 50 calls');
}

const rfmAbc: RunAnalysesOptions = { analyses: ['rfm', 'abcXyz'], mode: 'sheets', locale: 'en' };

describe('one workflow for both hosts (real core, fake workbook)', () => {
  test('sheets mode: runAnalyses (async) and runAnalysesNow (sync) make the same writes and the same workbook', async () => {
    // The first report sheet's name, to put a user sheet of that name in its way.
    const probe = workbook();
    const first = (await runAnalyses(probe, rfmAbc)).sheets[0]?.name ?? '';
    expect(first).not.toBe('');

    const viaAsync = workbook(first, 'Old report');
    const viaSync = workbook(first, 'Old report');
    const a = await runAnalyses(viaAsync, rfmAbc);
    const s = runAnalysesNow(viaSync, rfmAbc);

    expect(viaSync.writes).toEqual(viaAsync.writes);
    expect(viaSync.sheets).toEqual(viaAsync.sheets);
    expect(viaSync.activeSheet).toBe(viaAsync.activeSheet);
    expect(s.sheets).toEqual(a.sheets);
    expect(s.deletedSheets).toEqual(['Old report']);
    expect(a.deletedSheets).toEqual(['Old report']);
    expect(s.json).toEqual(a.json);
    expect([s.clientCount, s.rejectedRowCount]).toEqual([a.clientCount, a.rejectedRowCount]);
    expect(s.nextStep).toBeNull();
    expect(s.progress.fraction).toBe(1);
    expect(s.writtenSheetNames).toEqual(a.sheets.map((w) => w.name));
    // The user sheet in the way is kept; the report sheet got a suffixed name.
    expect(viaSync.sheet(first).cells).toEqual([['my notes']]);
    expect(s.writtenSheetNames[0]).toBe(`${first} (2)`);
    expect(viaSync.sheet('Data').cells).toEqual(userCells);
  });

  test('annotate mode: both runners write the same columns beside the table', async () => {
    const options: RunAnalysesOptions = { ...rfmAbc, mode: 'annotate', locale: 'ru' };
    const viaAsync = workbook();
    const viaSync = workbook();
    const a = await runAnalyses(viaAsync, options);
    const s = runAnalysesNow(viaSync, options);
    expect(viaSync.writes).toEqual(viaAsync.writes);
    expect(viaSync.writes).toHaveLength(1);
    expect(viaSync.sheets).toEqual(viaAsync.sheets);
    expect(s.annotation).toEqual(a.annotation);
    expect(s.annotation?.address.startsWith('D1:')).toBe(true);
    expect(s.nextStep).toBeNull();
  });

  test('a run that pauses before every sheet takes one call per report sheet and leaves the same workbook as one call', () => {
    const whole = workbook(undefined, 'Old report');
    const once = runAnalysesNow(whole, rfmAbc);
    const split = workbook(undefined, 'Old report');
    const calls = runInCalls(split, rfmAbc, () => true);

    const sheetCount = once.sheets.length;
    expect(sheetCount).toBeGreaterThan(1);
    expect(calls).toHaveLength(sheetCount);
    // Resumed at report sheet 1, 2, ... (the writes come first in the plan), then done.
    expect(calls.map((c) => c.nextStep)).toEqual([
      ...Array.from({ length: sheetCount - 1 }, (_, i) => i + 1),
      null,
    ]);
    expect(calls.map((c) => c.sheets.length)).toEqual(new Array<number>(sheetCount).fill(1));
    expect(split.writes).toEqual(whole.writes);
    expect(split.sheets).toEqual(whole.sheets);
    expect(split.activeSheet).toBe(whole.activeSheet);
    const last = calls[calls.length - 1];
    expect(last?.writtenSheetNames).toEqual(once.writtenSheetNames);
    expect(last?.deletedSheets).toEqual(['Old report']);
    // Progress rises call by call to 1 (writing span 0.6..1, see progress.ts).
    const fractions = calls.map((c) => c.progress.fraction);
    expect([...fractions].sort((x, y) => x - y)).toEqual(fractions);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  test('detectColumnsNow gives what detectColumns gives', async () => {
    const book = workbook();
    const sync = detectColumnsNow(book, { locale: 'en' });
    expect(sync).toEqual(await detectColumns(book, { locale: 'en' }));
    expect(sync.mapping).toMatchObject({ client: 0, date: 1, amount: 2 });
  });
});

/** A core whose report has the given sheets (each one small table) and no clients. */
function sheetsCore(names: readonly string[]): WorkflowCore {
  const read: WorkflowRead = {
    shape: 'transactions',
    headerRow: 1,
    mapping: { client: 0, date: 1, amount: 2 },
    headers: ['Client', 'Date', 'Amount'],
    notes: [],
    transactions: [],
    clients: [],
    rejectedRows: [],
    dateOrders: [],
    dataRowCount: 6,
  };
  const report: Report = {
    locale: 'en',
    title: 'Report',
    sheets: names.map((name, i) => ({
      name,
      tables: [
        {
          id: `t${i}`,
          title: name,
          columns: [{ key: 'n', label: 'N', kind: 'integer' }],
          rows: [[i]],
        },
      ],
    })),
  };
  return { readSheet: () => read, buildReport: () => ({ report, json: null, clients: [] }) };
}

describe('run steps (stub core)', () => {
  const sheetName = fc.constantFrom('Segments', 'segments', 'Clients', 'ABC', 'Old', 'Notes');

  test('property: any pause pattern and any earlier sheets give the same workbook as one call and as runAnalyses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sheetName, { maxLength: 6 }),
        fc.uniqueArray(fc.record({ name: sheetName, owned: fc.boolean() }), {
          maxLength: 4,
          selector: (s) => s.name.toLowerCase(),
        }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        async (reportNames, earlier, pauses) => {
          const make = (): FakeWorkbook => {
            const book = workbook();
            for (const s of earlier) book.sheets.push({ ...s, cells: [[s.name]] });
            return book;
          };
          const core = sheetsCore(reportNames);
          const viaAsync = make();
          await runAnalyses(viaAsync, rfmAbc, undefined, inThreadEngine(core));
          const once = make();
          runAnalysesNow(once, rfmAbc, {}, core);
          const split = make();
          let asked = 0;
          const calls = runInCalls(
            split,
            rfmAbc,
            () => pauses[asked++ % pauses.length] === true,
            core,
          );
          expect(once.writes).toEqual(viaAsync.writes);
          expect(once.sheets).toEqual(viaAsync.sheets);
          expect(split.writes).toEqual(once.writes);
          expect(split.sheets).toEqual(once.sheets);
          expect(split.activeSheet).toBe(once.activeSheet);
          // Every call but the last writes at least one sheet, so a run always ends.
          expect(calls.slice(0, -1).every((c) => c.sheets.length > 0)).toBe(true);
          // User sheets are never touched.
          for (const s of earlier.filter((e) => !e.owned)) {
            expect(split.sheet(s.name)).toMatchObject({ owned: false, cells: [[s.name]] });
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('planRun: a user sheet "Segments" and an owned "Old" give Segments (2), Clients, delete Old, activate (worked by hand)', () => {
    const computed: ComputeResult = {
      headerRow: 1,
      notes: [],
      rejectedRowCount: 0,
      clientCount: 0,
      json: null,
      report: sheetsCore(['Segments', 'Clients']).buildReport({} as WorkflowRead, {
        locale: 'en',
        analyses: ['rfm'],
      }).report,
    };
    const region = {
      sheetName: 'Data',
      address: 'A1:C7',
      firstRowNumber: 1,
      firstColumnNumber: 1,
      rowCount: 7,
      columnCount: 3,
    };
    const plan = planRun(computed, {
      mode: 'sheets',
      locale: 'en',
      region,
      existingSheets: [
        { name: 'Data', owned: false },
        { name: 'Segments', owned: false },
        { name: 'Old', owned: true },
      ],
    });
    expect(
      plan.steps.map((s) =>
        s.kind === 'writeSheet'
          ? `write ${s.sheet.name} ${s.index}/${s.total}`
          : s.kind === 'annotate'
            ? 'annotate'
            : `${s.kind} ${s.name}`,
      ),
    ).toEqual([
      'write Segments (2) 0/2',
      'write Clients 1/2',
      'deleteSheet Old',
      'activateSheet Segments (2)',
    ]);
    // Sheet 1 of 2 starts at 0.6 + 0.4 * 1/2 = 0.8 of the bar (writing span 0.6..1).
    const second = plan.steps[1];
    expect(second && runStepProgress(second)?.fraction).toBeCloseTo(0.8, 12);
    const annotate = planRun(
      { ...computed, annotationColumns: [] },
      { mode: 'annotate', locale: 'en', region, existingSheets: [] },
    );
    expect(annotate.steps).toEqual([
      {
        kind: 'annotate',
        request: { region, headerRowNumber: 1, columns: [], locale: 'en' },
      },
    ]);
  });

  test('no analysis chosen: both runners throw the localised invalid_argument error before reading', async () => {
    const book = workbook();
    const none: RunAnalysesOptions = { analyses: [], mode: 'sheets', locale: 'ru' };
    const error = { code: 'invalid_argument', message: 'Выберите хотя бы один анализ.' };
    expect(() => assertAnalysesChosen([], 'ru')).toThrow(error.message);
    expect(() => runAnalysesNow(book, none)).toThrow(expect.objectContaining(error));
    await expect(runAnalyses(book, none)).rejects.toMatchObject(error);
    expect(book.writes).toEqual([]);
  });

  test('segmentSummaries: champions 2 (anna, vera) then lost 1, in RFM_SEGMENTS order (counted by hand)', () => {
    const lines = segmentSummaries(
      [
        { clientKey: 'anna', segment: 'champions' },
        { clientKey: 'boris', segment: 'lost' },
        { clientKey: 'vera', segment: 'champions' },
        { clientKey: 'gleb' },
      ],
      new Map([['anna', 'Anna']]),
      'en',
    );
    expect(lines.map((l) => [l.segment, l.clients, l.examples])).toEqual([
      ['champions', 2, ['Anna', 'vera']],
      ['lost', 1, ['boris']],
    ]);
    expect(lines[0]?.name).toBe(segmentInfo('champions').name.en);
  });
});
