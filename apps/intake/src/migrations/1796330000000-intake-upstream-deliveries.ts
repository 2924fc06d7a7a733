import { sqlMigration } from '@sunshine/platform';

/**
 * Issue 21: the change stream to the upstream petition information system. One delivery per reported case event
 * (planned in the transaction that folds the event into the replica; the event id is the key and the idempotency key
 * the upstream dedupes by), `sequence` the case's n-th message, `lane` urgent from a report up on (Art 25); parked
 * after the configured attempts until ops replay it, each replay recorded.
 */
export const IntakeUpstreamDeliveries1796330000000 = sqlMigration('IntakeUpstreamDeliveries1796330000000', {
  up: [
    `CREATE TABLE upstream_deliveries (
       event_id uuid PRIMARY KEY, case_id uuid NOT NULL, seq bigserial NOT NULL, sequence int NOT NULL,
       lane text NOT NULL DEFAULT 'normal' CHECK (lane IN ('normal', 'urgent')), event_type text NOT NULL, body jsonb NOT NULL,
       created_at timestamptz NOT NULL, attempts int NOT NULL DEFAULT 0, next_attempt_at timestamptz NOT NULL,
       delivered_at timestamptz, last_error text, parked_at timestamptz, UNIQUE (case_id, sequence))`,
    `CREATE INDEX upstream_deliveries_pending ON upstream_deliveries (lane, seq) WHERE delivered_at IS NULL`,
    `CREATE INDEX upstream_deliveries_case ON upstream_deliveries (case_id, seq) WHERE delivered_at IS NULL`,
    `CREATE INDEX upstream_deliveries_parked ON upstream_deliveries (parked_at) WHERE parked_at IS NOT NULL AND delivered_at IS NULL`,
    `CREATE TABLE upstream_delivery_replays (
       id uuid PRIMARY KEY, event_id uuid NOT NULL REFERENCES upstream_deliveries (event_id) ON DELETE CASCADE, reason text NOT NULL,
       replayed_by text NOT NULL, replayed_at timestamptz NOT NULL, attempts_before int NOT NULL, last_error text)`,
  ],
  down: [`DROP TABLE upstream_delivery_replays`, `DROP TABLE upstream_deliveries`],
});
