import { offeredColumnRoles } from '../../../shared/workflows/offered-column-roles';

describe('offeredColumnRoles', () => {
  test('a transaction list offers all its roles, client, date and amount required, whatever was mapped', () => {
    expect(offeredColumnRoles('transactions', { client: 0, date: 1 })).toEqual([
      { role: 'client', required: true },
      { role: 'date', required: true },
      { role: 'amount', required: true },
      { role: 'orderId', required: false },
      { role: 'profit', required: false },
      { role: 'manager', required: false },
      { role: 'channel', required: false },
      { role: 'category', required: false },
    ]);
  });

  test('a client list offers its dates, count and revenue (no purchase date or amount), then other mapped roles', () => {
    expect(
      offeredColumnRoles('clients', { client: 0, email: 3 }).map((r) =>
        r.required ? `${r.role}*` : r.role,
      ),
    ).toEqual([
      'client*',
      'lastPurchaseDate',
      'firstPurchaseDate',
      'purchaseCount',
      'totalRevenue',
      'manager',
      'channel',
      'email',
    ]);
  });
});
