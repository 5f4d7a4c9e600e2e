import { translate, type Locale } from '../i18n';
import { uiMessages, type UiMessageId } from '../i18n/ui-messages';
import type { ColumnRole } from './types';

/**
 * The message id of a column role's name (`roleClient`, `roleLastPurchaseDate`, ...), as the task
 * pane, the sidebar and the reader's notes show it.
 * @example columnRoleMessageId('orderId') === 'roleOrderId' (tested)
 */
export function columnRoleMessageId(role: ColumnRole): UiMessageId {
  return `role${role.charAt(0).toUpperCase()}${role.slice(1)}` as UiMessageId;
}

/**
 * The name of a column role in `locale`.
 * @example columnRoleLabel('date', 'ru') === 'Дата покупки' (tested)
 */
export function columnRoleLabel(role: ColumnRole, locale: Locale): string {
  return translate(uiMessages, columnRoleMessageId(role), locale);
}
