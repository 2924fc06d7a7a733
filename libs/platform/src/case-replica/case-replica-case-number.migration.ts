import { sqlMigration } from '../database/sql-migration';

/**
 * A case by its number (`case_replica.case_number = $n`, and the inbox sorted by number) reads one index entry, not
 * every stored case: a Parallel Seq Scan of 0.46 s at 1,000,000 cases before (docs/benchmarks.md). Not unique: the
 * replica copies what intake assigned (unique there) and must not refuse an event over it.
 */
export const CaseReplicaCaseNumber1796282660000 = sqlMigration('CaseReplicaCaseNumber1796282660000', {
  up: [`CREATE INDEX IF NOT EXISTS case_replica_case_number ON case_replica (case_number)`],
  down: [`DROP INDEX IF EXISTS case_replica_case_number`],
});
