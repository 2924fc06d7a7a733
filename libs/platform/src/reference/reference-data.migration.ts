import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reference-data replica (every service) and the publisher's revision counter (used by the owners: supervision
 * for calendar years and deadline policies, routing for the rule set in force and the category table).
 */
export class ReferenceData1763900000000 implements MigrationInterface {
  name = 'ReferenceData1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reference_data (
      kind text NOT NULL,
      id text NOT NULL,
      revision int NOT NULL,
      payload jsonb NOT NULL,
      event_id uuid NOT NULL,
      published_at timestamptz,
      published_by text,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, id))`);
    await q.query(`CREATE TABLE reference_publications (
      kind text NOT NULL,
      id text NOT NULL,
      revision int NOT NULL,
      payload jsonb NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      published_by text NOT NULL,
      PRIMARY KEY (kind, id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reference_publications`);
    await q.query(`DROP TABLE reference_data`);
  }
}
