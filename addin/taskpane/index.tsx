import { functionCatalog } from '../../shared/catalog';
import { localeFromTag } from '../../shared/i18n/translate';
import type { DateSystem } from '../../shared/sheet-data/types';
import { ExcelHost } from '../excel-host';
import {
  registerCustomFunctions,
  setFunctionsDateSystem,
  type CustomFunctionsApi,
} from '../functions/functions';
import { mountTaskpane } from './mount-taskpane';

export { mountTaskpane } from './mount-taskpane';

/** Document setting that remembers a workbook's date system (custom functions cannot read it). */
const DATE_SYSTEM_SETTING = 'clientbase.dateSystem';

const office = (globalThis as { Office?: typeof Office }).Office;
const customFunctions = (globalThis as { CustomFunctions?: CustomFunctionsApi }).CustomFunctions;

// The shared runtime loads this page once for the task pane and the functions: register the
// functions at load time, as Excel expects, then mount the pane when Office is ready.
if (customFunctions !== undefined) {
  registerCustomFunctions(customFunctions, functionCatalog, () => office?.context?.displayLanguage);
}

if (office !== undefined) {
  void office.onReady((info) => {
    if (info.host !== office.HostType.Excel) return;
    const settings = office.context.document.settings;
    const stored = settings.get(DATE_SYSTEM_SETTING) as unknown;
    const dateSystem: DateSystem = stored === '1904' ? '1904' : '1900';
    setFunctionsDateSystem(dateSystem);
    const locale = localeFromTag(office.context.displayLanguage);
    const host = new ExcelHost({ locale, dateSystem });
    mountTaskpane(host, {
      locale,
      dateSystem,
      onDateSystemChange: (system) => {
        host.setDateSystem(system);
        setFunctionsDateSystem(system);
        settings.set(DATE_SYSTEM_SETTING, system);
        settings.saveAsync();
      },
    });
  });
}
