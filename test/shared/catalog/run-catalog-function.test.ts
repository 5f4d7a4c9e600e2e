import {
  CATALOG_ERROR_TABLES,
  functionCatalog,
  findCatalogFunction,
  runCatalogFunction,
  type CatalogCodec,
  type CatalogResult,
} from '../../../shared/catalog';
import { AnalyticsError, errorMessageSource } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n';
import type { Grid } from '../../../shared/sheet-data/types';

/** A codec that passes arguments and results as they are: the core path alone. */
const identity: CatalogCodec<CatalogResult> = {
  decode: (_param, raw) => raw as never,
  encode: (result) => result,
};

function run(name: string, args: readonly unknown[], locale: Locale = 'en'): CatalogResult {
  const fn = findCatalogFunction(name);
  if (fn === undefined) throw new Error(name);
  return runCatalogFunction(fn, args, identity, { locale });
}

function errorOf(name: string, args: readonly unknown[], locale: Locale): AnalyticsError {
  try {
    run(name, args, locale);
  } catch (error) {
    if (error instanceof AnalyticsError) return error;
    throw error;
  }
  throw new Error(`${name} did not fail`);
}

// Worked by hand: S buys every 10 days from 2024-05-01, then is silent for 41 days by 2024-07-01
// (the RETENTION_ALERTS example of the catalog).
const alertRange: Grid = [
  ['Client', 'Date', 'Amount'],
  ['S', '2024-05-01', 100],
  ['S', '2024-05-11', 100],
  ['S', '2024-05-21', 100],
];
const singles: Grid = [
  ['Client', 'Date', 'Amount'],
  ['Ann', '2024-01-05', 100],
  ['Bob', '2024-02-05', 50],
];

describe('runCatalogFunction: decode, read by type, one core call, encode', () => {
  it('CAC("1 234,5"; 1) in a Russian host is 1234.5 (the documented example)', () => {
    expect(run('CAC', ['1 234,5', 1], 'ru')).toBe(1234.5);
  });
});

describe('the language argument, one rule for every function', () => {
  const withLanguage = functionCatalog.filter((f) => f.params.some((p) => p.name === 'language'));

  it('covers the segmentation, retention and forecasting functions', () => {
    expect(withLanguage.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'RFM',
        'SEGMENT',
        'ABC',
        'XYZ',
        'RETENTION_ALERTS',
        'P_ALIVE',
        'CLV',
      ]),
    );
  });

  it.each(withLanguage.map((f) => [f.name]))(
    '%s: an invalid language ("de") is an error naming the argument, in the host language',
    (name) => {
      const fn = findCatalogFunction(name)!;
      const args: unknown[] = fn.params.map(() => undefined);
      args[0] = alertRange;
      fn.params.forEach((p, i) => {
        if (p.name === 'horizon') args[i] = 4;
      });
      args[fn.params.findIndex((p) => p.name === 'language')] = 'de';
      const error = errorOf(name, args, 'ru');
      expect(error.code).toBe('invalid_argument');
      expect(error.details?.['argument']).toBe('language');
      expect(error.message).toBe('language: нужно "en" или "ru", а не «de».');
    },
  );

  it('omitted, it follows the host language: RETENTION_ALERTS and RFM headers in a Russian host', () => {
    const alerts = run('RETENTION_ALERTS', [alertRange, '2024-07-01'], 'ru') as unknown[][];
    expect(alerts[0]?.[1]).toBe('Постоянный клиент пропал');
    const rfm = run('RFM', [alertRange, undefined, true], 'ru') as unknown[][];
    expect(rfm[0]?.[0]).toBe('Клиент');
    const inEnglish = run('RETENTION_ALERTS', [alertRange, '2024-07-01', 'en'], 'ru');
    expect((inEnglish as unknown[][])[0]?.[1]).toBe('A regular has gone quiet');
  });

  it('its help says the default is the host language, not "en" (en and ru)', () => {
    for (const f of withLanguage) {
      const p = f.params.find((q) => q.name === 'language')!;
      expect(p.description.en).toContain('Default: the language of Excel or of the spreadsheet');
      expect(p.description.ru).toContain('По умолчанию — язык Excel или таблицы');
      expect(p.description.en).not.toMatch(/\(default\)|default en/);
    }
  });
});

describe('empty list results: the header alone, or "No rows to show."', () => {
  it('RETENTION_ALERTS with an as-of before any alert: not_available "No rows to show."', () => {
    const error = errorOf('RETENTION_ALERTS', [alertRange, '2024-05-15'], 'en');
    expect(error.code).toBe('not_available');
    expect(error.message).toBe('No rows to show.');
    expect(errorOf('RETENTION_ALERTS', [alertRange, '2024-05-15'], 'ru').message).toBe(
      'Нет строк для вывода.',
    );
  });

  it('LOST_CLIENTS with no client lost: "No rows to show."', () => {
    expect(errorOf('LOST_CLIENTS', [alertRange, '2024-05-25'], 'en').message).toBe(
      'No rows to show.',
    );
  });

  it('RFM with an as-of before every row: the header row alone with withHeader TRUE, else no rows', () => {
    expect(run('RFM', [alertRange, '2024-01-01', true], 'en')).toEqual([
      ['Client', 'R', 'F', 'M', 'RFM'],
    ]);
    expect(errorOf('RFM', [alertRange, '2024-01-01'], 'en').code).toBe('not_available');
  });
});

describe('errors come out in the call’s language', () => {
  // One call per kind of failure a spreadsheet user can reach.
  const failing: readonly [string, readonly unknown[]][] = [
    ['CAC', [100, 0]],
    ['CAC', ['abc', 1]],
    ['CAC', [100]],
    ['REPEAT_RATE', [5, 2]],
    ['LTV', [1500, 0.5, 1.4, 18]],
    ['LTV_RETENTION', [100, 1, 0]],
    ['LTV_RETENTION', [100, 0.8, 0.1, 'soon']],
    ['NPS', [[[11]]]],
    ['NPS', [[['x']]]],
    ['NPS', [[['']]]],
    ['RFM', [alertRange, 'soon']],
    ['RFM', [alertRange, undefined, 2]],
    ['RFM', [alertRange, '2024-01-01']],
    [
      'RFM',
      [
        [
          ['Client', 'Date', 'Amount'],
          ['Ann', '31.02.2024', 100],
        ],
      ],
    ],
    ['RETENTION_ALERTS', [alertRange, '2024-05-15']],
    ['CHURN_RATE_PERIOD', [alertRange, undefined, 0]],
    ['CHURN_RATE_PERIOD', [alertRange, '2024-05-02']],
    [
      'COHORT_RETENTION',
      [
        [
          ['Client', 'Date', 'Amount'],
          ['Ann', '2024-01-01', -5],
        ],
      ],
    ],
    ['P_ALIVE', [alertRange, undefined, 'year']],
    ['P_ALIVE', [alertRange, '2023-01-01']],
    ['P_ALIVE', [singles]],
    ['EXPECTED_PURCHASES', [alertRange, -1]],
    ['CLV', [alertRange, 1.5]],
  ];

  it.each(failing.map(([name, args]) => [name, JSON.stringify(args), args] as const))(
    '%s(%s) fails in Russian in a Russian host, with a message id that has a ru text',
    (name, _shown, args) => {
      const ru = errorOf(name, args, 'ru');
      expect(ru.message).toMatch(/[а-яё]/i);
      const source = errorMessageSource(ru);
      expect(source).toBeDefined();
      const entry = CATALOG_ERROR_TABLES[source!.table]?.[source!.id];
      expect(entry?.ru.length).toBeGreaterThan(0);
      // English stays English: the same id rendered in en is the message an English host shows.
      const en = errorOf(name, args, 'en');
      expect(en.message).not.toMatch(/[а-яё]/i);
      expect(errorMessageSource(en)?.id).toBe(source!.id);
    },
  );

  it('a sheet-reader error (no amount column) is in the call’s language too', () => {
    expect(errorOf('RFM', [[['Client'], ['Anna']]], 'ru').message).toMatch(/[а-яё]/i);
  });

  it('the language argument decides the language of errors, over the host’s', () => {
    expect(errorOf('RFM', [alertRange, 'soon', undefined, 'ru'], 'en').message).toBe(
      'asOf: нужна дата (ячейка с датой, 2024-03-12 или 12.03.2024), а не «soon».',
    );
  });

  it('every message of the tables catalog errors name has a ru text with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [table, messages] of Object.entries(CATALOG_ERROR_TABLES)) {
      for (const [id, text] of Object.entries(messages)) {
        expect({ table, id, ru: text.ru.trim().length > 0 }).toEqual({ table, id, ru: true });
        expect({ table, id, ru: placeholders(text.ru) }).toEqual({
          table,
          id,
          ru: placeholders(text.en),
        });
      }
    }
  });
});
