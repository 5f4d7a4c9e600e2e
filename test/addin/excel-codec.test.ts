import fc from 'fast-check';
import { dayFromYmd } from '../../shared/calendar/calendar-day';
import { AnalyticsError, ConvergenceError } from '../../shared/errors';
import {
  calendarDayToSerial,
  decodeArgument,
  decodeCell,
  decodeRange,
  detectDateSystem,
  encodeError,
  encodeResult,
  serialToCalendarDay,
} from '../../addin/excel-codec';

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

// Known serials: Excel's =DATE(2024,1,1) is 45292 in the 1900 system; 25569 is 1970-01-01 (the
// usual Unix-time conversion serial = seconds / 86400 + 25569); the 1904 system is 1462 days
// behind (Microsoft, "Date systems in Excel").
describe('Excel serial dates', () => {
  test.each([
    [45292, '1900', dayFromYmd(2024, 1, 1)],
    [25569, '1900', 0],
    [1, '1900', dayFromYmd(1900, 1, 1)],
    [59, '1900', dayFromYmd(1900, 2, 28)],
    [61, '1900', dayFromYmd(1900, 3, 1)],
    [45292.75, '1900', dayFromYmd(2024, 1, 1)],
    [45292 - 1462, '1904', dayFromYmd(2024, 1, 1)],
    [0, '1904', dayFromYmd(1904, 1, 1)],
  ] as const)('serial %d in the %s system is the documented day', (serial, system, day) => {
    expect(serialToCalendarDay(serial, system)).toBe(day);
  });

  test('serial 60 (the phantom 1900-02-29), 0 and negatives in 1900 are not dates', () => {
    expect(serialToCalendarDay(60, '1900')).toBeUndefined();
    expect(serialToCalendarDay(0, '1900')).toBeUndefined();
    expect(serialToCalendarDay(-1, '1904')).toBeUndefined();
    expect(serialToCalendarDay(Number.NaN, '1900')).toBeUndefined();
  });

  test('property: serial -> day -> serial round-trips in both systems (except the phantom day)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }),
        fc.constantFrom('1900', '1904' as const),
        (serial, system) => {
          fc.pre(!(system === '1900' && serial === 60));
          const day = serialToCalendarDay(serial, system);
          expect(day).toBeDefined();
          expect(calendarDayToSerial(day as number, system)).toBe(serial);
        },
      ),
    );
  });

  test('the 1904 system is detected from shown text: 45292 shown as 2028-01-02 (45292 + 1462 in 1900 terms)', () => {
    expect(detectDateSystem([{ value: 45292, text: '02.01.2028' }])).toBe('1904');
    expect(detectDateSystem([{ value: 45292, text: '1/1/2024' }])).toBe('1900');
    expect(
      detectDateSystem([
        { value: 'Anna', text: 'Anna' },
        { value: 100, text: '100' },
      ]),
    ).toBeUndefined();
  });
});

describe('cells and arguments', () => {
  test('blanks, error text and error objects decode to core cells', () => {
    expect(decodeCell('')).toBeNull();
    expect(decodeCell(null)).toBeNull();
    expect(decodeCell('#N/A')).toEqual({ kind: 'error', code: '#N/A' });
    expect(decodeCell({ errorCode: 'NotAvailable' })).toEqual({ kind: 'error', code: '#N/A' });
    expect(decodeCell({ type: 'Error', errorType: 'Div0' })).toEqual({
      kind: 'error',
      code: '#DIV/0!',
    });
    expect(decodeCell(Number.POSITIVE_INFINITY)).toEqual({ kind: 'error', code: '#NUM!' });
    expect(decodeCell('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
  });

  test('a single cell where a range is expected becomes a 1x1 grid', () => {
    expect(decodeRange(5)).toEqual([[5]]);
    expect(
      decodeRange([
        ['a', ''],
        [1, true],
      ]),
    ).toEqual([
      ['a', null],
      [1, true],
    ]);
  });

  test('day arguments: a serial in the workbook date system gives 2024-01-01 (=DATE(2024,1,1) is 45292)', () => {
    const day = dayFromYmd(2024, 1, 1);
    expect(decodeArgument('day', 45292, 'asOf', '1900')).toBe(day);
    expect(decodeArgument('day', [[45292 - 1462]], 'asOf', '1904')).toBe(day);
    expect(decodeArgument('day', null, 'asOf', '1900')).toBeUndefined();
  });

  test('a serial that is no date and an error cell throw invalid_argument naming the parameter', () => {
    expect(() => decodeArgument('day', 60, 'asOf', '1900')).toThrow(AnalyticsError);
    expect(() => decodeArgument('day', 60, 'asOf', '1900')).toThrow('asOf must be a date.');
    expect(() => decodeArgument('number', '#N/A', 'spend', '1900')).toThrow(
      'Argument spend: the cell holds the error value #N/A.',
    );
  });

  test('only host types are converted: text, numbers and booleans pass through for the core', () => {
    expect(decodeArgument('day', '01.01.2024', 'asOf', '1904')).toBe('01.01.2024');
    expect(decodeArgument('number', '12,5', 'x', '1900')).toBe('12,5');
    expect(decodeArgument('integer', 3, 'x', '1900')).toBe(3);
    expect(decodeArgument('text', 12, 'x', '1900')).toBe(12);
    expect(decodeArgument('boolean', 2, 'x', '1900')).toBe(2);
  });
});

describe('results and errors', () => {
  test('errors map to #NUM! (numeric, convergence), #N/A (not_available, empty_input), #VALUE! (others)', () => {
    expect(encodeError(new AnalyticsError('numeric', 'overflow')).errorKind).toBe('invalidNumber');
    expect(encodeError(new ConvergenceError('no fit.', 'Use more data.')).errorKind).toBe(
      'invalidNumber',
    );
    expect(encodeError(new AnalyticsError('not_available', 'n/a')).errorKind).toBe('notAvailable');
    expect(encodeError(new AnalyticsError('empty_input', 'empty')).errorKind).toBe('notAvailable');
    expect(encodeError(new AnalyticsError('invalid_argument', 'bad x'))).toEqual({
      kind: 'error',
      errorKind: 'invalidValue',
      message: 'bad x',
    });
    expect(encodeError(new TypeError('boom')).errorKind).toBe('invalidValue');
  });

  test('matrices are padded to a rectangle, null becomes blank, NaN a #NUM! cell', () => {
    expect(encodeResult([[1, null], [2]], 'array')).toEqual([
      [1, ''],
      [2, ''],
    ]);
    const withNaN = encodeResult([[Number.NaN]], 'array') as unknown[][];
    expect(withNaN[0]?.[0]).toMatchObject({ kind: 'error', errorKind: 'invalidNumber' });
    expect(() => encodeResult([], 'array')).toThrow('No rows to show.');
    expect(encodeError(errorOf(() => encodeResult([], 'array'))).errorKind).toBe('notAvailable');
    expect(encodeResult(Number.POSITIVE_INFINITY, 'scalar')).toMatchObject({
      errorKind: 'invalidNumber',
    });
    expect(encodeResult(7, 'array')).toEqual([[7]]);
  });

  test('property: no encoded value is NaN or infinite, and every row has the same width', () => {
    const scalar = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.array(scalar, { maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          if (rows.every((row) => row.length === 0)) return;
          const out = encodeResult(rows, 'array');
          if (!Array.isArray(out)) return;
          const width = out[0]?.length;
          for (const row of out) {
            expect(row.length).toBe(width);
            for (const v of row) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
          }
        },
      ),
    );
  });
});
