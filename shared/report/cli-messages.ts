import type { MessageTable } from '../i18n';

/**
 * Texts of the `clientbase` command line in en and ru: help, errors (one line each) and the short
 * summary printed after an analysis. The CLI only picks and fills them.
 */
export const CLI_MESSAGES = {
  mainHelp: {
    en: [
      'clientbase: client-base analytics for a spreadsheet of purchases or clients.',
      '',
      'Usage:',
      '  clientbase <command> [options]',
      '',
      'Commands:',
      '{commands}',
      '',
      'Options:',
      '  --locale en|ru   language of messages and of the report (default: from LANG)',
      '  --help, -h       show help; `clientbase <command> --help` for a command',
    ].join('\n'),
    ru: [
      'clientbase: анализ клиентской базы по таблице покупок или клиентов.',
      '',
      'Запуск:',
      '  clientbase <команда> [параметры]',
      '',
      'Команды:',
      '{commands}',
      '',
      'Параметры:',
      '  --locale en|ru   язык сообщений и отчёта (по умолчанию: из LANG)',
      '  --help, -h       справка; `clientbase <команда> --help` — справка по команде',
    ].join('\n'),
  },
  analyzeSummary: {
    en: 'analyse a purchase or client list and write an xlsx report and JSON',
    ru: 'проанализировать список покупок или клиентов, записать отчёт xlsx и JSON',
  },
  analyzeHelp: {
    en: [
      'Usage:',
      '  clientbase analyze <file.xlsx|file.csv|file.tsv|file.txt> [options]',
      '',
      'Reads the file (an Excel workbook or delimited text with a header row), finds the client,',
      'date and amount columns (English or Russian headers), and computes per client the days since',
      'the last purchase, the purchase count and the revenue, RFM scores and segments, ABC and XYZ',
      'classes. Rows that cannot be read are listed with their sheet row number and left out.',
      '',
      'Options:',
      '  --sheet NAME         worksheet to read (default: the first one)',
      '  --as-of YYYY-MM-DD   day the analysis is made on (default: the day after the latest purchase)',
      '  --locale en|ru       language of the summary and the report',
      '  --out FILE.xlsx      write the report workbook: your data untouched on the first sheet,',
      '                       results on new sheets with segment colours and a chart',
      '  --json FILE.json     write a machine-readable report (clients, rejectedRows, segments, ...)',
      '  --margin R           gross margin ratio 0..1 or percent (0.35, 35%) for the simple LTV',
      '  --inactive-days N    days without a purchase after which a client is inactive (default 180)',
      '  --abc A/B            ABC cut-offs in percent of revenue (default 80/95; e.g. 75/95)',
      '  --help, -h           show this help',
      '',
      'Example:',
      '  clientbase analyze sample/salon-clients.csv --out report.xlsx --json report.json',
    ].join('\n'),
    ru: [
      'Запуск:',
      '  clientbase analyze <файл.xlsx|файл.csv|файл.tsv|файл.txt> [параметры]',
      '',
      'Читает файл (книгу Excel или текст с разделителями и строкой заголовков), находит столбцы',
      'клиента, даты и суммы (заголовки на русском или английском) и считает по каждому клиенту',
      'дни с последней покупки, число покупок и выручку, оценки и сегменты RFM, классы ABC и XYZ.',
      'Строки, которые нельзя прочитать, перечисляются с номером строки листа и не учитываются.',
      '',
      'Параметры:',
      '  --sheet ИМЯ          лист книги (по умолчанию первый)',
      '  --as-of ГГГГ-ММ-ДД   дата анализа (по умолчанию: день после последней покупки)',
      '  --locale en|ru       язык сводки и отчёта',
      '  --out ФАЙЛ.xlsx      записать отчёт: ваши данные без изменений на первом листе,',
      '                       результаты на новых листах с цветами сегментов и диаграммой',
      '  --json ФАЙЛ.json     записать отчёт для программ (clients, rejectedRows, segments, ...)',
      '  --margin R           доля валовой маржи 0..1 или в процентах (0,35, 35%) для простого LTV',
      '  --inactive-days N    через сколько дней без покупок клиент неактивен (по умолчанию 180)',
      '  --abc A/B            границы ABC в процентах выручки (по умолчанию 80/95; например 75/95)',
      '  --help, -h           эта справка',
      '',
      'Пример:',
      '  clientbase analyze sample/salon-clients.csv --out report.xlsx --json report.json',
    ].join('\n'),
  },
  errorLine: { en: 'Error: {message}', ru: 'Ошибка: {message}' },
  unknownCommand: {
    en: "unknown command '{command}'. Run 'clientbase --help' to see the commands.",
    ru: "неизвестная команда '{command}'. Список команд: 'clientbase --help'.",
  },
  missingCommand: {
    en: "name a command, e.g. 'clientbase analyze data.xlsx'. Run 'clientbase --help' for help.",
    ru: "укажите команду, например 'clientbase analyze data.xlsx'. Справка: 'clientbase --help'.",
  },
  unknownOption: {
    en: "unknown option {option}. Run 'clientbase {command} --help' to see the options.",
    ru: "неизвестный параметр {option}. Список параметров: 'clientbase {command} --help'.",
  },
  optionNeedsValue: {
    en: 'option {option} needs a value.',
    ru: 'параметру {option} нужно значение.',
  },
  optionTakesNoValue: {
    en: 'option {option} takes no value.',
    ru: 'параметр {option} не принимает значения.',
  },
  badLocale: {
    en: "--locale must be 'en' or 'ru', not '{value}'.",
    ru: "--locale должен быть 'en' или 'ru', а не '{value}'.",
  },
  badMargin: {
    en: "--margin must be a ratio from 0 to 1 or a percent (e.g. 0.35 or 35%), not '{value}'.",
    ru: "--margin должен быть долей от 0 до 1 или процентом (например 0,35 или 35%), а не '{value}'.",
  },
  badInactiveDays: {
    en: "--inactive-days must be a whole number of days above 0, not '{value}'.",
    ru: "--inactive-days должен быть целым числом дней больше 0, а не '{value}'.",
  },
  badAbc: {
    en: "--abc must be two cut-offs A/B in percent with 0 < A < B <= 100 (e.g. 80/95), not '{value}'.",
    ru: "--abc должен задавать две границы A/B в процентах, 0 < A < B <= 100 (например 80/95), а не '{value}'.",
  },
  badAsOf: {
    en: "--as-of must be a real date written YYYY-MM-DD (e.g. 2025-01-31), not '{value}'.",
    ru: "--as-of должен быть настоящей датой в виде ГГГГ-ММ-ДД (например 2025-01-31), а не '{value}'.",
  },
  missingInput: {
    en: "name the file to analyse: 'clientbase analyze <file.xlsx|file.csv>'.",
    ru: "укажите файл для анализа: 'clientbase analyze <файл.xlsx|файл.csv>'.",
  },
  extraArguments: {
    en: 'too many arguments: {arguments}. Analyse one file at a time.',
    ru: 'лишние аргументы: {arguments}. Анализируется один файл за раз.',
  },
  fileNotFound: {
    en: 'file not found: {path}',
    ru: 'файл не найден: {path}',
  },
  notAFile: {
    en: '{path} is a folder, not a file.',
    ru: '{path} — папка, а не файл.',
  },
  fileUnreadable: {
    en: 'cannot read {path}: {reason}',
    ru: 'не удаётся прочитать {path}: {reason}',
  },
  unknownFormat: {
    en: "cannot read files of type '{extension}' ({path}): use .xlsx, .csv, .tsv or .txt.",
    ru: "файлы типа '{extension}' не поддерживаются ({path}): используйте .xlsx, .csv, .tsv или .txt.",
  },
  oldExcelFormat: {
    en: '{path} is an old Excel .xls file: open it in Excel or LibreOffice and save it as .xlsx.',
    ru: '{path} — старый файл Excel .xls: откройте его в Excel или LibreOffice и сохраните как .xlsx.',
  },
  notAWorkbook: {
    en: '{path} is not a readable .xlsx workbook ({reason}).',
    ru: '{path} не читается как книга .xlsx ({reason}).',
  },
  sheetNotFound: {
    en: "there is no sheet '{sheet}' in {path}. Its sheets: {sheets}.",
    ru: "в файле {path} нет листа '{sheet}'. Листы: {sheets}.",
  },
  noSheets: {
    en: '{path} has no worksheets.',
    ru: 'в файле {path} нет листов.',
  },
  emptyFile: {
    en: '{path} is empty: there is no data to analyse.',
    ru: 'файл {path} пуст: нечего анализировать.',
  },
  writeFailed: {
    en: 'cannot write {path}: {reason}',
    ru: 'не удаётся записать {path}: {reason}',
  },
  unexpected: {
    en: 'unexpected failure: {reason}. Set CLIENTBASE_DEBUG=1 to see the details.',
    ru: 'непредвиденный сбой: {reason}. Подробности: задайте CLIENTBASE_DEBUG=1.',
  },
  summaryRead: {
    en: '{file}{sheet}: {rows} data rows read as {shape}; {clients} clients, {rejected} rows rejected.',
    ru: '{file}{sheet}: прочитано строк данных: {rows}, как {shape}; клиентов: {clients}, отклонено строк: {rejected}.',
  },
  shapeTransactions: { en: 'a transaction list', ru: 'список покупок' },
  shapeClients: { en: 'a client list', ru: 'список клиентов' },
  summaryAsOf: {
    en: 'As of {asOf}: revenue {revenue}, average check {averageCheck}, repeat buyers {repeatShare}.',
    ru: 'На {asOf}: выручка {revenue}, средний чек {averageCheck}, повторные покупатели {repeatShare}.',
  },
  summarySegmentsTitle: {
    en: 'Segments (clients, revenue share):',
    ru: 'Сегменты (клиенты, доля выручки):',
  },
  summarySegmentLine: { en: '  {name}: {clients}, {share}', ru: '  {name}: {clients}, {share}' },
  summaryRejectedTitle: {
    en: 'Rejected rows (first {shown} of {total}):',
    ru: 'Отклонённые строки (первые {shown} из {total}):',
  },
  summaryRejectedLine: { en: '  row {row}: {reason}', ru: '  строка {row}: {reason}' },
  summaryNote: { en: 'Note: {note}', ru: 'Примечание: {note}' },
  wroteReport: { en: 'Report written to {path}', ru: 'Отчёт записан в {path}' },
  wroteJson: { en: 'JSON written to {path}', ru: 'JSON записан в {path}' },
  noOutputHint: {
    en: 'Add --out report.xlsx or --json report.json to save the results.',
    ru: 'Чтобы сохранить результаты, добавьте --out report.xlsx или --json report.json.',
  },
} as const satisfies MessageTable;

export type CliMessageId = keyof typeof CLI_MESSAGES;
