import { runCatalogFunction } from '../shared/catalog/run-catalog-function';
import type { CatalogFunction } from '../shared/catalog/types';
import { AnalyticsError } from '../shared/errors';
import { translate } from '../shared/i18n';
import { sidebarMessages } from '../shared/i18n/sidebar-messages';
import type { SheetsArg, SheetsCodecContext, SheetsResult } from './sheets-codec';
import { decodeArg, encodeResult, toSheetsError } from './sheets-codec';

/**
 * Runs one catalog function as a Sheets custom function: the catalog's one invocation path
 * (`runCatalogFunction`) with the Sheets codec's decode and encode (see `sheets-codec.ts`).
 * Adapters translate, they never compute.
 *
 * Throws `Error(message)` (what Sheets shows in the cell) for an unknown name, a bad argument or
 * any error of the core, in the call's language. Example: `invokeCustomFunction(catalog, 'ADD',
 * [1, 2], ctx)` with a catalog entry `ADD(a, b) = a + b` returns 3.
 */
export function invokeCustomFunction(
  catalog: readonly CatalogFunction[],
  name: string,
  args: readonly SheetsArg[],
  context: SheetsCodecContext,
): SheetsResult {
  try {
    const fn = catalog.find((f) => f.name === name);
    if (fn === undefined) {
      throw new AnalyticsError(
        'invalid_argument',
        translate(sidebarMessages, 'unknownFunction', context.locale, { name }),
      );
    }
    return runCatalogFunction(
      fn,
      args,
      {
        decode: (param, raw) => decodeArg(param, raw as SheetsArg, context),
        encode: encodeResult,
      },
      { locale: context.locale },
    );
  } catch (error) {
    throw toSheetsError(error, context.locale);
  }
}
