import { messageError, type AnalyticsError, type AnalyticsErrorCode } from '../errors';
import type { Locale, MessageParams, MessageTable } from '../i18n';

/**
 * User-facing text of the spreadsheet-function layer: argument errors (the same in every host)
 * and the result rules (no rows, not a finite number). `{argument}` is the parameter's name as
 * autocomplete shows it; `{value}` what the user typed.
 */
export const catalogMessages = {
  'argument.missing': {
    en: 'Argument {argument}: a value is required.',
    ru: 'Аргумент {argument}: нужно значение.',
  },
  'argument.singleCell': {
    en: 'Argument {argument}: expected a single cell, not a range.',
    ru: 'Аргумент {argument}: нужна одна ячейка, а не диапазон.',
  },
  'argument.errorCell': {
    en: 'Argument {argument}: the cell holds the error value {value}.',
    ru: 'Аргумент {argument}: в ячейке значение ошибки {value}.',
  },
  'argument.number': {
    en: '{argument} must be a number.',
    ru: '{argument}: нужно число.',
  },
  'argument.numberText': {
    en: '{argument} must be a number, not "{value}".',
    ru: '{argument}: нужно число, а не «{value}».',
  },
  'argument.integer': {
    en: '{argument} must be a whole number, not {value}.',
    ru: '{argument}: нужно целое число, а не {value}.',
  },
  'argument.day': {
    en: '{argument} must be a date.',
    ru: '{argument}: нужна дата.',
  },
  'argument.dayText': {
    en: '{argument} must be a date (a date cell, 2024-03-12 or 12.03.2024), not "{value}".',
    ru: '{argument}: нужна дата (ячейка с датой, 2024-03-12 или 12.03.2024), а не «{value}».',
  },
  'argument.text': {
    en: '{argument} must be text.',
    ru: '{argument}: нужен текст.',
  },
  'argument.boolean': {
    en: '{argument} must be TRUE or FALSE.',
    ru: '{argument}: нужно ИСТИНА или ЛОЖЬ.',
  },
  'argument.booleanValue': {
    en: '{argument} must be TRUE or FALSE (or 1 or 0), not {value}.',
    ru: '{argument}: нужно ИСТИНА или ЛОЖЬ (или 1 или 0), а не {value}.',
  },
  'argument.range': {
    en: '{argument} must be a range.',
    ru: '{argument}: нужен диапазон.',
  },
  'argument.language': {
    en: '{argument} must be "en" or "ru", not "{value}".',
    ru: '{argument}: нужно "en" или "ru", а не «{value}».',
  },
  'range.noPurchases': {
    en: 'The range has no readable purchase rows.',
    ru: 'В диапазоне нет читаемых строк с покупками.',
  },
  'range.noPurchasesFirstProblem': {
    en: 'The range has no readable purchase rows; first problem, row {row}: {reason}',
    ru: 'В диапазоне нет читаемых строк с покупками; первая ошибка, строка {row}: {reason}',
  },
  'result.noRows': {
    en: 'No rows to show.',
    ru: 'Нет строк для вывода.',
  },
  'result.notFinite': {
    en: 'The result is not a finite number.',
    ru: 'Результат не является конечным числом.',
  },
} as const satisfies MessageTable;

export type CatalogMessageId = keyof typeof catalogMessages;

/**
 * An `AnalyticsError` with the English text of catalog message `id`, its id kept for
 * `localiseError`; `locale` renders it in a language already known. Example: `catalogError('invalid_argument', 'argument.number', { argument: 'x' })`
 * has the message `x must be a number.`.
 */
export function catalogError(
  code: AnalyticsErrorCode,
  id: CatalogMessageId,
  params: MessageParams = {},
  locale: Locale = 'en',
): AnalyticsError {
  const argument = params['argument'];
  return messageError(
    code,
    'catalog',
    catalogMessages,
    id,
    params,
    argument === undefined ? {} : { argument },
    locale,
  );
}
