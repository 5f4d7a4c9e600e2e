import type { MessageTable } from '../i18n';

/** Titles, column headers and notes of the analysis report, in en and ru. */
export const REPORT_MESSAGES = {
  reportTitle: { en: 'Client base analysis', ru: 'Анализ клиентской базы' },

  sheetSummary: { en: 'Summary', ru: 'Сводка' },
  sheetSegments: { en: 'Segments', ru: 'Сегменты' },
  sheetClients: { en: 'Clients', ru: 'Клиенты' },
  sheetAbcXyz: { en: 'ABC-XYZ', ru: 'ABC-XYZ' },
  sheetRejected: { en: 'Rejected rows', ru: 'Отклонённые строки' },

  tableMetrics: { en: 'Key metrics as of {asOf}', ru: 'Ключевые показатели на {asOf}' },
  tableMetricsNote: {
    en: 'Revenue includes refunds. A purchase is a row (or an order id) with a non-negative amount.',
    ru: 'Выручка учитывает возвраты. Покупка — строка (или номер заказа) с неотрицательной суммой.',
  },
  tableReading: { en: 'How the data was read', ru: 'Как прочитаны данные' },
  tableSegments: { en: 'RFM segments', ru: 'Сегменты RFM' },
  tableSegmentsNote: {
    en: 'R, F and M scores 1..5 rank clients by days since the last purchase, purchases and revenue; the three digits give the segment.',
    ru: 'Оценки R, F и M от 1 до 5 ранжируют клиентов по дням с последней покупки, числу покупок и выручке; три цифры дают сегмент.',
  },
  chartSegments: { en: 'Clients by segment', ru: 'Клиенты по сегментам' },
  tableClients: { en: 'Clients with their segments', ru: 'Клиенты и их сегменты' },
  tableAbcXyz: { en: 'ABC-XYZ matrix', ru: 'Матрица ABC-XYZ' },
  tableAbcXyzNote: {
    en: 'ABC: A brings the first 80 % of revenue, B the next 15 %, C the rest. XYZ: X buys steadily month to month (CV ≤ 0.5), Y unevenly (CV ≤ 1), Z rarely or erratically.',
    ru: 'ABC: A дают первые 80 % выручки, B следующие 15 %, C остальное. XYZ: X покупают ровно из месяца в месяц (CV ≤ 0,5), Y неровно (CV ≤ 1), Z редко или непредсказуемо.',
  },
  tableAbcXyzCells: { en: 'ABC-XYZ cells', ru: 'Ячейки ABC-XYZ' },
  xyzNeedsTransactions: {
    en: 'XYZ needs a transaction list (a row per purchase); a client list has no monthly revenue.',
    ru: 'Для XYZ нужен список покупок (строка на покупку); в списке клиентов нет выручки по месяцам.',
  },
  tableRejected: { en: 'Rows left out of the analysis', ru: 'Строки, не вошедшие в анализ' },
  tableRejectedNoneNote: {
    en: 'Every data row was read.',
    ru: 'Все строки данных прочитаны.',
  },
  tableRejectedNote: {
    en: 'Row numbers are the rows of your sheet. Fix these rows and run the analysis again.',
    ru: 'Номера — это строки вашего листа. Исправьте их и запустите анализ снова.',
  },

  columnMetric: { en: 'Metric', ru: 'Показатель' },
  columnValue: { en: 'Value', ru: 'Значение' },
  columnExplanation: { en: 'How it is counted', ru: 'Как считается' },
  columnNote: { en: 'Note', ru: 'Примечание' },
  columnSegment: { en: 'Segment', ru: 'Сегмент' },
  columnSegmentKey: { en: 'Segment key', ru: 'Ключ сегмента' },
  columnClients: { en: 'Clients', ru: 'Клиентов' },
  columnClientShare: { en: 'Share of clients', ru: 'Доля клиентов' },
  columnRevenue: { en: 'Revenue', ru: 'Выручка' },
  columnRevenueShare: { en: 'Share of revenue', ru: 'Доля выручки' },
  columnAverageCheck: { en: 'Average check', ru: 'Средний чек' },
  columnAverageDays: {
    en: 'Average days since last purchase',
    ru: 'Среднее дней с последней покупки',
  },
  columnMeaning: { en: 'Who they are', ru: 'Кто это' },
  columnAction: { en: 'What to do', ru: 'Что делать' },
  columnClient: { en: 'Client', ru: 'Клиент' },
  columnDaysSince: { en: 'Days since last purchase', ru: 'Дней с последней покупки' },
  columnPurchases: { en: 'Purchases', ru: 'Покупок' },
  columnTotalRevenue: { en: 'Revenue', ru: 'Выручка' },
  columnFirstPurchase: { en: 'First purchase', ru: 'Первая покупка' },
  columnLastPurchase: { en: 'Last purchase', ru: 'Последняя покупка' },
  columnR: { en: 'R', ru: 'R' },
  columnF: { en: 'F', ru: 'F' },
  columnM: { en: 'M', ru: 'M' },
  columnRfmCell: { en: 'RFM cell', ru: 'Ячейка RFM' },
  columnAbc: { en: 'ABC', ru: 'ABC' },
  columnXyz: { en: 'XYZ', ru: 'XYZ' },
  columnCv: { en: 'CV of monthly revenue', ru: 'CV выручки по месяцам' },
  columnManager: { en: 'Manager', ru: 'Менеджер' },
  columnChannel: { en: 'Channel', ru: 'Канал' },
  columnAbcClass: { en: 'ABC class', ru: 'Класс ABC' },
  columnCell: { en: 'Cell', ru: 'Ячейка' },
  columnXClients: { en: 'X: clients', ru: 'X: клиентов' },
  columnYClients: { en: 'Y: clients', ru: 'Y: клиентов' },
  columnZClients: { en: 'Z: clients', ru: 'Z: клиентов' },
  columnXShare: { en: 'X: share of revenue', ru: 'X: доля выручки' },
  columnYShare: { en: 'Y: share of revenue', ru: 'Y: доля выручки' },
  columnZShare: { en: 'Z: share of revenue', ru: 'Z: доля выручки' },
  columnRow: { en: 'Sheet row', ru: 'Строка листа' },
  columnReason: { en: 'Reason', ru: 'Причина' },

  metricClients: { en: 'Clients', ru: 'Клиентов' },
  metricClientsHow: {
    en: 'Distinct client ids (trimmed, case ignored)',
    ru: 'Разных клиентов (пробелы по краям и регистр не учитываются)',
  },
  metricRevenue: { en: 'Revenue', ru: 'Выручка' },
  metricRevenueHow: {
    en: 'Sum of all amounts, refunds included',
    ru: 'Сумма всех сумм с учётом возвратов',
  },
  metricPurchases: { en: 'Purchases', ru: 'Покупок' },
  metricPurchasesHow: {
    en: 'Rows with amount ≥ 0 (distinct order ids when there is an order column)',
    ru: 'Строк с суммой ≥ 0 (разных номеров заказа, если есть такой столбец)',
  },
  metricRefunds: { en: 'Refunds', ru: 'Возвратов' },
  metricRefundsHow: { en: 'Rows with a negative amount', ru: 'Строк с отрицательной суммой' },
  metricAverageCheck: { en: 'Average check', ru: 'Средний чек' },
  metricAverageCheckHow: { en: 'Revenue / purchases', ru: 'Выручка / число покупок' },
  metricRepeatBuyers: { en: 'Repeat buyers', ru: 'Повторных покупателей' },
  metricRepeatBuyersHow: {
    en: 'Clients with 2 or more purchases',
    ru: 'Клиентов с 2 и более покупками',
  },
  metricRepeatRate: { en: 'Repeat buyers, %', ru: 'Повторных покупателей, %' },
  metricRepeatRateHow: {
    en: 'Repeat buyers / clients with a purchase × 100',
    ru: 'Повторные покупатели / клиенты с покупкой × 100',
  },
  metricUnhappy: { en: 'Unhappy clients', ru: 'Недовольных клиентов' },
  metricUnhappyHow: {
    en: 'Latest NPS answer 0–6, or a complaint',
    ru: 'Последняя оценка NPS 0–6 или жалоба',
  },
  metricUnhappyMissing: {
    en: 'Not available: the data has no NPS or complaint column',
    ru: 'Нет данных: в таблице нет столбца NPS или жалоб',
  },
  metricLifetime: { en: 'Average lifetime, months', ru: 'Средний срок жизни клиента, мес.' },
  metricLifetimeHow: {
    en: 'Months from the first to the last purchase, both included, averaged over buying clients',
    ru: 'Месяцев от первой до последней покупки включительно, в среднем на покупателя',
  },
  metricPurchasesPerMonth: {
    en: 'Purchases per client per month',
    ru: 'Покупок на клиента в месяц',
  },
  metricPurchasesPerMonthHow: {
    en: 'Purchases / the sum of clients’ active months',
    ru: 'Покупки / сумма активных месяцев клиентов',
  },
  metricLtv: { en: 'LTV (simple)', ru: 'LTV (простой)' },
  metricLtvHow: {
    en: 'Average check × purchases per month × margin × lifetime',
    ru: 'Средний чек × покупок в месяц × маржа × срок жизни',
  },
  metricLtvMissing: {
    en: 'Needs the margin: add a profit column or give the margin ratio',
    ru: 'Нужна маржа: добавьте столбец прибыли или задайте долю маржи',
  },
  metricNeedsFirstPurchase: {
    en: 'Not available: needs the first purchase date of every client with a purchase',
    ru: 'Нет данных: нужна дата первой покупки каждого клиента с покупками',
  },
  metricActive: { en: 'Active clients', ru: 'Активных клиентов' },
  metricActiveHow: {
    en: 'Bought within the last {days} days',
    ru: 'Покупали за последние {days} дней',
  },
  metricInactive: { en: 'Inactive clients', ru: 'Неактивных клиентов' },
  metricInactiveHow: {
    en: 'No purchase within the last {days} days',
    ru: 'Не покупали последние {days} дней',
  },
  metricActiveShare: { en: 'Active clients, %', ru: 'Активных клиентов, %' },
  metricInactiveShare: { en: 'Inactive clients, %', ru: 'Неактивных клиентов, %' },
  metricShareHow: { en: 'Of all clients × 100', ru: 'От всех клиентов × 100' },
  notePeriod: {
    en: 'Purchases from {first} to {last}; analysis as of {asOf} (given, or the day after the latest purchase).',
    ru: 'Покупки с {first} по {last}; анализ на {asOf} (заданная дата или день после последней покупки).',
  },
  noteLastPurchases: {
    en: 'Last purchases up to {last} (first purchase dates unknown); analysis as of {asOf} (given, or the day after the latest purchase).',
    ru: 'Последние покупки по {last} (даты первых покупок неизвестны); анализ на {asOf} (заданная дата или день после последней покупки).',
  },
  metricRejected: { en: 'Rows rejected', ru: 'Отклонено строк' },
  metricRejectedHow: { en: 'See the sheet "{sheet}"', ru: 'См. лист «{sheet}»' },
  metricDataRows: { en: 'Data rows', ru: 'Строк данных' },
  metricDataRowsHow: { en: 'Non-blank rows below the header', ru: 'Непустых строк под заголовком' },
  errorNoTransactions: {
    en: 'No row of the sheet could be read as a purchase; see the rejected rows.',
    ru: 'Ни одна строка листа не прочитана как покупка; см. отклонённые строки.',
  },
  errorNoClients: {
    en: 'No client has a purchase before the as-of day.',
    ru: 'Ни у одного клиента нет покупки до даты анализа.',
  },
  errorClientListColumns: {
    en: 'A client list needs the last purchase date, the number of purchases and the total revenue for RFM; missing: {columns}.',
    ru: 'Для RFM по списку клиентов нужны дата последней покупки, число покупок и сумма покупок; нет столбцов: {columns}.',
  },
  errorInactiveDays: {
    en: 'The inactivity window must be a number of days > 0, not {value}.',
    ru: 'Окно неактивности должно быть числом дней > 0, а не {value}.',
  },
  rejectDuplicateClient: {
    en: 'The client is already listed in row {row}.',
    ru: 'Этот клиент уже есть в строке {row}.',
  },
  rejectBlankValues: { en: 'Blank: {columns}.', ru: 'Не заполнено: {columns}.' },
  rejectAfterAsOf: {
    en: 'The last purchase is on or after the as-of day {asOf}.',
    ru: 'Последняя покупка не раньше даты анализа {asOf}.',
  },
  noteAfterAsOf: {
    en: 'Rows dated on or after {asOf}, left out of the analysis: {count}.',
    ru: 'Строк с датой {asOf} или позже: {count}; они не вошли в анализ.',
  },
} as const satisfies MessageTable;

export type ReportMessageId = keyof typeof REPORT_MESSAGES;
