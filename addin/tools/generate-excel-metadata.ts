/**
 * Writes Excel's custom-function metadata, generated from the function catalog, in English and
 * Russian: `functions.json` and `functions.ru.json` (the manifest's ru-RU override points at the
 * second). The webpack build runs it for every build, so the files are never committed.
 *
 *   npx tsx addin/tools/generate-excel-metadata.ts --out dist/addin   # write both files
 *   npx tsx addin/tools/generate-excel-metadata.ts --stdout           # print { en, ru } as JSON
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { functionCatalog } from '../../shared/catalog';
import { LOCALES } from '../../shared/i18n/translate';
import { buildFunctionsMetadata, FUNCTIONS_METADATA_FILES } from '../functions/functions-metadata';

function main(argv: readonly string[]): void {
  const both = Object.fromEntries(
    LOCALES.map((l) => [l, buildFunctionsMetadata(functionCatalog, l)]),
  );
  if (argv.includes('--stdout')) {
    process.stdout.write(JSON.stringify(both));
    return;
  }
  const outIndex = argv.indexOf('--out');
  const out = resolve(outIndex >= 0 ? (argv[outIndex + 1] ?? 'dist/addin') : 'dist/addin');
  mkdirSync(out, { recursive: true });
  for (const locale of LOCALES) {
    const file = join(out, FUNCTIONS_METADATA_FILES[locale]);
    writeFileSync(file, `${JSON.stringify(both[locale], null, 2)}\n`);
    console.log(`wrote ${file} (${functionCatalog.length} functions)`);
  }
}

main(process.argv.slice(2));
