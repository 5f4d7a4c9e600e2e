import { readFileSync } from 'node:fs';
import path from 'node:path';
import { functionCatalog } from '../../shared/catalog';
import { catalogTable } from '../../scripts/catalog-table';

const DOCS = path.resolve(__dirname, '../../docs');

/** The table between the catalog markers of a guide, one string per row, spacing ignored. */
function guideRows(file: string, locale: string): string[] {
  const text = readFileSync(path.join(DOCS, file), 'utf8');
  const start = text.indexOf(`<!-- catalog-table:${locale}:start -->`);
  const end = text.indexOf(`<!-- catalog-table:${locale}:end -->`);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return normalise(text.slice(start, end).split('\n').slice(1).join('\n'));
}

/** Rows with the padding markdown formatters add removed; separator rows become `|---|`. */
function normalise(table: string): string[] {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) => line.replace(/\s*(?<!\\)\|\s*/g, '|'))
    .map((line) => (/^[|\-: ]+$/.test(line) ? '|---|' : line));
}

describe('scripts/catalog-table', () => {
  it.each([
    ['user-guide.md', 'en'],
    ['user-guide.ru.md', 'ru'],
  ] as const)(
    '%s lists exactly the functions of functionCatalog (the table the script prints)',
    (file, locale) => {
      expect(guideRows(file, locale)).toEqual(normalise(catalogTable(locale)));
    },
  );

  it('prints a header, a separator and one row per catalog function, in catalog order', () => {
    const rows = normalise(catalogTable('en'));
    expect(rows).toHaveLength(functionCatalog.length + 2);
    expect(rows.slice(2).map((row) => row.split('|')[1])).toEqual(
      functionCatalog.map((f) => f.name),
    );
    // Worked by hand from the catalog entry of CAC: two parameters with units, example 50,000 / 125.
    expect(rows[2]).toBe(
      '|CAC|marketingSpend (money), newClients (clients)|Customer acquisition cost: marketing spend / new clients.|`=CAC(50000, 125)` → 400|',
    );
  });
});
