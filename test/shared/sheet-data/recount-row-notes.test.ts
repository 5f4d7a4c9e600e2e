import { readSheet } from '../../../shared/sheet-data';
import { recountRowNotes } from '../../../shared/sheet-data/recount-row-notes';

describe('recountRowNotes', () => {
  it('says the counts again after 3 more rows are rejected (doc-card example)', () => {
    expect(
      recountRowNotes(
        ['Header found in row 1.', 'Rows read: 6 of 6.'],
        { read: 6, total: 6, rejected: 0 },
        { read: 3, total: 6, rejected: 3 },
        'en',
      ),
    ).toEqual([
      'Header found in row 1.',
      'Rows read: 3 of 6.',
      'Rows rejected: 3 (listed with their reasons).',
    ]);
  });

  it('replaces the notes readSheet wrote, in the language it wrote them, keeping the others in order', () => {
    // 3 data rows, one blank row, row 3 rejected by the reader (31.02.2024 does not exist).
    const read = readSheet(
      [
        ['Клиент', 'Дата последней покупки', 'Количество покупок', 'Сумма покупок'],
        ['Анна', '01.01.2024', 1, 100],
        ['Борис', '31.02.2024', 2, 200],
        [null, null, null, null],
        ['Вера', '01.03.2024', 3, 300],
      ],
      { locale: 'ru' },
    );
    expect(read.notes).toContain('Прочитано строк: 2 из 3.');
    const notes = recountRowNotes(
      read.notes,
      { read: 2, total: 3, rejected: 1 },
      { read: 1, total: 3, rejected: 2 },
      'en',
    );
    const unchanged = read.notes.filter((note) => !/^(Прочитано|Отклонено) строк/.test(note));
    expect(notes.filter((note) => !/^(Прочитано|Отклонено) строк/.test(note))).toEqual(unchanged);
    expect(notes).toContain('Прочитано строк: 1 из 3.');
    expect(notes).toContain('Отклонено строк: 2 (перечислены с причинами).');
    expect(notes).toHaveLength(read.notes.length);
  });

  it('adds the counts in the given language to notes that lack the reader’s sentence', () => {
    expect(
      recountRowNotes(
        [],
        { read: 2, total: 2, rejected: 0 },
        { read: 2, total: 2, rejected: 0 },
        'ru',
      ),
    ).toEqual(['Прочитано строк: 2 из 2.']);
  });
});
