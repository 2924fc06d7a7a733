import type { RetentionDb, RetentionStep } from '@sunshine/platform';

/** A delivery that will not be attempted again. */
const ENDED = ['delivered', 'skipped', 'dead'];

/**
 * Notification's step of the retention run (libs/platform runRetention, the period from the schedule in libs/domain):
 * `notification-delivery`: a delivery ended (delivered, skipped, dead) the period ago loses its masked address, its
 * template parameters, the provider's id and its last error; what was sent to whom, when and how it ended stay (the
 * recipient is `unit:<id>` or `petitioner:<case id>`, never an address). Marked `erased_at`, never taken twice.
 */
export function notificationRetentionSteps(db: RetentionDb): RetentionStep[] {
  return [
    {
      record: 'notification-delivery',
      run: async (cutoff, now, batch) =>
        (
          await db.query<{ id: string }>(
            `UPDATE deliveries SET address_masked = NULL, params = '{}', provider_id = NULL, last_error = NULL, erased_at = $4
              WHERE id IN (SELECT id FROM deliveries
                            WHERE erased_at IS NULL AND status = ANY($1) AND coalesce(delivered_at, updated_at) <= $2
                            ORDER BY coalesce(delivered_at, updated_at), id LIMIT $3)
              RETURNING id`,
            [ENDED, cutoff, batch, now],
          )
        ).rows.length,
    },
  ];
}
