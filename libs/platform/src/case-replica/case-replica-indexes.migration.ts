import { sqlMigration } from '../database/sql-migration';

/**
 * Indexes for the lists' visibility and scope conditions, written as `column @> ARRAY[$n]` (GIN) and `column = $n`
 * (btree) so every disjunct of the visibility pre-filter can be an index scan (a BitmapOr), and a unit's inbox
 * (`held_by @> ARRAY[unit]`) reads only that unit's cases. `$1 = ANY(column)` can use none of them.
 */
export const CaseReplicaIndexes1765100000000 = sqlMigration('CaseReplicaIndexes1765100000000', {
  up: [
    `CREATE INDEX IF NOT EXISTS case_replica_held_by ON case_replica USING gin (held_by)`,
    `CREATE INDEX IF NOT EXISTS case_replica_discipline ON case_replica USING gin (discipline_divisions)`,
    `CREATE INDEX IF NOT EXISTS case_replica_receiving ON case_replica (receiving_unit_id)`,
  ],
  down: [
    `DROP INDEX IF EXISTS case_replica_receiving`,
    `DROP INDEX IF EXISTS case_replica_discipline`,
    `DROP INDEX IF EXISTS case_replica_held_by`,
  ],
});
