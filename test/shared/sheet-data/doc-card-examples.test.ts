import {
  columnLetters,
  decimalSeparatorEvidence,
  detectDelimiter,
  detectHeaderRow,
  displayClientId,
  mapColumns,
  normaliseClientId,
  normaliseHeader,
  parseDateText,
  parseDelimitedText,
  parseMoney,
  plainDecimalAmount,
  plainIsoDay,
  readDateText,
  readSheet,
  serialToDay,
  slashDateParts,
} from '../../../shared/sheet-data';

// The examples printed in the doc cards of shared/sheet-data, checked literally. Day numbers:
// 2024-03-12 is epoch day 19794 (GNU `date -u -d 2024-03-12 +%s` = 1710201600 = 19794 x 86400),
// 2024-12-03 is 19794 + 266 days (19 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 3 by hand) = 20060.
describe('doc card examples', () => {
  it('readSheet', () => {
    expect(
      readSheet([
        ['Client', 'Date', 'Amount'],
        ['Ann', '12.03.2024', '1 234,56'],
      ]).transactions,
    ).toEqual([{ row: 2, clientKey: 'ann', clientName: 'Ann', day: 19794, amount: 1234.56 }]);
  });

  it('serialToDay: 45363 = 25569 + 19794', () => {
    expect(serialToDay(45363, '1900')).toBe(19794);
  });

  it('dates', () => {
    expect(plainIsoDay('2024-03-12')).toBe(19794);
    expect(readDateText('31.02.2024', 'day-first')).toBe('impossible');
    expect(parseDateText('12/03/2024', 'day-first')).toBe(19794);
    expect(parseDateText('12/03/2024', 'month-first')).toBe(20060);
    expect(slashDateParts('31/12/2024')).toEqual({ first: 31, second: 12 });
  });

  it('money', () => {
    expect(parseMoney('1 234,56 ₽')).toBe(1234.56);
    expect(parseMoney('(500)')).toBe(-500);
    // -1234.50 by hand: 123450 / 10^2 with the sign; '1 234' has a space, so not plain.
    expect(plainDecimalAmount('-1234.50')).toBe(-1234.5);
    expect(plainDecimalAmount('1 234')).toBeUndefined();
    expect(decimalSeparatorEvidence('1,234.5')).toBe('.');
    expect(decimalSeparatorEvidence('1,234')).toBeUndefined();
  });

  it('delimited text', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(parseDelimitedText('a;"b;c"\r\n1;"say ""hi"""')).toEqual({
      grid: [
        ['a', 'b;c'],
        ['1', 'say "hi"'],
      ],
      delimiter: ';',
    });
  });

  it('headers and ids', () => {
    expect(
      detectHeaderRow([['Sales 2024'], [], ['Client', 'Date', 'Amount'], ['Ann', '2024-01-02', 5]]),
    ).toBe(2);
    expect(mapColumns(['Клиент', 'Дата покупки', 'Сумма, руб.'])).toEqual({
      client: 0,
      date: 1,
      amount: 2,
    });
    expect(normaliseHeader('Сумма, руб.')).toBe('сумма');
    expect(normaliseClientId('  Анна   ПЕТРОВА ')).toBe('анна петрова');
    expect(displayClientId('  Anna   Petrova ')).toBe('Anna Petrova');
    expect([columnLetters(1), columnLetters(26), columnLetters(27), columnLetters(703)]).toEqual([
      'A',
      'Z',
      'AA',
      'AAA',
    ]);
  });
});
