import {
  AnalyticsError,
  errorMessageSource,
  messageError,
  rejectedRowsOfError,
} from '../../shared/errors';
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

describe('messageError and errorMessageSource', () => {
  const table = { x: { en: 'Bad {a}.', ru: 'Плохо {a}.' } } as const;

  it('renders the English text and keeps the table, id and params for the edge', () => {
    const error = messageError(
      'invalid_argument',
      'catalog',
      table,
      'x',
      { a: 1 },
      { argument: 'a' },
    );
    expect(error.message).toBe('Bad 1.');
    expect(error.details).toMatchObject({ argument: 'a' });
    expect(errorMessageSource(error)).toEqual({ table: 'catalog', id: 'x', params: { a: 1 } });
  });

  it('renders in a known locale when given one; errors without an id have no source', () => {
    expect(
      messageError('invalid_argument', 'catalog', table, 'x', { a: 2 }, {}, 'ru').message,
    ).toBe('Плохо 2.');
    expect(errorMessageSource(new AnalyticsError('numeric', 'm'))).toBeUndefined();
    expect(errorMessageSource(new Error('m'))).toBeUndefined();
  });
});
