import { formatIsoDay, parseIsoDay } from '../../../shared/calendar';
import { serialToDay } from '../../../shared/sheet-data';

const iso = (serial: number, system: '1900' | '1904' = '1900'): string | undefined => {
  const day = serialToDay(serial, system);
  return day === undefined ? undefined : formatIsoDay(day);
};

describe('serialToDay', () => {
  // Microsoft, "DATEVALUE function": "January 1, 2008 is serial number 39448 because it is
  // 39,447 days after January 1, 1900" (1900 system).
  it('reads 39448 as 2008-01-01 and 1 as 1900-01-01 (Microsoft DATEVALUE docs)', () => {
    expect(iso(39448)).toBe('2008-01-01');
    expect(iso(1)).toBe('1900-01-01');
    expect(serialToDay(39448)).toBe(parseIsoDay('2008-01-01'));
  });

  // Microsoft, "Differences between the 1900 and the 1904 date system in Excel": serial 60 is the
  // non-existent 1900-02-29; 59 is 1900-02-28 and 61 is 1900-03-01.
  it('rejects the phantom 1900-02-29 (serial 60) and reads 59 and 61 around it (Microsoft KB)', () => {
    expect(iso(59)).toBe('1900-02-28');
    expect(serialToDay(60)).toBeUndefined();
    expect(serialToDay(60.5)).toBeUndefined();
    expect(iso(61)).toBe('1900-03-01');
  });

  // Same page: the 1904 system starts at serial 0 = 1904-01-01 and is 1,462 days behind the 1900
  // system, so 2008-01-01 is 39448 - 1462 = 37986.
  it('reads the 1904 system: 0 is 1904-01-01, 37986 is 2008-01-01 (1,462 days apart, Microsoft KB)', () => {
    expect(iso(0, '1904')).toBe('1904-01-01');
    expect(iso(37986, '1904')).toBe('2008-01-01');
  });

  it('drops the time of day: 45363.75 is 2024-03-12 18:00, day 2024-03-12 (25569 + 19794 by hand)', () => {
    expect(iso(45363.75)).toBe('2024-03-12');
    expect(iso(45363)).toBe('2024-03-12');
  });

  it('rejects serials before the first day, after 9999-12-31 and not finite', () => {
    expect(serialToDay(0)).toBeUndefined();
    expect(serialToDay(-1)).toBeUndefined();
    expect(serialToDay(-1, '1904')).toBeUndefined();
    // 2958465 is 9999-12-31 in Excel (the largest date it shows).
    expect(iso(2958465)).toBe('9999-12-31');
    expect(serialToDay(2958466)).toBeUndefined();
    expect(serialToDay(Number.NaN)).toBeUndefined();
    expect(serialToDay(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
