import { dropTables, sqlMigration } from '@sunshine/platform';

/**
 * Each unit's official mailbox (单位政务邮箱, one per unit) its e-mail notices go to: the address sealed with the field
 * cipher like a webhook's URL, and what may be shown (its first character and domain). Who set it last and when.
 */
export const NotificationUnitMailboxes1796400000000 = sqlMigration('NotificationUnitMailboxes1796400000000', {
  up: [
    `CREATE TABLE unit_mailboxes (
       unit_id text PRIMARY KEY,
       address_sealed text NOT NULL,
       address_shown text NOT NULL,
       updated_by text NOT NULL,
       updated_at timestamptz NOT NULL,
       created_at timestamptz NOT NULL
     )`,
  ],
  down: dropTables('unit_mailboxes'),
});
