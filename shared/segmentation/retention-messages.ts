import { messageError, type AnalyticsError, type AnalyticsErrorCode } from '../errors';
import type { MessageParams, MessageTable } from '../i18n/translate';

/**
 * User-facing text of the retention analyses (lost clients, alerts, cohorts, migration,
 * portfolios), in English and Russian. Templates use `{name}` placeholders.
 */
export const retentionMessages = {
  'alert.falling_check.title': { en: 'Falling average check', ru: 'Падает средний чек' },
  'alert.falling_check.evidence': {
    en: 'Average check {recent} over the last {months} months (purchases: {recentPurchases}) vs {previous} over the {months} months before (purchases: {previousPurchases}): {drop} lower.',
    ru: 'Средний чек {recent} за последние {months} мес. (покупок: {recentPurchases}) против {previous} за {months} мес. до того (покупок: {previousPurchases}): ниже на {drop}.',
  },
  'alert.falling_check.action': {
    en: 'Ask what changed; offer a bundle or an upgrade that brings the check back.',
    ru: 'Спросите, что изменилось; предложите комплект или услугу выше, чтобы вернуть чек.',
  },
  'alert.silent_regular.title': { en: 'A regular has gone quiet', ru: 'Постоянный клиент пропал' },
  'alert.silent_regular.evidence': {
    en: 'Purchases: {purchases}, usually every {median} days; no purchase for {days} days (more than {threshold}).',
    ru: 'Покупок: {purchases}, обычно раз в {median} дн.; нет покупок уже {days} дн. (больше {threshold}).',
  },
  'alert.silent_regular.action': {
    en: 'Call personally before the client is lost; remind them of their usual purchase.',
    ru: 'Позвоните лично, пока клиент не ушёл; напомните о привычной покупке.',
  },
  'alert.category_dropped.title': {
    en: 'Stopped buying a category',
    ru: 'Перестал покупать категорию',
  },
  'alert.category_dropped.evidence': {
    en: '"{category}" bought in {monthsWith} of {historyMonths} months, then not in the last {recentMonths} months (last on {lastDay}).',
    ru: '«{category}» покупал в {monthsWith} из {historyMonths} мес., затем ни разу за последние {recentMonths} мес. (последний раз {lastDay}).',
  },
  'alert.category_dropped.action': {
    en: 'Find out whether a competitor took this category; offer it again with a reason to come back.',
    ru: 'Узнайте, не ушла ли категория к конкуренту; предложите её снова с поводом вернуться.',
  },

  'sheet.lost': { en: 'Lost clients', ru: 'Ушедшие клиенты' },
  'sheet.alerts': { en: 'Retention alerts', ru: 'Сигналы оттока' },
  'sheet.cohorts': { en: 'Cohorts', ru: 'Когорты' },
  'sheet.migration': { en: 'Migration', ru: 'Миграция' },
  'sheet.managers': { en: 'Managers', ru: 'Менеджеры' },
  'sheet.channels': { en: 'Channels', ru: 'Каналы' },

  'table.lostTotals': { en: 'Churn in the period', ru: 'Отток за период' },
  'table.lostTotals.note': {
    en: 'Period {from} – {to}. A client is lost after {multiplier} × its median gap between purchases (at least {minimum} days; {oneTime} days after a single purchase).',
    ru: 'Период {from} – {to}. Клиент считается ушедшим через {multiplier} × его медианный интервал между покупками (не меньше {minimum} дн.; {oneTime} дн. после единственной покупки).',
  },
  'table.lostList': { en: 'Clients lost in the period', ru: 'Клиенты, ушедшие за период' },
  'table.lostList.note': {
    en: 'Value lost = monthly spend (revenue in the year before the last purchase / 12) × {months} expected remaining months.',
    ru: 'Потерянная ценность = траты в месяц (выручка за год до последней покупки / 12) × {months} мес. ожидаемой оставшейся жизни.',
  },
  'table.clientListStatus': {
    en: 'Clients by last purchase date',
    ru: 'Клиенты по дате последней покупки',
  },
  'table.notAvailable': { en: 'Not available', ru: 'Недоступно' },
  'table.alerts': { en: 'Clients slipping away', ru: 'Клиенты, которые уходят' },
  'table.alerts.note': {
    en: 'Clients already lost are on the lost-clients sheet, not here.',
    ru: 'Уже ушедшие клиенты — на листе ушедших клиентов, не здесь.',
  },
  'table.cohortShares': {
    en: 'Share of each cohort buying in month k',
    ru: 'Доля когорты, купившей в месяце k',
  },
  'table.cohortShares.note': {
    en: 'Cohort = month of the first purchase; month 0 is 100 %.{partial}',
    ru: 'Когорта — месяц первой покупки; месяц 0 — 100 %.{partial}',
  },
  'table.cohortShares.partial': {
    en: ' The last month is not complete yet.',
    ru: ' Последний месяц ещё не закончился.',
  },
  'table.cohortCounts': { en: 'Clients buying in month k', ru: 'Клиентов с покупкой в месяце k' },
  'table.cohortRevenue': {
    en: 'Revenue in month k / revenue in month 0',
    ru: 'Выручка в месяце k / выручка в месяце 0',
  },
  'table.migration': { en: '{dimension}: previous → current', ru: '{dimension}: было → стало' },
  'table.migration.note': {
    en: 'Previous period {previous}, current {current}; {both} clients in both. Rows: previous class, columns: current class.',
    ru: 'Прошлый период {previous}, текущий {current}; в обоих — {both} клиентов. Строки — было, столбцы — стало.',
  },
  'table.moves': { en: 'Who moved', ru: 'Кто переместился' },
  'table.managers': { en: 'Manager portfolios', ru: 'Портфели менеджеров' },
  'table.channels': { en: 'Acquisition channels', ru: 'Каналы привлечения' },
  'table.channels.note': {
    en: 'A client belongs to the channel of its first purchase. CAC = spend / clients acquired.',
    ru: 'Клиент относится к каналу первой покупки. CAC = затраты / привлечённые клиенты.',
  },
  'chart.migration': {
    en: '{dimension}: where the previous classes went',
    ru: '{dimension}: куда перешли прошлые классы',
  },
  'chart.managers': { en: 'Managers compared', ru: 'Сравнение менеджеров' },

  'col.metric': { en: 'Measure', ru: 'Показатель' },
  'col.value': { en: 'Value', ru: 'Значение' },
  'col.how': { en: 'How it is counted', ru: 'Как считается' },
  'col.client': { en: 'Client', ru: 'Клиент' },
  'col.firstPurchase': { en: 'First purchase', ru: 'Первая покупка' },
  'col.lastPurchase': { en: 'Last purchase', ru: 'Последняя покупка' },
  'col.windowDays': { en: 'Window, days', ru: 'Окно, дн.' },
  'col.windowBasis': { en: 'Window from', ru: 'Окно по' },
  'col.lostDay': { en: 'Lost on', ru: 'Ушёл' },
  'col.status': { en: 'Status', ru: 'Статус' },
  'col.yearlyRevenue': { en: 'Revenue in the last year', ru: 'Выручка за последний год' },
  'col.monthlySpend': { en: 'Monthly spend', ru: 'Траты в месяц' },
  'col.expectedMonths': { en: 'Expected months left', ru: 'Ожидалось ещё мес.' },
  'col.valueLost': { en: 'Value lost', ru: 'Потерянная ценность' },
  'col.activeAtStart': { en: 'Active at period start', ru: 'Активен в начале периода' },
  'col.revenue': { en: 'Revenue', ru: 'Выручка' },
  'col.abc': { en: 'ABC', ru: 'ABC' },
  'col.analysis': { en: 'Analysis', ru: 'Анализ' },
  'col.reason': { en: 'Why', ru: 'Почему' },
  'col.alert': { en: 'Alert', ru: 'Сигнал' },
  'col.evidence': { en: 'Evidence', ru: 'Факты' },
  'col.action': { en: 'Suggested action', ru: 'Что сделать' },
  'col.cohort': { en: 'Cohort', ru: 'Когорта' },
  'col.clients': { en: 'Clients', ru: 'Клиенты' },
  'col.month': { en: 'Month {k}', ru: 'Мес. {k}' },
  'col.previous': { en: 'Previous \\ current', ru: 'Было \\ стало' },
  'col.total': { en: 'Total', ru: 'Итого' },
  'col.dimension': { en: 'Measure', ru: 'Измерение' },
  'col.from': { en: 'From', ru: 'Было' },
  'col.to': { en: 'To', ru: 'Стало' },
  'col.direction': { en: 'Direction', ru: 'Направление' },
  'col.manager': { en: 'Manager', ru: 'Менеджер' },
  'col.revenueShare': { en: 'Revenue share', ru: 'Доля выручки' },
  'col.aShare': { en: 'Share of A', ru: 'Доля A' },
  'col.xShare': { en: 'Share of X', ru: 'Доля X' },
  'col.atRiskShare': { en: 'At risk or lost', ru: 'Под угрозой или ушли' },
  'col.lostShare': { en: 'Lost', ru: 'Ушли' },
  'col.channel': { en: 'Channel', ru: 'Канал' },
  'col.clientsAcquired': { en: 'Clients acquired', ru: 'Привлечено клиентов' },
  'col.revenuePerClient': { en: 'Revenue per client', ru: 'Выручка на клиента' },
  'col.repeatRate': { en: 'Repeat rate', ru: 'Доля повторных' },
  'col.spend': { en: 'Spend', ru: 'Затраты' },
  'col.cac': { en: 'CAC', ru: 'CAC' },

  'value.yes': { en: 'yes', ru: 'да' },
  'value.no': { en: 'no', ru: 'нет' },
  'value.none': { en: '(none)', ru: '(не указан)' },
  'value.up': { en: 'up', ru: 'вверх' },
  'value.down': { en: 'down', ru: 'вниз' },
  'value.active': { en: 'active', ru: 'активен' },
  'value.lost': { en: 'lost', ru: 'ушёл' },
  'basis.median_interval': { en: 'median gap', ru: 'медианный интервал' },
  'basis.minimum': { en: 'minimum window', ru: 'минимальное окно' },
  'basis.one_time_buyer': { en: 'single purchase', ru: 'одна покупка' },
  'basis.mean_interval': { en: 'mean gap', ru: 'средний интервал' },
  'basis.unknown_history': { en: 'fixed window', ru: 'фиксированное окно' },

  'total.clientsWithPurchases': { en: 'Clients who bought', ru: 'Клиентов с покупками' },
  'total.clientsWithPurchases.how': {
    en: 'Clients with a purchase before the as-of day.',
    ru: 'Клиенты с покупкой до даты анализа.',
  },
  'total.activeClients': { en: 'Active now', ru: 'Активны сейчас' },
  'total.activeClients.how': {
    en: 'Not yet past their window.',
    ru: 'Ещё не вышли за своё окно.',
  },
  'total.lostClients': { en: 'Lost (ever)', ru: 'Ушли (всего)' },
  'total.lostClients.how': {
    en: 'Past their window on the as-of day.',
    ru: 'Вышли за своё окно к дате анализа.',
  },
  'total.lostInPeriod': { en: 'Lost in the period', ru: 'Ушли за период' },
  'total.lostInPeriod.how': {
    en: 'Lost day (last purchase + window) inside the period.',
    ru: 'День ухода (последняя покупка + окно) внутри периода.',
  },
  'total.activeAtPeriodStart': { en: 'Active at period start', ru: 'Активны в начале периода' },
  'total.activeAtPeriodStart.how': {
    en: 'Judged on the purchases before the period.',
    ru: 'По покупкам до начала периода.',
  },
  'total.lostFromPeriodStart': { en: 'Of them lost', ru: 'Из них ушли' },
  'total.lostFromPeriodStart.how': {
    en: 'Active at the start and lost by the as-of day.',
    ru: 'Активны в начале и ушли к дате анализа.',
  },
  'total.churnRate': { en: 'Churn rate, %', ru: 'Отток, %' },
  'total.churnRate.how': {
    en: 'Of them lost / active at period start × 100.',
    ru: 'Из них ушли / активны в начале периода × 100.',
  },
  'total.lostYearlyRevenue': { en: 'Yearly revenue lost', ru: 'Потерянная выручка за год' },
  'total.lostYearlyRevenue.how': {
    en: "Sum of the lost clients' revenue in their last year.",
    ru: 'Сумма выручки ушедших клиентов за их последний год.',
  },
  'total.valueLost': { en: 'Value lost', ru: 'Потерянная ценность' },
  'total.valueLost.how': {
    en: 'Sum of monthly spend × expected remaining months.',
    ru: 'Сумма трат в месяц × ожидаемых оставшихся месяцев.',
  },
  'total.expectedRemainingMonths': {
    en: 'Expected remaining months',
    ru: 'Ожидаемая оставшаяся жизнь, мес.',
  },
  'total.expectedRemainingMonths.how': {
    en: 'Average lifetime of the base: sum of active months (first to last purchase month, both counted) / clients.',
    ru: 'Средняя жизнь клиента в базе: сумма активных месяцев (от месяца первой до месяца последней покупки включительно) / клиенты.',
  },
  'total.yearlyValuePerClient': { en: 'Yearly value per client', ru: 'Ценность клиента за год' },
  'total.yearlyValuePerClient.how': {
    en: 'Revenue in the period / clients who bought in it, per 12 months.',
    ru: 'Выручка за период / купившие в нём клиенты, за 12 месяцев.',
  },
  'total.valuePerChurnPoint': {
    en: 'Each point of churn removed keeps',
    ru: 'Каждый пункт снижения оттока сохраняет',
  },
  'total.valuePerChurnPoint.how': {
    en: 'Active at period start × 1 % × yearly value per client.',
    ru: 'Активны в начале периода × 1 % × ценность клиента за год.',
  },
  'total.yearlyCostOfChurn': { en: 'Yearly cost of churn', ru: 'Цена оттока за год' },
  'total.yearlyCostOfChurn.how': {
    en: 'Of them lost × yearly value per client.',
    ru: 'Из них ушли × ценность клиента за год.',
  },

  'na.needsTransactions': {
    en: 'not available: needs transactions (a row per purchase)',
    ru: 'недоступно: нужны транзакции (строка на покупку)',
  },
  'na.value_lost': {
    en: 'Value lost and yearly revenue before leaving',
    ru: 'Потерянная ценность и выручка за год до ухода',
  },
  'na.churn_rate': { en: 'Churn rate for the period', ru: 'Отток за период' },
  'na.retention_alerts': { en: 'Retention alerts', ru: 'Сигналы оттока' },
  'na.cohort_retention': { en: 'Cohort retention', ru: 'Удержание когорт' },
  'na.segment_migration': { en: 'Migration between periods', ru: 'Миграция между периодами' },
  'na.xyz': { en: 'XYZ classes and the share of X', ru: 'Классы XYZ и доля X' },
  'na.at_risk': { en: 'Share of clients at risk', ru: 'Доля клиентов под угрозой' },

  'error.migrationAfterAsOf': {
    en: 'the migration periods must end before the as-of day {asOf}: a period ends on {end}.',
    ru: 'периоды миграции должны заканчиваться до даты анализа {asOf}: один из них заканчивается {end}.',
  },

  'error.noPurchaseToStandOn': {
    en: 'The range has no purchase to stand on.',
    ru: 'В диапазоне нет покупки, от которой можно отсчитать дату анализа.',
  },
  'error.noActiveAtStart': {
    en: 'No client was active at the start of the period.',
    ru: 'В начале периода не было ни одного активного клиента.',
  },
  'error.periodMonths': {
    en: 'periodMonths must be a whole number of at least 1.',
    ru: 'periodMonths: нужно целое число не меньше 1.',
  },
} as const satisfies MessageTable;

export type RetentionMessageId = keyof typeof retentionMessages;

/** An `AnalyticsError` with the English text of retention message `id`, the id kept in `details`. */
export function retentionError(
  code: AnalyticsErrorCode,
  id: RetentionMessageId,
  params: MessageParams = {},
  extra: Readonly<Record<string, unknown>> = {},
): AnalyticsError {
  return messageError(code, 'retention', retentionMessages, id, params, extra);
}
