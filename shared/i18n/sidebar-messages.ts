import type { MessageTable } from './translate';

/**
 * Texts of the Google Sheets add-on: its menu, its sidebar and the messages of its custom-function
 * codec. Shared task-pane wording lives in `ui-messages.ts`; these are the Sheets-only ones.
 */
export const sidebarMessages = {
  menuTitle: { en: 'Client base', ru: 'Клиентская база' },
  menuOpenSidebar: { en: 'Analyse clients…', ru: 'Анализ клиентов…' },
  menuRemoveResults: { en: 'Remove result sheets', ru: 'Удалить листы с результатами' },
  sidebarTitle: { en: 'Client base analytics', ru: 'Аналитика клиентской базы' },
  homepageHint: {
    en: 'Open a sheet with your clients or purchases, then choose Extensions → Client base → Analyse clients. Functions such as =RFM(A1:C500) work in any cell.',
    ru: 'Откройте лист с клиентами или покупками и выберите Расширения → Клиентская база → Анализ клиентов. Функции вроде =RFM(A1:C500) работают в любой ячейке.',
  },
  removedSheets: {
    en: 'Removed {count} result sheet(s).',
    ru: 'Удалено листов с результатами: {count}.',
  },

  loading: { en: 'Loading…', ru: 'Загрузка…' },
  stepResults: { en: '5. Results', ru: '5. Результаты' },
  segmentsTitle: {
    en: 'Segments: who they are and what to do',
    ru: 'Сегменты: кто это и что делать',
  },
  segmentClients: { en: '{count} clients', ru: 'клиентов: {count}' },
  segmentMeaning: { en: 'Who: {text}', ru: 'Кто: {text}' },
  segmentAction: { en: 'Action: {text}', ru: 'Что делать: {text}' },
  segmentExamples: { en: 'For example: {names}', ru: 'Например: {names}' },
  runStep: { en: '{message} ({percent} %)', ru: '{message} ({percent} %)' },
  detectFirst: {
    en: 'Detect the columns first.',
    ru: 'Сначала определите столбцы.',
  },
  argumentInvalid: { en: 'Argument {name}: {reason}', ru: 'Аргумент {name}: {reason}' },
  reasonMissing: { en: 'a value is required.', ru: 'нужно значение.' },
  reasonSingleCell: {
    en: 'expected a single cell, not a range.',
    ru: 'нужна одна ячейка, а не диапазон.',
  },
  reasonErrorCell: {
    en: 'the cell holds an error value.',
    ru: 'в ячейке значение ошибки.',
  },
  reasonNumber: { en: 'expected a number.', ru: 'нужно число.' },
  reasonInteger: { en: 'expected a whole number.', ru: 'нужно целое число.' },
  reasonDay: {
    en: 'expected a date (a date cell or YYYY-MM-DD).',
    ru: 'нужна дата (ячейка с датой или ГГГГ-ММ-ДД).',
  },
  reasonBoolean: { en: 'expected TRUE or FALSE.', ru: 'нужно ИСТИНА или ЛОЖЬ.' },
  reasonText: { en: 'expected text.', ru: 'нужен текст.' },
  resultNotFinite: {
    en: 'The result is not a finite number.',
    ru: 'Результат не является конечным числом.',
  },
  unknownFunction: { en: 'Unknown function {name}.', ru: 'Неизвестная функция {name}.' },
  unknownError: { en: 'Something went wrong.', ru: 'Что-то пошло не так.' },
  optionalSuffix: { en: '(optional)', ru: '(необязательно)' },
  unitLabel: { en: 'unit: {unit}', ru: 'единица: {unit}' },
} satisfies MessageTable;

export type SidebarMessageId = keyof typeof sidebarMessages;
