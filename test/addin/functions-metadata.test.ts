import { functionCatalog } from '../../shared/catalog';
import type { CatalogFunction } from '../../shared/catalog/types';
import { AnalyticsError } from '../../shared/errors';
import { buildFunctionsMetadata } from '../../addin/functions/functions-metadata';
import { invokeCatalogFunction } from '../../addin/functions/invoke-catalog-function';
import {
  getFunctionsDateSystem,
  registerCustomFunctions,
  setFunctionsDateSystem,
  type CustomFunctionsApi,
} from '../../addin/functions/functions';

// A fixed two-function catalog, so the snapshot does not move while the real catalog grows;
// the real catalog is checked by the parity tests below.
const fixtureCatalog: readonly CatalogFunction[] = [
  {
    name: 'CAC',
    category: 'metrics',
    description: { en: 'Customer acquisition cost.', ru: 'Стоимость привлечения клиента.' },
    params: [
      {
        name: 'marketingSpend',
        type: 'number',
        unit: 'money',
        description: { en: 'Spend', ru: 'Затраты' },
      },
      {
        name: 'newClients',
        type: 'integer',
        unit: 'clients',
        description: { en: 'New clients', ru: 'Новые клиенты' },
      },
    ],
    result: 'scalar',
    implementation: ([spend, clients]) => {
      if (clients === 0) throw new AnalyticsError('invalid_argument', 'newClients must be above 0');
      return (spend as number) / (clients as number);
    },
  },
  {
    name: 'ROWS_AS_OF',
    category: 'segmentation',
    description: { en: 'Rows and the as-of day.', ru: 'Строки и дата.' },
    params: [
      { name: 'transactions', type: 'range', description: { en: 'Range', ru: 'Диапазон' } },
      { name: 'asOf', type: 'day', description: { en: 'As of', ru: 'На дату' } },
      {
        name: 'withHeader',
        type: 'boolean',
        optional: true,
        description: { en: 'Header', ru: 'Заголовок' },
      },
    ],
    result: 'array',
    implementation: ([grid, asOf, withHeader], context) => {
      const rows = (grid as readonly unknown[][]).map((r) => [
        r.length,
        asOf as number,
        context?.dateSystem ?? '',
      ]);
      return withHeader === true ? [['width', 'asOf', 'system'], ...rows] : rows;
    },
  },
];

describe('custom-function metadata', () => {
  test('en and ru metadata of a fixture catalog match the snapshot (range -> any matrix, array -> matrix)', () => {
    expect(buildFunctionsMetadata(fixtureCatalog, 'en')).toMatchSnapshot('en');
    expect(buildFunctionsMetadata(fixtureCatalog, 'ru')).toMatchSnapshot('ru');
  });

  test('parity: the Excel function list equals the catalog, parameter for parameter, in both locales', () => {
    for (const locale of ['en', 'ru'] as const) {
      const meta = buildFunctionsMetadata(functionCatalog, locale);
      expect(meta.functions.map((f) => f.id)).toEqual(functionCatalog.map((f) => f.name));
      meta.functions.forEach((f, i) => {
        const fn = functionCatalog[i] as CatalogFunction;
        expect(f.description).toBe(fn.description[locale]);
        expect(f.parameters.map((p) => [p.name, p.optional === true])).toEqual(
          fn.params.map((p) => [p.name, p.optional === true]),
        );
        expect(f.result.dimensionality).toBe(fn.result === 'array' ? 'matrix' : 'scalar');
      });
    }
  });

  test('every catalog id follows Excel naming rules (letter first, 3+ chars of A-Z 0-9 _ .) and is unique', () => {
    const ids = functionCatalog.map((f) => f.name);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fn of functionCatalog) {
      const optionalSeen = fn.params.findIndex((p) => p.optional === true);
      // Excel requires optional parameters to come after all required ones.
      if (optionalSeen >= 0)
        expect(fn.params.slice(optionalSeen).every((p) => p.optional === true)).toBe(true);
    }
  });
});

describe('invoking a catalog function', () => {
  const ctx = { dateSystem: '1900', locale: 'en' } as const;
  const [cac, rows] = fixtureCatalog as [CatalogFunction, CatalogFunction];

  test('CAC of 1000 spend and 4 new clients is 250 (1000 / 4)', () => {
    expect(invokeCatalogFunction(cac, [1000, 4], ctx)).toBe(250);
  });

  test('a core error becomes an encoded #VALUE! with its message, never a throw', () => {
    expect(invokeCatalogFunction(cac, [1000, 0], ctx)).toEqual({
      kind: 'error',
      errorKind: 'invalidValue',
      message: 'newClients must be above 0',
    });
    expect(invokeCatalogFunction(cac, ['x', 1], ctx)).toMatchObject({ errorKind: 'invalidValue' });
  });

  test('a range and a serial as-of day reach the core decoded (45292 = 2024-01-01 = day 19723)', () => {
    expect(
      invokeCatalogFunction(rows, [[['a', 'b']], 45292, true], { ...ctx, dateSystem: '1904' }),
    ).toEqual([
      ['width', 'asOf', 'system'],
      [2, 45292 - 24107, '1904'],
    ]);
    expect(invokeCatalogFunction(rows, [[['a', 'b']], '2024-01-01'], ctx)).toEqual([
      [2, 19723, '1900'],
    ]);
  });

  test('registration associates every function and turns encoded errors into CustomFunctions.Error', () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const api: CustomFunctionsApi = {
      associate: (id, fn) => registered.set(id, fn),
      Error: FakeError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
    };
    registerCustomFunctions(api, fixtureCatalog);
    expect([...registered.keys()]).toEqual(['CAC', 'ROWS_AS_OF']);
    expect(registered.get('CAC')?.(1000, 4)).toBe(250);
    expect(registered.get('CAC')?.(1000, 0)).toEqual(
      new FakeError('#VALUE!', 'newClients must be above 0'),
    );
    setFunctionsDateSystem('1904');
    expect(getFunctionsDateSystem()).toBe('1904');
    expect(registered.get('ROWS_AS_OF')?.([['a']], 0)).toEqual([[1, -24107, '1904']]);
    setFunctionsDateSystem('1900');
  });
});

describe('the real catalog through the Excel wrapper', () => {
  // Dates as Excel passes them: 1900-system serials (=DATE(2024,1,10) is 45301; 2023-12-01 is
  // 45261, 2024-03-10 is 45361). Same three clients as test/shared/workflows: RFM cells 444, 222,
  // 111, worked by hand there with issue 2's rank rule.
  const range = [
    ['Client', 'Date', 'Amount'],
    ['=HYPERLINK("http://x","y")', 45301, 100],
    ['+7 917 000-00-00', 45296, 50],
    ['Boris', 45261, 30],
    ['=HYPERLINK("http://x","y")', 45332, 100],
    ['+7 917 000-00-00', 45323, 50],
    ['=HYPERLINK("http://x","y")', 45361, 100],
  ];

  test('CLIENTBASE.RFM(range, 45362, TRUE) spills a header and the cells 444 / 222 / 111', () => {
    const rfm = functionCatalog.find((f) => f.name === 'RFM');
    expect(rfm).toBeDefined();
    const out = invokeCatalogFunction(rfm as CatalogFunction, [range, 45362, true], {
      dateSystem: '1900',
      locale: 'en',
    }) as unknown[][];
    expect(Array.isArray(out)).toBe(true);
    const cells = Object.fromEntries(out.slice(1).map((row) => [row[0], row[row.length - 1]]));
    expect(cells).toEqual({
      '=HYPERLINK("http://x","y")': '444',
      '+7 917 000-00-00': '222',
      Boris: '111',
    });
    expect(out.every((row) => row.length === out[0]?.length)).toBe(true);
  });

  test('a range without an amount column gives an encoded error, not a throw', () => {
    const rfm = functionCatalog.find((f) => f.name === 'RFM') as CatalogFunction;
    const out = invokeCatalogFunction(rfm, [[['Client'], ['Anna']], 45362], {
      dateSystem: '1900',
      locale: 'en',
    });
    expect(out).toMatchObject({ kind: 'error' });
  });
});
