import { dropTables, sqlMigration } from '@sunshine/platform';

/**
 * Trust-bearing changes of the organisation directory (a unit's kind, parent, territory, competences, a new unit) go
 * through a change request: proposed by one city-level system administrator, approved by another (four eyes), with
 * who, when, why and the unit before and after. The table is the record; a unit is changed only when a request is
 * applied. At most one request per unit is pending; the database itself refuses a request decided by its proposer
 * (except a withdrawal, recorded as rejected).
 */
export const RoutingOrgChangeRequests1764700000000 = sqlMigration('RoutingOrgChangeRequests1764700000000', {
  up: [
    `CREATE TABLE org_change_requests (
      id uuid PRIMARY KEY,
      action text NOT NULL CHECK (action IN ('create', 'update')),
      unit_id text NOT NULL,
      changes jsonb NOT NULL,
      before jsonb,
      after jsonb NOT NULL,
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'rejected')),
      proposed_by text NOT NULL,
      proposed_by_unit text NOT NULL,
      proposed_at timestamptz NOT NULL DEFAULT now(),
      decided_by text,
      decided_by_unit text,
      decided_at timestamptz,
      decision_note text,
      applied_revision int,
      CHECK ((status = 'pending') = (decided_by IS NULL)),
      CHECK ((status = 'applied') = (applied_revision IS NOT NULL)),
      CHECK (status <> 'applied' OR decided_by <> proposed_by))`,
    `CREATE UNIQUE INDEX org_change_requests_one_pending ON org_change_requests (unit_id) WHERE status = 'pending'`,
    `CREATE INDEX org_change_requests_unit ON org_change_requests (unit_id, proposed_at)`,
    `CREATE INDEX org_change_requests_status ON org_change_requests (status, proposed_at)`,
  ],
  down: dropTables('org_change_requests'),
});
