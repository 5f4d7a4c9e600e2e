import type { MessageTable } from './translate';

/**
 * Texts of the Excel task pane and the shared workflows, en + ru. The Google Sheets sidebar
 * re-uses them and adds its own in `sidebar-messages.ts`.
 */
export const uiMessages = {
  appTitle: { en: 'Client base analytics', ru: 'Анализ клиентской базы' },
  appSubtitle: {
    en: 'Segments your clients without your data leaving the workbook.',
    ru: 'Сегментирует клиентов, данные не покидают книгу.',
  },
  stepData: { en: '1. Data', ru: '1. Данные' },
  sourceLabel: { en: 'Client list', ru: 'Список клиентов' },
  sourceCurrentRegion: {
    en: 'Current region (around the selected cell)',
    ru: 'Текущая область (вокруг выделенной ячейки)',
  },
  sourceUsedRange: { en: 'Whole active sheet', ru: 'Весь активный лист' },
  sourceTable: { en: 'Table {name}', ru: 'Таблица {name}' },
  detectButton: { en: 'Detect columns', ru: 'Определить столбцы' },
  detectedRegion: {
    en: '{sheet}!{address}: {rows, plural, one {# data row} other {# data rows}}, header in row {header}',
    ru: '{sheet}!{address}: {rows, plural, one {# строка данных} few {# строки данных} many {# строк данных} other {# строки данных}}, заголовок в строке {header}',
  },
  shapeTransactions: {
    en: 'Read as a transaction list (a row per purchase).',
    ru: 'Прочитано как список покупок (строка на покупку).',
  },
  shapeClients: {
    en: 'Read as a client list (a row per client).',
    ru: 'Прочитано как список клиентов (строка на клиента).',
  },
  rejectedRows: {
    en: '{count, plural, one {# row will be left out; its reason is listed in the report.} other {# rows will be left out; their reasons are listed in the report.}}',
    ru: '{count, plural, one {# строка будет пропущена; причина указана в отчёте.} few {# строки будут пропущены; причины перечислены в отчёте.} many {# строк будут пропущены; причины перечислены в отчёте.} other {# строки будут пропущены; причины перечислены в отчёте.}}',
  },
  resultRejectedRows: {
    en: '{count, plural, one {# row was left out: it could not be read.} other {# rows were left out: they could not be read.}}',
    ru: '{count, plural, one {# строка пропущена: её не удалось прочитать.} few {# строки пропущены: их не удалось прочитать.} many {# строк пропущено: их не удалось прочитать.} other {# строки пропущено: их не удалось прочитать.}}',
  },
  stepColumns: { en: '2. Columns', ru: '2. Столбцы' },
  columnNone: { en: '(none)', ru: '(нет)' },
  roleClient: { en: 'Client', ru: 'Клиент' },
  roleDate: { en: 'Purchase date', ru: 'Дата покупки' },
  roleAmount: { en: 'Amount', ru: 'Сумма' },
  roleOrderId: { en: 'Order id', ru: 'Номер заказа' },
  roleProfit: { en: 'Profit', ru: 'Прибыль' },
  roleManager: { en: 'Manager', ru: 'Менеджер' },
  roleChannel: { en: 'Channel', ru: 'Канал' },
  roleCategory: { en: 'Category', ru: 'Категория' },
  roleEmail: { en: 'Email', ru: 'Эл. почта' },
  rolePhone: { en: 'Phone', ru: 'Телефон' },
  roleNps: { en: 'NPS answer', ru: 'Оценка NPS' },
  roleComplaint: { en: 'Complaint', ru: 'Жалоба' },
  roleLastPurchaseDate: { en: 'Last purchase date', ru: 'Дата последней покупки' },
  roleFirstPurchaseDate: { en: 'First purchase date', ru: 'Дата первой покупки' },
  rolePurchaseCount: { en: 'Purchase count', ru: 'Количество покупок' },
  roleTotalRevenue: { en: 'Total revenue', ru: 'Выручка всего' },
  stepAnalyses: { en: '3. Analyses', ru: '3. Анализы' },
  analysisRfm: { en: 'RFM segments', ru: 'RFM-сегменты' },
  analysisAbcXyz: { en: 'ABC / XYZ', ru: 'ABC / XYZ' },
  analysisAlerts: { en: 'Retention alerts', ru: 'Сигналы оттока' },
  analysisLostClients: { en: 'Lost clients', ru: 'Ушедшие клиенты' },
  analysisCohorts: { en: 'Cohorts', ru: 'Когорты' },
  analysisMigration: { en: 'Segment migration', ru: 'Миграция между сегментами' },
  analysisManagers: { en: 'Managers', ru: 'Менеджеры' },
  analysisClv: { en: 'CLV forecast', ru: 'Прогноз CLV' },
  analysisNotAvailable: {
    en: 'not available in this version',
    ru: 'недоступно в этой версии',
  },
  asOfLabel: { en: 'As of (YYYY-MM-DD)', ru: 'На дату (ГГГГ-ММ-ДД)' },
  asOfHint: {
    en: 'Empty: the day after the latest purchase.',
    ru: 'Пусто: день после последней покупки.',
  },
  asOfInvalid: {
    en: 'Enter a date as YYYY-MM-DD, e.g. 2024-12-31.',
    ru: 'Введите дату как ГГГГ-ММ-ДД, например 2024-12-31.',
  },
  date1904Label: {
    en: 'Workbook uses the 1904 date system',
    ru: 'В книге система дат 1904',
  },
  stepOutput: { en: '4. Output', ru: '4. Результат' },
  modeSheets: {
    en: 'New report sheets (re-running replaces only them)',
    ru: 'Новые листы отчёта (повторный запуск заменяет только их)',
  },
  modeAnnotate: {
    en: 'Columns beside my table (only into empty cells)',
    ru: 'Столбцы рядом с моей таблицей (только в пустые ячейки)',
  },
  runButton: { en: 'Run', ru: 'Запустить' },
  phaseReading: { en: 'Reading the sheet…', ru: 'Чтение листа…' },
  phaseDetecting: { en: 'Checking rows…', ru: 'Проверка строк…' },
  phaseComputing: { en: 'Computing…', ru: 'Расчёт…' },
  phaseWriting: { en: 'Writing results…', ru: 'Запись результатов…' },
  phaseDone: { en: 'Done.', ru: 'Готово.' },
  resultSheets: {
    en: '{clients, plural, one {# client analysed} other {# clients analysed}}; sheets written: {sheets}.',
    ru: 'Проанализировано клиентов: {clients}; записаны листы: {sheets}.',
  },
  resultSheetsDeleted: {
    en: 'Result sheets of an earlier run removed: {sheets}.',
    ru: 'Удалены листы прошлого запуска: {sheets}.',
  },
  resultAnnotate: {
    en: '{clients, plural, one {# client analysed} other {# clients analysed}}; columns added at {address}.',
    ru: 'Проанализировано клиентов: {clients}; столбцы добавлены в {address}.',
  },
  resultInserted: {
    en: 'The cells beside the table were not empty, so new columns were inserted.',
    ru: 'Ячейки рядом с таблицей были заняты, поэтому вставлены новые столбцы.',
  },
  errorNoAnalysis: { en: 'Choose at least one analysis.', ru: 'Выберите хотя бы один анализ.' },
  errorNotOwned: {
    en: 'The sheet "{name}" was not created by this add-in and is left unchanged.',
    ru: 'Лист «{name}» создан не этой надстройкой и оставлен без изменений.',
  },
  errorEmptyRegion: {
    en: 'The selected range has no data. Select a cell inside your client list.',
    ru: 'В выбранном диапазоне нет данных. Выделите ячейку внутри списка клиентов.',
  },
  errorTableNotFound: {
    en: 'There is no table named "{name}".',
    ru: 'Нет таблицы с именем «{name}».',
  },
  errorRegionGone: {
    en: 'The data detected at {sheet}!{address} is no longer there. Detect the columns again.',
    ru: 'Данных, найденных в {sheet}!{address}, больше нет. Определите столбцы заново.',
  },
  errorRejectedRow: { en: 'Row {row}: {reason}', ru: 'Строка {row}: {reason}' },
  errorRejectedMore: {
    en: '{count, plural, one {And # more rejected row.} other {And # more rejected rows.}}',
    ru: 'И ещё отклонённых строк: {count}.',
  },
  errorRejectedRowsSheet: {
    en: 'Each rejected row and its reason are listed on the sheet "{sheet}".',
    ru: 'Все отклонённые строки и причины перечислены на листе «{sheet}».',
  },
  errorUnexpected: {
    en: 'Something went wrong: {message}',
    ru: 'Что-то пошло не так: {message}',
  },
  annotateSegment: { en: 'clientbase: RFM segment', ru: 'clientbase: RFM-сегмент' },
  annotateRfm: { en: 'clientbase: RFM', ru: 'clientbase: RFM' },
  annotateAbc: { en: 'clientbase: ABC', ru: 'clientbase: ABC' },
  annotateXyz: { en: 'clientbase: XYZ', ru: 'clientbase: XYZ' },
  annotateAlert: { en: 'clientbase: alert', ru: 'clientbase: сигнал' },
  annotateRowCheck: { en: 'clientbase: row left out', ru: 'clientbase: строка пропущена' },
  ribbonGroup: { en: 'Client base', ru: 'Клиентская база' },
  ribbonButton: { en: 'Analyse clients', ru: 'Анализ клиентов' },
  ribbonTooltip: {
    en: 'Open the client base analysis pane: RFM, ABC/XYZ, alerts and more.',
    ru: 'Открыть панель анализа клиентской базы: RFM, ABC/XYZ, сигналы и другое.',
  },
} as const satisfies MessageTable;

export type UiMessageId = keyof typeof uiMessages;
