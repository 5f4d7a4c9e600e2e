import { invokeCatalogFunction } from '../../addin/functions/invoke-catalog-function';
import type { EncodedResult } from '../../addin/excel-codec';
import { invokeCustomFunction } from '../../apps-script/custom-functions';
import { makeDayOfDate } from '../../apps-script/sheets-codec';
import { functionCatalog, findCatalogFunction } from '../../shared/catalog';
import type { Locale } from '../../shared/i18n';
import { formatIsoInZone } from './helpers/fake-apps-script';

/**
 * The same spreadsheet calls through both hosts' wrappers (Excel `CLIENTBASE.X` via
 * `invokeCatalogFunction`, Sheets `X` via `invokeCustomFunction`) must give the same value or
 * the same message.
 */
type Outcome = { value: unknown } | { error: string };

function excel(name: string, args: readonly unknown[], locale: Locale): Outcome {
  const out: EncodedResult = invokeCatalogFunction(findCatalogFunction(name)!, args, {
    dateSystem: '1900',
    locale,
  });
  return typeof out === 'object' && !Array.isArray(out) ? { error: out.message } : { value: out };
}

function sheets(name: string, args: readonly unknown[], locale: Locale): Outcome {
  const context = { locale, dayOfDate: makeDayOfDate((d) => formatIsoInZone(d, 'Etc/UTC')) };
  try {
    return { value: invokeCustomFunction(functionCatalog, name, args as never, context) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

// The RETENTION_ALERTS worked example: S buys every 10 days from 2024-05-01.
const range = [
  ['Client', 'Date', 'Amount'],
  ['S', '2024-05-01', 100],
  ['S', '2024-05-11', 100],
  ['S', '2024-05-21', 100],
];
const rfmHeader = ['Client', 'R', 'F', 'M', 'RFM'];

describe('Excel and Sheets read scalar arguments typed as text the same way', () => {
  const table: readonly [string, readonly unknown[], Locale, Outcome][] = [
    // CAC = spend / new clients; '1,234' groups thousands in en, is a decimal comma in ru.
    ['CAC', ['1,234', 1], 'en', { value: 1234 }],
    ['CAC', ['1,234', 1], 'ru', { value: 1.234 }],
    ['CAC', ['1 234,5', 1], 'ru', { value: 1234.5 }],
    ['CAC', [' 50000 ', '125'], 'en', { value: 400 }],
    ['CAC', ['0x10', 1], 'en', { error: 'marketingSpend must be a number, not "0x10".' }],
    ['CAC', ['1e3', 1], 'en', { error: 'marketingSpend must be a number, not "1e3".' }],
    // A dotted date is a date in both hosts: 12.06.2024 is 2024-06-12, after every purchase;
    // 2024-03-12 is before them all, so only the header row is left.
    ['RFM', [range, '12.06.2024'], 'en', { value: [['S', 1, 1, 1, '111']] }],
    ['RFM', [range, '2024-03-12', true], 'en', { value: [rfmHeader] }],
    [
      'RFM',
      [range, '31.02.2024'],
      'en',
      { error: 'asOf must be a date (a date cell, 2024-03-12 or 12.03.2024), not "31.02.2024".' },
    ],
    // withHeader: TRUE/FALSE or 1/0 only.
    ['RFM', [range, '2024-06-01', 1], 'en', { value: [rfmHeader, ['S', 1, 1, 1, '111']] }],
    ['RFM', [range, '2024-06-01', 'TRUE'], 'en', { value: [rfmHeader, ['S', 1, 1, 1, '111']] }],
    ['RFM', [range, '2024-06-01', 0], 'en', { value: [['S', 1, 1, 1, '111']] }],
    [
      'RFM',
      [range, '2024-06-01', 2],
      'en',
      { error: 'withHeader must be TRUE or FALSE (or 1 or 0), not 2.' },
    ],
    [
      'RFM',
      [range, '2024-06-01', 'yes'],
      'en',
      { error: 'withHeader must be TRUE or FALSE (or 1 or 0), not yes.' },
    ],
    [
      'CHURN_RATE_PERIOD',
      [range, '2024-06-01', '2,5'],
      'ru',
      { error: 'periodMonths: нужно целое число, а не 2,5.' },
    ],
  ];

  it.each(
    table.map(
      ([name, args, locale, expected]) =>
        [name, JSON.stringify(args), locale, args, expected] as const,
    ),
  )('%s(%s) in %s', (name, _shown, locale, args, expected) => {
    expect(excel(name, args, locale)).toEqual(expected);
    expect(sheets(name, args, locale)).toEqual(expected);
  });
});

describe('both hosts show an empty list and errors the same way', () => {
  it('an empty list is "No rows to show." in both (Excel #N/A, Sheets a thrown Error)', () => {
    const excelOut = invokeCatalogFunction(
      findCatalogFunction('RETENTION_ALERTS')!,
      [range, '2024-05-15'],
      { dateSystem: '1900', locale: 'en' },
    );
    expect(excelOut).toEqual({
      kind: 'error',
      errorKind: 'notAvailable',
      message: 'No rows to show.',
    });
    expect(sheets('RETENTION_ALERTS', [range, '2024-05-15'], 'en')).toEqual({
      error: 'No rows to show.',
    });
    expect(sheets('LOST_CLIENTS', [range, '2024-05-25'], 'ru')).toEqual({
      error: 'Нет строк для вывода.',
    });
  });

  // Representative failures in a Russian host: the metric checks, the catalog's own argument
  // rules, the retention and forecasting layers.
  const russian: readonly [string, readonly unknown[], string][] = [
    ['CAC', [1000, 0], 'newClients: нужно число больше нуля, получено 0.'],
    ['CAC', ['abc', 1], 'marketingSpend: нужно число, а не «abc».'],
    ['CAC', [1000], 'Аргумент newClients: нужно значение.'],
    [
      'LTV_RETENTION',
      [100, 0.8, 0.1, 'soon'],
      'timing: нужно одно из значений end-of-period-retained, at-acquisition, end-of-period.',
    ],
    ['RFM', [range, undefined, undefined, 'de'], 'language: нужно "en" или "ru", а не «de».'],
    ['RETENTION_ALERTS', [range, '2024-05-15'], 'Нет строк для вывода.'],
    [
      'CHURN_RATE_PERIOD',
      [range, '2024-05-02'],
      'В начале периода не было ни одного активного клиента.',
    ],
    ['P_ALIVE', [range, undefined, 'year'], 'unit должен быть одним из: week, day, month.'],
  ];

  it.each(russian)(
    '%s in a Russian host says it in Russian in Excel and in Sheets',
    (name, args, message) => {
      expect(excel(name, args, 'ru')).toEqual({ error: message });
      expect(sheets(name, args, 'ru')).toEqual({ error: message });
    },
  );
});
