import fc from 'fast-check';
import { byteDecoder, decodeText } from '../../../cli/read-input-file';
import { formatIsoDay, ymdFromDay } from '../../../shared/calendar';
import { AnalyticsError } from '../../../shared/errors';
import {
  summariseCustomersDetailed,
  summariseTable,
  xyzClasses,
  xyzClassesOfTable,
} from '../../../shared/segmentation';
import {
  parseDelimitedText,
  readDelimitedTransactions,
  readSheet,
  transactionsOfTable,
  type ColumnRole,
  type Delimiter,
  type ReadSheetOptions,
} from '../../../shared/sheet-data';

// Delimited files for the byte reader's equality with the grid reader: generators of realistic
// but nasty files and the comparison both paths must pass.

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Windows-1251 bytes of the characters a Russian file uses, by hand: ASCII as itself, А..я at
 * 0xC0..0xFF, Ё 0xA8, ё 0xB8, NBSP 0xA0, № 0xB9, « 0xAB, » 0xBB, — 0x97, € 0x88 (the WHATWG
 * windows-1251 index, https://encoding.spec.whatwg.org/index-windows-1251.txt). A character the
 * encoding lacks (₽) is written as `?`, as Excel's "CSV (Windows-1251)" export writes it.
 */
export const WINDOWS_1251_SYMBOLS: ReadonlyMap<string, number> = new Map([
  ['Ё', 0xa8],
  ['ё', 0xb8],
  ['\u00a0', 0xa0],
  ['№', 0xb9],
  ['«', 0xab],
  ['»', 0xbb],
  ['—', 0x97],
  ['€', 0x88],
]);

export function windows1251(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes[i] = code;
    else if (code >= 0x410 && code <= 0x44f) bytes[i] = code - 0x410 + 0xc0;
    else bytes[i] = WINDOWS_1251_SYMBOLS.get(ch) ?? 0x3f;
  }
  return bytes;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

function errorFacts(error: unknown): unknown {
  if (error instanceof AnalyticsError) {
    return { kind: 'AnalyticsError', code: error.code, message: error.message };
  }
  return { kind: 'other', error: String(error) };
}

/**
 * Checks the contract of `readDelimitedTransactions` on one file: the result (or the error) of the
 * general path `readSheet(parseDelimitedText(decodeText(bytes).text).grid, options)`, the table's
 * transactions equal to its transactions, and the summary and XYZ classes of the table equal to
 * those of the transactions. Returns the general path's result for further checks.
 */
export function expectSameAsGridReader(
  bytes: Uint8Array,
  options: ReadSheetOptions,
): ReturnType<typeof readSheet> | undefined {
  const { text } = decodeText(bytes);
  const { decode } = byteDecoder(bytes);
  const general = attempt(() => readSheet(parseDelimitedText(text).grid, options));
  const fast = attempt(() => readDelimitedTransactions(bytes, { ...options, decode }));
  if (!general.ok || !fast.ok) {
    expect(fast.ok ? 'returned' : errorFacts(fast.error)).toStrictEqual(
      general.ok ? 'returned' : errorFacts(general.error),
    );
    return undefined;
  }
  const { transactions, ...expected } = general.value;
  const { table, delimiter, ...actual } = fast.value;
  expect(typeof delimiter).toBe('string');
  expect(actual).toStrictEqual(expected);
  expect(transactionsOfTable(table)).toStrictEqual(transactions);
  const tableSummary = attempt(() => summariseTable(table));
  const listSummary = attempt(() => summariseCustomersDetailed(transactions));
  if (!tableSummary.ok || !listSummary.ok) {
    expect(tableSummary.ok ? 'returned' : errorFacts(tableSummary.error)).toStrictEqual(
      listSummary.ok ? 'returned' : errorFacts(listSummary.error),
    );
    return general.value;
  }
  expect(tableSummary.value).toStrictEqual(listSummary.value);
  expect(xyzClassesOfTable(table, tableSummary.value.customers)).toStrictEqual(
    xyzClasses(transactions, listSummary.value.customers),
  );
  return general.value;
}

// ---- The generator ----

type FileRole = ColumnRole | 'extra';

const HEADERS: Record<FileRole, readonly string[]> = {
  client: ['Client', 'Клиент', 'Customer', 'Покупатель', 'ФИО'],
  date: ['Date', 'Дата', 'Дата покупки', 'Order date'],
  amount: ['Amount', 'Сумма', 'Сумма, руб.', 'Revenue', 'Выручка, ₽', 'Сумма\n(руб.)'],
  orderId: ['Order id', 'Номер заказа', '№ заказа'],
  manager: ['Manager', 'Менеджер', 'Мастер'],
  channel: ['Channel', 'Канал', 'Источник'],
  profit: ['Profit', 'Прибыль'],
  category: ['Category', 'Категория', 'Услуга'],
  email: ['Email', 'E-mail', 'Почта'],
  phone: ['Phone', 'Телефон'],
  nps: ['NPS', 'Оценка'],
  complaint: ['Complaint', 'Жалоба'],
  lastPurchaseDate: ['Last purchase', 'Дата последней покупки'],
  firstPurchaseDate: ['First purchase', 'Первая покупка'],
  purchaseCount: ['Purchases', 'Количество покупок'],
  totalRevenue: ['Total revenue', 'Сумма покупок'],
  // Unmapped columns, and a second `Сумма` / `Date` column the mapping must not take twice.
  extra: ['Note', 'Комментарий', 'Город', 'X1', '', 'Сумма', 'Date'],
};

const OPTIONAL_ROLES: readonly FileRole[] = [
  'orderId',
  'manager',
  'channel',
  'profit',
  'category',
  'email',
  'nps',
  'complaint',
  'phone',
];
const CLIENT_LIST_ROLES: readonly FileRole[] = [
  'lastPurchaseDate',
  'purchaseCount',
  'totalRevenue',
];

const clientText = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom('Anna', 'Борис', 'C000001', 'Иванова Анна', 'Zoe') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ' anna ',
      'ANNA',
      'an  na',
      'борис ',
      'БОРИС',
      'c000001',
      'иванова   анна',
      ' ИВАНОВА АННА',
      'Ёжик',
      'ёжик',
      'Fedorov\u00a0Ivan',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '  ',
      '#N/A',
      '#Н/Д',
      'Zoe "Z"',
      'a,b',
      'x;y',
      'two\nlines',
      'cr\rinside',
      'tab\tinside',
      // Longer than 64 bytes in UTF-8 (2 bytes a Cyrillic letter).
      'Общество с ограниченной ответственностью «Ромашка-Плюс»',
      'ОБЩЕСТВО С ОГРАНИЧЕННОЙ  ОТВЕТСТВЕННОСТЬЮ «РОМАШКА-ПЛЮС» ',
    ),
  },
);

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const dayArb = fc.integer({ min: 19000, max: 20100 });
const validDateText = fc.tuple(dayArb, fc.integer({ min: 0, max: 5 })).map(([day, style]) => {
  const { year, month, day: dom } = ymdFromDay(day);
  switch (style) {
    case 0:
      return formatIsoDay(day);
    case 1:
      return `${pad2(dom)}.${pad2(month)}.${year}`;
    case 2:
      return `${pad2(dom)}/${pad2(month)}/${year}`;
    case 3:
      return `${pad2(month)}/${pad2(dom)}/${year}`;
    case 4:
      return `${formatIsoDay(day)} 10:30`;
    default:
      return `${pad2(dom)}.${pad2(month)}.${year} 23:59:59`;
  }
});
const dateText = fc.oneof(
  { weight: 16, arbitrary: validDateText },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '03/04/2024',
      '13/04/2024',
      '04/13/2024',
      '31.02.2024',
      '2024-13-01',
      '',
      'soon',
      'вчера',
      ' 2024-03-12',
      '12.03.24',
      '45000',
    ),
  },
);

const plainAmount = fc.oneof(
  fc.integer({ min: -100_000, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
);
const commaAmount = fc
  .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom(' ', '\u00a0', ''), fc.boolean())
  .map(([cents, group, rouble]) => {
    const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+$)/g, group);
    return `${whole},${pad2(cents % 100)}${rouble ? '\u00a0₽' : ''}`;
  });
const amountText = fc.oneof(
  { weight: 12, arbitrary: plainAmount },
  { weight: 6, arbitrary: commaAmount },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '-5',
      '0',
      '-0',
      '1 234,56',
      '1\u00a0234,56\u00a0₽',
      '(500)',
      '1,234.56',
      '1.234',
      '1,234',
      '12,5',
      'n/a',
      'бесплатно',
      '',
      '$12.50',
      '1e3',
      '.5',
      '5.',
      '+5',
      '#N/A',
      '12345678901234567.5',
    ),
  },
);

function optionalText(role: FileRole): fc.Arbitrary<string> {
  switch (role) {
    case 'orderId':
      return fc.constantFrom('З-10001', 'o1', 'o2', '', '17', 'A;1');
    case 'manager':
      return fc.constantFrom('Olga', 'Ольга', '', ' ivan ', 'Быков С.');
    case 'channel':
      return fc.constantFrom('Сайт', 'web', '', 'Яндекс Карты', 'Instagram');
    case 'profit':
      return fc.oneof(plainAmount, commaAmount, fc.constantFrom('', 'n/a'));
    case 'category':
      return fc.constantFrom('Массаж', 'spa', '', 'a "b" c');
    case 'email':
      return fc.constantFrom('a@b.ru', 'bad', '', 'ANN@EXAMPLE.COM');
    case 'nps':
      return fc.constantFrom('0', '7', '10', '11', 'x', '', '9.5');
    case 'complaint':
      return fc.constantFrom('да', 'нет', 'no', 'yes', '0', '1', '', '-');
    case 'phone':
      return fc.constantFrom('+7 900 000-00-00', '', '89000000000', 'нет');
    case 'lastPurchaseDate':
    case 'firstPurchaseDate':
      return validDateText;
    case 'purchaseCount':
      return fc.constantFrom('1', '3', '12', '', 'x');
    case 'totalRevenue':
      return fc.oneof(plainAmount, commaAmount);
    default:
      return fc.constantFrom('', 'note', 'Москва', 'x,y', '"q"', ' ', '"q" tail', 'a"b', '"open');
  }
}

function cellText(role: FileRole): fc.Arbitrary<string> {
  if (role === 'client') return clientText;
  if (role === 'date') return dateText;
  if (role === 'amount') return amountText;
  return optionalText(role);
}

interface Column {
  readonly role: FileRole;
  readonly header: string;
}

const columnsArb: fc.Arbitrary<Column[]> = fc
  .record({
    optional: fc.subarray([...OPTIONAL_ROLES], { maxLength: 4 }),
    extras: fc.integer({ min: 0, max: 2 }),
    clientList: fc.integer({ min: 0, max: 5 }),
    order: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    names: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
  })
  .map(({ optional, extras, clientList, order, names }) => {
    const roles: FileRole[] = ['client', 'date', 'amount', ...optional];
    for (let k = 0; k < extras; k += 1) roles.push('extra');
    if (clientList === 0) roles.push(...CLIENT_LIST_ROLES);
    if (clientList === 1) roles.push('lastPurchaseDate', 'firstPurchaseDate');
    const keyed = roles.map((role, k) => ({ role, key: (order[k] ?? 0) * 16 + k }));
    keyed.sort((a, b) => a.key - b.key);
    return keyed.map(({ role }, k) => {
      const options = HEADERS[role];
      return { role, header: options[(names[k] ?? 0) % options.length] as string };
    });
  });

type RowKind = 'normal' | 'short' | 'long' | 'blank' | 'spaces' | 'delimiters' | 'trailing';

interface Row {
  readonly kind: RowKind;
  /** Each cell's text and how it is written: 0 quoted when needed, 1 always, 2 never (raw). */
  readonly cells: readonly (readonly [string, number])[];
  readonly cut: number;
}

function rowArb(columns: readonly Column[]): fc.Arbitrary<Row> {
  const quote = fc.integer({ min: 0, max: 15 }).map((k) => (k === 0 ? 1 : k === 1 ? 2 : 0));
  return fc.record({
    kind: fc.constantFrom<RowKind>(
      ...(['normal', 'normal', 'normal', 'normal', 'normal', 'normal'] as const),
      'short',
      'long',
      'blank',
      'spaces',
      'delimiters',
      'trailing',
    ),
    cells: fc.tuple(...columns.map((c) => fc.tuple(cellText(c.role), quote))),
    cut: fc.nat(),
  });
}

const TITLE_LINES = [
  'Отчёт о продажах',
  'Sales export 2024',
  '',
  '   ',
  'Выгрузка из 1С;за год',
  '"Period: 2024, all shops"',
];

export interface DelimitedFile {
  readonly bytes: Uint8Array;
  readonly options: ReadSheetOptions;
  /** The file as text, for a failure's message. */
  readonly text: string;
}

type MutableOptions = { -readonly [K in keyof ReadSheetOptions]: ReadSheetOptions[K] };

function field(text: string, quote: number, delimiter: Delimiter): string {
  if (quote === 2) return text;
  const needs =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    quote === 1;
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Realistic but nasty delimited files with the options to read them. */
export const delimitedFileArbitrary: fc.Arbitrary<DelimitedFile> = columnsArb.chain((columns) =>
  fc
    .record({
      delimiter: fc.constantFrom<Delimiter>(',', ';', '\t'),
      titles: fc.array(fc.constantFrom(...TITLE_LINES), { maxLength: 3 }),
      // Blank lines above the header, sometimes around the 64 records read for the header search.
      padding: fc.oneof(
        { weight: 12, arbitrary: fc.constant(0) },
        { weight: 4, arbitrary: fc.constantFrom(5, 45, 62, 63, 64, 70) },
      ),
      quoteHeader: fc.boolean(),
      repeat: fc.constantFrom(1, 1, 1, 2, 4),
      rows: fc.array(rowArb(columns), { maxLength: 40, size: 'medium' }),
      lineEnds: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n', '\r\n'), {
        minLength: 1,
        maxLength: 3,
      }),
      finalBreak: fc.boolean(),
      bom: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
      encoding: fc.constantFrom('utf-8', 'utf-8', 'windows-1251'),
      locale: fc.constantFrom(undefined, 'en' as const, 'ru' as const),
      dateOrder: fc.constantFrom(
        undefined,
        undefined,
        'day-first' as const,
        'month-first' as const,
      ),
      headerRow: fc.constantFrom('detect', 'detect', 'detect', 'detect', 'given', 'given', 'none'),
      firstRowNumber: fc.constantFrom(undefined, undefined, 1, 7),
      firstColumnNumber: fc.constantFrom(undefined, undefined, 1, 3),
      dateSystem: fc.constantFrom(undefined, undefined, '1900' as const, '1904' as const),
      headerShift: fc.constantFrom(0, 0, 0, 0, -1, 1),
      mapping: fc.oneof(
        { weight: 5, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.tuple(
            fc.constantFrom<ColumnRole>('client', 'date', 'amount', 'manager', 'orderId'),
            fc.nat(),
          ),
        },
      ),
      shape: fc.constantFrom(
        ...[undefined, undefined, undefined, undefined],
        'transactions' as const,
        'transactions' as const,
        'clients' as const,
      ),
    })
    .map((spec): DelimitedFile => {
      const d = spec.delimiter;
      const width = columns.length;
      const titles = [
        ...Array.from({ length: spec.padding }, (_, k) => (k % 4 === 0 ? d.repeat(2) : '')),
        ...spec.titles.map((t) => t.replace(/;/g, d)),
      ];
      const lines = [...titles];
      lines.push(columns.map((c) => field(c.header, spec.quoteHeader ? 1 : 0, d)).join(d));
      // Repeating the rows makes files longer than the 64 records read for the header search.
      for (const row of Array.from({ length: spec.repeat }, () => spec.rows).flat()) {
        const fields = row.cells.map(([text, q]) => field(text, q, d));
        switch (row.kind) {
          case 'short':
            lines.push(fields.slice(0, 1 + (row.cut % width)).join(d));
            break;
          case 'long':
            lines.push([...fields, 'extra', ''].slice(0, width + 1 + (row.cut % 2)).join(d));
            break;
          case 'blank':
            lines.push('');
            break;
          case 'spaces':
            lines.push(row.cut % 2 === 0 ? '  ' : ` ${d} `);
            break;
          case 'delimiters':
            lines.push(d.repeat(width - 1));
            break;
          case 'trailing':
            lines.push(fields.join(d) + d);
            break;
          default:
            lines.push(fields.join(d));
        }
      }
      let text = '';
      lines.forEach((line, k) => {
        text += line;
        if (k < lines.length - 1 || spec.finalBreak) {
          text += spec.lineEnds[k % spec.lineEnds.length] as string;
        }
      });
      const options: MutableOptions = {};
      if (spec.locale !== undefined) options.locale = spec.locale;
      if (spec.dateOrder !== undefined) options.dateOrder = spec.dateOrder;
      const first = spec.firstRowNumber ?? 1;
      if (spec.firstRowNumber !== undefined) options.firstRowNumber = spec.firstRowNumber;
      if (spec.firstColumnNumber !== undefined) options.firstColumnNumber = spec.firstColumnNumber;
      if (spec.dateSystem !== undefined) options.dateSystem = spec.dateSystem;
      if (spec.headerRow === 'given' || (spec.padding > 0 && spec.headerRow === 'detect')) {
        // Sometimes one row off: a title row or the first data row taken as the header.
        options.headerRow = Math.max(1, first + titles.length + spec.headerShift);
      }
      if (spec.headerRow === 'none') {
        options.headerRow = 0;
        options.mapping = {
          client: columns.findIndex((c) => c.role === 'client'),
          date: columns.findIndex((c) => c.role === 'date'),
          amount: columns.findIndex((c) => c.role === 'amount'),
        };
      }
      if (spec.mapping !== null) {
        const [role, column] = spec.mapping;
        options.mapping = { ...options.mapping, [role]: column % width };
      }
      if (spec.shape !== undefined) options.shape = spec.shape;
      const bytes =
        spec.encoding === 'windows-1251'
          ? windows1251(text)
          : utf8(spec.bom ? `\ufeff${text}` : text);
      return { bytes, options, text };
    }),
);

/**
 * Long plain files (60 to 400 rows, past the 64 records read for the header search) whose
 * per-column decisions hang on evidence anywhere in the file: ambiguous slash dates
 * (`03/04/2024`) among ones that settle the order either way, and `1,234` / `1.234` amounts among
 * ones that settle the decimal separator.
 */
export const longAmbiguousFileArbitrary: fc.Arbitrary<DelimitedFile> = fc
  .record({
    delimiter: fc.constantFrom<Delimiter>(',', ';', '\t'),
    dates: fc.subarray(['03/04/2024', '05/06/2023', '13/04/2024', '04/13/2024', '2024-03-12'], {
      minLength: 1,
    }),
    amounts: fc.subarray(['1,234', '1.234', '12,50', '12.50', '1 234,56', '7', '-3'], {
      minLength: 1,
    }),
    clients: fc.subarray(['Anna', 'anna ', 'Борис', 'C1', 'c1', ''], { minLength: 1 }),
    rows: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 60, maxLength: 400 }),
    locale: fc.constantFrom(undefined, 'en' as const, 'ru' as const),
    lineEnd: fc.constantFrom('\n', '\r\n'),
  })
  .map((spec): DelimitedFile => {
    const d = spec.delimiter;
    const pick = (list: readonly string[], k: number) => list[k % list.length] as string;
    const lines = ['Client', 'Date', 'Amount'].join(d);
    const body = spec.rows.map(([c, t, a]) =>
      [pick(spec.clients, c), pick(spec.dates, t), pick(spec.amounts, a)]
        .map((text) => field(text, 0, d))
        .join(d),
    );
    const text = [lines, ...body].join(spec.lineEnd) + spec.lineEnd;
    const options: MutableOptions = {};
    if (spec.locale !== undefined) options.locale = spec.locale;
    return { bytes: utf8(text), options, text };
  });

const FUZZ_CHUNKS = [
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '\u00a0',
  '0',
  '7',
  '-',
  '.',
  '12.5',
  '1 234,56',
  'Anna',
  'anna',
  'Я',
  'я',
  '#N/A',
  '2024-03-12',
  '12.03.2024',
  '03/04/2024',
  '13/04/2024',
];

/**
 * Structural fuzz: a header line then random runs of delimiters, quotes, line breaks, spaces,
 * digits, names and dates, in either encoding, with or without a byte order mark.
 */
export const fuzzFileArbitrary: fc.Arbitrary<DelimitedFile> = fc
  .record({
    header: fc.constantFrom('Client,Date,Amount', 'Клиент;Дата;Сумма', 'Client\tDate\tAmount'),
    chunks: fc.array(fc.constantFrom(...FUZZ_CHUNKS), { maxLength: 200 }),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1251'),
    locale: fc.constantFrom(undefined, 'ru' as const),
  })
  .map((spec): DelimitedFile => {
    const text = `${spec.header}\n${spec.chunks.join('')}`;
    const bytes =
      spec.encoding === 'windows-1251'
        ? windows1251(text)
        : utf8(spec.encoding === 'utf-8-bom' ? `\ufeff${text}` : text);
    const options: MutableOptions = {};
    if (spec.locale !== undefined) options.locale = spec.locale;
    return { bytes, options, text };
  });
