import { rejectedRowLines } from '../../cli/rejected-row-lines';
import type { RejectedRow } from '../../shared/sheet-data/types';

const rows: RejectedRow[] = [
  { row: 2, code: 'amount', reason: 'Bad amount.' },
  { row: 5, code: 'date', reason: 'Bad date.' },
  { row: 9, code: 'date', reason: 'No date.' },
];

describe('rejectedRowLines', () => {
  it('lists the first rows and says how many more (3 rows, 2 shown: 1 more)', () => {
    expect(rejectedRowLines(rows, 2, 'en')).toEqual([
      'Rejected rows (first 2 of 3):',
      '  row 2: Bad amount.',
      '  row 5: Bad date.',
      '  ... and 1 more',
    ]);
  });

  it('has no "more" line when every row is shown, and Russian texts', () => {
    expect(rejectedRowLines(rows.slice(0, 1), 20, 'ru')).toEqual([
      'Отклонённые строки (первые 1 из 1):',
      '  строка 2: Bad amount.',
    ]);
  });

  it('gives no lines for no rejected rows', () => {
    expect(rejectedRowLines([], 20, 'en')).toEqual([]);
  });
});
