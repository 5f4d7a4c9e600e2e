import fc from 'fast-check';
import type { CatalogParam } from '../../shared/catalog/types';
import {
  decodeArg,
  decodeCell,
  decodeGrid,
  encodeResult,
  makeDayOfDate,
  type SheetsCodecContext,
  type SheetsValue,
} from '../../apps-script/sheets-codec';
import { formatIsoInZone, midnightInZone } from './helpers/fake-apps-script';

function contextIn(timeZone: string, locale: 'en' | 'ru' = 'en'): SheetsCodecContext {
  return { locale, dayOfDate: makeDayOfDate((d) => formatIsoInZone(d, timeZone)) };
}

const param = (type: CatalogParam['type'], optional = false): CatalogParam => ({
  name: 'value',
  type,
  ...(optional ? { optional: true } : {}),
  description: { en: 'A value', ru: 'Значение' },
});

// 2024-03-12 by hand: 2024-01-01 is day 54·365 + 13 leap days = 19723; + 31 (Jan) + 29 (Feb) + 11.
const DAY_2024_03_12 = 19794;

describe('sheets codec: dates in the spreadsheet time zone', () => {
  it.each(['Asia/Tokyo', 'Europe/Moscow', 'America/Los_Angeles', 'Etc/UTC'])(
    'a date cell for 2024-03-12 at midnight in %s is day 19794 (hand count: 19723 + 31 + 29 + 11)',
    (zone) => {
      const cell = decodeCell(midnightInZone(2024, 3, 12, zone), contextIn(zone));
      expect(cell).toEqual({ kind: 'date', day: DAY_2024_03_12 });
    },
  );

  it('reading a Tokyo midnight in UTC would give the day before (why the zone matters: 15:00Z on 2024-03-11)', () => {
    const date = midnightInZone(2024, 3, 12, 'Asia/Tokyo');
    expect(date.toISOString()).toBe('2024-03-11T15:00:00.000Z');
    expect(decodeCell(date, contextIn('Etc/UTC'))).toEqual({
      kind: 'date',
      day: DAY_2024_03_12 - 1,
    });
  });

  it('the DST change day in Los Angeles (2024-03-10) decodes to its own day, 19792 = 19794 − 2', () => {
    const date = midnightInZone(2024, 3, 10, 'America/Los_Angeles');
    expect(decodeCell(date, contextIn('America/Los_Angeles'))).toEqual({
      kind: 'date',
      day: 19792,
    });
  });

  it('a date-time cell counts for its calendar day in the zone (23:30 stays on the same day)', () => {
    const midnight = midnightInZone(2024, 3, 12, 'Europe/Moscow');
    const late = new Date(midnight.getTime() + (23 * 60 + 30) * 60_000);
    expect(decodeCell(late, contextIn('Europe/Moscow'))).toEqual({
      kind: 'date',
      day: DAY_2024_03_12,
    });
  });

  it('makeDayOfDate asks the formatter once per distinct instant (a date column repeats its days)', () => {
    let calls = 0;
    const dayOf = makeDayOfDate((d) => {
      calls += 1;
      return formatIsoInZone(d, 'Etc/UTC');
    });
    const d = new Date(Date.UTC(2024, 2, 12));
    for (let i = 0; i < 100; i += 1) dayOf(new Date(d.getTime()));
    expect(calls).toBe(1);
  });
});

describe('sheets codec: cells and arguments', () => {
  const ctx = contextIn('Etc/UTC');

  it('blanks are null, error texts are error cells, other values pass through', () => {
    expect(decodeCell('', ctx)).toBe('');
    expect(decodeCell(undefined, ctx)).toBeNull();
    expect(decodeCell('#N/A', ctx)).toEqual({ kind: 'error', code: '#N/A' });
    expect(decodeCell('#DIV/0!', ctx)).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(decodeCell('#hashtag', ctx)).toBe('#hashtag');
    expect(decodeCell(12.5, ctx)).toBe(12.5);
    expect(decodeCell(true, ctx)).toBe(true);
  });

  it('a scalar is a 1x1 grid and a range keeps its shape', () => {
    expect(decodeGrid(5, ctx)).toEqual([[5]]);
    expect(
      decodeGrid(
        [
          ['a', 1],
          ['', '#REF!'],
        ],
        ctx,
      ),
    ).toEqual([
      ['a', 1],
      ['', { kind: 'error', code: '#REF!' }],
    ]);
  });

  it('a day argument takes a date cell or a Sheets serial (45363 − 25569 = 19794); text passes through for the core', () => {
    expect(decodeArg(param('day'), new Date(Date.UTC(2024, 2, 12)), ctx)).toBe(DAY_2024_03_12);
    expect(decodeArg(param('day'), 45363, ctx)).toBe(DAY_2024_03_12);
    expect(decodeArg(param('day'), '12.03.2024', ctx)).toBe('12.03.2024');
  });

  it('a date cell where another type is expected is its Sheets serial, as Excel passes it', () => {
    expect(decodeArg(param('number'), new Date(Date.UTC(2024, 2, 12)), ctx)).toBe(45363);
  });

  it('a blank argument is undefined whether optional or not (the core names a missing one)', () => {
    expect(decodeArg(param('number', true), '', ctx)).toBeUndefined();
    expect(decodeArg(param('number', true), undefined, ctx)).toBeUndefined();
    expect(decodeArg(param('number'), '', ctx)).toBeUndefined();
  });

  it('only host types are converted: numbers, text and booleans pass through as typed', () => {
    expect(decodeArg(param('number'), 0.25, ctx)).toBe(0.25);
    expect(decodeArg(param('number'), [[7]], ctx)).toBe(7);
    expect(decodeArg(param('number'), '1,234', ctx)).toBe('1,234');
    expect(decodeArg(param('boolean'), 2, ctx)).toBe(2);
    expect(decodeArg(param('text'), 42, ctx)).toBe(42);
  });

  it('a range for one cell and an error cell are refused naming the parameter', () => {
    expect(() => decodeArg(param('number'), [[1, 2]], ctx)).toThrow(
      'Argument value: expected a single cell, not a range.',
    );
    expect(() => decodeArg(param('number'), '#N/A', ctx)).toThrow(
      'Argument value: the cell holds the error value #N/A.',
    );
  });

  it('a range argument becomes a grid; an omitted optional range is undefined', () => {
    expect(decodeArg(param('range'), [['x']], ctx)).toEqual([['x']]);
    expect(decodeArg(param('range', true), undefined, ctx)).toBeUndefined();
  });
});

describe('sheets codec: results', () => {
  const ctx = contextIn('Etc/UTC');

  it('pads ragged rows to a rectangle and blanks null and non-finite numbers', () => {
    expect(encodeResult([[1, 2], [3]])).toEqual([
      [1, 2],
      [3, ''],
    ]);
    expect(encodeResult([[null, NaN, Infinity, 'x']])).toEqual([['', '', '', 'x']]);
    expect(encodeResult(null)).toBe('');
  });

  it('an empty array throws "No rows to show." as Excel shows #N/A, not a blank cell', () => {
    expect(() => encodeResult([])).toThrow('No rows to show.');
    expect(() => encodeResult([[]])).toThrow('No rows to show.');
  });

  it('a non-finite scalar result throws a message instead of showing a bogus number', () => {
    expect(() => encodeResult(Number.POSITIVE_INFINITY)).toThrow(
      'The result is not a finite number.',
    );
  });

  it('property: every encoded array is rectangular, as wide as its widest row, with no NaN or Infinity', () => {
    const scalar = fc.oneof(
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(scalar, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const width = Math.max(...rows.map((r) => r.length));
          if (width === 0) return true;
          const out = encodeResult(rows);
          if (!Array.isArray(out)) return false;
          return (
            out.length === rows.length &&
            out.every((r) => r.length === width) &&
            out.flat().every((v) => typeof v !== 'number' || Number.isFinite(v))
          );
        },
      ),
    );
  });

  it('property: decoding a range keeps its shape and maps each cell on its own', () => {
    const value: fc.Arbitrary<SheetsValue> = fc.oneof(
      fc.double({ noNaN: true }),
      fc.string(),
      fc.boolean(),
      fc.constant(''),
      fc.constantFrom('#N/A', '#VALUE!'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const grid = decodeGrid(rows, ctx);
          return (
            grid.length === rows.length &&
            grid.every((row, r) => row.length === rows[r]!.length) &&
            grid.every((row, r) =>
              row.every(
                (cell, c) => JSON.stringify(cell) === JSON.stringify(decodeCell(rows[r]![c], ctx)),
              ),
            )
          );
        },
      ),
    );
  });
});
