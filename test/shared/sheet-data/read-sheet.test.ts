import { AnalyticsError, parseIsoDay } from '../../../shared';
import { parseDelimitedText, readSheet, type Cell } from '../../../shared/sheet-data';
import { mustThrow } from '../../thrown-error';

// Reference days come from `parseIsoDay`, itself checked against GNU `date` in the calendar tests.
const day = (iso: string): number => parseIsoDay(iso) as number;

const rejectedCodes = (grid: Cell[][], options = {}): [number, string][] =>
  readSheet(grid, options).rejectedRows.map((r) => [r.row, r.code]);

describe('readSheet: a transaction list', () => {
  it('reads an English sheet of text, numbers, serials and host date cells', () => {
    const result = readSheet([
      ['Client', 'Date', 'Amount', 'Order ID'],
      ['Ann', '2024-03-12', 100, 5001],
      ['Bob', 45363, '$1,234.56', 'A-7'],
      ['ann', { kind: 'date', day: day('2024-04-01') }, '-20', null],
    ]);
    expect(result.shape).toBe('transactions');
    expect(result.headerRow).toBe(1);
    expect(result.headers).toEqual(['Client', 'Date', 'Amount', 'Order ID']);
    expect(result.mapping).toEqual({ client: 0, date: 1, amount: 2, orderId: 3 });
    expect(result.transactions).toEqual([
      {
        row: 2,
        clientKey: 'ann',
        clientName: 'Ann',
        day: day('2024-03-12'),
        amount: 100,
        orderId: '5001',
      },
      // 45363 = 25569 + 19794: serial of 2024-03-12 in the 1900 system (worked by hand).
      {
        row: 3,
        clientKey: 'bob',
        clientName: 'Bob',
        day: day('2024-03-12'),
        amount: 1234.56,
        orderId: 'A-7',
      },
      { row: 4, clientKey: 'ann', clientName: 'Ann', day: day('2024-04-01'), amount: -20 },
    ]);
    expect(result.rejectedRows).toEqual([]);
    expect(result.dataRowCount).toBe(3);
    expect(result.notes[0]).toBe(
      'Read as a transaction list (a row per purchase): it has client, date and amount columns.',
    );
  });

  it('finds a Russian header under a title and blank rows, numbering rows as in the sheet', () => {
    const result = readSheet(
      [
        ['Выгрузка продаж'],
        [],
        ['Покупатель', 'Дата покупки', 'Сумма, руб.', 'Менеджер', 'Канал'],
        ['Анна  Петрова', '12.03.2024 14:30', '1 234,56 ₽', 'Ирина', 'Instagram'],
        [null, '', null, null, null],
        ['АННА ПЕТРОВА', '13.03.2024', '500 руб.', '', ''],
      ],
      { locale: 'ru' },
    );
    expect(result.headerRow).toBe(3);
    expect(result.transactions).toEqual([
      {
        row: 4,
        clientKey: 'анна петрова',
        clientName: 'Анна Петрова',
        day: day('2024-03-12'),
        amount: 1234.56,
        manager: 'Ирина',
        channel: 'Instagram',
      },
      {
        row: 6,
        clientKey: 'анна петрова',
        clientName: 'Анна Петрова',
        day: day('2024-03-13'),
        amount: 500,
      },
    ]);
    expect(result.dataRowCount).toBe(2);
    expect(result.notes).toContain('Заголовок найден в строке 3.');
    expect(result.notes).toContain('Пропущено пустых строк: 1.');
    expect(result.dateOrders).toEqual([
      { column: 1, order: 'day-first', decidedBy: 'unambiguous' },
    ]);
  });

  it('numbers rows from firstRowNumber when the grid starts lower in the sheet', () => {
    const result = readSheet(
      [
        ['Client', 'Date', 'Amount'],
        ['Ann', '2024-03-12', 'abc'],
      ],
      { firstRowNumber: 10, firstColumnNumber: 3 },
    );
    expect(result.headerRow).toBe(10);
    expect(result.rejectedRows).toEqual([
      { row: 11, code: 'badNumber', reason: 'Cannot read "abc" in column E (Amount) as a number.' },
    ]);
  });

  it('keeps amount 0 as a purchase with no revenue and says so', () => {
    const result = readSheet([
      ['Client', 'Date', 'Amount'],
      ['Ann', '2024-03-12', 0],
      ['Bob', '2024-03-12', '0,00'],
    ]);
    expect(result.transactions.map((t) => t.amount)).toEqual([0, 0]);
    expect(result.notes).toContain('Rows with amount 0 kept as purchases with no revenue: 2.');
  });

  it('reads ids given as numbers as text and shows the first spelling', () => {
    const result = readSheet([
      ['Customer ID', 'Order Date', 'Total'],
      [1001, '2024-03-12', 5],
      ['1001', '2024-03-13', 6],
      [' Zoe  Smith', '2024-03-13', 7],
      ['ZOE SMITH ', '2024-03-14', 8],
    ]);
    expect(result.transactions.map((t) => [t.clientKey, t.clientName])).toEqual([
      ['1001', '1001'],
      ['1001', '1001'],
      ['zoe smith', 'Zoe Smith'],
      ['zoe smith', 'Zoe Smith'],
    ]);
  });

  it('reads the optional columns: profit, NPS, complaint, email, phone, category', () => {
    const result = readSheet([
      ['Client', 'Date', 'Amount', 'Profit', 'NPS', 'Complaint', 'Email', 'Phone', 'Category'],
      ['Ann', '2024-03-12', 100, '40,5', 9, 'нет', 'a@x.ru', '+7 917 000-00-00', 'Hair'],
      ['Bob', '2024-03-12', 100, '', '', 'rude staff', '', '', ''],
    ]);
    expect(result.transactions).toEqual([
      {
        row: 2,
        clientKey: 'ann',
        clientName: 'Ann',
        day: day('2024-03-12'),
        amount: 100,
        profit: 40.5,
        nps: 9,
        complaint: false,
        email: 'a@x.ru',
        phone: '+7 917 000-00-00',
        category: 'Hair',
      },
      {
        row: 3,
        clientKey: 'bob',
        clientName: 'Bob',
        day: day('2024-03-12'),
        amount: 100,
        complaint: true,
      },
    ]);
  });
});

describe('readSheet: rejected rows carry their sheet row number and reason', () => {
  const header: Cell[] = ['Client', 'Date', 'Amount', 'Profit'];

  it('rejects each kind of bad row and keeps the rest', () => {
    const grid: Cell[][] = [
      header,
      ['Ann', '2024-03-12', 10, 1], // 2: fine
      ['', '2024-03-12', 10, 1], // 3: blank client
      ['Bob', '31.02.2024', 10, 1], // 4: impossible date
      ['Bob', '2024-13-01', 10, 1], // 5: impossible date
      ['Bob', 'next Tuesday', 10, 1], // 6: unreadable date
      ['Bob', '2024-03-12', 'ten', 1], // 7: not a number
      ['Bob', '2024-03-12', { kind: 'error', code: '#N/A' }, 1], // 8: error cell
      ['Bob', '2024-03-12', 10, 'abc'], // 9: unreadable optional column
      ['Bob', null, 10, 1], // 10: blank date
      ['Bob', '2024-03-12', '', 1], // 11: blank amount
      ['Bob', 60, 10, 1], // 12: serial 60, the phantom 1900-02-29
      [null, null, null, null], // 13: blank row, skipped
      ['Cat', '2024-03-12', 20, null], // 14: fine
    ];
    const result = readSheet(grid);
    expect(result.rejectedRows.map((r) => [r.row, r.code])).toEqual([
      [3, 'blankClient'],
      [4, 'impossibleDate'],
      [5, 'impossibleDate'],
      [6, 'unreadableDate'],
      [7, 'badNumber'],
      [8, 'errorValue'],
      [9, 'badNumber'],
      [10, 'missingDate'],
      [11, 'missingAmount'],
      [12, 'badSerial'],
    ]);
    expect(result.transactions.map((t) => t.row)).toEqual([2, 14]);
    expect(result.dataRowCount).toBe(12);
    expect(result.notes).toContain('Blank rows skipped: 1.');
    expect(result.notes).toContain('Rows rejected: 10 (listed with their reasons).');
    const reasons = Object.fromEntries(result.rejectedRows.map((r) => [r.row, r.reason]));
    expect(reasons[4]).toBe('The date "31.02.2024" in column B (Date) does not exist.');
    expect(reasons[8]).toBe('Column C (Amount) holds the error value #N/A.');
    expect(reasons[9]).toBe('Cannot read "abc" in column D (Profit) as a number.');
  });

  it('gives every reason of a row with several problems, in Russian too', () => {
    const result = readSheet(
      [
        ['Клиент', 'Дата', 'Сумма'],
        ['  ', '31.02.2024', 'много'],
      ],
      { locale: 'ru' },
    );
    expect(result.rejectedRows).toEqual([
      {
        row: 2,
        code: 'blankClient',
        reason:
          'Не указан клиент. Даты «31.02.2024» в столбце B (Дата) не существует. Не получается прочитать «много» в столбце C (Сумма) как число.',
      },
    ]);
  });

  it('treats error values that arrive as text (CSV exports) as error cells', () => {
    const result = readSheet([
      ['Client', 'Date', 'Amount', 'Manager'],
      ['#VALUE!', '2024-03-12', 1, 'x'],
      ['Ann', '#Н/Д', 1, 'x'],
      ['Ann', '2024-03-12', '#N/A', 'x'],
      ['Ann', '2024-03-12', 1, '#REF!'],
      ['Ann', '2024-03-12', 1, '#hashtag'],
    ]);
    expect(result.rejectedRows.map((r) => [r.row, r.code])).toEqual([
      [2, 'errorValue'],
      [3, 'errorValue'],
      [4, 'errorValue'],
      [5, 'errorValue'],
    ]);
    expect(result.rejectedRows[2]?.reason).toBe('Column C (Amount) holds the error value #N/A.');
    expect(result.transactions.map((t) => t.manager)).toEqual(['#hashtag']);
  });

  it('rejects NPS answers outside 0..10', () => {
    const grid: Cell[][] = [
      ['Client', 'Date', 'Amount', 'NPS'],
      ['Ann', '2024-03-12', 1, 11],
      ['Ann', '2024-03-12', 1, '7.5'],
      ['Ann', '2024-03-12', 1, '10'],
    ];
    expect(rejectedCodes(grid)).toEqual([
      [2, 'badNps'],
      [3, 'badNps'],
    ]);
  });
});

describe('readSheet: date order of slash dates', () => {
  const sheet = (dates: string[]): Cell[][] => [
    ['Client', 'Date', 'Amount'],
    ...dates.map((d, i): Cell[] => [`c${i}`, d, 1]),
  ];

  it('reads day-first when a first part is above 12, and reports it', () => {
    const result = readSheet(sheet(['03/04/2024', '31/12/2024']));
    expect(result.dateOrders).toEqual([{ column: 1, order: 'day-first', decidedBy: 'values' }]);
    expect(result.transactions.map((t) => t.day)).toEqual([day('2024-04-03'), day('2024-12-31')]);
    expect(result.notes).toContain(
      'Dates in column B (Date) read as day-first (dd/mm/yyyy), decided by values such as 31/12/2024.',
    );
  });

  it('reads dash dates like slash dates: 3-12-2024 and 13-12-2024 make the column day-first', () => {
    const result = readSheet(sheet(['3-12-2024', '13-12-2024']));
    expect(result.dateOrders).toEqual([{ column: 1, order: 'day-first', decidedBy: 'values' }]);
    expect(result.transactions.map((t) => t.day)).toEqual([day('2024-12-03'), day('2024-12-13')]);
  });

  it('reads month-first when a second part is above 12', () => {
    const result = readSheet(sheet(['03/04/2024', '12/31/2024']), { locale: 'ru' });
    expect(result.dateOrders).toEqual([{ column: 1, order: 'month-first', decidedBy: 'values' }]);
    expect(result.transactions.map((t) => t.day)).toEqual([day('2024-03-04'), day('2024-12-31')]);
  });

  it('falls back to the locale: ru day-first, en month-first', () => {
    const ru = readSheet(sheet(['03/04/2024']), { locale: 'ru' });
    expect(ru.dateOrders).toEqual([{ column: 1, order: 'day-first', decidedBy: 'locale' }]);
    expect(ru.transactions[0]?.day).toBe(day('2024-04-03'));
    const en = readSheet(sheet(['03/04/2024']), { locale: 'en' });
    expect(en.dateOrders).toEqual([{ column: 1, order: 'month-first', decidedBy: 'locale' }]);
    expect(en.transactions[0]?.day).toBe(day('2024-03-04'));
  });

  it('with both kinds, follows the majority and rejects the contradicting rows', () => {
    const result = readSheet(sheet(['13/01/2024', '14/01/2024', '01/15/2024', '02/03/2024']));
    expect(result.dateOrders).toEqual([{ column: 1, order: 'day-first', decidedBy: 'values' }]);
    expect(result.rejectedRows.map((r) => [r.row, r.code])).toEqual([[4, 'dateOrderConflictRow']]);
    expect(result.transactions.map((t) => t.day)).toEqual([
      day('2024-01-13'),
      day('2024-01-14'),
      day('2024-03-02'),
    ]);
  });

  it('obeys an override', () => {
    const result = readSheet(sheet(['03/04/2024']), { dateOrder: 'day-first', locale: 'en' });
    expect(result.dateOrders).toEqual([{ column: 1, order: 'day-first', decidedBy: 'override' }]);
    expect(result.transactions[0]?.day).toBe(day('2024-04-03'));
  });

  it('reports ISO columns as year-first', () => {
    expect(readSheet(sheet(['2024-03-04T10:00:00', '2024-03-05'])).dateOrders).toEqual([
      { column: 1, order: 'year-first', decidedBy: 'unambiguous' },
    ]);
  });
});

describe('readSheet: money columns', () => {
  it('reads 1,234 as 1234 in a column that uses "." for decimals, and says so', () => {
    const result = readSheet([
      ['Client', 'Date', 'Amount'],
      ['a', '2024-03-12', '12.50'],
      ['b', '2024-03-12', '1,234'],
    ]);
    expect(result.transactions.map((t) => t.amount)).toEqual([12.5, 1234]);
    expect(result.notes).toContain(
      'Amounts in column C (Amount) use "." for decimals, so values such as 1,234 are read as 1234.',
    );
  });

  it('reads 1,234 as 1.234 in a column with decimal commas', () => {
    const result = readSheet([
      ['Client', 'Date', 'Amount'],
      ['a', '2024-03-12', '12,50'],
      ['b', '2024-03-12', '1,234'],
    ]);
    expect(result.transactions.map((t) => t.amount)).toEqual([12.5, 1.234]);
  });

  // CLDR number symbols (https://cldr.unicode.org): en groups thousands with "," and marks
  // decimals with "."; ru groups with a (non-breaking) space and marks decimals with ",".
  const usDollars = [
    ['Customer', 'Order Date', 'Amount'],
    ['Smith', '01/15/2024', '$1,200'],
    ['Jones', '02/20/2024', '$3,500'],
    ['Smith', '03/05/2024', '$12,000'],
    ['Brown', '03/06/2024', '$950'],
  ];

  it('reads $1,200 as 1200 in English (CLDR en grouping) when no value shows the decimals, and says so', () => {
    const result = readSheet(usDollars, { locale: 'en' });
    expect(result.transactions.map((t) => t.amount)).toEqual([1200, 3500, 12000, 950]);
    expect(result.rejectedRows).toEqual([]);
    expect(result.notes).toContain(
      'Amounts in column C (Amount) do not show whether "," marks thousands or decimals; as English writes numbers, values such as $1,200 are read as 1200.',
    );
  });

  it('reads 1,200 as 1.2 in Russian (CLDR ru decimal comma) when no value shows the decimals, and says so', () => {
    const result = readSheet(usDollars, { locale: 'ru' });
    expect(result.transactions.map((t) => t.amount)).toEqual([1.2, 3.5, 12, 950]);
    expect(result.notes).toContain(
      'Суммы в столбце C (Amount) не показывают, отделяет ли «,» тысячи или дробную часть; как принято в русском, значения вроде $1,200 прочитаны как 1.2.',
    );
  });

  it('lets the values decide over the locale: 1,234 beside 12,50 is 1.234 in English too', () => {
    const result = readSheet(
      [
        ['Client', 'Date', 'Amount'],
        ['a', '2024-03-12', '12,50'],
        ['b', '2024-03-12', '1,234'],
      ],
      { locale: 'en' },
    );
    expect(result.transactions.map((t) => t.amount)).toEqual([12.5, 1.234]);
  });

  it('adds no note when no amount could be read two ways', () => {
    const result = readSheet(
      [
        ['Client', 'Date', 'Amount'],
        ['a', '2024-03-12', '12.5'],
        ['b', '2024-03-12', '1 234,56 ₽'],
      ],
      { locale: 'en' },
    );
    expect(result.notes.some((n) => n.includes('thousands'))).toBe(false);
  });
});

describe('readSheet: the columns note', () => {
  it('names the column read for each role, in sheet order', () => {
    const result = readSheet([
      ['Дата', 'Клиент', 'Сумма без НДС', 'Сумма с НДС', 'Менеджер'],
      ['01.03.2024', 'a', '100', '120', 'Ольга'],
    ]);
    expect(result.notes).toContain(
      'Columns read: A (Дата) → Purchase date, B (Клиент) → Client, C (Сумма без НДС) → Amount, E (Менеджер) → Manager.',
    );
    const ru = readSheet(
      [
        ['Клиент', 'Последняя покупка', 'Покупок', 'Выручка'],
        ['a', '01.03.2024', '2', '120'],
      ],
      { locale: 'ru' },
    );
    expect(ru.notes).toContain(
      'Прочитаны столбцы: A (Клиент) → Клиент, B (Последняя покупка) → Дата последней покупки, C (Покупок) → Количество покупок, D (Выручка) → Выручка всего.',
    );
  });
});

describe('readSheet: the 1904 date system', () => {
  it('reads serial 0 as 1904-01-01 and 37986 as 2008-01-01 (1,462 days after, Microsoft KB)', () => {
    const result = readSheet(
      [
        ['Client', 'Date', 'Amount'],
        ['a', 0, 1],
        ['b', 37986, 1],
      ],
      { dateSystem: '1904' },
    );
    expect(result.transactions.map((t) => t.day)).toEqual([day('1904-01-01'), day('2008-01-01')]);
  });
});

describe('readSheet: shapes', () => {
  it('reads a client list and says so', () => {
    const result = readSheet(
      [
        ['Клиент', 'Дата последней покупки', 'Количество покупок', 'Сумма покупок', 'Оценка'],
        ['Анна', '12.03.2024', 3, '1 500,00', 10],
        ['Борис', '2024-01-05', '1', 300, ''],
        ['Вера', '01.01.2024', 'три', 300, ''],
        ['Галина', '01.01.2024', 2.5, 300, ''],
      ],
      { locale: 'ru' },
    );
    expect(result.shape).toBe('clients');
    expect(result.transactions).toEqual([]);
    expect(result.clients).toEqual([
      {
        row: 2,
        clientKey: 'анна',
        clientName: 'Анна',
        lastPurchaseDay: day('2024-03-12'),
        purchaseCount: 3,
        totalRevenue: 1500,
        nps: 10,
      },
      {
        row: 3,
        clientKey: 'борис',
        clientName: 'Борис',
        lastPurchaseDay: day('2024-01-05'),
        purchaseCount: 1,
        totalRevenue: 300,
      },
    ]);
    expect(result.rejectedRows.map((r) => [r.row, r.code])).toEqual([
      [4, 'badNumber'],
      [5, 'badCount'],
    ]);
    expect(result.notes[0]).toBe(
      'Прочитано как список клиентов (строка на клиента): есть столбцы последней покупки, числа покупок или суммы покупок.',
    );
  });

  it('rejects a client-list row whose first purchase is after its last (row 3), in en and ru', () => {
    const grid: Cell[][] = [
      ['Client', 'First purchase', 'Last purchase', 'Purchases', 'Total revenue'],
      ['Ann', '2023-01-10', '2024-01-01', 3, 3000],
      ['Dan', '2024-02-01', '2024-01-01', 2, 100],
      ['Eve', '2024-03-01', '2024-03-01', 2, 100],
    ];
    const result = readSheet(grid);
    expect(result.clients.map((c) => c.clientName)).toEqual(['Ann', 'Eve']);
    expect(result.rejectedRows).toEqual([
      {
        row: 3,
        code: 'firstPurchaseAfterLast',
        reason:
          'The first purchase 2024-02-01 in column B (First purchase) is after the last purchase 2024-01-01.',
      },
    ]);
    expect(result.notes).toContain('Rows read: 2 of 3.');
    expect(readSheet(grid, { locale: 'ru' }).rejectedRows[0]?.reason).toBe(
      'Первая покупка 2024-02-01 в столбце B (First purchase) позже последней покупки 2024-01-01.',
    );
  });

  it('with both kinds of columns, repeated ids mean a transaction list', () => {
    const result = readSheet([
      ['Client', 'Date', 'Amount', 'Purchases'],
      ['Ann', '2024-03-12', 5, 1],
      ['ANN', '2024-03-13', 5, 2],
    ]);
    expect(result.shape).toBe('transactions');
    expect(result.notes[0]).toBe(
      'Read as a transaction list (a row per purchase): client ids repeat, such as ANN.',
    );
  });

  it('with both kinds of columns, no repeats and no last purchase, a transaction list', () => {
    // A count column ("Orders", "Visits") beside a purchase list does not make a client list: a
    // client list without its last purchase dates could not be analysed.
    const result = readSheet([
      ['Client', 'Date', 'Amount', 'Purchases'],
      ['Ann', '2024-03-12', 5, 1],
      ['Bob', '2024-03-13', 7, 2],
    ]);
    expect(result.shape).toBe('transactions');
    expect(result.transactions.map((t) => [t.clientName, t.amount])).toEqual([
      ['Ann', 5],
      ['Bob', 7],
    ]);
    expect(result.notes[0]).toBe(
      'Read as a transaction list (a row per purchase): it has client, date and amount columns, and no last purchase column for a client list.',
    );
  });

  it('with both kinds of columns, no repeats and a last purchase column, a client list', () => {
    const result = readSheet([
      ['Client', 'Date', 'Amount', 'Purchases', 'Last purchase'],
      ['Ann', '2024-03-12', 5, 1, '2024-03-12'],
      ['Bob', '2024-03-13', 5, 2, '2024-03-13'],
    ]);
    expect(result.shape).toBe('clients');
    expect(result.clients.map((c) => c.purchaseCount)).toEqual([1, 2]);
  });

  it("reads a client list's amount-named column as its total revenue", () => {
    // "Revenue" / "Выручка" name a purchase amount in a purchase list; in a row per client they
    // can only be the client's total.
    for (const header of ['Revenue', 'Выручка', 'Сумма']) {
      const result = readSheet([
        ['Client', 'Last purchase', 'Purchases', header],
        ['Ann', '2024-01-01', 2, 100],
        ['Bob', '2024-02-01', 1, 50],
      ]);
      expect(result.shape).toBe('clients');
      expect(result.mapping).toEqual({
        client: 0,
        lastPurchaseDate: 1,
        purchaseCount: 2,
        totalRevenue: 3,
      });
      expect(result.clients.map((c) => c.totalRevenue)).toEqual([100, 50]);
    }
  });

  it('obeys a shape override', () => {
    const grid: Cell[][] = [
      ['Client', 'Date', 'Amount', 'Purchases'],
      ['Ann', '2024-03-12', 5, 1],
    ];
    expect(readSheet(grid, { shape: 'transactions' }).shape).toBe('transactions');
  });
});

describe('readSheet: overrides', () => {
  it('takes a mapping override over the detected one', () => {
    const result = readSheet(
      [
        ['Name', 'When', 'Paid', 'Amount'],
        ['Ann', '2024-03-12', 10, 999],
      ],
      { mapping: { client: 0, date: 1, amount: 2 } },
    );
    expect(result.mapping).toEqual({ client: 0, date: 1, amount: 2 });
    expect(result.transactions[0]?.amount).toBe(10);
  });

  it('takes a header row override, and headerRow 0 for a grid without a header', () => {
    const grid: Cell[][] = [
      ['Client', 'Date', 'Amount'],
      ['Ann', '2024-03-12', 10],
    ];
    expect(readSheet(grid, { headerRow: 1 }).transactions).toHaveLength(1);
    const headless = readSheet([['Ann', '2024-03-12', 10]], {
      headerRow: 0,
      mapping: { client: 0, date: 1, amount: 2 },
    });
    expect(headless.headerRow).toBe(0);
    expect(headless.transactions[0]?.row).toBe(1);
  });
});

describe('readSheet: errors', () => {
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return error instanceof AnalyticsError ? error.code : 'other';
    }
    return undefined;
  };

  it('throws empty_input for a blank grid or a header with no rows', () => {
    expect(codeOf(() => readSheet([]))).toBe('empty_input');
    expect(codeOf(() => readSheet([[null, ''], []]))).toBe('empty_input');
    expect(
      codeOf(() =>
        readSheet([
          ['Client', 'Date', 'Amount'],
          ['', ''],
        ]),
      ),
    ).toBe('empty_input');
  });

  it('names one missing column in the singular and several in the plural, en and ru', () => {
    const problem = (grid: string[][], locale: 'en' | 'ru'): string =>
      mustThrow(() => readSheet(grid, { locale }), AnalyticsError).message;
    const oneMissing = [
      ['Client', 'Date'],
      ['Ann', '2024-03-12'],
    ];
    const twoMissing = [
      ['Client', 'Foo'],
      ['Ann', '1'],
    ];
    expect(problem(oneMissing, 'en')).toMatch(/^Cannot find the amount column\. Name it in /);
    expect(problem(twoMissing, 'en')).toMatch(
      /^Cannot find the date, amount columns\. Name them in /,
    );
    expect(problem(oneMissing, 'ru')).toMatch(/^Не найден столбец: сумма\. Подпишите его в /);
    expect(problem(twoMissing, 'ru')).toMatch(/^Не найдены столбцы: дата, сумма\. Подпишите их в /);
  });

  it('throws missing_column naming what is missing, in the locale', () => {
    expect(() =>
      readSheet([
        ['Client', 'Date'],
        ['Ann', '2024-03-12'],
      ]),
    ).toThrow('Cannot find the amount column.');
    expect(() =>
      readSheet(
        [
          ['Foo', 'Bar'],
          ['1', '2'],
        ],
        { locale: 'ru' },
      ),
    ).toThrow('Не найдены столбцы: клиент, дата, сумма. Подпишите их в заголовке');
    expect(codeOf(() => readSheet([['Foo'], ['1']]))).toBe('missing_column');
    expect(
      codeOf(() =>
        readSheet(
          [
            ['Client', 'Amount'],
            ['a', 1],
          ],
          { shape: 'clients' },
        ),
      ),
    ).toBe('missing_column');
  });

  it('throws invalid_argument for a header row outside the grid', () => {
    expect(codeOf(() => readSheet([['Client', 'Date', 'Amount']], { headerRow: 5 }))).toBe(
      'invalid_argument',
    );
  });
});

describe('readSheet with parseDelimitedText', () => {
  it('reads a semicolon CSV with BOM, quotes and CRLF end to end', () => {
    const text =
      '\ufeffКлиент;Дата покупки;Сумма, руб.\r\n"Петров; Иван";12.03.2024;"1 234,56"\r\n\r\nпетров;  иван;13.03.2024;(500)\r\n';
    const { grid } = parseDelimitedText(text);
    const result = readSheet(grid, { locale: 'ru' });
    expect(result.transactions.map((t) => [t.row, t.clientKey, t.amount])).toEqual([
      [2, 'петров; иван', 1234.56],
    ]);
    // Row 4 has an extra field: "петров" / "  иван" split by the unquoted ";", so its date column
    // holds "  иван" and the row is rejected rather than misread.
    expect(result.rejectedRows.map((r) => [r.row, r.code])).toEqual([[4, 'unreadableDate']]);
  });
});
