import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIsoDay } from '../../../shared/calendar';
import { parseDelimitedText, readSheet } from '../../../shared/sheet-data';

const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../../fixtures/sheet-data', name), 'utf8');
const day = (iso: string): number => parseIsoDay(iso) as number;

describe('dirty-ru.csv (hand-written fixture, expected rows read off the file by hand)', () => {
  const { grid, delimiter } = parseDelimitedText(fixture('dirty-ru.csv'));
  const result = readSheet(grid, { locale: 'ru' });

  it('detects ";" and the header in row 3', () => {
    expect(delimiter).toBe(';');
    expect(result.headerRow).toBe(3);
    expect(result.mapping).toEqual({ client: 0, date: 1, amount: 2, orderId: 3, manager: 4 });
  });

  it('reads the good rows with sheet row numbers', () => {
    expect(
      result.transactions.map((t) => [t.row, t.clientName, t.day, t.amount, t.orderId]),
    ).toEqual([
      [4, 'Анна Петрова', day('2024-03-01'), 1500, '1001'],
      [5, 'Анна Петрова', day('2024-03-02'), 2000.5, '1002'],
      [6, 'Борис Смирнов', day('2024-03-03'), -300, '1003'],
      [11, 'Смирнов, Борис', day('2024-03-06'), 0, '1007'],
      // 07/03/2024 has no part above 12, so the ru locale decides: day first, 7 March.
      [12, 'Галина', day('2024-03-07'), 1200, '1008'],
    ]);
    expect(new Set(result.transactions.slice(0, 2).map((t) => t.clientKey))).toEqual(
      new Set(['анна петрова']),
    );
  });

  it('rejects rows 7, 8, 9 and 13 with their reasons and skips blank row 10', () => {
    expect(result.rejectedRows.map((r) => [r.row, r.code])).toEqual([
      [7, 'blankClient'],
      [8, 'impossibleDate'],
      [9, 'badNumber'],
      [13, 'errorValue'],
    ]);
    expect(result.rejectedRows[2]?.reason).toBe(
      'Не получается прочитать «семьсот» в столбце C (Сумма, руб.) как число.',
    );
    expect(result.dataRowCount).toBe(9);
    expect(result.notes).toContain('Пропущено пустых строк: 1.');
    expect(result.notes).toContain('Строки с суммой 0 учтены как покупки без выручки: 1.');
  });
});
