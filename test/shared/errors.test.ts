import { AnalyticsError, rejectedRowsOfError } from '../../shared/errors';
import type { RejectedRow } from '../../shared/sheet-data/types';

const row: RejectedRow = { row: 2, code: 'date', reason: 'The date is not real.' };

describe('rejectedRowsOfError', () => {
  it("gives the rows of an AnalyticsError's details.rejectedRows (the doc card's example)", () => {
    expect(
      rejectedRowsOfError(new AnalyticsError('empty_input', 'm', { rejectedRows: [row] })),
    ).toEqual([row]);
  });

  it('gives no rows for other errors, other details and malformed entries', () => {
    expect(rejectedRowsOfError(new Error('x'))).toEqual([]);
    expect(rejectedRowsOfError(new AnalyticsError('empty_input', 'm'))).toEqual([]);
    expect(
      rejectedRowsOfError(new AnalyticsError('empty_input', 'm', { rejectedRows: 3 })),
    ).toEqual([]);
    expect(
      rejectedRowsOfError(
        new AnalyticsError('empty_input', 'm', { rejectedRows: [null, { row: '2' }, row] }),
      ),
    ).toEqual([row]);
  });
});
