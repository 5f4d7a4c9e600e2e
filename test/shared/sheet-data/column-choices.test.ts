import { AnalyticsError } from '../../../shared/errors';
import {
  COLUMN_ROLES,
  columnRoleOf,
  readSheet,
  resolveColumnChoices,
} from '../../../shared/sheet-data';
import type { Grid } from '../../../shared/sheet-data/types';
import { expectSameAsGridReader, utf8 } from './delimited-files';
import { mustThrow } from '../../thrown-error';

const VAT_HEADERS = ['Клиент', 'Дата', 'Сумма без НДС', 'Сумма с НДС'];

const errorOf = (run: () => unknown): AnalyticsError => mustThrow(run, AnalyticsError);

describe('columnRoleOf', () => {
  it('finds a role ignoring case and spaces (the doc card: " Amount " is amount)', () => {
    expect(columnRoleOf(' Amount ')).toBe('amount');
    expect(columnRoleOf('orderid')).toBe('orderId');
    expect(columnRoleOf('TotalRevenue')).toBe('totalRevenue');
    expect(columnRoleOf('sum')).toBeUndefined();
  });

  it('knows the 16 roles of ColumnRole, each once', () => {
    expect(COLUMN_ROLES).toHaveLength(16);
    expect(new Set(COLUMN_ROLES).size).toBe(16);
    for (const role of COLUMN_ROLES) expect(columnRoleOf(role)).toBe(role);
  });
});

describe('resolveColumnChoices', () => {
  it('takes a header text ignoring case and spaces, or a column letter (the doc card example)', () => {
    expect(resolveColumnChoices({ amount: 'сумма с ндс' }, VAT_HEADERS, 4)).toEqual({ amount: 3 });
    expect(resolveColumnChoices({ amount: ' Сумма с НДС ' }, VAT_HEADERS, 4)).toEqual({
      amount: 3,
    });
    expect(resolveColumnChoices({ amount: 'C', client: 'a' }, VAT_HEADERS, 4)).toEqual({
      amount: 2,
      client: 0,
    });
  });

  it('reads two- and three-letter columns: AA is the 27th, AB1 is no letter', () => {
    const headers = Array.from({ length: 30 }, (_, k) => `h${k}`);
    expect(resolveColumnChoices({ amount: 'AA' }, headers, 30)).toEqual({ amount: 26 });
    expect(() => resolveColumnChoices({ amount: 'AB1' }, headers, 30)).toThrow(AnalyticsError);
  });

  it('prefers a header over the letter of the same text (a column headed ID)', () => {
    const headers = Array.from({ length: 300 }, (_, k) => (k === 1 ? 'ID' : `h${k}`));
    // ID as a letter is column 238 (9 × 26 + 4); as a header it is column B.
    expect(resolveColumnChoices({ client: 'id' }, headers, 300)).toEqual({ client: 1 });
  });

  it('counts letters from the sheet column of the grid (a table starting in column C)', () => {
    expect(resolveColumnChoices({ amount: 'F' }, VAT_HEADERS, 4, { firstColumnNumber: 3 })).toEqual(
      { amount: 3 },
    );
    expect(() =>
      resolveColumnChoices({ amount: 'B' }, VAT_HEADERS, 4, { firstColumnNumber: 3 }),
    ).toThrow(AnalyticsError);
  });

  it('refuses a column that is not there, with the letters and headers to choose from (en, ru)', () => {
    const error = errorOf(() => resolveColumnChoices({ amount: 'E' }, VAT_HEADERS, 4));
    expect(error.code).toBe('invalid_argument');
    expect(error.details).toEqual({ argument: 'columns', role: 'amount', column: 'E' });
    expect(error.message).toBe(
      'No column "E" for amount: give a column letter from A to D or a header (Клиент, Дата, Сумма без НДС, Сумма с НДС).',
    );
    expect(
      errorOf(() => resolveColumnChoices({ amount: 'Сумма' }, VAT_HEADERS, 4, { locale: 'ru' }))
        .message,
    ).toBe(
      'Нет столбца «Сумма» для amount: укажите букву столбца от A до D или заголовок (Клиент, Дата, Сумма без НДС, Сумма с НДС).',
    );
  });

  it('refuses a header text that several columns have, naming them', () => {
    const error = errorOf(() =>
      resolveColumnChoices({ amount: 'сумма' }, ['Клиент', 'Сумма', 'Дата', 'сумма '], 4),
    );
    expect(error.message).toBe(
      'Columns B, D are all headed "сумма"; choose the one for amount by its letter.',
    );
  });
});

describe('readSheet with column choices', () => {
  const grid: Grid = [
    VAT_HEADERS,
    ['Анна', '2024-03-01', 100, 120],
    ['Борис', '2024-03-02', 10, 12],
  ];

  it('reads the amount from the chosen column, the other roles still by their headers', () => {
    expect(readSheet(grid).transactions.map((t) => t.amount)).toEqual([100, 10]);
    const chosen = readSheet(grid, { columns: { amount: 'Сумма с НДС' } });
    expect(chosen.mapping).toMatchObject({ client: 0, date: 1, amount: 3 });
    expect(chosen.transactions.map((t) => t.amount)).toEqual([120, 12]);
  });

  it('reads a CSV from its bytes with the same result as the grid reader', () => {
    const bytes = utf8(
      'Клиент;Дата;Сумма без НДС;Сумма с НДС\nАнна;2024-03-01;100;120\nБорис;2024-03-02;10;12\n',
    );
    const read = expectSameAsGridReader(bytes, { columns: { amount: 'd' } });
    expect(read?.transactions.map((t) => t.amount)).toEqual([120, 12]);
    // A column that is not there is the same error either way.
    expect(expectSameAsGridReader(bytes, { columns: { amount: 'Z' } })).toBeUndefined();
  });
});
