import fc from 'fast-check';
import { formatIsoDay } from '../../../shared/calendar';
import { readSheet, type Cell, type Transaction } from '../../../shared/sheet-data';

/** A data row: a client from a small pool (so ids repeat), a day, an amount, sometimes broken. */
const dataRow = fc.record({
  client: fc.constantFrom('Anna Petrova', 'Boris', 'Вера Иванова', '1001', 'Zoe'),
  day: fc.integer({ min: 18000, max: 21000 }),
  cents: fc.integer({ min: -50_000, max: 5_000_000 }),
  format: fc.constantFrom(
    'iso',
    'dotted',
    'serial',
    'number',
    'ru-money',
    'broken-date',
    'broken-amount',
  ),
});
type DataRow = typeof dataRow extends fc.Arbitrary<infer T> ? T : never;

function toCells(row: DataRow): Cell[] {
  const iso = formatIsoDay(row.day);
  const dotted = `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const amount = row.cents / 100;
  switch (row.format) {
    case 'iso':
      return [row.client, iso, amount];
    case 'dotted':
      return [row.client, dotted, String(amount)];
    case 'serial':
      return [row.client, row.day + 25569, amount];
    case 'number':
      return [row.client, { kind: 'date', day: row.day }, amount];
    case 'ru-money':
      return [row.client, iso, `${amount.toFixed(2).replace('.', ',')} руб.`];
    case 'broken-date':
      return [row.client, '31.02.2024', amount];
    default:
      return [row.client, iso, 'n/a'];
  }
}

const content = (t: Transaction): string => `${t.clientKey}|${t.day}|${t.amount}`;

describe('readSheet properties', () => {
  it('shuffling the data rows changes nothing but the row numbers', () => {
    fc.assert(
      fc.property(
        fc
          .array(dataRow, { minLength: 1, maxLength: 40 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          const header: Cell[] = ['Client', 'Date', 'Amount'];
          const a = readSheet([header, ...rows.map(toCells)]);
          const b = readSheet([header, ...shuffled.map(toCells)]);
          expect(b.transactions.map(content).sort()).toEqual(a.transactions.map(content).sort());
          expect(b.rejectedRows.map((r) => r.code).sort()).toEqual(
            a.rejectedRows.map((r) => r.code).sort(),
          );
          expect(b.dataRowCount).toBe(a.dataRowCount);
          // Each transaction still points at the sheet row it came from.
          for (const t of b.transactions) {
            const source = shuffled[t.row - 2];
            expect(source && toCells(source)[0]).toBe(t.clientName);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every non-blank data row is read or rejected, never dropped', () => {
    fc.assert(
      fc.property(fc.array(dataRow, { minLength: 1, maxLength: 40 }), (rows) => {
        const result = readSheet([['Client', 'Date', 'Amount'], ...rows.map(toCells)]);
        expect(result.transactions.length + result.rejectedRows.length).toBe(rows.length);
        const broken = rows.filter((r) => r.format.startsWith('broken')).length;
        expect(result.rejectedRows.length).toBe(broken);
      }),
    );
  });

  it('re-casing and re-spacing client ids gives the same client keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dataRow, fc.boolean(), fc.constantFrom('', ' ', '  ', '\u00a0')), {
          minLength: 1,
          maxLength: 30,
        }),
        (rows) => {
          const header: Cell[] = ['Client', 'Date', 'Amount'];
          const plain = readSheet([header, ...rows.map(([r]) => toCells({ ...r, format: 'iso' }))]);
          const messy = readSheet([
            header,
            ...rows.map(([r, upper, pad]) => {
              const cells = toCells({ ...r, format: 'iso' });
              const id = String(cells[0]).replace(' ', `${pad} `);
              return [
                `${pad}${upper ? id.toUpperCase() : id.toLowerCase()}${pad}`,
                ...cells.slice(1),
              ];
            }),
          ]);
          expect(messy.transactions.map((t) => t.clientKey)).toEqual(
            plain.transactions.map((t) => t.clientKey),
          );
        },
      ),
    );
  });
});
