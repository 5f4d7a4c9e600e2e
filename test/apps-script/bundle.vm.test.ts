import * as vm from 'vm';
import { functionCatalog } from '../../shared/catalog';
import { uiMessages } from '../../shared/i18n/ui-messages';
import { sidebarMessages } from '../../shared/i18n/sidebar-messages';
import { buildAddOn, loadIntoVm, type BuiltAddOn } from './helpers/build-bundle';
import {
  FakeSpreadsheet,
  makeAppsScriptGlobals,
  midnightInZone,
  type FakeValue,
} from './helpers/fake-apps-script';

const ZONE = 'Europe/Moscow';
const IMPORTXML = '=IMPORTXML("http://example.com","//a")';

/**
 * A user's sheet "Clients": 40 purchases cycling over six names, amounts 100 + 7·i, dates as
 * Sheets passes them (midnight in the spreadsheet zone); the first client is renamed to a formula
 * text typed with an apostrophe, so there are 7 clients and 40·100 + 7·(0 + … + 39) = 9460 revenue.
 */
function clientBook(): FakeSpreadsheet {
  const book = new FakeSpreadsheet('Clients', ZONE, 'ru_RU');
  const names = ['Anna', 'Boris', 'Vera', 'Gleb', 'Dina', 'Egor'];
  const rows: FakeValue[][] = [['Клиент', 'Дата', 'Сумма']];
  for (let i = 0; i < 40; i += 1) {
    rows.push([names[i % 6]!, midnightInZone(2024, 1 + (i % 12), 1 + (i % 27), ZONE), 100 + i * 7]);
  }
  book.active.put(1, 1, rows);
  book.active.putText(2, 1, IMPORTXML);
  return book;
}

type Step = {
  done: boolean;
  cursor: unknown;
  writtenSheets: string[];
  deletedSheets: string[];
  annotationAddress: string | null;
  segments: {
    segment: string;
    clients: number;
    meaning: string;
    action: string;
    examples: string[];
  }[];
  clientCount: number;
};

/** Calls runAnalysesStep the way the sidebar does, until done; returns every step. */
function runAll(context: vm.Context, request: Record<string, unknown>): Step[] {
  const steps: Step[] = [];
  let cursor: unknown = null;
  for (let i = 0; i < 20; i += 1) {
    context.__request = JSON.parse(JSON.stringify(request));
    context.__cursor = JSON.parse(JSON.stringify(cursor));
    const step = JSON.parse(
      JSON.stringify(vm.runInContext('runAnalysesStep(__request, __cursor)', context)),
    ) as Step;
    steps.push(step);
    if (step.done) return steps;
    cursor = step.cursor;
  }
  throw new Error('the run did not finish in 20 steps');
}

let built: BuiltAddOn;

beforeAll(() => {
  built = buildAddOn();
}, 180_000);

interface Declared {
  readonly name: string;
  readonly params: readonly string[];
  readonly jsdoc: string;
}

/** Top-level `function NAME(a, b)` declarations with the JSDoc block right above them. */
function declaredFunctions(code: string): Declared[] {
  const out: Declared[] = [];
  const pattern = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\nfunction ([A-Za-z_$][\w$]*)\(([^)]*)\)/g;
  for (const m of code.matchAll(pattern)) {
    out.push({
      name: m[2]!,
      params: m[3]!
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
      jsdoc: m[1]!,
    });
  }
  return out;
}

describe('the built Apps Script project', () => {
  it('is one classic script: no import/export/require left (it compiles as a non-module script)', () => {
    expect(() => new vm.Script(built.code, { filename: 'Code.js' })).not.toThrow();
    expect(built.code).not.toMatch(/^\s*(import|export)\s/m);
    expect(built.code).not.toMatch(/\brequire\(/);
    expect(built.sidebarHtml).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('has a V8 manifest with exactly the two least-privilege scopes and an add-on section', () => {
    expect(built.manifest.runtimeVersion).toBe('V8');
    expect(built.manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(built.manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    const addOns = built.manifest.addOns as Record<string, Record<string, unknown>>;
    expect(addOns.common?.name).toBeTruthy();
    expect(addOns.sheets?.homepageTrigger).toEqual({ runFunction: 'onHomepage', enabled: true });
  });

  it('parity: the @customfunction globals and their JSDoc parameter lists equal the catalog, in order', () => {
    const custom = declaredFunctions(built.code).filter((d) => d.jsdoc.includes('@customfunction'));
    expect(custom.map((d) => d.name)).toEqual(functionCatalog.map((f) => f.name));
    for (const fn of functionCatalog) {
      const declared = custom.find((d) => d.name === fn.name)!;
      const names = fn.params.map((p) => p.name);
      expect(declared.params).toEqual(names);
      const jsdocParams = [...declared.jsdoc.matchAll(/@param \{[^}]+\} (\w+)/g)].map((m) => m[1]);
      expect(jsdocParams).toEqual(names);
      expect(declared.jsdoc).toMatch(/@return /);
    }
    const context = loadIntoVm(
      built.code,
      makeAppsScriptGlobals(new FakeSpreadsheet('S', 'Etc/UTC', 'en')).globals,
    );
    for (const fn of functionCatalog) {
      const global = (context as Record<string, unknown>)[fn.name];
      expect(typeof global).toBe('function');
      expect((global as (...a: unknown[]) => unknown).length).toBe(fn.params.length);
    }
  });

  it.each([
    ['en', 'en_US'],
    ['ru', 'ru'],
  ] as const)(
    'onOpen adds the menu in the user language (%s) and its items call top-level functions',
    (locale, tag) => {
      const book = new FakeSpreadsheet('Sheet1', 'Etc/UTC', 'en_US');
      const { globals, ui } = makeAppsScriptGlobals(book, { userLocale: tag });
      const context = loadIntoVm(built.code, globals);
      vm.runInContext('onOpen({ authMode: "LIMITED" })', context);
      expect(ui.menus).toHaveLength(1);
      const items = ui.menus[0]!.items;
      expect(items.map((i) => i.caption)).toEqual([
        sidebarMessages.menuOpenSidebar[locale],
        sidebarMessages.menuRemoveResults[locale],
      ]);
      for (const item of items)
        expect(typeof (context as Record<string, unknown>)[item.functionName]).toBe('function');
      vm.runInContext('showSidebar()', context);
      expect(ui.sidebars).toEqual([
        expect.objectContaining({ file: 'sidebar', title: sidebarMessages.sidebarTitle[locale] }),
      ]);
    },
  );

  it('getSidebarState reports the locale, the active sheet and only owned sheets', () => {
    const book = new FakeSpreadsheet('Clients', 'Etc/UTC', 'en_US');
    book.addSheet('Mine');
    const owned = book.addSheet('Old report');
    owned.addDeveloperMetadata('clientbase.owned', 'report');
    const { globals } = makeAppsScriptGlobals(book, { userLocale: 'ru_RU' });
    const context = loadIntoVm(built.code, globals);
    const state = vm.runInContext('getSidebarState()', context) as Record<string, unknown>;
    expect(state).toMatchObject({
      locale: 'ru',
      activeSheetName: 'Clients',
      ownedSheetNames: ['Old report'],
    });
    expect(vm.runInContext('removeResultSheets()', context)).toBe(1);
    expect(book.getSheets().map((s) => s.getName())).toEqual(['Clients', 'Mine']);
    expect(book.toasts).toEqual(['Удалён 1 лист с результатами.']);
    expect(uiMessages.appTitle.ru).toBeTruthy();
  });

  it('sidebar workflow for real (vm, real core): detect, run in steps, owned sheets written, user data untouched', () => {
    const book = clientBook();
    const { globals } = makeAppsScriptGlobals(book, { userLocale: 'en' });
    const context = loadIntoVm(built.code, globals);
    const userBefore = JSON.stringify(book.getSheetByName('Clients')!.read(1, 1, 41, 3));

    const detection = vm.runInContext('detectColumns({})', context) as Record<string, unknown>;
    expect(detection).toMatchObject({
      shape: 'transactions',
      headerRow: 1,
      mapping: { client: 0, date: 1, amount: 2 },
      dataRowCount: 40,
      rejectedRowCount: 0,
      region: { sheetName: 'Clients', address: 'A1:C41' },
    });

    const steps = runAll(context, { analyses: ['rfm', 'abcXyz'], mode: 'sheets', stepBudgetMs: 0 });
    expect(steps.length).toBeGreaterThan(1);
    const last = steps[steps.length - 1]!;
    expect(last.clientCount).toBe(7);
    expect(last.segments.reduce((n, s) => n + s.clients, 0)).toBe(7);
    for (const line of last.segments) {
      expect(line.meaning).not.toBe('');
      expect(line.action).not.toBe('');
    }
    expect(last.segments.flatMap((s) => s.examples)).toContain(IMPORTXML);

    // The user's sheet is untouched; a report sheet wanting its name got a suffix instead.
    expect(JSON.stringify(book.getSheetByName('Clients')!.read(1, 1, 41, 3))).toBe(userBefore);
    expect(book.getSheetByName('Clients')!.getDeveloperMetadata()).toEqual([]);
    const owned = book.getSheets().filter((s) => s.getDeveloperMetadata().length > 0);
    expect(owned.map((s) => s.getName())).toEqual(last.writtenSheets);
    expect(last.writtenSheets).toContain('Clients (2)');

    // Text stays text: the formula-like client name is a string in a plain-text cell, not a formula.
    const clientsSheet = book.getSheetByName('Clients (2)')!;
    let found = 0;
    for (let row = 1; row <= 12; row += 1) {
      const cell = clientsSheet.cell(row, 1);
      if (cell.value === IMPORTXML) {
        found += 1;
        expect(cell.formula).toBeNull();
        expect(cell.format).toBe('@');
      }
    }
    expect(found).toBe(1);

    // Revenue on the summary: 40·100 + 7·(0 + … + 39) = 9460, worked by hand in clientBook().
    const summary = book.getSheetByName(last.writtenSheets[0]!)!;
    expect(summary.read(1, 1, 30, 2).flat()).toContain(9460);
    expect(book.getSheets().some((s) => s.charts.length > 0)).toBe(true);

    // Re-running replaces only the owned sheets: same names, no duplicates, user sheet unchanged.
    // (The sidebar sends the detected region: after a run the report sheet is the active one.)
    const source = { kind: 'range', sheetName: 'Clients', address: 'A1:C41' };
    const again = runAll(context, { analyses: ['rfm', 'abcXyz'], mode: 'sheets', source });
    expect(again[again.length - 1]!.writtenSheets).toEqual(last.writtenSheets);
    expect(book.getSheets().map((s) => s.getName())).toEqual(['Clients', ...last.writtenSheets]);
    expect(JSON.stringify(book.getSheetByName('Clients')!.read(1, 1, 41, 3))).toBe(userBefore);

    // A narrower re-run deletes the owned sheets it no longer writes, never the user's.
    const rfmOnly = runAll(context, { analyses: ['rfm'], mode: 'sheets', source });
    const final = rfmOnly[rfmOnly.length - 1]!;
    expect(final.deletedSheets.length).toBeGreaterThan(0);
    expect(book.getSheetByName('Clients')).not.toBeNull();
  });

  it('annotate mode (vm, real core) adds headed columns right of the table only, values as text', () => {
    const book = clientBook();
    const { globals } = makeAppsScriptGlobals(book, { userLocale: 'ru' });
    const context = loadIntoVm(built.code, globals);
    const userBefore = JSON.stringify(book.active.read(1, 1, 41, 3));
    const steps = runAll(context, { analyses: ['rfm', 'abcXyz'], mode: 'annotate' });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.annotationAddress).toBe('D1:G41');
    const sheet = book.getSheetByName('Clients')!;
    expect(sheet.read(1, 4, 1, 4)[0]).toEqual([
      uiMessages.annotateSegment.ru,
      uiMessages.annotateRfm.ru,
      uiMessages.annotateAbc.ru,
      uiMessages.annotateXyz.ru,
    ]);
    expect(sheet.cell(2, 5).format).toBe('@');
    expect(typeof sheet.cell(2, 5).value).toBe('string');
    expect(JSON.stringify(sheet.read(1, 1, 41, 3))).toBe(userBefore);
    expect(book.getSheets()).toHaveLength(1);
    // Again: the add-on's own columns are recognised and re-used, nothing inserted.
    const again = runAll(context, { analyses: ['rfm', 'abcXyz'], mode: 'annotate' });
    expect(again[0]!.annotationAddress).toBe('D1:G41');
    expect(sheet.read(1, 8, 1, 1)[0]).toEqual(['']);
  });

  it('server errors reach google.script.run as Error with a localised message', () => {
    const book = new FakeSpreadsheet('Empty', ZONE, 'ru_RU');
    const { globals } = makeAppsScriptGlobals(book, { userLocale: 'ru' });
    const context = loadIntoVm(built.code, globals);
    expect(() => vm.runInContext('detectColumns({})', context)).toThrow(
      uiMessages.errorEmptyRegion.ru,
    );
    // Headers the reader does not know: not an error, the user maps the columns by hand.
    book.active.put(1, 1, [
      ['Foo', 'Bar', 'Baz'],
      ['Anna', 1, 2],
    ]);
    const detection = vm.runInContext('detectColumns({})', context) as Record<string, unknown>;
    expect(detection.complete).toBe(false);
    expect(detection.headers).toEqual(['Foo', 'Bar', 'Baz']);
    expect(typeof detection.problem).toBe('string');
    expect(() =>
      vm.runInContext("runAnalysesStep({ analyses: [], mode: 'sheets' }, null)", context),
    ).toThrow(uiMessages.errorNoAnalysis.ru);
  });

  describe('custom functions called as Sheets calls them', () => {
    const TOKYO = 'Asia/Tokyo';
    const at = (y: number, m: number, d: number): Date => midnightInZone(y, m, d, TOKYO);
    // A range as Sheets passes it: rows of cells, dates as Date objects (midnight in the sheet zone).
    const purchases = (): FakeValue[][] => [
      ['Client', 'Date', 'Amount'],
      ['Anna', at(2024, 3, 1), 100],
      ['Anna', at(2024, 3, 10), 50],
      ['Boris', at(2024, 2, 1), 300],
      ['Vera', at(2024, 3, 5), 20],
    ];
    function context(): vm.Context {
      const book = new FakeSpreadsheet('Sheet1', TOKYO, 'en_US');
      return loadIntoVm(built.code, makeAppsScriptGlobals(book).globals);
    }
    function call(
      ctx: vm.Context,
      expression: string,
      args: Record<string, unknown> = {},
    ): unknown {
      Object.assign(ctx, args);
      return JSON.parse(JSON.stringify(vm.runInContext(expression, ctx)));
    }

    it('CAC(50000, 125) is 400 (50000 / 125 by hand)', () => {
      expect(call(context(), 'CAC(50000, 125)')).toBe(400);
    });

    it('RFM over a range with Date cells: Anna 442, Boris 114, Vera 211 (score = 1 + floor(5·W/3), worked by hand)', () => {
      // As of 2024-03-11 (the day after the last purchase): days since last purchase Anna 1,
      // Vera 6, Boris 39 (29 days of February 2024 + 10); purchases 2, 1, 1; revenue 150, 300, 20.
      // W = clients strictly worse: R Anna 2 → 4, Vera 1 → 2, Boris 0 → 1; F Anna 2 → 4, others
      // 0 → 1; M Boris 2 → 4, Anna 1 → 2, Vera 0 → 1.
      const out = call(context(), 'RFM(range)', { range: purchases() }) as unknown[][];
      const byName = new Map(out.map((row) => [row[0], row.slice(1)]));
      expect(byName.get('Anna')).toEqual([4, 4, 2, '442']);
      expect(byName.get('Boris')).toEqual([1, 1, 4, '114']);
      expect(byName.get('Vera')).toEqual([2, 1, 1, '211']);
      const withHeader = call(context(), 'RFM(range, "", true, "ru")', {
        range: purchases(),
      }) as unknown[][];
      expect(withHeader).toHaveLength(4);
      expect(withHeader.every((row) => row.length === withHeader[0]!.length)).toBe(true);
    });

    it('errors are thrown as Error with their message (what Sheets shows in the cell)', () => {
      const ctx = context();
      expect(() => vm.runInContext('RFM()', ctx)).toThrow(
        'Argument transactions: a value is required.',
      );
      expect(() =>
        call(ctx, 'RFM(range)', {
          range: [
            ['a', 'b'],
            [1, 2],
          ],
        }),
      ).toThrow(/./);
      expect(() => vm.runInContext('CAC(100, "many")', ctx)).toThrow(
        'newClients must be a number, not "many".',
      );
    });
  });
});
