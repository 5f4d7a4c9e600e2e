import { functionCatalog } from '../../shared/catalog';
import type { CatalogFunction } from '../../shared/catalog/types';
import { localeFromTag } from '../../shared/i18n/translate';
import type { DateSystem } from '../../shared/sheet-data/types';
import type { EncodedResult, EncodedScalar, ExcelErrorKind } from '../excel-codec';
import { invokeCatalogFunction } from './invoke-catalog-function';

/** The parts of Excel's `CustomFunctions` global this file uses. */
export interface CustomFunctionsApi {
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  readonly Error: new (code: string, message?: string) => unknown;
  readonly ErrorCode: Readonly<Record<ExcelErrorKind, string>>;
}

let functionsDateSystem: DateSystem = '1900';

/**
 * Sets the date system the custom functions decode serials with. The task pane calls it after
 * detecting or reading the workbook's setting (both run in the shared runtime).
 */
export function setFunctionsDateSystem(system: DateSystem): void {
  functionsDateSystem = system;
}

export function getFunctionsDateSystem(): DateSystem {
  return functionsDateSystem;
}

function toExcel(api: CustomFunctionsApi, value: EncodedScalar): unknown {
  return typeof value === 'object'
    ? new api.Error(api.ErrorCode[value.errorKind], value.message)
    : value;
}

/** An encoded result as Excel values, errors as `CustomFunctions.Error` objects. */
export function materialise(api: CustomFunctionsApi, result: EncodedResult): unknown {
  if (Array.isArray(result)) return result.map((row) => row.map((v) => toExcel(api, v)));
  return toExcel(api, result);
}

/**
 * Registers every catalog function with Excel under its base name (the manifest adds the
 * `CLIENTBASE` namespace). Each call is synchronous: decode -> one core call -> encode.
 */
export function registerCustomFunctions(
  api: CustomFunctionsApi,
  catalog: readonly CatalogFunction[] = functionCatalog,
  locale: () => string | undefined = () => undefined,
): void {
  for (const fn of catalog) {
    api.associate(fn.name, (...args: unknown[]) =>
      materialise(
        api,
        invokeCatalogFunction(fn, args, {
          dateSystem: functionsDateSystem,
          locale: localeFromTag(locale()),
        }),
      ),
    );
  }
}
