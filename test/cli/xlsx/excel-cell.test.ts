import { cellFromExcelValue, dayOfExcelDate } from '../../../cli/xlsx/excel-cell';
import { dayFromYmd } from '../../../shared/calendar';

describe('cellFromExcelValue', () => {
  it('turns a date into its calendar day, dropping the time (2024-12-31 15:00 UTC -> 20088)', () => {
    // 20088 = dayFromYmd(2024, 12, 31), the days since 1970-01-01 (Hinnant's algorithm).
    expect(dayFromYmd(2024, 12, 31)).toBe(20088);
    expect(cellFromExcelValue(new Date(Date.UTC(2024, 11, 31, 15)))).toEqual({
      kind: 'date',
      day: 20088,
    });
    expect(dayOfExcelDate(new Date(Date.UTC(1969, 11, 31, 23, 59)))).toBe(-1);
  });

  it('gives a formula its cached result, rich text its text, a hyperlink its text', () => {
    expect(cellFromExcelValue({ formula: 'A1*2', result: 84 })).toBe(84);
    expect(cellFromExcelValue({ sharedFormula: 'B2', result: 'x' } as never)).toBe('x');
    expect(cellFromExcelValue({ formula: 'NOW()' })).toBeNull();
    expect(cellFromExcelValue({ richText: [{ text: 'Ива' }, { text: 'нов' }] })).toBe('Иванов');
    expect(cellFromExcelValue({ text: 'site', hyperlink: 'https://example.com' })).toBe('site');
  });

  it('keeps error cells as errors, also as a formula result', () => {
    expect(cellFromExcelValue({ error: '#N/A' })).toEqual({ kind: 'error', code: '#N/A' });
    expect(cellFromExcelValue({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({
      kind: 'error',
      code: '#DIV/0!',
    });
  });

  it('passes numbers, text and booleans through; blanks are null', () => {
    expect([1.5, 'a', true, null, undefined].map((v) => cellFromExcelValue(v))).toEqual([
      1.5,
      'a',
      true,
      null,
      null,
    ]);
  });
});
