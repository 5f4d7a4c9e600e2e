import { translate } from '../../shared/i18n';
import { sidebarMessages } from '../../shared/i18n/sidebar-messages';
import { userLocale } from './gas-context';

/**
 * The add-on's entry points in the Sheets UI: the menu added when a spreadsheet opens, the
 * sidebar, and the Workspace add-on homepage card. The menu and sidebar texts follow the user's
 * interface language (`Session.getActiveUserLocale()`).
 */

/** Simple trigger: adds the add-on menu (Extensions → Client base) in the user's language. */
export function onOpen(_event?: unknown): void {
  const locale = userLocale();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(translate(sidebarMessages, 'menuOpenSidebar', locale), 'showSidebar')
    .addSeparator()
    .addItem(translate(sidebarMessages, 'menuRemoveResults', locale), 'removeResultSheets')
    .addToUi();
}

/** Runs when the add-on is installed: the menu should appear without reopening the file. */
export function onInstall(event?: unknown): void {
  onOpen(event);
}

/** Opens the sidebar (`sidebar.html`, built with its script inlined). */
export function showSidebar(): void {
  const locale = userLocale();
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(
    translate(sidebarMessages, 'sidebarTitle', locale),
  );
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Workspace add-on homepage: a card that points to the menu, since the analyses run in the
 * sidebar of the spreadsheet (https://developers.google.com/apps-script/manifest/addons).
 */
export function onHomepage(_event?: unknown): GoogleAppsScript.Card_Service.Card {
  const locale = userLocale();
  return CardService.newCardBuilder()
    .setHeader(
      CardService.newCardHeader().setTitle(translate(sidebarMessages, 'sidebarTitle', locale)),
    )
    .addSection(
      CardService.newCardSection().addWidget(
        CardService.newTextParagraph().setText(translate(sidebarMessages, 'homepageHint', locale)),
      ),
    )
    .build();
}
