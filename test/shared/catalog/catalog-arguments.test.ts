import { transactionRangeArgument } from '../../../shared/catalog/catalog-arguments';
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
