import { dropTables, sqlMigration } from '../database/sql-migration';

/**
 * The reference-data replica (every service) and the publisher's revision counter (used by the owners: supervision
 * for calendar years and deadline policies, routing for the rule set in force and the category table).
 */
export const ReferenceData1763900000000 = sqlMigration('ReferenceData1763900000000', {
  up: [
    `CREATE TABLE reference_data (
      kind text NOT NULL,
      id text NOT NULL,
      revision int NOT NULL,
      payload jsonb NOT NULL,
      event_id uuid NOT NULL,
      published_at timestamptz,
      published_by text,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, id))`,
    `CREATE TABLE reference_publications (
      kind text NOT NULL,
      id text NOT NULL,
      revision int NOT NULL,
      payload jsonb NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      published_by text NOT NULL,
      PRIMARY KEY (kind, id))`,
  ],
  down: dropTables('reference_publications', 'reference_data'),
});
