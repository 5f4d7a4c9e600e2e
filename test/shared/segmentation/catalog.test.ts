import fc from 'fast-check';
import { dayFromYmd } from '../../../shared/calendar';
import type { Grid } from '../../../shared/sheet-data/types';
import { segmentationCatalog } from '../../../shared/segmentation/catalog';

const fn = (name: string) => {
  const f = segmentationCatalog.find((entry) => entry.name === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
};

// Worked by hand, as of 2024-03-01 (n = 3, score = 1 + floor(5 W / 3)):
//   ann: 2 purchases (Jan 10, Feb 10), 200, 20 days -> R W=1: 2, F W=2: 4, M W=1: 2 -> 242 at risk
//   bob: 1 purchase (Feb 20), 50, 10 days           -> R W=2: 4, F W=0: 1, M W=0: 1 -> 411 new
//   cat: 1 purchase (Jan 5), 500, 56 days           -> R W=0: 1, F W=0: 1, M W=2: 4 -> 114 cannot lose
// ABC (total 750): cat before 0 A, ann before 500/750 A, bob before 700/750 = .933 B.
// XYZ: ann 100 in Jan, 100 in Feb -> CV 0 -> X; bob, cat one purchase -> Z.
const grid: Grid = [
  ['Client', 'Date', 'Amount'],
  ['Ann', '2024-01-10', 100],
  ['ann ', '2024-02-10', 100],
  ['Bob', '2024-02-20', 50],
  ['Cat', '2024-01-05', 500],
];
const asOf = dayFromYmd(2024, 3, 1);

describe('segmentation catalog', () => {
  it('RFM gives the hand-worked scores, one row per client, with a header on request', () => {
    expect(fn('RFM').implementation([grid, asOf, true])).toEqual([
      ['Client', 'R', 'F', 'M', 'RFM'],
      ['Ann', 2, 4, 2, '242'],
      ['Bob', 4, 1, 1, '411'],
      ['Cat', 1, 1, 4, '114'],
    ]);
  });

  it('SEGMENT names the hand-worked segments in Russian on request', () => {
    expect(fn('SEGMENT').implementation([grid, asOf, false, 'ru'])).toEqual([
      ['Ann', 'Под угрозой', '242'],
      ['Bob', 'Новые', '411'],
      ['Cat', 'Нельзя потерять', '114'],
    ]);
  });

  it('ABC gives A, A, B with shares 200/750, 50/750, 500/750 (by hand)', () => {
    const rows = fn('ABC').implementation([grid, asOf]) as unknown[][];
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Ann', 'A', 200],
      ['Bob', 'B', 50],
      ['Cat', 'A', 500],
    ]);
    expect(rows[0]?.[3]).toBeCloseTo(200 / 750, 12);
  });

  it('XYZ gives X (CV 0) for the regular client and Z for one-time buyers (by hand)', () => {
    expect(fn('XYZ').implementation([grid, asOf])).toEqual([
      ['Ann', 'X', 0],
      ['Bob', 'Z', null],
      ['Cat', 'Z', null],
    ]);
  });

  it('defaults as-of to the day after the last purchase (2024-02-21: Bob 1 day, Ann 11, Cat 47)', () => {
    const rows = fn('RFM').implementation([grid]) as unknown[][];
    expect(rows.map((r) => r[4])).toEqual(['242', '411', '114']);
  });

  it('rejects an unknown language and a range without purchase columns', () => {
    expect(() => fn('RFM').implementation([grid, asOf, false, 'de'])).toThrow(/language/);
    expect(() => fn('ABC').implementation([[['Name'], ['x']]])).toThrow();
  });

  it('every entry documents its parameters in en and ru and returns an array', () => {
    for (const f of segmentationCatalog) {
      expect(f.result).toBe('array');
      expect(f.description.ru).toMatch(/[а-яё]/i);
      expect(f.params.map((p) => p.name)).toEqual([
        'transactions',
        'asOf',
        'withHeader',
        'language',
      ]);
    }
  });
});

describe('segmentation catalog properties (through readSheet)', () => {
  const rowArbitrary = fc.record({
    client: fc.constantFrom('ann', 'bob', 'cat', 'dan'),
    upper: fc.boolean(),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    amount: fc.integer({ min: 1, max: 5000 }),
  });
  const toGrid = (
    rows: { client: string; upper: boolean; day: number; month: number; amount: number }[],
  ): Grid => [
    ['Client', 'Date', 'Amount'],
    ...rows.map((r) => [
      r.upper ? r.client.toUpperCase() : ` ${r.client} `,
      `2024-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
      r.amount,
    ]),
  ];
  const withoutNames = (result: unknown) => (result as unknown[][]).map((row) => row.slice(1));

  it('re-casing ids or shuffling rows changes nothing but the displayed names', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 30 }), (rows) => {
        const recased = rows.map((r) => ({ ...r, upper: !r.upper }));
        const shuffled = [...rows].reverse();
        for (const name of ['RFM', 'ABC', 'XYZ', 'SEGMENT']) {
          const base = withoutNames(fn(name).implementation([toGrid(rows), asOf]));
          expect(withoutNames(fn(name).implementation([toGrid(recased), asOf]))).toEqual(base);
          expect(withoutNames(fn(name).implementation([toGrid(shuffled), asOf]))).toEqual(base);
        }
      }),
      { numRuns: 50 },
    );
  });
});
