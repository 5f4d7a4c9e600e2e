import fc from 'fast-check';
import { parseIsoDay, ymdFromDay } from '../../../shared/calendar';
import { parseDateText, readDateText, slashDateParts } from '../../../shared/sheet-data';

// Reference days come from `parseIsoDay`, itself checked against GNU `date` in the calendar tests.
const day = (iso: string): number => parseIsoDay(iso) as number;

describe('parseDateText', () => {
  it.each([
    ['2024-03-12', '2024-03-12'],
    ['2024/03/12', '2024-03-12'],
    ['2024-3-5', '2024-03-05'],
    ['12.03.2024', '2024-03-12'],
    ['5.3.2024', '2024-03-05'],
    ['12.03.2024 14:30', '2024-03-12'],
    ['12.03.2024 14:30:59', '2024-03-12'],
    ['12.03.2024 г.', '2024-03-12'],
    ['2024-03-12T10:00:00', '2024-03-12'],
    ['2024-03-12T10:00:00Z', '2024-03-12'],
    ['2024-03-12T23:30:00+03:00', '2024-03-12'],
    ['2024-03-12 10:00:00.123', '2024-03-12'],
    ['  2024-03-12  ', '2024-03-12'],
    ['12.03.24', '2024-03-12'],
    ['01.01.30', '1930-01-01'],
  ])('reads %j as %s (the written day, time dropped)', (text, iso) => {
    expect(parseDateText(text, 'month-first')).toBe(day(iso));
    expect(parseDateText(text, 'day-first')).toBe(day(iso));
  });

  it('reads slash dates in the given order: 12/03/2024 is 12 March day-first, 3 December month-first', () => {
    expect(parseDateText('12/03/2024', 'day-first')).toBe(day('2024-03-12'));
    expect(parseDateText('12/03/2024', 'month-first')).toBe(day('2024-12-03'));
    expect(parseDateText('3/12/2024 2:30 PM', 'month-first')).toBe(day('2024-03-12'));
    expect(parseDateText('12-03-2024', 'day-first')).toBe(day('2024-03-12'));
  });

  it.each([
    '31.02.2024',
    '2024-13-01',
    '2024-02-30',
    '29.02.2023',
    '00.01.2024',
    '32/01/2024',
    '2024-00-10',
  ])('rejects the impossible date %j instead of rolling it over', (text) => {
    expect(parseDateText(text, 'day-first')).toBeUndefined();
    expect(readDateText(text, 'day-first')).toBe('impossible');
  });

  it('accepts 29.02.2024 (2024 is a leap year) but not 29.02.2100 (Gregorian rule)', () => {
    expect(parseDateText('29.02.2024')).toBe(day('2024-02-29'));
    expect(parseDateText('29.02.2100')).toBeUndefined();
  });

  it.each([
    'abc',
    '',
    '12.03',
    '2024',
    '12.03.2024 25:00',
    '12.03.2024 10:61',
    '12.03/2024',
    '1.2.3.4',
    'March 12',
  ])('calls %j unreadable', (text) => {
    expect(parseDateText(text, 'day-first')).toBeUndefined();
    expect(readDateText(text, 'day-first')).toBe('unreadable');
  });

  it('rejects 13/25/2024 in both orders (both parts above 12)', () => {
    expect(parseDateText('13/25/2024', 'day-first')).toBeUndefined();
    expect(parseDateText('13/25/2024', 'month-first')).toBeUndefined();
  });

  it('gives the open parts of slash dates only', () => {
    expect(slashDateParts('31/12/2024')).toEqual({ first: 31, second: 12 });
    expect(slashDateParts('03-04-2024 10:00')).toEqual({ first: 3, second: 4 });
    expect(slashDateParts('2024-03-04')).toBeUndefined();
    expect(slashDateParts('03.04.2024')).toBeUndefined();
  });

  const anyDay = fc.integer({ min: day('1900-01-01'), max: day('2100-12-31') });
  const pad = (n: number): string => String(n).padStart(2, '0');

  it('property: any valid day written as dd.mm.yyyy (with or without a time) round-trips', () => {
    fc.assert(
      fc.property(anyDay, fc.boolean(), (d, withTime) => {
        const { year, month, day: dd } = ymdFromDay(d);
        const text = `${pad(dd)}.${pad(month)}.${year}${withTime ? ' 23:59' : ''}`;
        expect(parseDateText(text)).toBe(d);
      }),
    );
  });

  it('property: a day/month/year triple is read as exactly that date or not at all (never rolled)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, dd) => {
          const result = parseDateText(`${pad(dd)}.${pad(month)}.${year}`);
          if (result !== undefined) expect(ymdFromDay(result)).toEqual({ year, month, day: dd });
          else expect(dd).toBeGreaterThan(28);
        },
      ),
    );
  });
});
