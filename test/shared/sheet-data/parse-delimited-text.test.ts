import fc from 'fast-check';
import { detectDelimiter, parseDelimitedText } from '../../../shared/sheet-data';

describe('parseDelimitedText', () => {
  it('splits comma CSV with LF and no final newline', () => {
    expect(parseDelimitedText('a,b,c\n1,2,3')).toEqual({
      grid: [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
      delimiter: ',',
    });
  });

  it('handles CRLF, a final newline, a BOM and empty fields', () => {
    const { grid, delimiter } = parseDelimitedText('\ufeffКлиент;Дата;Сумма\r\nАнна;;5\r\n;;\r\n');
    expect(delimiter).toBe(';');
    expect(grid).toEqual([
      ['Клиент', 'Дата', 'Сумма'],
      ['Анна', '', '5'],
      ['', '', ''],
    ]);
  });

  // RFC 4180 section 2, rules 5-7: quoted fields hold delimiters, line breaks and "" for ".
  it('reads RFC 4180 quoted fields: delimiters, doubled quotes and line breaks inside quotes', () => {
    const text =
      'name,note,amount\r\n"Petrov, Ivan","said ""hi""\r\nand left","1,234.56"\r\n"",x,""\r\n';
    expect(parseDelimitedText(text).grid).toEqual([
      ['name', 'note', 'amount'],
      ['Petrov, Ivan', 'said "hi"\r\nand left', '1,234.56'],
      ['', 'x', ''],
    ]);
  });

  it('keeps a blank line as a row with one empty field, so row numbers match line numbers', () => {
    expect(parseDelimitedText('a,b\n\n1,2\n').grid).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('keeps a trailing empty field and reads a lone CR as a line break', () => {
    expect(parseDelimitedText('a,b,\r1,2,').grid).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
  });

  it('reads lone CRs mixed with LFs as line breaks: "a\\rb\\nc\\rd" is 4 rows, counted by hand', () => {
    expect(parseDelimitedText('a\rb\nc\rd').grid).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(parseDelimitedText('x,1\r\ny,2\rz,3\n').grid).toEqual([
      ['x', '1'],
      ['y', '2'],
      ['z', '3'],
    ]);
  });

  it('is lenient with text after a closing quote and an unclosed quote', () => {
    expect(parseDelimitedText('"ab"c,d\n"open,x').grid).toEqual([['abc', 'd'], ['open,x']]);
  });

  it('detects tab, semicolon and comma', () => {
    expect(parseDelimitedText('a\tb\n1\t2').delimiter).toBe('\t');
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a,b\n1,2\n')).toBe(',');
    expect(detectDelimiter('just text')).toBe(',');
  });

  it('prefers ";" when decimal commas appear in a semicolon file: "Клиент;Дата;Сумма, руб."', () => {
    const text = 'Клиент;Дата;Сумма, руб.\nАнна;12.03.2024;1 234,56\nБорис;13.03.2024;99,90\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseDelimitedText(text).grid[1]).toEqual(['Анна', '12.03.2024', '1 234,56']);
  });

  it('ignores delimiters inside quotes when detecting', () => {
    expect(detectDelimiter('"a;b;c;d",x\n"e;f;g;h",y\n')).toBe(',');
  });

  it('returns every value intact when many rows repeat and differ (checked against String.split)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 6000; i++) {
      lines.push(
        `id${(i * 7919) % 2000},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}.5,${'x'.repeat(i % 40)}`,
      );
    }
    const text = lines.join('\n');
    expect(parseDelimitedText(text, ',').grid).toEqual(lines.map((line) => line.split(',')));
  });

  it('returns every value intact past the point where a column of distinct values stops interning', () => {
    // 200,000 distinct values: the table fills at 131,072 (2^17) and the window of 65,536 lookups
    // that ends at lookup 196,608 finds almost none, so the column is then left alone.
    const lines: string[] = [];
    for (let i = 0; i < 200000; i++)
      lines.push(`${i}.${i % 97},c${i % 10},${i % 3 === 0 ? '' : 'x'}`);
    const { grid } = parseDelimitedText(lines.join('\r\n'), ',');
    expect(grid).toHaveLength(200000);
    const mismatches = grid.filter((row, i) => row.length !== 3 || row.join(',') !== lines[i]);
    expect(mismatches).toEqual([]);
  });

  const field = fc.string({
    unit: fc.constantFrom('a', 'б', ',', ';', '"', '\n', '\r\n', ' ', '1'),
    maxLength: 6,
  });

  it('property: any grid written with RFC 4180 quoting reads back unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'),
        (grid, delimiter) => {
          const text = grid
            .map((row) => row.map((f) => `"${f.replace(/"/g, '""')}"`).join(delimiter))
            .join('\r\n');
          expect(parseDelimitedText(text, delimiter).grid).toEqual(grid);
        },
      ),
    );
  });
});
