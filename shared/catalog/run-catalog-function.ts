import type {
  CatalogArg,
  CatalogContext,
  CatalogFunction,
  CatalogParam,
  CatalogResult,
} from './types';
import { callLocale, decodeCatalogArgument } from './catalog-arguments';
import { catalogError } from './catalog-messages';
import { localiseError } from './localise-error';

/** What a host supplies to run a catalog function: its codec's two halves. */
export interface CatalogCodec<Out> {
  /**
   * One raw host argument as a `CatalogArg`: host types converted (date serials or `Date` objects
   * to calendar days, blanks to `undefined`, a range to a grid), text passed through as typed for
   * the core to read (`decodeCatalogArgument`).
   */
  readonly decode: (param: CatalogParam, raw: unknown) => CatalogArg;
  /** The core result in the host's shape. */
  readonly encode: (result: CatalogResult) => Out;
}

/**
 * The result rule every host shows the same way: an `array` function with no rows to show throws
 * `AnalyticsError('not_available')` "No rows to show." (with `withHeader` TRUE a function returns
 * its header row, which is shown alone); a `scalar` function whose number is not finite throws
 * `AnalyticsError('numeric')`.
 */
function checkedResult(result: CatalogResult): CatalogResult {
  if (Array.isArray(result)) {
    const rows = result as readonly (readonly unknown[])[];
    if (rows.length === 0 || rows.every((row) => row.length === 0)) {
      throw catalogError('not_available', 'result.noRows');
    }
    return result;
  }
  if (typeof result === 'number' && !Number.isFinite(result)) {
    throw catalogError('numeric', 'result.notFinite');
  }
  return result;
}

/**
 * One spreadsheet-function call, the path both hosts take: decode each argument with the host's
 * codec, read it by its catalog type (`decodeCatalogArgument`, in the call's language so `1,234`
 * reads the same in Excel and Sheets), one call of the core `implementation`, the result rule
 * (`checkedResult`), encode with the host's codec.
 *
 * Throws the error of any step with its message in the call's language (`callLocale`: the
 * `language` argument when it is valid, else `context.locale`, else English; see
 * `localiseError`); the host turns it into its error value.
 *
 * Example: `runCatalogFunction(findCatalogFunction('CAC'), ['1 234,5', 1], codec, { locale: 'ru' })`
 * is 1234.5 through an identity codec (tested in test/shared/catalog/run-catalog-function.test.ts).
 */
export function runCatalogFunction<Out>(
  fn: CatalogFunction,
  rawArgs: readonly unknown[],
  codec: CatalogCodec<Out>,
  context: CatalogContext,
): Out {
  const args: CatalogArg[] = [];
  try {
    fn.params.forEach((param, i) => {
      args.push(codec.decode(param, rawArgs[i]));
    });
    const locale = callLocale(fn.params, args, context);
    const decoded = fn.params.map((param, i) => decodeCatalogArgument(param, args[i], locale));
    return codec.encode(checkedResult(fn.implementation(decoded, context)));
  } catch (error) {
    throw localiseError(error, callLocale(fn.params, args, context));
  }
}
