import {
  isOwnAnnotationHeader,
  widthWithoutOwnAnnotations,
} from '../../../shared/workflows/own-annotation-columns';

describe('own annotation columns', () => {
  test('the headers annotate mode writes are recognised in both languages, other text is not', () => {
    expect(isOwnAnnotationHeader('clientbase: ABC')).toBe(true);
    expect(isOwnAnnotationHeader('clientbase: RFM-сегмент')).toBe(true);
    expect(isOwnAnnotationHeader('ABC')).toBe(false);
    expect(isOwnAnnotationHeader(42)).toBe(false);
  });

  test('a region is cut at the first own column, with whatever touches it on the right', () => {
    const header = [
      'Client',
      'Date',
      'Amount',
      'clientbase: RFM segment',
      'clientbase: RFM',
      'Note',
    ];
    expect(widthWithoutOwnAnnotations([header, ['Anna', 45301, 100, 'Loyal', '444', '']], 6)).toBe(
      3,
    );
    // The header row may sit below a title row.
    expect(widthWithoutOwnAnnotations([['Sales 2024'], header], 6)).toBe(3);
    expect(widthWithoutOwnAnnotations([['Client', 'Date', 'Amount']], 3)).toBe(3);
    // A lone own column is kept rather than leaving nothing to read.
    expect(widthWithoutOwnAnnotations([['clientbase: ABC']], 1)).toBe(1);
  });
});
