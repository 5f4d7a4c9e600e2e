import type { CatalogArg, CatalogFunction } from '../../shared/catalog/types';
import type { Locale } from '../../shared/i18n/translate';
import type { DateSystem } from '../../shared/sheet-data/types';
import { decodeArgument, encodeError, encodeResult, type EncodedResult } from '../excel-codec';

export interface InvokeContext {
  readonly dateSystem: DateSystem;
  readonly locale: Locale;
}

/**
 * One custom-function call: decode Excel's arguments with the codec, call the catalog's core
 * function once, encode its result. Never throws: every failure becomes an encoded Excel error
 * (`#VALUE!`, `#N/A` or `#NUM!` with the message). Arguments beyond the catalog's parameters
 * (Excel may pass an invocation object) are ignored.
 *
 * Example: with a catalog `CAC` of 1000 spend and 4 new clients the result is 250 (test/addin).
 */
export function invokeCatalogFunction(
  fn: CatalogFunction,
  rawArgs: readonly unknown[],
  context: InvokeContext,
): EncodedResult {
  try {
    const args: CatalogArg[] = fn.params.map((param, i) =>
      decodeArgument(param.type, rawArgs[i], param.name, context.dateSystem),
    );
    return encodeResult(fn.implementation(args, context), fn.result);
  } catch (error) {
    return encodeError(error);
  }
}
