import { runCatalogFunction } from '../../shared/catalog/run-catalog-function';
import type { CatalogFunction } from '../../shared/catalog/types';
import type { Locale } from '../../shared/i18n/translate';
import type { DateSystem } from '../../shared/sheet-data/types';
import { decodeArgument, encodeError, encodeResult, type EncodedResult } from '../excel-codec';

export interface InvokeContext {
  readonly dateSystem: DateSystem;
  readonly locale: Locale;
}

/**
 * One custom-function call: the catalog's one invocation path (`runCatalogFunction`) with the
 * Excel codec's decode and encode. Never throws: every failure becomes an encoded Excel error
 * (`#VALUE!`, `#N/A` or `#NUM!` with the message, in the call's language). Arguments beyond the
 * catalog's parameters (Excel may pass an invocation object) are ignored.
 *
 * Example: with a catalog `CAC` of 1000 spend and 4 new clients the result is 250 (test/addin).
 */
export function invokeCatalogFunction(
  fn: CatalogFunction,
  rawArgs: readonly unknown[],
  context: InvokeContext,
): EncodedResult {
  try {
    return runCatalogFunction(
      fn,
      rawArgs,
      {
        decode: (param, raw) => decodeArgument(param.type, raw, param.name, context.dateSystem),
        encode: (result) => encodeResult(result, fn.result),
      },
      context,
    );
  } catch (error) {
    return encodeError(error);
  }
}
