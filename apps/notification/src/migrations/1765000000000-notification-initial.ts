import { dropTables, sqlMigration } from '@sunshine/platform';

/**
 * Notification's own tables: the stored rule tables of jurisdictions (the defaults live in code), one delivery per
 * (event, recipient, channel, notice kind) with only a masked address, the actions ops took on them, the in-app notices
 * with each staff member's read state. No personal data in clear: addresses are asked of intake just in time.
 */
export const NotificationInitial1765000000000 = sqlMigration('NotificationInitial1765000000000', {
  up: [
    `CREATE TABLE notice_rule_sets (
       division_code text NOT NULL,
       version int NOT NULL,
       rules jsonb NOT NULL,
       created_by text NOT NULL,
       created_by_unit text NOT NULL,
       reason text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (division_code, version)
     )`,
    `CREATE TABLE deliveries (
       id uuid PRIMARY KEY,
       event_id uuid NOT NULL,
       event_type text NOT NULL,
       recipient text NOT NULL,
       channel text NOT NULL,
       kind text NOT NULL,
       case_id uuid,
       unit_id text,
       roles text[] NOT NULL DEFAULT '{}',
       legal_kind text,
       urgent boolean NOT NULL DEFAULT false,
       rule_version int NOT NULL,
       params jsonb NOT NULL DEFAULT '{}',
       status text NOT NULL,
       attempts int NOT NULL DEFAULT 0,
       not_before timestamptz NOT NULL,
       address_masked text,
       provider_id text,
       last_error text,
       template_version int,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       delivered_at timestamptz,
       CONSTRAINT deliveries_once UNIQUE (event_id, recipient, channel, kind)
     )`,
    `CREATE INDEX deliveries_waiting ON deliveries (not_before) WHERE status IN ('pending', 'queued')`,
    `CREATE INDEX deliveries_by_status ON deliveries (status, created_at DESC)`,
    `CREATE TABLE delivery_actions (
       id uuid PRIMARY KEY,
       delivery_id uuid NOT NULL REFERENCES deliveries (id),
       action text NOT NULL,
       reason text NOT NULL,
       actor text NOT NULL,
       actor_unit text NOT NULL,
       at timestamptz NOT NULL
     )`,
    `CREATE TABLE notices (
       id uuid PRIMARY KEY,
       unit_id text NOT NULL,
       roles text[] NOT NULL,
       kind text NOT NULL,
       case_id uuid,
       event_type text NOT NULL,
       title text NOT NULL,
       body text NOT NULL,
       created_at timestamptz NOT NULL
     )`,
    `CREATE INDEX notices_by_unit ON notices (unit_id, created_at DESC, id DESC)`,
    `CREATE TABLE notice_reads (
       notice_id uuid NOT NULL REFERENCES notices (id),
       subject text NOT NULL,
       read_at timestamptz NOT NULL,
       PRIMARY KEY (notice_id, subject)
     )`,
  ],
  down: dropTables('notice_reads', 'notices', 'delivery_actions', 'deliveries', 'notice_rule_sets'),
});
