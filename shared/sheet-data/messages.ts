import type { MessageTable } from '../i18n';

/** User-facing text of the sheet reader: notes, errors and reasons for rejected rows. */
export const SHEET_DATA_MESSAGES = {
  shapeTransactions: {
    en: 'Read as a transaction list (a row per purchase): {why}.',
    ru: 'Прочитано как список покупок (строка на покупку): {why}.',
  },
  shapeClients: {
    en: 'Read as a client list (a row per client): {why}.',
    ru: 'Прочитано как список клиентов (строка на клиента): {why}.',
  },
  whyTransactionColumns: {
    en: 'it has client, date and amount columns',
    ru: 'есть столбцы клиента, даты и суммы',
  },
  whyClientColumns: {
    en: 'it has last purchase, purchase count or total revenue columns',
    ru: 'есть столбцы последней покупки, числа покупок или суммы покупок',
  },
  whyRepeats: {
    en: 'client ids repeat, such as {example}',
    ru: 'клиенты повторяются, например {example}',
  },
  whyNoLastPurchase: {
    en: 'it has client, date and amount columns, and no last purchase column for a client list',
    ru: 'есть столбцы клиента, даты и суммы и нет столбца последней покупки для списка клиентов',
  },
  whyNoRepeats: {
    en: 'every client appears once',
    ru: 'каждый клиент встречается один раз',
  },
  whyOverride: { en: 'as set in the options', ru: 'так задано в настройках' },
  headerRow: { en: 'Header found in row {row}.', ru: 'Заголовок найден в строке {row}.' },
  noHeaderRow: {
    en: 'No header row: columns taken from the mapping.',
    ru: 'Без строки заголовка: столбцы взяты из сопоставления.',
  },
  dateOrderValues: {
    en: 'Dates in column {column} read as {order}, decided by values such as {example}.',
    ru: 'Даты в столбце {column} прочитаны как {order}: это видно по значениям вроде {example}.',
  },
  dateOrderLocale: {
    en: 'Dates in column {column} read as {order}: values such as {example} fit both orders, so the {locale} convention is used.',
    ru: 'Даты в столбце {column} прочитаны как {order}: значения вроде {example} допускают оба порядка, принято правило языка {locale}.',
  },
  dateOrderOverride: {
    en: 'Dates in column {column} read as {order}, as set in the options.',
    ru: 'Даты в столбце {column} прочитаны как {order}, так задано в настройках.',
  },
  dateOrderConflict: {
    en: 'Dates in column {column} mix day-first values (such as {dayExample}) and month-first values (such as {monthExample}); read as {order}, the majority, and the contradicting rows are rejected.',
    ru: 'В столбце {column} смешаны даты с днём первым (например {dayExample}) и с месяцем первым (например {monthExample}); прочитаны как {order} (большинство), противоречащие строки отклонены.',
  },
  orderDayFirst: { en: 'day-first (dd/mm/yyyy)', ru: 'дд/мм/гггг (день первым)' },
  orderMonthFirst: { en: 'month-first (mm/dd/yyyy)', ru: 'мм/дд/гггг (месяц первым)' },
  decimalSeparator: {
    en: 'Amounts in column {column} use "{separator}" for decimals, so values such as {example} are read as {value}.',
    ru: 'В суммах столбца {column} дробная часть отделяется «{separator}», поэтому значения вроде {example} прочитаны как {value}.',
  },
  columnsUsed: {
    en: 'Columns read: {columns}.',
    ru: 'Прочитаны столбцы: {columns}.',
  },
  decimalSeparatorLocale: {
    en: 'Amounts in column {column} do not show whether "," marks thousands or decimals; as English writes numbers, values such as {example} are read as {value}.',
    ru: 'Суммы в столбце {column} не показывают, отделяет ли «,» тысячи или дробную часть; как принято в русском, значения вроде {example} прочитаны как {value}.',
  },
  blankRowsSkipped: {
    en: 'Blank rows skipped: {count}.',
    ru: 'Пропущено пустых строк: {count}.',
  },
  zeroAmounts: {
    en: 'Rows with amount 0 kept as purchases with no revenue: {count}.',
    ru: 'Строки с суммой 0 учтены как покупки без выручки: {count}.',
  },
  rowsRead: {
    en: 'Rows read: {read} of {total}.',
    ru: 'Прочитано строк: {read} из {total}.',
  },
  rowsRejected: {
    en: 'Rows rejected: {count} (listed with their reasons).',
    ru: 'Отклонено строк: {count} (перечислены с причинами).',
  },
  emptyInput: { en: 'The sheet has no data.', ru: 'На листе нет данных.' },
  noDataRows: {
    en: 'There are no data rows below the header in row {row}.',
    ru: 'Под заголовком в строке {row} нет строк с данными.',
  },
  badHeaderRow: {
    en: 'Header row {row} is outside the data (rows {first} to {last}).',
    ru: 'Строка заголовка {row} вне данных (строки {first}–{last}).',
  },
  missingColumns: {
    en: '{count, plural, one {Cannot find the {missing} column. Name it} other {Cannot find the {missing} columns. Name them}} in the header (for example Client, Date, Amount) or choose the columns by hand.',
    ru: '{count, plural, one {Не найден столбец: {missing}. Подпишите его} few {Не найдены столбцы: {missing}. Подпишите их} many {Не найдены столбцы: {missing}. Подпишите их} other {Не найдены столбцы: {missing}. Подпишите их}} в заголовке (например Клиент, Дата, Сумма) или выберите столбцы вручную.',
  },
  missingClientListColumns: {
    en: 'Cannot read a client list: it needs a client column and a last purchase, purchase count or total revenue column.',
    ru: 'Не получается прочитать список клиентов: нужен столбец клиента и столбец последней покупки, числа покупок или суммы покупок.',
  },
  columnChoiceNotFound: {
    en: 'No column "{column}" for {role}: give a column letter from {first} to {last} or a header ({headers}).',
    ru: 'Нет столбца «{column}» для {role}: укажите букву столбца от {first} до {last} или заголовок ({headers}).',
  },
  columnChoiceAmbiguous: {
    en: 'Columns {letters} are all headed "{column}"; choose the one for {role} by its letter.',
    ru: 'Заголовок «{column}» у нескольких столбцов ({letters}); укажите столбец для {role} буквой.',
  },
  roleClient: { en: 'client', ru: 'клиент' },
  roleDate: { en: 'date', ru: 'дата' },
  roleAmount: { en: 'amount', ru: 'сумма' },
  listSeparator: { en: ', ', ru: ', ' },
  blankClient: { en: 'The client is blank.', ru: 'Не указан клиент.' },
  errorValue: {
    en: 'Column {column} holds the error value {value}.',
    ru: 'В столбце {column} ошибка {value}.',
  },
  missingDate: {
    en: 'The date in column {column} is blank.',
    ru: 'Не указана дата в столбце {column}.',
  },
  impossibleDate: {
    en: 'The date "{value}" in column {column} does not exist.',
    ru: 'Даты «{value}» в столбце {column} не существует.',
  },
  unreadableDate: {
    en: 'Cannot read "{value}" in column {column} as a date.',
    ru: 'Не получается прочитать «{value}» в столбце {column} как дату.',
  },
  badSerial: {
    en: 'The number {value} in column {column} is not a date serial of a real day.',
    ru: 'Число {value} в столбце {column} не является порядковым номером реальной даты.',
  },
  dateOrderConflictRow: {
    en: 'The date "{value}" in column {column} only exists as {other}, but the column is read as {order}.',
    ru: 'Дата «{value}» в столбце {column} возможна только как {other}, а столбец прочитан как {order}.',
  },
  missingAmount: {
    en: 'The amount in column {column} is blank.',
    ru: 'Не указана сумма в столбце {column}.',
  },
  badNumber: {
    en: 'Cannot read "{value}" in column {column} as a number.',
    ru: 'Не получается прочитать «{value}» в столбце {column} как число.',
  },
  badCount: {
    en: '"{value}" in column {column} is not a whole number of purchases.',
    ru: '«{value}» в столбце {column} — не целое число покупок.',
  },
  firstPurchaseAfterLast: {
    en: 'The first purchase {first} in column {column} is after the last purchase {last}.',
    ru: 'Первая покупка {first} в столбце {column} позже последней покупки {last}.',
  },
  badNps: {
    en: '"{value}" in column {column} is not an answer from 0 to 10.',
    ru: '«{value}» в столбце {column} — не ответ от 0 до 10.',
  },
  reasonSeparator: { en: ' ', ru: ' ' },
} as const satisfies MessageTable;

export type SheetDataMessageId = keyof typeof SHEET_DATA_MESSAGES;
