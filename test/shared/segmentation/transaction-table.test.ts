import {
  summariseCustomersDetailed,
  summariseTable,
  xyzClasses,
  xyzClassesOfTable,
} from '../../../shared/segmentation';
import { indicesInKeyOrder } from '../../../shared/segmentation/key-order';
import { summaryIndexOfClients } from '../../../shared/segmentation/summary-clients';
import { transactionTable } from '../../../shared/segmentation/transaction-client-index';
import {
  readSheet,
  transactionsOfTable,
  type Transaction,
  type TransactionTable,
} from '../../../shared/sheet-data';

const row = (r: number, key: string, day: number, amount: number): Transaction => ({
  row: r,
  clientKey: key,
  clientName: key.toUpperCase(),
  day,
  amount,
});

describe('transaction tables', () => {
  it('transactionTable doc example, worked by hand: rows (a, 10), (b, 30), (a, 20) as of day 25 index a only', () => {
    const table = transactionTable(
      [row(2, 'a', 10, 1), row(3, 'b', 30, 1), row(4, 'a', 20, 1)],
      25,
    );
    expect([...table.client]).toEqual([0, -1, 0]);
    expect(table.clientKeys).toEqual(['a']);
    expect([...table.sheetRow]).toEqual([2, 3, 4]);
  });

  it('the name shown is the client name of the lowest sheet row (hand-built rows)', () => {
    const rows = [row(9, 'a', 10, 1), { ...row(3, 'a', 12, 1), clientName: 'First' }];
    expect(transactionTable(rows, 100).clientNames).toEqual(['First']);
  });

  it('readSheet leaves a table of every row; summaries and XYZ from it equal those built from the objects', () => {
    const grid = [
      ['Client', 'Date', 'Amount'],
      ['Ann', '2024-01-05', '100'],
      ['Bob', '31.02.2024', '5'],
      ['ann ', '2024-02-07', '50'],
      ['Cid', '2024-03-01', '-20'],
      ['Bob', '2024-03-09', '70'],
    ];
    const read = readSheet(grid);
    const table = transactionTable(read.transactions, 19800);
    // Bob was met first in a rejected row: listed, and his kept row points to him.
    expect(table.clientKeys).toEqual(['ann', 'bob', 'cid']);
    expect([...table.client]).toEqual([0, 0, 2, 1]);
    expect(transactionsOfTable(table)).toEqual(read.transactions);
    const fromTable = summariseTable(table, { asOf: 19800 });
    const fromRows = summariseCustomersDetailed([...read.transactions], { asOf: 19800 });
    expect(fromTable).toEqual(fromRows);
    expect(xyzClassesOfTable(table, fromTable.customers)).toEqual(
      xyzClasses([...read.transactions], fromRows.customers),
    );
  });

  it('transactionsOfTable doc example: one row of client ann/Ann on day 19794, amount 5, sheet row 2', () => {
    const table: TransactionTable = {
      length: 1,
      client: Int32Array.of(0),
      clientKeys: ['ann'],
      clientNames: ['Ann'],
      day: Float64Array.of(19794),
      amount: Float64Array.of(5),
      sheetRow: Int32Array.of(2),
    };
    expect(transactionsOfTable(table)).toEqual([
      { row: 2, clientKey: 'ann', clientName: 'Ann', day: 19794, amount: 5 },
    ]);
  });

  it('indicesInKeyOrder doc example: keys b, a, c without index 2 give [1, 0]', () => {
    expect([...indicesInKeyOrder(['b', 'a', 'c'], (i) => i !== 2)]).toEqual([1, 0]);
    // Code-unit order, as `<` compares: upper case before lower case, 'Ё' (U+0401) before 'А'.
    expect([...indicesInKeyOrder(['а', 'ё', 'Ё', 'b', 'B'])]).toEqual([4, 3, 2, 0, 1]);
  });

  it('summaryIndexOfClients doc example: summaries [b, a] of clients a, b, c give [1, 0, -1]', () => {
    const table = transactionTable([row(2, 'a', 1, 1), row(3, 'b', 1, 1), row(4, 'c', 1, 1)], 50);
    const summaries = summariseCustomersDetailed([row(5, 'b', 1, 1), row(6, 'a', 1, 1)], {
      asOf: 50,
    }).customers.reverse();
    expect(summaries.map((s) => s.clientKey)).toEqual(['b', 'a']);
    expect([...summaryIndexOfClients(table, summaries)]).toEqual([1, 0, -1]);
  });
});
