import fc from 'fast-check';
import {
  addMonths,
  dayFromYmd,
  formatIsoDay,
  isValidDate,
  monthIndexOfDay,
  parseIsoDay,
  ymdFromDay,
} from '../../../shared/calendar';

describe('calendar days', () => {
  // Reference values: Unix epoch day numbers as printed by GNU `date -u -d DATE +%s` / 86400.
  it.each([
    ['1970-01-01', 0],
    ['2000-03-01', 11017],
    ['1997-09-30', 10134],
    ['2024-02-29', 19782],
    ['1899-12-30', -25569],
  ])('%s is epoch day %i (GNU date)', (iso, day) => {
    expect(parseIsoDay(iso)).toBe(day);
    expect(formatIsoDay(day)).toBe(iso);
  });

  it('rejects impossible dates rather than rolling them over', () => {
    expect(isValidDate(2024, 2, 31)).toBe(false);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(2024, 13, 1)).toBe(false);
    expect(parseIsoDay('2024-13-01')).toBeUndefined();
    expect(parseIsoDay('2024-02-30')).toBeUndefined();
  });

  it('round-trips every day between 1600 and 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135000, max: 157000 }), (day) => {
        const { year, month, day: d } = ymdFromDay(day);
        expect(isValidDate(year, month, d)).toBe(true);
        expect(dayFromYmd(year, month, d)).toBe(day);
      }),
    );
  });

  it('adds months clamping to the month end', () => {
    expect(formatIsoDay(addMonths(parseIsoDay('2024-01-31')!, 1))).toBe('2024-02-29');
    expect(formatIsoDay(addMonths(parseIsoDay('2024-03-15')!, -15))).toBe('2022-12-15');
    expect(monthIndexOfDay(parseIsoDay('1971-02-10')!)).toBe(13);
  });
});
