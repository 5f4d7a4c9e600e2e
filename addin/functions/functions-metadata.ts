import type { CatalogFunction, CatalogParam, CatalogParamType } from '../../shared/catalog/types';
import type { Locale } from '../../shared/i18n/translate';

/**
 * Excel's custom-function metadata (`functions.json`), generated from the function catalog so the
 * two can never drift. Format: Microsoft, "Manually create JSON metadata for custom functions in
 * Excel" (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json). Ids and
 * names start with a letter, are at least three characters and use A-Z, 0-9, `_` and `.`
 * ("Custom functions naming", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming).
 */
export interface ExcelFunctionsMetadata {
  readonly functions: readonly ExcelFunctionMetadata[];
}

export interface ExcelFunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ExcelParameterMetadata[];
  readonly result: { readonly type?: ExcelValueType; readonly dimensionality: ExcelDimensionality };
}

export type ExcelValueType = 'number' | 'string' | 'boolean' | 'any';
export type ExcelDimensionality = 'scalar' | 'matrix';

export interface ExcelParameterMetadata {
  readonly name: string;
  readonly description: string;
  readonly type: ExcelValueType;
  readonly dimensionality: ExcelDimensionality;
  readonly optional?: boolean;
}

/** The namespace Excel shows before every function: `=CLIENTBASE.RFM(...)`. */
export const FUNCTIONS_NAMESPACE = 'CLIENTBASE';

/** The file names the webpack build writes into `dist/addin/`, en and ru (locale override). */
export const FUNCTIONS_METADATA_FILES: Readonly<Record<Locale, string>> = {
  en: 'functions.json',
  ru: 'functions.ru.json',
};

const VALUE_TYPE: Readonly<Record<CatalogParamType, ExcelValueType>> = {
  number: 'number',
  integer: 'number',
  // A day may be a date cell (a serial), an ISO text or a DATE() result: the codec decodes it.
  day: 'any',
  text: 'string',
  boolean: 'boolean',
  range: 'any',
};

function parameterMetadata(param: CatalogParam, locale: Locale): ExcelParameterMetadata {
  // Units are written in English in the catalog, so only the English help shows them.
  const unit = param.unit !== undefined && locale === 'en' ? ` (${param.unit})` : '';
  return {
    name: param.name,
    description: param.description[locale] + unit,
    type: VALUE_TYPE[param.type],
    dimensionality: param.type === 'range' ? 'matrix' : 'scalar',
    ...(param.optional === true ? { optional: true } : {}),
  };
}

/**
 * The metadata of every catalog function in one locale: id and name are the catalog's base name
 * (the same in both locales, so formulas survive a language switch), descriptions and parameter
 * help in `locale`; a `range` parameter is `any` with `matrix` dimensionality; an `array` result
 * spills (`matrix`).
 *
 * Example: a catalog entry `CAC(marketingSpend: number, newClients: number)` gives
 * `{ id: 'CAC', name: 'CAC', parameters: [{ name: 'marketingSpend', type: 'number', ... }, ...],
 * result: { type: 'any', dimensionality: 'scalar' } }` (checked in test/addin).
 */
export function buildFunctionsMetadata(
  catalog: readonly CatalogFunction[],
  locale: Locale,
): ExcelFunctionsMetadata {
  return {
    functions: catalog.map((fn) => ({
      id: fn.name,
      name: fn.name,
      description: fn.description[locale],
      parameters: fn.params.map((p) => parameterMetadata(p, locale)),
      result: { type: 'any', dimensionality: fn.result === 'array' ? 'matrix' : 'scalar' },
    })),
  };
}
