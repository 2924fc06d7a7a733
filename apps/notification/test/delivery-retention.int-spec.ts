import { retentionSchedule } from '@sunshine/domain';
import { type RetentionDb, runRetention } from '@sunshine/platform';

import { notificationRetentionSteps } from '../src/retention/delivery-retention';
import { NotificationWorld } from './support/notification-world';

const DAY = 86_400_000;

// 个人信息保存期限 (PIPL Art 19): a delivery that ended the schedule's period ago (180 days by default) loses its masked
// address, its parameters and the provider's reply; what went to whom and how it ended stay.
describe('notification: deliveries past their retention period', () => {
  const w = NotificationWorld.forSuite('2026-06-01T02:00:00Z');

  it('erases the ended deliveries 180 days old or more, once, and keeps the rest', async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const rows: Array<[string, string, Date, Date | null]> = [
      ['00000000-0000-4000-8000-00000000e001', 'delivered', ago(200), ago(200)],
      ['00000000-0000-4000-8000-00000000e002', 'dead', ago(181), null],
      ['00000000-0000-4000-8000-00000000e003', 'delivered', ago(100), ago(100)],
      ['00000000-0000-4000-8000-00000000e004', 'pending', ago(300), null],
    ];
    for (const [id, status, updatedAt, deliveredAt] of rows) {
      await w.sql(
        `INSERT INTO deliveries (id, event_id, event_type, recipient, channel, kind, case_id, rule_version, params, status, not_before,
           address_masked, provider_id, last_error, created_at, updated_at, delivered_at)
         VALUES ($1, $1, 'case.accepted', 'petitioner:00000000-0000-4000-8000-0000000000c1', 'sms', 'petitioner.accepted',
           '00000000-0000-4000-8000-0000000000c1', 1, '{"caseNumber": "X-1"}', $2, $5, '135****0011', 'sms-77', 'busy', $3, $3, $4)`,
        [id, status, updatedAt, deliveredAt, status === 'pending' ? new Date(now.getTime() + 10 * DAY) : updatedAt],
      );
    }
    const db: RetentionDb = {
      query: async <R extends object>(text: string, params?: unknown[]) => ({ rows: await w.sql<R>(text, params) }),
    };

    const taken = await runRetention(notificationRetentionSteps(db), retentionSchedule(), now);
    expect(Object.fromEntries(taken)).toEqual({ 'notification-delivery': 2 });
    expect(
      await w.sql(
        `SELECT right(id::text, 4) AS id, status, recipient, address_masked, params, provider_id, last_error, erased_at IS NOT NULL AS erased
           FROM deliveries ORDER BY id`,
      ),
    ).toEqual([
      {
        id: 'e001',
        status: 'delivered',
        recipient: 'petitioner:00000000-0000-4000-8000-0000000000c1',
        address_masked: null,
        params: {},
        provider_id: null,
        last_error: null,
        erased: true,
      },
      {
        id: 'e002',
        status: 'dead',
        recipient: 'petitioner:00000000-0000-4000-8000-0000000000c1',
        address_masked: null,
        params: {},
        provider_id: null,
        last_error: null,
        erased: true,
      },
      {
        id: 'e003',
        status: 'delivered',
        recipient: 'petitioner:00000000-0000-4000-8000-0000000000c1',
        address_masked: '135****0011',
        params: { caseNumber: 'X-1' },
        provider_id: 'sms-77',
        last_error: 'busy',
        erased: false,
      },
      {
        id: 'e004',
        status: 'pending',
        recipient: 'petitioner:00000000-0000-4000-8000-0000000000c1',
        address_masked: '135****0011',
        params: { caseNumber: 'X-1' },
        provider_id: 'sms-77',
        last_error: 'busy',
        erased: false,
      },
    ]);
    expect(Object.fromEntries(await runRetention(notificationRetentionSteps(db), retentionSchedule(), now))).toEqual({
      'notification-delivery': 0,
    });
  });
});
