import {
  PLURAL_CATEGORIES,
  pluralBlocks,
  pluralCategory,
  selectPluralForms,
  translate,
  type MessageTable,
} from '../../../shared/i18n';
import { sidebarMessages } from '../../../shared/i18n/sidebar-messages';
import { uiMessages } from '../../../shared/i18n/ui-messages';
import { metricsMessages } from '../../../shared/metrics/messages';
import { modelsMessages } from '../../../shared/models/messages';
import { CLI_MESSAGES } from '../../../shared/report/cli-messages';
import { REPORT_MESSAGES } from '../../../shared/report/messages';
import { segmentationMessages } from '../../../shared/segmentation/messages';
import { retentionMessages } from '../../../shared/segmentation/retention-messages';
import { SHEET_DATA_MESSAGES } from '../../../shared/sheet-data/messages';

const NBSP = '\u00a0';
const CLIENTS = '{n, plural, one {# клиент} few {# клиента} many {# клиентов} other {# клиента}}';

describe('pluralCategory', () => {
  it('follows the CLDR ru rules: 1, 21, 101 one; 2-4, 22-24 few; 0, 5-20, 25 many', () => {
    const of = (n: number): string => pluralCategory(n, 'ru');
    expect([1, 21, 101].map(of)).toEqual(['one', 'one', 'one']);
    expect([2, 4, 22, 24].map(of)).toEqual(['few', 'few', 'few', 'few']);
    expect([0, 5, 11, 12, 14, 20, 25, 111].map(of)).toEqual(Array(8).fill('many'));
    expect(of(1.5)).toBe('other');
  });

  it('follows the CLDR en rules: 1 one, everything else other', () => {
    expect([0, 1, 2, 21].map((n) => pluralCategory(n, 'en'))).toEqual([
      'other',
      'one',
      'other',
      'other',
    ]);
  });
});

describe('selectPluralForms', () => {
  it('writes 1 клиент, 2 клиента, 5 клиентов, 11 клиентов, 21 клиент', () => {
    const text = (n: number): string => selectPluralForms(CLIENTS, 'ru', { n });
    expect([1, 2, 5, 11, 21].map(text)).toEqual([
      '1 клиент',
      '2 клиента',
      '5 клиентов',
      '11 клиентов',
      '21 клиент',
    ]);
  });

  it('writes # as the locale writes the number and keeps the text around the block and other placeholders', () => {
    const template = 'Sheet {name}: {n, plural, one {# row} other {# rows}}.';
    expect(selectPluralForms(template, 'en', { n: 1234, name: 'A' })).toBe(
      'Sheet {name}: 1,234 rows.',
    );
    expect(selectPluralForms(CLIENTS, 'ru', { n: 1234 })).toBe(`1${NBSP}234 клиента`);
  });

  it('fills placeholders inside a form and falls back to other for a form the block lacks', () => {
    const table = { m: { en: '{n, plural, other {{n} of {all}}}', ru: '-' } } as const;
    expect(translate(table, 'm', 'en', { n: 1, all: 3 })).toBe('1 of 3');
  });

  it('throws when the count is not a number, since a formatted string cannot pick a form', () => {
    expect(() => selectPluralForms(CLIENTS, 'ru', { n: '5' })).toThrow(/must be a number/);
    expect(() => selectPluralForms(CLIENTS, 'ru', {})).toThrow(/must be a number/);
  });

  it('leaves a template without plural blocks unchanged', () => {
    expect(selectPluralForms('Row {row}: {reason}', 'en', { row: 1 })).toBe('Row {row}: {reason}');
  });
});

const TABLES: Readonly<Record<string, MessageTable>> = {
  uiMessages,
  sidebarMessages,
  SHEET_DATA_MESSAGES,
  REPORT_MESSAGES,
  CLI_MESSAGES,
  metricsMessages,
  modelsMessages,
  segmentationMessages,
  retentionMessages,
};
const ENTRIES = Object.entries(TABLES).flatMap(([table, messages]) =>
  Object.entries(messages).map(([id, text]) => [`${table}.${id}`, text] as const),
);

describe('plural blocks of every message table', () => {
  // A ru text may avoid the plural ("Отклонено строк: 5") where its en text needs one.
  it.each(ENTRIES)('%s gives every form its locale needs in each plural block', (_, text) => {
    const en = pluralBlocks(text.en);
    const ru = pluralBlocks(text.ru);
    for (const block of en) {
      expect(Object.keys(block.forms).sort()).toEqual([...PLURAL_CATEGORIES.en].sort());
    }
    for (const block of ru) {
      expect(Object.keys(block.forms).sort()).toEqual([...PLURAL_CATEGORIES.ru].sort());
    }
  });

  it('the sidebar segment size reads 1 client / 5 clients and 1 клиент / 2 клиента / 5 клиентов', () => {
    const size = (locale: 'en' | 'ru', count: number): string =>
      translate(sidebarMessages, 'segmentClients', locale, { count });
    expect([size('en', 1), size('en', 5)]).toEqual(['1 client', '5 clients']);
    expect([size('ru', 1), size('ru', 2), size('ru', 5)]).toEqual([
      '1 клиент',
      '2 клиента',
      '5 клиентов',
    ]);
  });

  it('the counts the pane and the sidebar show agree with their number', () => {
    expect(translate(uiMessages, 'rejectedRows', 'en', { count: 1 })).toBe(
      '1 row will be left out; its reason is listed in the report.',
    );
    expect(translate(uiMessages, 'rejectedRows', 'ru', { count: 3 })).toBe(
      '3 строки будут пропущены; причины перечислены в отчёте.',
    );
    expect(
      translate(uiMessages, 'detectedRegion', 'ru', {
        sheet: 'Лист1',
        address: 'A1:C6',
        rows: 5,
        header: 1,
      }),
    ).toBe('Лист1!A1:C6: 5 строк данных, заголовок в строке 1');
    expect(translate(uiMessages, 'resultSheets', 'en', { clients: 1, sheets: 'Summary' })).toBe(
      '1 client analysed; sheets written: Summary.',
    );
    expect(translate(uiMessages, 'errorRejectedMore', 'en', { count: 1 })).toBe(
      'And 1 more rejected row.',
    );
    expect(translate(sidebarMessages, 'removedSheets', 'ru', { count: 2 })).toBe(
      'Удалено 2 листа с результатами.',
    );
  });
});
