import { dropTables, sqlMigration } from '@sunshine/platform';

/**
 * The response to a 不满意 rating as jurisdiction policy (`dissatisfaction_policies`), and the ratings flagged to the
 * supervising bureau for review (`dissatisfaction_reviews`, one per case, stage and rated unit).
 */
export const SupervisionDissatisfaction1764900000000 = sqlMigration('SupervisionDissatisfaction1764900000000', {
  up: [
    `CREATE TABLE dissatisfaction_policies (
      id text PRIMARY KEY,
      jurisdiction text NOT NULL,
      response text NOT NULL CHECK (response IN ('review', 'order', 'none')),
      trigger text,
      revision int NOT NULL,
      published_by text NOT NULL,
      published_at timestamptz NOT NULL)`,
    `CREATE TABLE dissatisfaction_reviews (
      case_id uuid NOT NULL,
      stage text NOT NULL,
      unit_id text NOT NULL,
      bureau_unit_id text NOT NULL,
      rated_event_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      raised_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, stage, unit_id))`,
    `CREATE INDEX dissatisfaction_reviews_bureau ON dissatisfaction_reviews (bureau_unit_id, raised_at)`,
  ],
  down: dropTables('dissatisfaction_reviews', 'dissatisfaction_policies'),
});
