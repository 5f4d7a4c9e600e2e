import { catalogError } from '../../../shared/catalog/catalog-messages';
import { localiseError } from '../../../shared/catalog/localise-error';
import { AnalyticsError, ConvergenceError } from '../../../shared/errors';
import { modelsConvergenceError } from '../../../shared/models/messages';

describe('localiseError', () => {
  it('re-renders an error with a message id in the locale, keeping code and details', () => {
    const error = catalogError('invalid_argument', 'argument.number', { argument: 'x' });
    const ru = localiseError(error, 'ru') as AnalyticsError;
    expect(ru.message).toBe('x: нужно число.');
    expect(ru.code).toBe('invalid_argument');
    expect(ru.details).toBe(error.details);
    expect((localiseError(error, 'en') as Error).message).toBe('x must be a number.');
  });

  it('a convergence error keeps its class and gets its advice in the locale too', () => {
    const error = modelsConvergenceError('error.notConverged', 'advice.notConverged', {
      model: 'BG/NBD',
      logLikelihood: '-1',
    });
    const ru = localiseError(error, 'ru') as ConvergenceError;
    expect(ru).toBeInstanceOf(ConvergenceError);
    expect(ru.message).toMatch(/^Подбор модели BG\/NBD не сошёлся .* Попробуйте/);
    expect(ru.advice).toMatch(/^Попробуйте/);
  });

  it('an error without an id, or with an unknown table, is returned as it is', () => {
    const plain = new AnalyticsError('numeric', 'overflow');
    expect(localiseError(plain, 'ru')).toBe(plain);
    const unknown = new AnalyticsError('numeric', 'm', { messageTable: 'nope', messageId: 'x' });
    expect(localiseError(unknown, 'ru')).toBe(unknown);
  });
});
