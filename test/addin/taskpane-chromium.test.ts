import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { Cell } from '../../shared/sheet-data/types';
import type { FakeSheet } from '../shared/workflows/fake-workbook';

// The built task pane (webpack, development mode) in headless Debian Chromium, driven against a
// fake workbook that implements the same SpreadsheetHost interface as Excel's. Office.js is not
// available offline, so its CDN script is answered with an empty file: the page then only
// exposes window.ClientbaseAddin.mountTaskpane, which the test calls with the fake.
const ROOT = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'https://addin.test';
const hyperlink = '=HYPERLINK("http://x","y")';
const phone = '+7 917 000-00-00';
// "Оплачено" (paid) is not a header the reader knows, so the user maps the amount column by hand.
const userCells: Cell[][] = [
  ['Клиент', 'Дата', 'Оплачено'],
  [hyperlink, '2024-01-10', 100],
  [phone, '2024-01-05', 50],
  ['Boris', '2023-12-01', 30],
  [hyperlink, '2024-02-10', 100],
  [phone, '2024-02-01', 50],
  [hyperlink, '2024-03-10', 100],
];

let outDir = '';
/** Paths the test server answered, to check the compute worker's script was loaded. */
const served: string[] = [];
let browser: Browser | undefined;

function compile(config: webpack.Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'clientbase-addin-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addinConfig = require('../../addin/webpack.addin.js') as (
    env: Record<string, string>,
    argv: Record<string, string>,
  ) => webpack.Configuration;
  const app = addinConfig({ addinOutDir: join(outDir, 'addin') }, { mode: 'development' });
  const fake: webpack.Configuration = {
    mode: 'development',
    devtool: false,
    context: ROOT,
    target: ['web', 'es2020'],
    entry: { fake: join(__dirname, 'browser', 'fake-host-entry.ts') },
    output: { path: join(outDir, 'fake'), filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: join(__dirname, 'tsconfig.json'),
              compilerOptions: { module: 'es2020' },
            },
          },
        },
      ],
    },
  };
  await compile([app, fake]);
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
};

async function openTaskpane(
  locale: 'en' | 'ru',
  cells: Cell[][] = userCells,
  width?: number,
): Promise<Page> {
  if (!browser) throw new Error(`Chromium not found at ${CHROMIUM}; run npm run setup`);
  // Routes on the context, so the compute worker's script is served too.
  const context = await browser.newContext(
    width !== undefined ? { viewport: { width, height: 1200 } } : {},
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'appsforoffice.microsoft.com') {
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    } else if (url.origin === ORIGIN) {
      const file = join(outDir, 'addin', url.pathname);
      if (existsSync(file)) {
        served.push(url.pathname);
        await route.fulfill({
          status: 200,
          contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      } else await route.fulfill({ status: 404, body: '' });
    } else await route.abort();
  });
  await page.goto(`${ORIGIN}/taskpane.html`);
  await page.addScriptTag({ path: join(outDir, 'fake', 'fake.js') });
  await page.evaluate(
    ({ cells, locale }) => {
      const w = window as unknown as {
        FakeWorkbook: new () => { addUserSheet(name: string, cells: unknown[][]): void };
        book: unknown;
        ClientbaseAddin: { mountTaskpane(host: unknown, options: { locale: string }): void };
      };
      const book = new w.FakeWorkbook();
      book.addUserSheet('Data', cells);
      book.addUserSheet('Segments', [['my own notes']]);
      w.book = book;
      w.ClientbaseAddin.mountTaskpane(book, { locale });
    },
    { cells, locale },
  );
  expect(errors).toEqual([]);
  return page;
}

/** Waits for `testId` or the pane's error line, and fails with the error's text if that came. */
async function settled(page: Page, testId: string): Promise<void> {
  await page
    .locator(`[data-testid="${testId}"], [data-testid="error"]`)
    .first()
    .waitFor({ timeout: 60_000 });
  const error = page.getByTestId('error');
  if ((await error.count()) > 0) throw new Error(`task pane error: ${await error.textContent()}`);
}

/**
 * Clicks Run once more and waits until that run has brought its summary sheet to the front or
 * failed (the result line of the run before is still shown until then).
 */
async function runAgain(page: Page): Promise<void> {
  const writes = await page.evaluate(
    () => (window as unknown as { book: { writes: string[] } }).book.writes.length,
  );
  await page.getByTestId('run').click();
  await page.waitForFunction(
    (before) => {
      const done = (window as unknown as { book: { writes: string[] } }).book.writes;
      return (
        (done.length > before && done[done.length - 1]?.startsWith('activate') === true) ||
        document.querySelector('[data-testid="error"]') !== null
      );
    },
    writes,
    { timeout: 60_000 },
  );
  await settled(page, 'result');
}

async function sheets(page: Page): Promise<FakeSheet[]> {
  return page.evaluate(() => (window as unknown as { book: { sheets: FakeSheet[] } }).book.sheets);
}

test('every file manifest.xml points at (https://localhost:3000/...) is in the build', () => {
  const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const paths = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"<\s]+)/g)].map(
    (m) => m[1] as string,
  );
  expect(new Set(paths)).toEqual(
    new Set([
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-80.png',
      'taskpane.html',
      'taskpane.js',
      'functions.json',
      'functions.ru.json',
    ]),
  );
  for (const p of paths) expect(existsSync(join(outDir, 'addin', p))).toBe(true);
  const metadata = JSON.parse(readFileSync(join(outDir, 'addin', 'functions.ru.json'), 'utf8')) as {
    functions: unknown[];
  };
  expect(metadata.functions.length).toBeGreaterThan(0);
});

describe('task pane in headless Chromium against a fake workbook', () => {
  test('map the amount column, run RFM: owned sheets written, names stay text, user cells unchanged (444/222/111 worked by hand in run-analyses-real-core.test.ts)', async () => {
    const page = await openTaskpane('en');
    await page.getByTestId('detect').click();
    await settled(page, 'detection');
    await expect(page.getByTestId('detect-problem').textContent()).resolves.toEqual(
      expect.any(String),
    );
    expect(await page.getByTestId('role-client').inputValue()).toBe('0');
    expect(await page.getByTestId('role-amount').inputValue()).toBe('');
    await page.getByTestId('role-amount').selectOption('2');
    await expect(page.getByTestId('analysis-rfm').isChecked()).resolves.toBe(true);
    await page.getByTestId('run').click();
    await settled(page, 'result');
    const text = await page.getByTestId('result').textContent();
    expect(text).toContain('3 clients analysed');
    expect(text).toContain('Segments (2)');

    const book = await sheets(page);
    const data = book.find((s) => s.name === 'Data');
    expect(data?.cells).toEqual(userCells);
    expect(book.find((s) => s.name === 'Segments')?.cells).toEqual([['my own notes']]);
    const clientsSheet = book.find(
      (s) => s.owned && s.report?.tables.some((t) => t.id === 'clients'),
    );
    const clientTable = clientsSheet?.report?.tables.find((t) => t.id === 'clients');
    const rfmColumn = clientTable?.columns.findIndex((c) => c.key === 'rfmCell') ?? -1;
    const byName = Object.fromEntries((clientTable?.rows ?? []).map((r) => [r[0], r[rfmColumn]]));
    expect(byName).toEqual({ [hyperlink]: '444', [phone]: '222', Boris: '111' });
    expect(book.filter((s) => s.owned).map((s) => s.name)).toContain('Segments (2)');
    await expect(page.getByTestId('progress').getAttribute('aria-valuenow')).resolves.toBe('1');
    // The reading and the analysis ran in the Web Worker, not on the page's thread.
    expect(served.some((p) => /compute-worker/.test(p))).toBe(true);
    await page.context().close();
  }, 120_000);

  test('a second Run reads the detected data again, not the summary sheet the first run brought to the front', async () => {
    const page = await openTaskpane('en');
    await page.getByTestId('detect').click();
    await settled(page, 'detection');
    await page.getByTestId('role-amount').selectOption('2');
    await page.getByTestId('run').click();
    await settled(page, 'result');
    const active = (): Promise<string> =>
      page.evaluate(
        () => (window as unknown as { book: { activeSheet: string } }).book.activeSheet,
      );
    expect(await active()).not.toBe('Data');
    await runAgain(page);
    await settled(page, 'result');
    expect(await page.getByTestId('result').textContent()).toContain('3 clients analysed');
    await page.context().close();
  }, 120_000);

  test('after a run, says in the past tense how many rows were left out', async () => {
    const page = await openTaskpane('en', [
      ['Client', 'Date', 'Amount'],
      ['Anna', '2024-01-10', 100],
      ['Boris', '31.02.2024', 50],
      ['Anna', '2024-02-10', 'free'],
      ['Boris', '2024-02-05', 70],
    ]);
    await page.getByTestId('detect').click();
    await settled(page, 'detection');
    await page.getByTestId('run').click();
    await settled(page, 'result');
    expect(await page.getByTestId('result-rejected').textContent()).toBe(
      '2 rows were left out: they could not be read.',
    );
    await page.context().close();
  }, 120_000);

  test('unticking an analysis says which report sheets of the earlier run were removed', async () => {
    const page = await openTaskpane('en');
    await page.getByTestId('detect').click();
    await settled(page, 'detection');
    await page.getByTestId('role-amount').selectOption('2');
    await page.getByTestId('analysis-abcXyz').check();
    await page.getByTestId('run').click();
    await settled(page, 'result');
    expect(await page.getByTestId('result-deleted').count()).toBe(0);
    const owned = async (): Promise<string[]> =>
      (await sheets(page)).filter((sheet) => sheet.owned).map((sheet) => sheet.name);
    const before = await owned();
    await page.getByTestId('analysis-abcXyz').uncheck();
    await runAgain(page);
    const after = await owned();
    const removed = before.filter((name) => !after.includes(name));
    expect(removed.length).toBeGreaterThan(0);
    expect(await page.getByTestId('result-deleted').textContent()).toBe(
      `Result sheets of an earlier run removed: ${removed.join(', ')}.`,
    );
    await page.context().close();
  }, 120_000);

  test('the detection names the shape once, from the reader when its columns were found, else from the pane', async () => {
    const shapeLines = async (page: Page): Promise<number> =>
      ((await page.getByTestId('detection').innerText()).match(/Read as a transaction list/g) ?? [])
        .length;
    const incomplete = await openTaskpane('en');
    await incomplete.getByTestId('detect').click();
    await settled(incomplete, 'detection');
    expect(await shapeLines(incomplete)).toBe(1);
    await incomplete.context().close();
    const page = await openTaskpane('en', [
      ['Client', 'Date', 'Amount'],
      ['Anna', '2024-01-10', 100],
      ['Boris', '2024-01-05', 50],
      ['Anna', '2024-02-10', 70],
    ]);
    await page.getByTestId('detect').click();
    await settled(page, 'detection');
    expect(await page.getByTestId('detection').innerText()).toContain(
      'Read as a transaction list (a row per purchase): it has client, date and amount columns.',
    );
    expect(await shapeLines(page)).toBe(1);
    await page.context().close();
  }, 120_000);

  test('accessibility: step headings, a named output radio group, the result announced, focus kept on Run', async () => {
    const page = await openTaskpane('en');
    expect(
      await page
        .getByRole('heading', { level: 2 })
        .evaluateAll((els) => els.map((e) => e.textContent)),
    ).toEqual(['1. Data', '3. Analyses', '4. Output']);
    await expect(page.getByRole('radiogroup', { name: '4. Output' }).count()).resolves.toBe(1);
    await page.getByTestId('detect').focus();
    await page.keyboard.press('Enter');
    await settled(page, 'detection');
    await page.getByTestId('role-amount').selectOption('2');
    await page.getByTestId('run').focus();
    await page.keyboard.press('Enter');
    await settled(page, 'result');
    expect(await page.getByRole('status').getByTestId('result').count()).toBe(1);
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
    ).toBe('run');
    await page.context().close();
  }, 120_000);

  test('at 320 px, the narrowest usual task pane, nothing is wider than the pane in either language', async () => {
    for (const locale of ['en', 'ru'] as const) {
      const page = await openTaskpane(locale, userCells, 320);
      await page.getByTestId('detect').click();
      await settled(page, 'detection');
      const overflowing = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid]'))
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((e) => e.getAttribute('data-testid')),
      );
      expect({ locale, overflowing }).toEqual({ locale, overflowing: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
      await page.context().close();
    }
  }, 120_000);

  test('every role of the detected shape has a drop-down, required ones marked, and "(none)" keeps it', async () => {
    const roles = (page: Page): Promise<string[]> =>
      page
        .locator('[data-testid^="role-"]')
        .evaluateAll((els) =>
          els.map(
            (e) =>
              `${e.getAttribute('data-testid')}=${(e as HTMLSelectElement).value}` +
              ((e as HTMLSelectElement).required ? '*' : ''),
          ),
        );
    // "GP $" is no header the reader knows: the profit is picked by hand.
    const page = await openTaskpane('en', [
      ['Customer', 'Order date', 'Total', 'GP $', 'Sales rep'],
      ['Acme Ltd', '2024-01-05', 1200, 300, 'Jim'],
      ['Beta Inc', '2024-01-20', 800, 120, 'Pam'],
      ['Acme Ltd', '2024-03-05', 1500, 400, 'Jim'],
    ]);
    await page.getByTestId('detect').click();
    await settled(page, 'detection');
    expect(await roles(page)).toEqual([
      'role-client=0*',
      'role-date=1*',
      'role-amount=2*',
      'role-orderId=',
      'role-profit=',
      'role-manager=4',
      'role-channel=',
      'role-category=',
    ]);
    await page.getByTestId('role-profit').selectOption('3');
    await page.getByTestId('role-manager').selectOption('');
    expect(await roles(page)).toContain('role-profit=3');
    expect(await roles(page)).toContain('role-manager=');
    await page.context().close();

    const clients = await openTaskpane('ru', [
      ['Клиент', 'Последняя покупка', 'Количество покупок', 'Выручка'],
      ['Анна', '2024-11-02', 7, 21000],
      ['Борис', '2024-03-15', 2, 4000],
    ]);
    await clients.getByTestId('detect').click();
    await settled(clients, 'detection');
    expect(await roles(clients)).toEqual([
      'role-client=0*',
      'role-lastPurchaseDate=1',
      'role-firstPurchaseDate=',
      'role-purchaseCount=2',
      'role-totalRevenue=3',
      'role-manager=',
      'role-channel=',
    ]);
    await clients.context().close();
  }, 120_000);

  test('annotate mode in Russian adds headed columns only beside the table', async () => {
    const page = await openTaskpane('ru');
    await page.getByTestId('detect').click();
    await settled(page, 'detection');
    await page.getByTestId('role-amount').selectOption('2');
    await page.getByTestId('mode-annotate').check();
    await page.getByTestId('run').click();
    await settled(page, 'result');
    expect(await page.getByTestId('result').textContent()).toContain('D1:E7');
    const data = (await sheets(page)).find((s) => s.name === 'Data');
    expect(data?.cells.map((r) => r.slice(0, 3))).toEqual(userCells);
    expect(data?.cells.map((r) => r[4])).toEqual([
      'clientbase: RFM',
      '444',
      '222',
      '111',
      '444',
      '222',
      '444',
    ]);
    expect(data?.cells[0]?.[3]).toBe('clientbase: RFM-сегмент');
    await page.context().close();
  }, 120_000);

  test('every row rejected: the worker hands back the Rejected rows sheet, which is written with all 8 rows, and the error names it', async () => {
    const rejected: Cell[][] = [
      ['Client', 'Date', 'Amount'],
      ...Array.from({ length: 8 }, (_, k): Cell[] => [`c${k}`, '2024-01-05', 'free']),
    ];
    const page = await openTaskpane('en', rejected);
    await page.getByTestId('detect').click();
    await settled(page, 'detection');
    await page.getByTestId('run').click();
    const error = page.getByTestId('error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toContain(
      'Each rejected row and its reason are listed on the sheet "Rejected rows".',
    );
    const book = await sheets(page);
    expect(book.find((s) => s.name === 'Data')?.cells).toEqual(rejected);
    const owned = book.filter((s) => s.owned);
    expect(owned.map((s) => s.name)).toEqual(['Rejected rows']);
    expect(owned[0]?.report?.tables[0]?.rows.map((r) => r[0])).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    await page.context().close();
  }, 120_000);
});
