import type { CatalogFunction } from '../shared/catalog/types';
import { AnalyticsError } from '../shared/errors';
import { translate } from '../shared/i18n';
import { sidebarMessages } from '../shared/i18n/sidebar-messages';
import type { SheetsArg, SheetsCodecContext, SheetsResult } from './sheets-codec';
import { decodeArg, encodeResult, toSheetsError } from './sheets-codec';

/**
 * Runs one catalog function as a Sheets custom function: decode each argument by its catalog
 * type, one core call, encode the result (see `sheets-codec.ts`). Adapters translate, they never
 * compute.
 *
 * Throws `Error(message)` (what Sheets shows in the cell) for an unknown name, a bad argument or
 * any error of the core. Example: `invokeCustomFunction(catalog, 'ADD', [1, 2], ctx)` with a
 * catalog entry `ADD(a, b) = a + b` returns 3.
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
    const decoded = fn.params.map((param, i) => decodeArg(param, args[i], context));
    return encodeResult(fn.implementation(decoded, { locale: context.locale }), context);
  } catch (error) {
    throw toSheetsError(error, context.locale);
  }
}
