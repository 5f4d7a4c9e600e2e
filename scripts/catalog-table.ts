/**
 * Prints the markdown table of every spreadsheet function in the catalog, for the user guide:
 * `npx tsx scripts/catalog-table.ts en` (or `ru`); with `--write` it puts the tables into
 * docs/user-guide.md and docs/user-guide.ru.md between their `catalog-table` markers (run
 * `npx prettier --write docs` after it). test/scripts/catalog-table.test.ts checks the guides
 * against this output, so the docs follow the catalog.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { functionCatalog, type CatalogFunction, type CatalogParam } from '../shared/catalog';
import type { Locale } from '../shared/i18n';

const HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Function', 'Arguments', 'What it returns', 'Example'],
  ru: ['Функция', 'Аргументы', 'Что возвращает', 'Пример'],
};

const ONE_ROW_PER_CLIENT: Readonly<Record<Locale, string>> = {
  en: 'Spills a table.',
  ru: 'Выводит таблицу.',
};

/** A table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** `name (unit)`, optional ones in brackets; the units are written in English, so ru omits them. */
function argument(param: CatalogParam, locale: Locale): string {
  const name = param.optional === true ? `[${param.name}]` : param.name;
  return param.unit === undefined || locale !== 'en' ? name : `${name} (${param.unit})`;
}

function example(f: CatalogFunction): string {
  if (f.example === undefined) return '';
  // Scalar results are numbers anyone can check; array examples are described in English only.
  return f.result === 'scalar'
    ? `\`${f.example.formula}\` → ${f.example.result}`
    : `\`${f.example.formula}\``;
}

/**
 * The markdown table (header, separator, one row per catalog function, in catalog order) in
 * `locale`. Pure: it reads only `functionCatalog`.
 *
 * @example catalogTable('en') has a row starting `| CAC | marketingSpend (money), ...`.
 */
export function catalogTable(locale: Locale): string {
  const lines = [
    `| ${HEADERS[locale].join(' | ')} |`,
    `| ${HEADERS[locale].map(() => '---').join(' | ')} |`,
  ];
  for (const f of functionCatalog) {
    const returns =
      f.result === 'array'
        ? `${f.description[locale]} ${ONE_ROW_PER_CLIENT[locale]}`
        : f.description[locale];
    const cells = [
      f.name,
      f.params.map((p) => argument(p, locale)).join(', '),
      returns,
      example(f),
    ].map(cell);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Replaces the text between the guide's `catalog-table:<locale>` markers with the table. */
function writeGuideTable(file: string, locale: Locale): void {
  const text = readFileSync(file, 'utf8');
  const start = `<!-- catalog-table:${locale}:start -->`;
  const end = `<!-- catalog-table:${locale}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: no ${start} ... ${end} markers`);
  const table = catalogTable(locale);
  writeFileSync(file, `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`);
}

if (process.argv[1]?.endsWith('catalog-table.ts') === true) {
  if (process.argv.includes('--write')) {
    const docs = path.resolve(__dirname, '../docs');
    writeGuideTable(path.join(docs, 'user-guide.md'), 'en');
    writeGuideTable(path.join(docs, 'user-guide.ru.md'), 'ru');
  } else {
    const locale = process.argv[2] === 'ru' ? 'ru' : 'en';
    process.stdout.write(`${catalogTable(locale)}\n`);
  }
}
