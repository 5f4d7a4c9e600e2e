import type { ColumnRole } from './types';

/**
 * Header texts recognised for each column role, in English and Russian, written in the
 * normalised form `normaliseHeader` produces (lower case, `ё` as `е`, punctuation and currency
 * units removed, `_`/`-` as spaces). Earlier roles win a tie, so the list order matters: the
 * client-list columns come before the transaction columns whose words they contain.
 */
export const HEADER_SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  lastPurchaseDate: [
    'last purchase',
    'last purchase date',
    'last order',
    'last order date',
    'date of last purchase',
    'last visit',
    'дата последней покупки',
    'последняя покупка',
    'дата последнего заказа',
    'последний заказ',
    'дата последнего визита',
    'последний визит',
  ],
  firstPurchaseDate: [
    'first purchase',
    'first purchase date',
    'first order',
    'first order date',
    'date of first purchase',
    'first visit',
    'дата первой покупки',
    'первая покупка',
    'дата первого заказа',
    'первый заказ',
    'дата первого визита',
    'первый визит',
  ],
  purchaseCount: [
    'purchases',
    'purchase count',
    'number of purchases',
    'orders',
    'order count',
    'number of orders',
    'orders count',
    'visits',
    'количество покупок',
    'число покупок',
    'кол во покупок',
    'число заказов',
    'количество заказов',
    'кол во заказов',
    'покупок',
    'заказов',
    'количество визитов',
    'число визитов',
  ],
  totalRevenue: [
    'total revenue',
    'revenue total',
    'total spent',
    'total spend',
    'total sales',
    'lifetime revenue',
    'total amount',
    'сумма покупок',
    'выручка всего',
    'всего выручка',
    'общая сумма',
    'сумма заказов',
    'общая выручка',
    'итого покупок',
  ],
  client: [
    'client',
    'customer',
    'client id',
    'customer id',
    'client name',
    'customer name',
    'buyer',
    'клиент',
    'покупатель',
    'контрагент',
    'заказчик',
    'id клиента',
    'код клиента',
    'клиент id',
    'имя клиента',
    'фио клиента',
    'фио',
    'name',
    'full name',
    'имя',
  ],
  date: [
    'date',
    'order date',
    'purchase date',
    'transaction date',
    'sale date',
    'invoice date',
    'date of purchase',
    'дата',
    'дата покупки',
    'дата заказа',
    'дата продажи',
    'дата операции',
    'дата чека',
    'дата визита',
  ],
  amount: [
    'amount',
    'sum',
    'revenue',
    'total',
    'sales',
    'order total',
    'order amount',
    'order value',
    'сумма',
    'выручка',
    'сумма заказа',
    'сумма покупки',
    'сумма чека',
    'стоимость',
    'итого',
  ],
  orderId: [
    'order id',
    'order',
    'order number',
    'order no',
    'invoice',
    'invoice number',
    'receipt',
    'transaction id',
    'номер заказа',
    'id заказа',
    '№ заказа',
    'заказ',
    'номер чека',
    'чек',
    '№ чека',
  ],
  profit: [
    'profit',
    'gross profit',
    'margin',
    'прибыль',
    'маржа',
    'валовая прибыль',
    'маржинальность',
  ],
  manager: [
    'manager',
    'sales rep',
    'salesperson',
    'account manager',
    'менеджер',
    'ответственный',
    'мастер',
  ],
  channel: [
    'channel',
    'source',
    'acquisition channel',
    'utm source',
    'канал',
    'источник',
    'канал привлечения',
    'источник привлечения',
  ],
  category: [
    'category',
    'product category',
    'категория',
    'категория товара',
    'группа товаров',
    'услуга',
  ],
  email: ['email', 'e mail', 'mail', 'почта', 'эл почта', 'электронная почта', 'емейл'],
  phone: [
    'phone',
    'phone number',
    'mobile',
    'tel',
    'телефон',
    'тел',
    'мобильный',
    'номер телефона',
  ],
  nps: ['nps', 'nps score', 'score', 'rating', 'оценка', 'оценка nps', 'рейтинг'],
  complaint: ['complaint', 'complaints', 'жалоба', 'жалобы', 'претензия', 'претензии'],
};

/** Unit words dropped from headers, so `Сумма, руб.` and `Выручка, ₽` read as the bare word. */
const UNIT_WORDS = new Set(['руб', 'р', 'rub', 'rur', 'usd', 'eur', 'в рублях', 'шт']);

/**
 * The comparable form of a header: lower case, `ё` -> `е`, text in brackets removed, every run of
 * characters other than letters, digits and `№` replaced by one space, unit words (`руб`, `usd`)
 * dropped. Example: `normaliseHeader('Сумма, руб.')` is `'сумма'`.
 */
export function normaliseHeader(header: string): string {
  const words = header
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}№]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '' && !UNIT_WORDS.has(word));
  return words.join(' ');
}
