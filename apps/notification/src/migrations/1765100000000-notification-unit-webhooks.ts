import { dropTables, sqlMigration } from '@sunshine/platform';

/**
 * Each unit's webhook (one per unit): the URL and the signing secret, both sealed with the field cipher (a robot's
 * URL often carries its access token), with what may be shown: the URL without its query, the secret's last 4
 * characters. Who set it last and when.
 */
export const NotificationUnitWebhooks1765100000000 = sqlMigration('NotificationUnitWebhooks1765100000000', {
  up: [
    `CREATE TABLE unit_webhooks (
       unit_id text PRIMARY KEY,
       url_sealed text NOT NULL,
       url_shown text NOT NULL,
       secret_sealed text NOT NULL,
       secret_last4 text NOT NULL,
       updated_by text NOT NULL,
       updated_at timestamptz NOT NULL,
       created_at timestamptz NOT NULL
     )`,
  ],
  down: dropTables('unit_webhooks'),
});
