import { translate } from '../../shared/i18n';
import { sidebarMessages } from '../../shared/i18n/sidebar-messages';
import { ANALYSIS_IDS, detectAvailableAnalyses, detectColumnsNow } from '../../shared/workflows';
import type { ServerApi } from '../server-api';
import { sheetsCodecContext, userLocale } from './gas-context';
import { runAnalysesStepNow } from './run-step';
import { SheetsHost } from './sheets-host';

/** A host over the active spreadsheet, with dates decoded in its time zone. */
function activeHost(): SheetsHost {
  return new SheetsHost(SpreadsheetApp.getActiveSpreadsheet(), sheetsCodecContext(userLocale));
}

/**
 * The server side of the sidebar (see `ServerApi`); each is declared at top level by the build.
 * Errors propagate as thrown `Error`s, which `google.script.run` hands to the failure handler.
 */
export const serverApi: ServerApi = {
  getSidebarState() {
    const host = activeHost();
    const available = detectAvailableAnalyses();
    return {
      locale: userLocale(),
      activeSheetName: SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName(),
      ownedSheetNames: host
        .listSheetsNow()
        .filter((s) => s.owned)
        .map((s) => s.name),
      availableAnalyses: ANALYSIS_IDS.filter((id) => available.has(id)),
    };
  },

  detectColumns(request) {
    return detectColumnsNow(activeHost(), { ...request, locale: userLocale() });
  },

  runAnalysesStep(request, cursor) {
    return runAnalysesStepNow(activeHost(), request, cursor, userLocale(), () => Date.now());
  },

  removeResultSheets() {
    const host = activeHost();
    const owned = host.listSheetsNow().filter((s) => s.owned);
    for (const sheet of owned) host.deleteOwnedSheetNow(sheet.name);
    SpreadsheetApp.getActiveSpreadsheet().toast(
      translate(sidebarMessages, 'removedSheets', userLocale(), { count: owned.length }),
    );
    return owned.length;
  },
};
