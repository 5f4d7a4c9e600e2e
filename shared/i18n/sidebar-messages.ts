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
    en: '{count, plural, one {Removed # result sheet.} other {Removed # result sheets.}}',
    ru: '{count, plural, one {Удалён # лист с результатами.} few {Удалено # листа с результатами.} many {Удалено # листов с результатами.} other {Удалено # листа с результатами.}}',
  },

  loading: { en: 'Loading…', ru: 'Загрузка…' },
  stepResults: { en: '5. Results', ru: '5. Результаты' },
  segmentsTitle: {
    en: 'Segments: who they are and what to do',
    ru: 'Сегменты: кто это и что делать',
  },
  segmentClients: {
    en: '{count, plural, one {# client} other {# clients}}',
    ru: '{count, plural, one {# клиент} few {# клиента} many {# клиентов} other {# клиента}}',
  },
  segmentMeaning: { en: 'Who: {text}', ru: 'Кто: {text}' },
  segmentAction: { en: 'Action: {text}', ru: 'Что делать: {text}' },
  segmentExamples: { en: 'For example: {names}', ru: 'Например: {names}' },
  runStep: { en: '{message} ({percent} %)', ru: '{message} ({percent} %)' },
  detectFirst: {
    en: 'Detect the columns first.',
    ru: 'Сначала определите столбцы.',
  },
  unknownFunction: { en: 'Unknown function {name}.', ru: 'Неизвестная функция {name}.' },
  unknownError: { en: 'Something went wrong.', ru: 'Что-то пошло не так.' },
  asOfPlaceholder: { en: 'YYYY-MM-DD', ru: 'ГГГГ-ММ-ДД' },
  optionalSuffix: { en: '(optional)', ru: '(необязательно)' },
  unitLabel: { en: 'unit: {unit}', ru: 'единица: {unit}' },
} satisfies MessageTable;

export type SidebarMessageId = keyof typeof sidebarMessages;
