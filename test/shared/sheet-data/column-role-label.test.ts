import { columnRoleLabel, columnRoleMessageId } from '../../../shared/sheet-data/column-role-label';
import { uiMessages } from '../../../shared/i18n/ui-messages';
import { HEADER_SYNONYMS } from '../../../shared/sheet-data/header-synonyms';
import type { ColumnRole } from '../../../shared/sheet-data/types';

describe('columnRoleLabel', () => {
  it('gives the doc card examples', () => {
    expect(columnRoleMessageId('orderId')).toBe('roleOrderId');
    expect(columnRoleLabel('date', 'ru')).toBe('Дата покупки');
    expect(columnRoleLabel('lastPurchaseDate', 'en')).toBe('Last purchase date');
  });

  it('has an en and a ru name for every role the reader maps', () => {
    for (const role of Object.keys(HEADER_SYNONYMS) as ColumnRole[]) {
      expect(uiMessages).toHaveProperty(columnRoleMessageId(role));
      expect(columnRoleLabel(role, 'en')).not.toBe('');
      expect(columnRoleLabel(role, 'ru')).not.toBe(columnRoleLabel(role, 'en'));
    }
  });
});
