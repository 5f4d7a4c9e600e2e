import { a1Address, columnLetters } from '../../../shared/sheet-data/a1-address';

describe('A1 notation', () => {
  it('names columns as spreadsheets do (counted by hand: 27 = AA, 702 = ZZ, 703 = AAA)', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('writes a rectangle as B3:E12 and a single cell as B3 (counted by hand)', () => {
    expect(a1Address(3, 2, 10, 4)).toBe('B3:E12');
    expect(a1Address(3, 2, 1, 1)).toBe('B3');
    expect(a1Address(1, 1, 1, 3)).toBe('A1:C1');
  });
});
