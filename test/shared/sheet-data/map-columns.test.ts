import { detectHeaderRow, mapColumns, normaliseHeader } from '../../../shared/sheet-data';

describe('mapColumns', () => {
  it('maps the English headers of issue 2', () => {
    expect(
      mapColumns([
        'Customer',
        'Date',
        'Revenue',
        'Order ID',
        'Profit',
        'Manager',
        'Source',
        'Category',
        'Email',
        'Phone',
      ]),
    ).toEqual({
      client: 0,
      date: 1,
      amount: 2,
      orderId: 3,
      profit: 4,
      manager: 5,
      channel: 6,
      category: 7,
      email: 8,
      phone: 9,
    });
    expect(mapColumns(['Customer ID', 'Order Date', 'Total'])).toEqual({
      client: 0,
      date: 1,
      amount: 2,
    });
    expect(mapColumns(['client', 'date', 'sum'])).toEqual({ client: 0, date: 1, amount: 2 });
  });

  it('maps the Russian headers of issue 2, with units and punctuation', () => {
    expect(
      mapColumns([
        'Покупатель',
        'Дата покупки',
        'Сумма, руб.',
        '№ заказа',
        'Маржа',
        'Канал',
        'Телефон',
      ]),
    ).toEqual({
      client: 0,
      date: 1,
      amount: 2,
      orderId: 3,
      profit: 4,
      channel: 5,
      phone: 6,
    });
    expect(
      mapColumns([
        'Контрагент',
        'Дата',
        'Выручка, ₽',
        'ID заказа',
        'Прибыль',
        'Источник',
        'Категория',
      ]),
    ).toEqual({
      client: 0,
      date: 1,
      amount: 2,
      orderId: 3,
      profit: 4,
      channel: 5,
      category: 6,
    });
    expect(mapColumns(['Клиент', 'Дата', 'Сумма (руб.)', 'Номер заказа', 'Менеджер'])).toEqual({
      client: 0,
      date: 1,
      amount: 2,
      orderId: 3,
      manager: 4,
    });
  });

  it('maps client-list columns in both languages', () => {
    expect(
      mapColumns([
        'Client',
        'Last purchase',
        'Purchases',
        'Total revenue',
        'First purchase',
        'NPS',
        'Complaint',
      ]),
    ).toEqual({
      client: 0,
      lastPurchaseDate: 1,
      purchaseCount: 2,
      totalRevenue: 3,
      firstPurchaseDate: 4,
      nps: 5,
      complaint: 6,
    });
    expect(
      mapColumns([
        'Клиент',
        'Дата последней покупки',
        'Количество покупок',
        'Сумма покупок',
        'Дата первой покупки',
        'Оценка',
        'Жалоба',
      ]),
    ).toEqual({
      client: 0,
      lastPurchaseDate: 1,
      purchaseCount: 2,
      totalRevenue: 3,
      firstPurchaseDate: 4,
      nps: 5,
      complaint: 6,
    });
    expect(mapColumns(['Клиент', 'Число заказов', 'Выручка всего'])).toEqual({
      client: 0,
      purchaseCount: 1,
      totalRevenue: 2,
    });
  });

  it('gives each role to the leftmost column and matches longer headers by their first words', () => {
    expect(mapColumns(['Client', 'Client', 'Дата покупки клиента', 'Amount'])).toEqual({
      client: 0,
      date: 2,
      amount: 3,
    });
    expect(mapColumns(['Foo', '', 'Bar'])).toEqual({});
  });

  it('normalises case, ё, brackets, punctuation and units', () => {
    expect(normaliseHeader('  Сумма, руб. ')).toBe('сумма');
    expect(normaliseHeader('Выручка, ₽')).toBe('выручка');
    expect(normaliseHeader('ЖАЛОБЫ (ДА/НЕТ)')).toBe('жалобы');
    expect(normaliseHeader('client_id')).toBe('client id');
    expect(normaliseHeader('Ёмкость')).toBe('емкость');
  });
});

describe('detectHeaderRow', () => {
  it('finds the header below a title and blank rows', () => {
    const grid = [
      ['Продажи салона за 2024 год'],
      [],
      [null, ''],
      ['Клиент', 'Дата', 'Сумма'],
      ['Анна', '12.03.2024', 100],
    ];
    expect(detectHeaderRow(grid)).toBe(3);
  });

  it('prefers a complete header over a row naming fewer roles', () => {
    const grid = [
      ['Date of report', '2024-03-01'],
      ['Client', 'Date', 'Amount'],
      ['Ann', '2024-03-02', 5],
    ];
    expect(detectHeaderRow(grid)).toBe(1);
  });

  it('falls back to the first non-blank row, and -1 for a blank grid', () => {
    expect(detectHeaderRow([[], ['x', 'y'], ['1', '2']])).toBe(1);
    expect(detectHeaderRow([[], [null, '  ']])).toBe(-1);
  });
});

describe('mapColumns: synonym strength', () => {
  it('prefers Client over a Name column to its left, and takes Name when no stronger header exists', () => {
    expect(mapColumns(['Name', 'Client', 'Date', 'Amount'])).toEqual({
      client: 1,
      date: 2,
      amount: 3,
    });
    expect(mapColumns(['Имя', 'Дата', 'Сумма'])).toEqual({ client: 0, date: 1, amount: 2 });
  });
});
