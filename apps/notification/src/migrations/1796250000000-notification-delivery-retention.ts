import { sqlMigration } from '@sunshine/platform';

/** 个人信息保存期限: when the retention job erased a delivery's masked address, parameters and provider reply. */
export const NotificationDeliveryRetention1796250000000 = sqlMigration('NotificationDeliveryRetention1796250000000', {
  up: [`ALTER TABLE deliveries ADD COLUMN erased_at timestamptz`],
  down: [`ALTER TABLE deliveries DROP COLUMN erased_at`],
});
