import type { MessageTable } from '../i18n';

/** User-facing names of the metrics (report labels) and the shared "not available" text. */
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
} as const satisfies MessageTable;

export type MetricsMessageId = keyof typeof metricsMessages;
