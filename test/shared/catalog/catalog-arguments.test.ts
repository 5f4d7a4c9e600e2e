import {
  decodeCatalogArgument,
  languageArgument,
  transactionRangeArgument,
} from '../../../shared/catalog/catalog-arguments';
import type { CatalogParam, CatalogParamType } from '../../../shared/catalog/types';
import { parseIsoDay } from '../../../shared/calendar';
import { AnalyticsError } from '../../../shared/errors';
import type { Grid } from '../../../shared/sheet-data/types';

describe('transactionRangeArgument', () => {
  // Excel serial 45292 is 2024-01-01 in the 1900 system and 2028-01-02 in the 1904 system
  // (Microsoft: "Differences between the 1900 and the 1904 date system in Excel": the two differ
  // by 1,462 days).
  const grid: Grid = [
    ['Client', 'Date', 'Amount'],
    ['Ann', 45292, 100],
  ];

  it('reads bare serials in the calling workbook’s date system (1900 vs 1904 differ by 1,462 days)', () => {
    const in1900 = transactionRangeArgument([grid], 0, 'transactions', 'en', undefined);
    const in1904 = transactionRangeArgument([grid], 0, 'transactions', 'en', {
      dateSystem: '1904',
    });
    expect(in1900.transactions[0]?.day).toBe(parseIsoDay('2024-01-01'));
    expect(in1904.transactions[0]?.day).toBe(parseIsoDay('2028-01-02'));
  });

  it('names the first problem row in the caller’s language when no row can be read', () => {
    const bad: Grid = [
      ['Клиент', 'Дата', 'Сумма'],
      ['Анна', '31.02.2024', 100],
    ];
    expect(() => transactionRangeArgument([bad], 0, 'transactions', 'ru', undefined)).toThrow(
      /нет читаемых строк с покупками; первая ошибка, строка 2/,
    );
    const inEnglish = () => transactionRangeArgument([bad], 0, 'transactions', 'en', undefined);
    expect(inEnglish).toThrow(AnalyticsError);
    expect(inEnglish).toThrow(/first problem, row 2: .*31\.02\.2024/);
  });
});

describe('languageArgument: one rule for every function with a language argument', () => {
  it('omitted: the host language (CatalogContext.locale), else English', () => {
    expect(languageArgument([undefined], 0, { locale: 'ru' })).toBe('ru');
    expect(languageArgument([], 0, undefined)).toBe('en');
    expect(languageArgument([' RU '], 0, { locale: 'en' })).toBe('ru');
  });

  it('an invalid value is an invalid_argument error naming the argument, not a silent English', () => {
    const run = () => languageArgument(['de'], 0, { locale: 'ru' });
    expect(run).toThrow('language must be "en" or "ru", not "de".');
    try {
      run();
    } catch (error) {
      expect((error as AnalyticsError).code).toBe('invalid_argument');
      expect((error as AnalyticsError).details?.['argument']).toBe('language');
    }
  });
});

describe('decodeCatalogArgument: text arguments read by the core, the same for every host', () => {
  const param = (type: CatalogParamType, optional = false): CatalogParam => ({
    name: 'value',
    type,
    optional,
    description: { en: 'v', ru: 'v' },
  });

  it('reads number text by the locale (1,234 is 1234 in en, 1.234 in ru) and refuses 0x10', () => {
    expect(decodeCatalogArgument(param('number'), '1,234', 'en')).toBe(1234);
    expect(decodeCatalogArgument(param('number'), '1,234', 'ru')).toBe(1.234);
    expect(decodeCatalogArgument(param('number'), '1 234,5', 'ru')).toBe(1234.5);
    expect(() => decodeCatalogArgument(param('number'), '0x10', 'en')).toThrow(
      'value must be a number, not "0x10".',
    );
    expect(() => decodeCatalogArgument(param('integer'), '2,5', 'ru')).toThrow(/whole number/);
  });

  it('reads a date typed as text (12.03.2024) and refuses an impossible one (31.02.2024)', () => {
    expect(decodeCatalogArgument(param('day'), '12.03.2024', 'en')).toBe(19794);
    expect(() => decodeCatalogArgument(param('day'), '31.02.2024', 'en')).toThrow(/31\.02\.2024/);
  });

  it('booleans are TRUE/FALSE or 1/0 only: 2 is refused', () => {
    expect(decodeCatalogArgument(param('boolean'), 1, 'en')).toBe(true);
    expect(decodeCatalogArgument(param('boolean'), 'false', 'en')).toBe(false);
    expect(() => decodeCatalogArgument(param('boolean'), 2, 'en')).toThrow(
      'value must be TRUE or FALSE (or 1 or 0), not 2.',
    );
  });

  it('a blank required argument is named; a blank optional one is undefined', () => {
    expect(decodeCatalogArgument(param('number', true), undefined, 'en')).toBeUndefined();
    expect(() => decodeCatalogArgument(param('number'), '', 'en')).toThrow(
      'Argument value: a value is required.',
    );
  });
});
