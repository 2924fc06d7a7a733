import { dropTables, sqlMigration } from '../database/sql-migration';

/**
 * Who replayed or discarded a dead letter, and why (issue 17): one row per operator action, written before the action
 * runs (so a crash half-way still says who asked) and completed with its outcome.
 */
export const DeadLetterActions1764817000000 = sqlMigration('DeadLetterActions1764817000000', {
  up: [
    `CREATE TABLE dead_letter_actions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dead_letter_id uuid NOT NULL REFERENCES dead_letters (id),
      consumer text NOT NULL,
      action text NOT NULL CHECK (action IN ('replay','discard')),
      actor_subject text NOT NULL,
      actor_unit_id text NOT NULL,
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      acted_at timestamptz NOT NULL DEFAULT now(),
      ok boolean,
      applied int,
      error text,
      finished_at timestamptz)`,
    `CREATE INDEX dead_letter_actions_of ON dead_letter_actions (dead_letter_id, id)`,
  ],
  down: dropTables('dead_letter_actions'),
});
