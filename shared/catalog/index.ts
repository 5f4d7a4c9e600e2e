import { metricsCatalog } from '../metrics/catalog';
import { modelsCatalog } from '../models/catalog';
import { segmentationCatalog } from '../segmentation/catalog';
import { retentionCatalog } from '../segmentation/retention-catalog';
import type { CatalogFunction } from './types';

export * from './types';
export { catalogError, catalogMessages, type CatalogMessageId } from './catalog-messages';
export { CATALOG_ERROR_TABLES, localiseError } from './localise-error';
export { runCatalogFunction, type CatalogCodec } from './run-catalog-function';
export { booleanFromText, dayFromText, numberFromText } from './scalar-text';

/** Every spreadsheet function, in the order the docs and the hosts list them. */
export const functionCatalog: readonly CatalogFunction[] = [
  ...metricsCatalog,
  ...segmentationCatalog,
  ...retentionCatalog,
  ...modelsCatalog,
];

/** Looks a function up by base name (case-insensitive). */
export function findCatalogFunction(name: string): CatalogFunction | undefined {
  const upper = name.toUpperCase();
  return functionCatalog.find((f) => f.name === upper);
}
