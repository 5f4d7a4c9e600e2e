import fc from 'fast-check';
import {
  displayClientId,
  normaliseClientId,
  parseDateText,
  parseDelimitedText,
  parseMoney,
  readSheet,
  type Transaction,
} from '../../../shared/sheet-data';

// readSheet reads plain cells (a known text id, an ISO date, a `123.45` amount) on fast paths.
// These properties check them against the per-cell building blocks composed by hand, which is
// the rule they must keep, on grids that mix plain cells with ones that take the general paths.

const clientText = fc.constantFrom('Anna', ' anna ', 'ANNA', 'Борис', 'C000001', '', '#N/A', 'Zoe');
const dateText = fc.oneof(
  fc
    .integer({ min: 0, max: 3000 })
    .map((offset) => new Date(Date.UTC(2022, 0, 1 + offset)).toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-30', '2024-13-01', '12.03.2024', '', 'soon', ' 2024-03-12'),
);
const amountText = fc.oneof(
  fc.integer({ min: -100_000, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('1 234,56', '(500)', '', 'n/a', '-0', '$12.50', '1.5.5'),
);
const rows = fc.array(fc.tuple(clientText, dateText, amountText), { minLength: 1, maxLength: 60 });

/** The transactions the building blocks give, row by row (the header is sheet row 1). */
function expectedTransactions(data: readonly (readonly [string, string, string])[]): Transaction[] {
  const names = new Map<string, string>();
  const result: Transaction[] = [];
  data.forEach(([client, date, amount], index) => {
    const name = displayClientId(client);
    const key = normaliseClientId(client);
    const day = parseDateText(date);
    // The amount column has '.' decimals or none, so no hint changes a value here.
    const value = parseMoney(amount, { decimalSeparator: '.' });
    // The first spelling is the first row's that names the client, even a row left out.
    if (name !== '' && client.trim() !== '#N/A' && !names.has(key)) names.set(key, name);
    if (name === '' || client.trim() === '#N/A' || day === undefined || value === undefined) return;
    result.push({
      row: index + 2,
      clientKey: key,
      clientName: names.get(key) ?? name,
      day,
      amount: value,
    });
  });
  return result;
}

describe('readSheet fast paths', () => {
  it('property: a transaction list reads as the per-cell parsers read it, row by row', () => {
    fc.assert(
      fc.property(rows, (data) => {
        const grid = [['Client', 'Date', 'Amount'], ...data.map((row) => [...row])];
        const read = readSheet(grid, { shape: 'transactions' });
        expect(read.transactions).toEqual(expectedTransactions(data));
        const blank = data.filter(([c, d, a]) => c.trim() === '' && d === '' && a === '').length;
        expect(read.transactions.length + read.rejectedRows.length).toBe(data.length - blank);
      }),
      { numRuns: 300 },
    );
  });

  it('property: an extra optional column leaves client, day and amount as they were', () => {
    fc.assert(
      fc.property(rows, (data) => {
        const plain = [['Client', 'Date', 'Amount'], ...data.map((row) => [...row])];
        const withChannel = [
          ['Client', 'Date', 'Amount', 'Channel'],
          ...data.map((row) => [...row, row.join('') === '' ? '' : 'web']),
        ];
        const core = (t: Transaction) => [t.row, t.clientKey, t.clientName, t.day, t.amount];
        const a = readSheet(plain, { shape: 'transactions' });
        const b = readSheet(withChannel, { shape: 'transactions' });
        expect(b.transactions.map(core)).toEqual(a.transactions.map(core));
        expect(b.transactions.every((t) => t.channel === 'web')).toBe(true);
        expect(b.rejectedRows).toEqual(a.rejectedRows);
      }),
      { numRuns: 200 },
    );
  });

  it('matches ids across 70,000 first-time clients and their repeats (counted by hand)', () => {
    // 70,000 distinct ids, then each of the first 1,000 again: 71,000 rows, 70,000 clients,
    // the repeats keep the first spelling.
    const lines = ['Client,Date,Amount'];
    for (let i = 0; i < 70_000; i++) lines.push(`Id${i},2024-03-12,1.50`);
    for (let i = 0; i < 1_000; i++) lines.push(`ID${i},2024-03-13,2`);
    const read = readSheet(parseDelimitedText(lines.join('\n')).grid);
    expect(read.transactions).toHaveLength(71_000);
    expect(new Set(read.transactions.map((t) => t.clientKey)).size).toBe(70_000);
    expect(read.transactions[70_500]).toEqual({
      row: 70_502,
      clientKey: 'id500',
      clientName: 'Id500',
      day: 19795,
      amount: 2,
    });
  });
});
