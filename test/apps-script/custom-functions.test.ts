import * as vm from 'vm';
import type { CatalogFunction } from '../../shared/catalog/types';
import { AnalyticsError } from '../../shared/errors';
import { invokeCustomFunction } from '../../apps-script/custom-functions';
import {
  customFunctionDeclaration,
  generateGlobals,
} from '../../apps-script/build/generate-globals';
import { makeDayOfDate } from '../../apps-script/sheets-codec';
import { formatIsoInZone } from './helpers/fake-apps-script';

/** A small hand-made catalog: the codec and the generator must work from whatever the catalog holds. */
const catalog: CatalogFunction[] = [
  {
    name: 'ADD',
    category: 'test',
    description: { en: 'Adds two numbers.', ru: 'Складывает два числа.' },
    params: [
      { name: 'first', type: 'number', unit: 'money', description: { en: 'First', ru: 'Первое' } },
      {
        name: 'second',
        type: 'number',
        optional: true,
        description: { en: 'Second */ not a comment end', ru: 'Второе' },
      },
    ],
    result: 'scalar',
    implementation: ([a, b]) => (a as number) + ((b as number | undefined) ?? 0),
  },
  {
    name: 'DAYS_LIST',
    category: 'test',
    description: { en: 'Lists the days of a range.', ru: 'Дни диапазона.' },
    params: [{ name: 'cells', type: 'range', description: { en: 'Cells', ru: 'Ячейки' } }],
    result: 'array',
    implementation: ([grid]) =>
      (grid as readonly (readonly unknown[])[]).map((row) =>
        row.map((cell) =>
          typeof cell === 'object' && cell !== null && 'day' in cell
            ? (cell as { day: number }).day
            : null,
        ),
      ),
  },
  {
    name: 'FAILS',
    category: 'test',
    description: { en: 'Always fails.', ru: 'Всегда ошибка.' },
    params: [],
    result: 'scalar',
    implementation: () => {
      throw new AnalyticsError('numeric', 'The model did not converge.');
    },
  },
];

const ctx = {
  locale: 'en' as const,
  dayOfDate: makeDayOfDate((d) => formatIsoInZone(d, 'Etc/UTC')),
};

describe('custom functions: decode, one core call, encode', () => {
  it('ADD(2, 3) is 5 and ADD(2, blank) is 2 (arithmetic by hand)', () => {
    expect(invokeCustomFunction(catalog, 'ADD', [2, 3], ctx)).toBe(5);
    expect(invokeCustomFunction(catalog, 'ADD', [2, ''], ctx)).toBe(2);
  });

  it('a range of dates comes back as a rectangle of days (2024-03-12 is day 19794, blanks blank)', () => {
    const out = invokeCustomFunction(
      catalog,
      'DAYS_LIST',
      [[[new Date(Date.UTC(2024, 2, 12)), '']]],
      ctx,
    );
    expect(out).toEqual([[19794, '']]);
  });

  it('errors reach Sheets as a plain Error with the core message', () => {
    expect(() => invokeCustomFunction(catalog, 'FAILS', [], ctx)).toThrow(
      'The model did not converge.',
    );
    try {
      invokeCustomFunction(catalog, 'FAILS', [], ctx);
    } catch (error) {
      expect((error as Error).constructor).toBe(Error);
    }
    expect(() => invokeCustomFunction(catalog, 'NOPE', [], ctx)).toThrow('Unknown function NOPE.');
  });
});

describe('generated top-level declarations', () => {
  it('a custom function gets its JSDoc (@customfunction, @param per parameter, @return) and its real parameter list', () => {
    const text = customFunctionDeclaration(catalog[0]!);
    expect(text).toContain('@customfunction');
    expect(text).toContain('@param {number} first First (unit: money)');
    expect(text).toContain('@param {number=} second Second * / not a comment end (optional)');
    expect(text).toContain('@return {*}');
    expect(text).toContain(
      "function ADD(first, second) {\n  return __cb.invoke('ADD', [first, second]);\n}",
    );
  });

  it('the generated text is valid JavaScript whose functions forward to __cb', () => {
    const calls: unknown[] = [];
    const context = vm.createContext({
      __cb: {
        invoke: (name: string, args: unknown[]) => (calls.push([name, args]), 'ok'),
        triggers: {
          onOpen: () => 'menu',
          onInstall: () => 'i',
          showSidebar: () => 's',
          onHomepage: () => 'h',
        },
        server: {
          getSidebarState: () => 'state',
          detectColumns: (r: unknown) => r,
          runAnalysesStep: () => 0,
          removeResultSheets: () => 0,
        },
      },
    });
    vm.runInContext(generateGlobals(catalog), context);
    expect(vm.runInContext('ADD(1, 2)', context)).toBe('ok');
    expect(calls).toEqual([['ADD', [1, 2]]]);
    expect(vm.runInContext('onOpen({})', context)).toBe('menu');
    expect(vm.runInContext('detectColumns(7)', context)).toBe(7);
  });

  it('refuses names Sheets or JavaScript cannot take, and duplicates', () => {
    const bad = { ...catalog[0]!, name: 'CB.RFM' };
    expect(() => generateGlobals([bad])).toThrow(/cannot be a Sheets custom function/);
    expect(() => generateGlobals([catalog[0]!, catalog[0]!])).toThrow(/appears twice/);
    const underscore = { ...catalog[0]!, name: 'PRIVATE_' };
    expect(() => generateGlobals([underscore])).toThrow(/cannot be a Sheets custom function/);
  });
});
