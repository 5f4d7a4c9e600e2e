import { functionCatalog } from '../../shared/catalog';
import { invokeCustomFunction } from '../custom-functions';
import type { SheetsArg, SheetsResult } from '../sheets-codec';
import { serverApi } from './server-functions';
import { sheetsCodecContext, spreadsheetLocale } from './gas-context';
import * as triggers from './triggers';

/**
 * The bundle's entry: everything the generated top-level declarations forward to. Webpack assigns
 * these exports to `var __cb`; the build appends `function NAME(...) { return __cb.invoke(...) }`
 * per catalog function, and forwarding declarations for `triggers` and `server`.
 */

/** Runs the catalog function `name` on the arguments Sheets passed (see `custom-functions.ts`). */
export function invoke(name: string, args: readonly SheetsArg[]): SheetsResult {
  return invokeCustomFunction(functionCatalog, name, args, sheetsCodecContext(spreadsheetLocale));
}

export { triggers, serverApi as server };
