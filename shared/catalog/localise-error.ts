import { AnalyticsError, ConvergenceError, errorMessageSource } from '../errors';
import { formatTemplate, type Locale, type MessageTable } from '../i18n';
import { metricsMessages } from '../metrics/messages';
import { modelsMessages } from '../models/messages';
import { retentionMessages } from '../segmentation/retention-messages';
import { catalogMessages } from './catalog-messages';

/**
 * The message tables errors raised while a catalog function runs may name in
 * `details.messageTable`, by that name. Errors raised with the call's locale already in hand
 * (the sheet reader's) carry no id and are shown as they are.
 */
export const CATALOG_ERROR_TABLES: Readonly<Record<string, MessageTable>> = {
  catalog: catalogMessages,
  metrics: metricsMessages,
  retention: retentionMessages,
  models: modelsMessages,
};

/**
 * The error with its message in `locale`: an `AnalyticsError` whose details name a message
 * (`details.messageTable`, `messageId`, `params`, see `messageError`) is rebuilt with the same
 * code and details and the text of that message in `locale` (a `ConvergenceError` with its
 * advice in `locale` too); any other error, or one naming a message this layer does not know,
 * is returned as it is. Never throws.
 *
 * Example: `localiseError(catalogError('invalid_argument', 'argument.number', { argument: 'x' }), 'ru')`
 * has the message `x: нужно число.` (tested in test/shared/catalog/localise-error.test.ts).
 */
export function localiseError(error: unknown, locale: Locale): unknown {
  const source = errorMessageSource(error);
  if (source === undefined || !(error instanceof AnalyticsError)) return error;
  const table = CATALOG_ERROR_TABLES[source.table];
  const entry = table?.[source.id];
  if (table === undefined || entry === undefined) return error;
  const message = formatTemplate(entry[locale], source.params);
  if (error instanceof ConvergenceError) {
    const advice = source.adviceId === undefined ? undefined : table[source.adviceId];
    return new ConvergenceError(
      message,
      advice === undefined ? error.advice : formatTemplate(advice[locale], source.params),
      error.details,
    );
  }
  return new AnalyticsError(error.code, message, error.details);
}
