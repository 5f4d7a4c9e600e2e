import { messageError, type AnalyticsError, type AnalyticsErrorCode } from '../errors';
import type { MessageParams, MessageTable } from '../i18n';

/**
 * User-facing names of the metrics (report labels), the shared "not available" text and the
 * metric functions' argument errors.
 */
export const metricsMessages = {
  'metric.customerAcquisitionCost': {
    en: 'Customer acquisition cost (CAC)',
    ru: 'Стоимость привлечения клиента (CAC)',
  },
  'metric.acquisitionPaybackByRevenue': {
    en: 'Acquisition payback by revenue',
    ru: 'Окупаемость привлечения по выручке',
  },
  'metric.acquisitionPaybackByProfit': {
    en: 'Acquisition payback by profit',
    ru: 'Окупаемость привлечения по прибыли',
  },
  'metric.averageCheck': { en: 'Average check', ru: 'Средний чек' },
  'metric.averageProfitPerSale': { en: 'Average check by profit', ru: 'Средний чек по прибыли' },
  'metric.repeatRate': { en: 'Repeat purchase rate', ru: 'Доля повторных покупателей' },
  'metric.repeatPurchaseCount': { en: 'Repeat purchases', ru: 'Повторные покупки' },
  'metric.activeClients': { en: 'Active clients', ru: 'Активные клиенты' },
  'metric.inactiveClients': { en: 'Inactive clients', ru: 'Неактивные клиенты' },
  'metric.unhappyClients': { en: 'Unhappy clients', ru: 'Недовольные клиенты' },
  'metric.ltvSimple': { en: 'Lifetime value (simple)', ru: 'LTV (простая формула)' },
  'metric.ltvWithRetention': { en: 'Lifetime value with retention', ru: 'LTV с учётом удержания' },
  'metric.lifetimeMonths': { en: 'Average lifetime, months', ru: 'Средний срок жизни, мес.' },
  'metric.churnRate': { en: 'Churn rate', ru: 'Отток' },
  'metric.yearlyChurnCost': { en: 'Yearly cost of churn', ru: 'Годовая стоимость оттока' },
  'metric.lostClientValue': {
    en: 'Value lost with one client',
    ru: 'Потери от ухода одного клиента',
  },
  'metric.netPromoterScore': { en: 'Net Promoter Score (NPS)', ru: 'Индекс NPS' },
  'metric.shareOfWallet': { en: 'Share of wallet', ru: 'Доля кошелька' },
  'metric.notAvailable': {
    en: 'not available: the data has no such column',
    ru: 'нет данных: в таблице нет такого столбца',
  },
  'metric.unhappyNotAvailable': {
    en: 'not available: needs an NPS or complaint column',
    ru: 'нет данных: нужен столбец NPS или жалоб',
  },
  'error.finite': {
    en: '{argument} must be a finite number, got {value}.',
    ru: '{argument}: нужно конечное число, получено {value}.',
  },
  'error.nonNegative': {
    en: '{argument} must be zero or more, got {value}.',
    ru: '{argument}: нужно число не меньше нуля, получено {value}.',
  },
  'error.positive': {
    en: '{argument} must be greater than zero, got {value}.',
    ru: '{argument}: нужно число больше нуля, получено {value}.',
  },
  'error.ratio': {
    en: '{argument} must be a ratio between 0 and 1 (e.g. 0.25 for 25 %), got {value}.',
    ru: '{argument}: нужна доля от 0 до 1 (например, 0,25 для 25 %), получено {value}.',
  },
  'error.cannotExceed': {
    en: '{argument} ({value}) cannot exceed {limitArgument} ({limit}).',
    ru: '{argument} ({value}) не может быть больше {limitArgument} ({limit}).',
  },
  'error.infiniteLtv': {
    en: 'retentionRate must be below 1 + discountRate (got r = {retentionRate}, d = {discountRate}): the lifetime value would be infinite.',
    ru: 'retentionRate должен быть меньше 1 + discountRate (получено r = {retentionRate}, d = {discountRate}): пожизненная ценность была бы бесконечной.',
  },
  'error.timing': {
    en: 'timing must be one of {choices}.',
    ru: 'timing: нужно одно из значений {choices}.',
  },
  'error.timingGot': {
    en: 'timing must be one of {choices}, got {value}.',
    ru: 'timing: нужно одно из значений {choices}, получено {value}.',
  },
  'error.npsCell': {
    en: 'NPS answers must be numbers 0-10; the cell in row {row}, column {column} of the range is not.',
    ru: 'Ответы NPS должны быть числами 0–10; ячейка в строке {row}, столбце {column} диапазона — нет.',
  },
  'error.npsAnswers': {
    en: 'NPS answers must be whole numbers from 0 to 10; not so at position {positions}.',
    ru: 'Ответы NPS должны быть целыми числами от 0 до 10; это не так в позициях {positions}.',
  },
  'error.noNpsAnswers': {
    en: 'There are no NPS answers.',
    ru: 'Нет ответов NPS.',
  },
} as const satisfies MessageTable;

export type MetricsMessageId = keyof typeof metricsMessages;

/** An `AnalyticsError` with the English text of metrics message `id`, the id kept in `details`. */
export function metricsError(
  code: AnalyticsErrorCode,
  id: MetricsMessageId,
  params: MessageParams = {},
  extra: Readonly<Record<string, unknown>> = {},
): AnalyticsError {
  return messageError(code, 'metrics', metricsMessages, id, params, extra);
}
