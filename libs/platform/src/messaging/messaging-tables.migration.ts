import { sqlMigration } from '../database/sql-migration';

/** Outbox, inbox (processed events), dead letters and parked messages, in the service's schema (search_path). */
export const MessagingTables1763780000000 = sqlMigration('MessagingTables1763780000000', {
  up: [
    `CREATE TABLE outbox (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      type text NOT NULL,
      value jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      batch_id uuid)`,
    `CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL`,
    `CREATE TABLE outbox_batches (
      id uuid PRIMARY KEY,
      offsets jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE processed_events (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id))`,
    `CREATE TABLE dead_letters (
      id uuid PRIMARY KEY,
      consumer text NOT NULL,
      topic text NOT NULL,
      message_key text NOT NULL,
      partition int NOT NULL,
      message_offset bigint NOT NULL,
      event_id text,
      event_type text,
      value text NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}',
      error text NOT NULL,
      attempts int NOT NULL,
      status text NOT NULL CHECK (status IN ('parked','replayed','discarded')),
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz)`,
    `CREATE UNIQUE INDEX dead_letters_one_parked_per_key ON dead_letters (consumer, topic, message_key) WHERE status = 'parked'`,
    `CREATE TABLE parked_messages (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      consumer text NOT NULL,
      topic text NOT NULL,
      message_key text NOT NULL,
      partition int NOT NULL,
      message_offset bigint NOT NULL,
      value text NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (consumer, topic, partition, message_offset))`,
  ],
  down: ['parked_messages', 'dead_letters', 'processed_events', 'outbox_batches', 'outbox'].map((t) => `DROP TABLE IF EXISTS ${t}`),
});
