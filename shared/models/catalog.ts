import type { CatalogFunction } from '../catalog/types';

/** Spreadsheet functions of this area (see `shared/catalog`). */
export const modelsCatalog: readonly CatalogFunction[] = [];
