import type { MessageTable } from '../i18n';

/**
 * User-facing text of the segmentation core: segment names, meanings and actions, ABC/XYZ class
 * meanings, and the headers of the spreadsheet functions' output.
 */
export const segmentationMessages = {
  'segment.champions.name': { en: 'Champions', ru: 'Чемпионы' },
  'segment.champions.meaning': {
    en: 'Bought recently, buy often and spend the most.',
    ru: 'Покупали недавно, покупают часто и тратят больше всех.',
  },
  'segment.champions.action': {
    en: 'Thank them, ask for reviews and referrals, offer early access to new services.',
    ru: 'Поблагодарите, попросите отзыв и рекомендацию, дайте ранний доступ к новинкам.',
  },
  'segment.loyal.name': { en: 'Loyal', ru: 'Лояльные' },
  'segment.loyal.meaning': {
    en: 'Buy regularly and spend well; respond to attention.',
    ru: 'Покупают регулярно и тратят хорошо; откликаются на внимание.',
  },
  'segment.loyal.action': {
    en: 'Offer a loyalty programme and sell up to higher-value services.',
    ru: 'Предложите программу лояльности и более дорогие услуги.',
  },
  'segment.potential_loyalist.name': { en: 'Potential loyalists', ru: 'Потенциально лояльные' },
  'segment.potential_loyalist.meaning': {
    en: 'Recent clients with average frequency and spend.',
    ru: 'Недавние клиенты со средней частотой и суммой покупок.',
  },
  'segment.potential_loyalist.action': {
    en: 'Offer a membership or a bundle to make the next visits a habit.',
    ru: 'Предложите абонемент или пакет, чтобы следующие визиты стали привычкой.',
  },
  'segment.new.name': { en: 'New', ru: 'Новые' },
  'segment.new.meaning': {
    en: 'Bought recently for the first time or only a little.',
    ru: 'Купили недавно впервые или на небольшую сумму.',
  },
  'segment.new.action': {
    en: 'Welcome them, explain what else you offer, invite them back soon.',
    ru: 'Поприветствуйте, расскажите, что ещё вы предлагаете, пригласите снова.',
  },
  'segment.promising.name': { en: 'Promising', ru: 'Перспективные' },
  'segment.promising.meaning': {
    en: 'Recent buyers who spent well but have not bought often yet.',
    ru: 'Недавние покупатели с хорошей суммой, но пока редкими покупками.',
  },
  'segment.promising.action': {
    en: 'Build the relationship: a personal recommendation or a second-visit offer.',
    ru: 'Развивайте отношения: личная рекомендация или предложение на второй визит.',
  },
  'segment.need_attention.name': { en: 'Need attention', ru: 'Требуют внимания' },
  'segment.need_attention.meaning': {
    en: 'Above-average clients who have not bought for a while.',
    ru: 'Клиенты выше среднего, которые давно не покупали.',
  },
  'segment.need_attention.action': {
    en: 'Send a limited-time offer based on what they bought before.',
    ru: 'Отправьте ограниченное по времени предложение по их прошлым покупкам.',
  },
  'segment.about_to_sleep.name': { en: 'About to sleep', ru: 'Засыпающие' },
  'segment.about_to_sleep.meaning': {
    en: 'Below-average recency, frequency and spend; slipping away.',
    ru: 'Давность, частота и сумма ниже среднего; уходят.',
  },
  'segment.about_to_sleep.action': {
    en: 'Wake them up with a reminder and a popular service at a good price.',
    ru: 'Разбудите напоминанием и популярной услугой по хорошей цене.',
  },
  'segment.at_risk.name': { en: 'At risk', ru: 'Под угрозой' },
  'segment.at_risk.meaning': {
    en: 'Used to buy often and spend well, but not for a long time.',
    ru: 'Раньше покупали часто и много, но давно не возвращались.',
  },
  'segment.at_risk.action': {
    en: 'Reach out personally: a call or message, ask what went wrong, a win-back offer.',
    ru: 'Свяжитесь лично: звонок или сообщение, спросите, что не так, предложение на возврат.',
  },
  'segment.cannot_lose.name': { en: 'Cannot lose them', ru: 'Нельзя потерять' },
  'segment.cannot_lose.meaning': {
    en: 'Were among the best clients by frequency or spend, and have gone quiet.',
    ru: 'Были среди лучших по частоте или сумме, но затихли.',
  },
  'segment.cannot_lose.action': {
    en: 'A personal call from the manager and a strong offer to win them back.',
    ru: 'Личный звонок менеджера и сильное предложение, чтобы вернуть.',
  },
  'segment.hibernating.name': { en: 'Hibernating', ru: 'Спящие' },
  'segment.hibernating.meaning': {
    en: 'Last bought long ago, rarely and for little.',
    ru: 'Покупали давно, редко и на небольшую сумму.',
  },
  'segment.hibernating.action': {
    en: 'Include in occasional campaigns with relevant offers; do not overspend.',
    ru: 'Включайте в редкие рассылки с подходящими предложениями; не тратьте много.',
  },
  'segment.lost.name': { en: 'Lost', ru: 'Потерянные' },
  'segment.lost.meaning': {
    en: 'Lowest recency, frequency and spend.',
    ru: 'Самые низкие давность, частота и сумма.',
  },
  'segment.lost.action': {
    en: 'Try one win-back campaign; otherwise leave them out of paid outreach.',
    ru: 'Попробуйте одну кампанию возврата; иначе не тратьте на них платные каналы.',
  },

  'abc.A.meaning': {
    en: 'Clients bringing the first 80 % of revenue.',
    ru: 'Клиенты, дающие первые 80 % выручки.',
  },
  'abc.B.meaning': {
    en: 'Clients bringing the next 15 % of revenue.',
    ru: 'Клиенты, дающие следующие 15 % выручки.',
  },
  'abc.C.meaning': {
    en: 'Clients bringing the last 5 % of revenue.',
    ru: 'Клиенты, дающие последние 5 % выручки.',
  },
  'xyz.X.meaning': {
    en: 'Steady monthly spend (variation ≤ 50 %).',
    ru: 'Стабильные покупки по месяцам (вариация ≤ 50 %).',
  },
  'xyz.Y.meaning': {
    en: 'Fluctuating monthly spend (variation 50–100 %).',
    ru: 'Колеблющиеся покупки (вариация 50–100 %).',
  },
  'xyz.Z.meaning': {
    en: 'Irregular spend, or fewer than 2 purchases.',
    ru: 'Нерегулярные покупки или меньше 2 покупок.',
  },

  'column.client': { en: 'Client', ru: 'Клиент' },
  'column.daysSinceLastPurchase': {
    en: 'Days since last purchase',
    ru: 'Дней с последней покупки',
  },
  'column.purchaseCount': { en: 'Purchases', ru: 'Покупок' },
  'column.totalRevenue': { en: 'Revenue', ru: 'Выручка' },
  'column.recencyScore': { en: 'R', ru: 'R' },
  'column.frequencyScore': { en: 'F', ru: 'F' },
  'column.monetaryScore': { en: 'M', ru: 'M' },
  'column.rfmCell': { en: 'RFM', ru: 'RFM' },
  'column.segment': { en: 'Segment', ru: 'Сегмент' },
  'column.abcClass': { en: 'ABC', ru: 'ABC' },
  'column.revenueShare': { en: 'Revenue share', ru: 'Доля выручки' },
  'column.cumulativeShare': { en: 'Cumulative share', ru: 'Накопленная доля' },
  'column.xyzClass': { en: 'XYZ', ru: 'XYZ' },
  'column.coefficientOfVariation': { en: 'Variation (CV)', ru: 'Коэффициент вариации' },
  'column.periodCount': { en: 'Months', ru: 'Месяцев' },
} as const satisfies MessageTable;

export type SegmentationMessageId = keyof typeof segmentationMessages;
