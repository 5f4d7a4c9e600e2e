import type { Browser } from 'playwright-core';
import { sidebarMessages } from '../../shared/i18n/sidebar-messages';
import { uiMessages } from '../../shared/i18n/ui-messages';
import type { ColumnDetection } from '../../shared/workflows';
import type { RunStepResult, SidebarState } from '../../apps-script/server-api';
import { buildAddOn, loadIntoVm, type BuiltAddOn } from './helpers/build-bundle';
import { FakeSpreadsheet, makeAppsScriptGlobals, midnightInZone } from './helpers/fake-apps-script';
import { launchChromium, openSidebar, type ServerHandler } from './helpers/sidebar-page';

const XSS = '<img src=x onerror=alert(1)>';

let built: BuiltAddOn;
let browser: Browser;

beforeAll(async () => {
  built = buildAddOn();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const state = (locale: 'en' | 'ru'): SidebarState => ({
  locale,
  activeSheetName: XSS,
  ownedSheetNames: [],
  availableAnalyses: ['rfm', 'abcXyz'],
});

const detection: ColumnDetection = {
  region: {
    sheetName: XSS,
    address: 'A1:C4',
    firstRowNumber: 1,
    firstColumnNumber: 1,
    rowCount: 4,
    columnCount: 3,
  },
  dateSystem: '1900',
  headerRow: 1,
  headers: [XSS, 'Date', 'Amount'],
  mapping: { client: 0, date: 1, amount: 2 },
  shape: 'transactions',
  notes: [`Row 3: ${XSS} is not a date`],
  dataRowCount: 3,
  rejectedRowCount: 1,
  complete: true,
};

const step = (done: boolean): RunStepResult => ({
  done,
  cursor: done
    ? null
    : { sheetIndex: 1, source: { kind: 'range', sheetName: XSS, address: 'A1:C4' } },
  fraction: done ? 1 : 0.8,
  message: done ? 'Done.' : 'Writing results…',
  writtenSheets: done ? ['Segments', 'ABC-XYZ'] : ['Segments'],
  deletedSheets: [],
  annotationAddress: null,
  insertedColumns: false,
  segments: done
    ? [
        {
          segment: 'champions',
          name: 'Champions',
          clients: 2,
          meaning: 'Bought recently, often, and spent the most.',
          action: 'Ask for reviews and referrals.',
          color: '#63BE7B',
          examples: [XSS, 'Anna'],
        },
      ]
    : [],
  clientCount: 2,
  rejectedRowCount: 1,
  notes: [],
});

function cannedServer(locale: 'en' | 'ru'): ServerHandler {
  let runs = 0;
  return (name) => {
    switch (name) {
      case 'getSidebarState':
        return state(locale);
      case 'detectColumns':
        return detection;
      case 'runAnalysesStep':
        runs += 1;
        return step(runs >= 2);
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
}

/** The real server bundle in a vm over `book`, as a handler with Apps Script's JSON transport. */
function realServer(book: FakeSpreadsheet, userLocale: 'en' | 'ru'): ServerHandler {
  const { globals } = makeAppsScriptGlobals(book, { userLocale });
  const server = loadIntoVm(built.code, globals) as Record<string, unknown>;
  return (name, args) => {
    const fn = server[name];
    if (typeof fn !== 'function') throw new Error(`no server function ${name}`);
    return JSON.parse(JSON.stringify((fn as (...a: unknown[]) => unknown)(...args) ?? null));
  };
}

/** A sheet of 30 visits whose every row is rejected: 31.02.2024 does not exist, or a text amount. */
function allRejectedBook(): FakeSpreadsheet {
  const book = new FakeSpreadsheet('Визиты', 'Europe/Moscow', 'ru_RU');
  const rows: (string | number)[][] = [['Клиент', 'Дата', 'Сумма']];
  for (let i = 0; i < 30; i += 1) {
    rows.push([`Клиент ${i}`, i % 2 ? '31.02.2024' : '2024-01-05', i % 2 ? 1000 : 'по абонементу']);
  }
  book.active.put(1, 1, rows);
  return book;
}

describe('the sidebar in headless Chromium with a stub google.script.run', () => {
  it('escapes user data: a client and a header named <img src=x onerror=alert(1)> show as text, no image, no alert', async () => {
    const { page, calls, dialogs } = await openSidebar(
      browser,
      built.sidebarHtml,
      cannedServer('en'),
    );
    await page.click('#detect');
    await page.waitForSelector('select[data-role="client"]');
    await page.click('#run');
    await page.waitForSelector('#segments .segment');
    expect(await page.locator('img').count()).toBe(0);
    const options = await page.locator('select[data-role="client"] option').allTextContents();
    expect(options).toContain(XSS);
    expect(await page.locator('#detection').textContent()).toContain(`Row 3: ${XSS} is not a date`);
    expect(await page.locator('#segments .examples').textContent()).toBe(
      `For example: ${XSS}, Anna`,
    );
    expect(await page.locator('#source option[value="used-range"]').textContent()).toContain(XSS);
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    expect(calls.map((c) => c.name)).toEqual([
      'getSidebarState',
      'detectColumns',
      'runAnalysesStep',
      'runAnalysesStep',
    ]);
    await page.close();
  });

  it('runs in steps: passes the fixed mapping and the cursor back, shows progress, then segments with meaning and action', async () => {
    const { page, calls } = await openSidebar(browser, built.sidebarHtml, cannedServer('en'));
    await page.click('#detect');
    await page.waitForSelector('select[data-role="orderId"]');
    await page.selectOption('select[data-role="orderId"]', '2');
    await page.fill('#as-of', '2024-12-31');
    await page.click('#run');
    await page.waitForSelector('#segments .segment');
    const runs = calls.filter((c) => c.name === 'runAnalysesStep');
    expect(runs).toHaveLength(2);
    expect(runs[0]!.args[0]).toMatchObject({
      mapping: { client: 0, date: 1, amount: 2, orderId: 2 },
      analyses: ['rfm', 'abcXyz'],
      mode: 'sheets',
      asOf: '2024-12-31',
      headerRow: 1,
      source: { kind: 'range', sheetName: XSS, address: 'A1:C4' },
    });
    expect(runs[0]!.args[1]).toBeNull();
    expect(runs[1]!.args[1]).toEqual({
      sheetIndex: 1,
      source: { kind: 'range', sheetName: XSS, address: 'A1:C4' },
    });
    const segment = page.locator('#segments .segment');
    expect(await segment.textContent()).toContain(
      'Who: Bought recently, often, and spent the most.',
    );
    expect(await segment.textContent()).toContain('Action: Ask for reviews and referrals.');
    expect(await page.locator('#results').textContent()).toContain(
      '2 clients analysed; sheets written: Segments, ABC-XYZ.',
    );
    expect(await page.locator('#progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(
      1,
    );
    await page.close();
  });

  it('speaks Russian when the server says the user locale is ru', async () => {
    const { page } = await openSidebar(browser, built.sidebarHtml, cannedServer('ru'), 'ru-RU');
    await page.waitForSelector('#detect');
    expect(await page.locator('#detect').textContent()).toBe(uiMessages.detectButton.ru);
    expect(await page.locator('h1').textContent()).toBe(uiMessages.appTitle.ru);
    await page.click('#detect');
    await page.waitForSelector('select[data-role="client"]');
    await page.click('#run');
    await page.waitForSelector('#segments');
    expect(await page.locator('#results h2').first().textContent()).toBe(
      sidebarMessages.stepResults.ru,
    );
    // 2 клиента, not "клиентов: 2": the segment size takes the Russian plural form of its count.
    expect(await page.locator('#segments .segment b').textContent()).toBe('Champions — 2 клиента');
    await page.close();
  });

  it('shows a server error message as text in the error box', async () => {
    const { page } = await openSidebar(browser, built.sidebarHtml, (name) => {
      if (name === 'getSidebarState') return state('en');
      throw new Error(`No data near the cursor ${XSS}`);
    });
    await page.click('#detect');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toBe(`No data near the cursor ${XSS}`);
    expect(await page.locator('img').count()).toBe(0);
    await page.close();
  });

  it('end to end: the sidebar drives the real server bundle (vm, fake spreadsheet) to result sheets', async () => {
    const zone = 'Asia/Yekaterinburg';
    const book = new FakeSpreadsheet('Продажи', zone, 'ru_RU');
    const rows: (string | number | Date)[][] = [['Покупатель', 'Дата покупки', 'Сумма, руб.']];
    const names = [XSS, 'Анна', 'Борис', 'Вера'];
    for (let i = 0; i < 24; i += 1) {
      rows.push([names[i % 4]!, midnightInZone(2024, 1 + (i % 12), 1 + i, zone), 500 + 10 * i]);
    }
    book.active.put(1, 1, rows);
    const handler = realServer(book, 'ru');
    const { page, dialogs } = await openSidebar(browser, built.sidebarHtml, handler, 'ru-RU');
    await page.click('#detect');
    await page.waitForSelector('select[data-role="client"]');
    expect(await page.locator('select[data-role="client"]').inputValue()).toBe('0');
    // The columns the shape needs are marked required, the optional ones are not.
    expect(await page.locator('select[data-role="client"]').getAttribute('aria-required')).toBe(
      'true',
    );
    expect(
      await page.locator('select[data-role="manager"]').getAttribute('aria-required'),
    ).toBeNull();
    // The shape is said once: by the reader's note, with its reason.
    const detected = (await page.locator('#detection').textContent()) ?? '';
    expect(detected.match(/Прочитано как список покупок/g)).toHaveLength(1);
    expect(detected).toContain(
      'Прочитано как список покупок (строка на покупку): есть столбцы клиента, даты и суммы.',
    );
    await page.click('#run');
    await page.waitForSelector('#segments .segment', { timeout: 60_000 });
    const examples = await page.locator('#segments .examples').allTextContents();
    expect(examples.join(' ')).toContain(XSS);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    const owned = book.getSheets().filter((sheet) => sheet.getDeveloperMetadata().length > 0);
    expect(owned.length).toBeGreaterThan(0);
    expect(book.getSheets()[0]!.getName()).toBe('Продажи');
    expect(book.getSheets()[0]!.read(2, 1, 1, 1)).toEqual([[XSS]]);
    await page.close();
  });

  it('every row rejected (real bundle): the Отклонённые строки sheet gets all 30 rows and the error names it; the visits are untouched', async () => {
    const book = allRejectedBook();
    const before = book.active.read(1, 1, 31, 3);
    const { page } = await openSidebar(browser, built.sidebarHtml, realServer(book, 'ru'), 'ru-RU');
    await page.click('#detect');
    await page.waitForSelector('select[data-role="client"]');
    await page.click('#run');
    await page.waitForSelector('#error:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#error').textContent()).toContain(
      'Все отклонённые строки и причины перечислены на листе «Отклонённые строки».',
    );
    const sheet = book.getSheets().find((s) => s.getName() === 'Отклонённые строки');
    expect(sheet?.getDeveloperMetadata().length).toBeGreaterThan(0);
    // Title, note, header, then one row per rejected sheet row 2..31.
    const written = sheet?.read(1, 1, sheet.getLastRow(), 2) ?? [];
    expect(written.slice(-30).map((r) => r[0])).toEqual(
      Array.from({ length: 30 }, (_, k) => k + 2),
    );
    expect(book.getSheetByName('Визиты')?.read(1, 1, 31, 3)).toEqual(before);
    await page.close();
  });

  it('a failed run in a 300×600 sidebar shows its error right under Run, in view, and hides the progress bar', async () => {
    const { page } = await openSidebar(browser, built.sidebarHtml, (name) => {
      if (name === 'getSidebarState') return state('en');
      if (name === 'detectColumns') return detection;
      throw new Error('No row of the sheet could be read as a purchase.');
    });
    await page.setViewportSize({ width: 300, height: 600 });
    await page.click('#detect');
    await page.waitForSelector('select[data-role="client"]');
    await page.locator('#run').scrollIntoViewIfNeeded();
    await page.click('#run');
    await page.waitForSelector('#error:not([hidden])');
    const placed = await page.evaluate(() => {
      const box = document.getElementById('error')!;
      const rect = box.getBoundingClientRect();
      return {
        after: box.previousElementSibling?.id,
        inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
      };
    });
    expect(placed).toEqual({ after: 'status', inView: true });
    expect(await page.locator('#progress').isHidden()).toBe(true);
    expect(await page.locator('#status').textContent()).toBe('');
    await page.close();
  });

  it('a failed detection shows its error right under the Detect button', async () => {
    const { page } = await openSidebar(browser, built.sidebarHtml, (name) => {
      if (name === 'getSidebarState') return state('en');
      throw new Error('The selected range has no data.');
    });
    await page.click('#detect');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').evaluate((box) => box.previousElementSibling?.id)).toBe(
      'detect',
    );
    await page.close();
  });

  it('the as-of field is named by its visible label and has a placeholder in the user language', async () => {
    for (const [locale, tag] of [
      ['ru', 'ru-RU'],
      ['en', 'en-US'],
    ] as const) {
      const { page } = await openSidebar(browser, built.sidebarHtml, cannedServer(locale), tag);
      await page.waitForSelector('#as-of');
      const field = page.getByRole('textbox', { name: uiMessages.asOfLabel[locale], exact: true });
      expect(await field.count()).toBe(1);
      expect(await field.getAttribute('id')).toBe('as-of');
      expect(await field.getAttribute('placeholder')).toBe(
        locale === 'ru' ? 'ГГГГ-ММ-ДД' : 'YYYY-MM-DD',
      );
      expect(await page.getByLabel(uiMessages.sourceLabel[locale], { exact: true }).count()).toBe(
        1,
      );
      await page.close();
    }
  });
});
